package content

import (
	"errors"
	"fmt"
	"hash/fnv"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/newsroom/timeline/internal/boundary"
	"github.com/newsroom/timeline/internal/dataset"
	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/parallel"
	"github.com/newsroom/timeline/internal/timeline"
	"github.com/spf13/afero"
	"gopkg.in/yaml.v3"
)

// Record is one record of a dataset file listed as an article: Article.Path
// is then the file's path, "#" and the record's id
// ("articles/guardian.csv#kyiv-ukraine-olaf-scholz").
type Record struct {
	// File is the dataset's path, relative to the content folder.
	File string
	dataset.Record
	Dataset *dataset.Dataset
}

// IsDataset reports whether an article path names a dataset file.
func IsDataset(p string) bool { return dataset.FormatOf(p) != dataset.NotDataset }

// isMappingFile reports whether p names a dataset's mapping file
// ("x.csv.yaml").
func isMappingFile(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	return (ext == ".yaml" || ext == ".yml") && IsDataset(strings.TrimSuffix(p, path.Ext(p)))
}

// maxRecordID bounds the part of an id taken from a record's URL.
const maxRecordID = 60

// recordID returns the id of a record: a slug of its URL's last path
// segments, or the dataset file's slug and the record's number.
func recordID(file string, rec dataset.Record) string {
	if u, err := url.Parse(rec.URL); err == nil && rec.URL != "" {
		segments := strings.FieldsFunc(u.Path, func(r rune) bool { return r == '/' })
		id := ""
		for i := len(segments) - 1; i >= 0 && len(id) < 12; i-- {
			seg := timeline.Slugify(strings.TrimSuffix(segments[i], path.Ext(segments[i])))
			if seg == "index" || seg == "" {
				continue
			}
			id = strings.Trim(seg+"-"+id, "-")
		}
		if id == "" {
			id = timeline.Slugify(u.Host)
		}
		if len(id) > maxRecordID {
			id = strings.TrimRight(id[:maxRecordID], "-")
		}
		if id != "" {
			return id
		}
	}
	return timeline.ArticleSlug(file) + "-" + strconv.Itoa(rec.Number)
}

// ArticleFile returns the file an article path names: the path itself,
// or a record's dataset file.
func ArticleFile(articlePath string) string {
	file, _, _ := strings.Cut(articlePath, "#")
	return file
}

// loadDatasets lists the records of the dataset files of c as articles,
// each under a unique id, reading each file once on all cores. mappings
// are the files' mapping files by dataset path.
func loadDatasets(fsys afero.Fs, c *Content, files []listedFile, mappings map[string]listedFile, ids map[string]bool, diags *diag.List) {
	type scanned struct {
		records []Record
		diags   diag.List
	}
	results := make([]scanned, len(files))
	parallel.For(0, len(files), func(i int) {
		r := &results[i]
		d := &dataset.Dataset{Path: files[i].path, Format: dataset.FormatOf(files[i].path), Location: c.Site.Location}
		var named map[string]timeline.Position
		if m, ok := mappings[files[i].path]; ok {
			if data, ok := readFile(fsys, c.Dir, m.path, &r.diags, true); ok {
				d.Mapping, named = decodeMapping(m.path, data, &r.diags)
			}
		}
		var fields dataset.Fields
		r.records, fields = scanDataset(fsys, c.Dir, d, &r.diags)
		checkMapping(d, &fields, named, &r.diags)
	})
	for i, r := range results {
		diags.Append(r.diags)
		rel := strings.TrimPrefix(files[i].path, c.Dir+"/")
		for _, rec := range r.records {
			rec.File = rel
			base := recordID(rel, rec.Record)
			id := base
			for n := 2; ids[id]; n++ {
				id = base + "-" + strconv.Itoa(n)
			}
			ids[id] = true
			// The URL gave the id; extraction reads it again with the
			// record's other fields, so the listing need not hold it.
			rec.URL = ""
			c.Articles = append(c.Articles, Article{Path: rel + "#" + id, Size: rec.Length, Record: &rec})
		}
	}
}

// ListDataset lists the records of the dataset file p, which lies in
// the folder root (its mapping file beside it, if any, is read too), as
// Load lists them; loc is the zone of timestamps without an offset.
func ListDataset(fsys afero.Fs, root, p string, loc *time.Location) ([]Article, diag.List) {
	c := &Content{Dir: root}
	c.Site.Location = loc
	var diags diag.List
	mappings := map[string]listedFile{}
	for _, ext := range []string{".yaml", ".yml"} {
		if info, err := fsys.Stat(p + ext); err == nil && !info.IsDir() {
			mappings[p] = listedFile{path: p + ext}
			break
		}
	}
	loadDatasets(fsys, c, []listedFile{{path: p}}, mappings, map[string]bool{}, &diags)
	return c.Articles, diags
}

// scanDataset lists the records of the dataset d, and returns the fields
// they hold. A file that cannot be parsed is reported with its line and
// column, and gives no records.
func scanDataset(fsys afero.Fs, root string, d *dataset.Dataset, diags *diag.List) ([]Record, dataset.Fields) {
	f, _, err := boundary.Open(fsys, root, d.Path)
	if err != nil {
		diags.Add(d.Path, 0, 0, "%v", err)
		return nil, dataset.Fields{}
	}
	defer f.Close()
	var records []Record
	fields, err := dataset.Scan(f, d.Format, &d.Mapping, func(rec dataset.Record) error {
		if rec.Length > dataset.MaxRecord {
			diags.Warn(d.Path, rec.Line, 0, "record %d: %d bytes (want at most %d); left out", rec.Number, rec.Length, dataset.MaxRecord)
			return nil
		}
		records = append(records, Record{Record: rec, Dataset: d})
		return nil
	})
	var se *dataset.SyntaxError
	switch {
	case errors.As(err, &se):
		diags.Add(d.Path, se.Line, se.Col, "%s", se.Msg)
		return nil, dataset.Fields{}
	case err != nil:
		diags.Add(d.Path, 0, 0, "%v", err)
		return nil, dataset.Fields{}
	}
	d.Header = fields.Header
	sum := datasetSum(d)
	for i := range records {
		records[i].Sum ^= sum
	}
	return records, fields
}

// datasetSum is a digest of what reading d's records needs besides their
// bytes, so a record reads as changed when its header or mapping does.
func datasetSum(d *dataset.Dataset) uint64 {
	h := fnv.New64a()
	m := d.Mapping
	fmt.Fprintf(h, "%q %q %v", d.Header, []string{m.Title, m.Date, m.URL, m.Text, m.Summary, m.Outlet, m.Author, m.DateLayout}, m.Location)
	if d.Location != nil {
		fmt.Fprint(h, d.Location.String())
	}
	return h.Sum64()
}

// decodeMapping reads a dataset's mapping file: the names of its fields
// and how to read its dates. It also returns where each field name is
// written, by the mapping's key ("date").
func decodeMapping(p string, data []byte, diags *diag.List) (dataset.Mapping, map[string]timeline.Position) {
	d := &decoder{path: p, diags: diags}
	var m dataset.Mapping
	named := map[string]timeline.Position{}
	root := d.parseYAML(data)
	if root == nil {
		return m, named
	}
	field := func(key string, out *string) func(*yaml.Node) {
		return func(n *yaml.Node) {
			d.str(key, n, out)
			named[key] = d.pos(n)
		}
	}
	d.fields(root, "mapping", map[string]func(*yaml.Node){
		"title":   field("title", &m.Title),
		"date":    field("date", &m.Date),
		"url":     field("url", &m.URL),
		"text":    field("text", &m.Text),
		"summary": field("summary", &m.Summary),
		"outlet":  field("outlet", &m.Outlet),
		"author":  field("author", &m.Author),
		"date_layout": func(n *yaml.Node) {
			d.str("date_layout", n, &m.DateLayout)
			if m.DateLayout != "" && !strings.Contains(m.DateLayout, "2006") && !strings.Contains(m.DateLayout, "06") {
				d.errorf(n, "date_layout %q: names no year (want a Go time layout written with the reference date, e.g. \"02/01/2006 15:04\")", m.DateLayout)
			}
		},
		"timezone": func(n *yaml.Node) { m.Location = d.location("timezone", n) },
	})
	return m, named
}

// location decodes a time zone name ("Europe/Kyiv", "UTC").
func (d *decoder) location(field string, n *yaml.Node) *time.Location {
	var name string
	d.str(field, n, &name)
	if name == "" {
		return nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil || strings.HasPrefix(name, "/") || strings.Contains(name, "..") {
		d.errorf(n, "%s %q: not a time zone (want an IANA name such as UTC, Europe/Kyiv or America/New_York)", field, name)
		return nil
	}
	return loc
}
