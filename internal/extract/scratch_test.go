package extract

import (
	"reflect"
	"sync"
	"testing"
)

// TestParallelExtract checks that extractions running at once, sharing
// the scratch pool, give what they give one at a time.
func TestParallelExtract(t *testing.T) {
	paths, texts := readArticles(t, "../../content/articles/*.txt", "testdata/synthetic/*")
	var want []*Article
	for i, p := range paths {
		want = append(want, Extract(p, texts[i], testWindow))
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				for i, data := range texts {
					if got := Extract(paths[i], data, testWindow); !reflect.DeepEqual(got, want[i]) {
						t.Errorf("%s: extraction differs when run in parallel", paths[i])
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}
