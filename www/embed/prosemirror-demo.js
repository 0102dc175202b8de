// The ProseMirror demo: a basic-schema editor with history and the annotation plugin. `window.editorDemo` lets
// the tests read what the editor would save (HTML and JSON) and load other content.
import { EditorState } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import { DOMParser, DOMSerializer } from "prosemirror-model";
import { schema } from "prosemirror-schema-basic";
import { keymap } from "prosemirror-keymap";
import { baseKeymap } from "prosemirror-commands";
import { history, undo, redo, closeHistory } from "prosemirror-history";
import { annotations, annotationsKey, annotationsSettled } from "./prosemirror.js";
import { LABELS, PALETTE } from "./annotator.js";

// the decorations' colours: the palette of the page and the other embeds, light and dark
{
  const rules = (scheme) => LABELS.map((l) => `.ProseMirror mark[data-label="${l}"] { background: ${PALETTE[l][scheme][0]}; border-color: ${PALETTE[l][scheme][1]}; }`).join("\n");
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`${rules("light")}\n@media (prefers-color-scheme: dark) {\n${rules("dark")}\n}`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

const params = new URLSearchParams(location.search);
const status = document.getElementById("status");
const list = document.getElementById("entities");
const savedEl = document.getElementById("saved");

function parse(html) {
  const holder = document.createElement("div");
  const tpl = document.createElement("template");
  tpl.innerHTML = html; // our own template's markup, or the test's: parsed inert, then read by ProseMirror's parser
  holder.append(tpl.content);
  return DOMParser.fromSchema(schema).parse(holder);
}

function render({ text, entities }) {
  list.replaceChildren(...entities.slice(0, 300).map((e) => {
    const li = document.createElement("li");
    const b = document.createElement("b");
    b.textContent = e.label;
    li.append(b, e.text);
    return li;
  }));
  status.textContent = `${entities.length} entities in ${text.length} characters`;
  // the start of the saved document (serialising all of a 200 KB document would itself be a long task)
  const doc = view.state.doc;
  savedEl.textContent = JSON.stringify(doc.cut(0, Math.min(doc.content.size, 2000)).toJSON()) + (doc.content.size > 2000 ? " …" : "");
}

const view = new EditorView(document.getElementById("editor"), {
  attributes: { spellcheck: "false", "aria-label": "Article editor", "aria-multiline": "true", role: "textbox" },
  state: EditorState.create({
    doc: parse(document.getElementById("content").innerHTML),
    plugins: [
      history(),
      keymap({ "Mod-z": undo, "Mod-y": redo, "Shift-Mod-z": redo }),
      keymap(baseKeymap),
      // ?annotate=0: the same editor without annotations (to compare); ?labels=PERSON,PLACE: only those labels
      ...(params.get("annotate") === "0" ? [] : [annotations({
        labels: params.get("labels"),
        onAnnotate: render,
        onError: (e) => { status.textContent = String(e.message || e); },
      })]),
    ],
  }),
});

const serializer = DOMSerializer.fromSchema(schema);
window.editorDemo = {
  view,
  /** What a CMS would save: the document as JSON and as HTML. */
  saved() {
    const holder = document.createElement("div");
    holder.append(serializer.serializeFragment(view.state.doc.content));
    return { json: JSON.stringify(view.state.doc.toJSON()), html: holder.innerHTML };
  },
  /** Replaces the document with `html` (as pasting a whole article would). */
  load(html) {
    const doc = parse(html);
    view.dispatch(view.state.tr.replaceWith(0, view.state.doc.content.size, doc.content));
    view.dispatch(closeHistory(view.state.tr)); // the next edit is an undo step of its own
  },
  settled: () => annotationsSettled(view),
  /** The entities of the document, with their positions. */
  decorations: () => annotationsKey.getState(view.state).entities,
  /** The ranges drawn as decorations now (all entities, or those near the visible part of a long document). */
  drawn: () => annotationsKey.getState(view.state).decorations.find().map((d) => ({ from: d.from, to: d.to })),
};
