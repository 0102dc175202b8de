// Runs highlight() on #editor and lists what it found. `?mode=overlay` forces the fallback overlay (what
// browsers without the CSS Custom Highlight API get).
import { highlight } from "./highlight.js";

const editor = document.getElementById("editor");
const list = document.getElementById("entities");
const status = document.getElementById("status");
const saved = document.getElementById("saved");
const mode = new URLSearchParams(location.search).get("mode") || "auto";

function render({ text, entities }) {
  const items = entities.slice(0, 300).map((e) => {
    const li = document.createElement("li");
    const b = document.createElement("b");
    b.textContent = e.label;
    li.append(b, e.text);
    return li;
  });
  if (entities.length > 300) {
    const more = document.createElement("li");
    more.textContent = `… and ${entities.length - 300} more`;
    items.push(more);
  }
  list.replaceChildren(...items);
  status.textContent = `${entities.length} entities in ${text.length} characters (${handle.mode === "overlay" ? "overlay" : "CSS Custom Highlight API"})`;
  const html = editor.innerHTML;
  saved.textContent = html.length > 20000 ? `${html.slice(0, 20000)} … (${html.length} characters)` : html;
}

const handle = highlight(editor, { mode, onAnnotate: render, onError: (e) => { status.textContent = String(e.message || e); } });
window.embedDemo = { handle, editor };
