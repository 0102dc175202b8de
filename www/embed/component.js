// <article-annotator>: a framework-free web component that shows a text with its names and figures highlighted.
//
//   <script type="module" src="embed/component.js"></script>
//   <article-annotator labels="PERSON PLACE ORG DATE">President Kassym Jomart Tokayev said on Monday ...</article-annotator>
//
// - Text: the `text` attribute or property; without either, the element's own text content, trimmed (light DOM,
//   kept hidden, re-read when it changes). The last of attribute and property to be set wins.
// - `labels` attribute ("PERSON PLACE" or "PERSON,PLACE") or property (array); no attribute means every label, an empty one (`labels=""`, `[]`) none.
//   `date` attribute or property ("YYYY-MM-DD") resolves weekdays and relative dates.
// - `entities` (read-only) holds the entities of the text shown, GUIDE section 2, with UTF-16 offsets.
// - Event `annotated` (bubbles, composed) with `detail: {text, entities}` after each render; event
//   `annotate-error` with `detail: {error}` when the options are bad (the text is then shown without highlights).
// - Styling: CSS custom properties (`--article-annotator-person`, ... one per label, `--article-annotator-font`,
//   `--article-annotator-radius`, `--article-annotator-badge-display`) and parts: `article` (the text),
//   `mark` (every highlight) and one part per label (`::part(PERSON)`).
// - Each highlight is `<mark data-label="LABEL">` around exactly the entity's text (GUIDE section 5); its label
//   badge is CSS generated content, so `mark.textContent` is the entity's text. The text only ever enters the
//   DOM as text nodes, never as HTML.
import { annotateAsync, parseLabels, LABELS, PALETTE, describe } from "./annotator.js";

const STYLE = `
:host { display: block; font: var(--article-annotator-font, inherit); color: inherit; }
:host([hidden]) { display: none; }
[part~="article"] { white-space: pre-wrap; overflow-wrap: anywhere; line-height: var(--article-annotator-line-height, 1.9); }
mark { background: var(--_bg); color: inherit; border-radius: var(--article-annotator-radius, 0.25em);
  padding: 0.05em 0.2em; box-decoration-break: clone; -webkit-box-decoration-break: clone;
  border-bottom: 2px var(--_line, solid) var(--_fg); }
mark::after { content: attr(data-label); display: var(--article-annotator-badge-display, inline-block);
  margin-inline-start: 0.3em; padding: 0 0.25em; border-radius: 0.2em; font-size: 0.62em; font-weight: 600;
  letter-spacing: 0.03em; vertical-align: 0.15em; line-height: 1.4; color: var(--_bg); background: var(--_fg); }
${LABELS.map((l) => `mark[data-label="${l}"] { --_bg: var(--article-annotator-${l.toLowerCase()}, ${PALETTE[l].light[0]});
  --_fg: var(--article-annotator-${l.toLowerCase()}-ink, ${PALETTE[l].light[1]}); }`).join("\n")}
mark[data-label="PLACE"], mark[data-label="MONEY"] { --_line: double; }
mark[data-label="ORG"], mark[data-label="DATE"] { --_line: dashed; }
mark[data-label="MISC"], mark[data-label="TIME"] { --_line: dotted; }
@media (prefers-color-scheme: dark) {
  ${LABELS.map((l) => `mark[data-label="${l}"] { --_bg: var(--article-annotator-${l.toLowerCase()}, ${PALETTE[l].dark[0]});
    --_fg: var(--article-annotator-${l.toLowerCase()}-ink, ${PALETTE[l].dark[1]}); }`).join("\n  ")}
}
`;

let sharedSheet = null;
function sheet() {
  if (!sharedSheet) { sharedSheet = new CSSStyleSheet(); sharedSheet.replaceSync(STYLE); }
  return sharedSheet;
}

const Base = globalThis.HTMLElement ?? class {};

export class ArticleAnnotatorElement extends Base {
  static observedAttributes = ["text", "labels", "date"];

  #text = null;       // set by the attribute or the property; null: use the light DOM's text
  #labels = null;
  #date = null;
  #entities = [];
  #seq = 0;
  #scheduled = false;
  #article;
  #observer = null;
  #complete = Promise.resolve();
  #settle = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    // A constructed sheet shared by every instance (and accepted by a Content-Security-Policy without
    // 'unsafe-inline'); a <style> element where constructed sheets are missing.
    if ("adoptedStyleSheets" in root && typeof CSSStyleSheet === "function" && "replaceSync" in CSSStyleSheet.prototype) {
      root.adoptedStyleSheets = [sheet()];
    } else {
      const style = document.createElement("style");
      style.textContent = STYLE;
      root.append(style);
    }
    this.#article = document.createElement("div");
    this.#article.setAttribute("part", "article");
    root.append(this.#article);
  }

  connectedCallback() {
    if (!this.#observer) {
      this.#observer = new MutationObserver(() => { if (this.#text === null) this.#schedule(); });
    }
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    this.#schedule();
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
  }

  attributeChangedCallback(name, _old, value) {
    if (name === "text") this.#text = value;
    else if (name === "labels") this.#labels = parseLabels(value);
    else if (name === "date") this.#date = value || null;
    this.#schedule();
  }

  /** The text shown: the `text` attribute or property, else the element's own text content. */
  get text() { return this.#text ?? (this.textContent ?? "").trim(); }
  set text(value) { this.#text = value == null ? null : String(value); this.#schedule(); }

  /**
   * The labels shown (array; [] for none), or null for every label. Setting reflects to the `labels` attribute
   * (null removes it; [] leaves it empty).
   */
  get labels() { return this.#labels ? [...this.#labels] : null; }
  set labels(value) {
    const labels = parseLabels(value);
    if (labels) this.setAttribute("labels", labels.join(" ")); else this.removeAttribute("labels");
  }

  /** The document date ("YYYY-MM-DD") or null. Setting reflects to the `date` attribute. */
  get date() { return this.#date; }
  set date(value) { if (value) this.setAttribute("date", String(value)); else this.removeAttribute("date"); }

  /** The entities of the text shown (a copy), GUIDE section 2 with UTF-16 offsets. */
  get entities() { return this.#entities.map((e) => ({ ...e })); }

  /** Resolves once the latest text and options are annotated and rendered. */
  get updateComplete() { return this.#complete; }

  #schedule() {
    if (!this.#settle) this.#complete = new Promise((resolve) => { this.#settle = resolve; });
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => { this.#scheduled = false; this.#update(); });
  }

  async #update() {
    const seq = ++this.#seq;
    const text = this.text;
    const options = { labels: this.#labels, date: this.#date };
    let entities = [];
    let error = null;
    try {
      entities = text && this.#labels?.length !== 0 ? await annotateAsync(text, options) : [];
    } catch (err) {
      error = err;
    }
    if (seq !== this.#seq) return; // a newer update is under way
    this.#entities = entities;
    this.#render(text, entities);
    if (error) {
      this.dispatchEvent(new CustomEvent("annotate-error", { detail: { error }, bubbles: true, composed: true }));
    } else {
      this.dispatchEvent(new CustomEvent("annotated", { detail: { text, entities: this.entities }, bubbles: true, composed: true }));
    }
    const settle = this.#settle;
    this.#settle = null;
    settle?.();
  }

  #render(text, entities) {
    const doc = this.ownerDocument;
    const frag = doc.createDocumentFragment();
    let at = 0;
    for (const e of entities) {
      if (e.start < at || e.end > text.length) continue; // never overlap (GUIDE), but stay safe
      if (e.start > at) frag.append(doc.createTextNode(text.slice(at, e.start)));
      const mark = doc.createElement("mark");
      mark.dataset.label = e.label;
      mark.setAttribute("part", `mark ${e.label}`);
      mark.title = `${describe(e)} (confidence ${Math.round(e.score * 100)}%)`;
      mark.append(doc.createTextNode(text.slice(e.start, e.end)));
      frag.append(mark);
      at = e.end;
    }
    if (at < text.length) frag.append(doc.createTextNode(text.slice(at)));
    this.#article.replaceChildren(frag);
  }
}

if (globalThis.customElements && !customElements.get("article-annotator")) {
  customElements.define("article-annotator", ArticleAnnotatorElement);
}
