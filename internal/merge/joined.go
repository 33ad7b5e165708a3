package merge

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/timeline"
)

// joining is an article whose entry joins the chronology, before
// automatic merging.
type joining struct {
	entry    *timeline.Entry
	page     *timeline.Article
	ann      *content.Annotation
	dateline string
	// blocks and kept are the article's paragraphs and its kept opening
	// (report.blocks).
	blocks []timeline.Block
	kept   string
	check  *entryCheck
}

// merged is what automatic merging made of the joining articles.
type merged struct {
	// kept are the articles whose entries stay in the chronology: one per
	// event, the merged ones holding every report; dropped are the
	// checks of the others' entries, whose problems still count.
	kept    []joining
	dropped []*entryCheck
	// redirects and joins go to the chronology (timeline.Chronology).
	redirects []timeline.Redirect
	joins     []timeline.Join
}

// mergeReports joins the articles, and the editors' entries, that tell
// one event (see docs/merging.md): an article's report merges into an
// editor's entry by adding its source, and the reports of articles alone
// become the entry of the earliest, or the one an event: names. The
// editors' entries are those of the chronology so far, already copied.
func mergeReports(editors []*timeline.Entry, articles []joining, m *Merger, diags *diag.List) merged {
	reports, byID, fresh := collectReports(editors, articles, m)
	g := newGroups(reports)
	g.joinEvents(byID)
	if m != nil {
		m.prev.known = g.joinSimilar(0, m.prev.candidatePairs(reports, fresh), fresh, m.prev.known)
	} else {
		g.joinSimilar(0, candidatePairs(reports), nil, nil)
	}
	out := merged{kept: make([]joining, 0, len(reports))}
	inGroup := make([]bool, len(reports))
	for _, m := range g.members() {
		for _, i := range m {
			inGroup[i] = true
		}
		out.mergeGroup(reports, m)
	}
	for i := range reports {
		if r := &reports[i]; !inGroup[i] && r.page != nil {
			out.kept = append(out.kept, joining{entry: r.entry, page: r.page, check: r.check})
		}
	}
	out.report(g)
	reportUnknownEvents(reports, byID, diags)
	return out
}

// collectReports returns the reports of editors' entries and articles in
// key order, described and weighed, the index of each report an
// annotation's event: names (the first with that id), and with a Merger
// which reports were weighed anew (describeAll).
func collectReports(editors []*timeline.Entry, articles []joining, m *Merger) ([]report, map[string]int32, []bool) {
	reports := inKeyOrder(editors, articles)
	fresh := describeAll(reports, m)
	byID := map[string]int32{}
	for i := range reports {
		if id := reports[i].event; id != "" {
			byID[id] = -1
		}
	}
	for i := range reports {
		if at, named := byID[reports[i].entry.ID]; named && at < 0 {
			byID[reports[i].entry.ID] = int32(i)
		}
	}
	maps.DeleteFunc(byID, func(_ string, at int32) bool { return at < 0 })
	return reports, byID, fresh
}

// inKeyOrder returns the reports of editors' entries and articles,
// sorted by key: the editors' entries' and the articles' are sorted
// apart (the articles come sorted by path as a rule, which costs a
// look), then merged, an editor's first on equal keys. Reports are
// large: each is written once, in its place.
func inKeyOrder(editors []*timeline.Entry, articles []joining) []report {
	own := make([]report, 0, len(editors))
	for _, e := range editors {
		own = append(own, report{entry: e, key: "entry:" + e.ID})
	}
	slices.SortFunc(own, func(a, b report) int { return strings.Compare(a.key, b.key) })
	for i := 1; i < len(articles); i++ {
		if articles[i].page.Path < articles[i-1].page.Path {
			articles = slices.Clone(articles)
			slices.SortFunc(articles, func(a, b joining) int { return strings.Compare(a.page.Path, b.page.Path) })
			break
		}
	}
	reports := make([]report, 0, len(editors)+len(articles))
	for _, a := range articles {
		for len(own) > 0 && own[0].key <= a.page.Path {
			reports, own = append(reports, own[0]), own[1:]
		}
		r := report{entry: a.entry, page: a.page, blocks: a.blocks, kept: a.kept, dateline: a.dateline, key: a.page.Path, check: a.check}
		if a.ann != nil {
			r.separate, r.event, r.eventAt = a.ann.Separate, a.ann.Event, a.ann.Fields.At("event", a.ann.Origin)
		}
		reports = append(reports, r)
	}
	return append(reports, own...)
}

// reportUnknownEvents reports each event: that names no report.
func reportUnknownEvents(reports []report, byID map[string]int32, diags *diag.List) {
	for i := range reports {
		r := &reports[i]
		if _, ok := byID[r.event]; r.event != "" && !ok {
			addAt(diags, r.eventAt, "event %q: no entry or dated article has this id (want the id of an entry of the chronology, as its page's URL shows it)", r.event)
		}
	}
}

// closestMisses returns, for each report, the near miss of g that came
// closest to joining it (by strength, ties to the first), among those
// whose reports ended in different groups, in index order: one line per
// report at most, however many reports a busy day has.
func closestMisses(g *groups) []agreement {
	best := map[int32]agreement{}
	for _, p := range g.near {
		if g.root(p.a) == g.root(p.b) {
			continue
		}
		if q, seen := best[p.b]; !seen || p.strength > q.strength {
			best[p.b] = p
		}
	}
	out := make([]agreement, 0, len(best))
	for _, p := range best {
		out = append(out, p)
	}
	slices.SortFunc(out, func(x, y agreement) int { return cmp.Compare(x.b, y.b) })
	return out
}

// report records the joins and near misses of g for gen check.
func (out *merged) report(g *groups) {
	finalID := func(i int32) string { return g.reports[g.root(i)].entry.ID }
	add := func(p pairing, near bool) {
		a, b := &g.reports[p.a], &g.reports[p.b]
		if p.forced || b.page == nil {
			a, b = b, a
		}
		with := a.key
		if a.page == nil {
			with = a.entry.ID
		}
		out.joins = append(out.joins, timeline.Join{
			Path: b.entry.Origin.Path, With: with, Entry: finalID(p.b),
			Reasons: p.reasons(g.reports), Wording: p.wording, Near: near,
		})
	}
	for _, p := range g.forced {
		add(p, false)
	}
	for _, p := range g.joined {
		add(g.pairingOf(p), false)
	}
	for _, p := range closestMisses(g) {
		add(g.pairingOf(p), true)
	}
	slices.SortFunc(out.joins, func(a, b timeline.Join) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), strings.Compare(a.With, b.With))
	})
}
