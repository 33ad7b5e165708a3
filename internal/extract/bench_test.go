package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newsroom/timeline/internal/names"
	"github.com/newsroom/timeline/internal/synth"
	"github.com/newsroom/timeline/internal/timeline"
	"github.com/spf13/afero"
	"gopkg.in/yaml.v3"
)

// BenchmarkExtractMix extracts a mix of articles: the seeds in
// content/articles and, when the shared folder is present, the dev corpus.
// MB/s is over the bytes of the whole mix.
func BenchmarkExtractMix(b *testing.B) {
	paths, err := filepath.Glob("../../content/articles/*.txt")
	if err != nil || len(paths) == 0 {
		b.Skip("no articles in content/articles")
	}
	if shared := findShared(); shared != "" {
		corpus, _ := filepath.Glob(filepath.Join(shared, "corpus", "articles", "*.txt"))
		paths = append(paths, corpus...)
	}
	var texts [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, data)
	}
	benchExtract(b, texts, testWindow)
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
