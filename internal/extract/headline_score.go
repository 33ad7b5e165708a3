package extract

import (
	"strings"
)

// Reasons a line cannot be the headline at all.
const (
	notTitleChrome    = "chrome"
	notTitleDate      = "a date or timestamp"
	notTitleWidget    = "page-widget text"
	notTitleByline    = "a byline"
	notTitleShape     = "not a headline's shape"
	notTitleLongShort = "too long or too short"
)

// widgetPhrases are the words of page widgets (placeholders, buttons,
// reading-time and comment counters) on short lines.
var widgetPhrases = newPhraseSet([]string{
	"loading", "copy link", "link copied", "copied to clipboard", "skip to", "min read", "min. read",
	"minute read", "read more", "sign up", "sign in", "log in", "subscribe", "cookie", "javascript",
	"advertisement", "comment", "click to", "opens in new window", "please wait", "view all", "load more",
	"no result", "share this", "share on", "share via", "hours ago", "hrs ago", "mins ago", "minutes ago",
	"days ago", "sharing options", "listen to this", "audio", "play video", "watch video", "about us", "contact us",
	"privacy", "terms of", "all rights", "newsletter", "enable", "your browser", "toggle",
})

// roleWords name a byline's role rather than report.
var roleWords = map[string]bool{
	"staff": true, "reporter": true, "correspondent": true, "editor": true, "writer": true,
	"contributor": true, "columnist": true, "desk": true, "bureau": true, "team": true, "wires": true,
}

// headlineReject returns why line i cannot be the headline, or "" (the
// first reason found: only whether there is one counts).
func (x *extraction) headlineReject(i int) string {
	f := &x.facts[i]
	s := f.text
	switch {
	case f.words < 2 || f.words > 45 || len(s) > 320:
		return notTitleLongShort
	case isBullet(s) || isBreadcrumb(s):
		return notTitleChrome
	case isDateLine(f) || isClockLine(f) || hasDate(f.dates) && f.words <= 12 && !(i == 0 && x.titleWithDate(f)):
		return notTitleDate
	case letterCount(s) < 4:
		return notTitleShape
	case f.words <= 8 && widgetPhrases.in(f.lower) && !(i == 0 && f.words >= 6 && x.titleShaped(0)),
		f.words <= 20 && strings.HasPrefix(f.lower, "click"):
		return notTitleWidget
	case (strings.HasPrefix(f.lower, "by ") || i > 0 && isForeignByline(f)) && f.words <= 12, isBylineShaped(f):
		return notTitleByline
	case f.words <= 20 && startsWithAny(f.lower, taxonomyLabels):
		return notTitleChrome
	case isCaption(f), x.chromeOf(i) != "": // chrome last: the other tests are cheaper
		return notTitleChrome
	}
	return ""
}

// taxonomyLabels start the lines that list a page's tags or sections
// ("Tags: quantum computing, cryptography").
var taxonomyLabels = []string{"tags:", "tagged:", "topics:", "filed under", "categories:", "category:", "keywords:"}

// titleWithDate reports whether line 1, which names a day, reads as a
// headline that holds a date ("February 24, 2022 Russia-Ukraine news")
// rather than a date, publication or update stamp, or byline: it is no
// date or clock line and does not start with a published, updated or
// "By" word.
func (x *extraction) titleWithDate(f *lineFacts) bool {
	return !isDateLine(f) && !isClockLine(f) && !isUpdateLine(f) && !headMarkerSet.starts(f.lower) &&
		!strings.HasPrefix(f.lower, "by ")
}

// scoreHeadline weighs line i as the headline, on its position, shape,
// repetition in the page and words shared with the lede.
func (x *extraction) scoreHeadline(i int) lineScore {
	f := &x.facts[i]
	s, n := f.text, f.words
	sc := lineScore{explain: x.explain}
	if i == 0 {
		sc.add(6, "line 1")
	}
	if d := x.firstProse - i; d <= 3 {
		sc.add(4-d, "just above the first prose paragraph")
	}
	if x.titleShaped(i) {
		sc.add(2, "headline-shaped")
	}
	end := strings.TrimRight(s, "\"'”’ )")
	switch {
	case strings.HasSuffix(end, "."):
		sc.add(-3, "ends like a sentence")
	case strings.HasSuffix(end, ",") || strings.HasSuffix(end, ":") || strings.HasSuffix(end, "-") ||
		strings.HasSuffix(end, "–") || strings.HasSuffix(end, "|"):
		sc.add(-4, "ends unfinished")
	}
	if hasSentenceBreak(s) && !isQuestionHeadline(s) {
		sc.add(-2, "more than one sentence")
	}
	switch {
	case n < 3:
		sc.add(-2, "under three words")
	case n > 30:
		sc.add(-2, "over thirty words")
	}
	if startsLower(s) {
		sc.add(-1, "starts in lower case")
	}
	switch {
	case i == 0:
		if k, _ := x.lineOneCopy(); k > 0 {
			sc.add(4, "repeated in the page, above prose")
		} else if x.repeats(i) > 0 {
			sc.add(2, "repeated in the page")
		}
	case x.repeats(i) > 0:
		sc.add(2, "repeated in the page")
	}
	if shared := x.ledeOverlap(i); shared > 0 {
		sc.add(shared, "words shared with the lede")
	}
	return sc
}

// repeats counts the other lines with the text of line i.
func (x *extraction) repeats(i int) int {
	n := 0
	t := x.lines[i].Text
	for k, l := range x.lines {
		if k != i && len(l.Text) == len(t) && l.Text == t {
			n++
		}
	}
	return n
}

// ledeOverlap counts the content words (four letters or more) of line i
// found in the lede it would head, up to maxOverlap: the prose after its
// page copy for line 1, else the first prose paragraph.
func (x *extraction) ledeOverlap(i int) int {
	lede := x.firstProse
	if i == 0 {
		if _, p := x.lineOneCopy(); p > 0 {
			lede = p
		}
	}
	if lede >= len(x.lines) {
		return 0
	}
	if x.ledeLine != lede {
		x.ledeLine, x.ledeWords, x.ledeMask = lede, x.ledeWords[:0], 0
		text := x.facts[lede].lower
		for n, at := 0, 0; n < 80; n++ {
			var w string
			if w, at = nextWord(text, at); w == "" {
				break
			}
			if len(w) >= 4 {
				x.ledeWords = append(x.ledeWords, w)
				x.ledeMask |= wordBit(w)
			}
		}
	}
	shared := 0
	text := x.facts[i].lower
	for at := 0; shared < maxOverlap; {
		var w string
		if w, at = nextWord(text, at); w == "" {
			break
		}
		if len(w) < 4 || x.ledeMask&wordBit(w) == 0 {
			continue
		}
		for _, l := range x.ledeWords {
			if l == w {
				shared++
				break
			}
		}
	}
	return shared
}

// maxOverlap is the most words shared with the lede a headline scores.
const maxOverlap = 4

// wordBit is the bit of a word in a lede's mask: a word whose bit is not
// set is none of the lede's words.
func wordBit(w string) uint64 {
	return 1 << ((uint(len(w))*7 + uint(w[0]) + uint(w[len(w)-1])*3) & 63)
}

// nextWord returns the word of lower-case s at or after byte at (a run
// of letters, digits and non-ASCII bytes), and where to look for the
// next one; the word is "" at the end.
func nextWord(s string, at int) (string, int) {
	for at < len(s) && !wordByte(s[at]) {
		at++
	}
	start := at
	for at < len(s) && wordByte(s[at]) {
		at++
	}
	return s[start:at], at
}

func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}

func notWordRune(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80)
}

// letterCount counts the ASCII and non-ASCII letters of s, up to 4.
func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0xc0 {
			if n++; n >= 4 {
				break
			}
		}
	}
	return n
}

// isClockLine reports whether a short line is a timestamp: a clock time
// ("10:32", "4.05") with a zone or a.m./p.m., or a date's words, and
// little else.
func isClockLine(f *lineFacts) bool {
	if f.words > 8 || !f.digit {
		return false
	}
	s := f.lower
	clock := -1
	for i := 0; i+2 < len(s); i++ {
		if isDigitByte(s[i]) && (s[i+1] == ':' || s[i+1] == '.') && isDigitByte(s[i+2]) && (i+3 == len(s) || isDigitByte(s[i+3])) {
			clock = i
			break
		}
	}
	if clock < 0 {
		return false
	}
	rest := 0
	for w := range strings.FieldsFuncSeq(s, notWordRune) {
		switch {
		case isDigitByte(w[0]), clockWords[w]:
		default:
			rest++
		}
	}
	return rest <= 1 || len(f.dates) > 0
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// clockWords are the words a timestamp holds beside its numbers: zones,
// a.m. and p.m., and the words that introduce it.
var clockWords = map[string]bool{
	"am": true, "pm": true, "a": true, "p": true, "m": true, "gmt": true, "utc": true, "bst": true, "cet": true,
	"cest": true, "et": true, "est": true, "edt": true, "ct": true, "cst": true, "cdt": true, "mt": true, "mst": true,
	"mdt": true, "pt": true, "pst": true, "pdt": true, "ist": true, "jst": true, "aest": true, "aedt": true,
	"eet": true, "eest": true, "msk": true, "hkt": true, "sgt": true, "local": true, "time": true, "z": true,
	"updated": true, "published": true, "posted": true, "last": true, "at": true, "on": true, "h": true,
}

// bylineConnectors are the small words a byline's names and roles
// hold beside capitalised words ("Head of the Europe desk").
var bylineConnectors = map[string]bool{"of": true, "and": true, "for": true, "at": true, "the": true, "in": true, "on": true, "&": true}

// hasRoleWord reports whether a line names a role ("Staff Writer",
// "Europe desk", "Jane Roe, Senior Correspondent"): a role word, and
// besides it only capitalised words and small connectors; a headline
// that uses one ("Flights cancelled over staff shortage") has other
// words in lower case.
func hasRoleWord(f *lineFacts) bool {
	const punct = ",.;:|/()-–—"
	role := false
	for w := range strings.FieldsSeq(f.lower) {
		role = role || roleWords[trimAround(w, punct)]
	}
	if !role {
		return false
	}
	for w := range strings.FieldsSeq(f.text) {
		w = trimAround(w, punct)
		if startsLower(w) && !roleWords[w] && !bylineConnectors[w] {
			return false
		}
	}
	return true
}

// isQuestionHeadline reports whether s is a question and the clause
// that answers it, as headlines put them ("Do octopuses dream?
// Scientists find sleep stages like ours"): its one sentence break is a
// question mark, and it does not end like a sentence.
func isQuestionHeadline(s string) bool {
	q, rest, ok := strings.Cut(s, "? ")
	return ok && q != "" && !hasSentenceBreak(rest) && !endsSentence(rest)
}

// isPlacedByline reports whether s is a name and where the reporter
// was: "Jane Roe at Wembley", "Jane Roe in Kyiv" (two or three names,
// then "at" or "in" and at most three capitalised words).
func isPlacedByline(s string) bool {
	name, place, ok := strings.Cut(s, " at ")
	if !ok {
		name, place, ok = strings.Cut(s, " in ")
	}
	if !ok {
		return false
	}
	n, m := nameWords(name), nameWords(place)
	return n >= 2 && n <= 3 && m >= 1 && m <= 3 && !strings.ContainsAny(s, ".!?:;,")
}

// isBylineShaped reports whether a short line reads as a byline without
// "By": names and an agency or role ("Jane Roe, Staff Writer", "Jane Roe
// | Agency"), capitalised words in parts of at most three words split
// by a comma, bar, slash, dash or "and", or a role word.
func isBylineShaped(f *lineFacts) bool {
	if f.words > 8 {
		return false
	}
	if hasRoleWord(f) || isAgencyByline(f) || isPlacedByline(f.text) {
		return true
	}
	s := f.text
	if !strings.ContainsAny(s, ",|/") && !strings.Contains(s, " - ") && !strings.Contains(s, " and ") {
		return false
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '|' || r == '/' })
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		n := 0
		for w := range strings.FieldsSeq(p) {
			if w == "and" || w == "-" || w == "–" {
				n = 0
				continue
			}
			if c := w[0]; !(c >= 'A' && c <= 'Z') {
				return false
			}
			if n++; n > 3 {
				return false
			}
		}
	}
	return true
}
