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
	"veröffentlicht am ", "erstmals veröffentlicht", "publié le ", "publicado el ", "publicado em ",
	"pubblicato il ", "gepubliceerd op ", "opublikowano", "опубликовано", "Опубликовано", "опубліковано", "Опубліковано",
}

// foreignUpdateWords start lines that date a later change in other
// languages; they say so anywhere in a line too.
var foreignUpdateWords = newsdate.ForeignUpdateWords

// modifiedStarts begin lines that date a later change, not publication.
var modifiedStarts = append([]string{"last modified", "last updated", "updated", "modified", "edited",
	"zuletzt", "stand:", "última actualización", "ultimo aggiornamento", "laatst bijgewerkt"}, foreignUpdateWords...)

// trailerSet and modifiedSet find trailerStarts and modifiedStarts.
var trailerSet, modifiedSet = newPrefixSet(trailerStarts), newPrefixSet(modifiedStarts)

// updateWords, anywhere in a line, say that a date there may be when
// the text was changed ("Published 13 May 2022, updated 14 May 2022").
var updateWords = append([]string{"update", "modified"}, foreignUpdateWords...)

// updatePhrases finds updateWords in one pass over a line.
var updatePhrases = newPhraseSet(updateWords)

// indexAny returns the first offset in s of any of the words, or -1.
func indexAny(s string, words []string) int {
	at := -1
	for _, w := range words {
		if i := strings.Index(s, w); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at
}

// isUpdateLine reports whether a line says when a text was changed.
func isUpdateLine(f *lineFacts) bool {
	return updatePhrases.in(f.lower) || modifiedSet.starts(f.lower)
}

// videoVerbs mark a video blurb placed before a story ("X reports the
// latest on ...", "Y discusses ...").
var videoVerbs = newPhraseSet([]string{
	" reports the latest", " discusses ", " joins ", " weighs in", " breaks down ", " reacts to ",
	" explains ", " analyzes ", " analyses ", " provides insight", " gives his take", " gives her take",
})

// hasDate reports whether the mentions include a calendar day.
func hasDate(dates []newsdate.Mention) bool {
	for _, m := range dates {
		if m.Kind == newsdate.Absolute || m.Kind == newsdate.Yearless {
			return true
		}
	}
	return false
}

// isDateLine reports whether a line is little more than a date ("May 22,
// 2022", "Sunday, May 22").
func isDateLine(f *lineFacts) bool {
	s := f.text
	if len(s) > 60 {
		return false
	}
	covered := 0
	for _, m := range f.dates {
		if m.Kind <= newsdate.MonthYear {
			covered += m.End - m.Start
		}
	}
	return covered > 0 && covered*10 >= len(strings.TrimSpace(s))*7
}

// firstDay returns the first of the mentions that names a calendar day,
// with its offsets made absolute by adding base.
func firstDay(dates []newsdate.Mention, base int) (newsdate.Mention, bool) {
	for _, m := range dates {
		if m.Kind == newsdate.Absolute || m.Kind == newsdate.Yearless {
			m.Start += base
			m.End += base
			return m, true
		}
	}
	return newsdate.Mention{}, false
}

// isTeaser reports whether a line of n words links to another story:
// cut short with "…", and not prose without it.
func isTeaser(s string, n int) bool {
	head, cut := strings.CutSuffix(s, "…")
	return cut && !isProse(head, words(head)) && n < 40
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
		l, f := lines[i], &x.facts[i]
		lower, key, n := f.lower, f.key, f.words
		switch {
		case ended:
			x.drop(l, reasonAfterEnd)
		case endMarkers[key] || strings.HasPrefix(key, "source: read full") || n <= 5 && strings.HasPrefix(key, "more from "):
			x.drop(l, reasonAfterEnd)
			ended = len(x.blocks) > 0
		case l.Text == x.a.Title:
			x.drop(l, reasonRepeated)
		case i+1 < len(lines) && lines[i+1].Text == l.Text:
			x.caption(l)
		case i > 0 && lines[i-1].Text == l.Text:
			x.drop(l, reasonRepeated)
		case n <= 15 && trailerSet.starts(lower), n <= 60 && strings.HasPrefix(lower, "this entry was posted"):
			x.readTrailer(l)
		case n <= 15 && hasDate(f.dates) && (x.paragraphAbove(i) || strings.HasPrefix(lower, "published:")) && startsWithAny(lower, publishedWords):
			x.readTrailer(l)
		case n <= 30 && hasDate(f.dates) && indexAny(lower, republishedWords) >= 0 && x.nextProse(i+1) == len(x.lines):
			x.readTrailer(l) // "This article is republished … It was first published on 8 April 2021."
		case hasDate(f.dates) && n <= 12 && modifiedSet.starts(lower):
			x.drop(l, reasonTrailer)
		case isDateLine(f) && x.endDate(i):
			x.readTrailer(l)
		case isDateLine(f) || isClockLine(f):
			x.drop(l, reasonDateLine)
		case x.isGalleryCaption(i):
			x.caption(l)
		case isGalleryLabel(f):
			x.drop(l, reasonNavigation)
		case isCaption(f) && captionShaped(f):
			x.caption(l)
		case x.chromeOf(i) != "":
			r := x.chromeOf(i)
			if r == reasonCredit {
				x.creditAfter(i)
			}
			x.drop(l, r)
		case isCaption(f):
			x.caption(l)
		case isTeaser(l.Text, n):
			x.drop(l, reasonTeaser)
		case x.titleShaped(i) && n > 7 && !strings.Contains(l.Text, ": ") && i+1 < len(lines) && !x.meta.markup:
			x.drop(l, reasonRelated)
		case (x.titleShaped(i) || n == 2 && isTitleWords(l.Text)) && i+1 < len(lines):
			x.keep(timeline.Heading, l)
		default:
			x.paragraph(l, i == len(lines)-1)
		}
	}
}

// republishedWords, in a short last paragraph, say when a republished
// text first appeared.
var republishedWords = []string{"first published on", "originally published on", "first appeared on", "originally appeared on"}

// endDate reports whether date line i closes the article: right under
// its last paragraph, with a day and its year, and no prose after it (a
// live blog's stamps and comments' dates have some).
func (x *extraction) endDate(i int) bool {
	m, ok := firstDay(x.facts[i].dates, 0)
	return ok && m.Kind == newsdate.Absolute && oneDay(x.facts[i].dates) && x.paragraphAbove(i) &&
		x.nextProse(i+1) == len(x.lines)
}

// paragraphAbove reports whether line i-1 was kept as a paragraph: a
// "Published April 21, 2022" right under the article's last paragraph
// is its trailer, one under a list's title is the list's.
func (x *extraction) paragraphAbove(i int) bool {
	if i == 0 || len(x.blocks) == 0 {
		return false
	}
	b := x.blocks[len(x.blocks)-1]
	return b.Kind == timeline.Paragraph && b.Offset >= x.lines[i-1].Start && b.Offset < x.lines[i-1].End
}

// readHeader reads the lines between the headline and the first prose
// paragraph: bylines with dates, share rows, and a dateline split over
// lines ("CNN" then "—").
func (x *extraction) readHeader(start int) {
	lines := x.lines
	for i := start; i < x.firstProse; i++ {
		l, f := lines[i], &x.facts[i]
		if f.words <= 6 && startsWithAny(f.lower, salutations) {
			x.speech = true
		}
		switch {
		case l.Text == x.a.Title:
			x.drop(l, reasonRepeated)
		case isDash(l.Text):
			x.drop(l, reasonDateline)
		case i+1 < x.firstProse && lines[i+1].Text == l.Text:
			x.caption(l)
		case i > 0 && lines[i-1].Text == l.Text:
			x.drop(l, reasonRepeated)
		case i+1 < x.firstProse && isDash(lines[i+1].Text) && f.words <= 3:
			x.setDatelineToken(l.Text)
			x.drop(l, reasonDateline)
		case isCaption(f), x.isGalleryCaption(i):
			x.caption(l)
		case isGalleryLabel(f):
			x.drop(l, reasonNavigation)
		case hasDate(f.dates) && f.words <= 15:
			if m, ok := firstDay(f.dates, l.Start); ok && !x.byline.found && !isUpdateLine(f) && oneDay(f.dates) &&
				!newsdate.ClosesRange(x.text[l.Start:m.Start]) &&
				x.dateRepeats(m) < 2 && x.bylineDate(i, m) && !(x.liveStamp(i) && x.saysLive()) {
				x.byline = candidate{true, m}
			}
			x.drop(l, reasonByline)
		case x.chromeOf(i) != "":
			x.drop(l, x.chromeOf(i))
		case f.words <= 8 && (strings.HasPrefix(f.lower, "by ") || isForeignByline(f)) || isAgencyByline(f) || isNamesByline(f):
			x.drop(l, reasonByline)
		case isClockLine(f):
			x.drop(l, reasonMarker) // "Updated at 13:20"
		case f.words <= 2:
			x.drop(l, reasonScrap)
		default:
			x.paragraph(l, false)
		}
	}
}

// salutations open a speech ("Good afternoon.").
var salutations = []string{"good morning", "good afternoon", "good evening", "ladies and gentlemen", "dear colleagues", "dear friends", "excellencies"}

// readTrailer reads "Published in Dawn, October 22th, 2022".
func (x *extraction) readTrailer(l span) {
	x.drop(l, reasonTrailer)
	f := &x.facts[l.Line]
	if m, ok := firstDay(f.dates, l.Start); ok {
		if !x.trailer.found {
			x.trailer = candidate{true, m}
		} else if !sameDay(x.trailer.m, m) {
			x.trailerConflict = true
		}
	}
	lower := f.lower
	for _, p := range []string{"published in ", "published by ", "appeared in ", "first published in "} {
		if i := strings.Index(lower, p); i >= 0 && x.a.Outlet == "" {
			name := l.Text[i+len(p):]
			if j := strings.IndexAny(name, ",;("); j >= 0 {
				name = name[:j]
			}
			if m, ok := firstDay(newsdate.Scan(name), 0); ok {
				name = name[:m.Start]
			}
			x.a.Outlet = strings.TrimSpace(strings.TrimRight(name, ". "))
		}
	}
}

// caption files a line under Captions and remembers its dates.
func (x *extraction) caption(s span) {
	x.captions = append(x.captions, s.Text)
	for _, m := range x.datesOf(s) {
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
	n := len(x.blocks)
	if n == 0 || i == 0 || x.blocks[n-1].Offset != x.lines[i-1].Start {
		return
	}
	b := x.blocks[n-1]
	if !captionShaped(factsOf(b.Text)) {
		return
	}
	x.blocks = x.blocks[:n-1]
	x.caption(span{Start: b.Offset, End: b.Offset + len(b.Text), Text: b.Text})
}

// isCaption reports whether a line short enough to be a caption carries
// a photo or video credit, or opens with a caption's label.
func isCaption(f *lineFacts) bool {
	return len(f.text) < longLine && (f.hasCredit() || capitalsCredit(f.text) || captionLabels.starts(f.lower))
}

// captionLabels open a photo's caption ("File photo: An abandoned pit
// near the river.").
var captionLabels = newPrefixSet([]string{"file photo:", "file photo -", "file picture:", "photo:", "pictured:", "picture:", "above:"})

// capitalsCredit reports whether a line ends with a photographer's name
// in capitals after its last sentence, as some outlets credit a photo
// ("Pedestrians on the avenue in 2018. KIKE PARA").
func capitalsCredit(s string) bool {
	if s == "" || s[len(s)-1] < 'A' || s[len(s)-1] > 'Z' {
		return false // most lines
	}
	i := strings.LastIndex(s, ". ")
	if i < 0 || words(s[:i]) < 6 {
		return false
	}
	name := strings.Fields(s[i+2:])
	if len(name) < 2 || len(name) > 4 {
		return false
	}
	for _, w := range name {
		if len(w) < 2 || strings.ToUpper(w) != w || strings.ToLower(w) == w {
			return false
		}
	}
	return true
}

// captionWords mark the way photo captions describe a picture.
var captionWords = []string{"in this photo", "pictured", "file - ", "file photo", "photo taken", " is seen ", " are seen "}

// captionShaped reports whether a line reads as a photo caption: a
// picture's description with the day it was taken ("..., Tuesday, Dec. 21,
// 2021."), or one of the phrases captions use.
func captionShaped(f *lineFacts) bool {
	if f.words > 120 {
		return false
	}
	if f.phraseGroups()&groupCaption != 0 {
		return true
	}
	for _, m := range f.dates {
		if m.Kind == newsdate.Absolute && m.Weekday >= 0 {
			return true
		}
	}
	return false
}

// sameDay reports whether two mentions name the same calendar day.
func sameDay(a, b newsdate.Mention) bool {
	return a.Year == b.Year && a.Month == b.Month && a.Day == b.Day
}

// dateRepeats counts the lines that mention the same day as m: a date
// printed on many lines belongs to a sidebar, not to the byline. The
// headline and its copies, which may name their own day ("Statement on
// … - 23 July 2022"), and photo captions do not count.
func (x *extraction) dateRepeats(m newsdate.Mention) int {
	n := 0
	for i := range x.facts {
		f := &x.facts[i]
		if f.text == x.a.Title {
			continue
		}
		for _, o := range f.dates {
			if o.Kind <= newsdate.Yearless && o.Year == m.Year && o.Month == m.Month && o.Day == m.Day {
				if !isCaption(f) { // a photo taken that day says nothing of a sidebar
					n++
				}
				break
			}
		}
	}
	return n
}
