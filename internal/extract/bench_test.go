package extract

import (
	"os"
	"path/filepath"
	"testing"
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
	total := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, data)
		total += len(data)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range texts {
			Extract("mix.txt", data, testWindow)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(texts)), "ns/article")
}
