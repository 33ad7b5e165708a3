package render

import "fmt"

// PageSize is the most entries one page of a person, tag, month or phase
// lists; longer terms continue on "page/2/", "page/3/" and so on. At
// about 1.2 KB of HTML an entry, a page stays under 100 KB. Every entry
// keeps its own permalink, so no shared link depends on the split.
const PageSize = 50

// Pager is one page of a term's entries: entries From (inclusive) to To
// (exclusive) of the term, page Number of Count.
type Pager struct {
	Base          string
	Number, Count int
	From, To      int
}

// paginate splits n entries of the term at base into pages.
func paginate(base string, n int) []*Pager {
	count := max(1, (n+PageSize-1)/PageSize)
	pagers := make([]*Pager, count)
	for i := range pagers {
		pagers[i] = &Pager{Base: base, Number: i + 1, Count: count, From: i * PageSize, To: min(n, (i+1)*PageSize)}
	}
	return pagers
}

// URL returns the site-relative URL of page number of the term: its own
// URL for page 1, then "page/N/" below it.
func (p *Pager) URL(number int) string {
	if number <= 1 {
		return p.Base
	}
	return fmt.Sprintf("%spage/%d/", p.Base, number)
}

// Prev returns the URL of the page before, or "" on the first.
func (p *Pager) Prev() string {
	if p.Number <= 1 {
		return ""
	}
	return p.URL(p.Number - 1)
}

// Next returns the URL of the page after, or "" on the last.
func (p *Pager) Next() string {
	if p.Number >= p.Count {
		return ""
	}
	return p.URL(p.Number + 1)
}

// First returns the URL of the first page, or "" on the first two
// (where Prev leads there already).
func (p *Pager) First() string {
	if p.Number <= 2 {
		return ""
	}
	return p.URL(1)
}

// Last returns the URL of the last page, or "" on the last two.
func (p *Pager) Last() string {
	if p.Number >= p.Count-1 {
		return ""
	}
	return p.URL(p.Count)
}

// Shows returns the numbers of the first and last entries of the page,
// counting from 1.
func (p *Pager) Shows() string { return fmt.Sprintf("%d–%d", p.From+1, p.To) }
