// End-to-end test of a built site in headless Chromium.
//
//   node e2e/run.mjs [-some] PUBLIC_DIR [SCREENSHOT_DIR]
//
// With -some (for a large site) only some pages are loaded, checked and
// validated: each kind's first, the biggest person, tag and month, and
// their second pages; the reader's checks (reader.mjs) run either way.
//
// Serves PUBLIC_DIR on 127.0.0.1, loads every page with no console errors
// and no requests leaving the site, runs axe-core on every page in light
// and dark mode, runs the Nu HTML checker on every file, follows every
// internal link and anchor, parses the feeds and the sitemap, tries the
// filter, and saves phone and desktop screenshots of the index and an
// entry; opens timelinejs.json in TimelineJS3. Exits 1 with one line per
// problem.
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { checkFilter, checkLayout, checkSizes, chromiumArgs, pickPages, runLighthouse, runPa11y } from "./reader.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const some = process.argv[2] === "-some";
const [publicDir, shotsDir = join(here, "..", ".ci", "cache", "screenshots")] = process.argv.slice(some ? 3 : 2);
if (!publicDir || !existsSync(join(publicDir, "index.html"))) {
  console.error("usage: node e2e/run.mjs PUBLIC_DIR [SCREENSHOT_DIR] (PUBLIC_DIR must hold a built site)");
  process.exit(2);
}
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const problems = [];
const fail = (where, what) => problems.push(`${where}: ${what}`);
const started = Date.now();

// The site's base path, from the index's canonical link, so that links
// starting with it (404.html's) resolve like relative ones.
const indexHTML = readFileSync(join(publicDir, "index.html"), "utf8");
const canonical = (indexHTML.match(/<link rel="canonical" href="([^"]+)"/) || [])[1] || "";
const basePath = canonical ? new URL(canonical).pathname : "/";

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".xml": "application/xml", ".txt": "text/plain", ".png": "image/png", ".svg": "image/svg+xml" };
// The test serves TimelineJS3 beside the site, to open timelinejs.json.
const timelineJS = join(here, "node_modules/@knight-lab/timelinejs/dist");
const timelineHarness = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>TimelineJS3</title>
<link rel="stylesheet" href="/__e2e/timelinejs/css/timeline.css"><script src="/__e2e/timelinejs/js/timeline.js"></script></head>
<body><div id="tl" style="width:100%;height:600px"></div><script>
fetch("/timelinejs.json").then((r) => r.json()).then((data) => {
  window.tl = new TL.Timeline("tl", data, { script_path: "/__e2e/timelinejs/js/", font: null });
  window.tl.on("loaded", () => { window.tlLoaded = true; });
});
</script></body></html>`;
const server = createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (path === "/__e2e/timeline.html") {
    res.writeHead(200, { "content-type": types[".html"] });
    res.end(timelineHarness);
    return;
  }
  if (path.startsWith("/__e2e/timelinejs/")) {
    const file = join(timelineJS, path.slice("/__e2e/timelinejs/".length));
    if (file.startsWith(timelineJS + sep) && existsSync(file) && statSync(file).isFile()) {
      res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
      res.end(readFileSync(file));
      return;
    }
  }
  if (basePath !== "/" && path.startsWith(basePath)) path = "/" + path.slice(basePath.length);
  let file = join(publicDir, path);
  if (!file.startsWith(join(publicDir, sep)) && file !== join(publicDir)) file = "";
  if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (!file || !existsSync(file)) {
    res.writeHead(404, { "content-type": types[".html"] });
    res.end(readFileSync(join(publicDir, "404.html")));
    return;
  }
  res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}
const files = walk(publicDir).map((f) => relative(publicDir, f).split(sep).join("/"));
const allPages = files.filter((f) => f.endsWith(".html")).sort();
const urlOf = (file) => "/" + file.replace(/(^|\/)index\.html$/, "$1");
const readerPages = pickPages(allPages, publicDir);
// The pages loaded and validated: all, or with -some the reader's pages,
// their second pages, one page of each other kind, and 404.html.
const pages = some ? [...new Set([
  ...Object.values(readerPages).map((u) => u.slice(1) + "index.html"),
  ...Object.values(readerPages).map((u) => u.slice(1) + "page/2/index.html"),
  ...["people/", "tags/", "months/", "phases/", "articles/"].map((d) => allPages.find((f) => f.startsWith(d) && f !== d + "index.html")),
  ...["people/index.html", "tags/index.html", "months/index.html", "phases/index.html", "404.html"],
])].filter((f) => f && allPages.includes(f)).sort() : allPages;
const ids = new Map(); // page path → set of element ids
for (const f of allPages) {
  const html = readFileSync(join(publicDir, f), "utf8");
  ids.set(urlOf(f), new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
}

// 1. The Nu HTML checker over every page, in one JVM, while the browser
// works. Its default thread stack is too small for the HTML schema.
const vnuDone = new Promise((resolve) => {
  const java = spawn("java", ["-Xss4m", "-jar", join(here, "node_modules/vnu-jar/build/dist/vnu.jar"), "--errors-only", "--skip-non-html", ...(some ? pages.map((f) => join(publicDir, f)) : [publicDir])]);
  let out = "";
  java.stdout.on("data", (d) => (out += d));
  java.stderr.on("data", (d) => (out += d));
  java.on("error", (err) => { fail("vnu", `could not run java: ${err.message}`); resolve(); });
  java.on("close", (code) => {
    for (const line of out.split("\n").filter(Boolean)) fail("vnu", line);
    if (code !== 0 && !out.trim()) fail("vnu", `exited with status ${code}`);
    resolve();
  });
});

const lap = (what) => console.log(`e2e: ${what} (${((Date.now() - started) / 1000).toFixed(1)}s)`);

// 2. Every page in Chromium: console errors, failed and outside requests, axe.
const profile = mkdtempSync(join(tmpdir(), "e2e-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath,
  headless: true,
  args: [...chromiumArgs, "--disable-quic"],
  viewport: { width: 1366, height: 900 },
});
const axeSource = readFileSync(join(here, "node_modules/axe-core/axe.min.js"), "utf8");
await context.route("**/*", (route) => {
  const url = route.request().url();
  if (url.startsWith(origin + "/") || url.startsWith("data:")) return route.continue();
  if (route.request().frame().url().includes("/__e2e/")) return route.abort(); // TimelineJS3's own fonts and embeds
  fail("request", `a page asked for ${url}, outside the site`);
  return route.abort();
});
const links = new Map(); // target URL → first page linking to it
let current = "/";

// checkPage loads url in tab, runs axe, and collects its links.
async function checkPage(tab, url) {
  const response = await tab.goto(origin + url, { waitUntil: "load" });
  if (!response || response.status() !== 200) fail(url, `HTTP ${response && response.status()}`);
  // Every axe rule in light mode; contrast again in dark mode.
  await tab.evaluate(axeSource);
  for (const scheme of ["light", "dark"]) {
    await tab.emulateMedia({ colorScheme: scheme });
    const only = scheme === "dark" ? { runOnly: { type: "rule", values: ["color-contrast"] } } : {};
    const { violations } = await tab.evaluate((opts) => window.axe.run(document, { resultTypes: ["violations"], ...opts }), only);
    for (const v of violations) fail(url, `axe (${scheme}) ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  }
  await tab.emulateMedia({ colorScheme: "light" });
  const hrefs = await tab.$$eval("a[href], link[href]", (as) => as.map((a) => new URL(a.getAttribute("href"), document.baseURI).href));
  for (const href of hrefs) {
    const u = new URL(href);
    if (u.origin === origin && !links.has(u.pathname + u.hash)) links.set(u.pathname + u.hash, url);
  }
}

// watch reports a tab's console errors, script errors and failed
// requests against the page it shows.
function watch(tab, where) {
  tab.on("console", (msg) => { if (msg.type() === "error") fail(where(), `console error: ${msg.text()}`); });
  tab.on("pageerror", (err) => fail(where(), `script error: ${err.message}`));
  tab.on("response", (r) => { if (r.status() >= 400 && where() !== "/404.html") fail(where(), `HTTP ${r.status()} for ${r.url()}`); });
  return tab;
}

const queue = pages.map(urlOf);
const tabs = Number(process.env.E2E_TABS || 3);
await Promise.all(Array.from({ length: tabs }, async () => {
  let showing = "";
  const tab = watch(await context.newPage(), () => showing);
  for (let url; (url = queue.shift()) !== undefined;) {
    showing = url;
    await checkPage(tab, url);
  }
  await tab.close();
}));
const page = watch(await context.newPage(), () => current);
lap(`${pages.length} pages loaded and checked with axe`);

// 3. Every internal link: the page exists, and so does its anchor.
for (const [target, from] of links) {
  const u = new URL(target, origin);
  let path = u.pathname;
  if (basePath !== "/" && path.startsWith(basePath)) path = "/" + path.slice(basePath.length);
  const local = join(publicDir, path.endsWith("/") ? path + "index.html" : path);
  if (!existsSync(local)) { fail(from, `broken link ${target}`); continue; }
  const anchor = decodeURIComponent(u.hash.slice(1));
  if (anchor && !(ids.get(path) || new Set()).has(anchor)) fail(from, `link ${target}: no element with id "${anchor}"`);
}

// 4. Feeds and sitemap parse, and say what they must.
current = "/";
await page.goto(origin + "/");
const feedCheck = await page.evaluate(async () => {
  const out = [];
  const xml = async (url) => {
    const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), "application/xml");
    if (doc.querySelector("parsererror")) out.push(`${url}: not well-formed XML`);
    return doc;
  };
  const atom = await xml("feed.xml");
  const entries = atom.getElementsByTagName("entry");
  if (atom.documentElement.namespaceURI !== "http://www.w3.org/2005/Atom") out.push("feed.xml: not an Atom feed");
  if (!entries.length) out.push("feed.xml: no entries");
  for (const e of entries) for (const tag of ["id", "title", "updated", "link"]) if (!e.getElementsByTagName(tag).length) out.push(`feed.xml: an entry lacks <${tag}>`);
  const json = await (await fetch("feed.json")).json();
  if (json.version !== "https://jsonfeed.org/version/1.1") out.push("feed.json: version is not JSON Feed 1.1");
  if (!json.items || !json.items.length) out.push("feed.json: no items");
  for (const it of json.items || []) if (!it.id || !it.url || !it.title || !it.date_published) out.push(`feed.json: item ${it.id} lacks id, url, title or date_published`);
  // No item repeats its opening: the summary's first twenty words do
  // not come back right after the summary. (Eight were too few: a lede
  // and the next paragraph may both open with a long title and name.)
  const words = (text) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).join(" ");
  for (const it of json.items || []) {
    const opening = words(it.summary || "").split(" ").slice(0, 20).join(" ");
    const text = words(new DOMParser().parseFromString(it.content_html || "", "text/html").body.textContent);
    const head = text.slice(0, words(it.summary || "").length + opening.length + 40);
    if (opening && head.split(opening).length > 2) out.push(`feed.json: item ${it.id} repeats its opening "${opening}" in content_html`);
  }
  const sitemap = await xml("sitemap.xml");
  const locs = [...sitemap.getElementsByTagName("loc")].map((l) => l.textContent);
  if (!locs.length) out.push("sitemap.xml: no URLs");
  const tl = await (await fetch("timelinejs.json")).json();
  if (!tl.events || !tl.events.length || !tl.events.every((e) => e.start_date && e.start_date.year && e.text && e.text.headline)) out.push("timelinejs.json: events need start_date.year and text.headline");
  return { out, locs };
});
feedCheck.out.forEach((p) => fail("feeds", p));
for (const loc of feedCheck.locs) {
  let path = new URL(loc).pathname;
  if (basePath !== "/" && path.startsWith(basePath)) path = "/" + path.slice(basePath.length);
  if (!existsSync(join(publicDir, path.endsWith("/") ? path + "index.html" : path))) fail("sitemap.xml", `${loc} is not a page of the site`);
}

// 5. Keyboard: the first Tab reaches the skip link.
await page.emulateMedia({ colorScheme: "light" });
await page.keyboard.press("Tab");
if (!(await page.evaluate(() => document.activeElement && document.activeElement.classList.contains("skip")))) fail("/", "the first Tab does not reach the skip link");

// 6. The reader's checks: sizes, layout and axis, the filter, pa11y and
// Lighthouse on an index, entry, person, tag and month page.
const sizes = checkSizes(allPages, publicDir, fail);
await checkLayout(context, origin, [...new Set([...Object.values(readerPages), ...pages.map(urlOf)])], fail);
lap("layout and axis checked at 320 px, 1366 px and 200 % zoom");
const filter = await checkFilter(context, origin, fail);
lap("filter checked");
const pa11yErrors = await runPa11y(origin, readerPages, chromiumPath, fail);
lap("pa11y done");
const scores = process.env.E2E_LIGHTHOUSE === "0" ? {} : await runLighthouse(origin, readerPages, chromiumPath, fail);
lap("Lighthouse done");

// TimelineJS3 opens timelinejs.json as it is, with a slide per event
// (on the full run: it takes minutes over a 10,000-entry site).
if (!some) {
  const tab = await context.newPage();
  const errors = [];
  tab.on("pageerror", (err) => errors.push(err.message));
  await tab.goto(origin + "/__e2e/timeline.html");
  try {
    await tab.waitForFunction(() => window.tl && window.tl.config, null, { timeout: 15000 });
    const got = await tab.evaluate(() => ({
      valid: window.tl.config.isValid(),
      messages: (window.tl.config.messages && window.tl.config.messages.errors || []).map(String),
      events: window.tl.config.events.length,
      eras: (window.tl.config.eras || []).length,
    }));
    await tab.waitForFunction(() => window.tlLoaded, null, { timeout: 15000 });
    const want = JSON.parse(readFileSync(join(publicDir, "timelinejs.json"), "utf8"));
    if (!got.valid || got.messages.length) fail("timelinejs.json", `TimelineJS3 rejects it: ${got.messages.join("; ")}`);
    if (got.events !== want.events.length || got.eras !== (want.eras || []).length) fail("timelinejs.json", `TimelineJS3 read ${got.events} events and ${got.eras} eras, want ${want.events.length} and ${(want.eras || []).length}`);
  } catch (err) {
    fail("timelinejs.json", `TimelineJS3 did not open it: ${err.message}`);
  }
  errors.forEach((e) => fail("timelinejs.json", `TimelineJS3 script error: ${e}`));
  await tab.close();
}

// 7. Screenshots: phone and desktop, index and an entry.
mkdirSync(shotsDir, { recursive: true });
// The entry shown: one with a contact interval, else one with an editor's
// note over an editor's text, else the first.
const entryPages = pages.filter((f) => f.startsWith("entries/"));
const html = (f) => readFileSync(join(publicDir, f), "utf8");
const entry = entryPages.find((f) => html(f).includes('class="contact"')) ||
  entryPages.find((f) => html(f).includes('class="note"') && !html(f).includes('class="source-text"')) || entryPages[0];
for (const [name, size] of [["phone", { width: 390, height: 844 }], ["desktop", { width: 1366, height: 900 }]]) {
  await page.setViewportSize(size);
  for (const [what, url] of [["index", "/"], ["entry", urlOf(entry)]]) {
    await page.goto(origin + url);
    await page.screenshot({ path: join(shotsDir, `${what}-${name}.png`) });
  }
}

// The chronology as printed, for a look at the print stylesheet.
await page.setViewportSize({ width: 1366, height: 900 });
await page.goto(origin + "/");
await page.pdf({ path: join(shotsDir, "index-print.pdf"), format: "A4" });

await vnuDone;
lap("Nu checker done");
await context.close();
server.close();
rmSync(profile, { recursive: true, force: true });
const secs = ((Date.now() - started) / 1000).toFixed(1);
console.log(`e2e: ${pages.length} of ${allPages.length} pages, ${links.size} internal links, ${feedCheck.locs.length} sitemap URLs, screenshots in ${shotsDir}, ${secs}s`);
console.log(`e2e: index ${(sizes.index / 1024).toFixed(1)} KB with ${sizes.entries} entries; largest person/tag/month/phase page ${(sizes.biggest / 1024).toFixed(1)} KB`);
if (filter) console.log(`e2e: filter "${filter.word}": ${filter.status} (${filter.listed} listed in all); first results after ${filter.ms.toFixed(0)} ms and ${(filter.bytes / 1024).toFixed(1)} KB in ${filter.files} files; typing 3 letters to results ${filter.typed} ms`);
console.log(`e2e: pa11y errors ${JSON.stringify(pa11yErrors)}`);
for (const [what, s] of Object.entries(scores)) console.log(`e2e: Lighthouse ${what}: performance ${s.performance}, accessibility ${s.accessibility}, best practices ${s["best-practices"]}, SEO ${s.seo}`);
if (problems.length) {
  console.error(`e2e FAILED: ${problems.length} problems`);
  for (const p of problems) console.error("  " + p);
  process.exit(1);
}
console.log("e2e passed: 0 Nu checker errors, 0 axe violations, 0 pa11y errors, Lighthouse at its bars, 0 console errors, 0 broken links");
