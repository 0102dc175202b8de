// ProseMirror integration: a plugin that shows our entities as decorations, the editor's own way of painting
// over a document without changing it.
//
//   import { annotations } from "article-annotator/prosemirror";
//   const state = EditorState.create({ schema, plugins: [annotations({ labels: ["PERSON", "PLACE"] })] });
//
// Why decorations: ProseMirror keeps the document (what `doc.toJSON()` and `DOMSerializer` save) apart from its
// view; inline decorations live in the view only, are mapped through every edit by ProseMirror itself, and
// never enter the document, the undo history or collaboration steps. Each entity becomes
// `Decoration.inline(from, to, {nodeName: "mark", "data-label": LABEL})`, so the view shows
// `<mark data-label="LABEL">` (GUIDE section 5), split where the entity crosses other marks (bold, links).
//
// Offsets: the document's text is read into one string the way highlight() reads a DOM (textblocks separated by
// "\n\n", `hard_break` and other inline leaves as "\n" and " "), keeping each text node's string offset and
// document position. ProseMirror counts text in UTF-16 code units, as our API's offsets do, so an offset maps
// to `position of its text node + (offset - string offset of that node)`.
import { Plugin, PluginKey } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { annotateAsync, parseLabels } from "./annotator.js";

export const annotationsKey = new PluginKey("article-annotator");
const RANK = { "": 0, " ": 1, "\n": 2, "\n\n": 3 };
/** Target duration of one slice of decoration updates (ms). */
const SLICE_MS = 6;
/**
 * Waits for the next frame to be drawn (so each slice's new DOM is laid out in a frame of its own), or 100 ms
 * where frames are not drawn (a hidden tab). Resolves to about how long the browser took to lay out and paint
 * that frame (from the frame callback to the next task), so that slices can be sized to include that cost.
 */
const nextFrame = () => new Promise((resolve) => {
  const timer = setTimeout(() => resolve(0), 100);
  requestAnimationFrame(() => {
    const t = performance.now();
    setTimeout(() => { clearTimeout(timer); resolve(performance.now() - t); }, 0);
  });
});

/** The document's text as one string, with each text node's string offset and document position. */
export function textOfDoc(doc) {
  const parts = [], starts = [], positions = [], lengths = [];
  let length = 0, pending = "";
  const separate = (sep) => { if (length > 0 && RANK[sep] > RANK[pending]) pending = sep; };
  doc.descendants((node, pos) => {
    if (node.isText) {
      if (pending) { parts.push(pending); length += pending.length; pending = ""; }
      starts.push(length); positions.push(pos); lengths.push(node.text.length);
      parts.push(node.text);
      length += node.text.length;
      return false;
    }
    if (node.isBlock) { separate("\n\n"); return true; }
    if (node.isLeaf) { separate(node.type.name === "hard_break" ? (pending === "\n" ? "\n\n" : "\n") : " "); return false; }
    return true;
  });
  return { text: parts.join(""), starts, positions, lengths };
}

function nodeIndex(starts, offset, end) {
  let lo = 0, hi = starts.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (end ? starts[mid] < offset : starts[mid] <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/** Document positions {from, to} of the string range [start, end), or null; separators move inwards. */
export function positionsOf(map, start, end) {
  const { starts, positions, lengths } = map;
  if (!starts.length || end <= start) return null;
  const i = nodeIndex(starts, start, false);
  let from;
  if (i >= 0 && start - starts[i] < lengths[i]) from = positions[i] + (start - starts[i]);
  else if (i + 1 < starts.length) from = positions[i + 1];
  else return null;
  const j = nodeIndex(starts, end, true);
  if (j < 0) return null;
  const to = positions[j] + Math.min(end - starts[j], lengths[j]);
  return to > from ? { from, to } : null;
}

const APPROX = { more_than: "more than", at_least: "at least", less_than: "less than", at_most: "at most", about: "about", nearly: "nearly" };
function title(e) {
  const v = e.value;
  let value = "";
  if (v) {
    if ("number" in v) value = `${v.approx ? APPROX[v.approx] + " " : ""}${v.number}`;
    else if ("amount" in v) value = `${v.amount}${v.currency ? " " + v.currency : ""}${v.unit ? " " + v.unit : ""}`;
    else if ("percent" in v) value = `${v.percent}%`;
    else value = Object.values(v).join(" ");
  }
  return `${e.label}${value ? ": " + value : ""}`;
}

/**
 * The plugin. options: `labels` (array or "PERSON PLACE"), `date` ("YYYY-MM-DD"), `debounce` (ms, default 150),
 * `onAnnotate({text, entities})` (entities carry `from`/`to` document positions besides their string offsets),
 * `onError(error)`.
 *
 * `annotationsKey.getState(state)` is `{decorations, entities}`; `annotationsSettled(view)` resolves when the
 * decorations match the current document.
 */
export function annotations(options = {}) {
  const labels = parseLabels(options.labels);
  const date = options.date ?? null;
  const debounce = options.debounce ?? 150;

  return new Plugin({
    key: annotationsKey,
    state: {
      init: () => ({ decorations: DecorationSet.empty, entities: [] }),
      apply(tr, value) {
        const step = tr.getMeta(annotationsKey);
        if (step) {
          // one slice of a new annotation: drop these old decorations, add these new ones
          const decorations = value.decorations.remove(step.remove).add(tr.doc, step.add);
          return { decorations, entities: step.entities ?? value.entities };
        }
        if (!tr.docChanged) return value;
        return { decorations: value.decorations.map(tr.mapping, tr.doc), entities: value.entities };
      },
    },
    props: {
      decorations(state) { return annotationsKey.getState(state).decorations; },
    },
    view(view) {
      let timer = 0, running = false, destroyed = false, waiters = [];
      const controller = { settled: () => new Promise((resolve) => { waiters.push(resolve); settle(); }) };
      controllers.set(view, controller);

      function settle() {
        if (timer || running || destroyed) return;
        const list = waiters;
        waiters = [];
        list.forEach((resolve) => resolve());
      }
      function schedule(delay = debounce) {
        clearTimeout(timer);
        timer = setTimeout(() => { timer = 0; run(); }, delay);
      }
      async function run() {
        if (destroyed) return;
        if (running) { schedule(); return; }
        running = true;
        const doc = view.state.doc;
        try {
          const map = textOfDoc(doc);
          const entities = map.text.trim() ? await annotateAsync(map.text, { labels, date }) : [];
          await nextFrame(); // receiving thousands of entities took a task of its own
          if (destroyed || view.state.doc !== doc) return; // edited meanwhile: a new run is scheduled
          // Old decorations were mapped through every edit, so most still sit exactly where the new entities are:
          // those are kept, and only the differences are drawn. After a keystroke that is a handful; for a new
          // document it is everything, so the differences are applied slice by slice, in document order, each
          // slice sized to take about SLICE_MS, with a frame drawn between slices so the editor handles input.
          const old = annotationsKey.getState(view.state).decorations.find().sort((a, b) => a.from - b.from);
          const oldIds = new Map(old.map((d) => [`${d.from}:${d.to}:${d.spec.key}`, d]));
          const kept = new Set();
          const placed = [];
          let oi = 0, ni = 0, size = 25, reached = 0;
          let taskStart = performance.now();
          for (;;) {
            const t0 = performance.now();
            const add = [];
            const stop = Math.min(entities.length, ni + size);
            for (; ni < stop; ni++) {
              const e = entities[ni];
              const at = positionsOf(map, e.start, e.end);
              if (!at) continue;
              placed.push({ ...e, ...at });
              reached = at.to;
              const hint = title(e);
              const key = `${e.label}:${hint}`;
              const same = oldIds.get(`${at.from}:${at.to}:${key}`);
              if (same) { kept.add(same); continue; } // already drawn there
              add.push(Decoration.inline(at.from, at.to, { nodeName: "mark", "data-label": e.label, title: hint }, { entity: e, key }));
            }
            const last = ni >= entities.length;
            // old decorations starting before the last entity looked at are now known to be kept or not
            const remove = [];
            while (oi < old.length && (last || old[oi].from < reached)) {
              if (!kept.has(old[oi])) remove.push(old[oi]);
              oi++;
            }
            if (add.length || remove.length || last) {
              const tr = view.state.tr.setMeta(annotationsKey, { remove, add, entities: last ? placed : undefined });
              view.dispatch(tr.setMeta("addToHistory", false));
            }
            const took = performance.now() - t0;
            if (last) break;
            const drawn = add.length || remove.length;
            let render = 0;
            if (drawn || performance.now() - taskStart > SLICE_MS) {
              render = drawn ? await nextFrame() : await new Promise((resolve) => setTimeout(() => resolve(0), 0));
              if (destroyed || view.state.doc !== doc) return; // edited meanwhile: a new run is scheduled
              taskStart = performance.now();
            }
            // size the next slice from this one's cost, its layout included; grow slowly, shrink at once: the
            // cost varies with what else the machine does
            const cost = Math.max(1, took, render);
            size = Math.max(10, Math.min(200, Math.round(size * Math.min(1.5, SLICE_MS / cost))));
          }
          options.onAnnotate?.({ text: map.text, entities: placed });
        } catch (error) {
          if (options.onError) options.onError(error); else console.error(error);
        } finally {
          running = false;
          settle();
        }
      }
      schedule(0);
      return {
        update(v, prev) { if (v.state.doc !== prev.doc) schedule(); },
        destroy() { destroyed = true; clearTimeout(timer); controllers.delete(view); settle(); waiters.forEach((r) => r()); },
      };
    },
  });
}

const controllers = new WeakMap();

/** Resolves when the annotation plugin's decorations match `view`'s current document. */
export function annotationsSettled(view) {
  const c = controllers.get(view);
  return c ? c.settled() : Promise.resolve();
}
