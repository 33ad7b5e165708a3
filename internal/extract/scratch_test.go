package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
)

// TestParallelExtract checks that extractions running at once, sharing
// the scratch pool, give what they give one at a time.
func TestParallelExtract(t *testing.T) {
	paths, _ := filepath.Glob("../../content/articles/*.txt")
	synthetic, _ := filepath.Glob("testdata/synthetic/*")
	paths = append(paths, synthetic...)
	if len(paths) == 0 {
		t.Skip("no articles")
	}
	var texts [][]byte
	var want []*Article
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, data)
		want = append(want, Extract(p, data, testWindow))
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
