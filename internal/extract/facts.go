package extract

import (
	"encoding/binary"
	"math/bits"
	"slices"
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
	// digit says whether the line holds an ASCII digit.
	digit bool
	// dates are the line's date mentions, offsets relative to text. A
	// line without a digit is not scanned: it names no calendar day,
	// month or year, and the rules act on nothing else in a line's dates.
	dates []newsdate.Mention
	// phrases are the groups of linePhrases the line holds, once
	// phrasesDone is set (see phraseGroups).
	phrases     uint8
	phrasesDone bool
	// chrome is chromeReason of the line, once chromeDone is set.
	chrome     string
	chromeDone bool
	// shaped is titleShaped of the line, once shapedDone is set.
	shaped, shapedDone bool
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
		digit: strings.ContainsAny(s, "0123456789"),
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
		f := &x.facts[i]
		s.line, f.words, f.digit = appendLowerWords(s.line[:0], l.Text)
		lower.Write(s.line)
		if f.digit {
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

// Byte classes, as bits of byteClasses.
const (
	// classSpace is a space or tab: what separates words.
	classSpace = 1 << iota
	// classDigit is an ASCII digit.
	classDigit
	// classCurly is 0xe2, the first byte of a curly apostrophe.
	classCurly
)

// byteClasses has the classes of each byte, and lowerBytes its lower
// case (ASCII capitals only).
var byteClasses, lowerBytes = func() (classes, lower [256]byte) {
	for c := range 256 {
		switch {
		case c == ' ' || c == '\t':
			classes[c] = classSpace
		case c >= '0' && c <= '9':
			classes[c] = classDigit
		case c == 0xe2:
			classes[c] = classCurly
		}
		lower[c] = byte(c)
		if c >= 'A' && c <= 'Z' {
			lower[c] = byte(c + 'a' - 'A')
		}
	}
	return classes, lower
}()

// appendLowerWords appends lowerASCII(s) to dst, a curly apostrophe as
// ', and counts the space-separated words of s and reports whether it
// holds an ASCII digit, in one pass. Runs of eight ASCII bytes are read
// as one word (see asciiChunk); other bytes one at a time, without a
// branch but at a curly apostrophe.
func appendLowerWords(dst []byte, s string) (out []byte, words int, digit bool) {
	start := len(dst)
	dst = slices.Grow(dst, len(s))[:start+len(s)]
	lower := dst[start:]
	n := 0
	var seen byte
	prevSpace := uint64(1)
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			if x := load8(s, i); x&highBits == 0 {
				c := asciiChunk(x, prevSpace)
				words += c.words
				prevSpace = c.lastSpace
				if c.digit {
					seen |= classDigit
				}
				binary.LittleEndian.PutUint64(lower[n:n+8], c.lower)
				i += 8
				n += 8
				continue
			}
		}
		c := s[i]
		k := byteClasses[c]
		words += int(prevSpace) &^ int(k) & classSpace // a word starts after a space
		prevSpace = uint64(k & classSpace)
		seen |= k
		if k&classCurly != 0 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x99 {
			c = '\''
			i += 2 // neither continuation byte is a space or a digit
		}
		lower[n] = lowerBytes[c]
		n++
		i++
	}
	return dst[:start+n], words, seen&classDigit != 0
}

// highBits has the high bit of each byte of a uint64.
const highBits = 0x8080808080808080

// ones has 1 in each byte of a uint64.
const ones = 0x0101010101010101

// load8 returns s[i:i+8] as a little-endian uint64.
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// chunk is what asciiChunk read in eight ASCII bytes.
type chunk struct {
	lower     uint64
	words     int
	lastSpace uint64
	digit     bool
}

// asciiChunk reads eight ASCII bytes x (the first in the low byte), the
// byte before them a space or tab when prevSpace is 1: their lower case,
// the words starting in them, whether the last is a space or tab, and
// whether one is a digit. Each test sets the high bit of the bytes that
// pass it: no byte is above 0x7f, so adding to one carries into no other.
func asciiChunk(x, prevSpace uint64) chunk {
	upper := (x + (0x80-'A')*ones) &^ (x + (0x80-'Z'-1)*ones) & highBits
	digits := (x + (0x80-'0')*ones) &^ (x + (0x80-'9'-1)*ones) & highBits
	space := (^((x ^ ' '*ones) + 0x7f*ones) | ^((x ^ '\t'*ones) + 0x7f*ones)) & highBits
	starts := (space<<8 | prevSpace<<7) &^ space & highBits
	return chunk{
		lower:     x | upper>>2,
		words:     bits.OnesCount64(starts),
		lastSpace: space >> 63,
		digit:     digits != 0,
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

// phraseGroups returns the groups of linePhrases the line holds, worked
// out on first use: the search is a pass over the line, and lines before
// the headline or after the end of the article never need it.
func (f *lineFacts) phraseGroups() uint8 {
	if !f.phrasesDone {
		f.phrases, f.phrasesDone = linePhrases.groups(f.lower), true
	}
	return f.phrases
}

// hasCredit reports whether the line names a photo or video credit.
func (f *lineFacts) hasCredit() bool {
	return f.phraseGroups()&groupCredit != 0
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
