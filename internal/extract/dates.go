package extract

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/newsroom/timeline/internal/newsdate"
	"github.com/newsroom/timeline/internal/timeline"
)

// Rules that choose a date, as named in evidence.
const (
	ruleMarker       = "publication: date marker"
	ruleGreeting     = "publication: the newsletter's greeting"
	ruleEmail        = "publication: the email's Date header"
	ruleByline       = "publication: byline"
	ruleDateline     = "publication: dateline"
	ruleTrailer      = "publication: trailer"
	ruleStamp        = "publication: closing timestamp"
	ruleLive         = "publication: the day of the live blog's stamps"
	ruleEventDate    = "event: date in the lede"
	ruleEventWeekday = "event: lede weekday before publication"
	ruleEventFuture  = "event: lede weekday after publication"
	ruleEventYday    = "event: yesterday before publication"
	ruleEventToday   = "event: today, the publication date"
	ruleEventNight   = "event: tonight, written before 4 a.m.: the day before publication"
	ruleEventCaption = "event: lede weekday in the week of the latest caption date"
	ruleEventPub     = "event: publication date (the lede names no other day)"
	ruleEventLater   = "event: publication date (the lede's day is after it)"
	ruleEventSpeech  = "event: publication date (a speech, whose lede tells what came before it)"
	ruleEventGiven   = "event: the day the head says it was delivered"
	ruleEventTitle   = "event: the date the headline gives"
	ruleEventEntry   = "event: the weekday of the live entry's stamp"
)

// futureWords in a sentence before a weekday make it a coming day.
var futureWords = newPhraseSet([]string{" will ", " would ", " could ", "expected", "scheduled", " plans to ", " set to ", " is to ", " are to ", " due to ",
	" kicks off ", " kick off ", " gets under way ", " get under way ", " takes place ", " take place "})

// backgroundWords before a date make it background, not the event.
var backgroundWords = newPhraseSet([]string{"since ", "until ", "before ", "from ", "by ", "after "})

// foundingWords before a date say when something began, not what the
// text reports ("Founded on 11 April 1974").
var foundingWords = newPhraseSet([]string{"founded ", "established ", "born ", "formed "})

// foundingReach is how far before a date foundingWords are looked for:
// "Born in Halifax on 14 March 1926".
const foundingReach = 24

// readDates chooses the publication date, then the event date.
func (x *extraction) readDates() {
	x.findLede()
	x.readHeadDate()
	x.readPublished()
	x.readEvent()
	n := 0
	if !x.a.Published.IsZero() {
		n++
	}
	if !x.a.Event.IsZero() {
		n++
	}
	if n == 0 {
		return
	}
	x.a.DateEvidence = make([]timeline.Evidence, 0, n)
	if !x.a.Published.IsZero() {
		x.a.DateEvidence = append(x.a.DateEvidence, x.a.PublishedEvidence)
	}
	if !x.a.Event.IsZero() {
		x.a.DateEvidence = append(x.a.DateEvidence, x.a.EventEvidence)
	}
}

// findLede sets the lede: the first paragraph that reads as prose,
// after its dateline, read there when the first paragraph kept had none
// (else the first paragraph); and the paragraph after
// it. The lines a scrape keeps above the story's first sentence (a
// standfirst's bullets, a score line, a video's length and source) are
// not the lede.
func (x *extraction) findLede() {
	x.hasLede, x.hasNext = false, false
	first := x.firstProseBlock()
	for i, b := range x.blocks {
		if b.Kind != timeline.Paragraph || i < first {
			continue
		}
		l := span{Start: b.Offset, End: b.Offset + len(b.Text), Text: b.Text}
		if x.hasLede {
			x.next, x.hasNext = l, true
			return
		}
		if !x.dateline.found && i > 0 {
			x.readDateline(l) // a release's "WASHINGTON, March 6, 2024 –" under its number and contact lines
		}
		if x.dateline.found && x.dateline.end > l.Start && x.dateline.end < l.End {
			l = x.sub(l, x.dateline.end, l.End)
		}
		x.lede, x.hasLede = l, true
	}
}

// firstProseBlock returns the index of the first paragraph block, among the
// first four, that reads as prose (isProse) after short lines that do
// not, or 0 when none does, or a gallery's counter or a long paragraph
// (a standfirst without its period) comes first.
func (x *extraction) firstProseBlock() int {
	seen := 0
	for i, b := range x.blocks {
		if b.Kind != timeline.Paragraph {
			continue
		}
		n := words(b.Text)
		if isProse(b.Text, n) {
			return i
		}
		if isBareCounter(b.Text) || n > 20 {
			break // a gallery's captions are not the lede either, and a long standfirst is one
		}
		if seen++; seen == 4 {
			break
		}
	}
	return 0
}

func (x *extraction) evidence(m newsdate.Mention, rule string) timeline.Evidence {
	return timeline.Evidence{Text: x.text[m.Start:m.End], Offset: m.Start, Rule: rule}
}

// readPublished takes the publication date from the metadata when it
// gives one; else from the best placed evidence in the text: a date
// marker, a byline, the dateline, a trailer, a closing timestamp (never
// from a vote or the newest date); else from a date in the file's name.
// When the metadata and the text disagree by more than a day, Conflict
// says so, naming both.
func (x *extraction) readPublished() {
	d, ev, ok := x.textPublished()
	switch {
	case x.meta.Published.Precision >= timeline.Day:
		x.a.Published, x.a.PublishedEvidence = x.meta.Published, x.meta.PublishedEvidence
		if ok && abs(newsdate.DaysBetween(newsdate.DayOnly(d), newsdate.DayOnly(x.a.Published))) > 1 {
			x.a.Conflict = fmt.Sprintf("publication date: the metadata says %s (%s %q), the text says %s (%s %q at byte %d); the metadata's is kept",
				x.a.Published.ISO(), strings.TrimPrefix(x.a.PublishedEvidence.Rule, "publication: "), x.a.PublishedEvidence.Text,
				d.ISO(), strings.TrimPrefix(ev.Rule, "publication: "), ev.Text, ev.Offset)
		}
	case ok:
		x.a.Published, x.a.PublishedEvidence = d, ev
	default:
		if d, ev, ok := DateInName(x.a.Path); ok {
			x.a.Published, x.a.PublishedEvidence = d, ev
		}
	}
}

// textPublished returns the publication date the text itself gives.
func (x *extraction) textPublished() (timeline.Date, timeline.Evidence, bool) {
	for _, c := range []struct {
		cand candidate
		rule string
	}{
		{x.marker, ruleMarker},
		{x.greeting, ruleGreeting},
		{x.emailDate(), ruleEmail},
		{candidate{x.headMarked && x.head.found, x.head.m}, ruleHead},
		{x.byline, ruleByline},
		{x.head, ruleHead},
		{candidate{x.dateline.hasDate, x.dateline.date}, ruleDateline},
		{candidate{x.trailer.found && !x.trailerConflict, x.trailer.m}, ruleTrailer},
		{candidate{x.stamp.found && !x.stampConflict && !x.clockConflict(x.stamp.m), x.stamp.m}, ruleStamp},
	} {
		if !c.cand.found || !c.cand.m.WeekdayAgrees() {
			continue
		}
		if (c.rule == ruleHead || c.rule == ruleByline) && x.trailer.found && !x.trailerConflict && x.deliveryLine(c.cand.m) {
			continue // "Delivered on 24 April" above, "Published: 25 April" below
		}
		m := c.cand.m
		d := m.Date()
		if m.Kind == newsdate.Yearless {
			y, ok := x.windowYear(m)
			if !ok {
				continue
			}
			d = timeline.DayOf(y, m.Month, m.Day)
		}
		if d.Precision < timeline.Day {
			continue
		}
		return d, x.evidence(m, c.rule), true
	}
	// Last, and only then worked out: a live blog's stamps.
	if c := x.liveDay(); c.found && c.m.WeekdayAgrees() {
		return c.m.Date(), x.evidence(c.m, ruleLive), true
	}
	return timeline.Date{}, timeline.Evidence{}, false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// windowYear returns the one year that puts a yearless mention inside
// the window (and on its weekday, when one is named).
func (x *extraction) windowYear(m newsdate.Mention) (int, bool) {
	var fits []int
	for _, y := range newsdate.YearsInWindow(x.opts.WindowStart, x.opts.WindowEnd, m.Month, m.Day) {
		if m.Weekday < 0 || newsdate.Weekday(y, m.Month, m.Day) == m.Weekday {
			fits = append(fits, y)
		}
	}
	if len(fits) != 1 {
		return 0, false
	}
	return fits[0], true
}

// eventMention returns the first time expression of the lede's first
// two sentences that can name the main event, with the sentence it sits
// in. When the lede is one sentence of prose, the second is the next
// paragraph's first, unless that paragraph reads as a photo caption or
// the text states no publication date (the next paragraph's date is
// often background, which only that date would show), and a "last
// week" there names nothing.
func (x *extraction) eventMention() (newsdate.Mention, span, bool) {
	if !x.hasLede {
		return newsdate.Mention{}, span{}, false
	}
	sents := x.sentences(x.lede, 2)
	extended := len(sents) == 1 && x.hasNext && !x.a.Published.IsZero() && isProse(x.lede.Text, words(x.lede.Text)) && !captionShaped(factsOf(x.next.Text))
	if extended {
		sents = appendSentences(sents, x.text, x.next, 1)
		x.sents = sents
	}
	var coming newsdate.Mention // a day the lede says is to come
	var comingIn span
	for k, s := range sents[:min(2, len(sents))] {
		clause := 0
		for _, m := range newsdate.Scan(s.Text) {
			before := strings.ToLower(s.Text[max(0, m.Start-7):m.Start])
			switch {
			case m.Kind == newsdate.YearAlone, m.Kind == newsdate.MonthYear:
				continue
			case extended && k == 1 && m.Kind == newsdate.LastWeek:
				continue // the next paragraph's "last week" leaves the lede's day
			case m.Kind == newsdate.RelWeekday && (m.Modifier == "next" || m.Modifier == "this" || forDays(s.Text[:m.Start])):
				continue // "a warning for Monday and Tuesday" names the days it is for
			case backgroundWords.in(before) && m.Kind != newsdate.RelWeekday,
				(m.Kind == newsdate.Absolute || m.Kind == newsdate.Yearless) && foundingWords.in(strings.ToLower(s.Text[max(0, m.Start-foundingReach):m.Start])):
				continue
			case endsPeriod(s.Text[:m.Start]):
				continue // "the meeting ending on 21 June", "the quarter ended 30 June": a period's end, not the event
			case strings.Count(s.Text[:m.Start], "(") > strings.Count(s.Text[:m.Start], ")"):
				continue // a citation or aside, not the event
			case m.Kind != newsdate.RelWeekday && namesADay(s.Text, m):
				continue
			case m.Kind != newsdate.LastWeek && inAside(s.Text, m):
				continue // "Guterres, who arrived on Friday, toured …"; a "last week" still leaves the day unnamed
			case namesDocument(s.Text[:m.Start]):
				continue // "the Regulations of 14 February 2020" name a text, not the event
			case m.Kind != newsdate.Today && m.Kind != newsdate.Yesterday && otherText(s.Text[clause:m.Start]):
				continue // "an article published on our website on Thursday, 14 November": another text's day
			case m.Kind == newsdate.RelWeekday && coming.End == 0 && futureWords.in(strings.ToLower(s.Text[clause:m.Start])):
				coming, comingIn, clause = shifted(m, s.Start), s, m.End // "will meet on Friday, the ministry announced on Monday": the announcement
				continue
			}
			if coming.End > 0 && m.Kind != newsdate.RelWeekday && m.Kind != newsdate.Yesterday && m.Kind != newsdate.Today {
				return coming, comingIn, true // a date further on is background ("the record set on 25 July 2019")
			}
			return shifted(m, s.Start), s, true
		}
	}
	if coming.End > 0 {
		return coming, comingIn, true // no day in the lede but the one to come
	}
	return newsdate.Mention{}, span{}, false
}

// readEvent resolves the lede's time expression against the publication
// date (backwards for past events), or takes the publication date when
// the lede names no day; otherwise it says why the article is undated.
func (x *extraction) readEvent() {
	pub := newsdate.DayOnly(x.a.Published)
	m, sent, ok := x.eventMention()
	if x.speech && x.isNewsletter() {
		x.speech = false // a newsletter's "Good morning." greets its reader
	}
	if x.speech && !pub.IsZero() {
		ok = false // a speech is the event, given on its publication day
	}
	switch {
	case x.readDelivered(pub):
	case !ok && x.readEntryWeekday(pub):
	case !ok && x.readTitleDate(pub):
	case !ok:
		x.eventOnPublication(pub)
	default:
		x.resolveMention(m, sent, x.entryDay(pub))
	}
}

// readDelivered sets the event date to the day a head line says a
// speech or statement was delivered, when there is one, not after pub:
// the speech is the event, whatever days it recounts.
func (x *extraction) readDelivered(pub timeline.Date) bool {
	m, ok := x.deliveredOn()
	if !ok || !pub.IsZero() && newsdate.DayOnly(m.Date()).Compare(pub) > 0 {
		return false
	}
	x.a.Event, x.a.EventEvidence = newsdate.DayOnly(m.Date()), x.evidence(m, ruleEventGiven)
	return true
}

// eventOnPublication dates the event on the publication day pub, when
// the lede names no day (or the text is a speech), or says why the
// article is undated.
func (x *extraction) eventOnPublication(pub timeline.Date) {
	if pub.IsZero() {
		x.a.Undated = "no publication date and no date in the lede"
		return
	}
	x.a.Event, x.a.EventEvidence = pub, x.a.PublishedEvidence
	x.a.EventEvidence.Rule = ruleEventPub
	if x.speech {
		x.a.EventEvidence.Rule = ruleEventSpeech
	}
}

// resolveMention dates the event by m, the lede's time expression in
// sentence sent, against the publication day pub.
func (x *extraction) resolveMention(m newsdate.Mention, sent span, pub timeline.Date) {
	quoted := func() string { return strconv.Quote(x.text[m.Start:m.End]) } // only when undated
	set := func(d timeline.Date, rule string) {
		if !pub.IsZero() && d.Compare(pub) > 0 {
			// A report tells what happened by the day it was published:
			// a later day the lede names is what is coming.
			d, rule = pub, ruleEventLater
		}
		x.a.Event, x.a.EventEvidence = d, x.evidence(m, rule)
	}
	future := futureWords.in(strings.ToLower(x.text[clauseStart(sent, m):m.Start]))
	switch m.Kind {
	case newsdate.Absolute:
		if m.WeekdayAgrees() {
			set(newsdate.DayOnly(m.Date()), ruleEventDate)
			return
		}
		x.a.Undated = "the lede's date " + quoted() + " contradicts its weekday"
		return
	case newsdate.Yearless:
		y := 0
		if !pub.IsZero() {
			y = newsdate.YearNear(pub, m.Month, m.Day)
		} else if wy, ok := x.windowYear(m); ok {
			y = wy
		}
		if y == 0 {
			x.a.Undated = "the lede's date " + quoted() + " has no year, and neither a publication date nor the window gives one"
			return
		}
		set(timeline.DayOf(y, m.Month, m.Day), ruleEventDate)
		return
	case newsdate.LastWeek:
		x.a.Undated = "the lede says " + quoted() + ", which names no day"
		return
	}
	if pub.IsZero() {
		if d, ok := x.captionWeek(m); ok && !future {
			set(d, ruleEventCaption)
			return
		}
		x.a.Undated = "the lede's " + quoted() + " is relative and the text gives no publication date"
		return
	}
	switch {
	case m.Kind == newsdate.Yesterday:
		set(newsdate.AddDays(pub, -1), ruleEventYday)
	case m.Kind == newsdate.Today && strings.EqualFold(x.text[m.Start:m.End], "tonight") && x.smallHours(pub):
		set(newsdate.AddDays(pub, -1), ruleEventNight)
	case m.Kind == newsdate.Today:
		set(pub, ruleEventToday)
	case future:
		set(newsdate.WeekdayOnOrAfter(pub, m.Weekday), ruleEventFuture)
	default:
		d := newsdate.WeekdayOnOrBefore(pub, m.Weekday)
		if m.Modifier == "last" && d == pub {
			d = newsdate.AddDays(pub, -7)
		}
		set(d, ruleEventWeekday)
	}
}

// captionWeek resolves a lede weekday with no publication date against
// the captions: a caption dated with its weekday ("Tuesday, Dec. 21,
// 2021") was written that week, and the story is no older than its
// photos, so the weekday is read as the first such day on or after the
// latest caption date, when that is at most three days on.
func (x *extraction) captionWeek(m newsdate.Mention) (timeline.Date, bool) {
	if m.Kind != newsdate.RelWeekday || m.Modifier != "" {
		return timeline.Date{}, false
	}
	var latest timeline.Date
	for _, c := range x.captionDates {
		if c.Weekday >= 0 && c.WeekdayAgrees() {
			if d := newsdate.DayOnly(c.Date()); latest.IsZero() || d.Compare(latest) > 0 {
				latest = d
			}
		}
	}
	if latest.IsZero() {
		return timeline.Date{}, false
	}
	d := newsdate.WeekdayOnOrAfter(latest, m.Weekday)
	if newsdate.DaysBetween(latest, d) > 3 {
		return timeline.Date{}, false
	}
	return d, true
}

// asideWords open a relative clause set off by commas.
var asideWords = []string{", who ", ", which ", ", whose "}

// inAside reports whether mention m of s sits in a relative clause set
// off by commas ("Guterres, who arrived on Friday, flew over …"): what
// the subject did before, not what the sentence reports.
func inAside(s string, m newsdate.Mention) bool {
	before := s[:m.Start]
	open := -1
	for _, w := range asideWords {
		if i := strings.LastIndex(before, w); i > open {
			open = i + len(w)
		}
	}
	if open < 0 || strings.ContainsAny(before[open:], ",;") {
		return false
	}
	after := s[m.End:]
	end := strings.IndexAny(after, ",;.")
	return end >= 0 && after[end] == ','
}

// namesADay reports whether the date m in s is part of a name, used as an
// adjective between "the" (or a possessive) and a word in lower case:
// "the Jan. 6 committee", "the February 24 invasion", "Russia's Feb. 24
// invasion", "the July 4 parade". Such a
// date is an earlier event the text refers to, not the day it reports.
// A preposition or conjunction after it ("the May 9 at noon") leaves it
// a day of its own.
func namesADay(s string, m newsdate.Mention) bool {
	before := s[:m.Start]
	possessive := strings.HasSuffix(before, "'s ") || strings.HasSuffix(before, "’s ")
	if !possessive && !strings.HasSuffix(before, "the ") && !strings.HasSuffix(before, "The ") {
		return false
	}
	if !possessive && len(before) > 4 && unicode.IsLetter(rune(before[len(before)-5])) {
		return false // "lathe ", "Blythe "
	}
	after := strings.TrimLeft(s[m.End:], " ")
	if after == "" || after[0] < 'a' || after[0] > 'z' {
		return false
	}
	word, _, _ := strings.Cut(after, " ")
	switch strings.TrimRight(word, ",.;:") {
	case "at", "in", "on", "and", "or", "when", "as", "to", "with", "for", "of", "from", "while", "during", "than":
		return false
	}
	return true
}
