package extract

import (
	"strings"

	"github.com/newsroom/timeline/internal/newsdate"
)

// A live blog's entries are stamped; its days are those of its stamps.

// liveStamp reports whether line i is a live blog's entry stamp: a date
// or timestamp line with a clock time, with prose within two lines
// below it.
func (x *extraction) liveStamp(i int) bool {
	f := &x.facts[i]
	if !isDateLine(f) && !isClockLine(f) {
		return false
	}
	clock := false
	for _, d := range f.dates {
		clock = clock || d.HasClock
	}
	return clock && x.nextProseBefore(i+1, i+3) < len(x.lines)
}

// liveDay returns, for a page that says it is live, the date of its
// entry stamps that carry a full date and a clock ("Thu 10 Nov 2022
// 10.48 GMT" over its entry), when the text has three stamps or more:
// the earliest, the blog's start, when they name two days in a row; a
// blog of more days is left undated, and an update stamp ("Updated",
// "Stand:") never dates it.
func (x *extraction) liveDay() candidate {
	first, last, ok := x.liveDays()
	if !ok || newsdate.DaysBetween(newsdate.DayOnly(first.m.Date()), newsdate.DayOnly(last.m.Date())) > 1 {
		return candidate{}
	}
	return first
}

// liveSpan reports whether a live blog's entry stamps name two days or
// more (liveDays).
func (x *extraction) liveSpan() bool {
	first, last, ok := x.liveDays()
	return ok && !sameDay(first.m, last.m)
}

// liveDays returns the earliest and latest day of the entry stamps of a
// page that says it is live, when it has three stamps or more: worked
// out once the head is known (findHeadline), then kept.
func (x *extraction) liveDays() (first, last candidate, ok bool) {
	if !x.live.done {
		x.live.first, x.live.last, x.live.ok = x.readLiveDays()
		x.live.done = true
	}
	return x.live.first, x.live.last, x.live.ok
}

// readLiveDays works out liveDays.
func (x *extraction) readLiveDays() (first, last candidate, ok bool) {
	if !x.saysLive() {
		return candidate{}, candidate{}, false // comments are stamped too
	}
	stamps := 0
	for i := range x.lines {
		f := &x.facts[i]
		if !isDateLine(f) && !isClockLine(f) || x.nextProseBefore(i+1, i+3) == len(x.lines) {
			continue // not a stamp over an entry
		}
		if stamps++; !x.liveStamp(i) || !isDateLine(f) || !oneDay(f.dates) || isUpdateLine(f) {
			continue
		}
		m, ok := firstDay(f.dates, x.lines[i].Start)
		if !ok || m.Kind != newsdate.Absolute || !m.HasClock {
			continue
		}
		d := m.Date()
		if !first.found || d.Compare(first.m.Date()) < 0 {
			first = candidate{true, m}
		}
		if !last.found || d.Compare(last.m.Date()) > 0 {
			last = candidate{true, m}
		}
	}
	// A blog stamps its entries: one stamp is a page's "as of".
	return first, last, first.found && stamps >= 3
}

// saysLive reports whether the headline or a line above the first prose
// line calls the page a live blog: "live", "as it happened", "live
// reporting", "key events".
func (x *extraction) saysLive() bool {
	if x.title < 0 && x.a.Title == "" {
		return false
	}
	is := func(lower string) bool {
		return containsWord(lower, "live") || strings.Contains(lower, "as it happened") || strings.Contains(lower, "key events")
	}
	if is(strings.ToLower(x.a.Title)) {
		return true
	}
	for i := 0; i < min(x.firstProse, len(x.lines)); i++ {
		if is(x.facts[i].lower) {
			return true
		}
	}
	return false
}
