package render

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

// These tests check that the exports, written field by field, are byte
// for byte what encoding/json and encoding/xml make of the exported
// types that describe them (TimelineEntry, TLEvent, SearchEntry,
// AtomFeed, JSONFeed, SitemapURL), on chronologies whose text needs
// every kind of escaping.

// trickyChronology returns n entries of benchChronology with the tricky
// strings in their titles, summaries, bodies, tags, people and sources,
// and dates of every precision, some with an end; with a base URL
// unless bare.
func trickyChronology(n int, bare bool) *timeline.Chronology {
	chron := benchChronology(n)
	chron.Site.Title = "Site <&> \u2028 \xff"
	chron.Site.Description = "Desc \"q\" 'a' \x00 \xe2\x80"
	if bare {
		chron.Site.BaseURL, chron.Site.Description, chron.Site.Language = "", "", ""
	}
	for i, e := range chron.Entries {
		s := trickyStrings[i%len(trickyStrings)]
		switch i % 8 {
		case 0:
			e.Title, e.ID = s, e.ID+s
		case 1:
			e.Summary = s + strings.Repeat("é\xff<", 100)
		case 2:
			e.Tags = append(e.Tags, s, "")
		case 3:
			e.Participants = append(e.Participants, s, "A. Able", "Ann Able", "")
		case 4:
			e.Date = timeline.Date{Year: 2022, Month: 3, Day: 4, Hour: 5, Minute: 6, Precision: timeline.Minute, HasOffset: i%2 == 0, Offset: -90}
			e.End = timeline.MonthOf(2022, 5)
		case 5:
			e.Date = timeline.Date{Year: 2022, Month: 3, Precision: timeline.Month, Approx: true}
			e.Summary, e.Blocks, e.Article, e.Body = "", nil, "", "Some *Markdown* "+s
		case 6:
			e.Sources = append(e.Sources, timeline.Source{Article: s}, timeline.Source{Article: e.Article})
			e.Origin.Path = "elsewhere/" + s
		case 7:
			e.Date, e.Sources, e.Origin.Path, e.Tags = timeline.YearOnly(2022), nil, "", nil
			e.Summary, e.Blocks = "  "+s+" \n", []timeline.Block{{Kind: timeline.Heading, Text: s}}
		}
	}
	timeline.SortEntries(chron.Entries)
	return chron
}

// exportCases are the chronologies the exports are checked on.
func exportCases() map[string]*timeline.Chronology {
	empty := fixture()
	empty.Entries, empty.Site.Phases = nil, nil
	return map[string]*timeline.Chronology{
		"fixture": fixture(), "empty": empty,
		"tricky": trickyChronology(400, false), "bare": trickyChronology(100, true),
	}
}

// TestExportsMatchEncoders compares every export with what the encoders
// make of its types.
func TestExportsMatchEncoders(t *testing.T) {
	for name, chron := range exportCases() {
		links := NewLinks(chron)
		check := func(export string, got []byte, err error, want []byte) {
			t.Helper()
			if err != nil {
				t.Fatalf("%s: %s: %v", name, export, err)
			}
			if string(got) != string(want) {
				t.Errorf("%s: %s differs from the encoder's:\n%s", name, export, firstDiff(got, want))
			}
		}
		got, err := TimelineJSON(chron)
		check("timeline.json", got, err, wantTimelineJSON(t, chron))
		got, err = TimelineJSOf(chron, links)
		check("timelinejs.json", got, err, wantTimelineJS(t, chron, links))
		got, err = Atom(chron)
		check("feed.xml", got, err, wantAtom(t, chron))
		got, err = JSONFeedOf(chron)
		check("feed.json", got, err, wantJSONFeed(t, chron))
	}
}

// TestSitemapsMatchEncoder compares sitemaps and sitemap indexes with
// what encoding/xml makes of them.
func TestSitemapsMatchEncoder(t *testing.T) {
	site := fixture().Site
	tricky := SitemapURL{Loc: "https://example.org/<&>\"'\t\n\r\x01\xff\u2028/", LastMod: "2022-02-24"}
	for _, tt := range []struct {
		name string
		n    int
	}{{"none", 0}, {"one", 1}, {"limit", sitemapLimit}, {"index", 2*sitemapLimit + 1}} {
		t.Run(tt.name, func(t *testing.T) {
			urls := make([]SitemapURL, tt.n)
			for i := range urls {
				urls[i] = SitemapURL{Loc: fmt.Sprintf("https://example.org/entries/%d/", i)}
				if i%2 == 0 {
					urls[i] = tricky
				}
			}
			got, err := Sitemaps(site, urls)
			if err != nil {
				t.Fatal(err)
			}
			want := wantSitemaps(t, site, urls)
			if len(got) != len(want) {
				t.Fatalf("got %d files, want %d", len(got), len(want))
			}
			for name, data := range want {
				if string(got[name]) != string(data) {
					t.Errorf("%s differs from the encoder's:\n%s", name, firstDiff(got[name], data))
				}
			}
		})
	}
}

// firstDiff shows where got first differs from want.
func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("at byte %d:\ngot  %q\nwant %q", i, got[from:min(len(got), i+80)], want[from:min(len(want), i+80)])
}

func indentJSON(t *testing.T, v any) []byte {
	t.Helper()
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(data, '\n')
}

func indentXML(t *testing.T, v any) []byte {
	t.Helper()
	data, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(append([]byte(xml.Header), data...), '\n')
}

func wantTimelineJSON(t *testing.T, chron *timeline.Chronology) []byte {
	doc := struct {
		Entries []TimelineEntry `json:"entries"`
	}{Entries: []TimelineEntry{}}
	for _, e := range chron.Entries {
		doc.Entries = append(doc.Entries, TimelineEntry{
			ID: e.ID, Title: e.Title, Date: e.Date.ISO(), URL: EntryURL(e.ID),
			Sources: e.SourcePaths(chron.ContentDir), Summary: Lede(e),
		})
	}
	return indentJSON(t, doc)
}

func wantTimelineJS(t *testing.T, chron *timeline.Chronology, links *Links) []byte {
	site := chron.Site
	doc := struct {
		Title  TLSlide   `json:"title"`
		Events []TLEvent `json:"events"`
		Eras   []TLEra   `json:"eras,omitempty"`
	}{Title: TLSlide{Text: TLText{Headline: escapeHTML(site.Title), Text: "<p>" + escapeHTML(site.Description) + "</p>"}}, Events: []TLEvent{}}
	for _, e := range chron.Entries {
		if e.Date.IsZero() {
			continue
		}
		html, err := appendEventHTML(nil, e)
		if err != nil {
			t.Fatal(err)
		}
		text := string(html) + fmt.Sprintf(`<p><a href="%s">Sources and details</a></p>`, escapeHTML(absURL(site, EntryURL(e.ID))))
		ev := TLEvent{StartDate: tlDate(e.Date), Text: TLText{Headline: escapeHTML(e.Title), Text: text}, UniqueID: e.ID}
		if !e.End.IsZero() {
			end := tlDate(e.End)
			ev.EndDate = &end
		}
		if ph := links.PhaseOf(e); ph != nil {
			ev.Group = escapeHTML(ph.Name)
		}
		doc.Events = append(doc.Events, ev)
	}
	for _, ph := range site.Phases {
		if !ph.Start.IsZero() && !ph.End.IsZero() {
			doc.Eras = append(doc.Eras, TLEra{StartDate: tlDate(ph.Start), EndDate: tlDate(ph.End), Text: TLText{Headline: escapeHTML(ph.Name)}})
		}
	}
	return indentJSON(t, doc)
}

func wantAtom(t *testing.T, chron *timeline.Chronology) []byte {
	site := chron.Site
	feed := AtomFeed{
		Title: site.Title, ID: absURL(site, ""), Updated: feedTime(timeline.Date{}),
		Links: []AtomLink{
			{Rel: "self", Type: "application/atom+xml", Href: absURL(site, "feed.xml")},
			{Rel: "alternate", Type: "text/html", Href: absURL(site, "")},
		},
		Author: AtomAuthor{Name: site.Title},
	}
	for i, e := range feedEntries(chron.Entries) {
		if i == 0 {
			feed.Updated = feedTime(e.Date)
		}
		content, err := entryHTML(e)
		if err != nil {
			t.Fatal(err)
		}
		entry := AtomEntry{
			Title: e.Title, ID: absURL(site, EntryURL(e.ID)), Updated: feedTime(e.Date), Published: feedTime(e.Date),
			Links:   []AtomLink{{Rel: "alternate", Type: "text/html", Href: absURL(site, EntryURL(e.ID))}},
			Summary: AtomText{Type: "text", Body: Lede(e)}, Content: AtomText{Type: "html", Body: content},
		}
		for _, tag := range e.Tags {
			entry.Categories = append(entry.Categories, AtomCategory{Term: tag})
		}
		feed.Entries = append(feed.Entries, entry)
	}
	return indentXML(t, feed)
}

func wantJSONFeed(t *testing.T, chron *timeline.Chronology) []byte {
	site := chron.Site
	feed := JSONFeed{
		Version: "https://jsonfeed.org/version/1.1", Title: site.Title,
		HomePageURL: absURL(site, ""), FeedURL: absURL(site, "feed.json"),
		Description: site.Description, Language: site.Language,
		Authors: []JSONAuthor{{Name: site.Title}}, Items: []JSONFeedItem{},
	}
	for _, e := range feedEntries(chron.Entries) {
		content, err := entryHTML(e)
		if err != nil {
			t.Fatal(err)
		}
		feed.Items = append(feed.Items, JSONFeedItem{
			ID: absURL(site, EntryURL(e.ID)), URL: absURL(site, EntryURL(e.ID)), Title: e.Title,
			Summary: Lede(e), ContentHTML: content, DatePublished: feedTime(e.Date), Tags: e.Tags,
		})
	}
	return indentJSON(t, feed)
}

func wantSitemaps(t *testing.T, site timeline.Site, urls []SitemapURL) map[string][]byte {
	type urlset struct {
		XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []SitemapURL `xml:"url"`
	}
	type sitemapIndex struct {
		XMLName  xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
		Sitemaps []SitemapURL `xml:"sitemap"`
	}
	if len(urls) <= sitemapLimit {
		return map[string][]byte{"sitemap.xml": indentXML(t, urlset{URLs: urls})}
	}
	files := map[string][]byte{}
	var index sitemapIndex
	for i := 0; i < len(urls); i += sitemapLimit {
		name := fmt.Sprintf("sitemap-%d.xml", i/sitemapLimit+1)
		files[name] = indentXML(t, urlset{URLs: urls[i:min(i+sitemapLimit, len(urls))]})
		index.Sitemaps = append(index.Sitemaps, SitemapURL{Loc: absURL(site, name)})
	}
	files["sitemap.xml"] = indentXML(t, index)
	return files
}

// wantTruncate is truncate as it was first written, through []rune.
func wantTruncate(s string, n int) string {
	runes := []rune(s)
	if len(runes) <= n {
		return s
	}
	return string(runes[:n-1]) + "…"
}

// TestTruncate checks truncate and appendTruncated against wantTruncate.
func TestTruncate(t *testing.T) {
	for _, s := range append(trickyStrings, strings.Repeat("é\xff", 150), strings.Repeat("a", 200), strings.Repeat("a", 201)) {
		want := wantTruncate(s, 200)
		if got := truncate(s, 200); got != want {
			t.Errorf("truncate(%q) = %q, want %q", s, got, want)
		}
		if got := string(appendTruncated([]byte("x"), s, 200)); got != "x"+want {
			t.Errorf("appendTruncated(%q) = %q, want %q", s, got, "x"+want)
		}
	}
}

// TestAppendEntryURL checks appendEntryURL against EntryURL.
func TestAppendEntryURL(t *testing.T) {
	for _, id := range trickyStrings {
		if got, want := string(appendEntryURL(nil, id)), EntryURL(id); got != want {
			t.Errorf("appendEntryURL(%q) = %q, want %q", id, got, want)
		}
	}
}
