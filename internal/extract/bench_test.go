package extract

import (
	"path/filepath"
	"testing"

	"github.com/newsroom/timeline/internal/names"
	"github.com/newsroom/timeline/internal/sitetest"
	"github.com/newsroom/timeline/internal/synth"
	"github.com/newsroom/timeline/internal/timeline"
	"github.com/spf13/afero"
	"gopkg.in/yaml.v3"
)

// BenchmarkExtractMix extracts a mix of articles: the seeds in
// content/articles and, when the shared folder is present, the dev corpus.
// MB/s is over the bytes of the whole mix.
func BenchmarkExtractMix(b *testing.B) {
	patterns := []string{"../../content/articles/*.txt"}
	if shared := findShared(); shared != "" {
		patterns = append(patterns, filepath.Join(shared, "corpus", "articles", "*.txt"))
	}
	_, texts := readArticles(b, patterns...)
	benchExtract(b, texts, testWindow)
}

// readArticles returns the files that patterns match on the real file
// system, in pattern order, with their bytes; it skips the test or
// benchmark when they match none.
func readArticles(tb testing.TB, patterns ...string) (paths []string, texts [][]byte) {
	tb.Helper()
	for _, pattern := range patterns {
		matches, err := filepath.Glob(pattern)
		if err != nil {
			tb.Fatal(err)
		}
		paths = append(paths, matches...)
	}
	if len(paths) == 0 {
		tb.Skipf("no articles in %v", patterns)
	}
	for _, p := range paths {
		texts = append(texts, sitetest.ReadOSFile(tb, p))
	}
	return paths, texts
}

// BenchmarkExtractSynth extracts synthetic articles (internal/synth) with
// the people of the synthetic site, as a full build does: the one
// benchmark that also measures finding people (names.Matcher.Find).
func BenchmarkExtractSynth(b *testing.B) {
	texts, opts := synthArticles(b, 200)
	benchExtract(b, texts, opts)
}

// benchExtract extracts every one of texts with opts, reporting MB/s
// over their bytes and ns/article.
func benchExtract(b *testing.B, texts [][]byte, opts Options) {
	total := 0
	for _, data := range texts {
		total += len(data)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range texts {
			Extract("article.txt", data, opts)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(texts)), "ns/article")
}

// synthArticles generates n synthetic raw articles in memory and returns
// them with options holding the synthetic site's window and people.
func synthArticles(tb testing.TB, n int) ([][]byte, Options) {
	tb.Helper()
	fsys := afero.NewMemMapFs()
	if err := synth.Generate(fsys, "site", synth.Options{Articles: n, Seed: 1}); err != nil {
		tb.Fatal(err)
	}
	data, err := afero.ReadFile(fsys, "site/content/people.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	var entries []struct {
		Name    string   `yaml:"name"`
		Aliases []string `yaml:"aliases"`
	}
	if err := yaml.Unmarshal(data, &entries); err != nil {
		tb.Fatal(err)
	}
	var people []timeline.Person
	for _, e := range entries {
		people = append(people, timeline.Person{Name: e.Name, Aliases: e.Aliases})
	}
	paths, err := afero.Glob(fsys, "site/content/articles/*.txt")
	if err != nil {
		tb.Fatal(err)
	}
	var texts [][]byte
	for _, p := range paths {
		data, err := afero.ReadFile(fsys, p)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, data)
	}
	opts := Options{
		WindowStart: timeline.FromTime(synth.WindowStart),
		WindowEnd:   timeline.FromTime(synth.WindowEnd),
		Names:       names.New(people),
	}
	return texts, opts
}
