// article-annotator, Node entry: the same API as the browser's, with `init()` reading the WebAssembly file from
// this package's folder (Node's fetch cannot read file: URLs). The web component and highlight() need a DOM and
// are not exported here.
//
//   import init, { annotate } from "article-annotator";
//   await init();
//   annotate("President Kassym Jomart Tokayev spoke on Monday.");
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import wasmInit, { initSync as wasmInitSync, annotate, labels, version } from "./pkg/article_annotator.js";

/** The path of the WebAssembly file inside this package. */
export const wasmPath = fileURLToPath(new URL("./pkg/article_annotator_bg.wasm", import.meta.url));

/** Instantiates the module; without an argument, from this package's WebAssembly file. */
export default async function init(input) {
  return wasmInit(input ?? { module_or_path: await readFile(wasmPath) });
}

/** Instantiates the module synchronously; without an argument, from this package's WebAssembly file. */
export function initSync(input) {
  return wasmInitSync(input ?? { module: readFileSync(wasmPath) });
}

/** Initialises on first use, then annotates (on the calling thread). */
export async function annotateAsync(text, options = null) {
  await init();
  return annotate(text, options);
}

export { annotate, labels, version };
