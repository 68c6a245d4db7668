// The server's side of co-editing: ProseMirror's own code checks and applies the steps browsers
// send, against the body's schema (the editor's own file). Holds each item's document at its
// newest version while the server keeps it; Java keeps the order and the database.
import { schema, SAFE_LINK } from "./newsroom/schema.js";
import { Node, Slice } from "prosemirror-model";
import { Step, ReplaceStep } from "prosemirror-transform";

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

/** Makes the held result of `check` the document at `version`; answers its JSON. */
export function commit(item, version) {
  const kept = docs.get(item);
  kept.doc = kept.pending;
  kept.pending = null;
  kept.version = version;
  return JSON.stringify(kept.doc.toJSON());
}

/** Applies steps already accepted (by this node or another) to reach `version`. */
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
  return JSON.stringify(doc.toJSON());
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
