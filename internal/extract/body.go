package extract

import (
	"strings"

	"github.com/newsroom/timeline/internal/newsdate"
	"github.com/newsroom/timeline/internal/timeline"
)

// trailerStarts begin the short lines after a story that say where and
// when it was published.
var trailerStarts = []string{
	"published in ", "published by ", "first published", "originally published", "this article first appeared",
	"this article appeared", "this story first appeared", "published on ", "posted in ", "posted on ",
}

// modifiedStarts begin lines that date a later change, not publication.
var modifiedStarts = []string{"last modified", "last updated", "updated", "modified", "edited"}

// videoVerbs mark a video blurb placed before a story ("X reports the
// latest on ...", "Y discusses ...").
var videoVerbs = []string{
	" reports the latest", " discusses ", " joins ", " weighs in", " breaks down ", " reacts to ",
	" explains ", " analyzes ", " analyses ", " provides insight", " gives his take", " gives her take",
}

// hasDate reports whether s mentions a calendar day.
func hasDate(s string) bool {
	for _, m := range newsdate.Scan(s) {
		if m.Kind == newsdate.Absolute || m.Kind == newsdate.Yearless {
			return true
		}
	}
	return false
}

// isDateLine reports whether s is little more than a date ("May 22,
// 2022", "Sunday, May 22").
func isDateLine(s string) bool {
	if len(s) > 60 {
		return false
	}
	covered := 0
	for _, m := range newsdate.Scan(s) {
		if m.Kind <= newsdate.MonthYear {
			covered += m.End - m.Start
		}
	}
	return covered > 0 && covered*10 >= len(strings.TrimSpace(s))*7
}

// firstDay returns the first mention in s of a calendar day, with its
// offsets made absolute by adding base.
func firstDay(s string, base int) (newsdate.Mention, bool) {
	for _, m := range newsdate.Scan(s) {
		if m.Kind == newsdate.Absolute || m.Kind == newsdate.Yearless {
			m.Start += base
			m.End += base
			return m, true
		}
	}
	return newsdate.Mention{}, false
}

// isDash reports whether s is only a dash.
func isDash(s string) bool {
	t := strings.Trim(s, " ")
	return t == "—" || t == "–" || t == "-" || t == "--"
}

// readBody classifies every line after the headline into paragraphs,
// headings, captions and dropped lines.
func (x *extraction) readBody() {
	lines := x.lines
	start := 0
	if x.title >= 0 {
		for i := 0; i < x.title; i++ {
			x.drop(lines[i], reasonBeforeHeadline)
		}
		start = x.title + 1
	}
	x.readHeader(start)
	ended := false
	for i := max(start, x.firstProse); i < len(lines); i++ {
		l := lines[i]
		lower := lowerASCII(l.Text)
		key := shortKey(l.Text)
		switch {
		case ended:
			x.drop(l, reasonAfterEnd)
		case endMarkers[key] || strings.HasPrefix(key, "source: read full"):
			x.drop(l, reasonAfterEnd)
			ended = len(x.a.Blocks) > 0
		case l.Text == x.a.Title:
			x.drop(l, reasonRepeated)
		case i+1 < len(lines) && lines[i+1].Text == l.Text:
			x.caption(l)
		case i > 0 && lines[i-1].Text == l.Text:
			x.drop(l, reasonRepeated)
		case startsWithAny(lower, trailerStarts) && words(l.Text) <= 15:
			x.readTrailer(l)
		case startsWithAny(lower, modifiedStarts) && hasDate(l.Text) && words(l.Text) <= 12:
			x.drop(l, reasonTrailer)
		case isDateLine(l.Text):
			x.drop(l, reasonDateLine)
		case isCaption(l.Text) && captionShaped(l.Text):
			x.caption(l)
		case x.chromeOf(i) != "":
			r := x.chromeOf(i)
			if r == reasonCredit {
				x.creditAfter(i)
			}
			x.drop(l, r)
		case isCaption(l.Text):
			x.caption(l)
		case strings.HasSuffix(l.Text, "…") && !isProse(strings.TrimSuffix(l.Text, "…")) && words(l.Text) < 40:
			x.drop(l, reasonTeaser)
		case isTitleShaped(l.Text) && words(l.Text) > 7 && !strings.Contains(l.Text, ": ") && i+1 < len(lines):
			x.drop(l, reasonRelated)
		case (isTitleShaped(l.Text) || words(l.Text) == 2 && isTitleWords(l.Text)) && i+1 < len(lines):
			x.keep(timeline.Heading, l)
		default:
			x.paragraph(l, i == len(lines)-1)
		}
	}
}

// readHeader reads the lines between the headline and the first prose
// paragraph: bylines with dates, share rows, and a dateline split over
// lines ("CNN" then "—").
func (x *extraction) readHeader(start int) {
	lines := x.lines
	for i := start; i < x.firstProse; i++ {
		l := lines[i]
		switch {
		case l.Text == x.a.Title:
			x.drop(l, reasonRepeated)
		case isDash(l.Text):
			x.drop(l, reasonDateline)
		case i+1 < x.firstProse && lines[i+1].Text == l.Text:
			x.caption(l)
		case i > 0 && lines[i-1].Text == l.Text:
			x.drop(l, reasonRepeated)
		case i+1 < x.firstProse && isDash(lines[i+1].Text) && words(l.Text) <= 3:
			x.setDatelineToken(l.Text)
			x.drop(l, reasonDateline)
		case isCaption(l.Text):
			x.caption(l)
		case hasDate(l.Text) && words(l.Text) <= 15:
			if m, ok := firstDay(l.Text, l.Start); ok && !x.byline.found && !startsWithAny(lowerASCII(l.Text), modifiedStarts) &&
				x.dateRepeats(m) < 2 {
				x.byline = candidate{true, m}
			}
			x.drop(l, reasonByline)
		case x.chromeOf(i) != "":
			x.drop(l, x.chromeOf(i))
		case strings.HasPrefix(strings.ToLower(l.Text), "by ") && words(l.Text) <= 8:
			x.drop(l, reasonByline)
		case words(l.Text) <= 2:
			x.drop(l, reasonScrap)
		default:
			x.paragraph(l, false)
		}
	}
}

// readTrailer reads "Published in Dawn, October 22th, 2022".
func (x *extraction) readTrailer(l span) {
	x.drop(l, reasonTrailer)
	if m, ok := firstDay(l.Text, l.Start); ok && !x.trailer.found {
		x.trailer = candidate{true, m}
	}
	lower := lowerASCII(l.Text)
	for _, p := range []string{"published in ", "published by ", "appeared in ", "first published in "} {
		if i := strings.Index(lower, p); i >= 0 && x.a.Outlet == "" {
			name := l.Text[i+len(p):]
			if j := strings.IndexAny(name, ",;("); j >= 0 {
				name = name[:j]
			}
			if m, ok := firstDay(name, 0); ok {
				name = name[:m.Start]
			}
			x.a.Outlet = strings.TrimSpace(strings.TrimRight(name, ". "))
		}
	}
}

// caption files a line under Captions and remembers its dates.
func (x *extraction) caption(s span) {
	x.a.Captions = append(x.a.Captions, s.Text)
	for _, m := range newsdate.Scan(s.Text) {
		if m.Kind == newsdate.Absolute {
			m.Start += s.Start
			m.End += s.Start
			x.captionDates = append(x.captionDates, m)
		}
	}
}

// creditAfter moves the block just before a credit line at index i to
// Captions: a credit follows the caption it credits.
func (x *extraction) creditAfter(i int) {
	n := len(x.a.Blocks)
	if n == 0 || i == 0 || x.a.Blocks[n-1].Offset != x.lines[i-1].Start {
		return
	}
	b := x.a.Blocks[n-1]
	if !captionShaped(b.Text) {
		return
	}
	x.a.Blocks = x.a.Blocks[:n-1]
	x.caption(span{Start: b.Offset, End: b.Offset + len(b.Text), Text: b.Text})
}

// isCaption reports whether a line short enough to be a caption carries
// a photo or video credit.
func isCaption(s string) bool {
	return len(s) < longLine && hasCredit(lowerASCII(s))
}

// captionWords mark the way photo captions describe a picture.
var captionWords = []string{"in this photo", "pictured", "file - ", "file photo", "photo taken", " is seen ", " are seen "}

// captionShaped reports whether a line reads as a photo caption: a
// picture's description with the day it was taken ("..., Tuesday, Dec. 21,
// 2021."), or one of the phrases captions use.
func captionShaped(s string) bool {
	if words(s) > 120 {
		return false
	}
	if containsAny(lowerASCII(s), captionWords) {
		return true
	}
	for _, m := range newsdate.Scan(s) {
		if m.Kind == newsdate.Absolute && m.Weekday >= 0 {
			return true
		}
	}
	return false
}

// dateRepeats counts the lines that mention the same day as m: a date
// printed on many lines belongs to a sidebar, not to the byline.
func (x *extraction) dateRepeats(m newsdate.Mention) int {
	if x.dayLines == nil {
		x.dayLines = map[[3]int]int{}
		for _, l := range x.lines {
			seen := map[[3]int]bool{}
			for _, o := range newsdate.Scan(l.Text) {
				k := [3]int{o.Year, o.Month, o.Day}
				if o.Kind <= newsdate.Yearless && !seen[k] {
					seen[k] = true
					x.dayLines[k]++
				}
			}
		}
	}
	return x.dayLines[[3]int{m.Year, m.Month, m.Day}]
}

// chromeOf returns chromeReason of line i, computed once.
func (x *extraction) chromeOf(i int) string {
	if x.chrome == nil {
		x.chrome = make([]*string, len(x.lines))
	}
	if x.chrome[i] == nil {
		r := chromeReason(x.lines[i].Text)
		x.chrome[i] = &r
	}
	return *x.chrome[i]
}
