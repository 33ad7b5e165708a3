package extract

import (
	"strings"

	"github.com/newsroom/timeline/internal/newsdate"
)

// ruleHead names a publication date read from a date block in the page
// head.
const ruleHead = "publication: date in the page head"

// headAbove is how many lines above the headline still belong to the
// page head: a date or "Posted on" line printed over the headline.
const headAbove = 4

// headNear is how many lines below the headline form its byline block,
// where a date may also be printed beside a list of other stories.
const headNear = 4

// readHeadDate looks for the publication date in the page head, the
// lines from just above the headline to the first prose paragraph: a
// line that introduces a date ("Published on", "Posted:"), a line that
// is little more than a date or timestamp, or a byline ending in one.
// Dates of captions, of lines that say when a text was updated, and of
// lists (the same day printed on several lines outside the head, when
// the line is not right below the headline) are passed over.
func (x *extraction) readHeadDate() {
	top := x.title
	if top < 0 {
		top = x.firstProse - headNear
	}
	if x.anchorGuessed {
		top = 1 // the page's own headline is not known: the head is all below line 1
	}
	// The head runs to the lede, or past a standfirst to the next prose
	// paragraph when that is near, and past a second standfirst
	// paragraph when lines that are not prose (a byline block) follow it.
	from, to := max(0, top-headAbove), min(x.firstProse, len(x.lines))
	next := x.nextProse(to + 1)
	if next <= to+2*headNear {
		to = next
		if after := x.nextProse(next + 1); after > next+1 && after <= next+headNear+1 && after < len(x.lines) {
			next, to = after, after
		}
	}
	to = max(to, min(next, top+3*headNear))
	var block candidate
	// The lines below the headline first, then those above it, nearest
	// first.
	for k := 0; k < to-from; k++ {
		i := max(top, from) + k
		if i >= to {
			i = max(top, from) - 1 - (i - to)
		}
		m, marked, ok := x.headDateAt(i)
		if !ok || x.liveStamp(i) && x.liveSpan() {
			continue // a blog of two days is dated by its first entry (liveDay)
		}
		above := i < top
		if above && (top-i > 2 && !marked && !x.metaBetween(i, top) && !x.underCopy(i, top) || x.datedNear(i, m, from-3*headAbove, to) || x.listDate(i, m)) || !above && i > top+headNear && x.datedElsewhere(m, from, to, x.liveStamp(i)) >= 2 ||
			!above && !marked && x.datedAbove(m, from, top) {
			continue
		}
		if marked {
			x.head, x.headMarked = candidate{true, m}, true
			return
		}
		if !block.found {
			block = candidate{true, m}
		}
	}
	if !block.found {
		block = x.bylineBelow(from, to)
	}
	x.head = block
}

// bylineBelow returns the date of a "By" line with a date ("By Leo
// Example | September 2, 2022") among the few lines after the head
// [from, to), which a standfirst of three or more paragraphs pushes
// down: a byline never stands inside an article's body. A day that
// another short line outside the head names is a list's.
func (x *extraction) bylineBelow(from, to int) candidate {
	for i := to; i < min(to+headNear, len(x.lines)); i++ {
		f := &x.facts[i]
		if !strings.HasPrefix(f.lower, "by ") || f.words > 15 || !oneDay(f.dates) {
			continue
		}
		m, ok := firstDay(f.dates, x.lines[i].Start)
		if ok && m.Kind == newsdate.Absolute && x.bylineDate(i, m) && x.datedElsewhere(m, from, to, false) < 2 {
			return candidate{true, m}
		}
	}
	return candidate{}
}

// headDateAt returns the date of line i when the line is a date block
// of the page head, and whether a word marks it as the publication date.
func (x *extraction) headDateAt(i int) (m newsdate.Mention, marked, ok bool) {
	f, l := &x.facts[i], x.lines[i]
	if !hasDate(f.dates) || isCaption(f) || l.Text == x.a.Title {
		return m, false, false // the headline's own date may be any day it names
	}
	if f.words <= 40 && isUpdateLine(f) { // a longer line is prose, no stamp
		return x.publishedBeside(i, indexAny(f.lower, updateWords))
	}
	if f.words <= 15 && indexAny(f.lower, publishedWords) > 0 && !headMarkerSet.starts(trimMarks(f.lower)) {
		// "Summary prepared by: A Writer | Published: Wednesday 23 March 2022"
		if m, _, ok := x.publishedBeside(i, -1); ok {
			return m, true, true
		}
	}
	marked = f.words <= 15 && headMarkerSet.starts(trimMarks(f.lower))
	if f.words > 8 && !marked && captionShaped(f) {
		return m, false, false // "Posted by Jane Roe on Wednesday, March 14th, 2018" is no caption
	}
	m, ok = firstDay(f.dates, l.Start)
	if !ok || m.Kind != newsdate.Absolute || newsdate.ClosesRange(x.text[l.Start:m.Start]) {
		return m, false, false // "Hearing: 3 and 4 March 2022" names a span
	}
	return m, marked, marked || oneDay(f.dates) && (isDateLine(f) || isClockLine(f) || x.bylineDate(i, m))
}

// publishedBeside returns the publication date of line i, which also
// says when the text was updated (at u in its lower case, or -1 for a
// modified stamp): the first date after "published" or "posted" in the
// line, or else a date before the update word ("May 13, 2022 Updated 2
// hours ago"). An update date never gives it.
func (x *extraction) publishedBeside(i, u int) (m newsdate.Mention, marked, ok bool) {
	f, l := &x.facts[i], x.lines[i]
	from, to := -1, u
	if p := indexAny(f.lower, publishedWords); p >= 0 {
		from, to = p, len(f.lower)
	}
	if from < 0 && u <= 0 {
		return m, false, false
	}
	for _, d := range f.dates {
		if d.Kind == newsdate.Absolute && d.Start > from && d.End <= to {
			d.Start += l.Start
			d.End += l.Start
			return d, from >= 0, true
		}
	}
	return m, false, false
}

// metaBetween reports whether the lines between line i and the
// headline at top are all an article's meta lines (bylines, reading
// times, comment and view counts, separators, share buttons, clock
// times without a day), not a site's menu.
func (x *extraction) metaBetween(i, top int) bool {
	for k := i + 1; k < top; k++ {
		f := &x.facts[k]
		byline := f.words <= 8 && (strings.HasPrefix(f.lower, "by ") || f.lower == "by" || isForeignByline(f)) || isBylineShaped(f)
		widget := f.words <= 8 && widgetPhrases.in(f.lower) || x.chromeOf(k) == reasonShare
		if !byline && !widget && !isCount(f.text) && !(isClockLine(f) && !hasDate(f.dates)) {
			return false
		}
	}
	return true
}

// underCopy reports whether line i stands right under an earlier copy,
// in the page, of the headline at top: a page that prints its headline
// twice ("Title", its date, share buttons, an agency's credit, "Title")
// heads the article at both.
func (x *extraction) underCopy(i, top int) bool {
	return i > 1 && sameTitle(x.facts[i-1].lower, x.facts[top].lower)
}

// isCount reports whether s is a count or a separator: digits and
// punctuation only ("0", "1,234", "-", "|").
func isCount(s string) bool {
	return strings.Trim(s, "0123456789,.-–—|·• ") == ""
}

// datedNear reports whether a line of [from, to), other than line i and
// copies of it next to it, names the day of m: a date above a headline
// that a list of stories around it prints again is the list's. When
// line i is a live blog's stamp (liveStamp), the other entries' stamps
// and an update stamp do not count.
func (x *extraction) datedNear(i int, m newsdate.Mention, from, to int) bool {
	live := x.liveStamp(i)
	for k := max(0, from); k < to; k++ {
		if k == i || (k == i-1 || k == i+1) && x.facts[k].text == x.facts[i].text || x.facts[k].words > 15 {
			continue // a lede or its dateline naming the day confirms it
		}
		if live && (x.liveStamp(k) || isUpdateLine(&x.facts[k])) {
			continue // a live blog's entries and its update stamp
		}
		if startsWithAny(x.facts[k].lower, embargoWords) {
			continue // a release's embargo names its day, as no list does
		}
		for _, o := range x.facts[k].dates {
			if o.Kind <= newsdate.Yearless && sameDay(o, m) {
				return true
			}
		}
	}
	return false
}

// listDate reports whether the date m of line i, above the headline,
// ends a list of stories: one of the three lines above it is a date line
// of another story, or a short line with another day, as lists print a
// date ("Published 3 May 2022") under each title. A live blog's update
// stamp above its latest entry's is none, nor is a release's embargo
// or a speech's delivery date.
func (x *extraction) listDate(i int, m newsdate.Mention) bool {
	live := x.liveStamp(i)
	for k := max(0, i-3); k < i; k++ {
		f := &x.facts[k]
		if !hasDate(f.dates) || live && isUpdateLine(f) || startsWithAny(f.lower, embargoWords) || startsWithAny(f.lower, deliveredWords) {
			continue
		}
		if isDateLine(f) || isClockLine(f) {
			return true
		}
		if o, ok := firstDay(f.dates, 0); ok && f.words <= 8 && !sameDay(o, m) && !opensSpan(f.text[o.End:]) {
			return true
		}
	}
	return false
}

// opensSpan reports whether the text after a day makes it the first of
// a span of days ("Week of March 14–18, 2016", a weekly issue's), which
// dates no story of a list.
func opensSpan(after string) bool {
	after = strings.TrimLeft(after, " ")
	for _, dash := range []string{"–", "—", "-", "to "} {
		if rest, ok := strings.CutPrefix(after, dash); ok {
			rest = strings.TrimLeft(rest, " ")
			return rest != "" && isDigitByte(rest[0])
		}
	}
	return false
}

// clockConflict reports whether the stamp m dates no article: it says
// when a text was updated, or the text holds a timestamp of another day
// that is no update stamp (comments and lists of stories stamp their
// entries).
func (x *extraction) clockConflict(m newsdate.Mention) bool {
	if x.updateStamp(m.Start) {
		return true
	}
	for i, f := range x.facts {
		l := x.lines[i]
		for _, o := range f.dates {
			if o.Kind == newsdate.Absolute && o.HasClock && !sameDay(o, m) && l.Start+o.Start != m.Start &&
				!x.updateStamp(l.Start+o.Start) {
				return true
			}
		}
	}
	return false
}

// updateStamp reports whether the date at offset at follows "updated" or
// "modified" closely.
func (x *extraction) updateStamp(at int) bool {
	before := strings.ToLower(x.text[max(0, at-40):at])
	return indexAny(before, updateWords) >= 0
}

// datedAbove reports whether a line of [from, top), above the headline,
// names the day of m: a list of stories running through the head, each
// with its date.
func (x *extraction) datedAbove(m newsdate.Mention, from, top int) bool {
	for i := from; i < top; i++ {
		for _, o := range x.facts[i].dates {
			if o.Kind <= newsdate.Yearless && sameDay(o, m) {
				return true
			}
		}
	}
	return false
}

// publishedWords say that the date after them is the publication date,
// in English and other languages.
var publishedWords = append([]string{"published", "posted"}, foreignPublishedWords...)

// foreignPublishedWords say it in other languages (Cyrillic words in both
// cases, as lines are lower-cased in ASCII only).
var foreignPublishedWords = []string{
	"veröffentlicht", "erstellt", "erschienen", "publié", "publicado", "publicada",
	"pubblicato", "pubblicata", "gepubliceerd", "geplaatst", "opublikowano", "publikacja", "publicerad",
	"publiceret", "publisert", "publicat", "опубликовано", "Опубликовано", "опубліковано", "Опубліковано",
}

// embargoWords start the line of a press release that says when it may
// be published.
var embargoWords = []string{"embargoed until", "embargoed to", "embargo until", "embargo:", "under embargo", "not for publication before", "not for release before"}

// trimMarks returns s without the dashes, bullets, bars, colons and
// spaces that lead it: strings.TrimLeft(s, "-–—•|: "), without its cost
// on the many lines that start with a letter or digit.
func trimMarks(s string) string {
	if s != "" && isWordByte(s[0]) {
		return s
	}
	return strings.TrimLeft(s, "-–—•|: ")
}

// headMarkers start lines that give a text's publication date.
var headMarkers = append([]string{"date:", "dated", "first published", "publication date", "issued:", "issued on", "date issued",
	"started ", "live updates began", "live blog started", "live coverage began",
	"datum:", "fecha:", "data:", "дата:", "Дата:"},
	publishedWords...)

// headMarkerSet finds headMarkers.
var headMarkerSet = newPrefixSet(headMarkers)

// bylineDate reports whether line i is a byline or label with the date
// m after at most five words ("by Jane Roe April 21, 2022", "Politics
// April 21, 2022 | 4:39 pm"), rather than a sentence or title that names
// a day.
func (x *extraction) bylineDate(i int, m newsdate.Mention) bool {
	l, f := x.lines[i], &x.facts[i]
	if f.words > 15 {
		return f.words <= 40 && x.metaField(l, m)
	}
	if strings.HasPrefix(strings.TrimLeft(f.lower, "-–— "), "by ") {
		return true
	}
	// A break inside the date ("13. Mai 2022") is none.
	breaks := hasSentenceBreak(x.text[l.Start:min(m.Start+1, l.End)]) || hasSentenceBreak(x.text[m.End-1:l.End])
	return !breaks && !(endsSentence(l.Text) && !isClockLine(f)) && (words(x.text[l.Start:m.Start]) <= 5 || x.metaField(l, m))
}

// metaSeps separate the fields of a meta row.
var metaSeps = []string{" | ", " · ", " • ", " / "}

// metaField reports whether the date m is a whole field of a meta row,
// line l ("Staff Reporter Jane Doe | April 21, 2022 | Local News | 5
// Comments"): a separator, or the line's start, on each side of it.
func (x *extraction) metaField(l span, m newsdate.Mention) bool {
	before := strings.TrimRight(x.text[l.Start:m.Start], " ")
	after := strings.TrimLeft(x.text[m.End:l.End], " ")
	sepBefore, sepAfter := before == "", after == ""
	for _, sep := range metaSeps {
		sep = strings.TrimSpace(sep)
		sepBefore = sepBefore || strings.HasSuffix(before, sep)
		sepAfter = sepAfter || strings.HasPrefix(after, sep)
	}
	return sepBefore && sepAfter && (before != "" || after != "")
}

// oneDay reports whether the mentions name at most one calendar day: a
// line with two days ("Floods | April 2, 2022 | Strikes | April 3,
// 2022") is a list's, not a byline's.
func oneDay(dates []newsdate.Mention) bool {
	var first newsdate.Mention
	found := false
	for _, d := range dates {
		if d.Kind != newsdate.Absolute && d.Kind != newsdate.Yearless {
			continue
		}
		if found && !sameDay(d, first) {
			return false
		}
		first, found = d, true
	}
	return true
}

// datedElsewhere counts the short lines outside [from, to) that name
// the day of m: the dates of a list of stories, not the prose that
// names the day of its event. When m is a live blog's entry stamp
// (live), the other entries' stamps do not count.
func (x *extraction) datedElsewhere(m newsdate.Mention, from, to int, live bool) int {
	n := 0
	for i, f := range x.facts {
		if i >= from && i < to || f.words > 15 || live && x.liveStamp(i) {
			continue
		}
		for _, o := range f.dates {
			if o.Kind <= newsdate.Yearless && sameDay(o, m) {
				n++
				break
			}
		}
	}
	return n
}

// containsWord reports whether w stands in s as a whole word.
func containsWord(s, w string) bool {
	for i := strings.Index(s, w); i >= 0; {
		end := i + len(w)
		if (i == 0 || !isWordByte(s[i-1])) && (end == len(s) || !isWordByte(s[end])) {
			return true
		}
		next := strings.Index(s[i+1:], w)
		if next < 0 {
			return false
		}
		i += 1 + next
	}
	return false
}
