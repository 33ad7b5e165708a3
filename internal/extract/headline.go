package extract

import (
	"strings"
)

// endsSentence reports whether s ends the way a prose paragraph does.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’)]» ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, ":") || strings.HasSuffix(s, "…")
}

// isProse reports whether a line of n words reads as article prose:
// enough words and sentence punctuation, or long.
func isProse(s string, n int) bool {
	return n >= 8 && endsSentence(s) || n >= 50
}

// titleShaped reports whether line i could be a headline: a handful of
// words, not a sentence, not chrome. It is worked out once per line.
func (x *extraction) titleShaped(i int) bool {
	f := &x.facts[i]
	if !f.shapedDone {
		f.shaped, f.shapedDone = x.isTitleShaped(f, i), true
	}
	return f.shaped
}

// isTitleShaped works out titleShaped of line i, whose facts are f.
func (x *extraction) isTitleShaped(f *lineFacts, i int) bool {
	s, n := f.text, f.words
	if n < 3 || n > 30 || len(s) > 320 || isBullet(s) || strings.HasPrefix(s, "By ") {
		return false
	}
	if startsLower(s) || strings.HasSuffix(strings.TrimRight(s, "\"'”’ "), ".") || strings.HasSuffix(s, ",") ||
		strings.HasSuffix(s, ":") || hasSentenceBreak(s) {
		return false
	}
	return x.chromeOf(i) == "" && !isDateLine(f)
}

// introWords start introductory phrases a derived headline leaves out.
var introWords = []string{
	"on ", "in ", "during ", "after ", "amid ", "as ", "following ", "despite ", "with ", "earlier ",
	"later ", "meanwhile", "at ", "speaking ", "according to ", "last ", "this ", "since ", "while ",
}

// deriveTitle makes a headline from the lede's first sentence: without
// introductory phrases, cut at a colon, and at most maxTitle bytes.
func deriveTitle(sentence string) string {
	const maxTitle = 140
	s := strings.TrimSpace(sentence)
	for range 3 {
		comma := strings.Index(s, ", ")
		if comma < 0 || comma > len(s)*3/5 || !startsWithAny(strings.ToLower(s), introWords) {
			break
		}
		s = s[comma+2:]
	}
	if i := strings.Index(s, ": "); i > 20 {
		s = s[:i]
	}
	for i := 1; i+1 < len(s); i++ {
		if s[i] == '.' && s[i+1] >= 'A' && s[i+1] <= 'Z' && s[i-1] >= 'a' && s[i-1] <= 'z' {
			s = s[:i] // sentences glued by a scraper: "the floor.The politician"
			break
		}
	}
	s = strings.TrimRight(s, ".;, ")
	if len(s) > maxTitle {
		cut := strings.LastIndexByte(s[:maxTitle], ' ')
		if cut < 20 {
			cut = maxTitle
		}
		for cut > 0 && cut < len(s) && s[cut]&0xc0 == 0x80 {
			cut--
		}
		s = strings.TrimRight(s[:cut], ",;: ") + "…"
	}
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// hasSentenceBreak reports whether s holds more than one sentence.
func hasSentenceBreak(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if (s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i+1] == ' ' && s[i+2] >= 'A' && s[i+2] <= 'Z' && sentenceEnd(s, i) {
			return true
		}
	}
	return false
}

// startsLower reports whether s starts with a small letter that is not
// a name's ("iOS", "eBay" start with one and a capital after it).
func startsLower(s string) bool {
	return s != "" && s[0] >= 'a' && s[0] <= 'z' && !(len(s) > 1 && s[1] >= 'A' && s[1] <= 'Z')
}
