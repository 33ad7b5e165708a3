package extract

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// span is a piece of the source: a trimmed line or, inside a long line, a
// run of sentences. Text is always data[Start:End].
type span struct {
	Start, End int
	Text       string
	// Line is the index of the source line the span comes from.
	Line int
	// Break is true when the span starts a new paragraph of its line.
	Break bool
}

// longLine is the length past which a line is read as paragraphs joined
// by spaces, the way many scrapers flatten HTML, and split into sentences.
const longLine = 700

// isSpaceAt returns the byte length of the space at text[i] (ASCII space,
// tab, CR, or the UTF-8 no-break and zero-width spaces), or 0.
func isSpaceAt(text string, i int) int {
	c := text[i]
	switch {
	case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
		return 1
	case c == 0xc2 && i+1 < len(text) && text[i+1] == 0xa0:
		return 2
	case c == 0xe2 && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0x8b || text[i+2] == 0xaf):
		return 3
	}
	return 0
}

// trimSpan returns the bounds of text[start:end] without surrounding space.
func trimSpan(text string, start, end int) (int, int) {
	for start < end {
		n := isSpaceAt(text, start)
		if n == 0 {
			break
		}
		start += n
	}
	for end > start {
		c := text[end-1]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			end--
		case end-2 >= start && text[end-2] == 0xc2 && c == 0xa0:
			end -= 2
		case end-3 >= start && text[end-3] == 0xe2 && text[end-2] == 0x80 && (c == 0x8b || c == 0xaf):
			end -= 3
		default:
			return start, end
		}
	}
	return start, end
}

// appendLines appends the non-empty lines of text, trimmed, with offsets,
// to lines.
func appendLines(lines []span, text string) []span {
	lines = slices.Grow(lines, strings.Count(text, "\n")+1)
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := trimSpan(text, start, end)
		if s < e {
			lines = append(lines, span{Start: s, End: e, Text: text[s:e], Line: len(lines)})
		}
		start = end + 1
	}
	return lines
}

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "col": true, "lt": true,
	"sen": true, "rep": true, "gov": true, "st": true, "no": true, "inc": true, "jr": true,
	"sr": true, "vs": true, "adm": true, "maj": true, "sgt": true, "capt": true, "prof": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "u.s": true, "u.n": true,
	"u.k": true, "d.c": true, "a.m": true, "p.m": true, "art": true, "e.g": true, "i.e": true,
}

// sentenceEnd reports whether the period-like byte at text[i] ends a
// sentence, judging by the word before it.
func sentenceEnd(text string, i int) bool {
	if text[i] != '.' {
		return true
	}
	// The word is at most eight bytes, all ASCII letters, digits and
	// periods, so its lower case fits a small buffer.
	var buf [8]byte
	word := buf[:copy(buf[:], text[wordBefore(text, i):i])]
	for k, c := range word {
		word[k] = lowerBytes[c]
	}
	if len(word) == 1 && word[0] >= 'a' && word[0] <= 'z' {
		return false
	}
	return !abbreviations[string(word)]
}

// wordBefore returns where the word before text[i] starts: up to eight
// ASCII letters, digits and periods.
func wordBefore(text string, i int) int {
	w := i
	for w > 0 && (isWordByte(text[w-1]) || text[w-1] == '.') && i-w < 8 {
		w--
	}
	return w
}

func isWordByte(c byte) bool {
	return c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9'
}

// sentences returns the sentences of the line span (see
// appendSentences), in a buffer the next call reuses.
func (x *extraction) sentences(line span, limit int) []span {
	x.sents = appendSentences(x.sents[:0], x.text, line, limit)
	return x.sents
}

// appendSentences appends the sentence spans of the line span to out,
// stopping after limit of them when limit > 0. A run of two or more
// spaces marks a paragraph break (Break set on the next sentence).
func appendSentences(out []span, text string, line span, limit int) []span {
	s := sentenceSplit{text: text, line: line, out: out, start: line.Start, brk: true}
	first := len(out)
	for i := line.Start; i < line.End; {
		if limit > 0 && len(s.out)-first == limit {
			return s.out
		}
		if i = skipPlain(text, i, line.End); i >= line.End {
			break
		}
		i = s.step(i)
	}
	s.emit(line.End, line.End, false)
	return s.out
}

// sentenceSplit gathers the sentence spans of one line span of text.
type sentenceSplit struct {
	text  string
	line  span
	out   []span
	start int  // where the sentence being read starts
	brk   bool // whether it starts a paragraph
}

// emit ends the sentence being read at end, appending it trimmed unless
// it is empty, and starts the next at next, after a paragraph break when
// nextBreak.
func (s *sentenceSplit) emit(end int, next int, nextBreak bool) {
	a, b := trimSpan(s.text, s.start, end)
	if a < b {
		s.out = append(s.out, span{Start: a, End: b, Text: s.text[a:b], Line: s.line.Line, Break: s.brk})
		s.brk = nextBreak
	} else {
		s.brk = s.brk || nextBreak
	}
	s.start = next
}

// step reads the byte at i, ending a sentence there if one ends, and
// returns where to read on.
func (s *sentenceSplit) step(i int) int {
	text, end := s.text, s.line.End
	c := text[i]
	if c == 'R' && gluedReadMore(text, s.line.Start, i, end) {
		c = '.' // a link glued to the sentence before it ends a sentence
		i += len("Read more") - 1
	}
	if isWordByte(c) {
		return i + 1 // letters and digits neither space nor end a sentence
	}
	if isSpaceAt(text, i) > 0 {
		j, count := spaceRun(text, i, end)
		if count >= 2 && j < end {
			s.emit(i, j, true)
		}
		return j
	}
	if c == ')' && creditParen(text, s.line.Start, i) {
		c = '.'
	}
	if (c == '.' || c == '?' || c == '!') && sentenceEnd(text, i) {
		return s.endAt(i)
	}
	if c < utf8.RuneSelf {
		return i + 1
	}
	_, size := utf8.DecodeRuneInString(text[i:])
	return i + size
}

// endAt reads on from the sentence end at i over closing quotes and
// brackets, and ends the sentence there when a space and the start of
// another sentence follow. It returns where to read on.
func (s *sentenceSplit) endAt(i int) int {
	text, end := s.text, s.line.End
	j := i + 1
	for j < end && strings.IndexByte(`"')]`, text[j]) >= 0 {
		j++
	}
	for j < end && closingQuote(text, j) {
		j += 3
	}
	if j < end && isSpaceAt(text, j) > 0 {
		k := j + isSpaceAt(text, j)
		if k < end && sentenceStart(text, k) {
			s.emit(j, k, false)
			return k
		}
	}
	return j
}

// skipPlain returns the index of the first byte from i to end that may
// space or end a sentence: it passes over plain bytes (neither space, nor
// sentence end, nor "Read more": letters, digits, most punctuation, and
// UTF-8 bytes that do not start a no-break or zero-width space), and
// single spaces between them, which end nothing either.
func skipPlain(text string, i, end int) int {
	for i < end {
		if plainBytes[text[i]] {
			i++
		} else if text[i] == ' ' && i+1 < end && plainBytes[text[i+1]] {
			i += 2
		} else {
			break
		}
	}
	return i
}

// spaceRun returns the end of the run of spaces that starts at i, before
// end, and how many spaces it holds.
func spaceRun(text string, i, end int) (j, count int) {
	j = i
	for j < end {
		n := isSpaceAt(text, j)
		if n == 0 {
			break
		}
		j += n
		count++
	}
	return j, count
}

// plainBytes are the bytes appendSentences passes over: all but the
// first bytes of spaces (see isSpaceAt), sentence ends, ')' and 'R'. The
// bytes of a UTF-8 sequence after its first are never any of those, so
// passing over them one at a time is passing over the whole rune.
var plainBytes = func() (t [256]bool) {
	for c := range t {
		t[c] = true
	}
	for _, c := range []byte{' ', '\t', '\r', '\f', '\v', 0xc2, 0xe2, '.', '?', '!', ')', 'R'} {
		t[c] = false
	}
	return t
}()

// gluedReadMore reports whether text[i:end] starts with "Read more" glued
// to a word before it (from on), the way scrapers flatten a link to
// another story: "… as Russian troops falterRead more Earlier, …".
func gluedReadMore(text string, from, i, end int) bool {
	return i > from && text[i-1] >= 'a' && text[i-1] <= 'z' && strings.HasPrefix(text[i:end], "Read more") &&
		(i+len("Read more") == end || !isWordByte(text[i+len("Read more")]))
}

// closingQuote reports whether a curly closing quote starts at text[i].
func closingQuote(text string, i int) bool {
	return i+2 < len(text) && text[i] == 0xe2 && text[i+1] == 0x80 && (text[i+2] == 0x9d || text[i+2] == 0x99)
}

// sentenceStart reports whether a sentence can start at text[k].
func sentenceStart(text string, k int) bool {
	c := text[k]
	return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '"' || c == '(' || c == '\'' || c == '-' || c == '_' ||
		c == 0xe2 // curly quotes and dashes
}

// words counts the space-separated words of s: the bytes other than a
// space or tab that follow one, or start s.
func words(s string) int {
	n, prevSpace := 0, true
	for i := 0; i < len(s); i++ {
		space := byteClasses[s[i]]&classSpace != 0
		if prevSpace && !space {
			n++
		}
		prevSpace = space
	}
	return n
}

// creditParen reports whether the parenthesis closing at text[i] holds a
// photo credit, which ends a caption as a full stop would.
func creditParen(text string, from, i int) bool {
	open := strings.LastIndexByte(text[max(from, i-100):i], '(')
	return open >= 0 && hasCredit(lowerASCII(text[max(from, i-100)+open:i+1]))
}
