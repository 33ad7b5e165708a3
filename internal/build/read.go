package build

import (
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/newsroom/timeline/internal/boundary"
	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/dataset"
	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/extract"
	"github.com/spf13/afero"
)

// readArticle reads the article a of the content folder dir: its text,
// and what its scrape says about it (extract.Meta) when it is a dataset
// record. A dataset record that cannot become an
// article is a *dataset.RecordError.
func readArticle(fsys afero.Fs, dir string, a content.Article) ([]byte, extract.Meta, error) {
	if a.Record == nil {
		data, err := content.ReadArticle(fsys, dir, a)
		return data, extract.Meta{}, err
	}
	raw, err := readRecord(fsys, dir, a.Record)
	if err != nil {
		return nil, extract.Meta{}, err
	}
	return dataset.Read(a.Record.Dataset, raw, a.Record.Record)
}

// readChecked reads the article a of c as readArticle does, with the
// warnings on its text: invalid UTF-8 in a whole file
// (content.CheckArticleText) or in a dataset record's text
// (checkRecordText). A full build and a Session read articles through
// it, so both give the same warnings.
func readChecked(fsys afero.Fs, c *content.Content, a content.Article) ([]byte, extract.Meta, diag.List, error) {
	data, meta, err := readArticle(fsys, c.Dir, a)
	if err != nil {
		return nil, extract.Meta{}, nil, err
	}
	var warnings diag.List
	if a.Record == nil {
		warnings = content.CheckArticleText(path.Join(c.Dir, a.Path), data)
	} else {
		checkRecordText(c.Dir, a, data, &warnings)
	}
	return data, meta, warnings, nil
}

// extractText extracts an article read by readArticle: a whole file by
// its kind (extract.ExtractFile), a dataset record's text with the
// metadata its fields give.
func extractText(path string, data []byte, meta extract.Meta, opts extract.Options) *extract.Article {
	if meta == (extract.Meta{}) {
		return extract.ExtractFile(path, data, opts)
	}
	return extract.ExtractWith(path, data, meta, opts)
}

// readRecord reads the bytes of one dataset record, through the content
// folder's boundary.
func readRecord(fsys afero.Fs, dir string, r *content.Record) ([]byte, error) {
	p := path.Join(dir, r.File)
	f, _, err := boundary.Open(fsys, dir, p)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	defer f.Close()
	if _, err := f.Seek(r.Offset, io.SeekStart); err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	raw := make([]byte, r.Length)
	if _, err := io.ReadFull(f, raw); err != nil {
		return nil, fmt.Errorf("%s: record %d: %w (the file changed while being read)", p, r.Number, err)
	}
	return raw, nil
}

// ExtractArticle reads and extracts the article a of the content folder
// dir, as a build does: for "gen extract".
func ExtractArticle(fsys afero.Fs, dir string, a content.Article, opts extract.Options) (*extract.Article, error) {
	return extractArticle(fsys, dir, a, opts)
}

// extractArticle reads and extracts the article a.
func extractArticle(fsys afero.Fs, dir string, a content.Article, opts extract.Options) (*extract.Article, error) {
	data, meta, err := readArticle(fsys, dir, a)
	if err != nil {
		return nil, err
	}
	return extractText(a.Path, data, meta, opts), nil
}

// articlePosition returns the file of article a, Dir-joined, and the
// line its record starts on (0 for a whole file).
func articlePosition(dir string, a content.Article) (string, int) {
	if a.Record == nil {
		return path.Join(dir, a.Path), 0
	}
	return path.Join(dir, a.Record.File), a.Record.Line
}

// placeRecords moves each problem placed at a dataset record's article
// path ("content/articles/x.csv#id", with no line), as merge places the
// problems of an article's entry, to the dataset file and the record's
// line, where an editor finds the record.
func placeRecords(c *content.Content, diags diag.List) {
	var lines map[string]int
	for i := range diags {
		d := &diags[i]
		if d.Line != 0 || !strings.Contains(d.Path, "#") {
			continue
		}
		if lines == nil {
			lines = map[string]int{}
			for _, a := range c.Articles {
				if a.Record != nil {
					lines[path.Join(c.Dir, a.Path)] = a.Record.Line
				}
			}
		}
		if line, ok := lines[d.Path]; ok {
			d.Path, d.Line = content.ArticleFile(d.Path), line
		}
	}
}

// checkRecordText warns, at the record's line, when the text of the
// dataset record a is not UTF-8 (a CSV or TSV file's bytes are taken as
// they are; JSON decoding has already replaced what is not).
func checkRecordText(dir string, a content.Article, text []byte, warnings *diag.List) {
	if utf8.Valid(text) {
		return
	}
	file, line := articlePosition(dir, a)
	warnings.Warn(file, line, 0, "record %d: invalid UTF-8 in its text (want a UTF-8 file; save it again as UTF-8)", a.Record.Number)
}

// warnConflict warns when article a's metadata and text disagree on its
// publication date, unless an annotation of a sets a date: the editor
// has then decided. It also warns when a saved page was read other than
// as written (extract.Article.Note).
func warnConflict(c *content.Content, a content.Article, x *extract.Article, warnings *diag.List) {
	if x.Note != "" {
		file, line := articlePosition(c.Dir, a)
		warnings.Warn(file, line, 0, "%s", x.Note)
	}
	if x.Conflict == "" {
		return
	}
	for _, ann := range c.Annotations {
		if ann.Article == a.Path && (slices.Contains(ann.Set, "date") || slices.Contains(ann.Set, "published")) {
			return
		}
	}
	file, line := articlePosition(c.Dir, a)
	warnings.Warn(file, line, 0, "%s (an annotation's date: decides otherwise)", x.Conflict)
}
