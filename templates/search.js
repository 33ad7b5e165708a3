// search.js filters the chronology from the index page by words, person,
// tag and phase. It only enhances the page: without JavaScript the form
// is hidden (a <noscript> style) and every entry is reachable through
// the index, the month, phase, person and tag pages.
//
// The index is split so that a query fetches only what it needs (see
// internal/render/search.go): search.json says how many entries there
// are and which word shards exist; search/w/KEY.json holds the words
// starting with two letters, each with the numbers of its entries;
// search/p|g|ph/ID.json the entries of a person, tag or phase; and
// search/d/K.json the id, title and date of a run of entries, fetched
// only for the results shown. Results come a page at a time, and the
// count always says how many match in all.
(function () {
  "use strict";
  var form = document.querySelector("form.filters");
  if (!form || !window.fetch || !window.URLSearchParams) return;
  var base = new URL(form.getAttribute("data-index"), location.href);
  var status = form.querySelector(".filter-status");
  var results = form.querySelector(".results");
  var more = form.querySelector(".more");
  var fields = ["q", "person", "tag", "phase"];
  var pageSize = 20;
  var files = {};
  var manifest = null;
  var matches = [];
  var shown = 0;
  var run = 0;
  var timer = 0;

  // get fetches a file of the index once, as JSON.
  function get(path) {
    if (!files[path]) {
      files[path] = fetch(new URL(path, base)).then(function (r) {
        if (!r.ok) throw new Error("search index: HTTP " + r.status);
        return r.json();
      });
    }
    return files[path];
  }

  function undelta(list) {
    var out = new Array(list.length), n = 0;
    for (var i = 0; i < list.length; i++) { n += list[i]; out[i] = n; }
    return out;
  }

  function hex(s) {
    return Array.prototype.map.call(new TextEncoder().encode(s), function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }

  // words splits a query as the index split titles and summaries.
  function words(q) {
    return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).filter(function (w) { return Array.from(w).length >= 2; });
  }

  // prefix returns the entries with a word starting with w.
  function prefix(w) {
    var key = hex(Array.from(w).slice(0, 2).join(""));
    if (manifest.words.indexOf(key) < 0) return Promise.resolve([]);
    return get("search/w/" + key + ".json").then(function (shard) {
      var seen = {};
      Object.keys(shard).forEach(function (word) {
        if (word.lastIndexOf(w, 0) === 0) undelta(shard[word]).forEach(function (n) { seen[n] = true; });
      });
      return Object.keys(seen).map(Number).sort(function (a, b) { return a - b; });
    });
  }

  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }

  // find resolves to the numbers of the entries matching the form, or
  // null when the form asks for nothing.
  function find() {
    var lists = words(form.elements.q.value).map(prefix);
    [["person", "p"], ["tag", "g"], ["phase", "ph"]].forEach(function (f) {
      var id = form.elements[f[0]].value;
      if (id) lists.push(get("search/" + f[1] + "/" + encodeURIComponent(id) + ".json").then(undelta));
    });
    if (!lists.length) return Promise.resolve(null);
    return Promise.all(lists).then(function (all) { return all.reduce(intersect); });
  }

  // showMore lists the next page of matches, fetching their docs.
  function showMore(token) {
    var page = matches.slice(shown, shown + pageSize);
    var chunks = {};
    page.forEach(function (n) { chunks[Math.floor(n / manifest.chunk)] = true; });
    return Promise.all(Object.keys(chunks).map(function (k) { return get("search/d/" + k + ".json"); })).then(function () {
      if (token !== run) return;
      return Promise.all(page.map(function (n) {
        return get("search/d/" + Math.floor(n / manifest.chunk) + ".json").then(function (docs) { return docs[n % manifest.chunk]; });
      })).then(function (docs) {
        if (token !== run) return;
        docs.forEach(function (d) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = new URL("entries/" + encodeURIComponent(d[0]) + "/", base).href;
          a.textContent = d[1];
          a.dir = "auto";
          li.appendChild(document.createTextNode(d[2] + ": "));
          li.appendChild(a);
          results.appendChild(li);
        });
        shown += docs.length;
        report();
      });
    });
  }

  function report() {
    var n = matches.length;
    status.textContent = n === 0 ? "No entry matches." :
      (n === 1 ? "1 entry matches." : n + " entries match") + (n > 1 ? (shown < n ? "; showing 1–" + shown + "." : "; all shown.") : "");
    results.hidden = shown === 0;
    more.hidden = shown >= n;
    more.textContent = "Show " + Math.min(pageSize, n - shown) + " more";
  }

  function apply() {
    clearTimeout(timer);
    var token = ++run;
    remember();
    (manifest ? Promise.resolve(manifest) : get("search.json").then(function (m) { manifest = m; return m; }))
      .then(find)
      .then(function (found) {
        if (token !== run) return;
        results.textContent = "";
        shown = 0;
        matches = found || [];
        if (!found) { status.textContent = ""; results.hidden = true; more.hidden = true; return; }
        if (!matches.length) { report(); return; }
        status.textContent = "Searching…";
        return showMore(token);
      })
      .catch(function () { if (token === run) status.textContent = "The search index could not be loaded."; });
  }

  // remember keeps the query in the address, for links and going back.
  function remember() {
    var query = new URLSearchParams();
    fields.forEach(function (name) { if (form.elements[name].value) query.set(name, form.elements[name].value); });
    var search = query.toString();
    history.replaceState(null, "", search ? "?" + search + location.hash : location.pathname + location.hash);
  }

  var params = new URLSearchParams(location.search);
  fields.forEach(function (name) { if (params.get(name)) form.elements[name].value = params.get(name); });
  form.addEventListener("input", function (ev) {
    clearTimeout(timer);
    timer = setTimeout(apply, ev.target.tagName === "SELECT" ? 0 : 200);
  });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
  // The small list of shards is fetched as the reader comes to the form.
  form.addEventListener("focusin", function () { get("search.json").then(function (m) { manifest = m; }, function () {}); });
  more.addEventListener("click", function () { showMore(run); });
  if (fields.some(function (name) { return params.get(name); })) apply();
})();
