package build

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/merge"
	"github.com/newsroom/timeline/internal/newsdate"
	"github.com/newsroom/timeline/internal/timeline"
	"github.com/spf13/afero"
)

// nativeDir holds the corpus records in their datasets' own formats,
// beside the checkout (see its README.md); the test skips without it.
const nativeDir = "../../../shared/corpus/native"

// nativeRecord is one record of the native corpus with its labels.
type nativeRecord struct {
	file      string // under native/
	number    int    // the record's number in file, from 1
	title     string // "" when the source has none
	published string
}

// nativeRecords reads the manifest and the labels of the native corpus.
func nativeRecords(t *testing.T) []nativeRecord {
	t.Helper()
	var manifest []struct {
		OutFile string `json:"out_file"`
		Rows    []struct {
			CorpusFile string `json:"corpus_file"`
			SourceRow  int    `json:"source_row"`
		} `json:"rows"`
	}
	var labels []struct {
		File      string  `json:"file"`
		Title     *string `json:"title"`
		Published string  `json:"published"`
	}
	readJSON(t, filepath.Join(nativeDir, "manifest.json"), &manifest)
	readJSON(t, filepath.Join(nativeDir, "../metadata.json"), &labels)
	byFile := map[string]int{}
	for i, l := range labels {
		byFile[l.File] = i
	}
	var out []nativeRecord
	for _, f := range manifest {
		rows := f.Rows
		sort.Slice(rows, func(i, j int) bool { return rows[i].SourceRow < rows[j].SourceRow })
		for n, r := range rows {
			l := labels[byFile[r.CorpusFile]]
			rec := nativeRecord{file: f.OutFile, number: n + 1, published: l.Published}
			if l.Title != nil {
				rec.title = *l.Title
			}
			out = append(out, rec)
		}
	}
	return out
}

func readJSON(t *testing.T, p string, v any) {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", p, err)
	}
}

// TestNativeDatasets builds the sample content with the 48 corpus
// records added in their datasets' own formats (CSV files of several
// layouts, GDELT text files): every record must be in the chronology
// with its publication date right to the day (±1 for zones), its event
// date not after it and its title exact. The r2nery data/ files were
// looked at while writing the field names and date forms; the others
// were held back, and are reported apart.
func TestNativeDatasets(t *testing.T) {
	if _, err := os.Stat(nativeDir); err != nil {
		t.Skip("no ../shared/corpus/native beside the checkout")
	}
	records := nativeRecords(t)
	fsys := sampleFs(t)
	disk := afero.NewBasePathFs(afero.NewOsFs(), nativeDir)
	err := afero.Walk(disk, "/", func(p string, info fs.FileInfo, err error) error {
		if err != nil || info.IsDir() || (!strings.HasSuffix(p, ".csv") && !strings.HasSuffix(p, ".txt")) {
			return err
		}
		data, err := afero.ReadFile(disk, p)
		if err != nil {
			return err
		}
		return afero.WriteFile(fsys, filepath.Join("content/articles/native", p), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	c, articles := loadAndExtract(t, fsys, "content", 0)
	chron, mergeDiags := merge.Merge(c, articles)
	if err := mergeDiags.Err(); err != nil {
		t.Fatal(err)
	}
	inChronology := map[string]bool{}
	for _, a := range chron.Articles {
		inChronology[a.Path] = a.EntryID != ""
	}
	byRecord := map[string]*extract.Article{}
	for i, a := range c.Articles {
		file := content.ArticleFile(a.Path)
		number := 1
		if a.Record != nil {
			number = a.Record.Number
		}
		byRecord[file+"#"+strconv.Itoa(number)] = articles[i]
	}
	type tally struct{ n, dated, titled int }
	var dev, held tally
	for _, r := range records {
		part := &held
		if strings.HasPrefix(r.file, "r2nery-ukraine-media/data/") {
			part = &dev
		}
		part.n++
		a := byRecord["articles/native/"+r.file+"#"+strconv.Itoa(r.number)]
		if a == nil {
			t.Errorf("%s record %d: not read", r.file, r.number)
			continue
		}
		if !inChronology[a.Path] {
			t.Errorf("%s: not in the chronology (%s)", a.Path, a.Undated)
		}
		if days := newsdate.DaysBetween(a.Published, mustDay(t, r.published)); a.Published.IsZero() || days < -1 || days > 1 {
			t.Errorf("%s: published %s (%v), want %s", a.Path, a.Published.ISO(), a.PublishedEvidence, r.published)
		} else {
			part.dated++
		}
		if !a.Event.IsZero() && a.Event.Compare(a.Published) > 0 && newsdate.DayOnly(a.Event) != newsdate.DayOnly(a.Published) {
			t.Errorf("%s: event %s after publication %s", a.Path, a.Event.ISO(), a.Published.ISO())
		}
		if r.title != "" && a.Title != r.title {
			t.Errorf("%s: title %q, want %q", a.Path, a.Title, r.title)
		} else {
			part.titled++
		}
	}
	t.Logf("looked at: %d records, %d dated right, %d titles right", dev.n, dev.dated, dev.titled)
	t.Logf("held back: %d records, %d dated right, %d titles right", held.n, held.dated, held.titled)
	if dev.n+held.n != 48 {
		t.Errorf("%d records in the manifest, want 48", dev.n+held.n)
	}
}

func mustDay(t *testing.T, s string) timeline.Date {
	t.Helper()
	d, ok := newsdate.ParseStamp(s, "", nil)
	if !ok {
		t.Fatalf("label %q: not a date", s)
	}
	return d
}

// loadAndExtract loads the content folder dir of fsys and extracts its
// articles on workers goroutines, failing on any error.
func loadAndExtract(tb testing.TB, fsys afero.Fs, dir string, workers int) (*content.Content, []*extract.Article) {
	tb.Helper()
	c, diags := content.Load(fsys, dir)
	if err := diags.Err(); err != nil {
		tb.Fatal(err)
	}
	articles, readDiags := extractAll(fsys, c, extractOptions(c), workers, nil)
	if err := readDiags.Err(); err != nil {
		tb.Fatal(err)
	}
	return c, articles
}
