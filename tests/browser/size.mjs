// `make size`: the whole download of the page (every file it requests, found by loading it in Chromium),
// raw and gzip -9, against the 1.5 MB gzip budget.
import { launch, pageDownload } from "./harness.mjs";

const BUDGET = 1.5e6;
const browser = await launch();
const files = await pageDownload(browser);
await browser.close();
const kb = (n) => (n / 1000).toFixed(1).padStart(8);
console.log("file                                   raw kB  gzip kB");
for (const f of files) console.log(`${f.path.padEnd(36)} ${kb(f.raw)} ${kb(f.gzip)}`);
const raw = files.reduce((s, f) => s + f.raw, 0), gz = files.reduce((s, f) => s + f.gzip, 0);
console.log(`${"total".padEnd(36)} ${kb(raw)} ${kb(gz)}`);
console.log(`budget ${BUDGET / 1e6} MB gzip: ${gz <= BUDGET ? "met" : "EXCEEDED"} (${(gz / 1e6).toFixed(3)} MB)`);
process.exit(gz <= BUDGET ? 0 : 1);
