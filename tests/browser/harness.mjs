// Shared by the browser tests and benchmarks: a static server for www/ on 127.0.0.1 and Debian's Chromium
// driven by playwright-core. Nothing here reaches beyond this machine.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const WWW = process.env.WWW_DIR || path.join(ROOT, "www"); // WWW_DIR: serve another build
export const SHARED = path.resolve(ROOT, "../shared");
export const SCREENSHOTS = path.join(ROOT, "tests/browser/screenshots");
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
];

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm", ".json": "application/json", ".txt": "text/plain; charset=utf-8", ".ts": "text/plain",
};

/** Serves `dir` on 127.0.0.1 at a free port; resolves to {url, close, requests}. */
export function serve(dir = WWW) {
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    const url = new URL(req.url, "http://127.0.0.1");
    let file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (file.endsWith(path.sep)) file = path.join(file, "index.html");
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404, { "content-type": "text/plain" }).end("not found"); return; }
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream", "cache-control": "no-cache" });
      res.end(data);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/**
 * Lets `context` load only from 127.0.0.1 (and data:/blob: URLs), aborting every other request. Each request's
 * URL is pushed to `seen`, and each aborted one to `outside`, when those arrays are given.
 */
export function localOnly(context, { seen = null, outside = null } = {}) {
  return context.route("**/*", (route) => {
    const url = route.request().url();
    seen?.push(url);
    const u = new URL(url);
    if (u.protocol === "data:" || u.protocol === "blob:" || u.hostname === "127.0.0.1") route.continue();
    else { outside?.push(url); route.abort(); }
  });
}

/** Launches headless Chromium; throws a clear error when it is missing. */
export async function launch() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run \`make test\` (it installs chromium) or set CHROMIUM`);
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** The Kazakhstan article from ../shared, or null (callers fall back to a text this project wrote). */
export function sharedArticle() {
  const p = path.join(SHARED, "data/articles/kazakhstan.txt");
  return fs.existsSync(p) ? fs.readFileSync(p, "utf8") : null;
}

/** A text written for these tests (used when ../shared is absent). */
export const OWN_ARTICLE = `ALMATY, Kazakhstan (Reuters) - More than 2,000 people were detained on Wednesday after protests spread
across Kazakhstan, President Kassym-Jomart Tokayev said, as troops from the Russian-led Collective Security Treaty
Organization arrived in Almaty.

Tokayev told the Senate in Nur-Sultan that about 12% of the country's 19 million people had joined the rallies in the
first week of January. Former president Nursultan Nazarbayev, who led Kazakhstan for nearly three decades, has not
been seen in public since January 6. Nazarbayev's office said he was in the capital.

The central bank said $4.5 billion had left the country, and fuel prices rose 20% at 3 p.m. on January 2, 2022.
The Interior Ministry said 164 people died and 40.2 kilometers of the main road stayed closed. Nazarbayev later
spoke on Khabar 24, the state television channel, for the first time.
`;

export function ensureDir(d) { fs.mkdirSync(d, { recursive: true }); return d; }

/**
 * What a visitor downloads: loads the page in `browser`, waits until the module and its worker are ready, and
 * returns the files requested from the server with raw and gzip (level 9) sizes, read from www/.
 */
export async function pageDownload(browser) {
  const zlib = await import("node:zlib");
  const srv = await serve();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(srv.url);
  await page.waitForSelector("html[data-ready]");
  await page.waitForTimeout(500); // the worker script is fetched at idle time after ready
  await context.close();
  await srv.close();
  const seen = new Set();
  const files = [];
  for (const req of srv.requests) {
    let p = new URL(req, "http://127.0.0.1").pathname;
    if (p.endsWith("/")) p += "index.html";
    if (seen.has(p)) continue;
    seen.add(p);
    const file = path.join(WWW, p);
    if (!fs.existsSync(file)) continue;
    const data = fs.readFileSync(file);
    files.push({ path: p.slice(1), raw: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length });
  }
  return files;
}
