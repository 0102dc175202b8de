// The embedding layer's worker (see annotator.js): receives the compiled module once, instantiates it, loads the
// model, then answers {type: "annotate", id, text, options} with {id, entities} or {id, error}.
import init, { annotate } from "../pkg/article_annotator.js";

let ready = null;

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === "init") {
    ready = init({ module_or_path: msg.module }).then(() => { annotate("Warm up on January 6.", null); });
    ready.then(
      () => self.postMessage({ type: "ready" }),
      (err) => self.postMessage({ type: "failed", error: String((err && err.message) || err) }),
    );
    return;
  }
  if (msg.type !== "annotate") return;
  try {
    await ready;
    self.postMessage({ id: msg.id, entities: annotate(msg.text, msg.options) });
  } catch (err) {
    self.postMessage({ id: msg.id, error: String((err && err.message) || err) });
  }
};
