package webpage_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/webpage"
)

// readPages returns the shared corpus's saved pages, or the synthetic
// page of testdata/ when the corpus is not beside the checkout, and sets
// b's bytes per operation to their total.
func readPages(b *testing.B) [][]byte {
	paths, _ := filepath.Glob(filepath.Join(corpusDir, "pages", "*.htm*"))
	if len(paths) == 0 {
		paths = []string{"testdata/article.html"}
	}
	var pages [][]byte
	var size int64
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, data)
		size += int64(len(data))
	}
	b.SetBytes(size)
	return pages
}

// BenchmarkExtractPages extracts every page, body and dates included, as
// the build does: its MB/s is of HTML per core.
func BenchmarkExtractPages(b *testing.B) {
	pages := readPages(b)
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
	for b.Loop() {
		for _, p := range pages {
			if _, err := webpage.Read(p, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkHostilePages reads pages built to be slow: deep nesting
// around many runs of text, many h1s, and nested elements named as
// headlines, and the 8 MB page (the article size limit) of the worst
// shape: hundreds of open elements closed many times. Each must cost
// time linear in its size, with the parser's work on each tag bounded
// by flatten's depth, not the parser's 512.
func BenchmarkHostilePages(b *testing.B) {
	deep := strings.Repeat(`<div class="headline sidebar">`, 480)
	for _, tc := range []struct{ name, page string }{
		{"deep with many runs", `<meta property="og:title" content="T">` + deep + "<h1>T</h1>" + strings.Repeat("<span>word one two</span> ", 20000)},
		{"many h1s", strings.Repeat("<h1>Headline of a story</h1><p>"+strings.Repeat("x ", 50)+"</p>", 10000)},
		{"nested headline divs", `<meta property="og:title" content="T">` + strings.Repeat(`<div class="headline">a`, 500) + strings.Repeat("<p>text text</p>", 20000)},
		{"8 MB of paragraphs in 500 open divs", strings.Repeat("<div>", 500) + strings.Repeat("<p>text text</p>", 8<<20/16)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.page)))
			for b.Loop() {
				webpage.Read([]byte(tc.page), nil)
			}
		})
	}
}
