// Live co-editing of a body: prosemirror-collab with the server as the central authority. Steps
// go out as they are made and come back (everyone's, in the server's order) over server-sent
// events, or by long polling when those fail. Steps the server has not confirmed are kept in this
// browser (IndexedDB) at every change, with the document they apply to, so a closed tab or a lost
// connection loses nothing: on return they are rebased on what others did and sent, or, when they
// no longer apply, saved as a conflict draft beside the live text.
import { collab, sendableSteps, receiveTransaction, getVersion } from "prosemirror-collab";
import { Step } from "prosemirror-transform";
import { Plugin, PluginKey } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { schema } from "./schema.js";

const PRESENCE_MS = 4000;
// A request that has not answered by then is given up and made again: a connection that drops
// mid-request (a phone changing networks, a node that stopped) can leave it waiting for ever.
const SEND_TIMEOUT_MS = 10000;
const POLL_TIMEOUT_MS = 40000;
const RETRY_MS = 2000;
// The most steps a batch may carry (the server's Together.MAX_STEPS is 400): work piled up offline
// goes in several batches, each confirmed before the next.
const BATCH_STEPS = 200;
const othersKey = new PluginKey("others");

/** A name for this editor (tab) that no other will have. */
function newClientId() {
  const bytes = crypto.getRandomValues(new Uint8Array(15));
  return Array.from(bytes, (b) => b.toString(36).padStart(2, "0")).join("").slice(0, 24);
}

/**
 * Holds the Web Lock `name` for as long as this page lives, when no other page holds it; answers
 * whether it does. Work kept in IndexedDB belongs to the page holding its lock: another tab on the
 * same item keeps its own, and takes over only what a closed tab left.
 */
function hold(name) {
  // A browser without Web Locks keeps one tab's work at a time, as before them.
  if (!navigator.locks) return Promise.resolve(true);
  return new Promise((resolve) => {
    navigator.locks.request(name, { ifAvailable: true }, (lock) => {
      resolve(lock !== null);
      return lock ? new Promise(() => {}) : undefined;
    }).catch(() => resolve(false));
  });
}

/** IndexedDB's one store of unconfirmed work: one entry for each tab that has some, by item. */
function kept() {
  const opened = new Promise((resolve, reject) => {
    const request = indexedDB.open("masthead-together", 1);
    request.onupgradeneeded = () => request.result.createObjectStore("pending");
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const run = (mode, work) => opened.then((db) => new Promise((resolve, reject) => {
    const tx = db.transaction("pending", mode);
    const answer = work(tx.objectStore("pending"));
    tx.oncomplete = () => resolve(answer.result);
    tx.onerror = () => reject(tx.error);
  }));
  return {
    get: (key) => run("readonly", (s) => s.get(key)),
    keys: (from, to) => run("readonly", (s) => s.getAllKeys(IDBKeyRange.bound(from, to))),
    put: (key, value) => run("readwrite", (s) => s.put(value, key)),
    remove: (key) => run("readwrite", (s) => s.delete(key)),
  };
}

/** Others' carets in the body: a coloured mark with the person's name where their selection ends. */
function othersPlugin() {
  return new Plugin({
    key: othersKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const others = tr.getMeta(othersKey);
        if (!others) return set.map(tr.mapping, tr.doc);
        const decorations = [];
        for (const person of others) {
          const m = /^body:(\d+):(\d+)$/.exec(person.place);
          if (!m) continue;
          const head = Math.min(Number(m[2]), tr.doc.content.size);
          // A caret as a zero-width mark between characters, its name drawn by the stylesheet
          // (so it is never part of the text), and left alone by the local selection.
          decorations.push(Decoration.widget(head, () => {
            const caret = document.createElement("span");
            caret.className = "caret c" + person.colour;
            caret.setAttribute("aria-hidden", "true");
            caret.contentEditable = "false";
            caret.dataset.name = person.name;
            return caret;
          }, { key: person.clientID + ":" + head + ":" + person.colour, side: -1, ignoreSelection: true, marks: [] }));
        }
        return DecorationSet.create(tr.doc, decorations);
      },
    },
    props: { decorations: (state) => othersKey.getState(state) },
  });
}

/**
 * The text of work that no longer reads under this schema, as plain paragraphs: its document's
 * blocks, then all that its unconfirmed steps inserted.
 */
function asText(work) {
  const texts = (node, into) => {
    if (node && typeof node.text === "string") into.push(node.text);
    for (const child of (node && node.content) || []) texts(child, into);
    return into;
  };
  const blocks = ((work.doc && work.doc.content) || []).map((b) => texts(b, []).join(""));
  blocks.push((work.steps || []).map((step) => texts(step.slice, []).join("")).join(""));
  return schema.node("doc", null, blocks.filter((t) => t !== "").map((t) =>
    schema.node("paragraph", null, [schema.text(t)])).concat(blocks.some((t) => t !== "") ? [] : [schema.node("paragraph")]));
}

const sha256 = async (text) => Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256",
  new TextEncoder().encode(text))), (b) => b.toString(16).padStart(2, "0")).join("");

/**
 * Opens an item's body for co-editing: the server's body now, or this browser's unconfirmed work
 * on an earlier version of it. Answers null when the item cannot be co-edited (then the form's own
 * saving is used), else what the editor state needs and a `connect` to call with the view.
 */
export async function openTogether(item, words) {
  const base = "/newsroom/items/" + item + "/together";
  let opened;
  try {
    const answer = await fetch(base, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (!answer.ok) return null;
    opened = await answer.json();
  } catch {
    return null;
  }
  const store = kept();
  // This tab's entry: work a closed tab left on this item (its lock free), else one of its own.
  // ("item-N" alone is where releases before per-tab entries kept it.)
  const mine = "item-" + item;
  let key = null;
  let pending;
  for (const k of await store.keys(mine, mine + ":\uffff").catch(() => [])) {
    if ((k === mine || k.startsWith(mine + ":")) && await hold("masthead-together:" + k)) {
      key = k;
      pending = await store.get(k).catch(() => undefined);
      break;
    }
  }
  if (key === null) {
    key = mine + ":" + newClientId();
    await hold("masthead-together:" + key);
  }
  // Text rescued from work that cannot be rebased is kept apart (one entry each, with its own
  // lock), until the server has kept it as a conflict draft; a tab takes over those left by others.
  const rescuedPrefix = "rescued-" + mine + ":";
  const rescues = [];
  for (const k of await store.keys(rescuedPrefix, rescuedPrefix + "\uffff").catch(() => [])) {
    const left = await hold("masthead-together:" + k) && await store.get(k).catch(() => undefined);
    if (left) rescues.push({ key: k, doc: left.doc, revision: left.revision });
  }
  // Start from that work when it has some: its confirmed document and version, and its own name,
  // so that the server's copies of its steps count as confirmations.
  let start = pending && pending.steps && pending.steps.length ? pending : null;
  // Work that no longer reads under this schema (the server was updated since it was written),
  // whose steps no longer apply, or that is ahead of the server's version cannot be rebased: its
  // text is kept as a conflict draft.
  if (start) {
    try {
      if (!(start.version <= opened.version)) throw new Error("ahead of the server");
      let doc = schema.nodeFromJSON(start.doc);
      doc.check();
      for (const json of start.steps) {
        const result = Step.fromJSON(schema, json).apply(doc);
        if (result.failed) throw new Error(result.failed);
        doc = result.doc;
      }
    } catch {
      const rescue = { key: rescuedPrefix + newClientId(), doc: asText(start).toJSON(), revision: start.revision };
      await hold("masthead-together:" + rescue.key);
      // The work it came from goes only once its text is kept.
      if (await store.put(rescue.key, { doc: rescue.doc, revision: rescue.revision }).then(() => true, () => false)) {
        await store.remove(key).catch(() => {});
      }
      rescues.push(rescue);
      start = null;
    }
  }
  const clientID = start ? start.clientID : newClientId();
  let confirmed = schema.nodeFromJSON(start ? start.doc : opened.doc);
  return {
    doc: confirmed,
    plugins: [collab({ version: start ? start.version : opened.version, clientID }), othersPlugin()],
    connect(view, form, onStatus) {
      const csrf = form.querySelector("input[name=csrf]").value;
      let inFlight = false;
      let failures = 0;
      let stopped = false;
      const versionInputs = [];
      const hashInputs = [];
      for (const f of document.querySelectorAll("form[method=post]")) {
        if (!f.querySelector("input[name=revision]")) continue;
        for (const [name, list] of [["together_version", versionInputs], ["together_hash", hashInputs]]) {
          const input = document.createElement("input");
          input.type = "hidden";
          input.name = name;
          f.append(input);
          list.push(input);
        }
      }

      // A stopped copy is the conflict draft's, no longer this browser's to keep.
      async function remember() {
        if (stopped) return;
        const sendable = sendableSteps(view.state);
        const version = getVersion(view.state);
        versionInputs.forEach((i) => { i.value = String(version); });
        onStatus(sendable ? words.unsaved : words.saved);
        if (!sendable) {
          // Confirmed: a draft made from here on is based on the page's revision, not the one the
          // work brought back from IndexedDB was written on.
          if (start) start.revision = null;
          const hash = await sha256(JSON.stringify(view.state.doc.toJSON()));
          // Typing while the hash was made has put its steps in IndexedDB: they stay.
          if (sendableSteps(view.state)) return;
          if (getVersion(view.state) === version) {
            hashInputs.forEach((i) => { i.value = hash; });
          }
          await store.remove(key).catch(() => {});
          return;
        }
        hashInputs.forEach((i) => { i.value = ""; });
        await store.put(key, { version, clientID, doc: confirmed.toJSON(),
          steps: sendable.steps.map((s) => s.toJSON()), revision: form.querySelector("input[name=revision]").value })
          .catch(() => {});
      }

      // Others' steps wait until this person's own typing has been read from the page: the
      // editor reads some keystrokes (a space at the end of a paragraph) a moment late, and
      // redrawing the paragraph before then would lose them.
      let lastKey = 0;
      for (const type of ["keydown", "beforeinput", "input", "compositionend"]) {
        view.dom.addEventListener(type, () => { lastKey = performance.now(); });
      }
      function receive(data) {
        const quiet = performance.now() - lastKey;
        if (view.composing || quiet < 60) {
          setTimeout(() => receive(data), 60 - Math.min(quiet, 59));
          return;
        }
        const current = getVersion(view.state);
        if (data.version <= current) return;
        const first = data.version - data.steps.length + 1;
        if (first > current + 1) { catchUp(); return; }
        const skip = current + 1 - first;
        const steps = data.steps.slice(skip).map((json) => Step.fromJSON(schema, json));
        for (const step of steps) confirmed = step.apply(confirmed).doc;
        // Mapped forward: a caret after this person's own unconfirmed text stays after it when the
        // steps are rebased (mapped backward, it would fall before the last thing they typed).
        view.dispatch(receiveTransaction(view.state, steps, data.clientIDs.slice(skip)));
        failures = 0;
        changed();
      }

      // The steps after this copy's version, now; a failure is left to the stream or the poll.
      async function catchUp() {
        try {
          const answer = await fetch(base + "/steps?wait=no&version=" + getVersion(view.state),
            { headers: { Accept: "application/json" }, credentials: "same-origin",
              signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
          if (answer.ok) receive(await answer.json());
          else if (answer.status === 410) await lost(answer);
        } catch {
          onStatus(words.offline);
        }
      }

      // One batch in flight at a time. Accepted or answered with the steps it missed, the next
      // goes at once; refused, the copy becomes a conflict draft; anything else (no answer, a
      // node that stopped, a limit) is tried again in a moment with what is unconfirmed then.
      // While a failed send waits to be made again, typing does not send: one timer, not one
      // for every keystroke made offline.
      let retry = null;
      function sendLater(ms) {
        if (retry === null) retry = setTimeout(() => { retry = null; send(); }, ms);
      }

      async function send() {
        const sendable = sendableSteps(view.state);
        if (!sendable || inFlight || stopped || retry !== null) return;
        inFlight = true;
        let again = RETRY_MS;
        try {
          const answer = await fetch(base + "/steps", { method: "POST", credentials: "same-origin",
            headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": csrf },
            body: JSON.stringify({ version: sendable.version, clientID: String(sendable.clientID),
              steps: sendable.steps.slice(0, BATCH_STEPS).map((s) => s.toJSON()) }),
            signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
          const body = await answer.json().catch(() => ({}));
          if (answer.status === 409) { receive(body); again = 0; }
          else if (answer.status === 400) { stopped = true; await keepAsDraft(body.error); }
          // Accepted: take the steps back at once (the stream may bring them a moment later), so
          // the next batch is based on the version that includes them.
          else if (answer.ok) { await catchUp(); again = 0; }
          else onStatus(body.error || words.offline);
        } catch {
          onStatus(words.offline);
        } finally {
          inFlight = false;
        }
        if (!sendableSteps(view.state)) return;
        if (again === 0) setTimeout(send, 0);
        else sendLater(again);
      }

      // The server no longer keeps the steps this copy would need to catch up: it stops here,
      // and the copy becomes a conflict draft beside the live text.
      async function lost(answer) {
        if (stopped) return;
        stopped = true;
        const body = await answer.json().catch(() => ({}));
        await keepAsDraft(body.error);
      }

      // Keeps a copy of the body as a conflict draft beside the live text, never in its place:
      // answers the draft's page, or null when the server would not keep it; while the server
      // cannot be reached it tries again, and the copy stays in IndexedDB meanwhile.
      async function postDraft(doc, revision) {
        const data = new FormData(form);
        data.delete("together_version");
        data.delete("together_hash");
        data.set("together_draft", "1");
        // Work brought back from IndexedDB was written on the revision kept with it.
        if (revision) data.set("revision", revision);
        data.set("body_json", JSON.stringify(doc.toJSON()));
        for (;;) {
          let answer = null;
          try {
            answer = await fetch(form.action, { method: "POST", body: new URLSearchParams(data),
              headers: { Accept: "application/json" }, credentials: "same-origin",
              signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
          } catch {
            answer = null;
          }
          if (answer && answer.status < 500) {
            const body = await answer.json().catch(() => ({}));
            return body.conflict || null;
          }
          onStatus(words.offline);
          await new Promise((r) => setTimeout(r, RETRY_MS));
        }
      }

      function showDraft(where, reason) {
        if (!where) {
          onStatus(reason || words.refused);
          return;
        }
        const link = document.createElement("a");
        link.href = where;
        link.textContent = words.conflict;
        onStatus(link);
      }

      // What the server refused, or what cannot be rebased: this copy stops taking typing and
      // becomes a conflict draft, for a per-paragraph choice.
      async function keepAsDraft(reason) {
        stopped = true;
        view.setProps({ editable: () => false });
        const revision = start && start.revision;
        let where = await postDraft(view.state.doc, revision);
        // The revision that work was written on may be gone: then against the page's.
        if (!where && revision) where = await postDraft(view.state.doc, null);
        if (where) await store.remove(key).catch(() => {});
        showDraft(where, reason);
      }

      let streaming = false;
      function stream() {
        const source = new EventSource(base + "/events?version=" + getVersion(view.state));
        source.addEventListener("open", () => { streaming = true; failures = 0; });
        source.addEventListener("steps", (e) => receive(JSON.parse(e.data)));
        source.addEventListener("presence", (e) => showPresence(JSON.parse(e.data)));
        source.addEventListener("error", () => {
          source.close();
          streaming = false;
          failures += 1;
          if (failures < 3) setTimeout(stream, 1000 * failures);
          else poll();
        });
      }

      // Long polling, when server-sent events do not get through (a proxy that buffers them).
      async function poll() {
        while (!stopped) {
          try {
            const answer = await fetch(base + "/steps?version=" + getVersion(view.state),
              { headers: { Accept: "application/json" }, credentials: "same-origin",
                signal: AbortSignal.timeout(POLL_TIMEOUT_MS) });
            if (answer.ok) receive(await answer.json());
            else if (answer.status === 410) await lost(answer);
            else await new Promise((r) => setTimeout(r, 2000));
          } catch {
            await new Promise((r) => setTimeout(r, 2000));
          }
        }
      }

      const list = document.createElement("ul");
      list.className = "present";
      list.setAttribute("aria-live", "polite");
      list.setAttribute("aria-label", words.present);
      view.dom.parentNode.before(list);
      let shown = "";
      function showPresence(people) {
        const others = people.filter((p) => p.clientID !== clientID);
        const seen = JSON.stringify(others);
        if (seen === shown) return;
        const quiet = performance.now() - lastKey;
        if (view.composing || quiet < 60) {
          setTimeout(() => showPresence(people), 60 - Math.min(quiet, 59));
          return;
        }
        shown = seen;
        list.replaceChildren(...others.map((p) => {
          const li = document.createElement("li");
          li.className = "c" + p.colour;
          li.textContent = p.name;
          const where = document.createElement("span");
          where.textContent = p.place.startsWith("body:") ? words.inBody : p.place ? "· " + p.place : "";
          li.append(" ", where);
          return li;
        }));
        view.dispatch(view.state.tr.setMeta(othersKey, others).setMeta("addToHistory", false));
      }

      let place = "";
      async function here(gone) {
        try {
          const answer = await fetch(base + "/presence", { method: "POST", credentials: "same-origin", keepalive: gone,
            headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": csrf },
            body: JSON.stringify(gone ? { clientID, gone: true } : { clientID, place }) });
          if (answer.ok && !gone && !streaming) showPresence((await answer.json()).present);
        } catch {
          // presence is told again in a moment
        }
      }
      form.addEventListener("focusin", (e) => {
        const name = e.target.name;
        if (name && !view.dom.contains(e.target)) { place = name.replace(/[^A-Za-z0-9_]/g, ""); here(false); }
      });
      let lastSelection = "";
      function changed() {
        remember();
        const { from, to } = view.state.selection;
        const now = view.hasFocus() ? "body:" + from + ":" + to : place;
        if (now !== lastSelection) { lastSelection = now; place = now; clearTimeout(changed.timer); changed.timer = setTimeout(() => here(false), 150); }
      }
      window.addEventListener("pagehide", () => here(true));
      setInterval(() => here(false), PRESENCE_MS);
      stream();
      here(false);
      for (const rescue of rescues) {
        // The live text is edited as usual; the old work goes to a draft of its own, against the
        // revision it was written on or, when the server no longer has that one, the newest.
        const doc = schema.nodeFromJSON(rescue.doc);
        postDraft(doc, rescue.revision).then((where) => where || postDraft(doc, null)).then(async (where) => {
          const notice = document.createElement("p");
          notice.className = "notice rescued";
          if (where) {
            await store.remove(rescue.key).catch(() => {});
            const link = document.createElement("a");
            link.href = where;
            link.textContent = words.conflict;
            notice.append(link);
          } else {
            // Kept in this browser, and offered again the next time the item opens.
            notice.textContent = words.refused;
          }
          list.before(notice);
        });
      }
      if (start) {
        // This browser's unconfirmed steps, made again on the document they were made on, then
        // rebased on what others did meanwhile.
        try {
          let tr = view.state.tr;
          for (const json of start.steps) tr = tr.step(Step.fromJSON(schema, json));
          view.dispatch(tr);
          catchUp().then(send).catch(() => keepAsDraft(words.refused));
        } catch {
          keepAsDraft(words.refused);
        }
      }
      return {
        transaction(tr) {
          if (tr.docChanged) send();
          changed();
        },
      };
    },
  };
}
