// The page: paste an article, see its names and figures highlighted.
//
// Rules this file keeps:
// - user text only ever enters the DOM as text (textContent, text nodes, dataset); never innerHTML;
// - no request after load except the page's own files (the wasm module is fetched once, shared with the worker);
// - each highlight is <mark data-label="LABEL"> around exactly the entity's text; its badge is CSS generated
//   content, so mark.textContent stays the entity's text.
import init, { annotate } from "./pkg/article_annotator.js";
import { PALETTE } from "./embed/annotator.js";

const LABELS = ["PERSON", "PLACE", "ORG", "MISC", "NUMBER", "MONEY", "PERCENT", "QUANTITY", "DATE", "TIME", "ORDINAL"];
const NAME_LABELS = new Set(["PERSON", "PLACE", "ORG", "MISC"]);
const LABEL_NAMES = {
  PERSON: "Person", PLACE: "Place", ORG: "Organisation", MISC: "Other name", NUMBER: "Number", MONEY: "Money",
  PERCENT: "Percent", QUANTITY: "Quantity", DATE: "Date", TIME: "Time", ORDINAL: "Ordinal",
};
const APPROX = { more_than: "more than", at_least: "at least", less_than: "less than", at_most: "at most", about: "about", nearly: "nearly" };
/** Texts longer than this (UTF-16 units) are annotated in the worker. */
const WORKER_THRESHOLD = 20000;
/** The panel lists at most this many rows per list; the rest are summarised. */
const LIST_LIMIT = 300;
/**
 * The article is shown as block chunks of about this many UTF-16 units, each cut after a line break (never inside
 * a highlight). Chunks are `content-visibility: auto`, so the browser lays out and styles only those near the
 * screen: a 2 MB article laid out as one block took Chromium over 5 s of layout per render.
 */
const CHUNK = 3000;

// The label colours come from the palette the embeds use (www/embed/annotator.js), as --LABEL-bg / --LABEL-ink
// custom properties for style.css, in a constructed sheet (allowed by the page's CSP, style-src 'self').
{
  const vars = (scheme) => Object.entries(PALETTE).map(([l, c]) => `--${l}-bg: ${c[scheme][0]}; --${l}-ink: ${c[scheme][1]};`).join(" ");
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`:root { ${vars("light")} }\n@media (prefers-color-scheme: dark) { :root { ${vars("dark")} } }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

const $ = (id) => document.getElementById(id);
/** A count as the stats line writes it: 56,484. */
const num = (n) => n.toLocaleString("en");
const input = $("input"), article = $("article"), statusEl = $("status"), statsEl = $("stats");
const legendEl = $("legend"), groupsEl = $("groups"), figuresEl = $("figures"), tip = $("tip"), dateEl = $("date");

const state = {
  text: "",           // the text the entities belong to
  date: null,         // the article date they were annotated with ("2026-11-26"), or null
  entities: [],       // the API's output for `text`
  hidden: new Set(),  // labels toggled off
  took: 0, via: "",   // timing of the last annotation
  seq: 0,             // increases with every request; stale answers are dropped
  selected: null,     // the panel row whose mentions are highlighted
  marks: [],          // marks[i]: the <mark> of entity i (absent for an entity overlapping an earlier one)
  groupSize: new Map(), // group number -> its mentions
  groupOf: new Map(),   // entity index -> its name group (see nameGroups)
  rowOf: new Map(),     // a name group's key, or a figure's entity index -> its panel row (the first LIST_LIMIT)
};

// ---------------------------------------------------------------------------------------------------------
// Loading: compile the module once (streaming), instantiate it here, hand the compiled module to the worker.

const wasmUrl = new URL("./pkg/article_annotator_bg.wasm", import.meta.url);
let worker = null;
let compiled = null;

async function compileModule() {
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`could not load ${wasmUrl.pathname} (${response.status})`);
  try {
    return await WebAssembly.compileStreaming(response.clone());
  } catch {
    // a static host that serves .wasm without application/wasm: compile from bytes instead
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

const ready = (async () => {
  const t0 = performance.now();
  compiled = await compileModule();
  const t1 = performance.now();
  await init({ module_or_path: compiled });
  const t2 = performance.now();
  annotate("Warm up on January 6.", null); // loads the model, so the first real call is fast
  const readyAt = performance.now();
  Object.assign(window.articleAnnotator, {
    readyAt, loadMs: readyAt - t0, phases: { fetchCompile: t1 - t0, instantiate: t2 - t1, firstCall: readyAt - t2 },
  });
  return readyAt;
})();

// The page's API, for embedders, the tests and the benchmark.
// `annotate` before the module is ready would fail inside wasm-bindgen's glue ("Cannot read properties of undefined
// (reading 'annotate')"), and a string for `labels` inside the module's options parser ("Reflect.get called on
// non-object"): both are caught here with messages that say what to do.
let moduleReady = false;
ready.then(() => { moduleReady = true; }, () => {});
function pageAnnotate(text, options) {
  if (!moduleReady) {
    throw new Error("articleAnnotator.annotate: the annotator is still loading; wait for `await articleAnnotator.ready` first");
  }
  if (options != null && typeof options === "object" && options.labels != null && !Array.isArray(options.labels)) {
    throw new TypeError(`articleAnnotator.annotate: options.labels must be an array of labels like ["PERSON", "DATE"], got ${typeof options.labels === "string" ? JSON.stringify(options.labels) : typeof options.labels}`);
  }
  return annotate(text, options);
}
window.articleAnnotator = { annotate: pageAnnotate, ready, readyAt: null, loadMs: null };

function startWorker() {
  if (worker || !compiled) return;
  try {
    worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    worker.postMessage({ type: "init", module: compiled });
    worker.onmessage = onWorkerMessage;
    worker.onerror = () => { // fall back to this tab
      worker = null;
      const waiting = pending.size > 0;
      pending.clear();
      if (waiting) run();
    };
  } catch {
    worker = null; // no module workers: long texts are annotated on the main thread
  }
}

// ---------------------------------------------------------------------------------------------------------
// Annotating: debounced as you type; long texts go to the worker.

let timer = 0;
function schedule() {
  clearTimeout(timer);
  const long = input.value.length > WORKER_THRESHOLD;
  timer = setTimeout(run, long ? 350 : 150);
}

function currentOptions() {
  return dateEl.value ? { date: dateEl.value } : null;
}

async function run() {
  clearTimeout(timer);
  await ready;
  const text = input.value;
  const seq = ++state.seq;
  const options = currentOptions();
  if (text.length > WORKER_THRESHOLD) startWorker();
  if (text.length > WORKER_THRESHOLD && worker) {
    setStatus(`${loaded.note && loaded.text === text ? `${loaded.note} — a` : "A"}nnotating ${num(codePoints(text))} characters in the background…`);
    // one job at a time: while the worker is busy, the newest text waits and older ones are skipped
    if (pending.size) { rerun = true; return; }
    worker.postMessage({ type: "annotate", seq, text, options });
    pending.set(seq, { text, date: options ? options.date : null });
    return;
  }
  try {
    const t0 = performance.now();
    const entities = annotate(text, options);
    show(text, entities, performance.now() - t0, "this tab", options ? options.date : null);
  } catch (err) {
    setStatus(`Could not annotate: ${err.message || err}`, true);
  }
}

const pending = new Map();
let rerun = false;
function onWorkerMessage(event) {
  const { seq, packed, took, error } = event.data;
  const { text, date } = pending.get(seq) || {};
  pending.delete(seq);
  if (rerun) { rerun = false; run(); }
  if (seq !== state.seq) return; // the text changed meanwhile
  if (error) { setStatus(`Could not annotate: ${error}`, true); return; }
  show(text, unpack(text, packed), took, "a background worker", date);
}

/** The worker's packed answer (see worker.js) as the API's entity objects, `text` sliced from our own copy. */
function unpack(text, { nums, labels, values }) {
  const vals = JSON.parse(values);
  const n = nums.length / 6, out = new Array(n);
  for (let k = 0, i = 0; k < n; k++, i += 6) {
    const start = nums[i], end = nums[i + 1];
    const e = { start, end, label: labels[nums[i + 2]], text: text.slice(start, end), score: nums[i + 3] };
    if (nums[i + 4] >= 0) e.group = nums[i + 4];
    if (nums[i + 5] >= 0) e.value = vals[nums[i + 5]];
    out[k] = e;
  }
  return out;
}

/**
 * Shows `entities` of `text`. The article's DOM is built off-document in slices of about SLICE_MS, yielding to the
 * browser between them (a 2 MB article has some 70,000 highlights: about 200 ms of DOM work), then swapped in
 * at once, with the panel, legend and statistics. Until then the page keeps showing the previous result,
 * consistently; a newer result abandons an unfinished build.
 */
function show(text, entities, took, via, date) {
  const job = { gen: ++renderGen, text, entities, took, via, date, hidden: new Set(state.hidden), ...articleBuilder(text, entities) };
  step(job);
}

const SLICE_MS = 12;
let renderGen = 0;
function step(job) {
  if (job.gen !== renderGen) return; // superseded
  const deadline = performance.now() + SLICE_MS;
  while (!job.done()) {
    job.next();
    if (!job.done() && performance.now() > deadline) { setTimeout(() => step(job), 0); return; }
  }
  commit(job);
}

function commit(job) {
  const { text, entities } = job;
  Object.assign(state, { text, entities, date: job.date || null, took: job.took, via: job.via, selected: null, marks: job.marks });
  state.groupSize = new Map();
  for (const e of entities) if (e.group != null) state.groupSize.set(e.group, (state.groupSize.get(e.group) || 0) + 1);
  renderLegend();
  for (const label of LABELS) article.classList.toggle(`hide-${label}`, state.hidden.has(label));
  article.replaceChildren(job.frag);
  if (!text) article.append(el("p", { class: "empty-note" }, "The annotated article appears here."));
  // a label toggled while the article was being built
  const changed = LABELS.filter((l) => job.hidden.has(l) !== state.hidden.has(l));
  if (changed.length) applyHidden(changed);
  renderPanel();
  renderStats();
  renderExports();
  window.articleAnnotator.shown = { text, count: entities.length, took: job.took, via: job.via };
  window.articleAnnotator.renders = (window.articleAnnotator.renders || 0) + 1;
  if (!text) setStatus("Ready. Paste an article to begin.");
  else setStatus(loaded.note && loaded.text === text ? `${loaded.note} — annotated.` : "Annotated.");
}

// ---------------------------------------------------------------------------------------------------------
// Rendering. Everything is built from DOM nodes; user text goes in as text only.

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "dataset") Object.assign(node.dataset, v);
    else if (k === "class") node.className = v;
    else if (k.startsWith("aria-") || k === "role") node.setAttribute(k, v);
    else node[k] = v;
  }
  node.append(...children); // strings become text nodes
  return node;
}


function counts() {
  const c = Object.fromEntries(LABELS.map((l) => [l, 0]));
  for (const e of state.entities) c[e.label] = (c[e.label] || 0) + 1;
  return c;
}

/** Whether entity `e` is shown, i.e. its label is not toggled off in the legend. */
const isShown = (e) => !state.hidden.has(e.label);

/** The entities the exports carry: those of the labels shown (the legend's toggles apply to every export). */
function shownEntities() {
  return state.hidden.size ? state.entities.filter(isShown) : state.entities;
}

/** The export buttons: enabled when some entity is shown; the note under them says which labels they export. */
function renderExports() {
  const shown = shownEntities().length, all = state.entities.length;
  for (const id of ["export-json", "export-csv", "copy-html"]) $(id).disabled = shown === 0;
  const hidden = LABELS.filter((l) => state.hidden.has(l));
  $("export-note").textContent = hidden.length
    ? `Exports the labels shown: ${counted(shown, "entity", "entities")} of ${num(all)} (${hidden.join(", ")} hidden).`
    : "Exports the labels shown.";
}

function renderLegend() {
  const c = counts();
  legendEl.replaceChildren(...LABELS.map((label) => {
    const on = !state.hidden.has(label);
    const button = el("button", {
      type: "button", class: "chip", dataset: { label },
      "aria-pressed": String(on),
      "aria-label": `${LABEL_NAMES[label]} (${label}): ${num(c[label])}; ${on ? "shown" : "hidden"}`,
      title: on ? `Hide ${LABEL_NAMES[label]} highlights` : `Show ${LABEL_NAMES[label]} highlights`,
    }, el("span", { class: "chip-tag", "aria-hidden": "true" }, label), el("span", { class: "chip-count", "aria-hidden": "true" }, num(c[label])));
    if (c[label] === 0) button.classList.add("empty");
    button.addEventListener("click", () => toggleLabel(label));
    return el("li", {}, button);
  }));
}

function toggleLabel(label) {
  const hide = !state.hidden.has(label);
  if (hide) state.hidden.add(label); else state.hidden.delete(label);
  const focused = document.activeElement?.dataset?.label === label && document.activeElement.classList.contains("chip");
  renderLegend();
  applyHidden([label]);
  refreshLists();
  if (focused) legendEl.querySelector(`button[data-label="${label}"]`)?.focus();
  setStatus(`${LABEL_NAMES[label]} highlights ${hide ? "hidden" : "shown"}.`);
}

/**
 * The side panel, statistics and export note again after labels were shown or hidden: they list only the labels
 * shown. A selection whose label was hidden is cleared; one still shown keeps its row marked.
 */
function refreshLists() {
  const current = document.querySelector(".row[aria-current]");
  const key = current?.dataset.key, i = current?.dataset.i;
  renderPanel();
  const row = key != null ? state.rowOf.get(key) : i != null ? state.rowOf.get(Number(i)) : null;
  if (row) row.setAttribute("aria-current", "true");
  else if (current) clearSelection();
  for (const m of article.querySelectorAll("mark.hit")) if (state.hidden.has(m.dataset.label)) m.classList.remove("hit");
  renderStats();
  renderExports();
}

/**
 * Shows or hides the highlights of `labels` without rebuilding the article: a `hide-LABEL` class on the article
 * lets the stylesheet drop their colour and badge (only on-screen chunks are restyled), and hidden marks leave
 * the tab order. The marks stay, so the text is untouched.
 */
function applyHidden(labels) {
  const set = new Set(labels);
  for (const label of set) article.classList.toggle(`hide-${label}`, state.hidden.has(label));
  const { entities, marks } = state;
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i];
    if (set.has(e.label) && marks[i]) marks[i].tabIndex = state.hidden.has(e.label) ? -1 : 0;
  }
}

/** Where the chunk starting at `pos` ends: after a line break at least CHUNK units on, never inside an entity. */
function chunkEnd(text, pos, entities, k) {
  if (text.length - pos <= CHUNK * 1.5) return text.length;
  let end = pos + CHUNK;
  for (;;) {
    let cut = text.indexOf("\n", end);
    if (cut < 0 || cut - end > CHUNK * 3) {
      // no line break soon (one very long line): cut after a sentence's end, else after any space, else anywhere
      // but inside a surrogate pair. Only the line break between the two blocks differs from the text.
      const sentence = /[.!?]["'\u201d\u2019)\]]*\s+/g, space = /\s+/g;
      sentence.lastIndex = space.lastIndex = end;
      const m = sentence.exec(text);
      const s = m && m.index - end <= CHUNK * 3 ? m : space.exec(text);
      cut = s && s.index - end <= CHUNK * 3 ? s.index + s[0].length : end;
      if (cut < text.length && /[\uDC00-\uDFFF]/.test(text[cut])) cut++;
    } else {
      cut++;
      while (text[cut] === "\n" || text[cut] === "\r") cut++; // a paragraph's blank lines stay with it
    }
    end = Math.min(cut, text.length);
    while (k < entities.length && entities[k].start < end && entities[k].end <= end) k++;
    if (k < entities.length && entities[k].start < end) { end = entities[k].end; continue; } // it crosses the cut
    return end;
  }
}

/**
 * Builds the article's DOM in a fragment, a chunk per next() call: block chunks (see CHUNK) of text nodes and
 * `<mark data-label data-i tabindex>` elements, each with its expected height for `contain-intrinsic-size`.
 */
function articleBuilder(text, entities) {
  const marks = new Array(entities.length);
  const frag = document.createDocumentFragment();
  // each chunk's expected height, so the scroll bar is about right before the browser lays the chunk out
  const style = getComputedStyle(article);
  const lineHeight = parseFloat(style.lineHeight) || 30;
  const width = article.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const perLine = Math.max(20, Math.floor(width / ((parseFloat(style.fontSize) || 17) * 0.5)));
  let pos = 0, k = 0;
  const next = () => {
    const end = chunkEnd(text, pos, entities, k);
    const chunk = document.createElement("div");
    chunk.className = "chunk";
    let at = pos;
    for (; k < entities.length && entities[k].start < end; k++) {
      const e = entities[k];
      if (e.start < at) continue; // overlaps the previous entity
      if (e.start > at) chunk.appendChild(document.createTextNode(text.slice(at, e.start)));
      const mark = document.createElement("mark");
      mark.setAttribute("data-label", e.label);
      mark.setAttribute("data-i", k);
      mark.setAttribute("tabindex", state.hidden.has(e.label) ? "-1" : "0");
      mark.appendChild(document.createTextNode(text.slice(e.start, e.end)));
      chunk.appendChild(mark);
      marks[k] = mark;
      at = e.end;
    }
    if (at < end) chunk.appendChild(document.createTextNode(text.slice(at, end)));
    let lines = 0;
    for (let i = pos; i < end;) {
      let nl = text.indexOf("\n", i);
      if (nl < 0 || nl >= end) nl = end;
      lines += Math.max(1, Math.ceil((nl - i) / perLine));
      i = nl + 1;
    }
    chunk.style.containIntrinsicHeight = `auto ${Math.round(lines * lineHeight)}px`;
    frag.appendChild(chunk);
    pos = end;
  };
  return { frag, marks, next, done: () => pos >= text.length };
}

/** Name groups: mentions sharing `group` (or, without one, the same label and text). */
function nameGroups() {
  const groups = new Map();
  state.entities.forEach((e, i) => {
    if (!NAME_LABELS.has(e.label) || !isShown(e)) return;
    const key = e.group != null ? `g${e.group}` : `${e.label}:${e.text}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, label: e.label, mentions: [], forms: new Map() }));
    g.mentions.push(i);
    g.forms.set(e.text, (g.forms.get(e.text) || 0) + 1);
  });
  for (const g of groups.values()) {
    // the longest form names the group (`Nursultan Nazarbayev` over `Nazarbayev`), then the most used
    g.name = [...g.forms.entries()].sort((a, b) => b[0].length - a[0].length || b[1] - a[1])[0][0];
  }
  return [...groups.values()].sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0] - b.mentions[0]);
}

function renderPanel() {
  const groups = nameGroups();
  state.groupOf = new Map();
  state.rowOf = new Map();
  for (const g of groups) for (const i of g.mentions) state.groupOf.set(i, g);
  const rows = groups.slice(0, LIST_LIMIT).map((g) => {
    const others = [...g.forms.keys()].filter((f) => f !== g.name);
    const button = el("button", { type: "button", class: "row", dataset: { key: g.key, label: g.label } },
      el("span", { class: "tag", "aria-hidden": "true" }, g.label),
      el("span", { class: "row-name" }, `${g.name} — ${num(g.mentions.length)}`),
      el("span", { class: "sr-only" }, ` ${LABEL_NAMES[g.label]}, ${num(g.mentions.length)} mention${g.mentions.length === 1 ? "" : "s"}`));
    if (others.length) button.append(el("span", { class: "row-forms" }, `also ${others.join(", ")}`));
    button.addEventListener("click", () => select(button, g.mentions));
    state.rowOf.set(g.key, button);
    return el("li", {}, button);
  });
  if (groups.length > LIST_LIMIT) rows.push(el("li", { class: "more" }, `and ${num(groups.length - LIST_LIMIT)} more`));
  if (!groups.length) rows.push(el("li", { class: "more" }, hiddenNote(NAME_LABELS) || "No names found yet."));
  groupsEl.replaceChildren(...rows);

  const figures = [];
  state.entities.forEach((e, i) => { if (!NAME_LABELS.has(e.label) && isShown(e)) figures.push(i); });
  const frows = figures.slice(0, LIST_LIMIT).map((i) => {
    const e = state.entities[i];
    const value = formatValue(e);
    const button = el("button", { type: "button", class: "row", dataset: { i: String(i), label: e.label } },
      el("span", { class: "tag", "aria-hidden": "true" }, e.label),
      el("span", { class: "row-name" }, e.text),
      el("span", { class: "sr-only" }, ` ${LABEL_NAMES[e.label]}`));
    if (value) button.append(el("span", { class: "row-value" }, `= ${value}`));
    button.addEventListener("click", () => select(button, [i]));
    state.rowOf.set(i, button);
    return el("li", {}, button);
  });
  if (figures.length > LIST_LIMIT) frows.push(el("li", { class: "more" }, `and ${num(figures.length - LIST_LIMIT)} more`));
  if (!figures.length) frows.push(el("li", { class: "more" }, hiddenNote(LABELS.filter((l) => !NAME_LABELS.has(l))) || "No figures found yet."));
  figuresEl.replaceChildren(...frows);
}

/**
 * The length of `text` in Unicode code points (an emoji is 1, a surrogate pair in JavaScript's units), as the
 * CLI's default offsets and Python count; a lone surrogate counts as 1. A loop, not [...text]: no 2 MB array.
 */
export function codePoints(text) {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { n--; i++; }
    }
  }
  return n;
}

/** "1 entity", "2 entities", "1,200 characters": a count with its noun, singular for exactly one. */
const counted = (n, one, many) => `${num(n)} ${n === 1 ? one : many}`;

/** For an empty panel list: "None shown: DATE is hidden in the legend." when `labels` have entities but are toggled off. */
function hiddenNote(labels) {
  const off = [...labels].filter((l) => state.hidden.has(l) && state.entities.some((e) => e.label === l));
  return off.length ? `None shown: ${off.join(", ")} ${off.length === 1 ? "is" : "are"} hidden in the legend.` : "";
}

function renderStats() {
  const ms = state.took < 10 ? state.took.toFixed(1) : Math.round(state.took).toString();
  statsEl.replaceChildren(
    el("span", { title: "Counted in Unicode code points: an emoji is one character (one made of several, like a family or a flag, counts each part)" },
      counted(codePoints(state.text), "character", "characters")), " · ",
    el("span", {}, state.hidden.size && shownEntities().length < state.entities.length
      ? `${num(shownEntities().length)} of ${counted(state.entities.length, "entity", "entities")} shown`
      : counted(state.entities.length, "entity", "entities")), " · ",
    el("span", { class: "took" }, `${ms} ms`), ` in ${state.via || "this tab"}`);
}

/** A short human reading of an entity's normalised value, or "" when it has none. */
function formatValue(e) {
  const v = e.value;
  if (!v) return "";
  const fmt = (x) => (typeof x === "number" ? x.toLocaleString("en", { maximumFractionDigits: 6 }) : String(x));
  // a range (`12-15 percent`, `$4.5bn-$5bn`) has its other end in `to`; one valued by its first end alone
  // (a module without `to`) says so
  const to = typeof v.to === "number" ? ` to ${fmt(v.to)}` : "";
  const end = !to && RANGE.test(e.text) ? " (lower end)" : "";
  if ("number" in v) return (v.approx ? `${APPROX[v.approx] || v.approx} ` : "") + fmt(v.number) + to + end;
  if ("currency" in v) return `${fmt(v.amount)}${to} ${v.currency}${end}`;
  if ("percent" in v) return `${fmt(v.percent)}${to}%${end}`;
  if ("unit" in v) return (to ? `${fmt(v.amount)} to ${readableQuantity(v.to, v.unit, fmt)}` : readableQuantity(v.amount, v.unit, fmt)) + end;
  if ("date" in v) return readableDate(v.date);
  if ("weekday" in v) return v.weekday;
  if ("duration" in v) return readableDuration(v.duration);
  if ("time" in v) return v.time;
  return Object.entries(v).map(([k, x]) => `${k}: ${fmt(x)}`).join(", ");
}

/** Two numbers joined as a range: `12-15`, `3 to 4`, `$4.5bn-$5bn`, `between 3 and 5`. */
const RANGE = /\d[\d.,]*\s*[a-zA-Z%]{0,2}\s*(?:-|–|—|to|and)\s*[^\s\d]{0,3}\d/;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * A DATE value (GUIDE section 2) in words: "2022-01-06" is "January 6, 2022", "2022-01" "January 2022", "--03-03"
 * (no year in the text) "March 3", "--09" "September", "2022-W02" "week 2 of 2022", "199" (a decade) "1990s",
 * "18" (a century: years 1800-1899) "19th century"; an interval "A/B" is "December 24-25" within one month,
 * "June to August 2020" within one year, else "A to B". Anything else is shown as it is.
 */
function readableDate(code) {
  const slash = code.indexOf("/");
  if (slash > 0) {
    const a = dateParts(code.slice(0, slash)), b = dateParts(code.slice(slash + 1));
    if (!a || !b) return code;
    const sameYear = a.year === b.year;
    if (sameYear && a.month && a.month === b.month && a.day && b.day) {
      return `${MONTHS[a.month - 1]} ${a.day}-${b.day}${a.year ? `, ${a.year}` : ""}`;
    }
    if (sameYear && a.year && a.month && b.month && !a.day && !b.day) return `${MONTHS[a.month - 1]} to ${MONTHS[b.month - 1]} ${a.year}`;
    return `${dateWords(a)} to ${dateWords(b)}`;
  }
  const parts = dateParts(code);
  return parts ? dateWords(parts) : code;
}

/** The pieces of one ISO date value, or null for a shape this page does not know. */
function dateParts(code) {
  let m;
  if ((m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(code))) return checked({ year: String(Number(m[1])), month: Number(m[2] || 0), day: Number(m[3] || 0) });
  if ((m = /^--(\d{2})(?:-(\d{2}))?$/.exec(code))) return checked({ year: "", month: Number(m[1]), day: Number(m[2] || 0) });
  if ((m = /^(\d{4})-W(\d{2})$/.exec(code))) return { year: String(Number(m[1])), week: Number(m[2]) };
  if (/^\d{3}$/.test(code)) return { text: `${Number(code) * 10}s` };
  if (/^\d{2}$/.test(code)) return { text: `${ordinal(Number(code) + 1)} century` };
  return null;
}
const checked = (p) => (p.month <= 12 && p.day <= 31 && (p.month || !p.day) ? p : null);

function dateWords(p) {
  if (p.text) return p.text;
  if (p.week) return `week ${p.week} of ${p.year}`;
  if (!p.month) return p.year;
  const md = p.day ? `${MONTHS[p.month - 1]} ${p.day}` : MONTHS[p.month - 1];
  return p.year ? (p.day ? `${md}, ${p.year}` : `${md} ${p.year}`) : md;
}

/** A QUANTITY value: symbols stay ("40.2 km", "100 km/h"); "deg" is "°", and unit words take a plural ("5 acres"). */
function readableQuantity(amount, unit, fmt) {
  if (unit === "deg") return `${fmt(amount)}°`;
  const word = (unit === "acre" || unit === "bale") && amount !== 1 ? `${unit}s` : unit; // the two units named by words
  return `${fmt(amount)} ${word}`;
}

const ordinal = (n) => {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? "th" : ["th", "st", "nd", "rd"][n % 10] || "th"}`;
};

/** An ISO 8601 duration ("P30Y", "P2W", "PT3H30M") in words ("30 years"); anything else unchanged. */
function readableDuration(code) {
  const m = /^P(?:([\d.]+)Y)?(?:([\d.]+)M)?(?:([\d.]+)W)?(?:([\d.]+)D)?(?:T(?:([\d.]+)H)?(?:([\d.]+)M)?(?:([\d.]+)S)?)?$/.exec(code);
  if (!m || code === "P" || code.endsWith("T")) return code;
  const units = ["year", "month", "week", "day", "hour", "minute", "second"];
  const parts = [];
  units.forEach((unit, k) => {
    const x = m[k + 1];
    if (x !== undefined) parts.push(`${num(Number(x))} ${unit}${Number(x) === 1 ? "" : "s"}`);
  });
  return parts.join(" ");
}

// ---------------------------------------------------------------------------------------------------------
// Selecting from the panel: highlight and scroll to the mentions.

function clearSelection() {
  for (const m of article.querySelectorAll("mark.hit")) m.classList.remove("hit");
  for (const b of document.querySelectorAll(".row[aria-current]")) b.removeAttribute("aria-current");
}

/**
 * Highlights the mentions `indices` (entity indices) and marks `button`, their panel row, as current. From the
 * panel, the first mention is scrolled to and focused; from a highlight (`fromArticle`), focus and the article's
 * scroll position stay, and the panel scrolls its row into view instead.
 */
function select(button, indices, fromArticle = false) {
  clearSelection();
  const labels = new Set(indices.map((i) => state.entities[i].label));
  const reshown = [...labels].filter((l) => state.hidden.delete(l));
  if (reshown.length) {
    renderLegend(); applyHidden(reshown); refreshLists();
    if (button) button = state.rowOf.get(button.dataset.key ?? Number(button.dataset.i)) || button; // rebuilt
  }
  const marks = indices.map((i) => state.marks[i]).filter(Boolean);
  marks.forEach((m) => m.classList.add("hit"));
  button?.setAttribute("aria-current", "true");
  if (fromArticle) revealRow(button);
  else if (marks.length) {
    marks[0].scrollIntoView({ block: "center", behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
    marks[0].focus({ preventScroll: true });
  }
  setStatus(`${num(marks.length)} mention${marks.length === 1 ? "" : "s"} highlighted.`);
}

/** Scrolls the side panel (only the panel, never the page) so that `row` shows. */
function revealRow(row) {
  const panel = row?.closest(".panel");
  if (!panel || panel.scrollHeight <= panel.clientHeight) return;
  const r = row.getBoundingClientRect(), p = panel.getBoundingClientRect();
  if (r.top < p.top) panel.scrollTop += r.top - p.top - 8;
  else if (r.bottom > p.bottom) panel.scrollTop += r.bottom - p.bottom + 8;
}

/** A click on a highlight (or Enter on a focused one): selects its name group, or the figure, as its row does. */
function selectFromMark(mark) {
  const i = Number(mark.dataset.i);
  const e = state.entities[i];
  if (!e || state.hidden.has(e.label)) return;
  const group = state.groupOf.get(i);
  if (group) select(state.rowOf.get(group.key), group.mentions, true);
  else select(state.rowOf.get(i), [i], true);
}

// ---------------------------------------------------------------------------------------------------------
// Tooltip on hover or keyboard focus: label, value, confidence.

function showTip(mark) {
  const e = state.entities[Number(mark.dataset.i)];
  if (!e || state.hidden.has(e.label)) return;
  const parts = [el("strong", {}, `${LABEL_NAMES[e.label]} (${e.label})`)];
  const value = formatValue(e);
  if (value) parts.push(el("span", {}, `Value: ${value}`));
  parts.push(el("span", {}, `Confidence: ${Math.round(e.score * 100)}%`));
  if (e.group != null) {
    const n = state.groupSize.get(e.group) || 0;
    parts.push(el("span", {}, `${num(n)} mention${n === 1 ? "" : "s"} in this article`));
  }
  tip.replaceChildren(...parts);
  tip.hidden = false;
  tipAnchor = mark;
  placeTip(mark);
  mark.setAttribute("aria-describedby", "tip");
}

let tipAnchor = null;
function placeTip(mark) {
  const r = mark.getBoundingClientRect();
  const w = tip.offsetWidth, h = tip.offsetHeight;
  const left = Math.max(4, Math.min(window.innerWidth - w - 4, r.left));
  const top = r.bottom + 6 + h > window.innerHeight ? r.top - h - 6 : r.bottom + 6;
  tip.style.left = `${left}px`;
  tip.style.top = `${Math.max(4, top)}px`;
}

function hideTip(mark) {
  tip.hidden = true;
  tipAnchor = null;
  mark?.removeAttribute?.("aria-describedby");
}

article.addEventListener("mouseover", (ev) => { const m = ev.target.closest("mark"); if (m) showTip(m); });
article.addEventListener("mouseout", (ev) => { const m = ev.target.closest("mark"); if (m && m !== document.activeElement) hideTip(m); });
article.addEventListener("focusin", (ev) => { if (ev.target.matches("mark")) showTip(ev.target); });
article.addEventListener("focusout", (ev) => { if (ev.target.matches("mark")) hideTip(ev.target); });
article.addEventListener("click", (ev) => { const m = ev.target.closest("mark"); if (m) selectFromMark(m); });
article.addEventListener("keydown", (ev) => {
  if (ev.key === "Enter" && ev.target.matches("mark")) { ev.preventDefault(); selectFromMark(ev.target); }
});
// Esc hides the tooltip; pressed again (tooltip already hidden), it clears the selected mentions
document.addEventListener("keydown", (ev) => {
  if (ev.key !== "Escape") return;
  if (!tip.hidden) hideTip(document.activeElement);
  else if (article.querySelector("mark.hit")) { clearSelection(); setStatus("Selection cleared."); }
});
// on scroll the tooltip follows a focused highlight, and goes away for a hovered one
window.addEventListener("scroll", () => {
  if (tip.hidden) return;
  if (tipAnchor && tipAnchor === document.activeElement) placeTip(tipAnchor); else hideTip(tipAnchor);
}, { passive: true });

// ---------------------------------------------------------------------------------------------------------
// Export.

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The export as JSON: the text, the article date its values were resolved against (null without one) and the
 * entities of the labels shown (`labels` lists them), UTF-16 offsets. */
export function toJSON() {
  const labels = LABELS.filter((l) => !state.hidden.has(l));
  return JSON.stringify({ offsets: "utf16", characters: state.text.length, date: state.date, text: state.text, labels, entities: shownEntities() }, null, 2);
}

/** The entities of the labels shown as CSV, a row each. */
export function toCSV() {
  const cell = (x) => {
    let s = x == null ? "" : String(x);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`; // keep spreadsheets from running a cell as a formula
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = [["start", "end", "label", "text", "score", "group", "value"]];
  for (const e of shownEntities()) rows.push([e.start, e.end, e.label, e.text, e.score, e.group, e.value ? JSON.stringify(e.value) : ""]);
  return rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

const escapeHTML = (s) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));

/**
 * The article as HTML with the labels shown marked, for pasting into an editor: a string, every piece of user text
 * escaped, and no `style` attribute anywhere. Chromium parses HTML put on the clipboard in this page's context,
 * where the CSP (style-src 'self') refuses inline styles with a console error each time; the line breaks that
 * `white-space: pre-wrap` kept are written as markup instead: a blank line ends a `<p>`, a single line break is a
 * `<br>`. The line-break characters themselves stay in the HTML (between the paragraphs, after each `<br>`), where
 * they render as nothing more, so the copy's text content is exactly the article's text.
 */
export function toHTML() {
  const { text, entities } = state;
  // a blank line (with any spaces) between paragraphs; otherwise each line break is a <br>
  const plain = (s) => escapeHTML(s).replace(/\r?\n(?:[ \t]*\r?\n)+|\r\n|\n|\r/g, (br) => (/\n[ \t]*\r?\n/.test(br) ? `</p>${br}<p>` : `<br>${br}`));
  const inMark = (s) => escapeHTML(s).replace(/\r\n|\n|\r/g, (br) => `<br>${br}`);
  // line breaks before the first line and after the last stay outside the paragraphs
  const head = /^\s*/.exec(text)[0], tail = head.length < text.length ? /\s*$/.exec(text)[0] : "";
  const lead = head.includes("\n") || head.includes("\r") ? head : "", trail = /[\n\r]/.test(tail) ? tail : "";
  const stop = text.length - trail.length;
  let out = "", pos = lead.length;
  for (const e of entities) {
    if (state.hidden.has(e.label) || e.start < pos) continue;
    out += plain(text.slice(pos, e.start));
    out += `<mark data-label="${e.label}" title="${escapeHTML(LABEL_NAMES[e.label])}">${inMark(text.slice(e.start, e.end))}</mark>`;
    pos = e.end;
  }
  out += plain(text.slice(pos, Math.max(pos, stop)));
  return `<div class="annotated-article">${lead}<p>${out}</p>${trail}</div>`.replace(/<p><\/p>/g, "");
}
window.articleAnnotator.exports = { toJSON, toCSV, toHTML };

$("export-json").addEventListener("click", () => { download("entities.json", "application/json", toJSON()); setStatus("JSON downloaded."); });
$("export-csv").addEventListener("click", () => { download("entities.csv", "text/csv", toCSV()); setStatus("CSV downloaded."); });
$("copy-html").addEventListener("click", async () => {
  const html = toHTML();
  try {
    if (window.ClipboardItem && navigator.clipboard?.write) {
      await navigator.clipboard.write([new ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([state.text], { type: "text/plain" }),
      })]);
    } else {
      await navigator.clipboard.writeText(html);
    }
    setStatus("Copied the annotated article as HTML.");
  } catch (err) {
    setStatus(`Could not copy: ${err.message || err}. Your browser may need permission to use the clipboard.`);
  }
});

// ---------------------------------------------------------------------------------------------------------
// Input: typing, files, dropping, clearing, the article date.

/** Shows `message` in the status line; `error` marks it as a problem (bold, with a red rule). */
function setStatus(message, error = false) {
  statusEl.textContent = message;
  statusEl.classList.toggle("error", error);
}

/** The last file loaded and what to say about it, kept in the status while its text is shown unchanged. */
const loaded = { text: null, note: "" };

/** Bytes of a file as text: UTF-8 (or UTF-16 with a byte order mark); Windows-1252 when it is not valid UTF-8. */
function decodeFile(bytes) {
  // NUL bytes (or many other control bytes) in the first 8 KB: not a text file
  const head = bytes.subarray(0, 8192);
  const bom16 = head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
  if (bom16) return { text: new TextDecoder(head[0] === 0xff ? "utf-16le" : "utf-16be").decode(bytes), encoding: "UTF-16" };
  let control = 0;
  for (const b of head) {
    if (b === 0) return { binary: true };
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  if (control > head.length * 0.05) return { binary: true };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "Windows-1252" };
  }
}

async function loadFile(file) {
  if (!file) return;
  if (!(file.type === "text/plain" || /\.txt$/i.test(file.name) || file.type === "")) {
    setStatus(`“${file.name}” is not a .txt file.`, true);
    return;
  }
  let decoded;
  try {
    decoded = decodeFile(new Uint8Array(await file.arrayBuffer()));
  } catch (err) {
    setStatus(`Could not read “${file.name}”: ${err.message || err}`, true);
    return;
  }
  if (decoded.binary) {
    setStatus(`“${file.name}” looks like a binary file, not text, so it was not loaded.`, true);
    return;
  }
  input.value = decoded.text;
  loaded.text = input.value; // as the box holds it (a textarea turns \r\n into \n)
  loaded.note = decoded.encoding === "Windows-1252"
    ? `Loaded “${file.name}”, decoded as Windows-1252 because it is not valid UTF-8`
    : `Loaded “${file.name}”`;
  setStatus(`${loaded.note}.`);
  run();
}

input.addEventListener("input", schedule);
dateEl.addEventListener("change", run);
$("file").addEventListener("change", (ev) => { loadFile(ev.target.files[0]); ev.target.value = ""; });
// Clear starts a new article: its text and its date (a date kept from the last one would resolve the next
// article's "Wednesday" against the wrong week)
$("clear").addEventListener("click", () => { input.value = ""; dateEl.value = ""; run(); input.focus(); });
for (const target of [input, document.body]) {
  target.addEventListener("dragover", (ev) => {
    if ([...(ev.dataTransfer?.types || [])].includes("Files")) { ev.preventDefault(); input.classList.add("dropping"); }
  });
  target.addEventListener("dragleave", () => input.classList.remove("dropping"));
  target.addEventListener("drop", (ev) => {
    if (!ev.dataTransfer?.files?.length) return;
    ev.preventDefault();
    input.classList.remove("dropping");
    loadFile(ev.dataTransfer.files[0]);
  });
}

ready.then(
  (readyAt) => {
    const nav = performance.getEntriesByType("navigation")[0];
    const afterLoad = nav && nav.loadEventStart > 0 ? Math.max(0, readyAt - nav.loadEventStart) : null;
    window.articleAnnotator.readyAfterLoadMs = afterLoad;
    document.documentElement.dataset.ready = "true";
    show("", [], 0, "");
    setStatus(`Ready in ${Math.round(window.articleAnnotator.loadMs)} ms. Paste an article to begin.`);
    if (input.value) run();
    (window.requestIdleCallback || setTimeout)(startWorker);
  },
  (err) => setStatus(`The annotator could not load: ${err.message || err}`, true),
);
