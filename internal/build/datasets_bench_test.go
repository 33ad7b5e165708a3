package build

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"path"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/content"
	"github.com/spf13/afero"
)

// datasetBenchFs returns an in-memory content folder whose articles are
// the benchmark corpus's raw articles as one dataset file of the given
// extension (.jsonl or .csv), each with a URL, a title and a date.
func datasetBenchFs(b *testing.B, ext string) (afero.Fs, int64) {
	b.Helper()
	src := benchCorpus(b)
	files, err := afero.ReadDir(src, "site/content/articles")
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if ext == ".csv" {
		_ = w.Write([]string{"title", "date", "url", "text"})
	}
	n := 0
	for _, f := range files {
		if !strings.HasSuffix(f.Name(), ".txt") {
			continue
		}
		text, err := afero.ReadFile(src, path.Join("site/content/articles", f.Name()))
		if err != nil {
			b.Fatal(err)
		}
		n++
		title := fmt.Sprintf("Report %d", n)
		date := fmt.Sprintf("2022-%02d-%02dT10:00:00Z", 1+n%9, 1+n%28)
		url := "https://example.org/news/" + strings.TrimSuffix(f.Name(), ".txt")
		if ext == ".csv" {
			_ = w.Write([]string{title, date, url, string(text)})
			continue
		}
		line, _ := json.Marshal(map[string]string{"title": title, "publishedAt": date, "url": url, "text": string(text)})
		buf.Write(append(line, '\n'))
	}
	w.Flush()
	fsys := afero.NewMemMapFs()
	site, _ := afero.ReadFile(src, "site/content/site.yaml")
	_ = afero.WriteFile(fsys, "content/site.yaml", site, 0o644)
	_ = afero.WriteFile(fsys, "content/articles/feed"+ext, buf.Bytes(), 0o644)
	return fsys, int64(buf.Len())
}

// benchmarkDataset lists and extracts every record of the dataset on
// one core, and reports records/s.
func benchmarkDataset(b *testing.B, ext string) {
	fsys, size := datasetBenchFs(b, ext)
	b.SetBytes(size)
	records := 0
	for b.Loop() {
		_, articles := loadAndExtract(b, fsys, "content", 1)
		records = len(articles)
	}
	b.ReportMetric(float64(records)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
}

// BenchmarkDatasetJSONL lists and extracts the records of a JSON Lines
// dataset, one core: go test ./internal/build -bench Dataset -run ^$
func BenchmarkDatasetJSONL(b *testing.B) { benchmarkDataset(b, ".jsonl") }

// BenchmarkDatasetCSV is BenchmarkDatasetJSONL for a CSV dataset.
func BenchmarkDatasetCSV(b *testing.B) { benchmarkDataset(b, ".csv") }

// BenchmarkDatasetTextFiles extracts the same articles as separate text
// files, one core, for comparison.
func BenchmarkDatasetTextFiles(b *testing.B) {
	fsys := benchFs(b)
	records := 0
	for b.Loop() {
		c, _ := content.Load(fsys, "site/content")
		articles, _ := extractAll(fsys, c, extractOptions(c), 1, nil)
		records = len(articles)
	}
	b.ReportMetric(float64(records)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
}
