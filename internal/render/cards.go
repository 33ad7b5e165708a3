package render

import (
	"bytes"
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/newsroom/timeline/internal/parallel"
	"github.com/newsroom/timeline/internal/timeline"
)

// A listing shows each entry as the same card ("entry-item") on the
// index and on every month, phase, person and tag page, except for two
// things: the relative root of its links and the level of its title's
// heading. So each entry's card is executed once, with placeholders for
// those two, and completed for each listing by filling them in.
//
// The card template sees only the Site, Root and Links of its Page (and
// Abs): the rest of the Page of a listing is not the card's.
const (
	// cardRoot is the Root a card is executed with. In the href
	// attributes that use it, html/template writes it as rootMark.
	cardRoot = "\x00\x00/"
	rootMark = "%00%00/"
	// cardLevel is the Level a card is executed with; hopen and hclose
	// write it as levelMark, a byte html/template never lets through
	// from data.
	cardLevel = -1 << 20
	levelMark = "\x00"
)

// card is an executed card and where its placeholders are: html holds
// the placeholders' marks as executed, and at holds, for each in order,
// its offset in html shifted left by one, with 1 in the low bit for the
// level's mark and 0 for the root's. A long listing keeps every entry's
// card at once, so a card is one string and four bytes a placeholder.
type card struct {
	html string
	at   []uint32
}

// cards holds the card of every entry of the chronology.
type cards struct {
	byEntry map[*timeline.Entry]*card
	// exec executes the layout's "entry-item" template.
	exec *template.Template
}

// newCards executes the card of every entry of r's chronology, when the
// layout defines "entry-item", on r's workers, but for the cards of unchanged entries that Reuse.Last
// holds (an entry's key covers everything its card shows). An entry whose text holds what looks like a placeholder gets
// no card: listings execute the template for it each time.
func newCards(r *renderer) (*cards, error) {
	c := &cards{byEntry: map[*timeline.Entry]*card{}, exec: r.t.pages["index.html"]}
	if c.exec.Lookup(onceName("entry-item")) == nil {
		return c, nil
	}
	entries := r.chron.Entries
	made := make([]*card, len(entries))
	errs := make([]error, len(entries))
	page := &Page{Site: r.chron.Site, Root: cardRoot, Links: r.links, fragments: r.fragments}
	parallel.For(r.opts.Workers, len(entries), func(i int) {
		if prev := r.previous(); prev != nil && r.keys != nil && !r.keys.broken {
			if kept := prev.cards[r.keys.entries[i]]; kept != nil {
				made[i] = kept
				return
			}
		}
		if !placeholderFree(entries[i], r.links) {
			return
		}
		html, err := c.execute(page, entries[i], cardLevel)
		if err != nil {
			errs[i] = err
			return
		}
		made[i] = cutCard(string(html))
	})
	for i, e := range entries {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if made[i] != nil {
			c.byEntry[e] = made[i]
			if r.next() != nil {
				r.next().cards[r.keys.entries[i]] = made[i]
			}
		}
	}
	return c, nil
}

// execute executes the "entry-item" template for e in a listing of page.
func (c *cards) execute(page *Page, e *timeline.Entry, level int) (template.HTML, error) {
	var buf bytes.Buffer
	if err := c.exec.ExecuteTemplate(&buf, onceName("entry-item"), Item{Page: page, Entry: e, Level: level}); err != nil {
		return "", fmt.Errorf("render the card of entry %s: %w", e.ID, err)
	}
	return template.HTML(buf.String()), nil
}

// cutCard finds the placeholders of an executed card. It returns nil
// for a card too long to hold their offsets, which listings execute
// again each time.
func cutCard(html string) *card {
	if len(html) > math.MaxUint32>>1 {
		return nil
	}
	c := &card{html: html}
	n := strings.Count(html, rootMark) + strings.Count(html, levelMark)
	c.at = make([]uint32, 0, n)
	for from := 0; ; {
		root, level := indexFrom(html, rootMark, from), indexFrom(html, levelMark, from)
		switch {
		case root < 0 && level < 0:
			return c
		case level < 0 || (root >= 0 && root < level):
			c.at = append(c.at, uint32(root)<<1)
			from = root + len(rootMark)
		default:
			c.at = append(c.at, uint32(level)<<1|1)
			from = level + len(levelMark)
		}
	}
}

// indexFrom returns the index of the first sep in s at or after from, or
// -1.
func indexFrom(s, sep string, from int) int {
	i := strings.Index(s[from:], sep)
	if i < 0 {
		return -1
	}
	return from + i
}

// size returns the length of the card filled in with root.
func (c *card) size(root string) int {
	n := len(c.html)
	for _, at := range c.at {
		if at&1 == 0 {
			n += len(root) - len(rootMark)
		} else {
			n += 1 - len(levelMark)
		}
	}
	return n
}

// fill writes the card with its placeholders filled in: root, and the
// heading level's digit.
func (c *card) fill(b *strings.Builder, root, digit string) {
	prev := 0
	for _, at := range c.at {
		i := int(at >> 1)
		b.WriteString(c.html[prev:i])
		if at&1 == 0 {
			b.WriteString(root)
			prev = i + len(rootMark)
		} else {
			b.WriteString(digit)
			prev = i + len(levelMark)
		}
	}
	b.WriteString(c.html[prev:])
}

// card returns the layout's "entry-item" template executed for it:
// the entry's card, executed once per Render (newCards), filled in with
// the root and heading level of it. The template sees only the Site,
// Root and Links of its Page, whether the card was kept or not.
func (it Item) card() (template.HTML, error) {
	return it.Page.cardsOf([]*timeline.Entry{it.Entry}, it.Level)
}

// cardsOf returns the card of each of entries in turn, at level: what
// {{range ENTRIES}}{{template "entry-item" (item $p . LEVEL)}}{{end}}
// writes, which useCardRanges turns into one call of it.
func (p *Page) cardsOf(entries []*timeline.Entry, level int) (template.HTML, error) {
	if p.cards == nil {
		return "", fmt.Errorf("render: the entry-item template executed outside Render")
	}
	n := 0
	for _, e := range entries {
		if c := p.cards.byEntry[e]; c != nil {
			n += c.size(p.Root)
		}
	}
	var b strings.Builder
	b.Grow(n)
	digit := headingLevel(level)
	for _, e := range entries {
		if c := p.cards.byEntry[e]; c != nil {
			c.fill(&b, p.Root, digit)
			continue
		}
		html, err := p.cards.execute(&Page{Site: p.Site, Root: p.Root, Links: p.Links, fragments: p.fragments}, e, level)
		if err != nil {
			return "", err
		}
		b.WriteString(string(html))
	}
	return template.HTML(b.String()), nil
}

// headingLevel is the digit of a heading of level, clamped to 1..6, or
// levelMark for a card's placeholder level.
func headingLevel(level int) string {
	if level == cardLevel {
		return levelMark
	}
	return strconv.Itoa(max(1, min(6, level)))
}

// placeholderFree reports whether nothing a card shows of e could be
// written as a placeholder: no NUL byte and no "%00" in its text.
func placeholderFree(e *timeline.Entry, links *Links) bool {
	texts := []string{e.ID, e.Title, e.Summary, e.Kind, Lede(e)}
	texts = append(texts, e.Tags...)
	for _, s := range e.Sources {
		texts = append(texts, s.Title, s.Outlet, s.URL, s.Article)
	}
	for _, t := range links.PeopleOf(e) {
		texts = append(texts, t.Name, t.URL)
	}
	for _, s := range texts {
		if strings.Contains(s, "\x00") || strings.Contains(s, "%00") {
			return false
		}
	}
	return true
}
