// Copies the editor demo's ES modules (ProseMirror, from node_modules) into www/embed/vendor/ (ignored by git),
// so that www/ stays a static site with no request leaving it: www/embed/prosemirror.html maps the bare module
// specifiers to these files with an import map. Fails when a vendored file imports a specifier the import map
// lacks, so a new ProseMirror release cannot break the demo silently. Run by `make build`.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "www/embed/vendor");
const PACKAGES = [
  "orderedmap", "w3c-keyname", "rope-sequence", "prosemirror-model", "prosemirror-transform", "prosemirror-state",
  "prosemirror-view", "prosemirror-keymap", "prosemirror-commands", "prosemirror-history", "prosemirror-schema-basic",
];

/** The ES module entry of an installed package. */
function entry(dir, pkg) {
  let e = pkg.exports?.["."] ?? pkg.exports;
  if (e && typeof e === "object") e = e.import ?? e.default;
  if (e && typeof e === "object") e = e.default;
  return path.join(dir, typeof e === "string" ? e : pkg.module ?? pkg.main ?? "index.js");
}

const html = fs.readFileSync(path.join(ROOT, "www/embed/prosemirror.html"), "utf8");
const importMap = JSON.parse(html.match(/<script type="importmap">([\s\S]*?)<\/script>/)[1]).imports;

fs.rmSync(OUT, { recursive: true, force: true });
for (const name of PACKAGES) {
  const dir = path.join(ROOT, "node_modules", name);
  if (!fs.existsSync(dir)) throw new Error(`node_modules/${name} is missing: run npm ci`);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  const src = fs.readFileSync(entry(dir, pkg), "utf8");
  for (const m of src.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]/g)) {
    const spec = m[1] ?? m[2];
    if (!spec.startsWith(".") && !(spec in importMap)) throw new Error(`${name} imports "${spec}", which www/embed/prosemirror.html's import map lacks`);
  }
  const out = path.join(OUT, name);
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "index.js"), src);
  for (const f of ["LICENSE", "LICENSE.md", "LICENSE.txt"]) {
    if (fs.existsSync(path.join(dir, f))) fs.copyFileSync(path.join(dir, f), path.join(out, "LICENSE"));
  }
  if (name === "prosemirror-view") fs.copyFileSync(path.join(dir, "style/prosemirror.css"), path.join(out, "prosemirror.css"));
  if (importMap[name] !== `./vendor/${name}/index.js`) throw new Error(`the import map should map ${name} to ./vendor/${name}/index.js`);
  console.log(`www/embed/vendor/${name}: ${pkg.version}`);
}

// The page's Content-Security-Policy allows the inline import map by its hash: keep the two in step.
const crypto = await import("node:crypto");
const mapText = html.match(/<script type="importmap">([\s\S]*?)<\/script>/)[1];
const hash = crypto.createHash("sha256").update(mapText).digest("base64");
if (!html.includes(`'sha256-${hash}'`)) {
  throw new Error(`www/embed/prosemirror.html: the Content-Security-Policy must allow the import map as 'sha256-${hash}'`);
}
