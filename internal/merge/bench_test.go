package merge

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/names"
	"github.com/newsroom/timeline/internal/parallel"
	"github.com/newsroom/timeline/internal/synth"
	"github.com/spf13/afero"
)

// benchArticles is the number of raw articles of the benchmark's
// synthetic corpus: the size the preview server must rebuild quickly.
const benchArticles = 10_000

var (
	benchOnce     sync.Once
	benchContent  *content.Content
	benchExtracts []*extract.Article
	benchErr      error
)

// benchInput returns the loaded content and extracted articles of a
// synthetic corpus of benchArticles raw articles, generated in memory
// once.
func benchInput(b *testing.B) (*content.Content, []*extract.Article) {
	b.Helper()
	benchOnce.Do(func() {
		benchContent, benchExtracts, benchErr = synthInput(synth.Options{Articles: benchArticles, Seed: 1})
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchContent, benchExtracts
}

// synthInput generates a synthetic corpus in memory as opts says, loads
// it and extracts every article.
func synthInput(opts synth.Options) (*content.Content, []*extract.Article, error) {
	fsys := afero.NewMemMapFs()
	if err := synth.Generate(fsys, "site", opts); err != nil {
		return nil, nil, err
	}
	c, diags := content.Load(fsys, "site/content")
	if err := diags.Err(); err != nil {
		return nil, nil, err
	}
	xopts := extract.Options{WindowStart: c.Site.Start, WindowEnd: c.Site.End, Names: names.New(c.People)}
	articles := make([]*extract.Article, len(c.Articles))
	errs := make([]error, len(c.Articles))
	parallel.For(0, len(c.Articles), func(i int) {
		data, err := content.ReadArticle(fsys, c.Dir, c.Articles[i])
		if err != nil {
			errs[i] = err
			return
		}
		articles[i] = extract.Extract(c.Articles[i].Path, data, xopts)
	})
	return c, articles, errors.Join(errs...)
}

// BenchmarkMerge merges the same inputs again and again, as the preview
// server does when one article changes: Merge leaves its inputs as they
// were, so every run does the whole work.
func BenchmarkMerge(b *testing.B) {
	c, articles := benchInput(b)
	b.ReportAllocs()
	runs, cpu := 0, cpuTime()
	for b.Loop() {
		Merge(c, articles)
		runs++
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(runs), "cpu-ns/op")
}

// BenchmarkMergeAgain merges with one Merger after one article's
// headline changed, as the preview server does after a headline edit;
// BenchmarkMerge merges the same inputs from nothing.
func BenchmarkMergeAgain(b *testing.B) {
	benchMergeAgain(b, func(i int, a *extract.Article, _ []*extract.Article) {
		a.Title = fmt.Sprintf("%s, revision %d", a.Title, i)
	})
}

// BenchmarkMergeAgainCommonWords is BenchmarkMergeAgain with a headline
// that takes another report's words and gives them back in turn: the
// frequencies of common words change, so that every report using them
// is weighed and compared again (see docs/merging.md).
func BenchmarkMergeAgainCommonWords(b *testing.B) {
	benchMergeAgain(b, func(i int, a *extract.Article, articles []*extract.Article) {
		if i%2 == 0 {
			a.Title = articles[0].Title
		}
	})
}

// benchMergeAgain merges with one Merger after edit changed a copy of
// the middle article, on every run.
func benchMergeAgain(b *testing.B, edit func(i int, a *extract.Article, articles []*extract.Article)) {
	c, articles := benchInput(b)
	var m Merger
	m.Merge(c, articles)
	edited := slices.Clone(articles)
	runs, cpu := 0, cpuTime()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		a := *articles[len(articles)/2]
		edit(i, &a, articles)
		edited[len(articles)/2] = &a
		m.Merge(c, edited)
		runs++
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(runs), "cpu-ns/op")
}
