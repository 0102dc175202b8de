// article-annotator, browser entry (bundlers and plain pages). Node gets node.js (package.json "exports").
//
//   import init, { annotate } from "article-annotator";
//   await init();                                   // fetches pkg/article_annotator_bg.wasm next to this package
//   annotate("President Kassym Jomart Tokayev spoke on Monday.", { labels: ["PERSON", "DATE"] });
export { default, initSync, annotate, labels, version } from "./pkg/article_annotator.js";
export { annotateAsync, configure, ready, parseLabels, LABELS } from "./embed/annotator.js";
export { highlight, textOf, rangeOf, supportsHighlights } from "./embed/highlight.js";
export { ArticleAnnotatorElement } from "./embed/component.js";
