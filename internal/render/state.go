package render

import (
	"sync"

	"github.com/newsroom/timeline/internal/timeline"
)

// State is what one Render leaves for the next Render of the same site in
// the same process, as the preview server does after each edit: the key
// of every page it made (see keys.go) and the cards it executed. With
// Reuse.Last, a page whose key is unchanged is not rendered again
// but kept where the previous Render's files are, and a card whose entry
// is unchanged is not executed again; so one edited article costs its
// pages, its neighbours' and the listings and exports it is on.
type State struct {
	// paths and keys hold the output path and key of each page, in the
	// order the Render numbered its jobs (job.seq); byPath the keys by
	// path, made once a later Render needs it.
	paths      []string
	keys       []uint64
	byPathOnce sync.Once
	byPath     map[string]uint64
	// cards holds the executed cards by their entry's key.
	cards map[uint64]*card
	// sitemapKey hashes the URLs and dates the sitemaps list (0: none
	// kept); sitemapFiles are the sitemaps' paths.
	sitemapKey   uint64
	sitemapFiles []string
	// global is the key every page's key starts from (see keyer); entries
	// and articles hold the keys of the Render's entries and articles, in
	// the order of its chronology, with the entries and articles
	// themselves, which the next Render compares its own with
	// (sameEntry): the State keeps the last chronology alive.
	global   uint64
	entries  []entryKeys
	articles []articleKeys
	// exports holds each entry's bytes in the JSON exports, by export.
	exports map[string]*memoRun
	// search is the search index, with its files' keys.
	search *searchIndex
	// base is the Render's renderer, for a later Render of bodies (Reuse.Bodies): its chronology,
	// links and templates.
	base *renderer
}

// NewState returns an empty State, for Reuse.Next.
func NewState() *State {
	return &State{cards: map[uint64]*card{}, exports: map[string]*memoRun{}}
}

// entryKeys are an entry's keys (see keyer) and its body's hash.
type entryKeys struct {
	entry              *timeline.Entry
	key, heading, body uint64
}

// articleKeys are an article page's key and its body's hash.
type articleKeys struct {
	article   *timeline.Article
	key, body uint64
}

// kept reports whether the page of j can be kept from the previous
// Render: it was made then with the same key. A page is mostly found
// where it was in the previous Render's order of jobs; else by its path.
func (r *renderer) kept(j *job) bool {
	prev := r.previous()
	if prev == nil || j.key == 0 || r.keys == nil || r.keys.broken {
		return false
	}
	if j.seq < len(prev.paths) && prev.paths[j.seq] == j.path {
		return prev.keys[j.seq] == j.key
	}
	prev.byPathOnce.Do(func() {
		prev.byPath = make(map[string]uint64, len(prev.paths))
		for i, p := range prev.paths {
			prev.byPath[p] = prev.keys[i]
		}
	})
	old, ok := prev.byPath[j.path]
	return ok && old == j.key
}

// record numbers jobs after those recorded before them, and notes
// their paths and keys in Reuse.Next. Every job of the Render must be
// recorded before it runs, and in the same order in every Render.
func (r *renderer) record(jobs ...[]job) {
	next := r.next()
	if next != nil && r.recorded == 0 {
		next.paths, next.keys = nil, nil
	}
	for _, list := range jobs {
		for i := range list {
			list[i].seq = r.recorded
			r.recorded++
			if next != nil {
				next.paths, next.keys = append(next.paths, list[i].path), append(next.keys, list[i].key)
			}
		}
	}
}
