package extract

import (
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/sitetest"
	"github.com/newsroom/timeline/internal/timeline"
)

func TestExtractPage(t *testing.T) {
	data := sitetest.ReadOSFile(t, "../webpage/testdata/article.html")
	a := ExtractFile("articles/ferry.html", data, Options{})
	if a.Title != "Harbour council approves new ferry link" || a.TitleDerived {
		t.Errorf("title %q (derived %v)", a.Title, a.TitleDerived)
	}
	if a.Published != timeline.DayOf(2022, 5, 13) || a.Event != timeline.DayOf(2022, 5, 9) {
		t.Errorf("published %v, event %v; want 2022-05-13 and the Monday before it, 2022-05-09", a.Published, a.Event)
	}
	if a.Outlet != "The Daily Example" || a.URL != "https://news.example.org/local/harbour-council-ferry" {
		t.Errorf("outlet %q, url %q", a.Outlet, a.URL)
	}
	if len(a.Blocks) == 0 || !strings.HasPrefix(string(data[a.Blocks[0].Offset:]), "The harbour council voted") {
		t.Errorf("first block %+v does not point at its text in the page", a.Blocks)
	}
	ev := a.EventEvidence
	if !strings.HasPrefix(string(data[ev.Offset:]), "Monday to approve") || ev.Text != "Monday" {
		t.Errorf("event evidence %+v, want %q at its place in the page", ev, "Monday")
	}
	if len(a.Captions) != 1 {
		t.Errorf("captions %q, want the figure's", a.Captions)
	}
	junk := ExtractFile("articles/junk.htm", []byte("\x00\x01binary"), Options{})
	if junk.Event != (timeline.Date{}) || !strings.Contains(junk.Undated, "not an HTML page") {
		t.Errorf("binary junk: %+v, want undated saying why", junk)
	}
}

// TestPageProseWithoutFullStop checks that a saved page's block of
// prose, not a link, is kept, as a paragraph, though it reads like a
// headline (no full stop at its end), as a plain text's line would not
// be: the page reader has already left out the blocks of links to
// other stories.
// TestListingPageUndated checks that a page whose JSON-LD says it lists
// other pages gives no date, whatever days its list shows.
func TestListingPageUndated(t *testing.T) {
	page := `<html><head><title>Politics Archives - Example</title><script type="application/ld+json">{"@graph":[{"@type":"CollectionPage","name":"Politics"}]}</script></head><body>` +
		`<h1>Politics</h1><article><h2>Assembly passes the budget after a long debate</h2><p>Posted March 12, 2022</p><p>The assembly passed the budget on Friday after a debate that ran into the night.</p></article>` +
		`<article><h2>Governor names a new cabinet</h2><p>Posted March 10, 2022</p><p>The governor named eleven ministers on Thursday, four of them new to the cabinet.</p></article></body></html>`
	a := ExtractFile("articles/politics.html", []byte(page), Options{})
	if !a.Published.IsZero() || !a.Event.IsZero() || !strings.Contains(a.Undated, "lists other pages") {
		t.Errorf("published %v, event %v, undated %q; want undated as a listing", a.Published, a.Event, a.Undated)
	}
}

func TestPageProseWithoutFullStop(t *testing.T) {
	prose := "<p>" + strings.Repeat("The minister spoke to the senate about the motion on Tuesday, officials said. ", 3) + "</p>"
	const line = "He said that a devaluation of the dollar was not the answer to the shortage of foreign exchange"
	page := "<html><head><title>Motion defeated</title></head><body><h1>Motion defeated</h1><article>" +
		prose + "<p>" + line + "</p>" + prose + "</article></body></html>"
	a := ExtractFile("articles/motion.html", []byte(page), Options{})
	var kept []string
	for _, b := range a.Blocks {
		kept = append(kept, b.Text)
		if b.Text == line && b.Kind != timeline.Paragraph {
			t.Errorf("%q kept as a heading, want the paragraph the page says it is", line)
		}
	}
	if !strings.Contains(strings.Join(kept, "\n"), line) {
		t.Errorf("blocks %q lack %q", kept, line)
	}
	plain := Extract("articles/motion.txt", []byte("Motion defeated\n\n"+strings.Repeat("The minister spoke on Tuesday, officials said. ", 3)+"\n\n"+line+"\n\n"+strings.Repeat("The senate voted, officials said. ", 3)+"\n"), Options{})
	for _, b := range plain.Blocks {
		if b.Text == line {
			t.Errorf("plain text kept %q, want it read as a link to another story", line)
		}
	}
}
