package dataset

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/newsdate"
	"github.com/newsroom/timeline/internal/timeline"
)

// commonNames are the field names recognised for each part of an
// article, normalised (see normalise), in order of preference.
var commonNames = struct {
	title, date, url, text, summary, outlet, author []string
}{
	title:   []string{"title", "headline", "heading"},
	date:    []string{"datepublished", "publishedat", "publisheddate", "publishedtime", "published", "webpublicationdate", "pubdate", "date"},
	url:     []string{"url", "link", "weburl", "articleurl"},
	text:    []string{"text", "body", "content", "article", "articles"},
	summary: []string{"summary", "description"},
	outlet:  []string{"sourcename", "source.name", "provider.name", "publisher.name", "publisher", "source"},
	author:  []string{"author", "byline", "authors", "author.name"},
}

// normalise lowercases a field name and drops what separates its words
// ("Article Url", "article_url" and "articleUrl" are one name); the dots
// of nested keys stay.
func normalise(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r > 127 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// record is one record's fields by normalised name, with the names as
// written.
type record struct {
	values map[string]string
	names  map[string]string
}

func (r *record) add(name, value string) {
	key := normalise(name)
	if _, dup := r.values[key]; dup {
		return
	}
	r.values[key], r.names[key] = value, name
}

// pick returns the first non-empty field of names (or the one field
// mapped), with the name as written.
func (r *record) pick(mapped string, names []string) (value, name string) {
	if mapped != "" {
		names = []string{normalise(mapped)}
	}
	for _, n := range names {
		if v := strings.TrimSpace(r.values[n]); v != "" {
			return v, r.names[n]
		}
	}
	return "", ""
}

// column returns the index in header of the field mapped, or else of
// the first of names present; -1 when none is.
func column(header []string, mapped string, names []string) int {
	if mapped != "" {
		names = []string{normalise(mapped)}
	}
	for _, n := range names {
		for i, h := range header {
			if normalise(h) == n {
				return i
			}
		}
	}
	return -1
}

// Read turns the bytes of one record of d into the article's text and
// the metadata its fields give. A record that cannot become an article
// (broken JSON, no text, a date that does not parse, a text over
// MaxText) is a *RecordError.
func Read(d *Dataset, raw []byte, rec Record) ([]byte, extract.Meta, error) {
	fail := func(format string, args ...any) ([]byte, extract.Meta, error) {
		return nil, extract.Meta{}, &RecordError{Record: rec, Msg: fmt.Sprintf(format, args...)}
	}
	r := &record{values: map[string]string{}, names: map[string]string{}}
	switch d.Format {
	case CSV, TSV:
		delim := byte(',')
		if d.Format == TSV {
			delim = '\t'
		}
		fields := splitFields(raw, delim)
		if len(fields) != len(d.Header) {
			return fail("record %d: %d fields (want %d, one per column of the header)", rec.Number, len(fields), len(d.Header))
		}
		for i, v := range fields {
			r.add(d.Header[i], v)
		}
	default:
		var obj map[string]any
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		if err := dec.Decode(&obj); err != nil || obj == nil {
			return fail("record %d: not a JSON object (want one object of article fields)", rec.Number)
		}
		flatten(r, "", obj)
	}
	return r.article(d, rec, fail)
}

// article reads the record's fields into the text and metadata.
func (r *record) article(d *Dataset, rec Record, fail func(string, ...any) ([]byte, extract.Meta, error)) ([]byte, extract.Meta, error) {
	m := d.Mapping
	text, _ := r.pick(m.Text, commonNames.text)
	if text == "" {
		return fail("record %d: no text (want a field %s)", rec.Number, want(m.Text, commonNames.text))
	}
	if len(text) > MaxText {
		return fail("record %d: text of %d bytes (want at most %d)", rec.Number, len(text), MaxText)
	}
	if summary, _ := r.pick(m.Summary, commonNames.summary); summary != "" && !strings.HasPrefix(text, summary) {
		text = summary + "\n\n" + text
	}
	var meta extract.Meta
	meta.Title, _ = r.pick(m.Title, commonNames.title)
	meta.URL, _ = r.pick(m.URL, commonNames.url)
	meta.Outlet, _ = r.pick(m.Outlet, commonNames.outlet)
	meta.Author, _ = r.pick(m.Author, commonNames.author)
	if date, name := r.pick(m.Date, commonNames.date); date != "" {
		loc := m.Location
		if loc == nil {
			loc = d.Location
		}
		day, ok := newsdate.ParseStamp(date, m.DateLayout, loc)
		if !ok {
			layout := "an ISO date such as 2022-05-13 or 2022-05-13T14:02:00Z"
			if m.DateLayout != "" {
				layout = "the mapping's date_layout " + m.DateLayout
			}
			return fail("record %d: %s %q: not a date (want %s)", rec.Number, name, date, layout)
		}
		meta.Published = day
		meta.PublishedEvidence = timeline.Evidence{Text: date, Offset: -1, Rule: "publication: metadata " + name}
	}
	return []byte(text), meta, nil
}

// want names the fields looked for, for messages.
func want(mapped string, names []string) string {
	if mapped != "" {
		return fmt.Sprintf("%q, as the mapping names it", mapped)
	}
	return "named " + strings.Join(names, ", ")
}

// flatten adds the fields of a JSON object, nested objects' fields
// under dotted names ("source.name"); a list of strings is one field,
// its items joined by ", ".
func flatten(r *record, prefix string, obj map[string]any) {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		name := prefix + k
		switch v := obj[k].(type) {
		case string:
			r.add(name, v)
		case json.Number:
			r.add(name, v.String())
		case map[string]any:
			flatten(r, name+".", v)
		case []any:
			var items []string
			for _, item := range v {
				switch it := item.(type) {
				case string:
					items = append(items, it)
				case map[string]any:
					flatten(r, name+".", it)
				}
			}
			if len(items) > 0 {
				r.add(name, strings.Join(items, ", "))
			}
		}
	}
}
