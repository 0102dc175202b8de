// The npm package as a user gets it: `make package` packs target/npm/article-annotator-VERSION.tgz; here it is
// installed from that tarball (offline: the package has no dependencies) into scratch projects, then imported in
// Node, in a page without a bundler, in a page bundled by esbuild, and type-checked by TypeScript.
// Run by `make test` (target test-embed). Scratch projects live in the system's temporary folder.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT, serve, launch, localOnly } from "./browser/harness.mjs";

const VERSION = fs.readFileSync(path.join(ROOT, "Cargo.toml"), "utf8").match(/^version\s*=\s*"([^"]+)"/m)[1];
const TARBALL = path.join(ROOT, `target/npm/article-annotator-${VERSION}.tgz`);
const SENTENCE = "President Kassym Jomart Tokayev said on Monday that 2,000 troops had arrived 😀 and prices rose 12%.";
let scratch, browser;

function run(cmd, args, cwd, extra = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", maxBuffer: 1 << 26, ...extra });
  assert.equal(r.status, 0, `${cmd} ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

before(() => {
  assert.ok(fs.existsSync(TARBALL), `run \`make package\` first (${path.relative(ROOT, TARBALL)} is missing)`);
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "article-annotator-package-"));
  fs.writeFileSync(path.join(scratch, "package.json"), JSON.stringify({ name: "scratch", private: true, type: "module" }));
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", TARBALL], scratch);
});

after(async () => {
  await browser?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

test("the tarball holds an npm-ready ES module package with types", () => {
  const dir = path.join(scratch, "node_modules/article-annotator");
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  assert.equal(manifest.name, "article-annotator");
  assert.equal(manifest.version, VERSION);
  assert.equal(manifest.type, "module");
  assert.ok(manifest.exports["."].types && manifest.exports["."].node && manifest.exports["."].default);
  assert.deepEqual(manifest.dependencies ?? {}, {}, "no runtime dependencies");
  for (const f of ["index.js", "index.d.ts", "node.js", "node.d.ts", "wasm.d.ts", "README.md", "pkg/article_annotator_bg.wasm",
    "pkg/article_annotator.d.ts", "embed/component.js", "embed/highlight.js", "embed/worker.js", "embed/prosemirror.js"]) {
    assert.ok(fs.existsSync(path.join(dir, f)), `${f} is in the package`);
  }
  const types = fs.readFileSync(path.join(dir, "pkg/article_annotator.d.ts"), "utf8");
  assert.match(types, /export interface Entity/);
  assert.match(fs.readFileSync(path.join(dir, "README.md"), "utf8"), /import init, \{ annotate \} from "article-annotator";/);
  // the licence the manifest names, and the data licences (GeoNames asks for attribution)
  assert.equal(manifest.license, "MIT");
  assert.match(fs.readFileSync(path.join(dir, "LICENSE"), "utf8"), /^MIT License/);
  assert.equal(fs.readFileSync(path.join(dir, "LICENSE"), "utf8"), fs.readFileSync(path.join(ROOT, "LICENSE"), "utf8"));
  const readme = fs.readFileSync(path.join(dir, "README.md"), "utf8");
  // code MIT; the weights' training corpora restrict use: both READMEs say so plainly (LDC and Reuters terms)
  const weights = [/\*\*Code: MIT\*\*/, /\*\*Model weights: trained on CoNLL-2003 and OntoNotes 5\.0, whose licences restrict use\.\*\*/,
    /Reuters' terms/, /LDC2013T19, under the\s+Linguistic Data Consortium's licence/, /using the\s+weights commercially, check the LDC and Reuters terms/];
  for (const want of [/GeoNames.*CC BY 4\.0/s, /iso-codes \(LGPL-2\.1\)/, /Census.*public domain/s, /spaCy.*MIT/s, ...weights]) {
    assert.match(readme, want);
  }
  const repoReadme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  for (const want of weights) assert.match(repoReadme, want, `README.md: ${want}`);
});

test("Node: import the installed package, init() without arguments, annotate", () => {
  const script = `
    import init, { initSync, annotate, annotateAsync, labels, version, wasmPath } from "article-annotator";
    import fs from "node:fs";
    await init();
    const text = ${JSON.stringify(SENTENCE)};
    const entities = annotate(text, null);
    const only = await annotateAsync(text, { labels: ["PERCENT"] });
    let error = null;
    try { annotate(text, { labels: ["NOPE"] }); } catch (e) { error = e.message; }
    console.log(JSON.stringify({ entities, only, labels: labels(), version: version(), error, wasm: fs.existsSync(wasmPath) }));`;
  const out = JSON.parse(run("node", ["--input-type=module", "-e", script], scratch));
  assert.equal(out.version, VERSION);
  assert.equal(out.labels.length, 11);
  assert.ok(out.wasm);
  assert.match(out.error, /NOPE/);
  for (const e of out.entities) assert.equal(SENTENCE.slice(e.start, e.end), e.text, "UTF-16 offsets");
  const got = out.entities.map((e) => [e.label, e.text]);
  for (const want of [["DATE", "Monday"], ["NUMBER", "2,000"], ["PERCENT", "12%"]]) {
    assert.ok(got.some(([l, t]) => l === want[0] && t === want[1]), `${want} in ${JSON.stringify(got)}`);
  }
  assert.deepEqual(out.only.map((e) => e.text), ["12%"]);
  // initSync, in a second process
  const sync = run("node", ["--input-type=module", "-e",
    `import { initSync, annotate } from "article-annotator"; initSync(); console.log(annotate("On January 6, 2022.").length);`], scratch);
  assert.equal(sync.trim(), "1");
});

test("Node: the Node entry exports the browser entry's names (less the DOM-only ones); configure, ready, parseLabels, LABELS", () => {
  const dir = path.join(scratch, "node_modules/article-annotator");
  const script = `
    import * as node from "article-annotator";
    import init, { annotate, annotateAsync, configure, ready, parseLabels, LABELS, wasmPath } from "article-annotator";
    import fs from "node:fs";
    const browser = await import(${JSON.stringify(path.join(dir, "index.js"))});
    // configure() before the first use: the wasm from bytes, worker ignored in Node
    configure({ wasm: fs.readFileSync(wasmPath), worker: true });
    await ready();
    const viaConfigured = await annotateAsync("Prices rose 12% on Monday.", { labels: parseLabels("percent, DATE") });
    console.log(JSON.stringify({
      node: Object.keys(node).sort(), browser: Object.keys(browser).sort(), LABELS,
      parsed: [parseLabels("PERSON PLACE"), parseLabels(["org"]), parseLabels(null), parseLabels(""), parseLabels([])],
      viaConfigured: viaConfigured.map((e) => [e.label, e.text]),
    }));`;
  const out = JSON.parse(run("node", ["--input-type=module", "-e", script], scratch));
  const domOnly = ["ArticleAnnotatorElement", "highlight", "rangeOf", "supportsHighlights", "textOf"];
  assert.deepEqual(out.node.filter((n) => n !== "wasmPath"), out.browser.filter((n) => !domOnly.includes(n)));
  for (const name of ["default", "configure", "ready", "parseLabels", "LABELS", "annotateAsync", "initSync"]) {
    assert.ok(out.node.includes(name), `${name} is exported in Node`);
  }
  assert.equal(out.LABELS.length, 11);
  assert.deepEqual(out.parsed, [["PERSON", "PLACE"], ["ORG"], null, [], []], "absent: every label; empty: none");
  assert.deepEqual(out.viaConfigured, [["PERCENT", "12%"], ["DATE", "Monday"]]);
  // configure() with a file path, in a fresh process
  const viaPath = run("node", ["--input-type=module", "-e",
    `import { configure, annotateAsync, wasmPath } from "article-annotator"; configure({ wasm: wasmPath });
     console.log((await annotateAsync("On January 6, 2022.")).length);`], scratch);
  assert.equal(viaPath.trim(), "1");
});

test("TypeScript: the package's types describe the API and the entity shape", () => {
  const tsc = path.join(ROOT, "node_modules/typescript/bin/tsc");
  assert.ok(fs.existsSync(tsc), "run npm ci first (typescript is a dev dependency)");
  const dir = path.join(scratch, "ts");
  fs.mkdirSync(dir, { recursive: true });
  // the editor plugin's optional peer dependencies, as a user of it would install them (linked from this
  // repository's dev dependencies, so the test stays offline)
  for (const name of ["prosemirror-state", "prosemirror-view", "prosemirror-model", "prosemirror-transform", "orderedmap"]) {
    const link = path.join(scratch, "node_modules", name);
    if (!fs.existsSync(link)) fs.symlinkSync(path.join(ROOT, "node_modules", name), link);
  }
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({
    compilerOptions: {
      target: "es2022", module: "nodenext", moduleResolution: "nodenext", strict: true, noEmit: true, lib: ["es2022", "dom"],
      types: [], skipLibCheck: false,
    },
    include: ["*.ts"],
  }));
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
  fs.symlinkSync(path.join(scratch, "node_modules"), path.join(dir, "node_modules"));
  fs.writeFileSync(path.join(dir, "ok.ts"), `
    import init, { annotate, type Entity, type Label } from "article-annotator";
    import { highlight, type HighlightHandle } from "article-annotator/highlight";
    import { ArticleAnnotatorElement } from "article-annotator/component";
    import { annotations } from "article-annotator/prosemirror";
    await init();
    const entities: Entity[] = annotate("On Monday.", { labels: ["DATE"], date: "2022-01-10" });
    const first: { start: number; end: number; label: Label; text: string; score: number; group?: number } = entities[0];
    const handle: HighlightHandle | null = typeof document === "undefined" ? null : highlight(document.body, { labels: "PERSON PLACE" });
    handle?.stop();
    const el: ArticleAnnotatorElement | null = typeof document === "undefined" ? null : document.createElement("article-annotator");
    if (el) { el.text = "x"; el.labels = ["PERSON"]; const e: Entity[] = el.entities; void e; }
    const plugin = annotations({ debounce: 100 });
    // the esbuild recipe's wasm import, and the helpers every entry exports (Node's under nodenext)
    import wasmUrl from "article-annotator/wasm";
    import { configure, ready, parseLabels, LABELS, type EntityValue } from "article-annotator";
    const url: string = wasmUrl;
    configure({ wasm: url, worker: false });
    await ready();
    const picked: Label[] | null = parseLabels("PERSON PLACE");
    const all: readonly Label[] = LABELS;
    // the value shapes of GUIDE section 2, read without casts
    for (const e of entities) {
      const n: number | undefined = e.value?.number;
      const currency: string | undefined = e.value?.currency;
      const iso: string | undefined = e.value?.date ?? e.value?.weekday ?? e.value?.duration ?? e.value?.time;
      if (e.value?.unit !== undefined) { const amount: number = e.value.amount; void amount; }
      if (e.value?.percent !== undefined) { const p: number = e.value.percent; void p; }
      void n; void currency; void iso;
    }
    const money: EntityValue = { amount: 4.5e9, currency: "USD" };
    const approx: EntityValue = { number: 2000, approx: "more_than" };
    export { first, plugin, picked, all, money, approx };
  `);
  const ok = spawnSync("node", [tsc, "-p", dir], { encoding: "utf8" });
  assert.equal(ok.status, 0, `types check:\n${ok.stdout}${ok.stderr}`);
  // the same file under bundler resolution (no "node" condition: the browser entry's types)
  const bundlerDir = path.join(scratch, "ts-bundler");
  fs.mkdirSync(bundlerDir, { recursive: true });
  const config = JSON.parse(fs.readFileSync(path.join(dir, "tsconfig.json"), "utf8"));
  config.compilerOptions = { ...config.compilerOptions, module: "esnext", moduleResolution: "bundler" };
  fs.writeFileSync(path.join(bundlerDir, "tsconfig.json"), JSON.stringify(config));
  fs.writeFileSync(path.join(bundlerDir, "package.json"), JSON.stringify({ type: "module" }));
  fs.copyFileSync(path.join(dir, "ok.ts"), path.join(bundlerDir, "ok.ts"));
  fs.symlinkSync(path.join(scratch, "node_modules"), path.join(bundlerDir, "node_modules"));
  const okBundler = spawnSync("node", [tsc, "-p", bundlerDir], { encoding: "utf8" });
  assert.equal(okBundler.status, 0, `types check (bundler resolution):\n${okBundler.stdout}${okBundler.stderr}`);
  // and the types catch a wrong call and a value mixing two shapes
  for (const [file, wrong] of [
    ["bad.ts", `import { annotate } from "article-annotator";\nannotate(42, { labels: ["NOPE"] });\n`],
    ["badvalue.ts", `import type { EntityValue } from "article-annotator";\nexport const v: EntityValue = { amount: 1, currency: "USD", unit: "km" };\n`],
    ["badwasm.ts", `import wasmUrl from "article-annotator/wasm";\nexport const n: number = wasmUrl;\n`],
  ]) {
    fs.writeFileSync(path.join(dir, file), wrong);
    const bad = spawnSync("node", [tsc, "-p", dir], { encoding: "utf8" });
    assert.notEqual(bad.status, 0, `${file} is a type error`);
    assert.match(bad.stdout, new RegExp(file.replace(".", "\\.")));
    fs.rmSync(path.join(dir, file));
  }
});

async function annotateInPage(dir, file) {
  browser ??= await launch();
  const server = await serve(dir);
  const context = await browser.newContext();
  const outside = [];
  await localOnly(context, { outside });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(server.url + file);
  const result = await page.waitForFunction(() => window.result, null, { timeout: 30000 }).then((h) => h.jsonValue());
  await context.close();
  await server.close();
  assert.deepEqual(outside, [], "no request leaves 127.0.0.1");
  assert.deepEqual(errors, []);
  return result;
}

test("a page without a bundler: import map to the installed package, annotate, annotateAsync, the component", async () => {
  fs.writeFileSync(path.join(scratch, "index.html"), `<!doctype html><meta charset="utf-8">
<script type="importmap">{"imports": {"article-annotator": "./node_modules/article-annotator/index.js"}}</script>
<script type="module" src="main.js"></script>
<article-annotator labels="PERCENT DATE">Prices rose 12% on January 6, 2022.</article-annotator>`);
  fs.writeFileSync(path.join(scratch, "main.js"), `
import init, { annotate, annotateAsync } from "article-annotator";
try {
  await init();
  const text = ${JSON.stringify(SENTENCE)};
  const sync = annotate(text, null);
  const viaWorker = await annotateAsync(text, null);
  const el = document.querySelector("article-annotator");
  await customElements.whenDefined("article-annotator");
  await el.updateComplete;
  const marks = [...el.shadowRoot.querySelectorAll("mark")].map((m) => [m.dataset.label, m.textContent]);
  window.result = { sync, viaWorker, marks };
} catch (e) { window.result = { error: String(e) }; }
`);
  const r = await annotateInPage(scratch, "index.html");
  assert.equal(r.error, undefined, r.error);
  assert.ok(r.sync.some((e) => e.label === "PERCENT" && e.text === "12%"), JSON.stringify(r.sync));
  assert.deepEqual(r.viaWorker, r.sync, "the worker gives what the main thread gives");
  assert.deepEqual(r.marks, [["PERCENT", "12%"], ["DATE", "January 6, 2022"]]);
});

test("a page bundled by esbuild from the installed package", async () => {
  const esbuild = await import(path.join(ROOT, "node_modules/esbuild/lib/main.js"));
  const dir = path.join(scratch, "bundled");
  fs.mkdirSync(path.join(dir, "dist"), { recursive: true });
  fs.writeFileSync(path.join(dir, "main.js"), `
import init, { annotate } from "article-annotator";
import wasmUrl from "article-annotator/wasm";
init({ module_or_path: wasmUrl }).then(() => {
  window.result = { entities: annotate(${JSON.stringify(SENTENCE)}, null) };
}, (e) => { window.result = { error: String(e) }; });
`);
  const built = await esbuild.build({
    absWorkingDir: scratch, entryPoints: [path.join(dir, "main.js")], bundle: true, format: "esm", platform: "browser",
    outdir: path.join(dir, "dist"), loader: { ".wasm": "file" }, assetNames: "[name]-[hash]", logLevel: "silent", metafile: true,
  });
  assert.deepEqual(built.errors, []);
  const outputs = Object.keys(built.metafile.outputs).map((p) => path.basename(p));
  assert.ok(outputs.some((f) => f.endsWith(".wasm")), `the bundler emitted the wasm file: ${outputs}`);
  const bundle = fs.readFileSync(path.join(dir, "dist/main.js"), "utf8");
  assert.doesNotMatch(bundle, /from\s*["']article-annotator/, "no bare import left in the bundle");
  fs.writeFileSync(path.join(dir, "dist/index.html"), `<!doctype html><meta charset="utf-8"><script type="module" src="main.js"></script>`);
  const r = await annotateInPage(path.join(dir, "dist"), "index.html");
  assert.equal(r.error, undefined, r.error);
  for (const e of r.entities) assert.equal(SENTENCE.slice(e.start, e.end), e.text);
  assert.ok(r.entities.some((e) => e.label === "NUMBER" && e.text === "2,000"), JSON.stringify(r.entities));
});
