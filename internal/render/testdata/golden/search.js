// search.js filters the chronology on the index page by words, person,
// tag and phase, from the static search.json. It only enhances the page:
// without JavaScript the filter form stays hidden and every entry is
// reachable through the index, the month, phase, person and tag pages.
//
// search.json lists the months, each with the file of its entries. An
// index that lists every entry loads them all at once; a long, collapsed
// index loads them only when a filter or an old anchor needs them.
(function () {
  "use strict";
  var form = document.querySelector("form.filters");
  if (!form || !window.fetch) return;
  var indexURL = new URL(form.getAttribute("data-index"), location.href);
  var loading = null;
  getJSON(indexURL)
    .then(function (index) {
      var months = index.months || [];
      if (!document.querySelector("main li.entry")) return start([], months);
      return loadMonths(months).then(function (entries) { start(entries, null); });
    })
    .catch(function () { form.hidden = true; });

  function getJSON(url) {
    return fetch(url).then(function (r) { if (!r.ok) throw new Error("search index: HTTP " + r.status); return r.json(); });
  }

  // loadMonths fetches the entries of months, in order, each once.
  function loadMonths(months) {
    if (!loading) {
      loading = Promise.all(months.map(function (m) { return getJSON(new URL(m.u, indexURL)); }))
        .then(function (parts) {
          var entries = [];
          parts.forEach(function (p) { entries = entries.concat(p.entries || []); });
          entries.forEach(function (e) { e.text = [e.t, e.s || "", e.d].join(" ").toLowerCase(); });
          return entries;
        });
    }
    return loading;
  }

  // start sets the filter up with entries, or, when pending lists months
  // not loaded yet, loads them on first need.
  function start(entries, pending) {
    var total = entries.length;
    if (pending) {
      pending.forEach(function (m) { total += m.n || 0; });
      if (location.hash) loadMonths(pending).then(followOldAnchor);
    } else {
      followOldAnchor(entries);
    }
    var status = form.querySelector(".filter-status");
    var results = form.querySelector(".results");
    var items = document.querySelectorAll("main li.entry");
    var groups = document.querySelectorAll("main .day, main .month, main .phase");
    var params = new URLSearchParams(location.search);
    ["q", "person", "tag", "phase"].forEach(function (name) {
      if (params.get(name)) form.elements[name].value = params.get(name);
    });
    form.hidden = false;

    function matches(e, words, person, tag, phase) {
      return words.every(function (w) { return e.text.indexOf(w) >= 0; }) &&
        (!person || (e.p || []).indexOf(person) >= 0) &&
        (!tag || (e.g || []).indexOf(tag) >= 0) &&
        (!phase || e.ph === phase);
    }

    function apply() {
      if (pending && isActive()) {
        status.textContent = "Searching…";
        loadMonths(pending).then(function (all) { entries = all; pending = null; apply(); })
          .catch(function () { status.textContent = "The search index could not be loaded."; });
        return;
      }
      var words = form.elements.q.value.toLowerCase().split(/\s+/).filter(Boolean);
      var person = form.elements.person.value, tag = form.elements.tag.value, phase = form.elements.phase.value;
      var active = words.length > 0 || person || tag || phase;
      var shown = {}, count = 0;
      entries.forEach(function (e) {
        if (!active || matches(e, words, person, tag, phase)) { shown[e.id] = e; count++; }
      });
      if (items.length) {
        items.forEach(function (li) { li.hidden = !shown[li.id]; });
        groups.forEach(function (g) { g.hidden = active && !g.querySelector("li.entry:not([hidden])"); });
      } else {
        showResults(active ? entries.filter(function (e) { return shown[e.id]; }) : []);
      }
      status.textContent = active ? count + " of " + total + " entries match." : "";
      var query = new URLSearchParams();
      ["q", "person", "tag", "phase"].forEach(function (name) {
        if (form.elements[name].value) query.set(name, form.elements[name].value);
      });
      var search = query.toString();
      history.replaceState(null, "", search ? "?" + search + location.hash : location.pathname + location.hash);
    }

    // showResults lists matches on a collapsed index, which holds no entries.
    function showResults(list) {
      results.textContent = "";
      list.slice(0, 200).forEach(function (e) {
        var li = document.createElement("li");
        li.className = "entry";
        var a = document.createElement("a");
        a.href = e.u;
        a.textContent = e.t;
        li.appendChild(document.createTextNode(e.d + ": "));
        li.appendChild(a);
        results.appendChild(li);
      });
      results.hidden = list.length === 0;
    }

    function isActive() {
      return ["q", "person", "tag", "phase"].some(function (name) { return form.elements[name].value.trim() !== ""; });
    }

    form.addEventListener("input", apply);
    form.addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
    if (params.toString()) apply();
  }

  // followOldAnchor sends a link to #entry-id that the page no longer
  // holds (a collapsed index) to the entry's own page.
  function followOldAnchor(entries) {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id || document.getElementById(id)) return;
    for (var i = 0; i < entries.length; i++) {
      if (entries[i].id === id) { location.replace(entries[i].u); return; }
    }
  }
})();
