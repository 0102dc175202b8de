import type { Entity, Label } from "../pkg/article_annotator.js";

export interface HighlightOptions {
  /** Labels to show (array or "PERSON PLACE"); null or absent: every label; "" or []: none. */
  labels?: readonly Label[] | string | null;
  /** The document's date, "YYYY-MM-DD", to resolve "Wednesday" or "last year". */
  date?: string | null;
  /** Milliseconds of quiet after an edit before annotating again (default 150). */
  debounce?: number;
  /** Highlight name prefix (default "article-annotator": `::highlight(article-annotator-PERSON)`). */
  name?: string;
  /** false: do not install the default `::highlight()` rules. */
  styles?: boolean;
  /** "auto" (default): CSS Custom Highlights where supported, else an overlay outside the element. */
  mode?: "auto" | "highlight" | "overlay";
  /** Called after each update; offsets index `text`. */
  onAnnotate?: (result: { text: string; entities: Entity[] }) => void;
  /** Called when annotating fails (e.g. an unknown label); default: console.error. */
  onError?: (error: unknown) => void;
}

/** An entity of the element's text with the live DOM Range that covers it. */
export interface HighlightedEntity extends Entity { range: Range; }

export interface HighlightHandle {
  /** "highlight" (CSS Custom Highlight API) or "overlay" (the fallback). */
  readonly mode: "highlight" | "overlay";
  /** The element's text as annotated (text nodes joined; see textOf). */
  readonly text: string;
  /** The entities shown, each with its live Range. */
  readonly entities: HighlightedEntity[];
  /** Annotates now; resolves when the highlights match the element's text. */
  refresh(): Promise<void>;
  /** Resolves when the highlights match the element's current text. */
  settled(): Promise<void>;
  /** Removes every highlight and stops following edits. */
  stop(): void;
}

/** Highlights the names and figures in `element`'s text without changing its DOM; follows edits. */
export function highlight(element: Element, options?: HighlightOptions): HighlightHandle;
/** True where the CSS Custom Highlight API is available. */
export function supportsHighlights(): boolean;
/** The element's text as one string and where each text node sits in it. */
export function textOf(root: Node): { text: string; starts: number[]; nodes: Text[] };
/** A Range over `map.text.slice(start, end)`, or null. */
export function rangeOf(map: { starts: number[]; nodes: Text[] }, start: number, end: number): Range | null;
