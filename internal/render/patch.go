package render

import (
	"fmt"
	"slices"
	"unsafe"

	"github.com/newsroom/timeline/internal/timeline"
)

// An edit to the body of a raw article, and nothing else, changes few
// files: its article's page, its entry's page and the feeds, when the
// entry is among the latest. RenderBodies renders those alone, where a
// Render would also file every entry under its terms, key every page,
// and list the pages it keeps; at 10,000 articles that is most of a
// preview rebuild.
//
// It relies on what the stock templates show of a body: the entry and
// article pages show their own entry's or article's body, and an entry
// page its neighbours' and its Contact's entries; every other page and
// export shows an entry's lede (its summary, when it has one) and none of
// its body, but the feeds, which carry the latest entries' bodies.
// TestRenderBodiesMatchesRender compares its files with a full Render's.

// A BodyEdit is the new body of an extracted article whose other fields
// are as the chronology holds them: its blocks and captions.
type BodyEdit struct {
	// Article is the article's path, as timeline.Article.Path has it.
	Article  string
	Blocks   []timeline.Block
	Captions []string
}

// RenderBodies renders again, after the Render or RenderBodies that left
// prev (through Options.Next), the files that show the bodies edits
// change, emits them, and hands every other file of prev to opts.Keep
// (or keeps them all with opts.KeepRest).
// It returns the chronology with the new bodies. opts.Next, when set,
// receives the State for the next Render.
//
// It returns false, having done nothing, when the edits call for a full
// Render:
//   - prev holds no renderer (its Render had no Options.Next) or its
//     Render read bodies (Options.Bodies);
//   - the page templates are not the defaults (see Templates.stock);
//   - an edited article is not in the chronology once, or is edited
//     twice, or an entry told from it does not hold its body, or has no
//     summary: its lede, on listings and in the exports, would be its
//     body's first paragraph.
func RenderBodies(prev *State, edits []BodyEdit, opts Options, emit Emit) (*timeline.Chronology, bool, error) {
	if prev == nil {
		return nil, false, nil
	}
	base := prev.base
	if base == nil || base.opts.Bodies != nil || !base.t.stock || len(edits) == 0 || len(prev.sitemapFiles) == 0 {
		return nil, false, nil
	}
	old := base.chron
	chron := *old
	chron.Entries, chron.Articles = slices.Clone(old.Entries), slices.Clone(old.Articles)

	// renew replaces entry i of chron by a copy that fn changes, once.
	renewed := map[*timeline.Entry]*timeline.Entry{}
	renew := func(i int, fn func(e *timeline.Entry)) {
		e := chron.Entries[i]
		if renewed[old.Entries[i]] == nil {
			c := *e
			e = &c
			chron.Entries[i], renewed[old.Entries[i]] = e, e
		}
		fn(e)
	}
	entryPages := map[int]bool{}
	var articlePages []int
	feeds := false
	for _, ed := range edits {
		at := -1
		for i, a := range old.Articles {
			if a.Path == ed.Article {
				if at >= 0 {
					return nil, false, nil
				}
				at = i
			}
		}
		if at < 0 || slices.Contains(articlePages, at) {
			return nil, false, nil
		}
		was := old.Articles[at]
		a := *was
		a.Blocks, a.Captions = ed.Blocks, ed.Captions
		chron.Articles[at] = &a
		articlePages = append(articlePages, at)
		for i, e := range old.Entries {
			if e.Article != ed.Article {
				continue
			}
			if e.Summary == "" || idOf(e.Blocks) != idOf(was.Blocks) || !sameSlice(e.Captions, was.Captions) {
				return nil, false, nil
			}
			renew(i, func(e *timeline.Entry) { e.Blocks, e.Captions = ed.Blocks, ed.Captions })
			for _, j := range []int{i - 1, i, i + 1} {
				if j >= 0 && j < len(old.Entries) {
					entryPages[j] = true
				}
			}
			feeds = feeds || i >= len(old.Entries)-FeedLimit
		}
	}
	// An entry page shows the last time its participants spoke: that
	// entry's copy takes the place of the old one.
	for i, e := range old.Entries {
		if e.Contact == nil || renewed[e.Contact.Previous] == nil {
			continue
		}
		renew(i, func(e *timeline.Entry) {
			c := *e.Contact
			c.Previous = renewed[c.Previous]
			e.Contact = &c
		})
		entryPages[i] = true
	}

	r := *base
	r.chron, r.opts = &chron, opts
	r.opts.Previous = nil
	r.emit = func(p string, data []byte) error {
		if !ValidOutputPath(p) {
			return fmt.Errorf("render: output path %q would leave the output folder (want a relative path without ..)", p)
		}
		return emit(p, data)
	}
	var jobs []job
	for _, i := range sortedInts(entryPages) {
		jobs = append(jobs, r.entryJob(i, base.filed[i]))
	}
	for _, i := range articlePages {
		jobs = append(jobs, r.articleJob(i))
	}
	if feeds {
		jobs = append(jobs, r.feeds()...)
	}
	if err := r.run(jobs); err != nil {
		return nil, true, err
	}

	rendered := make(map[string]bool, len(jobs))
	for _, j := range jobs {
		rendered[j.path] = true
	}
	var keys []uint64
	if opts.Next != nil {
		// The pages rendered no longer match their keys: the next Render
		// makes them again.
		keys = slices.Clone(prev.keys)
		for i, p := range prev.paths {
			if rendered[p] {
				keys[i] = 0
			}
		}
	}
	if opts.KeepRest != nil {
		opts.KeepRest()
	} else {
		keep := append(sortedKeys(base.t.assets), "robots.txt")
		keep = append(keep, prev.sitemapFiles...)
		for _, p := range prev.paths {
			if !rendered[p] {
				keep = append(keep, p)
			}
		}
		if err := opts.Keep(keep); err != nil {
			return nil, true, err
		}
	}
	if next := opts.Next; next != nil {
		next.paths, next.keys = prev.paths, keys
		next.cards, next.exports = prev.cards, prev.exports
		next.sitemapKey, next.sitemapFiles = prev.sitemapKey, prev.sitemapFiles
		next.global, next.entries, next.articles = prev.global, prev.entries, prev.articles
		b := *base
		b.chron = &chron
		next.base = &b
	}
	return &chron, true, nil
}

// forPatches returns a copy of r for a later RenderBodies: without what
// only this Render needs, nor the previous State, which would otherwise
// stay alive from one Render to the next.
func (r *renderer) forPatches() *renderer {
	b := *r
	b.opts = Options{Workers: r.opts.Workers, Recycle: r.opts.Recycle, Bodies: r.opts.Bodies}
	b.emit, b.keys, b.memo = nil, nil, nil
	b.filed = r.chron.Entries
	return &b
}

// sameSlice reports whether a and b are the same slice: the same length,
// and the same array when not empty.
func sameSlice[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || unsafe.SliceData(a) == unsafe.SliceData(b))
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
