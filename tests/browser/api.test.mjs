// The page's module (www/pkg/article_annotator.js, the exact files the page loads) in Node, compared with the
// native `annotate` command on the same texts: same entities, offsets converted from code points to UTF-16.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT, WWW, SHARED, sharedArticle, OWN_ARTICLE } from "./harness.mjs";

const CLI = path.join(ROOT, "target/release/annotate");
let annotate;

before(async () => {
  const pkg = path.join(WWW, "pkg/article_annotator.js");
  assert.ok(fs.existsSync(pkg), "run `make build` first (www/pkg/ is missing)");
  const mod = await import(pkg);
  await mod.default({ module_or_path: fs.readFileSync(path.join(WWW, "pkg/article_annotator_bg.wasm")) });
  annotate = mod.annotate;
});

/** Code point offsets (the CLI's default) to UTF-16 offsets of the same text. */
function codepointsToUtf16(text) {
  const map = [0];
  let u = 0;
  for (const ch of text) { u += ch.length; map.push(u); }
  return (cp) => map[cp];
}

/** Runs `annotate --jsonl` on documents and returns their entities with UTF-16 offsets. */
function native(docs) {
  assert.ok(fs.existsSync(CLI), "run `make build` first (target/release/annotate is missing)");
  const input = docs.map((text, id) => JSON.stringify({ id, text })).join("\n") + "\n";
  const run = spawnSync(CLI, ["--jsonl"], { input, maxBuffer: 1 << 30, encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(lines.length, docs.length);
  return lines.map((line, i) => {
    assert.equal(line.id, i);
    const to16 = codepointsToUtf16(docs[i]);
    return line.entities.map((e) => ({ ...e, start: to16(e.start), end: to16(e.end) }));
  });
}

/** Entities compared field by field; the score crosses JSON as decimal text and wasm as an f32, so compare as f32. */
function normalise(entities) {
  return entities.map((e) => ({ ...e, score: Math.fround(e.score) }));
}

function texts() {
  const out = [OWN_ARTICLE, "😀👩‍👩‍👧 More than 2,000 people, 12% of them, met on January 6, 2022 at 3 p.m.", "", "\u0000 NUL 5 ﷽ مرحبا 2022"];
  const article = sharedArticle();
  if (article) out.push(article); else console.log("# ../shared/data/articles/kazakhstan.txt absent: comparing on texts of our own");
  const dev = path.join(SHARED, "data/ontonotes5/dev.bio.tsv");
  const script = path.join(SHARED, "eval/bio_to_docs.py");
  if (fs.existsSync(dev) && fs.existsSync(script)) {
    const conv = spawnSync("python3", [script, dev], { maxBuffer: 1 << 30, encoding: "utf8" });
    if (conv.status === 0) {
      const docs = conv.stdout.trim().split("\n").map((l) => JSON.parse(l).text);
      out.push(...docs.slice(0, 60)); // a sample of the OntoNotes dev documents (all genres come early)
    }
  } else {
    console.log("# ../shared/data/ontonotes5/dev.bio.tsv absent: skipping the OntoNotes sample");
  }
  return out;
}

test("the page's module returns what the native annotate command returns", () => {
  const docs = texts();
  const expected = native(docs);
  let total = 0;
  docs.forEach((text, i) => {
    const got = annotate(text, null);
    for (const e of got) assert.equal(text.slice(e.start, e.end), e.text);
    assert.deepEqual(normalise(got), normalise(expected[i]), `document ${i}`);
    total += got.length;
  });
  assert.ok(total > 0, "the texts have entities");
  console.log(`# ${docs.length} documents, ${total} entities equal in wasm (Node) and native`);
});

test("errors are thrown as Error objects with clear messages", () => {
  assert.throws(() => annotate(42), { name: "Error", message: /text must be a string/ });
  assert.throws(() => annotate("x", { labels: ["NOPE"] }), { message: /unknown label "NOPE"/ });
  assert.throws(() => annotate("x", { date: "yesterday" }), { message: /options\.date.*YYYY-MM-DD/ });
  assert.throws(() => annotate("x", { colour: "red" }), { message: /unknown option "colour"/ });
  assert.deepEqual(annotate("x", {}), annotate("x"));
});

test("an empty label list gives no entities in both the module and the CLI; no list gives every label", () => {
  const text = OWN_ARTICLE;
  assert.deepEqual(annotate(text, { labels: [] }), []);
  assert.ok(annotate(text, { labels: null }).length > 0);
  assert.ok(fs.existsSync(CLI), "run `make build` first (target/release/annotate is missing)");
  const run = spawnSync(CLI, ["--jsonl", "--labels", ""], { input: `${JSON.stringify({ id: 1, text })}\n`, encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), { id: 1, entities: [] });
  // one label: the module and the CLI agree as they do with every label
  const cli = spawnSync(CLI, ["--jsonl", "--labels", "DATE", "--offsets", "utf16"], { input: `${JSON.stringify({ id: 1, text })}\n`, encoding: "utf8" });
  assert.equal(cli.status, 0, cli.stderr);
  assert.deepEqual(normalise(JSON.parse(cli.stdout).entities), normalise(annotate(text, { labels: ["DATE"] })));
});
