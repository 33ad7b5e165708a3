package newsdate

import (
	"strconv"
	"strings"
	"time"

	"github.com/newsroom/timeline/internal/timeline"
)

// timestampLayouts are the machine forms of a timestamp that scrapes
// write in their metadata, most specific first. Layouts without a zone
// are read in the caller's zone.
var timestampLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04Z07:00",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02T15:04:05-0700",
	"2006-01-02T15:04:05.999999999-0700",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -0700 MST",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700",
	"20060102T150405Z",
	"20060102T150405Z0700",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"20060102T150405",
	"20060102150405",
	"2006-01-02",
	"2006/01/02",
	"20060102",
}

// ParseStamp reads the publication date a scrape's metadata gives as
// text: an ISO 8601 or RFC 3339 timestamp, an RSS (RFC 1123) date, a
// compact GDELT-style stamp (20220219T121500Z), Unix seconds or
// milliseconds, or a date as newsrooms print it ("July 9, 2022"). A
// timestamp's day is the day in its own offset; one without an offset is
// read in loc (UTC when nil). A non-empty layout (a Go time layout, as a
// dataset's mapping file names it) is the only form tried. ok is false
// when s is not a date at day precision or finer.
func ParseStamp(s, layout string, loc *time.Location) (d timeline.Date, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return timeline.Date{}, false
	}
	if loc == nil {
		loc = time.UTC
	}
	if layout != "" {
		t, err := time.ParseInLocation(layout, s, loc)
		return dayOfTime(t), err == nil
	}
	for _, l := range timestampLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return dayOfTime(t), true
		}
	}
	if t, ok := UnixTime(s); ok {
		return dayOfTime(t.In(loc)), true
	}
	return printedDate(s)
}

// dayOfTime is the Day-precision date of t's calendar day in t's own
// location.
func dayOfTime(t time.Time) timeline.Date {
	return timeline.DayOf(t.Year(), int(t.Month()), t.Day())
}

// UnixTime reads s as Unix seconds (10 digits) or milliseconds (13),
// the two lengths that cover this century.
func UnixTime(s string) (time.Time, bool) {
	if len(s) != 10 && len(s) != 13 {
		return time.Time{}, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return time.Time{}, false
	}
	if len(s) == 13 {
		return time.UnixMilli(n), true
	}
	return time.Unix(n, 0), true
}

// printedDate reads s when it is one full date as newsrooms print it,
// with nothing else of substance around it.
func printedDate(s string) (timeline.Date, bool) {
	mentions := Scan(s)
	if len(mentions) != 1 || mentions[0].Kind != Absolute || !mentions[0].WeekdayAgrees() {
		return timeline.Date{}, false
	}
	m := mentions[0]
	if rest := s[:m.Start] + s[m.End:]; len(strings.TrimSpace(rest)) > 24 {
		return timeline.Date{}, false
	}
	return timeline.DayOf(m.Year, m.Month, m.Day), true
}
