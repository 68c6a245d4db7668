// The server's side of co-editing: ProseMirror's own code checks and applies the steps browsers
// send, against the body's schema (the editor's own file). Holds each item's document at its
// newest version while the server keeps it; Java keeps the order and the database.
import { schema, SAFE_LINK } from "./newsroom/schema.js";
import { Node, Slice } from "prosemirror-model";
import { Step, ReplaceStep } from "prosemirror-transform";
import { ChangeSet } from "prosemirror-changeset";

const STEP_TYPES = new Set(["replace", "replaceAround", "addMark", "removeMark", "addNodeMark",
  "removeNodeMark", "attr"]);
const docs = new Map();

/** A refusal naming what is wrong with a step; nothing is applied. */
function refuse(message) {
  return JSON.stringify({ error: message });
}

/** Links in a step's slice or mark must be ones the body keeps. */
function unsafeLink(json) {
  let found = null;
  JSON.stringify(json, (key, value) => {
    if (value && value.type === "link" && value.attrs && !SAFE_LINK.test(String(value.attrs.href))) {
      found = String(value.attrs.href).slice(0, 60);
    }
    return value;
  });
  return found;
}

/** Starts keeping `item`'s document at `version`; answers its canonical JSON. */
export function keep(item, version, docJson) {
  const doc = Node.fromJSON(schema, JSON.parse(docJson));
  doc.check();
  docs.set(item, { version, doc, pending: null });
  return JSON.stringify(doc.toJSON());
}

/** The version kept for `item`, or -1. */
export function versionOf(item) {
  return docs.has(item) ? docs.get(item).version : -1;
}

export function forget(item) {
  docs.delete(item);
}

/**
 * Applies steps (a JSON array) to `item`'s document at `version`, holding the result until
 * `commit`: answers {doc, size} or {error}. `maxSize` bounds the document's size.
 */
export function check(item, version, stepsJson, maxSize) {
  const kept = docs.get(item);
  if (!kept || kept.version !== version) return refuse("the server does not hold version " + version);
  let steps;
  try {
    steps = JSON.parse(stepsJson);
  } catch (e) {
    return refuse("the steps are not JSON");
  }
  if (!Array.isArray(steps) || steps.length === 0) return refuse("a batch is a list of one or more steps");
  let doc = kept.doc;
  const out = [];
  for (let i = 0; i < steps.length; i++) {
    const json = steps[i];
    if (!json || typeof json !== "object" || !STEP_TYPES.has(json.stepType)) {
      return refuse("step " + (i + 1) + " is of an unknown type: " + String(json && json.stepType).slice(0, 40));
    }
    const link = unsafeLink(json);
    if (link !== null) return refuse("step " + (i + 1) + " links to " + link + ", which the body does not keep");
    let step, result;
    try {
      step = Step.fromJSON(schema, json);
      result = step.apply(doc);
    } catch (e) {
      return refuse("step " + (i + 1) + " does not fit the body: " + String(e.message).slice(0, 120));
    }
    if (result.failed) return refuse("step " + (i + 1) + " does not apply: " + result.failed);
    try {
      result.doc.check();
    } catch (e) {
      return refuse("step " + (i + 1) + " breaks the body's structure: " + String(e.message).slice(0, 120));
    }
    if (result.doc.content.size > maxSize) {
      return refuse("the body would be " + result.doc.content.size + " positions long; at most " + maxSize);
    }
    doc = result.doc;
    out.push(step.toJSON());
  }
  kept.pending = doc;
  return JSON.stringify({ steps: out });
}

/** Makes the held result of `check` (or `replaceAll`) the document at `version`. */
export function commit(item, version) {
  const kept = docs.get(item);
  kept.doc = kept.pending;
  kept.pending = null;
  kept.version = version;
  return version;
}

/** Applies steps already accepted (by this node or another) to reach `version`; answers it. */
export function catchUp(item, version, stepsJson) {
  const kept = docs.get(item);
  let doc = kept.doc;
  for (const json of JSON.parse(stepsJson)) {
    const result = Step.fromJSON(schema, json).apply(doc);
    if (result.failed) throw new Error("a stored step no longer applies: " + result.failed);
    doc = result.doc;
  }
  kept.doc = doc;
  kept.pending = null;
  kept.version = version;
  return version;
}

/** The document kept for `item`, as JSON. */
export function docOf(item) {
  return JSON.stringify(docs.get(item).doc.toJSON());
}

/**
 * A step that makes `item`'s document `docJson` (a body saved by the form, not by co-editing),
 * held until `commit`: answers {steps: [one]} or {steps: []} when they are the same.
 */
export function replaceAll(item, docJson) {
  const kept = docs.get(item);
  const next = Node.fromJSON(schema, JSON.parse(docJson));
  next.check();
  if (next.eq(kept.doc)) return JSON.stringify({ steps: [] });
  const step = new ReplaceStep(0, kept.doc.content.size, new Slice(next.content, 0, 0));
  const result = step.apply(kept.doc);
  if (result.failed) return refuse(result.failed);
  kept.pending = result.doc;
  return JSON.stringify({ steps: [step.toJSON()] });
}

/**
 * Who typed what between two versions: applies `stepsJson` (a JSON array) to `startJson`, the
 * document at the first version, with `membersJson` naming who sent each step; answers the
 * document's textblocks as runs of text, each with who inserted it (0: it was there before) and
 * whether it is text someone deleted (shown where it was, with who deleted it).
 */
export function authorship(startJson, stepsJson, membersJson) {
  const start = Node.fromJSON(schema, JSON.parse(startJson));
  const steps = JSON.parse(stepsJson);
  const members = JSON.parse(membersJson);
  let doc = start;
  let changes = ChangeSet.create(start);
  for (let i = 0; i < steps.length; i++) {
    const step = Step.fromJSON(schema, steps[i]);
    const result = step.apply(doc);
    if (result.failed) throw new Error("a stored step no longer applies: " + result.failed);
    changes = changes.addSteps(result.doc, [step.getMap()], members[i]);
    doc = result.doc;
  }
  const inserted = [];
  const deleted = [];
  for (const change of changes.changes) {
    let pos = change.fromB;
    for (const span of change.inserted) {
      inserted.push({ from: pos, to: pos + span.length, by: span.data });
      pos += span.length;
    }
    let at = change.fromA;
    for (const span of change.deleted) {
      const text = start.textBetween(at, at + span.length, " ", " ");
      if (text) deleted.push({ at: change.fromB, text, by: span.data });
      at += span.length;
    }
  }
  const blocks = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const runs = [];
    const add = (text, by, gone) => {
      const last = runs[runs.length - 1];
      if (last && last.by === by && last.gone === gone) last.text += text;
      else runs.push({ text, by, gone });
    };
    const from = pos + 1;
    const to = pos + 1 + node.content.size;
    for (let p = from; p <= to; p++) {
      for (const d of deleted) if (d.at === p) add(d.text, d.by, true);
      if (p === to) break;
      const span = inserted.find((s) => s.from <= p && p < s.to);
      add(doc.textBetween(p, p + 1, "", " "), span ? span.by : 0, false);
    }
    blocks.push(runs);
    return false;
  });
  return JSON.stringify(blocks);
}
