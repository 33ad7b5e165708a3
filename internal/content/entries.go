package content

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/mdlimit"
	"github.com/newsroom/timeline/internal/timeline"
	"gopkg.in/yaml.v3"
)

// Kinds are the entry kinds editors may use.
var Kinds = []string{"call", "meeting", "statement", "military", "diplomacy", "sanctions", "other"}

// Fields records where each field of an entry or annotation was written:
// the position of its value by field name ("date"), and of each name of
// the people lists by index ("participants[1]").
type Fields map[string]timeline.Position

// At returns the position of field, or of fallback when field was not
// written (for a value derived from another field, or a default).
func (f Fields) At(field string, fallback timeline.Position) timeline.Position {
	if p, ok := f[field]; ok {
		return p
	}
	return fallback
}

// Positions holds the Fields of each editor entry.
type Positions map[*timeline.Entry]Fields

// DecodeEntries reads an entries file: one entry mapping, or a list of
// them. Problems are added to diags with their positions; the positions
// of every entry's fields are returned.
func DecodeEntries(p string, data []byte, diags *diag.List) ([]*timeline.Entry, Positions) {
	d := &decoder{path: p, diags: diags}
	root := d.parseYAML(data)
	positions := Positions{}
	if root == nil {
		if d.ok() {
			diags.Warn(p, 0, 0, "empty file: no entries (want one entry, or a list of them)")
		}
		return nil, positions
	}
	var entries []*timeline.Entry
	decodeOne := func(n *yaml.Node) {
		e := &timeline.Entry{Origin: d.pos(n)}
		fields := Fields{}
		suggested := d.fields(n, "entry", entryFields(d, e, nil, fields))
		if n.Kind != yaml.MappingNode {
			return
		}
		d.requireEntry(n, e, fields, suggested)
		d.checkRange(e, fields)
		entries = append(entries, e)
		positions[e] = fields
	}
	if root.Kind == yaml.SequenceNode {
		d.each("entries", root, decodeOne)
	} else {
		decodeOne(root)
	}
	return entries, positions
}

// requireEntry reports the fields every entry needs and that were not
// written; a field written with a bad value is reported where it is, and
// one suggested for a misspelt key is not reported twice.
func (d *decoder) requireEntry(n *yaml.Node, e *timeline.Entry, fields Fields, suggested map[string]bool) {
	missing := func(name string) bool {
		_, written := fields[name]
		return !written && !suggested[name]
	}
	if e.ID == "" && missing("id") {
		hint := timeline.Slugify(e.Title)
		if hint == "" {
			hint = "2022-02-24-invasion"
		} else if !e.Date.IsZero() {
			hint = timeline.Slugify(e.Date.ISO()) + "-" + hint
		}
		d.errorf(n, "id: missing (want a stable slug, e.g. id: %s)", hint)
	}
	if e.Date.IsZero() && missing("date") {
		d.errorf(n, "date: missing (%s)", timeline.DateFormats)
	}
	if strings.TrimSpace(e.Title) == "" && missing("title") {
		d.errorf(n, "title: missing (want the entry's headline)")
	}
}

// checkRange reports an end that comes before the date, at the end.
func (d *decoder) checkRange(e *timeline.Entry, fields Fields) {
	if e.End.IsZero() || e.Date.IsZero() || !endsBefore(e.End, e.Date) {
		return
	}
	d.errorAt(fields["end"], "end %s: before date %s (want an end on or after the date)", e.End, e.Date)
}

// endsBefore reports whether the range ending at end finishes before
// start begins, each taken at its own precision: an end of 2022-02 is
// not before a date of 2022-02-24.
func endsBefore(end, start timeline.Date) bool {
	return !timeline.SameAtCoarser(end, start) && end.Compare(start) < 0
}

// entryFields returns the handlers of every entry key, decoding into e
// and recording in fields where each value was written. When set is not
// nil, the name of each field given a value is appended to it.
func entryFields(d *decoder, e *timeline.Entry, set *[]string, fields Fields) map[string]func(*yaml.Node) {
	mark := func(name string, fn func(*yaml.Node)) func(*yaml.Node) {
		return func(n *yaml.Node) {
			if !isNull(d.resolve(n)) {
				fields[name] = d.pos(n)
				if set != nil {
					*set = append(*set, name)
				}
			}
			fn(n)
		}
	}
	names := func(name string, out *[]string) func(*yaml.Node) {
		return mark(name, func(n *yaml.Node) {
			for i, item := range d.strs(name, n, out) {
				fields[fmt.Sprintf("%s[%d]", name, i)] = d.pos(item)
			}
		})
	}
	return map[string]func(*yaml.Node){
		"id": mark("id", func(n *yaml.Node) {
			d.str("id", n, &e.ID)
			if v := d.resolve(n); v.Kind == yaml.ScalarNode && !isNull(v) {
				d.checkID(n, "id", e.ID)
			}
		}),
		"date":    mark("date", func(n *yaml.Node) { d.date("date", n, &e.Date) }),
		"end":     mark("end", func(n *yaml.Node) { d.date("end", n, &e.End) }),
		"title":   mark("title", func(n *yaml.Node) { d.str("title", n, &e.Title) }),
		"summary": mark("summary", func(n *yaml.Node) { d.markdown("summary", n, &e.Summary) }),
		"body":    mark("body", func(n *yaml.Node) { d.markdown("body", n, &e.Body) }),
		"kind": mark("kind", func(n *yaml.Node) {
			d.str("kind", n, &e.Kind)
			if e.Kind != "" && !contains(Kinds, e.Kind) {
				if near := Nearest(e.Kind, Kinds); near != "" {
					d.errorf(n, "kind %q: unknown kind; did you mean %q?", e.Kind, near)
				} else {
					d.errorf(n, "kind %q: unknown kind (want one of %s)", e.Kind, strings.Join(Kinds, ", "))
				}
			}
		}),
		"participants": names("participants", &e.Participants),
		"people":       names("people", &e.People),
		"places":       mark("places", func(n *yaml.Node) { d.strs("places", n, &e.Places) }),
		"tags":         mark("tags", func(n *yaml.Node) { d.strs("tags", n, &e.Tags) }),
		"outlet":       mark("outlet", func(n *yaml.Node) { d.str("outlet", n, &e.Outlet) }),
		"note":         mark("note", func(n *yaml.Node) { d.str("note", n, &e.Note) }),
		"importance":   mark("importance", func(n *yaml.Node) { d.integer("importance", n, 0, 5, &e.Importance) }),
		"draft":        mark("draft", func(n *yaml.Node) { d.boolean("draft", n, &e.Draft) }),
		"sources": mark("sources", func(n *yaml.Node) {
			d.each("sources", n, func(item *yaml.Node) {
				fields[fmt.Sprintf("sources[%d]", len(e.Sources))] = d.pos(item)
				e.Sources = append(e.Sources, d.source(item))
			})
		}),
	}
}

// markdown decodes a Markdown field, and reports where it passes the
// limits of the work rendering it may take (mdlimit.Check): at its
// line in the text, counted from the field's value.
func (d *decoder) markdown(field string, n *yaml.Node, out *string) {
	d.str(field, n, out)
	p := mdlimit.Check(*out)
	if p == nil {
		return
	}
	pos := d.pos(d.resolve(n))
	if v := d.resolve(n); v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		pos.Line++ // the text starts on the line after "|" or ">"
	}
	if p.Line > 1 {
		pos.Line, pos.Col = pos.Line+p.Line-1, p.Col
	}
	d.errorAt(pos, "%s: %s", field, p.Message)
	*out = ""
}

// source decodes one entry source.
func (d *decoder) source(n *yaml.Node) timeline.Source {
	var s timeline.Source
	named := false
	d.fields(n, "source", map[string]func(*yaml.Node){
		"title": func(v *yaml.Node) {
			d.str("title", v, &s.Title)
			named = true
		},
		"outlet":    func(v *yaml.Node) { d.str("outlet", v, &s.Outlet) },
		"published": func(v *yaml.Node) { d.date("published", v, &s.Published) },
		"article": func(v *yaml.Node) {
			named = true
			d.str("article", v, &s.Article)
			s.Article = d.articlePath(v, s.Article)
		},
		"url": func(v *yaml.Node) {
			named = true
			d.str("url", v, &s.URL)
			if s.URL != "" && !IsWebURL(s.URL) {
				d.errorf(v, "url %q: not an http(s) link (want https://…)", s.URL)
				s.URL = ""
			}
		},
	})
	if n.Kind == yaml.MappingNode && !named {
		d.errorf(n, "source: empty (want article: a file in content/articles/, or url:, title:, outlet:)")
	}
	return s
}

// articlePath cleans the article path written at n (cleanArticlePath)
// and reports one that leads out of content/articles/, giving "".
func (d *decoder) articlePath(n *yaml.Node, written string) string {
	p := cleanArticlePath(written)
	if !articleInFolder(p) {
		d.errorf(n, "article %s: outside content/articles/ (want a file name in content/articles/, e.g. article: 002_x.txt)", shortQuote(written))
		return ""
	}
	return p
}

// cleanArticlePath accepts "x.txt", "articles/x.txt" and
// "content/articles/x.txt", and returns "articles/x.txt".
func cleanArticlePath(p string) string {
	p = strings.TrimPrefix(strings.TrimSpace(p), "content/")
	if p != "" && !strings.HasPrefix(p, "articles/") {
		p = "articles/" + p
	}
	return p
}

// IsWebURL reports whether s is an absolute http or https URL with a host.
func IsWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
