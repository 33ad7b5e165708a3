package render

import (
	"fmt"
	"slices"

	"github.com/newsroom/timeline/internal/timeline"
)

// Reuse is what an incremental Render is handed by the one before it, as
// the preview server does after each edit.
//
// With Last, every page gets a key, a digest of everything its template
// is handed (keys.go); a page whose key is the same as in the Render that
// left Last is not rendered but handed to Keeper.Keep, and a listing card
// whose entry is unchanged is not executed again.
//
// With Bodies too, the chronology differs from Last's in those articles'
// bodies alone (their blocks and captions, in their entries too), and the
// Render renders only the pages that show them — the article's page, its
// entry's page and the pages next to it, and the feeds when the entry is
// among the latest — and keeps every other file with Keeper.KeepRest. The
// default page templates show a body nowhere else: listings and exports
// show an entry's lede, its summary. When that cannot be relied on (a
// page template of the site's own, an entry without a summary, whose lede
// is its body's first paragraph) the Render keys every page as it does
// without Bodies.
type Reuse struct {
	// Last is the State the previous Render left (its Next), whose files
	// are still in place; nil renders every page.
	Last *State
	// Bodies lists the articles, by path, whose body alone changed since
	// Last.
	Bodies []string
	// Keeper keeps the files of the previous Render that this one does
	// not make again.
	Keeper Keeper
	// Next, when set (see NewState), receives this Render's State, to be
	// handed as Last to the next Render once this one's files are in
	// place.
	Next *State
}

// Keeper keeps files of the previous Render in place.
type Keeper interface {
	// Keep keeps the files at paths, a batch at a time.
	Keep(paths ...string) error
	// KeepRest keeps every file of the previous Render that this one did
	// not write.
	KeepRest()
}

// previous returns the State of the last Render, or nil.
func (r *renderer) previous() *State {
	if r.opts.Reuse == nil {
		return nil
	}
	return r.opts.Reuse.Last
}

// next returns the State that receives this Render's, or nil.
func (r *renderer) next() *State {
	if r.opts.Reuse == nil {
		return nil
	}
	return r.opts.Reuse.Next
}

// keep hands the kept pages to the Keeper.
func (r *renderer) keep(paths []string) error {
	if r.opts.Reuse == nil || r.opts.Reuse.Keeper == nil {
		return fmt.Errorf("render: page %s kept without Reuse.Keeper", paths[0])
	}
	return r.opts.Reuse.Keeper.Keep(paths...)
}

// bodyPages are the pages a change to some articles' bodies alone
// changes: entry pages and article pages by index, and the feeds.
type bodyPages struct {
	entries, articles []int
	feeds             bool
}

// renderBodies renders the pages that show the bodies of opts.Reuse's
// Bodies (see Reuse), writes them and keeps every other file. It reports
// done false, having done nothing, when a full Render is called for.
func renderBodies(chron *timeline.Chronology, t *Templates, opts Options, out Output) (done bool, err error) {
	reuse := opts.Reuse
	prev := reuse.Last
	if prev == nil || prev.base == nil || reuse.Keeper == nil || len(prev.sitemapFiles) == 0 {
		return false, nil
	}
	base := prev.base
	if t != base.t || !t.stock || !sameShape(base.chron, chron) {
		return false, nil
	}
	pages, ok := pagesShowingBodies(chron, reuse.Bodies)
	if !ok {
		return false, nil
	}
	r := *base
	r.chron, r.opts = chron, opts
	r.keys, r.memo = nil, nil
	r.out = checkedOutput{out}
	var jobs []job
	for _, i := range pages.entries {
		jobs = append(jobs, r.entryJob(i, base.filed[i]))
	}
	for _, i := range pages.articles {
		jobs = append(jobs, r.articleJob(i))
	}
	if pages.feeds {
		jobs = append(jobs, r.feeds()...)
	}
	made := make([]string, len(jobs)) // run clears each job as it takes it
	for i, j := range jobs {
		made[i] = j.path
	}
	if err := r.run(jobs); err != nil {
		return true, err
	}
	reuse.Keeper.KeepRest()
	if next := reuse.Next; next != nil {
		carryState(next, prev, made)
		b := *base
		b.chron = chron
		next.base = &b
	}
	return true, nil
}

// sameShape reports whether chron has the entries and articles of was,
// in the same order: what a change to bodies alone leaves.
func sameShape(was, chron *timeline.Chronology) bool {
	if len(was.Entries) != len(chron.Entries) || len(was.Articles) != len(chron.Articles) {
		return false
	}
	for i, e := range chron.Entries {
		if e.ID != was.Entries[i].ID || e.Article != was.Entries[i].Article {
			return false
		}
	}
	for i, a := range chron.Articles {
		if a.Path != was.Articles[i].Path {
			return false
		}
	}
	return true
}

// pagesShowingBodies returns the pages that show the bodies of the
// articles at paths: each article's page; the page of each entry told
// from it, and of its neighbours, which show its title only but are the
// pages an entry page links to; the pages of entries whose contact
// interval names it; the feeds when it is among the latest. It reports
// false when an article is not in chron once, or an entry told from it
// has no summary (its lede, on listings and in the exports, would be its
// body's first paragraph).
func pagesShowingBodies(chron *timeline.Chronology, paths []string) (bodyPages, bool) {
	var pages bodyPages
	entryPages := map[int]bool{}
	changed := map[string]bool{}
	for _, p := range paths {
		at := -1
		for i, a := range chron.Articles {
			if a.Path == p {
				if at >= 0 {
					return pages, false
				}
				at = i
			}
		}
		if at < 0 || slices.Contains(pages.articles, at) {
			return pages, false
		}
		pages.articles = append(pages.articles, at)
		for i, e := range chron.Entries {
			if e.Article != p {
				continue
			}
			if e.Summary == "" {
				return pages, false
			}
			changed[e.ID] = true
			for _, j := range []int{i - 1, i, i + 1} {
				if j >= 0 && j < len(chron.Entries) {
					entryPages[j] = true
				}
			}
			pages.feeds = pages.feeds || i >= len(chron.Entries)-FeedLimit
		}
	}
	for i, e := range chron.Entries {
		if e.Contact != nil && e.Contact.Previous != nil && changed[e.Contact.Previous.ID] {
			entryPages[i] = true
		}
	}
	pages.entries = sortedInts(entryPages)
	return pages, true
}

// carryState fills next from prev for a Render that made the pages at
// paths made again and kept every other file: those pages no longer
// match their keys, so the next Render makes them again.
func carryState(next, prev *State, made []string) {
	rendered := make(map[string]bool, len(made))
	for _, p := range made {
		rendered[p] = true
	}
	keys := slices.Clone(prev.keys)
	for i, p := range prev.paths {
		if rendered[p] {
			keys[i] = 0
		}
	}
	next.paths, next.keys = prev.paths, keys
	next.cards, next.exports, next.search = prev.cards, prev.exports, prev.search
	next.sitemapKey, next.sitemapFiles = prev.sitemapKey, prev.sitemapFiles
	next.global, next.entries, next.articles = prev.global, prev.entries, prev.articles
}

// forPatches returns a copy of r for a later Render of bodies: without
// what only this Render needs, nor the previous State, which would
// otherwise stay alive from one Render to the next.
func (r *renderer) forPatches() *renderer {
	b := *r
	b.opts = Options{Workers: r.opts.Workers}
	b.out, b.keys, b.memo = nil, nil, nil
	b.filed = r.chron.Entries
	return &b
}

// sortedInts returns the members of set, in increasing order.
func sortedInts(set map[int]bool) []int {
	ints := make([]int, 0, len(set))
	for i := range set {
		ints = append(ints, i)
	}
	slices.Sort(ints)
	return ints
}
