// Command todataset turns a synthetic content folder (gen synth) into
// one whose raw articles are the records of a single dataset file, to
// measure builds of large datasets (docs/performance.md):
//
//	gen synth -n 100000 -out /tmp/c100k
//	go run ./scripts/todataset -format jsonl /tmp/c100k/content /tmp/d100k/content
//	/usr/bin/time -v gen build -content /tmp/d100k/content -out /tmp/d100k/public
//
// Each articles/NAME.txt becomes one record of articles/feed.jsonl (or
// feed.csv) holding the text with the metadata a news API would give:
// title, publishedAt, url, source. The title, publication date and
// outlet are the ones extraction reads from the text, so the dataset
// builds the same chronology as the text files. The URL ends in the
// file's name, so each record's id is that name as a slug; editors'
// entries and annotations naming NAME.txt are rewritten to name the
// record. Other files are copied as they are.
package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/timeline"
)

func main() {
	format := flag.String("format", "jsonl", "dataset `format`: jsonl or csv")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: todataset [-format jsonl|csv] SRC_CONTENT DST_CONTENT")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 2 || (*format != "jsonl" && *format != "csv") {
		flag.Usage()
		os.Exit(2)
	}
	if err := convert(flag.Arg(0), flag.Arg(1), *format); err != nil {
		fmt.Fprintln(os.Stderr, "todataset:", err)
		os.Exit(1)
	}
}

// convert writes dst from src, the raw articles as one dataset.
func convert(src, dst, format string) error {
	var texts []string
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if filepath.Dir(rel) == "articles" && strings.HasSuffix(rel, ".txt") {
			texts = append(texts, rel)
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.HasSuffix(p, ".yaml") {
			data = []byte(articleRef.ReplaceAllStringFunc(string(data), func(m string) string {
				name := articleRef.FindStringSubmatch(m)[1]
				return "article: articles/feed." + format + "#" + recordID(name)
			}))
		}
		return writeFile(filepath.Join(dst, rel), data)
	})
	if err != nil {
		return err
	}
	sort.Strings(texts)
	return writeDataset(src, filepath.Join(dst, "articles", "feed."+format), texts, format)
}

// articleRef is a YAML line naming a raw text article.
var articleRef = regexp.MustCompile(`article: (?:articles/)?([A-Za-z0-9_-]+)\.txt\b`)

// recordID is the id a record whose URL ends in name gets: its slug.
func recordID(name string) string { return timeline.Slugify(name) }

// writeDataset writes the articles texts of src as one dataset file.
func writeDataset(src, file string, texts []string, format string) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	cw := csv.NewWriter(w)
	if format == "csv" {
		_ = cw.Write([]string{"title", "publishedAt", "url", "source", "text"})
	}
	for _, rel := range texts {
		data, err := os.ReadFile(filepath.Join(src, rel))
		if err != nil {
			return err
		}
		a := extract.Extract(rel, data, extract.Options{})
		name := strings.TrimSuffix(filepath.Base(rel), ".txt")
		date := ""
		if a.Published.Precision == timeline.Day {
			date = a.Published.ISO() + "T12:00:00Z"
		}
		url := "https://example.org/news/" + recordID(name)
		if format == "csv" {
			if err := cw.Write([]string{a.Title, date, url, a.Outlet, string(data)}); err != nil {
				return err
			}
			continue
		}
		line, err := json.Marshal(map[string]string{"title": a.Title, "publishedAt": date, "url": url, "source": a.Outlet, "text": string(data)})
		if err != nil {
			return err
		}
		w.Write(append(line, '\n'))
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

func writeFile(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}
