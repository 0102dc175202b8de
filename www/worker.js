// Annotates long texts off the main thread so typing never stalls.
// The page sends the compiled WebAssembly.Module once ({type: "init", module}), so the worker only
// instantiates it; then {type: "annotate", seq, text, options} gets {seq, entities, took} or {seq, error}.
import init, { annotate } from "./pkg/article_annotator.js";

let ready = null;

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === "init") {
    ready = init({ module_or_path: msg.module }).then(() => annotate("Warm up on January 6.", null));
    return;
  }
  if (msg.type !== "annotate") return;
  try {
    if (!ready) ready = init().then(() => annotate("Warm up on January 6.", null));
    await ready;
    const t0 = performance.now();
    const entities = annotate(msg.text, msg.options);
    self.postMessage({ seq: msg.seq, entities, took: performance.now() - t0 });
  } catch (err) {
    self.postMessage({ seq: msg.seq, error: String((err && err.message) || err) });
  }
};
