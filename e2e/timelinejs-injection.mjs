// TimelineJS3 against injection: opens a built site's timelinejs.json in
// TimelineJS3 (the npm package @knight-lab/timelinejs) in headless
// Chromium, shows every slide, and fails if a script from the content
// runs. The content's injection strings call XSSMARK(), which the page
// defines to record the call. As a control, the same file with its HTML
// escaping undone (headline, text and group unescaped) must make them
// run: otherwise the test could not tell.
//
//   node e2e/timelinejs-injection.mjs PUBLIC_DIR
//
// PUBLIC_DIR is the build of testdata/hostile's tl-all-fields case over
// its base (.ci/run makes it). Exits 1 with one line per problem.
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const publicDir = process.argv[2];
if (!publicDir || !existsSync(join(publicDir, "timelinejs.json"))) {
  console.error("usage: node e2e/timelinejs-injection.mjs PUBLIC_DIR (holding timelinejs.json)");
  process.exit(2);
}
const dist = join(here, "node_modules/@knight-lab/timelinejs/dist");
const escaped = readFileSync(join(publicDir, "timelinejs.json"), "utf8");

// unescape undoes escapeHTML, field by field: the control.
const unescape = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
const unescapeFields = (v, key) => {
  if (typeof v === "string") return ["headline", "text", "group"].includes(key) ? unescape(v) : v;
  if (Array.isArray(v)) return v.map((x) => unescapeFields(x, key));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unescapeFields(x, k)]));
  return v;
};
const unescaped = JSON.stringify(unescapeFields(JSON.parse(escaped)));

const harness = (json) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>TimelineJS3</title>
<script>window.ran = 0; window.XSSMARK = () => { window.ran++; };</script>
<link rel="stylesheet" href="/tl/css/timeline.css"><script src="/tl/js/timeline.js"></script></head>
<body><div id="tl" style="width:1000px;height:600px"></div><script>
fetch("/${json}").then((r) => r.json()).then((data) => {
  window.tl = new TL.Timeline("tl", data, { script_path: "/tl/js/", font: null });
  window.tl.on("loaded", () => { window.tlLoaded = true; });
});
</script></body></html>`;
const types = { ".css": "text/css", ".js": "text/javascript", ".png": "image/png", ".svg": "image/svg+xml" };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const send = (type, body) => { res.writeHead(200, { "content-type": type }); res.end(body); };
  if (path === "/escaped.html") return send("text/html; charset=utf-8", harness("escaped.json"));
  if (path === "/unescaped.html") return send("text/html; charset=utf-8", harness("unescaped.json"));
  if (path === "/escaped.json") return send("application/json", escaped);
  if (path === "/unescaped.json") return send("application/json", unescaped);
  const file = normalize(join(dist, path.replace(/^\/tl\//, "/")));
  if (path.startsWith("/tl/") && file.startsWith(dist) && existsSync(file)) {
    return send(types[file.slice(file.lastIndexOf("."))] || "application/octet-stream", readFileSync(file));
  }
  res.writeHead(404);
  res.end();
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});

// runs opens a harness, shows every slide, and returns how many times
// injected code ran, and the event-handler attributes holding XSSMARK
// left in the page.
async function runs(name) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  await page.goto(`${origin}/${name}.html`);
  await page.waitForFunction(() => window.tlLoaded, null, { timeout: 20000 });
  const slides = JSON.parse(escaped).events.length + 1;
  for (let i = 0; i < slides; i++) {
    await page.evaluate((n) => window.tl.goTo(n), i);
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(1000); // images that fail to load fire onerror
  const result = await page.evaluate(() => ({
    ran: window.ran,
    handlers: [...document.querySelectorAll("*")].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith("on") && a.value.includes("XSSMARK")).map((a) => `<${el.localName} ${a.name}>`)),
  }));
  await page.close();
  return result;
}

const problems = [];
try {
  const safe = await runs("escaped");
  if (safe.ran > 0) problems.push(`timelinejs.json: injected code ran ${safe.ran} times in TimelineJS3`);
  if (safe.handlers.length) problems.push(`timelinejs.json: event handlers from the content in the page: ${safe.handlers.join(", ")}`);
  const control = await runs("unescaped");
  if (control.ran === 0) problems.push("control: the unescaped file ran no injected code, so the test cannot tell");
  console.log(`TimelineJS3: escaped file ran injected code ${safe.ran} times (want 0); unescaped control ran it ${control.ran} times (want > 0)`);
} catch (err) {
  problems.push(`TimelineJS3 did not open the file: ${err.message}`);
} finally {
  await browser.close();
  server.close();
}
problems.forEach((p) => console.log(p));
process.exit(problems.length ? 1 : 0);
