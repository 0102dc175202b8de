// article-annotator, Node entry.
import type { AnnotateOptions, Entity, InitInput, InitOutput, SyncInitInput } from "./pkg/article_annotator.js";
export type { AnnotateOptions, Entity, Label, InitInput, InitOutput, SyncInitInput } from "./pkg/article_annotator.js";
export { annotate, labels, version } from "./pkg/article_annotator.js";

/** The path of the WebAssembly file inside this package. */
export const wasmPath: string;
/** Instantiates the module; without an argument, from this package's WebAssembly file. */
export default function init(input?: { module_or_path: InitInput | Promise<InitInput> }): Promise<InitOutput>;
/** Instantiates the module synchronously; without an argument, from this package's WebAssembly file. */
export function initSync(input?: { module: SyncInitInput }): InitOutput;
/** Initialises on first use, then annotates. */
export function annotateAsync(text: string, options?: AnnotateOptions | null): Promise<Entity[]>;
