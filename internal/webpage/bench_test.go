package webpage_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/webpage"
)

// readPages returns the shared corpus's saved pages, or the synthetic
// page of testdata/ when the corpus is not beside the checkout.
func readPages(b *testing.B) [][]byte {
	paths, _ := filepath.Glob(filepath.Join(corpusDir, "pages", "*.htm*"))
	if len(paths) == 0 {
		paths = []string{"testdata/article.html"}
	}
	var pages [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, data)
	}
	return pages
}

// BenchmarkExtractPages extracts every page, body and dates included, as
// the build does: its MB/s is of HTML per core.
func BenchmarkExtractPages(b *testing.B) {
	pages := readPages(b)
	var size int64
	for _, p := range pages {
		size += int64(len(p))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			extract.ExtractFile("page.html", p, extract.Options{})
		}
	}
	b.ReportMetric(float64(len(pages))*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkRead reads every page's metadata and blocks, without the
// plain-text extraction after it.
func BenchmarkRead(b *testing.B) {
	pages := readPages(b)
	var size int64
	for _, p := range pages {
		size += int64(len(p))
	}
	b.SetBytes(size)
	for b.Loop() {
		for _, p := range pages {
			if _, err := webpage.Read(p); err != nil {
				b.Fatal(err)
			}
		}
	}
}
