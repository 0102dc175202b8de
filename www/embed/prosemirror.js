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
import { annotateAsync, parseLabels, nodeIndex, describe } from "./annotator.js";

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

/**
 * Up to this many entities are all decorated; above it, only those within a screen's height of the visible part
 * of the editor, and the window follows scrolling. Each decoration is DOM the editor must build and lay out:
 * a 200 KB article has ~8,000 entities, and drawing them all costs the editor seconds of main-thread work.
 */
const ALL_LIMIT = 400;

/**
 * `[lo, hi)`: the entities (sorted, with document positions) within `margin` px of the visible part of the
 * editor. Positions in document order go down the page, so both ends are found by binary search over
 * `coordsAtPos`: a few dozen layout queries.
 */
function visibleSpan(view, entities, margin) {
  const rect = view.dom.getBoundingClientRect();
  const height = view.dom.ownerDocument.defaultView.innerHeight;
  const top = Math.max(rect.top, 0) - margin, bottom = Math.min(rect.bottom, height) + margin;
  const search = (test) => {
    let lo = 0, hi = entities.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (test(entities[mid])) lo = mid + 1; else hi = mid; }
    return lo;
  };
  const lo = search((e) => view.coordsAtPos(e.to).bottom < top);
  const hi = Math.max(lo, search((e) => view.coordsAtPos(e.from).top <= bottom));
  return [lo, hi];
}

/**
 * The plugin. options: `labels` (array or "PERSON PLACE"), `date` ("YYYY-MM-DD"), `debounce` (ms, default 150),
 * `onAnnotate({text, entities})` (entities carry `from`/`to` document positions besides their string offsets),
 * `onError(error)`.
 *
 * `annotationsKey.getState(state)` is `{decorations, entities}`: `entities` are all of the document's, mapped
 * through edits; `decorations` draw them (above ALL_LIMIT entities, those near the visible part).
 * `annotationsSettled(view)` resolves when both match the current document.
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
          // new entities, or one slice of drawing them: drop these old decorations, add these new ones
          const decorations = value.decorations.remove(step.remove).add(tr.doc, step.add);
          return { decorations, entities: step.entities ?? value.entities };
        }
        if (!tr.docChanged) return value;
        const entities = [];
        for (const e of value.entities) {
          const from = tr.mapping.map(e.from, 1), to = tr.mapping.map(e.to, -1);
          if (to > from) entities.push(from === e.from && to === e.to ? e : { ...e, from, to });
        }
        return { decorations: value.decorations.map(tr.mapping, tr.doc), entities };
      },
    },
    props: {
      decorations(state) { return annotationsKey.getState(state).decorations; },
    },
    view(view) {
      let timer = 0, running = false, syncing = false, resync = false, destroyed = false, frame = 0;
      let waiters = [];
      const controller = { settled: () => new Promise((resolve) => { waiters.push(resolve); settle(); }) };
      controllers.set(view, controller);
      const doc0 = view.dom.ownerDocument;
      const onScroll = () => {
        if (frame || annotationsKey.getState(view.state).entities.length <= ALL_LIMIT) return;
        frame = requestAnimationFrame(() => { frame = 0; sync(); });
      };
      doc0.addEventListener("scroll", onScroll, { capture: true, passive: true });
      doc0.defaultView.addEventListener("resize", onScroll);

      function settle() {
        if (timer || running || syncing || destroyed) return;
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
          const placed = [];
          let taskStart = performance.now();
          for (let i = 0; i < entities.length; i++) {
            if ((i & 255) === 0 && performance.now() - taskStart > SLICE_MS) {
              await new Promise((resolve) => setTimeout(resolve, 0));
              if (destroyed || view.state.doc !== doc) return;
              taskStart = performance.now();
            }
            const at = positionsOf(map, entities[i].start, entities[i].end);
            if (at) placed.push({ ...entities[i], ...at });
          }
          view.dispatch(view.state.tr.setMeta(annotationsKey, { remove: [], add: [], entities: placed }).setMeta("addToHistory", false));
          await sync();
          options.onAnnotate?.({ text: map.text, entities: placed });
        } catch (error) {
          if (options.onError) options.onError(error); else console.error(error);
        } finally {
          running = false;
          settle();
        }
      }

      // Brings the decorations in line with the entities (all of them, or the window near the visible part).
      // Decorations already drawn where they should be are kept (ProseMirror mapped them through every edit),
      // so after a keystroke or a little scrolling only a handful change. The rest is drawn slice by slice, in
      // document order, each slice sized to take about SLICE_MS with its layout, a frame drawn between slices.
      async function sync() {
        if (syncing) { resync = true; return; }
        syncing = true;
        try {
          do {
            resync = false;
            await syncOnce();
          } while (resync && !destroyed);
        } finally {
          syncing = false;
          settle();
        }
      }

      async function syncOnce() {
        const doc = view.state.doc;
        const { entities, decorations } = annotationsKey.getState(view.state);
        const [lo, hi] = entities.length > ALL_LIMIT ? visibleSpan(view, entities, view.dom.ownerDocument.defaultView.innerHeight) : [0, entities.length];
        const drawn = new Map();
        for (const d of decorations.find()) drawn.set(`${d.from}:${d.to}:${d.spec.key}`, d);
        const add = [];
        for (let i = lo; i < hi; i++) {
          const e = entities[i];
          const hint = describe(e);
          const key = `${e.label}:${hint}`;
          const id = `${e.from}:${e.to}:${key}`;
          if (drawn.has(id)) { drawn.delete(id); continue; } // already drawn there
          add.push(Decoration.inline(e.from, e.to, { nodeName: "mark", "data-label": e.label, title: hint }, { key }));
        }
        const remove = [...drawn.values()].sort((a, b) => a.from - b.from);
        let ai = 0, ri = 0, size = 25;
        while (ai < add.length || ri < remove.length) {
          const t0 = performance.now();
          const slice = add.slice(ai, ai + size);
          ai += slice.length;
          const upTo = ai >= add.length ? Infinity : slice[slice.length - 1].to;
          const gone = [];
          while (ri < remove.length && (remove[ri].from < upTo || gone.length + slice.length < size)) gone.push(remove[ri++]);
          view.dispatch(view.state.tr.setMeta(annotationsKey, { remove: gone, add: slice }).setMeta("addToHistory", false));
          const took = performance.now() - t0;
          if (ai >= add.length && ri >= remove.length) break;
          const render = await nextFrame();
          if (destroyed) return;
          if (view.state.doc !== doc) { resync = true; return; } // positions moved: start again from the new state
          // size the next slice from this one's cost, its layout included; grow slowly, shrink at once: the cost
          // varies with what else the machine does
          size = Math.max(10, Math.min(200, Math.round(size * Math.min(1.5, SLICE_MS / Math.max(1, took, render)))));
        }
      }

      schedule(0);
      return {
        update(v, prev) { if (v.state.doc !== prev.doc) schedule(); },
        destroy() {
          destroyed = true;
          clearTimeout(timer);
          if (frame) cancelAnimationFrame(frame);
          doc0.removeEventListener("scroll", onScroll, { capture: true });
          doc0.defaultView.removeEventListener("resize", onScroll);
          controllers.delete(view);
          const list = waiters;
          waiters = [];
          list.forEach((resolve) => resolve());
        },
      };
    },
  });
}

const controllers = new WeakMap();

/** Resolves when the annotation plugin's entities and decorations match `view`'s current document. */
export function annotationsSettled(view) {
  const c = controllers.get(view);
  return c ? c.settled() : Promise.resolve();
}
