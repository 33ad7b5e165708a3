package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsroom/timeline/internal/newsdate"
	"github.com/newsroom/timeline/internal/timeline"
)

// markerWords may precede a date that marks when a text was published.
var markerWords = map[string]bool{
	"": true, "date": true, "date:": true, "published": true, "published:": true, "published on": true,
	"posted": true, "posted:": true, "posted on": true, "dated": true,
}

// paragraph keeps line l as body text: the first one loses any date
// marker and video blurb and gives the dateline; a last one loses a
// trailing timestamp; a long one is split into sentence groups, without
// the captions, credits and promotions inside it.
func (x *extraction) paragraph(l span, last bool) {
	if !x.hasLede && x.galleryCaption(l) {
		x.caption(l)
		return
	}
	if !x.hasLede && (isReaderAddress(x.lowerOf(l)) || x.readGreeting(l)) {
		x.drop(l, reasonPromo)
		return
	}
	if x.isAuthorBio(l) && x.noProseKept() {
		x.drop(l, reasonAuthorBio)
		return
	}
	if !x.hasLede {
		if m := x.cutMarker(l); m != l {
			l = x.cutGluedLabel(m)
		}
		if l.Start >= l.End {
			return
		}
		l = x.cutVideoBlurb(l)
		if l.Start >= l.End {
			return
		}
	}
	l = x.cutStamp(l, last)
	if l.Start >= l.End {
		return
	}
	if !x.hasLede {
		x.hasLede = true
		x.readDateline(l)
	}
	if len(l.Text) <= longLine {
		x.keep(timeline.Paragraph, l)
		return
	}
	x.splitLong(l)
}

// sub returns the trimmed span text[start:end] of line l.
func (x *extraction) sub(l span, start, end int) span {
	s, e := trimSpan(x.text, start, end)
	return span{Start: s, End: e, Text: x.text[s:e], Line: l.Line}
}

// cutMarker removes a leading date marker (" date 2022-02-11 ...") and
// remembers its date.
func (x *extraction) cutMarker(l span) span {
	m, ok := firstDay(x.datesOf(l), l.Start)
	if !ok || m.Kind != newsdate.Absolute || m.Start-l.Start > 20 {
		return l
	}
	prefix := strings.ToLower(strings.TrimSpace(x.text[l.Start:m.Start]))
	if !markerWords[prefix] {
		return l
	}
	if !x.marker.found {
		x.marker = candidate{true, m}
	}
	x.drop(x.sub(l, l.Start, m.End), reasonMarker)
	return x.sub(l, m.End, l.End)
}

// cutGluedLabel removes a live-blog label a scraper glued between a date
// marker and the text ("Today in US PoliticsThat’s it from us ..."): two
// to six words of letters, capitalised but for short ones, with no
// punctuation, the last of three letters or more ending in a small
// letter that runs straight into a capital.
func (x *extraction) cutGluedLabel(l span) span {
	t := l.Text
	for i := 1; i < len(t) && i <= 60; i++ {
		c := t[i]
		if c != ' ' && !isWordByte(c) {
			return l
		}
		if !(c >= 'A' && c <= 'Z' && t[i-1] >= 'a' && t[i-1] <= 'z') {
			continue
		}
		label := strings.Fields(t[:i])
		last := label[len(label)-1]
		if len(label) < 2 || len(label) > 6 || len(last) < 3 || !(last[0] >= 'A' && last[0] <= 'Z') {
			return l
		}
		for _, w := range label {
			if !(w[0] >= 'A' && w[0] <= 'Z') && len(w) > 3 {
				return l
			}
		}
		x.drop(x.sub(l, l.Start, l.Start+i), reasonLabel)
		return x.sub(l, l.Start+i, l.End)
	}
	return l
}

// cutVideoBlurb removes a video blurb sentence before the lede.
func (x *extraction) cutVideoBlurb(l span) span {
	sents := x.sentences(l, 2)
	first := sents[0]
	lower := x.lowerOf(first)
	if words(first.Text) > 35 || !videoVerbs.in(lower) || strings.ContainsAny(first.Text, "\"“") {
		return l
	}
	if len(sents) == 1 && l.Line == len(x.lines)-1 {
		return l
	}
	x.drop(first, reasonVideo)
	return x.sub(l, first.End, l.End)
}

// cutStamp removes a timestamp at the very end of a line ("... Source:
// NATO Thu 24 Feb 2022 14.19 GMT") and remembers it.
func (x *extraction) cutStamp(l span, last bool) span {
	ms := x.datesOf(l)
	if len(ms) == 0 {
		return l
	}
	m := ms[len(ms)-1]
	if m.Kind != newsdate.Absolute || !m.HasClock || len(l.Text)-m.End > 2 {
		return l
	}
	cut := l.Start + m.Start
	if i := strings.LastIndex(x.text[max(l.Start, cut-60):cut], "Source:"); i >= 0 {
		cut = max(l.Start, cut-60) + i
	}
	m.Start += l.Start
	m.End += l.Start
	if x.stamp.found && !sameDay(x.stamp.m, m) {
		x.stampConflict = true
	}
	if !x.stamp.found || last {
		x.stamp = candidate{true, m}
	}
	x.drop(x.sub(l, cut, l.End), reasonTrailer)
	return x.sub(l, l.Start, cut)
}

// splitLong keeps a long line as groups of sentences, filing captions
// and dropping chrome sentences.
func (x *extraction) splitLong(l span) {
	const groupSize = 4
	var group []span
	flush := func() {
		if len(group) > 0 {
			x.keep(timeline.Paragraph, x.sub(l, group[0].Start, group[len(group)-1].End))
			group = group[:0]
		}
	}
	for _, s := range x.sentences(l, 0) {
		if s.Break || len(group) >= groupSize {
			flush()
		}
		r := sentenceChrome(s.Text, x.lowerOf(s))
		if r == "" {
			group = append(group, s)
			continue
		}
		if r == reasonCredit {
			run := captionRun(group)
			for _, c := range group[len(group)-run:] {
				x.caption(c)
			}
			group = group[:len(group)-run]
		}
		flush()
		x.drop(s, r)
	}
	flush()
}

// captionRun returns how many of the last sentences of group form the
// caption a credit follows: the last one, or back to a sentence dated
// with a weekday ("Kyiv, Ukraine, Sunday, Aug. 28, 2022.") or one that
// starts "FILE - ".
func captionRun(group []span) int {
	if len(group) == 0 {
		return 0
	}
	for j := len(group) - 1; j >= 0 && j >= len(group)-5; j-- {
		if strings.HasPrefix(group[j].Text, "FILE - ") {
			return len(group) - j
		}
	}
	for j := len(group) - 1; j >= 0 && j >= len(group)-3; j-- {
		for _, m := range newsdate.Scan(group[j].Text) {
			if m.Kind == newsdate.Absolute && m.Weekday >= 0 {
				return len(group) - j
			}
		}
	}
	return 1
}

// galleryCaption reports whether line l, before the lede, is a photo
// caption without a credit: at most sixty words, and either
// caption-shaped (see captionShaped) and ending on its weekday and date,
// without a clock time ("…, Saturday, Oct. 1, 2022."), or one of a run of
// caption-shaped lines, or one of a run of lines that each end on a date
// with its year ("Image 2/4: Firefighters rest by a road, 15 July 2022."),
// as a gallery prints them.
func (x *extraction) galleryCaption(l span) bool {
	i := l.Line
	f := &x.facts[i]
	if l.Start != x.lines[i].Start || l.End != x.lines[i].End || f.words > 60 {
		return false
	}
	if x.inDayRun(i) {
		return true
	}
	if !captionShaped(f) {
		return false
	}
	if n := len(f.dates); n > 0 {
		m := f.dates[n-1]
		if m.Kind == newsdate.Absolute && m.Weekday >= 0 && !m.HasClock && len(strings.TrimRight(f.text, ".) ")) <= m.End {
			return true
		}
	}
	return i > 0 && captionShaped(&x.facts[i-1]) || i+1 < len(x.lines) && captionShaped(&x.facts[i+1])
}

// inDayRun reports whether line i ends on a day (endsOnDay) and so does
// a line next to it: a gallery's captions.
func (x *extraction) inDayRun(i int) bool {
	return endsOnDay(&x.facts[i]) && (i > 0 && endsOnDay(&x.facts[i-1]) || i+1 < len(x.lines) && endsOnDay(&x.facts[i+1]))
}

// endsOnDay reports whether a line of a few words and at most sixty
// describes something (three words or more before its date) and ends on
// a day with its year and no clock time, as a dated caption does; a
// date or timestamp line alone does not, nor a dateline's places.
func endsOnDay(f *lineFacts) bool {
	n := len(f.dates)
	if n == 0 || f.words < 5 || f.words > 60 {
		return false
	}
	m := f.dates[n-1]
	return m.Kind == newsdate.Absolute && !m.HasClock && m.Start > 0 &&
		len(strings.TrimRight(f.text, ".) ")) <= m.End && m.Start >= len(f.text)/3 && letterWords(f.text[:m.Start]) >= 3
}

// letterWords counts the words of s that hold a letter: a dateline's
// places ("Lausanne / Tokyo, 31 JUL 2021") are too few to describe a
// photo.
func letterWords(s string) int {
	n := 0
	for w := range strings.FieldsSeq(s) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			n++
		}
	}
	return n
}

// isAuthorBio reports whether paragraph l, before the lede, says who
// the writer is ("Fiona Te Rangi is a former Treasury economist and
// writes on public finance."): a sentence of at most 30 words that opens
// with the name a line of the head gives alone (or after "By"), then
// "is".
func (x *extraction) isAuthorBio(l span) bool {
	if x.facts[l.Line].words > 30 || !strings.Contains(l.Text, " is ") {
		return false
	}
	for i := l.Line - 1; i >= max(0, l.Line-8); i-- {
		if n := x.facts[i].words; n < 2 || n > 5 {
			continue // a name, or "By" and a name
		}
		name := strings.TrimPrefix(x.lines[i].Text, "By ")
		if n := words(name); n < 2 || n > 4 || !capitalWords(name) {
			continue
		}
		if rest, ok := strings.CutPrefix(l.Text, name); ok && strings.HasPrefix(rest, " is ") {
			return true
		}
	}
	return false
}

// capitalWords reports whether every word of s starts with a capital
// letter and holds no digit: a name.
func capitalWords(s string) bool {
	for w := range strings.FieldsSeq(s) {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) || strings.ContainsAny(w, "0123456789") {
			return false
		}
	}
	return true
}

// noProseKept reports whether no paragraph of prose has been kept yet:
// the body holds at most the head's short lines (a name, a label).
func (x *extraction) noProseKept() bool {
	for _, b := range x.blocks {
		if b.Kind == timeline.Paragraph && isProse(b.Text, words(b.Text)) {
			return false
		}
	}
	return true
}
