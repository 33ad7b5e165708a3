package content

import (
	"strings"

	"github.com/newsroom/timeline/internal/newsdate"
	"github.com/newsroom/timeline/internal/timeline"
	"gopkg.in/yaml.v3"
)

// Front-matter keys other scrapers and generators write, with the same
// meaning as a dataset's common field names.
var (
	// publishedKeys give the publication date, the entry's date when
	// date: is not written.
	publishedKeys = []string{"published_time", "published", "publishedAt", "published_date", "datePublished", "pubDate", "publishDate", "webPublicationDate"}
	// modifiedKeys are accepted and never give the date.
	modifiedKeys = []string{"modified_time", "modified", "updated", "dateModified", "lastmod"}
	// urlKeys give the article's link, its source's URL.
	urlKeys = []string{"source_url", "url", "link", "canonical_url", "original_url", "webUrl"}
	// outletKeys give the outlet.
	outletKeys = []string{"source", "publisher", "site_name", "source_name"}
)

// foreignFront gathers what foreign front-matter keys said.
type foreignFront struct {
	published    timeline.Date
	publishedPos timeline.Position
	publishedKey string
	publishedRaw string
	// badDate is set when a publication-date key held no date (already
	// reported, so a missing date: is not reported again).
	badDate     bool
	url, outlet string
}

// addForeignKeys adds the handlers of the keys other tools write to
// handlers, filling f; entry fields and Hugo keys keep their meaning.
func (d *decoder) addForeignKeys(handlers map[string]func(*yaml.Node), f *foreignFront) {
	for _, key := range publishedKeys {
		handlers[key] = func(n *yaml.Node) {
			var s string
			d.str(key, n, &s)
			if s == "" || !f.published.IsZero() {
				return
			}
			day, ok := newsdate.ParseStamp(s, "", nil)
			if !ok {
				d.errorf(n, "%s %q: not a date (want an ISO date such as 2022-05-13 or 2022-05-13T14:02:00Z)", key, s)
				f.badDate = true
				return
			}
			f.published, f.publishedPos, f.publishedKey, f.publishedRaw = day, d.pos(n), key, s
		}
	}
	for _, key := range modifiedKeys {
		handlers[key] = func(n *yaml.Node) { var ignored string; d.str(key, n, &ignored) }
	}
	for _, key := range urlKeys {
		handlers[key] = func(n *yaml.Node) {
			d.str(key, n, &f.url)
			if f.url != "" && !IsWebURL(f.url) {
				d.errorf(n, "%s %q: not an http(s) URL (want the article's link)", key, f.url)
				f.url = ""
			}
		}
	}
	for _, key := range outletKeys {
		handlers[key] = func(n *yaml.Node) { d.str(key, n, &f.outlet) }
	}
}

// apply gives e what the foreign keys said, where the entry's own fields
// did not: the date, the outlet and a source with the article's link.
func (f *foreignFront) apply(e *timeline.Entry, fields Fields) {
	if _, dated := fields["date"]; !dated && !f.published.IsZero() {
		e.Date = f.published
		fields["date"] = f.publishedPos
		e.DateEvidence = append(e.DateEvidence, timeline.Evidence{Text: f.publishedRaw, Offset: -1, Rule: "publication: front matter " + f.publishedKey})
	}
	if e.Outlet == "" {
		e.Outlet = f.outlet
	}
	if f.url != "" && len(e.Sources) == 0 {
		e.Sources = append(e.Sources, timeline.Source{Title: e.Title, Outlet: e.Outlet, URL: f.url, Published: f.published})
	}
}

// keepParam keeps a front-matter key that means nothing here as one of
// e's parameters, and notes it, so that a typo far from every known key
// is still seen in "gen check".
func (d *decoder) keepParam(e *timeline.Entry) func(key, value *yaml.Node) {
	return func(key, value *yaml.Node) {
		value = d.resolve(value)
		text := value.Value
		if value.Kind == yaml.SequenceNode {
			var items []string
			for _, item := range value.Content {
				if item.Kind == yaml.ScalarNode {
					items = append(items, item.Value)
				}
			}
			text = strings.Join(items, ", ")
		}
		if e.Params == nil {
			e.Params = map[string]string{}
		}
		e.Params[key.Value] = text
		d.diags.Note(d.path, key.Line+d.lineOffset, key.Column, "%s: not a field here, kept as a parameter (.Params.%s)", key.Value, key.Value)
	}
}

// splitTags splits tags given as one string ("ukraine, russia") as
// other tools write them.
func splitTags(tags []string) []string {
	if len(tags) != 1 || !strings.Contains(tags[0], ",") {
		return tags
	}
	var out []string
	for _, t := range strings.Split(tags[0], ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}
