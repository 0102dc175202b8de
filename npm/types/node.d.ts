// article-annotator, Node entry: the browser entry's API without the DOM parts (component, highlight()).
import type { AnnotateOptions, Entity, InitInput, InitOutput, SyncInitInput } from "./pkg/article_annotator.js";
export type { AnnotateOptions, Approx, Entity, EntityValue, Label, InitInput, InitOutput, SyncInitInput } from "./pkg/article_annotator.js";
export { annotate, labels, version } from "./pkg/article_annotator.js";
export { parseLabels, LABELS } from "./embed/annotator.js";

/** The path of the WebAssembly file inside this package. */
export const wasmPath: string;
/**
 * Where `init()`, `ready()` and `annotateAsync()` take the WebAssembly from when called without an argument (a
 * file path or URL, a Response, bytes or a compiled module; default: this package's file). `worker` is ignored
 * in Node (annotations run on the calling thread). Call before the first annotation.
 */
export function configure(options?: {
  wasm?: string | URL | Response | ArrayBuffer | ArrayBufferView | WebAssembly.Module;
  worker?: boolean;
}): void;
/** Instantiates the module; without an argument, from `configure`'s source or this package's WebAssembly file. */
export default function init(input?: { module_or_path: InitInput | Promise<InitInput> }): Promise<InitOutput>;
/** Instantiates the module synchronously; without an argument, from this package's WebAssembly file. */
export function initSync(input?: { module: SyncInitInput }): InitOutput;
/** Resolves when annotations can be made (module instantiated, model loaded). */
export function ready(): Promise<void>;
/** Initialises on first use, then annotates. */
export function annotateAsync(text: string, options?: AnnotateOptions | null): Promise<Entity[]>;
