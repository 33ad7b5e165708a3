package render

import (
	"html/template"
	"slices"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

// TestCardsMatchTemplate checks that a filled card is exactly what the
// "entry-item" template gives for the listing's root and level.
func TestCardsMatchTemplate(t *testing.T) {
	for _, chron := range []*timeline.Chronology{fixture(), benchChronology(50)} {
		r := testRenderer(t, chron)
		c := newCards(r)
		for _, e := range chron.Entries {
			if made, err := c.of(e); err != nil || made == nil || made == noCard {
				t.Fatalf("%s: no card (%v)", e.ID, err)
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
	c := newCards(r)
	if made, err := c.of(e); err != nil || made != noCard {
		t.Fatalf("an entry with a placeholder in its title got a card (%v)", err)
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

// TestCardsLetGoOnceShown checks that a card is held from its first
// showing to the last one its listings were expected to make, then let
// go, and that a card shown again after that is the same.
func TestCardsLetGoOnceShown(t *testing.T) {
	chron := fixture()
	r := testRenderer(t, chron)
	c := newCards(r)
	e := chron.Entries[0]
	c.expect([]*timeline.Entry{e, e})
	page := &Page{Site: chron.Site, Root: "../../", Links: r.links, cards: c, fragments: r.fragments}
	first, err := page.cardsOf([]*timeline.Entry{e}, 3)
	if err != nil {
		t.Fatal(err)
	}
	if c.slots[0].card.Load() == nil {
		t.Fatal("card let go before its last expected showing")
	}
	for showing := 2; showing <= 3; showing++ {
		got, err := page.cardsOf([]*timeline.Entry{e}, 3)
		if err != nil {
			t.Fatal(err)
		}
		if got != first {
			t.Errorf("showing %d: %s, want %s", showing, got, first)
		}
		if c.slots[0].card.Load() != nil {
			t.Errorf("showing %d: card held after its last expected showing", showing)
		}
	}
}

// TestOrderListings checks that listings run in the order of the first
// entry they list, the pages that list none first, ties as they came.
func TestOrderListings(t *testing.T) {
	jobs := []job{{url: "index", first: 0}, {url: "people/a/", first: 5}, {url: "tags/b/", first: 2}, {url: "people/", first: 0}, {url: "months/c/", first: 2}}
	var got []string
	for _, j := range orderListings(jobs) {
		got = append(got, j.url)
	}
	want := []string{"index", "people/", "tags/b/", "months/c/", "people/a/"}
	if !slices.Equal(got, want) {
		t.Errorf("order %q, want %q", got, want)
	}
}
