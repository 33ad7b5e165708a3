package build

import (
	"crypto/sha256"
	"fmt"
	"sync"

	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/timeline"
)

// ExtractCache remembers extraction results by the article's bytes and
// path, so that a rebuild extracts only the articles that changed. It is
// safe for concurrent use; the zero value is not usable, use
// NewExtractCache.
type ExtractCache struct {
	mu      sync.Mutex
	entries map[cacheKey]*extract.Article
	used    map[cacheKey]bool
}

type cacheKey struct {
	path       string
	sum        [sha256.Size]byte
	start, end timeline.Date
	names      string
}

// NewExtractCache returns an empty cache.
func NewExtractCache() *ExtractCache {
	return &ExtractCache{entries: map[cacheKey]*extract.Article{}, used: map[cacheKey]bool{}}
}

// extract returns the cached result for the article, its text data
// and metadata, or extracts it.
func (c *ExtractCache) extract(path string, data []byte, meta extract.Meta, opts extract.Options) *extract.Article {
	h := sha256.New()
	h.Write(data)
	fmt.Fprintf(h, "\x00%#v", meta)
	key := cacheKey{path: path, start: opts.WindowStart, end: opts.WindowEnd, names: opts.Names.Key()}
	h.Sum(key.sum[:0])
	c.mu.Lock()
	a, ok := c.entries[key]
	c.used[key] = true
	c.mu.Unlock()
	if ok {
		return a
	}
	a = extractText(path, data, meta, opts)
	c.mu.Lock()
	c.entries[key] = a
	c.mu.Unlock()
	return a
}

// prune forgets the results the last build did not use, so the cache
// holds one result per article however many times it changes.
func (c *ExtractCache) prune() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for key := range c.entries {
		if !c.used[key] {
			delete(c.entries, key)
		}
	}
	c.used = map[cacheKey]bool{}
}
