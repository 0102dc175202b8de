// The embedding layer's one way to annotate: `annotateAsync(text, options)`, shared by the web component and
// `highlight()`.
//
// Why it looks the way it does:
// - The module is compiled once (streaming, off the main thread) and handed to a Web Worker, which instantiates
//   it, loads the model and does every annotation. Loading the model takes tens of milliseconds and annotating
//   runs at roughly half a megabyte a second in WebAssembly, so on the main thread a 200 KB text would block an
//   editor for hundreds of milliseconds; in the worker the main thread only posts the text and receives entities.
// - Where workers are unavailable (or module workers are not supported, or the worker fails to start), the same
//   module is instantiated on the main thread instead: correct, only less smooth.
// - Answers to superseded requests are still delivered (each request has its own promise); callers that only
//   want the newest answer keep their own sequence number, as `highlight()` and the component do.
import init, { annotate as annotateSync } from "../pkg/article_annotator.js";

const DEFAULT_WASM = new URL("../pkg/article_annotator_bg.wasm", import.meta.url);

const config = { wasm: null, worker: true };
let compiled = null;   // Promise<WebAssembly.Module>
let mainReady = null;  // Promise<void>: the module instantiated on this thread
let worker = null;     // Promise<Worker | null>
let nextId = 1;
const pending = new Map(); // id -> {resolve, reject}

/**
 * Configures where the WebAssembly file comes from and whether a worker is used. Call before the first
 * annotation. `wasm`: a URL (string or URL), a Response, bytes (ArrayBuffer / typed array) or a compiled
 * WebAssembly.Module; default: `../pkg/article_annotator_bg.wasm` next to this file. `worker: false` keeps
 * everything on the calling thread.
 */
export function configure({ wasm, worker: useWorker } = {}) {
  if (wasm !== undefined) { config.wasm = wasm; compiled = null; mainReady = null; }
  if (useWorker !== undefined) config.worker = Boolean(useWorker);
}

function compile() {
  if (!compiled) {
    compiled = (async () => {
      const src = config.wasm ?? DEFAULT_WASM;
      if (src instanceof WebAssembly.Module) return src;
      if (src instanceof ArrayBuffer || ArrayBuffer.isView(src)) return WebAssembly.compile(src);
      const response = src instanceof Response ? src : await fetch(src);
      if (!response.ok) throw new Error(`article-annotator: could not load ${response.url || src} (${response.status})`);
      try {
        return await WebAssembly.compileStreaming(response.clone());
      } catch {
        // a static host that serves .wasm without application/wasm: compile from bytes instead
        return WebAssembly.compile(await response.arrayBuffer());
      }
    })();
    compiled.catch(() => { compiled = null; }); // a failed fetch may be retried later
  }
  return compiled;
}

/** Instantiates the module on this thread (only used without a worker). */
function readyHere() {
  if (!mainReady) {
    mainReady = compile().then((module) => init({ module_or_path: module })).then(() => undefined);
  }
  return mainReady;
}

function startWorker() {
  if (!worker) {
    worker = (async () => {
      if (!config.worker || typeof Worker === "undefined") return null;
      const module = await compile();
      let w;
      try {
        // written out in full so that bundlers (Vite, webpack 5, Parcel) find and bundle the worker
        w = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
      } catch {
        return null; // module workers unsupported: annotate on this thread
      }
      return new Promise((resolve) => {
        w.onmessage = (event) => {
          const msg = event.data;
          if (msg.type === "ready") { resolve(w); return; }
          if (msg.type === "failed") { w.terminate(); resolve(null); return; }
          const p = pending.get(msg.id);
          if (!p) return;
          pending.delete(msg.id);
          if (msg.error !== undefined) p.reject(new Error(msg.error));
          else p.resolve(msg.entities);
        };
        w.onerror = (event) => {
          event.preventDefault?.();
          w.terminate();
          for (const [id, p] of pending) { pending.delete(id); p.reject(new Error("article-annotator: the worker failed")); }
          worker = Promise.resolve(null);
          resolve(null);
        };
        w.postMessage({ type: "init", module });
      });
    })();
  }
  return worker;
}

/** Resolves when annotations can be made (the worker, or this thread, has the module and the model). */
export async function ready() {
  const w = await startWorker();
  if (!w) {
    await readyHere();
    annotateSync("Warm up on January 6.", null);
  }
}

/**
 * Annotates `text` (GUIDE section 2 entities, UTF-16 offsets) off the main thread where possible.
 * `options`: `{labels?: string[], date?: "YYYY-MM-DD"}`. Rejects with the API's message on bad options.
 */
export async function annotateAsync(text, options = null) {
  if (typeof text !== "string") throw new TypeError("article-annotator: text must be a string");
  if (options != null && typeof options === "object" && options.labels != null && !Array.isArray(options.labels)) {
    // the module itself would say "bad options (TypeError: Reflect.get called on non-object)"
    throw new TypeError(`article-annotator: options.labels must be an array of labels like ["PERSON", "DATE"], got ${JSON.stringify(options.labels)}`);
  }
  const w = await startWorker();
  if (!w) {
    await readyHere();
    return annotateSync(text, options ?? null);
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ type: "annotate", id, text, options: options ?? null });
  });
}

/** The labels of GUIDE section 1, names first. */
export const LABELS = ["PERSON", "PLACE", "ORG", "MISC", "NUMBER", "MONEY", "PERCENT", "QUANTITY", "DATE", "TIME", "ORDINAL"];

/**
 * The label colours, the one palette of the page (www/index.html), the web component, highlight() and the editor
 * demos: for each label a light tint for the highlight and a strong ink for its badge and underline, in the
 * light and the dark colour scheme. The page turns it into its `--LABEL-bg` / `--LABEL-ink` properties.
 */
export const PALETTE = {
  PERSON: { light: ["#fde2e8", "#b0164b"], dark: ["#4a1e2b", "#ff9fbc"] },
  PLACE: { light: ["#dcf3e1", "#1e6b33"], dark: ["#1d3d26", "#8fe0a4"] },
  ORG: { light: ["#dfe8fd", "#1f48b8"], dark: ["#1f2d52", "#a9c1ff"] },
  MISC: { light: ["#efe3fb", "#6a2a99"], dark: ["#3a2550", "#d8b4ff"] },
  NUMBER: { light: ["#fdf0c9", "#7d5200"], dark: ["#43371a", "#f5cf6b"] },
  MONEY: { light: ["#d5f3ee", "#00665a"], dark: ["#153f3a", "#7fe0d0"] },
  PERCENT: { light: ["#ffe4d1", "#a4410a"], dark: ["#4a2c18", "#ffb685"] },
  QUANTITY: { light: ["#e8edd3", "#4f5c00"], dark: ["#343a1a", "#d2df87"] },
  DATE: { light: ["#dcefff", "#0b4f8a"], dark: ["#16344f", "#93ccff"] },
  TIME: { light: ["#efe6dd", "#6b4a35"], dark: ["#3b2f26", "#e2c2a8"] },
  ORDINAL: { light: ["#ececec", "#4a4a4a"], dark: ["#34353a", "#d0d0d5"] },
};

/**
 * Parses a labels attribute or option: "PERSON PLACE", "PERSON,PLACE" or an array. null or undefined (the
 * attribute or option absent) gives null, every label; an empty string or array gives [], no label, as
 * `annotate(text, {labels: []})` does.
 */
export function parseLabels(value) {
  if (value == null) return null;
  const list = Array.isArray(value) ? value : String(value).split(/[\s,]+/);
  return list.map((l) => String(l).trim().toUpperCase()).filter(Boolean);
}

/**
 * The index of the last text piece whose start (in the sorted `starts`) is at or before `offset`, strictly before
 * when `end`; -1 when none. Shared by `highlight()` (DOM text nodes) and the ProseMirror plugin (text nodes of the
 * document) to map our UTF-16 offsets back to their pieces.
 */
export function nodeIndex(starts, offset, end) {
  let lo = 0, hi = starts.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (end ? starts[mid] < offset : starts[mid] <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

const APPROX = { more_than: "more than", at_least: "at least", less_than: "less than", at_most: "at most", about: "about", nearly: "nearly" };
/** Two numbers joined as a range (`12-15 percent`, `$4.5bn-$5bn`, `3 to 5 miles`): valued by the first end. */
const RANGE = /\d[\d.,]*\s*[a-zA-Z%]{0,2}\s*(?:-|–|—|to|and)\s*[^\s\d]{0,3}\d/;

/**
 * A one-line description of an entity for a tooltip: its label and its value, e.g. "NUMBER: more than 2000",
 * "MONEY: 4500000000 USD", "PERCENT: 12 to 15%" for `12-15 percent` (a range's other end is its value's `to`;
 * "12% (lower end)" from a module that gives none).
 * Shared by the custom element and the ProseMirror plugin.
 */
export function describe(e) {
  const v = e.value;
  let value = "";
  if (v) {
    const to = typeof v.to === "number" ? ` to ${v.to}` : "";
    const end = !to && RANGE.test(e.text) ? " (lower end)" : "";
    if ("number" in v) value = `${v.approx ? APPROX[v.approx] + " " : ""}${v.number}${to}${end}`;
    else if ("amount" in v) value = `${v.amount}${to}${v.currency ? " " + v.currency : ""}${v.unit ? " " + v.unit : ""}${end}`;
    else if ("percent" in v) value = `${v.percent}${to}%${end}`;
    else value = Object.values(v).join(" ");
  }
  return `${e.label}${value ? ": " + value : ""}`;
}
