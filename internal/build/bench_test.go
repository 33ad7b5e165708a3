package build

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/merge"
	"github.com/newsroom/timeline/internal/render"
	"github.com/newsroom/timeline/internal/sitetest"
	"github.com/newsroom/timeline/internal/synth"
	"github.com/newsroom/timeline/templates"
	"github.com/spf13/afero"
)

// benchArticles is the size of the benchmarks' synthetic corpus: raw
// articles, plus a tenth as many Markdown ones.
const benchArticles = 1000

var (
	corpusOnce sync.Once
	corpus     afero.Fs
	corpusErr  error
)

// benchCorpus returns the synthetic corpus, generated once in memory,
// with its content folder at "site/content". Builds must copy it first
// (see benchFs), since they write into their file system.
func benchCorpus(b *testing.B) afero.Fs {
	b.Helper()
	corpusOnce.Do(func() {
		corpus = afero.NewMemMapFs()
		corpusErr = synth.Generate(corpus, "site", synth.Options{Articles: benchArticles, Markdown: benchArticles / 10, Seed: 1})
	})
	if corpusErr != nil {
		b.Fatal(corpusErr)
	}
	return corpus
}

// benchFs returns a fresh in-memory copy of the corpus.
func benchFs(b *testing.B) afero.Fs {
	b.Helper()
	dst := afero.NewMemMapFs()
	sitetest.CopyTree(b, dst, "site", benchCorpus(b), "site")
	return dst
}

func benchOptions() Options {
	return Options{ContentDir: "site/content", TemplatesDir: "site/templates", OutputDir: "site/public", DefaultTemplates: templates.FS}
}

// load runs the load stage, failing the benchmark on errors.
func load(b *testing.B, fsys afero.Fs) *content.Content {
	b.Helper()
	c, diags := content.Load(fsys, "site/content")
	if err := diags.Err(); err != nil {
		b.Fatal(err)
	}
	return c
}

// reportArticles reports throughput in articles per second.
func reportArticles(b *testing.B) {
	b.ReportMetric(float64(b.N)*benchArticles*1.1/b.Elapsed().Seconds(), "articles/s")
}

func BenchmarkLoad(b *testing.B) {
	fsys := benchCorpus(b)
	b.ReportAllocs()
	for b.Loop() {
		load(b, fsys)
	}
	reportArticles(b)
}

func BenchmarkExtract(b *testing.B) {
	fsys := benchCorpus(b)
	c := load(b, fsys)
	opts := extractOptions(c)
	b.ReportAllocs()
	for b.Loop() {
		extractAll(fsys, c, opts, 0, nil)
	}
	reportArticles(b)
}

// BenchmarkMerge merges the same inputs each time: Merge leaves them as
// they were, so every run does the whole work.
func BenchmarkMerge(b *testing.B) {
	fsys := benchCorpus(b)
	c := load(b, fsys)
	articles, _ := extractAll(fsys, c, extractOptions(c), 0, nil)
	b.ReportAllocs()
	for b.Loop() {
		merge.Merge(c, articles)
	}
	reportArticles(b)
}

// BenchmarkRender renders the whole site into render.Discard.
func BenchmarkRender(b *testing.B) {
	p := Prepare(benchCorpus(b), benchOptions())
	if err := p.Diags.Err(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := render.Render(p.Chronology, p.Templates, render.Options{}, render.Discard); err != nil {
			b.Fatal(err)
		}
	}
	reportArticles(b)
}

// BenchmarkBuild runs the whole pipeline, writing into an in-memory
// file system; each build replaces the previous one's output.
func BenchmarkBuild(b *testing.B) {
	fsys := benchFs(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(fsys, benchOptions()); err != nil {
			b.Fatal(err)
		}
	}
	reportArticles(b)
}

// BenchmarkSessionEdit measures the preview's rebuild after one raw
// article of a 10,000-article corpus is edited, on disk (the test's
// temporary folder): re-extracting it, merging, rendering the pages
// whose inputs changed and writing those that differ. "body" adds a
// sentence to its body, which changes its own pages; "headline" changes
// the line its headline is read from, which also changes its
// neighbours' pages, the listings it is on and the exports. Like gen
// serve, it collects the garbage between rebuilds, outside the timed
// part.
func BenchmarkSessionEdit(b *testing.B) {
	fsys := afero.NewBasePathFs(afero.NewOsFs(), b.TempDir())
	if err := synth.Generate(fsys, "site", synth.Options{Articles: 10000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	sess := NewSession(fsys, benchOptions())
	if _, err := sess.Build(nil); err != nil {
		b.Fatal(err)
	}
	names, err := afero.ReadDir(fsys, "site/content/articles")
	if err != nil {
		b.Fatal(err)
	}
	edited := "site/content/articles/" + names[len(names)/2].Name()
	original, err := afero.ReadFile(fsys, edited)
	if err != nil {
		b.Fatal(err)
	}
	var headline string
	for _, a := range sess.chron.Articles {
		if "site/content/"+a.Path == edited {
			headline = a.Title
		}
	}
	// A leading newline makes a headline on the first line a line
	// of its own like any other.
	original = append([]byte("\n"), original...)
	if headline == "" || !bytes.Contains(original, []byte("\n"+headline+"\n")) {
		b.Fatalf("%s: headline %q is not a line of its own", edited, headline)
	}
	edits := []struct {
		name string
		edit func(i int) string
	}{
		{"body", func(i int) string {
			half := bytes.Index(original[len(original)/2:], []byte("\n\n")) + len(original)/2
			return fmt.Sprintf("%s\n\nOfficials declined to comment further on the talks, a spokesman said in revision %d.%s", original[1:half], i, original[half:])
		}},
		{"headline", func(i int) string {
			// The line that is the article's headline as extracted: a
			// scraped page may open with a site's navigation instead.
			line := []byte("\n" + headline + "\n")
			return string(bytes.Replace(original, line, fmt.Appendf(nil, "\n%s, revision %d\n", headline, i), 1)[1:])
		}},
	}
	for _, edit := range edits {
		b.Run(edit.name, func(b *testing.B) {
			var written, kept int
			var timings Timings
			var cpuSum time.Duration
			for i := 0; b.Loop(); i++ {
				if err := afero.WriteFile(fsys, edited, []byte(edit.edit(i)), 0o644); err != nil {
					b.Fatal(err)
				}
				// gen serve collects the garbage after each rebuild, while
				// the editor looks at the page; so does the benchmark,
				// untimed.
				b.StopTimer()
				runtime.GC()
				b.StartTimer()
				cpu := sitetest.CPUTime()
				res, err := sess.Build([]string{edited})
				cpuSum += sitetest.CPUTime() - cpu
				if err != nil {
					b.Fatal(err)
				}
				written, kept, timings = res.Written, res.Kept, res.Timings
			}
			// The process's processor time in the rebuilds, the
			// collection during them included: on a shared machine,
			// steadier than the wall time.
			b.ReportMetric(float64(cpuSum)/float64(b.N), "cpu-ns/op")
			b.Logf("last rebuild: %s", timings)
			b.ReportMetric(float64(written), "written/op")
			b.ReportMetric(float64(kept), "kept/op")
		})
	}
}
