package webpage

import (
	"strconv"
	"strings"

	"github.com/newsroom/timeline/internal/newsdate"
	"github.com/newsroom/timeline/internal/timeline"
)

// stamp is a date string read: its day as written, and its clock and
// offset when it gives them.
type stamp struct {
	day timeline.Date
	// minutes is the clock's minute of the day as written, second its
	// seconds (-1 when not given); clock tells whether a clock was read.
	minutes, second int
	clock           bool
	// offset is the UTC offset in minutes, when zoned.
	offset int
	zoned  bool
}

// parseDay reads the calendar day a metadata date string names, in the
// offset the string itself gives: "2022-05-13T23:30:00-04:00" is 13 May
// (the day where it was written), not 14 May in UTC. It reads ISO 8601
// ("2022-05-13", "2022-05-13T14:02:00Z", "2022-05-13 14:02"), compact
// ("20220513"), slashed ("2022/05/13"), Unix seconds and milliseconds
// (read in UTC, which is their own offset) and written dates ("Fri, 13
// May 2022 14:02:00 GMT", "May 13, 2022"). A string that names no day,
// or a day out of range, gives false.
func parseDay(s string) (timeline.Date, bool) {
	st, ok := parseStamp(s)
	return st.day, ok
}

// parseStamp reads a date string as parseDay does, with its clock and
// offset when it is ISO 8601.
func parseStamp(s string) (stamp, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 80 {
		return stamp{}, false
	}
	if st, ok := isoStamp(s); ok {
		return st, true
	}
	if d, ok := unixDay(s); ok {
		return stamp{day: d, second: -1}, true
	}
	d, ok := writtenDay(s)
	return stamp{day: d, second: -1}, ok
}

// isoDay reads the day of an ISO 8601 or compact date.
func isoDay(s string) (timeline.Date, bool) {
	st, ok := isoStamp(s)
	return st.day, ok
}

// digits reads n digits at the start of t.
func digits(t string, n int) (int, bool) {
	if len(t) < n || !allDigits(t[:n]) {
		return 0, false
	}
	v, _ := strconv.Atoi(t[:n])
	return v, true
}

// isoStamp reads a year-first numeric date at the start of s, with "-",
// "/" or "." between its parts or none, followed by nothing, a clock
// ("T" or a space, HH:MM, optional seconds and fraction) and a zone ("Z",
// "+02:00", "+0200", "+02").
func isoStamp(s string) (stamp, bool) {
	y, ok := digits(s, 4)
	if !ok {
		return stamp{}, false
	}
	rest := s[4:]
	sep := ""
	if rest != "" && (rest[0] == '-' || rest[0] == '/' || rest[0] == '.') {
		sep, rest = rest[:1], rest[1:]
	}
	m, okM := digits(rest, 2)
	if !okM {
		return stamp{}, false
	}
	rest = rest[2:]
	if sep != "" {
		if !strings.HasPrefix(rest, sep) {
			return stamp{}, false
		}
		rest = rest[1:]
	}
	d, okD := digits(rest, 2)
	if !okD {
		return stamp{}, false
	}
	rest = rest[2:]
	if rest != "" && !strings.ContainsRune("T ,+-Z", rune(rest[0])) {
		return stamp{}, false
	}
	day, ok := plausibleDay(y, m, d)
	if !ok {
		return stamp{}, false
	}
	st := stamp{day: day, second: -1}
	readClock(rest, &st)
	return st, true
}

// readClock reads "THH:MM[:SS[.fff]][zone]" into st, when rest holds one.
func readClock(rest string, st *stamp) {
	if len(rest) < 6 || (rest[0] != 'T' && rest[0] != ' ') || rest[3] != ':' {
		return
	}
	h, okH := digits(rest[1:], 2)
	mi, okM := digits(rest[4:], 2)
	if !okH || !okM || h > 23 || mi > 59 {
		return
	}
	st.minutes, st.clock = h*60+mi, true
	rest = rest[6:]
	if len(rest) >= 3 && rest[0] == ':' {
		if sec, ok := digits(rest[1:], 2); ok {
			st.second = sec
			rest = rest[3:]
		}
	}
	if rest != "" && rest[0] == '.' {
		rest = strings.TrimLeft(rest[1:], "0123456789")
	}
	rest = strings.TrimSpace(rest)
	switch {
	case rest == "Z" || rest == "UTC" || rest == "GMT":
		st.zoned = true
	case len(rest) >= 3 && (rest[0] == '+' || rest[0] == '-'):
		zh, okZ := digits(rest[1:], 2)
		zone := strings.TrimPrefix(rest[3:], ":")
		zm, okZM := digits(zone, 2)
		if !okZ || zone != "" && !okZM || zh > 14 || zm > 59 {
			return
		}
		st.offset, st.zoned = zh*60+zm, true
		if rest[0] == '-' {
			st.offset = -st.offset
		}
	}
}

// utcMinute is st's instant in minutes since the Unix epoch, reading an
// unzoned clock as UTC.
func (st stamp) utcMinute() int64 {
	days := daysFromCivil(st.day.Year, st.day.Month, st.day.Day)
	return days*1440 + int64(st.minutes) - int64(st.offset)
}

// daysFromCivil is the number of days from 1970-01-01 to a calendar day
// (Howard Hinnant's algorithm).
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := int64(y) / 400
	yoe := int64(y) - era*400
	mp := int64(m+9) % 12
	doy := (153*mp+2)/5 + int64(d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// unixDay reads Unix seconds (10 digits) or milliseconds (13 digits) as
// the day in UTC.
func unixDay(s string) (timeline.Date, bool) {
	t, ok := newsdate.UnixTime(s)
	if !ok {
		return timeline.Date{}, false
	}
	t = t.UTC()
	return plausibleDay(t.Year(), int(t.Month()), t.Day())
}

// writtenDay reads a date written in words ("May 13, 2022", "Fri, 13 May
// 2022 14:02:00 GMT") when it makes up most of s.
func writtenDay(s string) (timeline.Date, bool) {
	for _, m := range newsdate.Scan(s) {
		if m.Kind != newsdate.Absolute {
			continue
		}
		if (m.End-m.Start)*2 < len(strings.TrimSpace(s)) && len(s) > 40 {
			return timeline.Date{}, false
		}
		return plausibleDay(m.Year, m.Month, m.Day)
	}
	return timeline.Date{}, false
}

// plausibleDay returns the day when it exists and lies in the years news
// pages are dated in; placeholders such as 1970-01-01 or 0001-01-01 are
// not dates.
func plausibleDay(y, m, d int) (timeline.Date, bool) {
	if y < 1991 || y > 2100 || m < 1 || m > 12 || d < 1 || d > timeline.DaysIn(y, m) {
		return timeline.Date{}, false
	}
	return timeline.DayOf(y, m, d), true
}

// urlDay reads a date from a URL's path: /2022/05/13/, /2022/5/13/,
// /2022-05-13/ or /20220513 as a path segment or the start of one. It
// gives the matched text and false when the path holds none, or more
// than one different day.
func urlDay(rawURL string) (timeline.Date, string, bool) {
	p := rawURL
	if i := strings.Index(p, "://"); i >= 0 {
		p = p[i+3:]
		if j := strings.IndexByte(p, '/'); j >= 0 {
			p = p[j:]
		} else {
			return timeline.Date{}, "", false
		}
	}
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	segs := strings.Split(p, "/")
	var found timeline.Date
	text := ""
	for i, seg := range segs {
		d, t, ok := segmentDay(segs, i, seg)
		if !ok {
			continue
		}
		if text != "" && d != found {
			return timeline.Date{}, "", false
		}
		found, text = d, t
	}
	return found, text, text != ""
}

// segmentDay reads a date starting at path segment i: three segments
// year/month/day, or one segment 2022-05-13 or 20220513 (alone or
// before a "-" and words).
func segmentDay(segs []string, i int, seg string) (timeline.Date, string, bool) {
	if len(seg) == 4 && i+2 < len(segs) && allDigits(seg) && isNum(segs[i+1], 2) && isNum(segs[i+2], 2) {
		y, _ := strconv.Atoi(seg)
		m, _ := strconv.Atoi(segs[i+1])
		d, _ := strconv.Atoi(segs[i+2])
		day, ok := plausibleDay(y, m, d)
		return day, strings.Join(segs[i:i+3], "/"), ok
	}
	head := seg
	if len(head) > 10 {
		head = head[:10]
	}
	if len(head) == 10 && head[4] == '-' && head[7] == '-' && (len(seg) == 10 || seg[10] == '-' || seg[10] == '_') {
		day, ok := isoDay(head)
		return day, head, ok
	}
	if len(seg) >= 8 && allDigits(seg[:8]) && (len(seg) == 8 || seg[8] == '-' || seg[8] == '_') {
		day, ok := isoDay(seg[:8])
		return day, seg[:8], ok
	}
	return timeline.Date{}, "", false
}

// isNum reports whether s is a number of 1 to n digits.
func isNum(s string, n int) bool {
	return s != "" && len(s) <= n && allDigits(s)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
