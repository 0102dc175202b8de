import type { Plugin, PluginKey, EditorState } from "prosemirror-state";
import type { DecorationSet, EditorView } from "prosemirror-view";
import type { Node } from "prosemirror-model";
import type { Entity, Label } from "../pkg/article_annotator.js";

/** An entity with its document positions. */
export interface PlacedEntity extends Entity { from: number; to: number; }

export interface AnnotationsOptions {
  labels?: readonly Label[] | string | null;
  date?: string | null;
  /** Milliseconds of quiet after an edit before annotating again (default 150). */
  debounce?: number;
  onAnnotate?: (result: { text: string; entities: PlacedEntity[] }) => void;
  onError?: (error: unknown) => void;
}

/** The plugin: entities as inline decorations `<mark data-label="LABEL">`; the document is never changed. */
export function annotations(options?: AnnotationsOptions): Plugin<{ decorations: DecorationSet; entities: PlacedEntity[] }>;
export const annotationsKey: PluginKey<{ decorations: DecorationSet; entities: PlacedEntity[] }>;
/** Resolves when the decorations match the view's current document. */
export function annotationsSettled(view: EditorView): Promise<void>;
/** The document's text as one string, with each text node's string offset and document position. */
export function textOfDoc(doc: Node): { text: string; starts: number[]; positions: number[]; lengths: number[] };
/** Document positions of the string range [start, end), or null. */
export function positionsOf(map: ReturnType<typeof textOfDoc>, start: number, end: number): { from: number; to: number } | null;
