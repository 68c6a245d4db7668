// The body's schema: the blocks and marks the content model keeps. One file for the browser's
// editor (through the import map) and for the server, which checks and applies co-editors' steps
// with the same ProseMirror code; parse rules run only in the browser.
import { Schema } from "prosemirror-model";

export const SAFE_LINK = /^(https?:|mailto:|\/(?![\/\\]))/i;

/** Null (a match, for a parse rule) when the element's style attribute says `pattern`, else false. */
function styled(element, pattern) {
  return pattern.test(element.getAttribute("style") || "") ? null : false;
}

export const schema = new Schema({
  nodes: {
    doc: { content: "block+" },
    paragraph: { group: "block", content: "inline*", parseDOM: [{ tag: "p" }, { tag: "div", priority: 10 }],
      toDOM: () => ["p", { dir: "auto" }, 0] },
    heading: { group: "block", content: "inline*", attrs: { level: { default: 2 } }, defining: true,
      parseDOM: [{ tag: "h1", attrs: { level: 2 } }, { tag: "h2", attrs: { level: 2 } }, { tag: "h3", attrs: { level: 3 } },
        { tag: "h4", attrs: { level: 4 } }, { tag: "h5", attrs: { level: 4 } }, { tag: "h6", attrs: { level: 4 } }],
      toDOM: (node) => ["h" + node.attrs.level, { dir: "auto" }, 0] },
    quote: { group: "block", content: "inline*", attrs: { attribution: { default: "" } }, defining: true,
      parseDOM: [{ tag: "blockquote", contentElement: (el) => el.querySelector("p") || el,
        getAttrs: (el) => ({ attribution: (el.querySelector("cite, footer")?.textContent || "").trim() }) }],
      toDOM: () => ["blockquote", { dir: "auto" }, ["p", 0]] },
    bullet_list: { group: "block", content: "list_item+", parseDOM: [{ tag: "ul" }], toDOM: () => ["ul", 0] },
    ordered_list: { group: "block", content: "list_item+", parseDOM: [{ tag: "ol" }], toDOM: () => ["ol", 0] },
    list_item: { content: "paragraph", defining: true, parseDOM: [{ tag: "li" }], toDOM: () => ["li", { dir: "auto" }, 0] },
    image: { group: "block", atom: true, attrs: { src: {}, alt: { default: "" }, caption: { default: "" }, credit: { default: "" } },
      toDOM: (node) => ["figure", { class: "kept" }, ["span", node.attrs.alt || node.attrs.caption || node.attrs.src]] },
    // A picture of the media library: its number, and what it shows and its caption for this item.
    picture: { group: "block", atom: true, attrs: { picture: {}, alt: { default: "" }, caption: { default: "" } },
      toDOM: (node) => ["figure", { class: "kept picture", "data-picture": String(node.attrs.picture) },
        ["span", "#" + node.attrs.picture + " " + (node.attrs.alt || node.attrs.caption)]] },
    embed: { group: "block", atom: true, attrs: { href: {}, title: { default: "" } },
      toDOM: (node) => ["p", { class: "kept" }, node.attrs.title || node.attrs.href] },
    text: { group: "inline" },
  },
  marks: {
    link: { attrs: { href: {} }, inclusive: false,
      parseDOM: [{ tag: "a[href]", getAttrs: (a) => SAFE_LINK.test(a.getAttribute("href")) ? { href: a.getAttribute("href") } : false }],
      toDOM: (mark) => ["a", { href: mark.attrs.href, rel: "noopener noreferrer" }, 0] },
    // Styles are read from the attribute's text: the page's policy forbids inline styles, so a
    // pasted element's style property stays empty.
    em: { parseDOM: [{ tag: "i" }, { tag: "em" }, { tag: "span", getAttrs: (e) => styled(e, /font-style:\s*italic/) }],
      toDOM: () => ["em", 0] },
    strong: { parseDOM: [{ tag: "strong" },
      // Google Docs wraps a whole paste in <b style="font-weight:normal">
      { tag: "b", getAttrs: (b) => (styled(b, /font-weight:\s*(normal|[1-4]00)/) === null ? false : null) },
      { tag: "span", getAttrs: (e) => styled(e, /font-weight:\s*(bold|[6-9]00)/) }],
      toDOM: () => ["strong", 0] },
  },
});
