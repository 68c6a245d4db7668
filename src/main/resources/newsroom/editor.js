// The desk's body editor: ProseMirror on the item form's body, in the blocks the content model
// keeps (paragraphs, sub-headings, quotes with who said them, lists, links, emphasis), each block's
// direction taken from its own text. Pasted documents are read through the same schema, so
// whatever a word processor adds is dropped. The form still works without this script: the body is
// then the plain-text field. Work is kept in this browser at every change and saved every few
// seconds; what the server has not confirmed stays in the browser.
import { schema, SAFE_LINK } from "./schema.js";
import { EditorState } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import { baseKeymap, setBlockType, toggleMark, wrapIn } from "prosemirror-commands";
import { keymap } from "prosemirror-keymap";
import { history, undo, redo } from "prosemirror-history";
import { wrapInList, splitListItem, liftListItem } from "prosemirror-schema-list";
import { openTogether } from "./together.js";

const AUTOSAVE_MS = 4000;
// A co-edited body reaches the server step by step; a revision of it is made this often while it
// changes (and on every save and workflow step).
const REVISION_MS = 120000;

/** Who said a quote: an input below the quoted words, kept as the node's attribute. */
class QuoteView {
  constructor(node, view, getPos, words) {
    this.dom = document.createElement("blockquote");
    this.dom.dir = "auto";
    this.contentDOM = document.createElement("p");
    const footer = document.createElement("footer");
    this.input = document.createElement("input");
    this.input.value = node.attrs.attribution;
    this.input.setAttribute("aria-label", words.attribution);
    this.input.placeholder = words.attribution;
    this.input.dir = "auto";
    this.input.addEventListener("input", () => {
      const pos = getPos();
      view.dispatch(view.state.tr.setNodeMarkup(pos, null, { attribution: this.input.value }));
    });
    footer.append(this.input);
    this.dom.append(this.contentDOM, footer);
  }
  update(node) {
    if (node.type.name !== "quote") return false;
    if (this.input.value !== node.attrs.attribution) this.input.value = node.attrs.attribution;
    return true;
  }
  stopEvent(event) { return event.target === this.input; }
  ignoreMutation(mutation) { return !this.contentDOM.contains(mutation.target); }
}

/** The library pictures the item form offers (its lead picture's choices): number, thumbnail, words. */
function libraryChoices() {
  return [...document.querySelectorAll('.lead-choice input[name="lead_picture"]')]
    .filter((input) => input.value)
    .map((input) => ({
      picture: Number(input.value),
      thumb: input.closest("label").querySelector("img")?.getAttribute("src") || "",
      label: input.closest("label").querySelector("span")?.textContent || input.value,
      alt: input.dataset.alt || "",
      caption: input.dataset.caption || "",
    }));
}

/** A library picture in the body: its thumbnail, and what it shows and its caption as inputs. */
class PictureView {
  constructor(node, view, getPos, words) {
    this.node = node;
    this.dom = document.createElement("figure");
    this.dom.className = "kept picture";
    this.dom.contentEditable = "false";
    const choice = libraryChoices().find((c) => c.picture === node.attrs.picture);
    if (choice && choice.thumb) {
      const img = document.createElement("img");
      img.src = choice.thumb;
      img.alt = "";
      img.width = 80;
      img.height = 80;
      this.dom.append(img);
    }
    const label = document.createElement("span");
    label.textContent = words.picture + " " + node.attrs.picture;
    this.dom.append(label);
    this.inputs = {};
    for (const [attr, name] of [["alt", words.pictureAlt], ["caption", words.pictureCaption]]) {
      const input = document.createElement("input");
      input.value = node.attrs[attr];
      input.dir = "auto";
      input.placeholder = name;
      input.setAttribute("aria-label", name);
      input.addEventListener("input", () => {
        const pos = getPos();
        const attrs = { ...view.state.doc.nodeAt(pos).attrs, [attr]: input.value };
        view.dispatch(view.state.tr.setNodeMarkup(pos, null, attrs));
      });
      this.inputs[attr] = input;
      this.dom.append(input);
    }
  }
  update(node) {
    if (node.type.name !== "picture" || node.attrs.picture !== this.node.attrs.picture) return false;
    this.node = node;
    for (const attr of ["alt", "caption"]) {
      if (this.inputs[attr].value !== node.attrs[attr]) this.inputs[attr].value = node.attrs[attr];
    }
    return true;
  }
  stopEvent(event) { return event.target instanceof HTMLInputElement; }
  ignoreMutation() { return true; }
}

/** Asks which library picture to put in the body: a dialog of the form's choices. */
function choosePicture(words, then) {
  const dialog = document.createElement("dialog");
  dialog.className = "picture-picker";
  const title = document.createElement("h2");
  title.textContent = words.pictureChoose;
  dialog.append(title);
  const list = document.createElement("div");
  list.className = "choices";
  for (const choice of libraryChoices()) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "choice";
    if (choice.thumb) {
      const img = document.createElement("img");
      img.src = choice.thumb;
      img.alt = "";
      img.width = 56;
      img.height = 56;
      button.append(img);
    }
    const label = document.createElement("span");
    label.textContent = choice.label;
    button.append(label);
    button.addEventListener("click", () => { dialog.close(); then(choice); });
    list.append(button);
  }
  const cancel = document.createElement("button");
  cancel.type = "button";
  cancel.textContent = words.pictureCancel;
  cancel.addEventListener("click", () => dialog.close());
  dialog.append(list, cancel);
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}

function toolbar(view, words) {
  const bar = document.createElement("div");
  bar.className = "toolbar";
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", words.toolbar);
  const s = schema;
  const items = [
    [words.paragraph, setBlockType(s.nodes.paragraph)],
    [words.heading, setBlockType(s.nodes.heading, { level: 2 })],
    [words.quote, setBlockType(s.nodes.quote)],
    [words.bulletList, wrapInList(s.nodes.bullet_list)],
    [words.orderedList, wrapInList(s.nodes.ordered_list)],
    [words.strong, toggleMark(s.marks.strong)],
    [words.em, toggleMark(s.marks.em)],
    [words.link, (state, dispatch) => {
      if (state.selection.empty) return false;
      if (!dispatch) return true;
      const href = window.prompt(words.linkPrompt, "https://");
      if (!href || !SAFE_LINK.test(href.trim())) return false;
      return toggleMark(s.marks.link, { href: href.trim() })(state, dispatch);
    }],
    [words.picture, (state, dispatch, v) => {
      if (!dispatch) return true;
      choosePicture(words, (choice) => {
        const node = s.nodes.picture.create({ picture: choice.picture, alt: choice.alt, caption: choice.caption });
        v.dispatch(v.state.tr.replaceSelectionWith(node).scrollIntoView());
        v.focus();
      });
      return true;
    }],
  ];
  for (const [label, command] of items) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.addEventListener("mousedown", (e) => e.preventDefault());
    button.addEventListener("click", () => { command(view.state, view.dispatch, view); view.focus(); });
    bar.append(button);
  }
  return bar;
}

// The form's own fields (headline, byline rows, sources…) as typed, in order, for keeping in the
// browser beside the body until the server has them.
const UNKEPT = new Set(["csrf", "revision", "body_json", "body_text", "profile", "language"]);
function fieldsOf(form) {
  return [...new FormData(form)].filter(([name]) => !UNKEPT.has(name));
}
function fieldsDiffer(form, fields) {
  return Array.isArray(fields) && JSON.stringify(fields) !== JSON.stringify(fieldsOf(form));
}
function restoreFields(form, fields) {
  if (!Array.isArray(fields)) return;
  const seen = {};
  for (const [name, value] of fields) {
    const at = seen[name] = (seen[name] ?? -1) + 1;
    const input = form.querySelectorAll(`[name="${CSS.escape(name)}"]`)[at];
    if (input) input.value = value;
  }
}

async function start(host) {
  const form = host.closest("form");
  const text = form.querySelector("textarea[name=body_text]");
  const words = {};
  for (const [key, value] of Object.entries(host.dataset)) {
    if (key.startsWith("words")) words[key[5].toLowerCase() + key.slice(6)] = value;
  }
  const item = host.dataset.item;
  const keep = "masthead-draft-" + (item || "new-" + location.search);
  const saved = JSON.parse(localStorage.getItem(keep) || "null");
  const revisionInput = form.querySelector("input[name=revision]");
  let docJson = JSON.parse(host.dataset.doc);
  let restored = false;
  // An item others may be editing at the same moment: the body is co-edited live, and what this
  // browser keeps of it is together.js's.
  const coEdited = Boolean(item) && host.dataset.together === "on";
  if (coEdited && saved && fieldsDiffer(form, saved.fields)) {
    restoreFields(form, saved.fields);
    restored = true;
    revisionInput.value = saved.revision;
  }
  const together = coEdited ? await openTogether(item, words) : null;
  if (!coEdited && saved && (JSON.stringify(saved.doc) !== JSON.stringify(docJson) || fieldsDiffer(form, saved.fields))) {
    // Work this browser kept and the server never confirmed. When others have saved since, it is
    // sent based on the revision it was written on, so the server merges it with theirs (or keeps
    // it as a conflict draft) rather than writing over them.
    docJson = saved.doc;
    restoreFields(form, saved.fields);
    restored = true;
    revisionInput.value = saved.revision;
  }
  const state = EditorState.create({
    doc: together ? together.doc : schema.nodeFromJSON(docJson),
    plugins: [...(together ? together.plugins : []), history(), keymap({ "Mod-z": undo, "Shift-Mod-z": redo, "Mod-y": redo,
      "Mod-b": toggleMark(schema.marks.strong), "Mod-i": toggleMark(schema.marks.em),
      "Enter": splitListItem(schema.nodes.list_item), "Mod-[": liftListItem(schema.nodes.list_item),
      "Mod-'": wrapIn(schema.nodes.quote) }), keymap(baseKeymap)],
  });
  const status = form.querySelector("#autosave");
  let dirty = restored;
  let live = null;
  let bodyMoved = false;
  const view = new EditorView(host, {
    state,
    nodeViews: {
      quote: (node, v, getPos) => new QuoteView(node, v, getPos, words),
      picture: (node, v, getPos) => new PictureView(node, v, getPos, words),
    },
    attributes: { class: "body", "aria-label": form.querySelector("label[for=body-text]").textContent, role: "textbox", "aria-multiline": "true" },
    dispatchTransaction(tr) {
      view.updateState(view.state.apply(tr));
      if (live) {
        live.transaction(tr);
        if (tr.docChanged) bodyMoved = true;
      } else if (tr.docChanged) changed();
    },
  });
  host.before(toolbar(view, words));
  text.hidden = true;
  text.disabled = true;
  form.querySelector("label[for=body-text]").htmlFor = "";
  form.querySelector("#body-hint")?.remove();
  const json = document.createElement("input");
  json.type = "hidden";
  json.name = "body_json";
  form.append(json);
  function changed() {
    dirty = true;
    localStorage.setItem(keep, JSON.stringify({ revision: revisionInput.value, doc: together ? null : view.state.doc.toJSON(), fields: fieldsOf(form) }));
    if (status) status.textContent = words.unsaved;
  }
  form.addEventListener("input", (e) => { if (!host.contains(e.target)) changed(); });
  form.addEventListener("submit", () => {
    json.value = JSON.stringify(view.state.doc.toJSON());
    // A new item's text is kept by the page the server answers with; the next new item starts empty.
    if (!item) localStorage.removeItem(keep);
  });
  if (restored && status) status.textContent = words.kept;
  if (host.dataset.profile === "brief") teaserPreview(form, view);
  if (!item) return;
  let sending = false;
  let stopped = false;
  if (together) {
    // "Saved" from the body's steps only while the form's own fields are saved too.
    live = together.connect(view, form, (message) => {
      if (status && !(message === words.saved && (dirty || sending))) status.replaceChildren(message);
    });
    setInterval(() => { if (bodyMoved) { bodyMoved = false; dirty = true; } }, REVISION_MS);
  }
  setInterval(async () => {
    if (!dirty || sending || stopped) return;
    dirty = false;
    sending = true;
    json.value = JSON.stringify(view.state.doc.toJSON());
    try {
      const answer = await fetch(form.action, { method: "POST", body: new URLSearchParams(new FormData(form)),
        headers: { Accept: "application/json" }, credentials: "same-origin" });
      const body = await answer.json();
      if (answer.ok && body.merged && together) {
        // Merged with a colleague's save, field by field; the body is co-edited live meanwhile.
        document.querySelectorAll("input[name=revision]").forEach((i) => { i.value = body.revision; });
        localStorage.removeItem(keep);
        if (status) status.textContent = words.saved;
      } else if (answer.ok && body.merged) {
        // Merged with a colleague's save: the page shows the merged text, or the next save would
        // carry this page's older fields over theirs.
        localStorage.removeItem(keep);
        location.reload();
      } else if (answer.ok) {
        document.querySelectorAll("input[name=revision]").forEach((i) => { i.value = body.revision; });
        localStorage.removeItem(keep);
        if (status) status.textContent = words.saved;
      } else {
        // After a conflict, what was sent waits on the server; saving again would only add more.
        if (answer.status === 409) stopped = true;
        if (status && answer.status === 409 && body.conflict) {
          const link = document.createElement("a");
          link.href = body.conflict;
          link.textContent = words.conflict;
          status.replaceChildren(link);
        } else if (status) {
          status.textContent = body.error;
        }
        if (answer.status !== 409) dirty = true;
      }
    } catch {
      dirty = true;
      if (status) status.textContent = words.unsaved;
    } finally {
      sending = false;
    }
  }, AUTOSAVE_MS);
}

/** Shows a brief's teaser as the in-brief rail will cut it, asking the server's own rule. */
function teaserPreview(form, view) {
  const box = form.querySelector(".teaser-preview");
  const out = form.querySelector("#teaser");
  let timer = null;
  let shown = null;
  async function ask() {
    const doc = view.state.doc;
    if (doc === shown) return;
    shown = doc;
    const body = new URLSearchParams({ csrf: form.querySelector("input[name=csrf]").value,
      language: form.querySelector("input[name=language]").value, body_json: JSON.stringify(doc.toJSON()) });
    const answer = await fetch("/newsroom/teaser", { method: "POST", body, headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (!answer.ok) return;
    const teaser = await answer.json();
    const more = document.createElement("span");
    more.className = "more";
    more.textContent = teaser.more;
    out.replaceChildren(teaser.text + (teaser.shortened ? teaser.ellipsis : "") + " ", more);
    box.hidden = false;
  }
  ask();
  view.dom.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(ask, 300); });
  view.dom.addEventListener("keyup", () => { clearTimeout(timer); timer = setTimeout(ask, 300); });
}

const host = document.getElementById("body-editor");
if (host) start(host);
