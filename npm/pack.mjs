// `make package`: assembles the npm package in target/npm/package/ from the WebAssembly build (www/pkg/), the
// embedding modules (www/embed/: the worker-backed loader, the web component, highlight(), the ProseMirror
// plugin) and this folder (entries, types, README), sets the version from Cargo.toml, and runs `npm pack` into
// target/npm/. The layout inside the package mirrors www/ (pkg/ beside embed/), so the modules' relative
// imports are the same in both. Prints the tarball's path.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "target/npm");
const PKG = path.join(OUT, "package");
const here = (...p) => path.join(ROOT, "npm", ...p);

const version = fs.readFileSync(path.join(ROOT, "Cargo.toml"), "utf8").match(/^version\s*=\s*"([^"]+)"/m)[1];
const wasmFiles = ["article_annotator.js", "article_annotator.d.ts", "article_annotator_bg.wasm", "article_annotator_bg.wasm.d.ts"];
const embedFiles = ["annotator.js", "worker.js", "component.js", "highlight.js", "prosemirror.js"];

for (const f of wasmFiles) {
  if (!fs.existsSync(path.join(ROOT, "www/pkg", f))) throw new Error(`www/pkg/${f} is missing: run make build`);
}
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(path.join(PKG, "pkg"), { recursive: true });
fs.mkdirSync(path.join(PKG, "embed"), { recursive: true });
for (const f of wasmFiles) fs.copyFileSync(path.join(ROOT, "www/pkg", f), path.join(PKG, "pkg", f));
// wasm-bindgen's JavaScript snippets (the glue imports them: entity objects are built there).
fs.cpSync(path.join(ROOT, "www/pkg/snippets"), path.join(PKG, "pkg/snippets"), { recursive: true });
for (const f of embedFiles) fs.copyFileSync(path.join(ROOT, "www/embed", f), path.join(PKG, "embed", f));
for (const f of ["annotator", "highlight", "component", "prosemirror"]) {
  fs.copyFileSync(here("types", `${f}.d.ts`), path.join(PKG, "embed", `${f}.d.ts`));
}
for (const f of ["index.d.ts", "node.d.ts", "wasm.d.ts"]) fs.copyFileSync(here("types", f), path.join(PKG, f));
for (const f of ["index.js", "node.js", "README.md"]) fs.copyFileSync(here(f), path.join(PKG, f));
fs.copyFileSync(path.join(ROOT, "LICENSE"), path.join(PKG, "LICENSE")); // the repository's licence (Cargo.toml: MIT)
const manifest = JSON.parse(fs.readFileSync(here("package.json"), "utf8"));
manifest.version = version;
fs.writeFileSync(path.join(PKG, "package.json"), JSON.stringify(manifest, null, 2) + "\n");

const out = execFileSync("npm", ["pack", "--json", "--pack-destination", OUT], { cwd: PKG, encoding: "utf8" });
const [info] = JSON.parse(out);
const tarball = path.join(OUT, info.filename);
console.log(`${path.relative(ROOT, tarball)}: ${info.entryCount} files, ${info.size} bytes packed, ${info.unpackedSize} unpacked`);
