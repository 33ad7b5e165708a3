package extract

import (
	"slices"
	"sync"

	"github.com/newsroom/timeline/internal/newsdate"
	"github.com/newsroom/timeline/internal/timeline"
)

// scratch holds the buffers an extraction needs only while it runs: the
// lines, their facts and dates. A finished extraction hands them on to
// the next one through scratches, which spares allocating and collecting
// some 30 KB per article.
type scratch struct {
	lines []span
	facts []lineFacts
	ends  []lineEnd
	dates []newsdate.Mention
	line  []byte
	// The article's lists while they grow, and sentences.
	blocks   []timeline.Block
	dropped  []Dropped
	captions []string
	sents    []span
	// ledeWords are the lede's words headline candidates are compared
	// with.
	ledeWords []string
}

// lineEnd is where a line's lower case and dates end in the shared
// buffers.
type lineEnd struct{ lower, dates int }

var scratches = sync.Pool{New: func() any { return new(scratch) }}

// getScratch returns a scratch from the pool, or a new one.
func getScratch() *scratch {
	return scratches.Get().(*scratch)
}

// sized returns s cut to n elements, all zero.
func sized[T any](s []T, n int) []T {
	s = slices.Grow(s[:0], n)[:n]
	clear(s)
	return s
}

// release returns the buffers to the pool. They still point into the
// last article's text, which stays alive until they are reused or the
// pool is emptied at a garbage collection: clearing them here would cost
// more than that article's few kilobytes.
func (s *scratch) release() {
	scratches.Put(s)
}
