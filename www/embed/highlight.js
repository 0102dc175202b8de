// highlight(element, options): shows the names and figures of an existing element's text (a contenteditable
// editor's root, a CMS preview) without touching its DOM.
//
//   import { highlight } from "article-annotator/highlight";
//   const handle = highlight(document.getElementById("editor"), { labels: ["PERSON", "PLACE", "ORG"] });
//   ...
//   handle.stop();
//
// How it works, and why:
// - **Nothing in the element changes.** Highlights are live DOM `Range`s registered with the CSS Custom
//   Highlight API (`CSS.highlights`, one `Highlight` per label named `article-annotator-LABEL`) and painted by
//   `::highlight(article-annotator-LABEL)` rules, so the element's nodes, its `innerHTML` and whatever the CMS
//   saves stay byte-for-byte the same. Where the API is missing, boxes are drawn in an overlay appended to
//   `document.body` (outside the element) instead; the element's content is never rewritten.
// - **One string from many text nodes.** The element's text nodes are joined in document order into the string
//   that is annotated. Inline elements (`<b>`, `<a>`, `<span>` ...) add nothing, so `Kassym <b>Jomart</b>
//   Tokayev` reads as one name; a `<br>` becomes "\n"; the start and end of a block element (`<p>`, `<div>`,
//   `<li>`, headings, table cells ...) become a paragraph break "\n\n", so names never run across paragraphs;
//   images and form controls become a space. Separators belong to no node; outside `<pre>` (and elements whose
//   computed `white-space` keeps newlines) tabs and newlines inside text nodes read as spaces, one for one, and
//   text nodes of formatting whitespace between blocks are left out. `<script>`, `<style>`, `<template>` and
//   similar are skipped. Each text node's place in the string is kept, so an entity's UTF-16 offsets map back
//   to (text node, offset) pairs by binary search, and from there to a `Range`.
// - **It keeps up with edits.** A MutationObserver (and the `input` event) schedules a new annotation after
//   `debounce` ms of quiet. Annotation runs in a Web Worker (see annotator.js); Ranges are created in slices of a
//   few milliseconds, yielding to the event loop between slices, so no main-thread task grows long even for a
//   200 KB text. Live Ranges follow the edits until the new annotation replaces them; an annotation whose text
//   changed while it was computed is dropped (a newer one is already scheduled).
// - **Thousands of highlights stay cheap.** The browser revalidates every registered highlight range after each
//   change to the document, so above ALL_LIMIT entities only those within a screen's height of the visible part
//   of the element are registered, and the set follows scrolling (see HighlightPainter).
import { annotateAsync, parseLabels, LABELS, PALETTE, nodeIndex } from "./annotator.js";

/** Elements whose start and end are paragraph breaks. */
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "caption", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
  "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
  "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
  "legend", "menu", "center", "search",
]);
/** Elements whose content is not text the reader sees. */
const SKIP = new Set(["script", "style", "template", "noscript", "textarea", "select", "iframe", "object", "svg", "math", "canvas", "audio", "video", "head"]);
/** Elements that separate the words around them. */
const SPACER = new Set(["img", "input", "button", "embed", "wbr", "meter", "progress"]);
const RANK = { "": 0, " ": 1, "\n": 2, "\n\n": 3 };
const FORMATTING_WHITESPACE = /^[ \t\n\r\f]*$/;

/**
 * The text of `root` as one string, with where each text node sits in it: `{text, starts, nodes}`, where
 * `text.slice(starts[i], starts[i] + nodes[i].data.length)` is `nodes[i]`'s text (newlines maybe as spaces).
 */
export function textOf(root) {
  const parts = [];
  const starts = [];
  const nodes = [];
  let length = 0;
  let pending = "";
  const view = root.ownerDocument?.defaultView;
  const rootPre = view && root.nodeType === 1 ? /^(pre|pre-wrap|pre-line|break-spaces)$/.test(view.getComputedStyle(root).whiteSpace) : false;

  const separate = (sep) => { if (length > 0 && RANK[sep] > RANK[pending]) pending = sep; };

  const visit = (parent, pre) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        let data = child.data;
        if (!data) continue;
        if (!pre) {
          if (pending && FORMATTING_WHITESPACE.test(data)) continue;
          data = data.replace(/[\t\n\r\f]/g, " ");
        }
        if (pending) { parts.push(pending); length += pending.length; pending = ""; }
        starts.push(length);
        nodes.push(child);
        parts.push(data);
        length += data.length;
      } else if (child.nodeType === 1) {
        const tag = child.localName;
        if (SKIP.has(tag)) continue;
        if (tag === "br") { separate(pending === "\n" ? "\n\n" : "\n"); continue; }
        if (SPACER.has(tag)) { separate(" "); continue; }
        const block = BLOCK.has(tag);
        if (block) separate("\n\n");
        visit(child, pre || tag === "pre");
        if (block) separate("\n\n");
      } else if (child.nodeType === 11) {
        visit(child, pre);
      }
    }
  };
  visit(root, rootPre);
  return { text: parts.join(""), starts, nodes };
}

/**
 * A Range over `map.text.slice(start, end)` (UTF-16 offsets), or null when it covers no text node. Offsets that
 * fall on a separator move inwards to the nearest text.
 */
export function rangeOf(map, start, end) {
  const { starts, nodes } = map;
  if (!nodes.length || end <= start) return null;
  let i = nodeIndex(starts, start, false);
  let startNode, startOffset;
  if (i < 0) { startNode = nodes[0]; startOffset = 0; }
  else if (start - starts[i] <= nodes[i].length && !(start - starts[i] === nodes[i].length && i + 1 < nodes.length)) {
    startNode = nodes[i]; startOffset = start - starts[i];
  } else if (i + 1 < nodes.length) { startNode = nodes[i + 1]; startOffset = 0; }
  else return null;
  const j = nodeIndex(starts, end, true);
  if (j < 0) return null;
  const endNode = nodes[j];
  const endOffset = Math.min(end - starts[j], endNode.length);
  const range = new Range();
  try {
    range.setStart(startNode, Math.min(startOffset, startNode.length));
    range.setEnd(endNode, endOffset);
  } catch {
    return null; // a node left the document meanwhile
  }
  return range.collapsed ? null : range;
}

/** True where the CSS Custom Highlight API is available. */
export function supportsHighlights() {
  return typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight === "function";
}

// Highlights are registered by name in one registry per window; handles on several elements share them.
const shared = new Map(); // name -> {highlight, users}
const styled = new WeakMap(); // root (Document or ShadowRoot) -> Set of names with rules installed

// Colours from the shared PALETTE (annotator.js), as on the page; the underline's style tells labels apart
// without colour.
const LINE = {
  PERSON: "solid", PLACE: "double", ORG: "dashed", MISC: "dotted", NUMBER: "solid", MONEY: "double",
  PERCENT: "solid", QUANTITY: "solid", DATE: "dashed", TIME: "dotted", ORDINAL: "solid",
};

/**
 * The highlight and overlay rules of every label in one colour scheme ("light" or "dark"). Overlay boxes lie over
 * the text, so they are the ink at 25% (about the palette's tint, and the text shows through), not the tint.
 */
function labelRules(prefix, scheme) {
  return LABELS.map((l) => {
    const [bg, ink] = PALETTE[l][scheme];
    const fill = `var(--article-annotator-${l.toLowerCase()}, ${bg})`, line = `var(--article-annotator-${l.toLowerCase()}-ink, ${ink})`;
    return `::highlight(${prefix}-${l}) { background-color: ${fill}; text-decoration-line: underline;
  text-decoration-style: ${LINE[l]}; text-decoration-thickness: 2px; text-decoration-color: ${line}; }
[data-article-annotator-overlay] > [data-label="${l}"] { border-bottom: 2px ${LINE[l]} ${line};
  background: var(--article-annotator-${l.toLowerCase()}, color-mix(in srgb, ${ink} 25%, transparent)); }`;
  }).join("\n");
}

/** Default `::highlight()` rules (background and a label-specific underline), installed once per root. */
function installStyles(root, prefix) {
  let names = styled.get(root);
  if (!names) { names = new Set(); styled.set(root, names); }
  if (names.has(prefix)) return;
  names.add(prefix);
  const css = `[data-article-annotator-overlay] > [data-label] { position: fixed; border-radius: 2px; mix-blend-mode: multiply; }
${labelRules(prefix, "light")}
@media (prefers-color-scheme: dark) {
[data-article-annotator-overlay] > [data-label] { mix-blend-mode: normal; }
${labelRules(prefix, "dark")}
}`;
  // A constructed sheet, not a <style> element: pages with a Content-Security-Policy without 'unsafe-inline'
  // accept it.
  if ("adoptedStyleSheets" in root) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else {
    const doc = root.nodeType === 9 ? root : root.ownerDocument;
    const style = doc.createElement("style");
    style.dataset.articleAnnotator = prefix;
    style.textContent = css;
    (doc.head || doc.documentElement).append(style);
  }
}

/** The `Highlight` registered as `name`, created on first use. */
function acquire(name) {
  let entry = shared.get(name);
  if (!entry) {
    entry = { highlight: new Highlight(), users: 0 };
    shared.set(name, entry);
    CSS.highlights.set(name, entry.highlight);
  }
  entry.users++;
  return entry.highlight;
}

function release(name) {
  const entry = shared.get(name);
  if (!entry) return;
  if (--entry.users <= 0) {
    shared.delete(name);
    if (CSS.highlights.get(name) === entry.highlight) CSS.highlights.delete(name);
  }
}

const yieldToMain = () => new Promise((resolve) => {
  if (globalThis.scheduler?.yield) globalThis.scheduler.yield().then(resolve);
  else setTimeout(resolve, 0);
});

/**
 * The items (`{range, label}`, in document order) whose boxes fall within `margin` px of the part of `element`
 * that is in view, as `[lo, hi)`. Ranges in document order go down the page, so the first is found by binary
 * search and the rest by walking on until one starts below the visible part: a few dozen layout queries, not
 * one per entity.
 */
function visibleSpan(element, items, margin) {
  const view = element.ownerDocument.defaultView;
  const clip = element.getBoundingClientRect();
  const top = Math.max(0, clip.top) - margin;
  const bottom = Math.min(view.innerHeight, clip.bottom) + margin;
  let lo = 0, hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].range.getBoundingClientRect().bottom < top) lo = mid + 1; else hi = mid;
  }
  let end = lo;
  while (end < items.length && items[end].range.getBoundingClientRect().top <= bottom) end++;
  return [lo, end];
}

/** Calls `onChange` once a frame while the page or anything inside it scrolls or resizes. */
class ViewTracker {
  constructor(element, onChange) {
    this.element = element;
    this.frame = 0;
    this.schedule = () => {
      if (!this.frame) this.frame = requestAnimationFrame(() => { this.frame = 0; onChange(); });
    };
    const doc = element.ownerDocument;
    doc.addEventListener("scroll", this.schedule, { capture: true, passive: true });
    doc.defaultView.addEventListener("resize", this.schedule);
    this.resize = typeof ResizeObserver === "function" ? new ResizeObserver(this.schedule) : null;
    this.resize?.observe(element);
  }

  destroy() {
    const doc = this.element.ownerDocument;
    if (this.frame) cancelAnimationFrame(this.frame);
    doc.removeEventListener("scroll", this.schedule, { capture: true });
    doc.defaultView.removeEventListener("resize", this.schedule);
    this.resize?.disconnect();
  }
}

/**
 * Paints with the CSS Custom Highlight API. A few hundred highlights cost the browser nothing, but it revalidates
 * every registered range after each change to the document: with thousands (a 200 KB text has ~8,000) every
 * keystroke costs tens of milliseconds of style and layout. So up to ALL_LIMIT entities are all registered; above
 * that, only those within a screen's height of the visible part of the element, updated as it scrolls.
 */
const ALL_LIMIT = 1500;
class HighlightPainter {
  constructor(element, prefix) {
    this.element = element;
    this.prefix = prefix;
    this.items = [];
    this.registered = new Map(); // Range -> highlight name
    this.owned = new Set();      // names acquired
    this.tracker = null;
  }

  set(items) {
    this.items = items;
    if (items.length > ALL_LIMIT && !this.tracker) this.tracker = new ViewTracker(this.element, () => this.sync());
    if (items.length <= ALL_LIMIT && this.tracker) { this.tracker.destroy(); this.tracker = null; }
    this.sync();
  }

  /** Registers exactly the ranges that should be shown now, changing as little as possible. */
  sync() {
    let wanted = this.items;
    if (wanted.length > ALL_LIMIT) {
      const [lo, hi] = visibleSpan(this.element, wanted, this.element.ownerDocument.defaultView.innerHeight);
      wanted = wanted.slice(lo, hi);
    }
    const keep = new Set();
    for (const item of wanted) keep.add(item.range);
    for (const [range, name] of this.registered) {
      if (!keep.has(range)) { shared.get(name)?.highlight.delete(range); this.registered.delete(range); }
    }
    for (const { range, label } of wanted) {
      if (this.registered.has(range)) continue;
      const name = `${this.prefix}-${label}`;
      if (!this.owned.has(name)) { acquire(name); this.owned.add(name); }
      shared.get(name).highlight.add(range);
      this.registered.set(range, name);
    }
  }

  destroy() {
    this.tracker?.destroy();
    for (const [range, name] of this.registered) shared.get(name)?.highlight.delete(range);
    this.registered.clear();
    for (const name of this.owned) release(name);
    this.owned.clear();
  }
}

/**
 * The fallback where CSS Custom Highlights are missing: boxes drawn over the element's text in a fixed layer
 * appended to document.body (never inside the element), redrawn on scroll and resize; only the boxes of the
 * ranges in view are drawn.
 */
class OverlayPainter {
  constructor(element) {
    this.element = element;
    const doc = element.ownerDocument;
    this.layer = doc.createElement("div");
    this.layer.dataset.articleAnnotatorOverlay = "";
    this.layer.setAttribute("aria-hidden", "true");
    this.layer.style.cssText = "position:fixed;inset:0;pointer-events:none;z-index:2147483646;overflow:hidden";
    doc.body.append(this.layer);
    this.items = [];
    this.tracker = new ViewTracker(element, () => this.draw());
  }

  set(items) { this.items = items; this.tracker.schedule(); }

  draw() {
    const doc = this.element.ownerDocument;
    const view = doc.defaultView;
    const clip = this.element.getBoundingClientRect();
    const top = Math.max(0, clip.top), bottom = Math.min(view.innerHeight, clip.bottom);
    this.layer.style.clipPath = `inset(${top}px ${Math.max(0, view.innerWidth - clip.right)}px ${Math.max(0, view.innerHeight - bottom)}px ${Math.max(0, clip.left)}px)`;
    const [lo, hi] = visibleSpan(this.element, this.items, 0);
    const frag = doc.createDocumentFragment();
    for (let i = lo; i < hi; i++) {
      const { range, label } = this.items[i];
      for (const r of range.getClientRects()) {
        if (r.width === 0 || r.height === 0) continue;
        const box = doc.createElement("div");
        box.dataset.label = label;
        box.style.left = `${r.left}px`; box.style.top = `${r.top}px`;
        box.style.width = `${r.width}px`; box.style.height = `${r.height}px`;
        frag.append(box);
      }
    }
    this.layer.replaceChildren(frag);
  }

  destroy() {
    this.tracker.destroy();
    this.layer.remove();
  }
}

/**
 * Highlights the names and figures in `element`'s text and keeps them up to date; returns a handle.
 *
 * options:
 * - `labels`: labels to show (array or "PERSON PLACE"), default (null or absent) all, empty none; `date`: document date "YYYY-MM-DD";
 * - `debounce`: ms of quiet after an edit before annotating again (default 150);
 * - `name`: highlight name prefix (default "article-annotator": highlights `article-annotator-PERSON`, ...);
 * - `styles`: false to skip installing the default `::highlight()` rules (then style them yourself);
 * - `mode`: "auto" (default: CSS highlights where supported, else the overlay), "highlight" or "overlay";
 * - `onAnnotate({text, entities})`: called after each update; `onError(error)`: on bad options.
 *
 * The handle: `stop()`; `refresh()` (annotate now); `settled()` (a promise for the moment the highlights match
 * the element's current text); `text` (the annotated string); `entities` (each with its live `range`);
 * `mode` ("highlight" or "overlay").
 */
export function highlight(element, options = {}) {
  if (!element || element.nodeType !== 1) throw new TypeError("highlight: element must be a DOM element");
  const labels = parseLabels(options.labels);
  const date = options.date ?? null;
  const debounce = options.debounce ?? 150;
  const prefix = options.name ?? "article-annotator";
  const mode = options.mode === "overlay" || (options.mode !== "highlight" && !supportsHighlights()) ? "overlay" : "highlight";
  if (mode === "highlight" && !supportsHighlights()) throw new Error("highlight: this browser lacks the CSS Custom Highlight API");
  if (options.styles !== false) {
    installStyles(element.getRootNode(), prefix);
    if (mode === "overlay") installStyles(element.ownerDocument, prefix); // the overlay layer lives in document.body
  }

  let version = 0;       // bumped by every mutation inside the element
  let runs = 0;          // bumped by every annotation run
  let running = false;
  let timer = 0;
  let stopped = false;
  let current = { text: "", entities: [] };
  let waiters = [];
  const painter = mode === "overlay" ? new OverlayPainter(element) : new HighlightPainter(element, prefix);

  const settleIfIdle = () => {
    if (timer || running || stopped) return;
    const list = waiters;
    waiters = [];
    list.forEach((resolve) => resolve());
  };

  const schedule = (delay = debounce) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => { timer = 0; run(); }, delay);
  };

  const onMutation = () => { version++; schedule(); };
  const observer = new MutationObserver(onMutation);
  observer.observe(element, { childList: true, characterData: true, subtree: true });
  const onInput = () => schedule();
  element.addEventListener("input", onInput);

  async function run() {
    if (stopped) return;
    if (running) { schedule(); return; } // one run at a time; try again after this one
    running = true;
    const seq = ++runs;
    const seen = version;
    try {
      const map = textOf(element);
      const entities = map.text.trim() ? await annotateAsync(map.text, { labels, date }) : [];
      if (stopped || seq !== runs || seen !== version) return; // the text changed meanwhile: a new run is scheduled
      await apply(map, entities, () => stopped || seen !== version);
    } catch (error) {
      if (options.onError) options.onError(error); else console.error(error);
    } finally {
      running = false;
      settleIfIdle();
    }
  }

  async function apply(map, entities, stale) {
    const withRanges = [];
    await yieldToMain(); // receiving thousands of entities took a task of its own
    if (stale()) return;
    let deadline = performance.now() + 8;
    for (let i = 0; i < entities.length; i++) {
      if ((i & 63) === 0 && performance.now() > deadline) {
        await yieldToMain();
        if (stale()) return;
        deadline = performance.now() + 8;
      }
      const e = entities[i];
      const range = rangeOf(map, e.start, e.end);
      if (range) withRanges.push({ ...e, range });
    }
    if (stale()) return;
    painter.set(withRanges); // swaps old ranges for new ones in one task, so nothing flickers
    current = { text: map.text, entities: withRanges };
    options.onAnnotate?.({ text: map.text, entities: withRanges.map(({ range, ...e }) => e) });
  }

  schedule(0);

  return {
    mode,
    get text() { return current.text; },
    get entities() { return current.entities.slice(); },
    refresh() { schedule(0); return this.settled(); },
    settled() {
      return new Promise((resolve) => { waiters.push(resolve); settleIfIdle(); });
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      observer.disconnect();
      element.removeEventListener("input", onInput);
      painter.destroy();
      current = { text: "", entities: [] };
      const list = waiters;
      waiters = [];
      list.forEach((resolve) => resolve());
    },
  };
}
