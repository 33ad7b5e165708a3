package render

import (
	"html/template"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

// TestCardsMatchTemplate checks that a filled card is exactly what the
// "entry-item" template gives for the listing's root and level.
func TestCardsMatchTemplate(t *testing.T) {
	for _, chron := range []*timeline.Chronology{fixture(), benchChronology(50)} {
		r := testRenderer(t, chron)
		c, err := newCards(r)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range chron.Entries {
			if c.byEntry[e] == nil {
				t.Fatalf("%s: no card", e.ID)
			}
			for _, root := range []string{"./", "../../", "../../../../"} {
				for _, level := range []int{3, 4, 5} {
					page := &Page{Site: chron.Site, Root: root, Links: r.links, cards: c, fragments: r.fragments}
					want, err := c.execute(page, e, level)
					if err != nil {
						t.Fatal(err)
					}
					if got, _ := (Item{Page: page, Entry: e, Level: level}).card(); got != want {
						t.Errorf("%s at %s, level %d:\n got: %s\nwant: %s", e.ID, root, level, got, want)
					}
				}
			}
		}
	}
}

// testRenderer returns a renderer of chron with the default templates,
// as Render makes it before the cards.
func testRenderer(t *testing.T, chron *timeline.Chronology) *renderer {
	t.Helper()
	tmpl := loadDefaults(t)
	return &renderer{chron: chron, t: tmpl, links: NewLinks(chron), fragments: newFragments(tmpl)}
}

// TestCardPlaceholderInText checks that an entry whose text looks like a
// placeholder is rendered without a card, and right.
func TestCardPlaceholderInText(t *testing.T) {
	chron := fixture()
	e := chron.Entries[0]
	e.Title = "50%00%00/ off \x00"
	r := testRenderer(t, chron)
	c, err := newCards(r)
	if err != nil {
		t.Fatal(err)
	}
	if c.byEntry[e] != nil {
		t.Fatal("an entry with a placeholder in its title got a card")
	}
	page := &Page{Site: chron.Site, Root: "../../", Links: r.links, cards: c, fragments: r.fragments}
	got, err := (Item{Page: page, Entry: e, Level: 3}).card()
	if err != nil {
		t.Fatal(err)
	}
	want, _ := c.execute(page, e, 3)
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestBlocksHTML checks that blocksHTML escapes as html/template does.
func TestBlocksHTML(t *testing.T) {
	blocks := []timeline.Block{
		{Text: "a+b <c> & 'd' \"e\" \x00 bad \xff byte, Шойгу"},
		{Kind: timeline.Heading, Text: "H & <h>"},
	}
	tmpl := template.Must(template.New("").Parse(`{{range .}}{{if eq .Kind 1}}<h2>{{.Text}}</h2>{{else}}<p>{{.Text}}</p>{{end}}
{{end}}`))
	var want strings.Builder
	if err := tmpl.Execute(&want, blocks); err != nil {
		t.Fatal(err)
	}
	if got := string(blocksHTML(blocks)); got != want.String() {
		t.Errorf("got  %q\nwant %q", got, want.String())
	}
}

// TestBodyEscaper checks that bodyEscaper escapes as
// template.HTMLEscapeString does.
func TestBodyEscaper(t *testing.T) {
	for _, s := range []string{"a+b <c> & 'd' \"e\" \x00 bad \xff byte, Шойгу", "", "plain"} {
		if got, want := bodyEscaper.Replace(s), template.HTMLEscapeString(s); got != want {
			t.Errorf("bodyEscaper(%q) = %q, want %q", s, got, want)
		}
	}
}
