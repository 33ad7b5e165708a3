package extract

import (
	"cmp"
	"slices"
	"strings"

	"github.com/newsroom/timeline/internal/newsdate"
	"github.com/newsroom/timeline/internal/timeline"
)

// The words around a day that say what it is: the days something is for,
// the end of a period, a gallery's counter, a speech's delivery, the
// clause a day to come is told in, the day a live entry or a text of
// the small hours reads its days against, and the day a headline gives
// when the lede names none.

// forDays reports whether the text before a weekday ends with "for"
// and, maybe, other weekdays: "for Monday and Tuesday", "for Friday,
// Saturday and".
func forDays(before string) bool {
	for {
		w, rest := lastWord(before)
		w = strings.TrimRight(w, ",")
		switch {
		case strings.EqualFold(w, "for"):
			return true
		case w != "" && (strings.EqualFold(w, "and") || strings.EqualFold(w, "or") || newsdate.IsWeekday(w)):
			before = rest
		default:
			return false
		}
	}
}

// lastWord returns the last space-separated word of s and what is
// before it.
func lastWord(s string) (word, rest string) {
	s = strings.TrimRight(s, " ")
	i := strings.LastIndexByte(s, ' ')
	return s[i+1:], s[:max(i, 0)]
}

// endsPeriod reports whether the text before a time expression ends
// with a period ("quarter", "meeting", "three months") and "ending",
// "ended" or "ending on": the end of a period that what is reported
// comes after. "The ringgit ended Thursday at 4.0450" reports a close.
func endsPeriod(before string) bool {
	w, rest := lastWord(before)
	if strings.EqualFold(w, "on") {
		w, rest = lastWord(rest)
	}
	if !strings.EqualFold(w, "ending") && !strings.EqualFold(w, "ended") {
		return false
	}
	period, _ := lastWord(rest)
	return periodWords[strings.TrimSuffix(strings.ToLower(period), "s")]
}

// periodWords name the periods whose end a date may give ("the quarter
// ended 30 June"), in the singular.
var periodWords = map[string]bool{
	"quarter": true, "year": true, "half": true, "month": true, "week": true, "day": true, "period": true,
	"meeting": true, "session": true, "season": true, "term": true, "summit": true, "conference": true,
	"festival": true, "visit": true, "tour": true, "talk": true, "trial": true, "window": true, "campaign": true,
}

// namesDocument reports whether the text before a date ends with a
// capitalised word and "of": "the Regulations of 14 February 2020", "the
// Declaration of 5 May", where the date is part of a text's name.
func namesDocument(before string) bool {
	w, rest := lastWord(before)
	if !strings.EqualFold(w, "of") {
		return false
	}
	w, _ = lastWord(rest)
	return len(w) > 1 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'a' && w[1] <= 'z'
}

// isBareCounter reports whether s is a gallery's counter and nothing
// else: "1 / 5", "2/12", "3 of 12".
func isBareCounter(s string) bool {
	if len(s) > 12 || s == "" || s[0] < '0' || s[0] > '9' {
		return false // most lines
	}
	fields := strings.Fields(strings.ReplaceAll(s, "/", " / "))
	if len(fields) != 3 || (fields[1] != "/" && fields[1] != "of") {
		return false
	}
	n, m := atoiSmall(fields[0]), atoiSmall(fields[2])
	return n >= 1 && n <= m
}

// deliveredWords open a line of a release's head that dates a speech,
// statement or judgment by its delivery rather than its publication.
var deliveredWords = []string{"delivered on", "delivery date", "date delivered", "as delivered on", "delivered:", "delivered at ", "delivered in ",
	"date of judgment", "judgment date", "judgment delivered", "date of decision", "decision date"}

// deliveryLine reports whether m is on a line that says when what the
// text gives was delivered, not published.
func (x *extraction) deliveryLine(m newsdate.Mention) bool {
	for i, l := range x.lines {
		if m.Start >= l.Start && m.Start < l.End {
			return startsWithAny(trimMarks(x.facts[i].lower), deliveredWords)
		}
	}
	return false
}

// deliveredOn returns the full date of a head line, above the lede, that
// says when what the text gives was delivered ("Delivery date: 21 March
// 2023").
func (x *extraction) deliveredOn() (newsdate.Mention, bool) {
	for i := 0; i < min(x.firstProse+headNear, len(x.lines)); i++ {
		f := &x.facts[i]
		if f.words > 12 || !hasDate(f.dates) || !strings.Contains(f.lower, "deliver") && !strings.Contains(f.lower, "judgment") && !strings.Contains(f.lower, "decision") {
			continue // most lines
		}
		if lower := trimMarks(f.lower); !slices.ContainsFunc(deliveredWords, func(w string) bool { return strings.HasPrefix(lower, w) }) {
			continue
		}
		if m, ok := firstDay(f.dates, x.lines[i].Start); ok && m.Kind == newsdate.Absolute && m.WeekdayAgrees() {
			return m, true
		}
	}
	return newsdate.Mention{}, false
}

// entryDay returns the day the lede's days are read against: on a live
// blog whose entries span two days, the day of the stamp over the
// lede's entry (the blog is dated by its first), the day before for an
// entry stamped before 4 a.m. ("we pause our coverage for tonight" at
// 00:18); else pub.
func (x *extraction) entryDay(pub timeline.Date) timeline.Date {
	if !x.hasLede || !x.liveSpan() {
		return pub
	}
	for i := len(x.lines) - 1; i >= 0; i-- {
		if x.lines[i].Start >= x.lede.Start || !x.liveStamp(i) || !isDateLine(&x.facts[i]) {
			continue
		}
		if m, ok := firstDay(x.facts[i].dates, x.lines[i].Start); ok && m.Kind == newsdate.Absolute && m.HasClock && m.Hour < 4 {
			return newsdate.AddDays(newsdate.DayOnly(m.Date()), -1)
		} else if ok && m.Kind == newsdate.Absolute {
			return newsdate.DayOnly(m.Date())
		}
		return pub
	}
	return pub
}

// smallHours reports whether the text was published on day pub before
// 4 a.m.: its "tonight" is the evening before (a match report stamped
// 00:12), where an embargo's "today" at 00:01 is the day itself.
func (x *extraction) smallHours(pub timeline.Date) bool {
	p := x.a.Published
	return p.Precision == timeline.Minute && p.Hour < 4 && newsdate.DayOnly(p) == pub
}

// clauseStart returns where the words that say whether m is to come
// begin: the end of the day sentence sent names before m, or the
// sentence's start.
func clauseStart(sent span, m newsdate.Mention) int {
	start := sent.Start
	for _, o := range newsdate.Scan(sent.Text) {
		if o.End+sent.Start <= m.Start {
			start = o.End + sent.Start
		}
	}
	return start
}

// shifted returns m moved by off bytes.
func shifted(m newsdate.Mention, off int) newsdate.Mention {
	m.Start += off
	m.End += off
	return m
}

// otherText reports whether the words before a day say it is another
// text's ("an article published on …", "the story published in print
// on …"), as a correction notice says.
func otherText(before string) bool {
	lower := strings.ToLower(before)
	i := strings.Index(lower, " published ")
	if i < 0 {
		return false
	}
	w, _ := lastWord(lower[:i])
	return w == "article" || w == "story" || w == "report" || w == "piece" || w == "column"
}

// titleDateDays is how many days before publication a date the headline
// gives may be the event's: a readout's or statement's title dates what
// it reports ("PM call with President Kenyatta: 14 September 2015"),
// while an older date in a headline is an anniversary's or a history's.
const titleDateDays = 7

// readTitleDate sets the event date to the day the headline gives, when
// the lede names no day: the last full date in it, when it is neither
// after the publication day pub (known) nor more than titleDateDays
// before it, or else a weekday it names as past ("closes the festival's
// Saturday night"), as a lede's weekday resolves.
func (x *extraction) readTitleDate(pub timeline.Date) bool {
	line, found := x.titleLine()
	if pub.IsZero() || !found || x.speech {
		return false
	}
	title := x.text[line.Start:line.End]
	var date, weekday newsdate.Mention
	for _, m := range newsdate.Scan(title) {
		switch {
		case m.Kind == newsdate.Absolute && m.WeekdayAgrees():
			date = shifted(m, line.Start)
		case m.Kind == newsdate.RelWeekday && m.Modifier == "" && weekday.End == 0 && !titleFuture.in(" "+strings.ToLower(title[:m.Start])):
			weekday = shifted(m, line.Start)
		}
	}
	if date.End > 0 {
		day := newsdate.DayOnly(date.Date())
		if before := newsdate.DaysBetween(day, pub); before < 0 || before > titleDateDays {
			return false
		}
		x.a.Event, x.a.EventEvidence = day, x.evidence(date, ruleEventTitle)
		return true
	}
	if weekday.End > 0 {
		x.a.Event, x.a.EventEvidence = newsdate.WeekdayOnOrBefore(pub, weekday.Weekday), x.evidence(weekday, ruleEventTitle)
		return true
	}
	return false
}

// titleLine returns the first line that is the headline.
func (x *extraction) titleLine() (span, bool) {
	for _, l := range x.lines {
		if x.a.Title != "" && strings.TrimSpace(x.text[l.Start:l.End]) == x.a.Title {
			return l, true
		}
	}
	return span{}, false
}

// titleFuture before a headline's weekday make it a day to come: a
// headline writes what is coming with "to" ("Leaders to meet on
// Friday") or names a day something is set for.
var titleFuture = newPhraseSet([]string{" to ", " will ", " for ", " until ", " by ", "ahead of ", " before ", " next ", " this ", " from "})

// readEntryWeekday sets the event date, when the lede names no day, to
// the day of the live blog's entry stamp right above the lede, when that
// stamp names a weekday and a clock but no date ("Sunday 11:30 p.m."):
// that weekday on or after the blog's start, pub.
func (x *extraction) readEntryWeekday(pub timeline.Date) bool {
	if pub.IsZero() || !x.hasLede || !x.saysLive() {
		return false
	}
	at, _ := slices.BinarySearchFunc(x.lines, x.lede.Start, func(l span, off int) int { return cmp.Compare(l.Start, off) })
	if at < 1 || at > len(x.lines) || !isClockLine(&x.facts[at-1]) {
		return false
	}
	stamp := x.lines[at-1]
	for _, m := range newsdate.Scan(stamp.Text) {
		if m.Kind == newsdate.RelWeekday && m.Modifier == "" {
			m = shifted(m, stamp.Start)
			x.a.Event, x.a.EventEvidence = newsdate.WeekdayOnOrAfter(pub, m.Weekday), x.evidence(m, ruleEventEntry)
			return true
		}
	}
	return false
}
