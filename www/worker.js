// Annotates long texts off the main thread so typing never stalls.
// The page sends the compiled WebAssembly.Module once ({type: "init", module}), so the worker only
// instantiates it; then {type: "annotate", seq, text, options} gets {seq, packed, took} or {seq, error}.
//
// The answer is packed, not a list of entity objects: receiving 56,000 objects (each with its text and value)
// took the page's main thread about a second of structured-clone work for a 2 MB text. Instead `nums` is one
// transferred Float64Array, six numbers an entity (start, end, label index into `labels`, score, group or -1,
// value index or -1), and the few value objects travel as one JSON string. The page rebuilds the objects
// (text sliced from its own copy of the text) in a few milliseconds; see unpack() in app.js.
import init, { annotate } from "./pkg/article_annotator.js";

let ready = null;
const LABELS = ["PERSON", "PLACE", "ORG", "MISC", "NUMBER", "MONEY", "PERCENT", "QUANTITY", "DATE", "TIME", "ORDINAL"];

function pack(entities) {
  const nums = new Float64Array(entities.length * 6);
  const values = [];
  const labels = LABELS.slice(); // a label this list lacks (a newer module) is appended, never lost
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  entities.forEach((e, k) => {
    const i = k * 6;
    let label = labelIndex.get(e.label);
    if (label === undefined) { label = labels.length; labels.push(e.label); labelIndex.set(e.label, label); }
    nums[i] = e.start; nums[i + 1] = e.end; nums[i + 2] = label; nums[i + 3] = e.score;
    nums[i + 4] = e.group ?? -1;
    if (e.value !== undefined) { nums[i + 5] = values.length; values.push(e.value); } else nums[i + 5] = -1;
  });
  return { nums, labels, values: JSON.stringify(values) };
}

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
    const took = performance.now() - t0;
    const packed = pack(entities);
    self.postMessage({ seq: msg.seq, packed, took }, [packed.nums.buffer]);
  } catch (err) {
    self.postMessage({ seq: msg.seq, error: String((err && err.message) || err) });
  }
};
