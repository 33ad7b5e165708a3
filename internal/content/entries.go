package content

import (
	"net/url"
	"strings"

	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/timeline"
	"gopkg.in/yaml.v3"
)

// Kinds are the entry kinds editors may use.
var Kinds = []string{"call", "meeting", "statement", "military", "diplomacy", "sanctions", "other"}

// DecodeEntries reads an entries file: one entry mapping, or a list of
// them. Problems are added to diags with their positions.
func DecodeEntries(p string, data []byte, diags *diag.List) []*timeline.Entry {
	d := &decoder{path: p, diags: diags}
	root := d.parseYAML(data)
	if root == nil {
		if len(diags.Errors()) == 0 {
			diags.Warn(p, 0, 0, "empty file: no entries")
		}
		return nil
	}
	var entries []*timeline.Entry
	decodeOne := func(n *yaml.Node) {
		e := &timeline.Entry{Origin: position(p, n.Line, n.Column)}
		var set []string
		d.fields(n, "entry", entryFields(d, e, &set))
		d.requireEntry(n, e, set)
		entries = append(entries, e)
	}
	if root.Kind == yaml.SequenceNode {
		d.each("entries", root, decodeOne)
	} else {
		decodeOne(root)
	}
	return entries
}

// requireEntry reports the fields every entry needs that are absent
// (present but wrong ones are reported where they stand).
func (d *decoder) requireEntry(n *yaml.Node, e *timeline.Entry, set []string) {
	if !contains(set, "id") {
		hint := Slugify(e.Title)
		if hint == "" {
			hint = "2022-02-24-invasion"
		}
		d.errorf(n, "id: missing (want a stable slug, e.g. id: %s)", hint)
	}
	if !contains(set, "date") {
		d.errorf(n, "date: missing (%s)", timeline.DateFormats)
	}
	if !contains(set, "title") {
		d.errorf(n, "title: missing (want the entry's headline)")
	}
}

// entryFields returns the handlers of every entry key, decoding into e.
// When set is not nil, the name of each field present is appended to it.
func entryFields(d *decoder, e *timeline.Entry, set *[]string) map[string]func(*yaml.Node) {
	mark := func(name string, fn func(*yaml.Node)) func(*yaml.Node) {
		return func(n *yaml.Node) {
			if set != nil {
				*set = append(*set, name)
			}
			fn(n)
		}
	}
	return map[string]func(*yaml.Node){
		"id": mark("id", func(n *yaml.Node) {
			d.str("id", n, &e.ID)
			if e.ID != "" && Slugify(e.ID) != e.ID {
				d.errorf(n, "id %q: not a slug (want lowercase letters, digits and dashes, e.g. %q)", e.ID, Slugify(e.ID))
			}
		}),
		"date":    mark("date", func(n *yaml.Node) { d.date("date", n, &e.Date) }),
		"end":     mark("end", func(n *yaml.Node) { d.date("end", n, &e.End) }),
		"title":   mark("title", func(n *yaml.Node) { d.str("title", n, &e.Title) }),
		"summary": mark("summary", func(n *yaml.Node) { d.str("summary", n, &e.Summary) }),
		"body":    mark("body", func(n *yaml.Node) { d.str("body", n, &e.Body) }),
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
		"participants": mark("participants", func(n *yaml.Node) { d.strs("participants", n, &e.Participants) }),
		"people":       mark("people", func(n *yaml.Node) { d.strs("people", n, &e.People) }),
		"places":       mark("places", func(n *yaml.Node) { d.strs("places", n, &e.Places) }),
		"tags":         mark("tags", func(n *yaml.Node) { d.strs("tags", n, &e.Tags) }),
		"outlet":       mark("outlet", func(n *yaml.Node) { d.str("outlet", n, &e.Outlet) }),
		"note":         mark("note", func(n *yaml.Node) { d.str("note", n, &e.Note) }),
		"importance":   mark("importance", func(n *yaml.Node) { d.integer("importance", n, 0, 5, &e.Importance) }),
		"draft":        mark("draft", func(n *yaml.Node) { d.boolean("draft", n, &e.Draft) }),
		"sources": mark("sources", func(n *yaml.Node) {
			d.each("sources", n, func(item *yaml.Node) {
				e.Sources = append(e.Sources, d.source(item))
			})
		}),
	}
}

// source decodes one entry source.
func (d *decoder) source(n *yaml.Node) timeline.Source {
	var s timeline.Source
	d.fields(n, "source", map[string]func(*yaml.Node){
		"title":     func(v *yaml.Node) { d.str("title", v, &s.Title) },
		"outlet":    func(v *yaml.Node) { d.str("outlet", v, &s.Outlet) },
		"published": func(v *yaml.Node) { d.date("published", v, &s.Published) },
		"article": func(v *yaml.Node) {
			d.str("article", v, &s.Article)
			s.Article = cleanArticlePath(s.Article)
		},
		"url": func(v *yaml.Node) {
			d.str("url", v, &s.URL)
			if s.URL != "" && !IsWebURL(s.URL) {
				d.errorf(v, "url %q: not an http(s) link (want https://…)", s.URL)
				s.URL = ""
			}
		},
	})
	if s.URL == "" && s.Article == "" && s.Title == "" {
		d.errorf(n, "source: empty (want article: a file in content/articles/, or url:, title:, outlet:)")
	}
	return s
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
