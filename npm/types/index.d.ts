// article-annotator, browser entry: the WebAssembly API plus the embedding helpers.
export * from "./pkg/article_annotator.js";
export { default } from "./pkg/article_annotator.js";
export * from "./embed/annotator.js";
export * from "./embed/highlight.js";
export * from "./embed/component.js";
