package extract

import (
	"strings"
	"time"

	"github.com/newsroom/timeline/internal/newsdate"
	"github.com/newsroom/timeline/internal/timeline"
)

// A news feed's issue date: written in ISO 8601 or as RSS writes it, and
// given the local day its dateline names.

// meta returns the feed's issue date as metadata, when it names a day
// (ISO 8601, basic or extended: "20220421T120000Z", "2022-04-21", or as
// RSS writes it, see writtenDate), or the dateline's day when that is
// the local day of the UTC time (datelineDay).
func (f *feed) meta() Meta {
	day, ok := f.isoDate()
	if !ok {
		day, ok = f.writtenDate()
	}
	if !ok {
		return Meta{}
	}
	if local, ok := f.datelineDay(day); ok {
		return Meta{Published: local, PublishedEvidence: timeline.Evidence{Text: f.dateline, Offset: -1, Rule: ruleFeedDateline}}
	}
	return Meta{Published: day, PublishedEvidence: timeline.Evidence{Text: f.date, Offset: -1, Rule: ruleFeedDate}}
}

// isoDate returns the day of the feed's date written in ISO 8601.
func (f *feed) isoDate() (timeline.Date, bool) {
	digits := make([]byte, 0, 8)
	for i := 0; i < len(f.date) && len(digits) < 8; i++ {
		c := f.date[i]
		switch {
		case c >= '0' && c <= '9':
			digits = append(digits, c)
		case c == '-' && (len(digits) == 4 || len(digits) == 6):
		default:
			i = len(f.date)
		}
	}
	if len(digits) < 8 {
		return timeline.Date{}, false
	}
	num := func(s []byte) int {
		n := 0
		for _, c := range s {
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, m, d := num(digits[:4]), num(digits[4:6]), num(digits[6:8])
	day := timeline.DayOf(y, m, d)
	if y < 1800 || timeline.FromTime(day.Time()) != day {
		return timeline.Date{}, false // no such day
	}
	return day, true
}

// ruleFeedDateline names the local day a feed's dateline gives beside
// its time in UTC.
const ruleFeedDateline = "publication: the feed's dateline, the local day of its UTC time"

// datelineDay returns the day the feed's dateline names ("WELLINGTON,
// June 16 (NZNS)") when the feed's date is a time in UTC on day utc, and
// the dateline's day is the next one and the hour lets a zone east of
// UTC (up to UTC+14) reach it: the outlet's local day of that instant,
// "20100615T233000Z" in Wellington. A story is filed before it is
// issued, so a dateline's day before the UTC day is the day it was
// filed, not the local one.
func (f *feed) datelineDay(utc timeline.Date) (timeline.Date, bool) {
	hour, ok := utcHour(f.date)
	if f.dateline == "" || !ok || !utcTime(f.date) {
		return timeline.Date{}, false
	}
	for _, m := range newsdate.Scan(f.dateline) {
		if m.Kind != newsdate.Absolute && m.Kind != newsdate.Yearless {
			continue
		}
		if m.Kind == newsdate.Yearless {
			m.Kind, m.Year = newsdate.Absolute, utc.Year
		}
		d := newsdate.DayOnly(m.Date())
		return d, newsdate.DaysBetween(utc, d) == 1 && hour >= 10
	}
	return timeline.Date{}, false
}

// utcHour returns the hour of a feed's time: the two digits before its
// first colon ("Tue, 15 Jun 2010 23:30:00 GMT", "2010-06-15T23:30:00Z"),
// or after its "T" in the basic form ("20100615T233000Z").
func utcHour(date string) (int, bool) {
	i := strings.IndexByte(date, ':') - 2
	if i < 0 {
		i = strings.LastIndexByte(date, 'T') + 1
	}
	if i <= 0 || i+2 > len(date) || !isDigitByte(date[i]) || !isDigitByte(date[i+1]) {
		return 0, false
	}
	return int(date[i]-'0')*10 + int(date[i+1]-'0'), true
}

// writtenDate returns the day of the feed's date when it is written
// out with its year, as RSS's pubDate is ("Thu, 21 Apr 2022 10:05:00
// GMT"), and its weekday, if any, agrees.
func (f *feed) writtenDate() (timeline.Date, bool) {
	for _, m := range newsdate.Scan(f.date) {
		if m.Kind == newsdate.Absolute && m.WeekdayAgrees() {
			return newsdate.DayOnly(m.Date()), true
		}
	}
	return timeline.Date{}, false
}

// localFeedDate returns the date of dates, those a feed writes in
// order, that gives its publication day: the first, unless that one is a
// time in UTC and a later one writes a day within a day of it in the
// outlet's own terms, as a time with another offset or a day alone. A
// UTC time names the instant; the day the outlet published on is its
// local one ("20180501T223000Z" is "20180502T083000+1000" in Hobart).
func localFeedDate(dates []string) string {
	if len(dates) == 0 {
		return ""
	}
	first := (&feed{date: dates[0]}).meta().Published
	if first.IsZero() || !utcTime(dates[0]) {
		return dates[0]
	}
	for _, d := range dates[1:] {
		day := (&feed{date: d}).meta().Published
		if apart := day.Time().Sub(first.Time()); !day.IsZero() && !utcTime(d) && apart >= -24*time.Hour && apart <= 24*time.Hour {
			return d
		}
	}
	return dates[0]
}

// utcTime reports whether a feed's date is a time given in UTC:
// "20180501T223000Z", "2018-05-01T22:30:00+00:00", "Tue, 01 May 2018
// 22:30:00 GMT".
func utcTime(date string) bool {
	date = strings.TrimSpace(date)
	if !strings.ContainsRune(date, ':') && !strings.Contains(date, "T") {
		return false // a day alone
	}
	for _, zone := range []string{"Z", "+00:00", "+0000", "-00:00", " GMT", " UT", " UTC"} {
		if strings.HasSuffix(date, zone) {
			return true
		}
	}
	return false
}
