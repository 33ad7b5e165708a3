package render

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/sitetest"
	"github.com/newsroom/timeline/internal/timeline"
)

// These tests check that the JSON exports, written field by field, are
// byte for byte what encoding/json makes of the types that describe them
// (timelineEntry, tlEvent, searchEntry), on chronologies whose text
// needs every kind of escaping.

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
				t.Errorf("%s: %s differs from the encoder's:\n%s", name, export, sitetest.FirstDiff(string(want), string(got)))
			}
		}
		got, err := timelineJSON(chron, nil)
		check("timeline.json", got, err, wantTimelineJSON(t, chron))
		got, err = timelineJS(chron, links, nil)
		check("timelinejs.json", got, err, wantTimelineJS(t, chron, links))
	}
}

// TestSitemapsSplit checks that past sitemapLimit URLs sitemap.xml is an
// index of sitemaps that list every URL once, in order, and that any
// text comes back as it went in, but for what XML cannot hold.
func TestSitemapsSplit(t *testing.T) {
	site := fixture().Site
	tricky := sitemapURL{Loc: "https://example.org/<&>\"'\t\n\r/", LastMod: "2022-02-24"}
	for _, tt := range []struct {
		name  string
		n     int
		files int
	}{{"none", 0, 1}, {"one", 1, 1}, {"limit", sitemapLimit, 1}, {"index", 2*sitemapLimit + 1, 4}} {
		t.Run(tt.name, func(t *testing.T) {
			urls := make([]sitemapURL, tt.n)
			for i := range urls {
				urls[i] = sitemapURL{Loc: fmt.Sprintf("https://example.org/entries/%d/", i)}
				if i%2 == 0 {
					urls[i] = tricky
				}
			}
			got, err := sitemapsOf(site, urls)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.files {
				t.Fatalf("got %d files, want %d", len(got), tt.files)
			}
			var listed []sitemapURL
			for i := 1; i < tt.files; i++ {
				var set urlSet
				if err := xml.Unmarshal(got[fmt.Sprintf("sitemap-%d.xml", i)], &set); err != nil {
					t.Fatal(err)
				}
				listed = append(listed, set.URLs...)
			}
			if tt.files == 1 {
				var set urlSet
				if err := xml.Unmarshal(got["sitemap.xml"], &set); err != nil {
					t.Fatal(err)
				}
				listed = set.URLs
			}
			if !slices.Equal(listed, urls) {
				t.Errorf("the sitemaps list %d URLs, want the %d given, in order", len(listed), len(urls))
			}
		})
	}
}

func indentJSON(t *testing.T, v any) []byte {
	t.Helper()
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(data, '\n')
}

func wantTimelineJSON(t *testing.T, chron *timeline.Chronology) []byte {
	doc := struct {
		Entries []timelineEntry `json:"entries"`
	}{Entries: []timelineEntry{}}
	for _, e := range chron.Entries {
		doc.Entries = append(doc.Entries, timelineEntry{
			ID: e.ID, Title: e.Title, Date: e.Date.ISO(), URL: EntryURL(e.ID),
			Sources: e.SourcePaths(chron.ContentDir), Summary: Lede(e),
		})
	}
	return indentJSON(t, doc)
}

func wantTimelineJS(t *testing.T, chron *timeline.Chronology, links *Links) []byte {
	site := chron.Site
	doc := struct {
		Title  tlSlide   `json:"title"`
		Events []tlEvent `json:"events"`
		Eras   []tlEra   `json:"eras,omitempty"`
	}{Title: tlSlide{Text: tlText{Headline: escapeHTML(site.Title), Text: "<p>" + escapeHTML(site.Description) + "</p>"}}, Events: []tlEvent{}}
	for _, e := range chron.Entries {
		if e.Date.IsZero() {
			continue
		}
		html, err := appendEventHTML(nil, e)
		if err != nil {
			t.Fatal(err)
		}
		text := string(html) + fmt.Sprintf(`<p><a href="%s">Sources and details</a></p>`, escapeHTML(absURL(site, EntryURL(e.ID))))
		ev := tlEvent{StartDate: tlDate(e.Date), Text: tlText{Headline: escapeHTML(e.Title), Text: text}, UniqueID: e.ID}
		if !e.End.IsZero() {
			end := tlDate(e.End)
			ev.EndDate = &end
		}
		if ph := links.PhaseOf(e); ph != nil {
			ev.Group = tlGroup(ph.Name)
		}
		doc.Events = append(doc.Events, ev)
	}
	for _, ph := range site.Phases {
		if !ph.Start.IsZero() && !ph.End.IsZero() {
			doc.Eras = append(doc.Eras, tlEra{StartDate: tlDate(ph.Start), EndDate: tlDate(ph.End), Text: tlText{Headline: escapeHTML(ph.Name)}})
		}
	}
	return indentJSON(t, doc)
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

// timelineEntry is one entry of timeline.json.
type timelineEntry struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Date    string   `json:"date"`
	URL     string   `json:"url"`
	Sources []string `json:"sources"`
	Summary string   `json:"summary"`
}

// tlEvent is one entry as a TimelineJS event.
type tlEvent struct {
	StartDate tlParts  `json:"start_date"`
	EndDate   *tlParts `json:"end_date,omitempty"`
	Text      tlText   `json:"text"`
	Group     string   `json:"group,omitempty"`
	UniqueID  string   `json:"unique_id"`
}

// tlEra is a phase as a TimelineJS era.
type tlEra struct {
	StartDate tlParts `json:"start_date"`
	EndDate   tlParts `json:"end_date"`
	Text      tlText  `json:"text"`
}
