package render

import (
	"fmt"

	"github.com/newsroom/timeline/internal/timeline"
)

// State is what one Render leaves for the next Render of the same site in
// the same process, as the preview server does after each edit: the key
// of every page it made (see keys.go) and the cards it executed. With
// Options.Previous, a page whose key is unchanged is not rendered again
// but kept where the previous Render's files are, and a card whose entry
// is unchanged is not executed again; so one edited article costs its
// pages, its neighbours' and the listings and exports it is on.
type State struct {
	// keys holds the key of each page, by output path.
	keys map[string]uint64
	// cards holds the executed cards by their entry's key.
	cards map[uint64]*card
	// global is the key every page's key starts from (see keyer); entries
	// and articles hold the keys of the Render's entries and articles, in
	// the order of its chronology.
	global   uint64
	entries  []entryKeys
	articles []articleKeys
	// exports holds each entry's bytes in the JSON exports.
	exports map[memoKey][]byte
}

// NewState returns an empty State, for Options.Next.
func NewState() *State {
	return &State{keys: map[string]uint64{}, cards: map[uint64]*card{}, exports: map[memoKey][]byte{}}
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

// kept reports whether the page at path can be kept from the previous
// Render: it was made then with the same key.
func (r *renderer) kept(path string, key uint64) bool {
	prev := r.opts.Previous
	if prev == nil || key == 0 || r.keys == nil || r.keys.broken {
		return false
	}
	old, ok := prev.keys[path]
	return ok && old == key
}

// keep passes the kept pages to Options.Keep.
func (r *renderer) keep(paths []string) error {
	if r.opts.Keep == nil {
		return fmt.Errorf("render: page %s kept without Options.Keep", paths[0])
	}
	return r.opts.Keep(paths)
}

// record notes the keys of jobs in Options.Next.
func (r *renderer) record(jobs []job) {
	if r.opts.Next == nil {
		return
	}
	for _, j := range jobs {
		if j.key != 0 {
			r.opts.Next.keys[j.path] = j.key
		}
	}
}
