import type { Entity, Label } from "../pkg/article_annotator.js";

/**
 * `<article-annotator text="..." labels="PERSON PLACE" date="2022-01-19">`: shows a text with its entities
 * highlighted as `<mark data-label="LABEL">` in its shadow DOM. Events: `annotated` (detail `{text, entities}`),
 * `annotate-error` (detail `{error}`). Parts: `article`, `mark`, and one per label (`PERSON`, ...).
 */
export class ArticleAnnotatorElement extends HTMLElement {
  static observedAttributes: string[];
  /** The text shown: the `text` attribute or property, else the element's own text content. */
  text: string;
  /** The labels shown ([] for none), or null for every label (reflects to the `labels` attribute; null removes it). */
  get labels(): Label[] | null;
  set labels(value: readonly Label[] | string | null);
  /** The document date "YYYY-MM-DD", or null (reflects to the `date` attribute). */
  date: string | null;
  /** The entities of the text shown (a copy). */
  readonly entities: Entity[];
  /** Resolves once the latest text and options are annotated and rendered. */
  readonly updateComplete: Promise<void>;
}

export interface ArticleAnnotatorEventMap extends HTMLElementEventMap {
  annotated: CustomEvent<{ text: string; entities: Entity[] }>;
  "annotate-error": CustomEvent<{ error: unknown }>;
}

declare global {
  interface HTMLElementTagNameMap { "article-annotator": ArticleAnnotatorElement; }
}
