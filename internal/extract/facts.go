package extract

import (
	"strings"

	"github.com/newsroom/timeline/internal/newsdate"
)

// lineFacts are what the rules ask of one line, worked out once per line
// so that no rule lower-cases, counts or scans a line again.
type lineFacts struct {
	text string
	// lower is lowerASCII(text); key is its shortKey.
	lower, key string
	words      int
	// dates are the line's date mentions, offsets relative to text. A
	// line without a digit is not scanned: it names no calendar day,
	// month or year, and the rules act on nothing else in a line's dates.
	dates []newsdate.Mention
	// credit is whether the line names a photo or video credit, once
	// creditDone is set (see hasCredit).
	credit, creditDone bool
	// chrome is chromeReason of the line, once chromeDone is set.
	chrome     string
	chromeDone bool
}

// factsOf works out the facts of a piece of text that is not one of the
// lines (chrome is left to be asked).
func factsOf(s string) *lineFacts {
	lower := lowerASCII(s)
	return &lineFacts{
		text:  s,
		lower: lower,
		key:   shortKey(lower),
		words: words(s),
		dates: newsdate.Scan(s),
	}
}

// readLines splits the text into lines and works out their facts, in
// the buffers of s. The lower-case copies of all lines share one buffer,
// and so do their dates.
func (x *extraction) readLines(s *scratch) {
	s.lines = appendLines(s.lines[:0], x.text)
	x.lines = s.lines
	s.facts = sized(s.facts, len(x.lines))
	x.facts = s.facts
	s.ends = sized(s.ends, len(x.lines))
	// Each line is lower-cased in s.line, then copied to lower, whose
	// String does not copy again.
	var lower strings.Builder
	lower.Grow(len(x.text))
	dates := s.dates[:0]
	for i, l := range x.lines {
		s.line = appendLower(s.line[:0], l.Text)
		lower.Write(s.line)
		var digit bool
		x.facts[i].words, digit = wordsAndDigit(l.Text)
		if digit {
			dates = newsdate.AppendScan(dates, l.Text)
		}
		s.ends[i] = lineEnd{lower.Len(), len(dates)}
	}
	s.dates = dates
	all := lower.String()
	var start lineEnd
	for i, l := range x.lines {
		f := &x.facts[i]
		f.text = l.Text
		f.lower = all[start.lower:s.ends[i].lower]
		f.key = shortKey(f.lower)
		f.dates = dates[start.dates:s.ends[i].dates]
		start = s.ends[i]
	}
}

// datesOf returns the date mentions of s, a line or a piece of one, with
// offsets relative to s.Text: the line's own when s is the whole line.
func (x *extraction) datesOf(s span) []newsdate.Mention {
	if l := x.lines[s.Line]; l.Start == s.Start && l.End == s.End {
		return x.facts[s.Line].dates
	}
	return newsdate.Scan(s.Text)
}

// hasCredit reports whether the line names a photo or video credit,
// worked out on first use: the search is a pass over the line, and lines
// before the headline or after the end of the article never need it.
func (f *lineFacts) hasCredit() bool {
	if !f.creditDone {
		f.credit, f.creditDone = hasCredit(f.lower), true
	}
	return f.credit
}

// lowerOf returns lowerASCII(s.Text) for a piece of a line: cut from the
// line's lower case when lower-casing kept the line's length (it had no
// curly apostrophe), else worked out anew.
func (x *extraction) lowerOf(s span) string {
	line, f := x.lines[s.Line], &x.facts[s.Line]
	if len(f.lower) == len(line.Text) {
		return f.lower[s.Start-line.Start : s.End-line.Start]
	}
	return lowerASCII(s.Text)
}

// chromeOf returns chromeReason of line i, worked out once.
func (x *extraction) chromeOf(i int) string {
	f := &x.facts[i]
	if !f.chromeDone {
		f.chrome, f.chromeDone = chromeReason(f), true
	}
	return f.chrome
}
