// article-annotator, Node entry: the same names as the browser entry's API (`init`, `initSync`, `annotate`,
// `annotateAsync`, `configure`, `ready`, `parseLabels`, `LABELS`, `labels`, `version`), with `init()` reading the
// WebAssembly file from this package's folder (Node's fetch cannot read file: URLs). Node has no Web Worker here:
// everything runs on the calling thread, so `configure({ worker })` is accepted and ignored. The web component
// and highlight() need a DOM and are not exported here.
//
//   import init, { annotate } from "article-annotator";
//   await init();
//   annotate("President Kassym Jomart Tokayev spoke on Monday.");
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import wasmInit, { initSync as wasmInitSync, annotate, labels, version } from "./pkg/article_annotator.js";
export { parseLabels, LABELS } from "./embed/annotator.js";

/** The path of the WebAssembly file inside this package. */
export const wasmPath = fileURLToPath(new URL("./pkg/article_annotator_bg.wasm", import.meta.url));

const config = { wasm: null };
let defaultInit = null; // Promise<InitOutput>: init() without an argument

/**
 * Where `init()`, `ready()` and `annotateAsync()` take the WebAssembly from when called without an argument:
 * a file path or file: URL (read from disk), an http(s) URL or Response (fetched), bytes or a compiled
 * WebAssembly.Module. Default: this package's file. `worker` is accepted for the browser entry's sake and
 * ignored (Node annotates on the calling thread). Call before the first annotation.
 */
export function configure({ wasm, worker } = {}) {
  void worker;
  if (wasm !== undefined) { config.wasm = wasm; defaultInit = null; }
}

async function source() {
  const src = config.wasm ?? wasmPath;
  if (src instanceof URL) return src.protocol === "file:" ? readFile(src) : src;
  if (typeof src === "string") {
    if (/^file:/i.test(src)) return readFile(new URL(src));
    return /^(https?|data|blob):/i.test(src) ? src : readFile(src);
  }
  return src;
}

/** Instantiates the module; without an argument, from `configure`'s source or this package's WebAssembly file. */
export default async function init(input) {
  if (input !== undefined) return wasmInit(input);
  if (!defaultInit) {
    defaultInit = source().then((module_or_path) => wasmInit({ module_or_path }));
    defaultInit.catch(() => { defaultInit = null; }); // a failed read may be retried later
  }
  return defaultInit;
}

/** Instantiates the module synchronously; without an argument, from this package's WebAssembly file. */
export function initSync(input) {
  return wasmInitSync(input ?? { module: readFileSync(wasmPath) });
}

/** Resolves when annotations can be made (module instantiated, model loaded). */
export async function ready() {
  await init();
  annotate("Warm up on January 6.", null);
}

/** Initialises on first use, then annotates (on the calling thread). */
export async function annotateAsync(text, options = null) {
  await init();
  return annotate(text, options);
}

export { annotate, labels, version };
