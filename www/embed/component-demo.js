// The component demo's controls: the textarea drives the `text` property, the checkboxes the `labels` property.
import { LABELS } from "./annotator.js";

const input = document.getElementById("input");
const live = document.getElementById("live");
const box = document.getElementById("labels");
const count = document.getElementById("count");

for (const label of LABELS) {
  const wrap = document.createElement("label");
  const check = document.createElement("input");
  check.type = "checkbox";
  check.checked = true;
  check.value = label;
  check.addEventListener("change", () => {
    const on = [...box.querySelectorAll("input:checked")].map((c) => c.value);
    live.labels = on.length === LABELS.length ? null : on;
  });
  wrap.append(check, " ", label);
  box.append(wrap);
}

let timer = 0;
input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => { live.text = input.value; }, 150); });
live.addEventListener("annotated", (event) => {
  const { text, entities } = event.detail;
  count.textContent = `${entities.length} entities in ${text.length} characters`;
});
live.text = input.value;
