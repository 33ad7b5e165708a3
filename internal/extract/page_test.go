package extract

import (
	"os"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

func TestExtractPage(t *testing.T) {
	data, err := os.ReadFile("../webpage/testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
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
