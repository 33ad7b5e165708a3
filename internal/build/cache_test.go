package build

import (
	"testing"

	"github.com/newsroom/timeline/internal/extract"
)

func TestExtractCacheReusesUnchangedArticles(t *testing.T) {
	cache := NewExtractCache()
	opts := extract.Options{}
	first := cache.extract("articles/a.txt", []byte("Headline\n\nBody one."), extract.Meta{}, opts)
	cache.prune()
	if again := cache.extract("articles/a.txt", []byte("Headline\n\nBody one."), extract.Meta{}, opts); again != first {
		t.Error("unchanged article extracted again")
	}
	changed := cache.extract("articles/a.txt", []byte("Headline\n\nBody two."), extract.Meta{}, opts)
	if changed == first {
		t.Error("changed article served from the cache")
	}
	cache.prune()
	if n := len(cache.entries); n != 2 {
		t.Fatalf("cache holds %d results after a build using two, want 2", n)
	}
	cache.extract("articles/a.txt", []byte("Headline\n\nBody two."), extract.Meta{}, opts)
	cache.prune()
	if n := len(cache.entries); n != 1 {
		t.Errorf("cache holds %d results after a build using one, want 1", n)
	}
}
