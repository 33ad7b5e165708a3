package synth

import (
	"fmt"
	"strings"
)

// Raw articles are between minSize and maxSize bytes: the body grows by
// whole paragraphs up to a target drawn in [minTarget, maxTarget], and a
// paragraph is shorter than maxParagraph.
const (
	minTarget    = 3800
	maxTarget    = 9600
	maxParagraph = 700
)

// raw returns the article as a scraper saves it: perhaps site navigation
// and a sidebar first, the headline, a byline, captions with older dates,
// a lede with a relative weekday, body paragraphs with "Advertisement"
// and sub-headings between them, a trailer ("Published in Dawn, October
// 22nd, 2022", "Source link") and perhaps a list of other stories, each
// with its date repeated.
func (s *story) raw() []byte {
	head, tail := s.rawHead(), s.rawTail()
	target := minTarget + s.rng.IntN(maxTarget-minTarget)
	var b strings.Builder
	b.Grow(target + maxParagraph)
	b.WriteString(head)
	b.WriteString(s.lede())
	b.WriteString("\n\n")
	for {
		var para string
		switch r := s.rng.IntN(20); {
		case r == 0:
			para = "Advertisement"
		case r == 1:
			para = pick(s.rng, subheadings)
		case r == 2:
			para = s.caption()
		default:
			para = s.paragraph()
		}
		if b.Len()+len(para)+2+len(tail) > target {
			break
		}
		b.WriteString(para)
		b.WriteString("\n\n")
	}
	b.WriteString(tail)
	return []byte(b.String())
}

// rawHead is everything before the lede.
func (s *story) rawHead() string {
	var b strings.Builder
	if s.rng.IntN(10) < 3 {
		for _, line := range chromeNav {
			b.WriteString(line + "\n\n")
		}
		b.WriteString("What's Hot\n\n")
		b.WriteString(s.sidebar(3))
		fmt.Fprintf(&b, "Home » News » %s\n\n", s.headline)
	}
	b.WriteString(s.headline + "\n\n")
	switch s.rng.IntN(4) {
	case 0:
		fmt.Fprintf(&b, "By %s %s\n\n", pick(s.rng, reporters), usDate(s.published))
	case 1:
		r := pick(s.rng, reporters)
		fmt.Fprintf(&b, "%sBy %s%sNo Comments\nShare\nFacebook Twitter LinkedIn Email\n\n", r, r, usDate(s.published))
	case 2:
		fmt.Fprintf(&b, "%s\n — \n\n", s.outlet)
	}
	if s.rng.IntN(2) == 0 {
		c := s.caption()
		b.WriteString(c + "\n" + c + "\n\n")
	}
	switch s.rng.IntN(7) {
	case 0:
		fmt.Fprintf(&b, " date %s ", s.event.Format("2006-01-02"))
	case 1:
		b.WriteString(strings.ToUpper(s.fill("{place}")) + ": ")
	}
	return b.String()
}

// lede is the first paragraph: who did what, "on Friday", and what a
// local figure said of it.
func (s *story) lede() string {
	return s.fill(pick(s.rng, ledes)) + " " + s.fill(pick(s.rng, ledeDetails))
}

// rawTail is the trailer and the chrome after the body.
func (s *story) rawTail() string {
	var b strings.Builder
	switch s.rng.IntN(4) {
	case 0:
		fmt.Fprintf(&b, "Published in %s, %s %s, %d\n", s.outlet, s.published.Month(),
			ordinal(s.published.Day(), s.rng.IntN(3) == 0), s.published.Year())
	case 1:
		b.WriteString("Source link\n")
	case 2:
		b.WriteString("Source: Read Full Article\n")
	}
	if s.rng.IntN(5) < 2 {
		b.WriteString("\nLatest Posts\n\n")
		b.WriteString(s.sidebar(3))
		fmt.Fprintf(&b, "© %d %s. All rights reserved.\n", s.published.Year(), s.outlet)
	}
	return b.String()
}

// sidebar lists n other stories, each under the same date, as sidebars
// of recent posts do.
func (s *story) sidebar(n int) string {
	var b strings.Builder
	date := usDate(s.published.AddDate(0, 0, s.rng.IntN(10)))
	if s.rng.IntN(2) == 0 {
		date = shortUSDate(s.published.AddDate(0, 0, s.rng.IntN(10)))
	}
	for range n {
		other := newStory(s.rng.Uint64(), 0)
		fmt.Fprintf(&b, "    %s\n\n    %s\n\n", other.headline, date)
	}
	return b.String()
}
