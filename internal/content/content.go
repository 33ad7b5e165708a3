// Package content is the load stage: it reads a content folder through an
// afero.Fs and hands on typed, validated values with their positions:
// each entry's Origin, and where each of its fields was written
// (Content.Positions, Annotation.Fields), so that later checks can point
// at the very line.
//
// The folder holds:
//
//	site.yaml              the site: title, description, base_url, language,
//	                       start and end of the chronology window, phases
//	people.yaml            people: name, aliases, country, roles
//	entries/*.yaml         editors' entries (one mapping, or a list of them)
//	annotations/*.yaml     corrections to extracted articles
//	articles/*.txt, *.md   source articles: raw scraped text, or Markdown
//	                       with YAML front matter
//	articles/*.html, *.htm saved web pages
//
// Every problem in every file is collected into a diag.List with its
// path:line:col; nothing stops at the first mistake.
package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newsroom/timeline/internal/boundary"
	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/parallel"
	"github.com/newsroom/timeline/internal/timeline"
	"github.com/spf13/afero"
)

// MaxFileSize is the largest content file read; larger files are reported
// instead of read, so one stray dump cannot exhaust memory.
const MaxFileSize = 8 << 20

// Content is everything read from a content folder.
type Content struct {
	// Dir is the content folder as given ("content"); paths in positions
	// are Dir-joined ("content/entries/x.yaml").
	Dir     string
	Site    timeline.Site
	People  []timeline.Person
	Entries []*timeline.Entry
	// Positions holds where each field of each entry of Entries was
	// written.
	Positions   Positions
	Annotations []*Annotation
	Articles    []Article
}

// Article is a raw source article file, listed but not yet read: the
// extract stage reads each one when it gets to it (ReadArticle), so the
// texts of a large archive are never all in memory at once.
type Article struct {
	// Path is relative to the content folder: "articles/x.txt", or for
	// one record of a dataset "articles/x.csv#id" (see Record).
	Path string
	Size int64
	// Record is where the article lies in its dataset file; nil for an
	// article that is a whole file.
	Record *Record
}

// ReadArticle reads the text of an article of the content folder dir,
// through the folder's boundary (see readFile). Its error names the
// file and wraps what went wrong.
func ReadArticle(fsys afero.Fs, dir string, a Article) ([]byte, error) {
	p := path.Join(dir, a.Path)
	data, err := boundary.ReadFile(fsys, dir, p, MaxFileSize)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	return data, nil
}

// CheckArticleText returns a warning at the line and column of the
// first byte of the raw article p's text data that is not UTF-8, or
// nil: the text is still read, as well as it can be.
func CheckArticleText(p string, data []byte) diag.List {
	if utf8.Valid(data) {
		return nil
	}
	var diags diag.List
	line, col := invalidUTF8Position(data)
	diags.Warn(p, line, col, "invalid UTF-8 (want a UTF-8 text file; save it again as UTF-8)")
	return diags
}

// articleExtensions are the extensions of the files of articles/: raw
// texts, saved web pages, Markdown, datasets and the datasets' mapping files.
var articleExtensions = []string{".txt", ".html", ".htm", ".md", ".markdown", ".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".yaml", ".yml"}

// Load reads the content folder dir from fsys. It returns what it could
// read and every problem found; the caller decides whether errors stop
// the build.
func Load(fsys afero.Fs, dir string) (*Content, diag.List) {
	c := &Content{Dir: dir, Positions: Positions{}}
	var diags diag.List
	if info, err := fsys.Stat(dir); err != nil || !info.IsDir() {
		diags.Add(dir, 0, 0, "content folder not found (want a folder holding site.yaml, entries/, articles/)")
		return c, diags
	}
	if data, ok := readFile(fsys, dir, path.Join(dir, "site.yaml"), &diags, true); ok {
		c.Site = decodeSite(path.Join(dir, "site.yaml"), data, &diags)
	}
	if data, ok := readFile(fsys, dir, path.Join(dir, "people.yaml"), &diags, false); ok {
		c.People = decodePeople(path.Join(dir, "people.yaml"), data, &diags)
	}
	for _, f := range listFiles(fsys, dir, "entries", &diags, ".yaml", ".yml") {
		p := f.path
		if data, ok := readFile(fsys, dir, p, &diags, true); ok {
			entries, positions := DecodeEntries(p, data, &diags)
			c.Entries = append(c.Entries, entries...)
			for e, f := range positions {
				c.Positions[e] = f
			}
		}
	}
	for _, f := range listFiles(fsys, dir, "annotations", &diags, ".yaml", ".yml") {
		p := f.path
		if data, ok := readFile(fsys, dir, p, &diags, true); ok {
			c.Annotations = append(c.Annotations, DecodeAnnotations(p, data, &diags)...)
		}
	}
	var markdown, datasets []listedFile
	mappings := map[string]listedFile{}
	ids := map[string]bool{}
	for _, f := range listFiles(fsys, dir, "articles", &diags, articleExtensions...) {
		rel := strings.TrimPrefix(f.path, dir+"/")
		switch {
		case IsMarkdown(rel):
			markdown = append(markdown, f)
			continue
		case IsDataset(rel):
			datasets = append(datasets, f)
			continue
		case isMappingFile(rel):
			mappings[strings.TrimSuffix(f.path, path.Ext(f.path))] = f
			continue
		case strings.HasSuffix(rel, ".yaml") || strings.HasSuffix(rel, ".yml"):
			diags.Warn(f.path, 0, 0, "ignored: a YAML file among the articles names no dataset (want X.csv.yaml beside X.csv, or annotations in annotations/)")
			continue
		}
		if f.size > MaxFileSize {
			diags.Add(f.path, 0, 0, "file is %d bytes (want at most %d; split it or remove it)", f.size, MaxFileSize)
			continue
		}
		if problem := idProblem(timeline.ArticleSlug(rel)); problem != "" {
			diags.Add(f.path, 0, 0, "id: the file name gives the id %s, which is %s (rename the file)", shortQuote(timeline.ArticleSlug(rel)), problem)
			continue
		}
		c.Articles = append(c.Articles, Article{Path: rel, Size: f.size})
		ids[timeline.ArticleSlug(rel)] = true
	}
	for p, m := range mappings {
		if !slices.ContainsFunc(datasets, func(f listedFile) bool { return f.path == p }) {
			diags.Warn(m.path, 0, 0, "ignored: a mapping file with no dataset beside it (want %s)", path.Base(p))
		}
	}
	loadDatasets(fsys, c, datasets, mappings, ids, &diags)
	sort.Slice(c.Articles, func(i, j int) bool { return c.Articles[i].Path < c.Articles[j].Path })
	loadMarkdown(fsys, c, markdown, &diags)
	return c, diags
}

// loadMarkdown reads and decodes the Markdown articles on all cores,
// adding their entries and problems in file order.
func loadMarkdown(fsys afero.Fs, c *Content, files []listedFile, diags *diag.List) {
	type decoded struct {
		entry  *timeline.Entry
		fields Fields
		diags  diag.List
	}
	results := make([]decoded, len(files))
	parallel.For(0, len(files), func(i int) {
		r := &results[i]
		if data, ok := readFile(fsys, c.Dir, files[i].path, &r.diags, true); ok {
			r.entry, r.fields = DecodeMarkdownArticle(c.Dir, strings.TrimPrefix(files[i].path, c.Dir+"/"), data, &r.diags)
		}
	})
	for _, r := range results {
		diags.Append(r.diags)
		if r.entry != nil {
			c.Entries = append(c.Entries, r.entry)
			c.Positions[r.entry] = r.fields
		}
	}
}

// listFiles returns the files under the folder sub of the content
// folder root (recursively) with one of the extensions, sorted. A
// missing folder is not an error. Every file found goes through
// boundary.Check: a symbolic link resolving outside root, a named pipe,
// a device or a socket is an error naming it, and is never opened. A
// folder named like a file (dir.txt) is not walked, and files of other
// extensions are not read: both are warnings, so nothing is silently
// ignored.
func listFiles(fsys afero.Fs, root, sub string, diags *diag.List, exts ...string) []listedFile {
	dir := path.Join(root, sub)
	var files []listedFile
	err := afero.Walk(fsys, dir, func(p string, info fs.FileInfo, err error) error {
		if err != nil {
			return err
		}
		hidden := strings.HasPrefix(info.Name(), ".") && p != dir
		if info.IsDir() {
			switch {
			case hidden:
				return fs.SkipDir
			case p != dir && hasExt(p, exts):
				diags.Warn(p, 0, 0, "a folder named like a file: not read (want %s files, not folders, under %s)", strings.Join(exts, " or "), dir)
				return fs.SkipDir
			}
			return nil
		}
		if hidden {
			return nil
		}
		info, err = boundary.Check(fsys, root, p, info)
		if err != nil {
			diags.Add(p, 0, 0, "%v", err)
			return nil
		}
		if !hasExt(p, exts) {
			diags.Warn(p, 0, 0, "ignored: not a %s file", strings.Join(exts, " or "))
			return nil
		}
		files = append(files, listedFile{path: p, size: info.Size()})
		return nil
	})
	if err != nil && !isMissing(fsys, dir) {
		diags.Add(dir, 0, 0, "read folder: %v", err)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].path < files[j].path })
	return files
}

// hasExt reports whether p ends in one of the extensions, in any case.
func hasExt(p string, exts []string) bool {
	ext := strings.ToLower(path.Ext(p))
	for _, e := range exts {
		if ext == e {
			return true
		}
	}
	return false
}

// listedFile is a file found by listFiles.
type listedFile struct {
	path string
	size int64
}

// isMissing reports whether the folder p does not exist: an optional
// folder may be absent.
func isMissing(fsys afero.Fs, p string) bool {
	_, err := fsys.Stat(p)
	return errors.Is(err, fs.ErrNotExist)
}

// readFile reads the file p of the content folder root through the
// folder's boundary (boundary.ReadFile): only a regular file inside
// root, at most MaxFileSize bytes. It reports a missing required file,
// a refused one, an unreadable one or one over MaxFileSize.
func readFile(fsys afero.Fs, root, p string, diags *diag.List, required bool) ([]byte, bool) {
	data, err := boundary.ReadFile(fsys, root, p, MaxFileSize)
	switch {
	case err == nil:
		return data, true
	case errors.Is(err, fs.ErrNotExist):
		if required {
			diags.Add(p, 0, 0, "file not found")
		}
	default:
		diags.Add(p, 0, 0, "%v", err)
	}
	return nil, false
}

func position(p string, line, col int) timeline.Position {
	return timeline.Position{Path: p, Line: line, Col: col}
}

// LoadSite reads only dir/site.yaml, for tools that need the site's frame
// (its chronology window) without the rest of the content.
func LoadSite(fsys afero.Fs, dir string) (timeline.Site, diag.List) {
	var diags diag.List
	p := path.Join(dir, "site.yaml")
	data, ok := readFile(fsys, dir, p, &diags, true)
	if !ok {
		return timeline.Site{}, diags
	}
	return decodeSite(p, data, &diags), diags
}
