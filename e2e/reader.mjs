// The reader's checks of a built site, run by run.mjs: page sizes, the
// axis inside its SVG with 24 px bars, no sideways scroll at 320 px or at
// 200 % zoom, a measure of at most 75 characters, the filter's count against its results (with the transfer
// and time of its first use), pa11y (WCAG 2 AA, HTML_CodeSniffer) and
// Lighthouse (mobile and desktop) on an index, entry, person, tag and
// month page.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import pa11y from "pa11y";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

export const chromiumArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

// pickPages returns one page of each kind the reader's checks look at:
// the index, an entry, the person, tag and month with the most entries
// (their first page), as site paths.
export function pickPages(pages, publicDir) {
  const size = (f) => statSync(join(publicDir, f)).size;
  const biggest = (dir) => pages.filter((f) => new RegExp(`^${dir}/[^/]+/index\\.html$`).test(f)).sort((a, b) => size(b) - size(a) || a.localeCompare(b))[0];
  const entry = pages.find((f) => f.startsWith("entries/") && readFileSync(join(publicDir, f), "utf8").includes('class="sources"'));
  const urlOf = (file) => "/" + file.replace(/(^|\/)index\.html$/, "$1");
  return Object.fromEntries(Object.entries({ index: "index.html", entry, person: biggest("people"), tag: biggest("tags"), month: biggest("months") })
    .filter(([, f]) => f).map(([k, f]) => [k, urlOf(f)]));
}

// checkSizes fails pages over their budget: the index 150 KB with at
// least 20 entries; person, tag, month and phase pages 100 KB.
export function checkSizes(pages, publicDir, fail) {
  const index = readFileSync(join(publicDir, "index.html"), "utf8");
  const entries = (index.match(/<li class="entry"/g) || []).length;
  const total = pages.filter((f) => f.startsWith("entries/")).length;
  if (index.length > 150 * 1024) fail("/", `index.html is ${(index.length / 1024).toFixed(1)} KB (want at most 150 KB)`);
  if (entries < Math.min(20, total)) fail("/", `the index shows ${entries} entries (want at least ${Math.min(20, total)})`);
  let biggest = 0;
  for (const f of pages.filter((p) => /^(people|tags|months|phases)\/.+\.html$/.test(p))) {
    const size = statSync(join(publicDir, f)).size;
    biggest = Math.max(biggest, size);
    if (size >= 100 * 1024) fail("/" + f, `${(size / 1024).toFixed(1)} KB of HTML (want under 100 KB)`);
  }
  return { index: index.length, entries, biggest };
}

// checkLayout loads each page at 320 px, at 1366 px and at 200 % zoom
// (683 CSS px at twice the pixel density): nothing scrolls sideways, and
// every element of an axis lies inside its SVG, each bar a target of at
// least 24 × 24 px.
export async function checkLayout(context, origin, urls, fail) {
  for (const [name, size] of [["320 px", { width: 320, height: 800, deviceScaleFactor: 1 }], ["1366 px", { width: 1366, height: 900, deviceScaleFactor: 1 }], ["200 % zoom", { width: 683, height: 450, deviceScaleFactor: 2 }]]) {
    const tab = await context.newPage();
    await tab.setViewportSize({ width: size.width, height: size.height });
    for (const url of urls) {
      await tab.goto(origin + url);
      const got = await tab.evaluate((wide) => {
        const out = [];
        // The measure: on a wide screen, running text keeps to 75
        // characters a line (the width of its text set on one line,
        // divided by its length, gives its characters' mean width).
        for (const el of wide ? document.querySelectorAll("main p, .entry-summary, .body, .source-text") : []) {
          const text = el.textContent.trim();
          if (text.length < 200 || el.closest("form")) continue;
          const span = document.createElement("span");
          span.textContent = text;
          span.style.whiteSpace = "nowrap";
          el.appendChild(span);
          const perChar = span.getBoundingClientRect().width / text.length;
          span.remove();
          const chars = Math.round(el.clientWidth / perChar);
          if (chars > 75) out.push(`<${el.localName} class="${el.className}"> runs to ${chars} characters a line (want at most 75)`);
        }
        const doc = document.documentElement;
        if (doc.scrollWidth > doc.clientWidth) out.push(`scrolls sideways: ${doc.scrollWidth} px wide in ${doc.clientWidth}`);
        for (const svg of document.querySelectorAll("svg.axis-svg")) {
          const box = svg.getBoundingClientRect();
          for (const el of svg.querySelectorAll("*")) {
            if (["title", "a"].includes(el.localName)) continue;
            const r = el.getBoundingClientRect();
            if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) {
              out.push(`axis: <${el.localName} class="${el.getAttribute("class")}"> ${(el.textContent || "").slice(0, 40)} lies outside its SVG (${r.left.toFixed(0)}..${r.right.toFixed(0)} × ${r.top.toFixed(0)}..${r.bottom.toFixed(0)} in ${box.left.toFixed(0)}..${box.right.toFixed(0)} × ${box.top.toFixed(0)}..${box.bottom.toFixed(0)})`);
            }
          }
          for (const a of svg.querySelectorAll("a")) {
            const r = a.getBoundingClientRect();
            if (r.width < 24 - 0.01 || r.height < 24) out.push(`axis: the link "${a.getAttribute("aria-label")}" is ${r.width.toFixed(1)} × ${r.height.toFixed(1)} px (want 24 × 24 at least)`);
          }
        }
        return out;
      }, size.width >= 1366);
      got.forEach((p) => fail(`${url} at ${name}`, p));
    }
    await tab.close();
  }
}

// checkFilter searches the index for a word of its first entry's title
// and checks that the count it gives is the number of results it lists,
// page after page. It returns what the first results cost: the bytes of
// the index fetched and the milliseconds from the query to them.
export async function checkFilter(context, origin, fail) {
  const tab = await context.newPage();
  await tab.goto(origin + "/");
  if (!(await tab.isVisible("form.filters"))) {
    fail("/", "the filter form is not shown with JavaScript on");
    await tab.close();
    return null;
  }
  const word = await tab.evaluate(() => {
    const title = document.querySelector("li.entry .entry-title");
    return ((title && title.textContent) || "").toLowerCase().match(/\p{L}{4,}/gu)?.[0] || "";
  });
  // The time to the first results runs from the query's submission to
  // the first result in the list, both taken in the page.
  await tab.evaluate(() => {
    const form = document.querySelector("form.filters");
    form.addEventListener("submit", () => { window.e2eSubmitted = performance.now(); }, { capture: true, once: true });
    new MutationObserver((_, obs) => {
      if (document.querySelector(".results li")) { window.e2eFirstResult = performance.now(); obs.disconnect(); }
    }).observe(document.querySelector(".results"), { childList: true });
  });
  await tab.fill("#filter-q", word);
  await tab.press("#filter-q", "Enter");
  await tab.waitForFunction(() => {
    const s = document.querySelector(".filter-status").textContent;
    return s && !s.startsWith("Searching");
  }, null, { timeout: 10000 });
  const first = await tab.evaluate(() => {
    const json = performance.getEntriesByType("resource").filter((r) => /\/search(\.json|\/)/.test(r.name));
    return {
      ms: (window.e2eFirstResult || NaN) - window.e2eSubmitted,
      bytes: json.reduce((sum, r) => sum + (r.transferSize || r.encodedBodySize), 0),
      files: json.length,
      status: document.querySelector(".filter-status").textContent,
    };
  });
  const count = Number((first.status.match(/^(\d+) entr/) || [])[1] || 0);
  for (let i = 0; i < 1000 && (await tab.isVisible("button.more")); i++) {
    const listed = await tab.$$eval(".results li", (l) => l.length);
    await tab.click("button.more");
    await tab.waitForFunction((n) => document.querySelectorAll(".results li").length > n, listed, { timeout: 10000 });
  }
  const listed = await tab.$$eval(".results li", (l) => l.length);
  if (!word || count === 0) fail("/", `searching for "${word}" (a word of the first entry's title) finds nothing: ${first.status}`);
  if (listed !== count) fail("/", `the filter says "${first.status}" but lists ${listed} results in all`);
  if (first.bytes > 150 * 1024) fail("/", `the filter's first results cost ${(first.bytes / 1024).toFixed(1)} KB of index (want at most 150 KB)`);
  // Typing, as a reader does: the debounce waits for a pause.
  await tab.fill("#filter-q", "");
  const t1 = Date.now();
  await tab.type("#filter-q", word.slice(0, 3), { delay: 30 });
  await tab.waitForFunction(() => document.querySelectorAll(".results li").length > 0, null, { timeout: 10000 });
  const typed = Date.now() - t1;
  await tab.close();
  return { word, count, listed, ...first, typed };
}

// runPa11y runs pa11y with HTML_CodeSniffer at WCAG 2 AA on each page,
// in Debian's Chromium.
export async function runPa11y(origin, pages, chromiumPath, fail) {
  const out = {};
  for (const [kind, url] of Object.entries(pages)) {
    const result = await pa11y(origin + url, {
      standard: "WCAG2AA", runners: ["htmlcs"], timeout: 60000,
      chromeLaunchConfig: { executablePath: chromiumPath, args: chromiumArgs },
    });
    const errors = result.issues.filter((i) => i.type === "error");
    out[kind] = errors.length;
    for (const e of errors.slice(0, 5)) fail(`${url} (pa11y)`, `${e.code}: ${e.message} — ${e.selector}`);
  }
  return out;
}

// runLighthouse runs Lighthouse on each page, mobile and desktop, and
// fails any score under its bar: 100 for accessibility, best practices
// and SEO, 95 for performance (the median of three runs when the first
// is under it).
export async function runLighthouse(origin, pages, chromiumPath, fail) {
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: chromiumArgs });
  const bars = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };
  const out = {};
  try {
    for (const formFactor of ["mobile", "desktop"]) {
      const settings = formFactor === "desktop"
        ? { formFactor, screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false }, throttling: { rttMs: 40, throughputKbps: 10240, cpuSlowdownMultiplier: 1, requestLatencyMs: 0, downloadThroughputKbps: 0, uploadThroughputKbps: 0 } }
        : { formFactor };
      for (const [kind, url] of Object.entries(pages)) {
        const audit = () => lighthouse(origin + url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: Object.keys(bars) }, { extends: "lighthouse:default", settings });
        let result = await audit();
        // Performance varies from run to run with the machine's load
        // (Lighthouse's docs on variability advise the median of several
        // runs): a page under the bar is audited twice more, and the run
        // with the median performance score counts.
        if (result.lhr.categories.performance.score * 100 < bars.performance) {
          const runs = [result, await audit(), await audit()];
          runs.sort((a, b) => a.lhr.categories.performance.score - b.lhr.categories.performance.score);
          result = runs[1];
        }
        const scores = {};
        for (const [id, bar] of Object.entries(bars)) {
          const category = result.lhr.categories[id];
          scores[id] = Math.round(category.score * 100);
          if (scores[id] < bar) {
            const failing = category.auditRefs.map((r) => result.lhr.audits[r.id]).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual");
            fail(`${url} (Lighthouse ${formFactor})`, `${id} ${scores[id]} (want ${bar}): ${failing.slice(0, 4).map((a) => a.id).join(", ")}`);
          }
        }
        out[`${kind} ${formFactor}`] = scores;
      }
    }
  } finally {
    await chrome.kill();
  }
  return out;
}
