package render

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

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
// level's mark and 0 for the root's: one string and four bytes a
// placeholder, as many cards are held at once.
type card struct {
	html string
	at   []uint32
}

// cards holds the entries' cards while the listings are rendered. A
// card is executed when a listing first shows it. In a Render that
// hands no State on (Options.Reuse), it is let go once the listings
// have shown it as often as their pages list it (expect): the listings
// run in the order of the entries they list (orderListings), so a large
// chronology's cards are never all held at once. A card shown more
// often than expected is executed again, with the same bytes.
type cards struct {
	// at holds each entry's place in the chronology; slots the card of
	// the entry at each place.
	at    map[*timeline.Entry]int32
	slots []cardSlot
	// exec executes the layout's "entry-item" template; page is the Page
	// a card is executed with.
	exec *template.Template
	page *Page
	r    *renderer
	// mu guards the cards handed on in Reuse.Next.
	mu sync.Mutex
}

// cardSlot is the card of one entry, nil while it is not held, and how
// many more times the listings are expected to show it.
type cardSlot struct {
	card atomic.Pointer[card]
	uses atomic.Int32
}

// noCard is the card of an entry whose text holds what looks like a
// placeholder: listings execute the template for it each time.
var noCard = &card{}

// newCards returns the cards of r's chronology, none executed yet but
// for the cards of unchanged entries that Reuse.Last holds (an entry's
// key covers everything its card shows); none when the layout does not
// define "entry-item".
func newCards(r *renderer) *cards {
	c := &cards{exec: r.t.pages["index.html"], r: r}
	if c.exec.Lookup(onceName("entry-item")) == nil {
		return c
	}
	entries := r.chron.Entries
	c.at, c.slots = make(map[*timeline.Entry]int32, len(entries)), make([]cardSlot, len(entries))
	c.page = &Page{Site: r.chron.Site, Root: cardRoot, Links: r.links, fragments: r.fragments}
	prev, next := r.previous(), r.next()
	for i, e := range entries {
		c.at[e] = int32(i)
		if prev != nil && next != nil && r.keys != nil && !r.keys.broken {
			if kept := prev.cards[r.keys.entries[i]]; kept != nil {
				c.slots[i].card.Store(kept)
				next.cards[r.keys.entries[i]] = kept
			}
		}
	}
	return c
}

// counting reports whether the cards are let go once shown, and so
// counted and ordered: not in a Render that hands its State on, which
// keeps every card.
func (c *cards) counting() bool { return c.at != nil && c.r.next() == nil }

// expect counts one more showing of each of entries' cards. The index's
// few are not counted: each is made again for its last listing.
func (c *cards) expect(entries []*timeline.Entry) {
	if !c.counting() {
		return
	}
	for _, e := range entries {
		if i, ok := c.at[e]; ok {
			c.slots[i].uses.Add(1)
		}
	}
}

// place returns the place in the chronology of the earliest of entries
// that has a card, or 0 when the cards are not counted.
func (c *cards) place(entries []*timeline.Entry) int32 {
	if !c.counting() {
		return 0
	}
	first := int32(math.MaxInt32)
	for _, e := range entries {
		if i, ok := c.at[e]; ok {
			first = min(first, i)
		}
	}
	if first == math.MaxInt32 {
		return 0
	}
	return first
}

// orderListings returns the listings' jobs in the order of the first
// entry each lists (job.first), the others first: an entry's card is then
// shown by pages that run close together, and let go soon after it is
// made, however many terms list it.
func orderListings(jobs []job) []job {
	slices.SortStableFunc(jobs, func(a, b job) int { return cmp.Compare(a.first, b.first) })
	return jobs
}

// done lets every card go, once the listings are rendered.
func (c *cards) done() { c.at, c.slots = nil, nil }

// of returns the card of e, executed now when it is not held, or nil
// when e has no card.
func (c *cards) of(e *timeline.Entry) (*card, error) {
	i, ok := c.at[e]
	if !ok {
		return nil, nil
	}
	slot := &c.slots[i]
	if held := slot.card.Load(); held != nil {
		return held, nil
	}
	made := noCard
	if placeholderFree(e, c.r.links) {
		html, err := c.execute(c.page, e, cardLevel)
		if err != nil {
			return nil, err
		}
		if made = cutCard(string(html)); made == nil {
			made = noCard
		}
	}
	if !slot.card.CompareAndSwap(nil, made) {
		return slot.card.Load(), nil
	}
	if next := c.r.next(); next != nil && made != noCard {
		c.mu.Lock()
		next.cards[c.r.keys.entries[i]] = made
		c.mu.Unlock()
	}
	return made, nil
}

// shown notes that a listing has shown the card of e, and lets the card
// go when it was the last showing expected, unless Reuse.Next keeps it.
func (c *cards) shown(e *timeline.Entry) {
	i, ok := c.at[e]
	if ok && c.slots[i].uses.Add(-1) <= 0 && c.r.next() == nil {
		c.slots[i].card.Store(nil)
	}
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
	made := make([]*card, len(entries))
	n := 0
	for i, e := range entries {
		c, err := p.cards.of(e)
		if err != nil {
			return "", err
		}
		if c != nil && c != noCard {
			made[i] = c
			n += c.size(p.Root)
		}
	}
	var b strings.Builder
	b.Grow(n)
	digit := headingLevel(level)
	for i, e := range entries {
		if c := made[i]; c != nil {
			c.fill(&b, p.Root, digit)
			p.cards.shown(e)
			continue
		}
		html, err := p.cards.execute(&Page{Site: p.Site, Root: p.Root, Links: p.Links, fragments: p.fragments}, e, level)
		if err != nil {
			return "", err
		}
		b.WriteString(string(html))
		p.cards.shown(e)
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
