import type { AnnotateOptions, Entity, Label } from "../pkg/article_annotator.js";

/**
 * Where the WebAssembly file comes from (default: `../pkg/article_annotator_bg.wasm` next to this file) and
 * whether a Web Worker does the work (default: true). Call before the first annotation.
 */
export function configure(options?: {
  wasm?: string | URL | Response | ArrayBuffer | ArrayBufferView | WebAssembly.Module;
  worker?: boolean;
}): void;
/** Resolves when annotations can be made (module compiled, instantiated in the worker, model loaded). */
export function ready(): Promise<void>;
/** Annotates off the main thread where possible (a Web Worker); loads the module on first use. */
export function annotateAsync(text: string, options?: AnnotateOptions | null): Promise<Entity[]>;
/** Every label, names first. */
export const LABELS: readonly Label[];
/** "PERSON PLACE", "PERSON,PLACE" or an array to a label array; null or undefined gives null (every label), "" or [] gives [] (none). */
export function parseLabels(value: string | readonly string[] | null | undefined): Label[] | null;
