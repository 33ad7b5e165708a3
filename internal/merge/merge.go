// Package merge is the merge stage: it turns loaded content and extracted
// articles into one Chronology.
//
// It applies editors' annotations to extracted articles, folds an article
// into the editor entry that cites it (one event, several sources),
// merges the reports that tell one event into one entry (joined.go,
// similar.go, group.go; the rule is in docs/merging.md) and lists the
// ids that stopped being separate (Chronology.Redirects) and why reports
// were joined (Chronology.Joins),
// resolves people's names to their canonical form, leaves undated
// articles out with a warning that says how to date them, orders the
// entries (see timeline.SortEntries) and computes contact intervals.
//
// It also makes the checks that need every entry at once, each reported
// at the field it is about (check.go): duplicate ids, annotations of
// missing articles, names not in people.yaml, dates outside the site's
// window, and two entries that look like one event.
package merge

import (
	"slices"
	"strings"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/parallel"
	"github.com/newsroom/timeline/internal/timeline"
)

// Merge builds the chronology from c and the articles extracted from
// c.Articles (in the same order). Problems are returned with positions.
//
// Merge never modifies its inputs: not c, nor its entries, positions,
// annotations, people or site, nor the articles or any slice they hold.
// Editor entries are copied before sources are described, names resolved
// and contacts computed, so merging the same inputs again gives an equal
// chronology and the same problems; the preview server relies on this to
// merge again after one article changes. The chronology shares read-only
// values with the inputs (texts, blocks, name lists, people, the site),
// so neither it nor the inputs may be modified while the other is in use.
//
// The articles are made into pages and entries on all cores, then join
// the chronology in order: the results never depend on scheduling.
func Merge(c *content.Content, articles []*extract.Article) (*timeline.Chronology, diag.List) {
	return merge(c, articles, nil)
}

// merge is Merge, with the descriptions m kept of its last merge's
// reports; m may be nil.
func merge(c *content.Content, articles []*extract.Article, m *Merger) (*timeline.Chronology, diag.List) {
	var diags diag.List
	chron := &timeline.Chronology{ContentDir: c.Dir, Site: c.Site, People: c.People}
	check := newChecker(c, newPeopleIndex(c.People))

	entries := slices.Grow([]*timeline.Entry(nil), len(c.Entries)+len(articles))
	pos := positions{}
	for _, e := range c.Entries {
		if !e.Draft {
			own := editorEntry(e)
			entries = append(entries, own)
			pos[own] = c.Positions[e]
		}
	}
	refs := refsByPath(c.Annotations, entries)
	for _, e := range entries {
		check.add(e, check.inspect(e, pos[e]))
	}

	made := makeArticles(c.Dir, articles, refs, check)
	if len(articles) > 0 {
		chron.Articles = made.pages
	}
	var leftOut diag.List
	joiningArticles := make([]joining, 0, len(articles))
	for i := range articles {
		page, e, f := made.pages[i], made.entries[i], &made.fates[i]
		if f.refs != nil {
			f.refs.found = true
		}
		if f.kind == excluded {
			continue
		}
		if ann := f.refs.annotation(); ann != nil {
			pos[e] = ann.Fields
		}
		for _, cite := range f.refs.citingEntries() {
			describeSource(cite, e)
		}
		switch f.kind {
		case absorbed:
			page.EntryID = f.owner.ID
		case undated:
			leftOut = append(leftOut, diag.Diagnostic{Path: e.Origin.Path, Severity: diag.Warning, Message: f.leftOut})
		case joins:
			page.EntryID = e.ID
			joiningArticles = append(joiningArticles, joining{entry: e, page: page, ann: f.refs.annotation(), dateline: articles[i].Dateline, blocks: articles[i].Blocks, kept: articles[i].Opening, check: f.check})
		}
	}
	events := mergeReports(entries, joiningArticles, m, &diags)
	for _, a := range events.kept {
		entries = append(entries, a.entry)
		check.add(a.entry, a.check)
	}
	for _, found := range events.dropped {
		check.addProblems(found)
	}
	chron.Redirects, chron.Joins = redirects(events.redirects, check.ids), events.joins
	refs.checkAnnotations(c, &diags)
	diags.Append(leftOut)
	timeline.SortEntries(entries)
	check.finish(entries, pos, &diags)
	chron.Entries = entries
	slices.SortFunc(chron.Articles, func(a, b *timeline.Article) int { return strings.Compare(a.Path, b.Path) })
	return chron, diags
}

// editorEntry returns a copy of an editor's entry that merging may
// change: its sources are its own, and its contact is left to
// computeContacts.
func editorEntry(e *timeline.Entry) *timeline.Entry {
	own := *e
	own.Sources = slices.Clone(e.Sources)
	own.Contact = nil
	return &own
}

// redirects returns the redirects whose ids no entry of the chronology
// has, ordered by From; ids holds the id of every entry (checker.ids).
func redirects(all []timeline.Redirect, ids map[string]bool) []timeline.Redirect {
	var out []timeline.Redirect
	for _, r := range all {
		if r.From != "" && !ids[r.From] {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b timeline.Redirect) int { return strings.Compare(a.From, b.From) })
	return slices.CompactFunc(out, func(a, b timeline.Redirect) bool { return a.From == b.From })
}

// forBatches calls fn with every index below n on all cores, handing
// the indices out a batch at a time: for work of a few hundred
// nanoseconds an index, as most of a merge's, handing each out apart
// costs a good part of the work.
func forBatches(n int, fn func(i int)) {
	const batch = 256
	parallel.For(0, (n+batch-1)/batch, func(b int) {
		for i := b * batch; i < min(n, (b+1)*batch); i++ {
			fn(i)
		}
	})
}
