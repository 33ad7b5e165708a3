package newsdate

import (
	"strings"

	"github.com/newsroom/timeline/internal/timeline"
)

// monthFirst reads "May 13, 2022", "Dec. 21", "April 2021" from a month
// word at text[i:j]; wd is the weekday named before it, or -1.
func (s *scanner) monthFirst(i, j, month, wd int) (Mention, bool) {
	t := s.text
	k := j
	if k < len(t) && t[k] == '.' {
		k++
	}
	k = s.skipSpace(k)
	if k == j || k >= len(t) || !isDigit(t[k]) {
		return Mention{}, false
	}
	e, v := s.digits(k)
	if e-k >= 4 {
		end, y, ok := s.year(k)
		if !ok || end != e || (end < len(t) && isLetter(t[end])) {
			return Mention{}, false
		}
		return Mention{Start: i, End: end, Kind: MonthYear, Year: y, Month: month, Weekday: wd}, true
	}
	if v < 1 || v > timeline.DaysIn(2024, month) {
		return Mention{}, false
	}
	day := v
	e = s.skipOrdinal(e)
	if e < len(t) && (isDigit(t[e]) || isLetter(t[e]) && !isUpper(t[e])) {
		return Mention{}, false
	}
	m := Mention{Start: i, End: e, Kind: Yearless, Month: month, Day: day, Weekday: wd}
	k = e
	if k < len(t) && t[k] == ',' {
		k++
	}
	k = s.skipSpace(k)
	if end, y, ok := s.year(k); ok && k > e {
		if day > timeline.DaysIn(y, month) {
			return Mention{}, false
		}
		m.Kind, m.Year, m.End = Absolute, y, end
		s.clock(&m)
	}
	return m, true
}

// dayFirst reads "21 May 2022", "24 February", "15th of April 2022" from
// the digit run text[k:e], and "13. May 2022" (a day with a dot, as
// European pages print it) only with its year; a month name in another
// language, or in lower case, only with its year (foreignDayFirst).
func (s *scanner) dayFirst(k, e int) (Mention, bool) {
	t := s.text
	_, day := s.digits(k)
	if e-k > 2 || day < 1 || day > 31 {
		return Mention{}, false
	}
	p := s.skipOrdinal(e)
	dotted := p == e && p < len(t) && t[p] == '.'
	if dotted {
		p++
	}
	q := s.skipSpace(p)
	if q == p || q >= len(t) {
		return Mention{}, false
	}
	if q+3 <= len(t) && t[q:q+3] == "of " {
		q += 3
	}
	if q >= len(t) {
		return Mention{}, false
	}
	var buf [maxWord]byte
	we, month, ok := q, 0, false
	if isUpper(t[q]) {
		we = s.wordEnd(q)
		month, ok = months[s.lower(q, we, &buf)]
	}
	if !ok || we < len(t) && t[we] >= 0x80 && s.letterAt(we) {
		return s.foreignDayFirst(k, day, q)
	}
	if day > timeline.DaysIn(2024, month) {
		return Mention{}, false
	}
	m := Mention{Start: k, End: we, Kind: Yearless, Month: month, Day: day, Weekday: -1}
	r := s.afterMonth(we)
	if end, y, ok := s.year(r); ok && r > we {
		if day > timeline.DaysIn(y, month) {
			return Mention{}, false
		}
		m.Kind, m.Year, m.End = Absolute, y, end
		s.clock(&m)
	} else if dotted {
		return Mention{}, false
	}
	return m, true
}

// number reads a mention that starts with the digit run text[i:j]:
// "2022-02-11", "2022/04/19 21:01", "2021.10.30" (as Japanese and
// Korean pages write it), "21 May 2022" or a bare year.
func (s *scanner) number(i, j int) (Mention, bool) {
	t := s.text
	if j-i <= 2 {
		if m, ok := s.numericDay(i, j); ok {
			return m, true
		}
		if m, ok := s.dashedDay(i, j); ok {
			return m, true
		}
		m, ok := s.dayFirst(i, j)
		m.Weekday = -1
		return m, ok
	}
	if j-i != 4 {
		return Mention{}, false
	}
	_, y, ok := s.year(i)
	if !ok {
		return Mention{}, false
	}
	if j+1 < len(t) && (t[j] == '-' || t[j] == '/' || t[j] == '.') && isDigit(t[j+1]) {
		sep := t[j]
		me, month := s.digits(j + 1)
		if me-j-1 <= 2 && me+1 < len(t) && t[me] == sep && isDigit(t[me+1]) {
			de, day := s.digits(me + 1)
			if de-me-1 <= 2 && month >= 1 && month <= 12 && day >= 1 && day <= timeline.DaysIn(y, month) &&
				(de >= len(t) || !isLetter(t[de]) || t[de] == 'T') && (sep != '.' || de-me-1 == 2 && !(de+1 < len(t) && t[de] == '.' && isDigit(t[de+1]))) {
				m := Mention{Start: i, End: de, Kind: Absolute, Year: y, Month: month, Day: day, Weekday: -1}
				if de < len(t) && t[de] == 'T' {
					m.End++
				}
				s.clock(&m)
				if !m.HasClock {
					m.End = de
				}
				return m, true
			}
		}
		return Mention{}, false
	}
	if j < len(t) && (isLetter(t[j]) || t[j] == '-' && j+1 < len(t) && isDigit(t[j+1])) {
		return Mention{}, false
	}
	return Mention{Start: i, End: j, Kind: YearAlone, Year: y, Weekday: -1}, true
}

// dashedDay reads a day, a month name and a year joined by dashes
// ("21-Apr-2022"), the day being the digits text[i:j].
func (s *scanner) dashedDay(i, j int) (Mention, bool) {
	t := s.text
	if j+1 >= len(t) || t[j] != '-' || !isUpper(t[j+1]) {
		return Mention{}, false
	}
	var buf [maxWord]byte
	we := s.wordEnd(j + 1)
	month, ok := months[s.lower(j+1, we, &buf)]
	if !ok || we+1 >= len(t) || t[we] != '-' {
		return Mention{}, false
	}
	end, y, ok := s.year(we + 1)
	_, day := s.digits(i)
	if !ok || day < 1 || day > timeline.DaysIn(y, month) {
		return Mention{}, false
	}
	m := Mention{Start: i, End: end, Kind: Absolute, Year: y, Month: month, Day: day, Weekday: -1}
	s.clock(&m)
	return m, true
}

// numericDay reads an all-digit date that starts with the one or two
// digits text[i:j] and ends in a four-digit year: "21.04.2022" (dots are
// written day first), and "21/04/2022", "21-04-2022" or "04/21/2022" only
// where the order is plain (one number over 12); "04/05/2022" names no
// day.
func (s *scanner) numericDay(i, j int) (Mention, bool) {
	t := s.text
	if j+1 >= len(t) || t[j] != '.' && t[j] != '/' && t[j] != '-' || !isDigit(t[j+1]) {
		return Mention{}, false
	}
	sep := t[j]
	_, first := s.digits(i)
	me, second := s.digits(j + 1)
	if me-j-1 > 2 || me+1 >= len(t) || t[me] != sep || !isDigit(t[me+1]) {
		return Mention{}, false
	}
	ye, y, ok := s.year(me + 1)
	if !ok || ye < len(t) && (isDigit(t[ye]) || isLetter(t[ye])) {
		return Mention{}, false
	}
	day, month := first, second
	if sep != '.' {
		switch {
		case first > 12 && second <= 12:
		case second > 12 && first <= 12:
			day, month = second, first
		case s.dayFirstOrder:
		case s.monthFirstOrder:
			day, month = second, first
		default:
			var ok bool
			if day, month, ok = s.orderByWeekday(i, y, first, second); !ok {
				return Mention{}, false
			}
		}
	}
	if month < 1 || month > 12 || day < 1 || day > timeline.DaysIn(y, month) {
		return Mention{}, false
	}
	m := Mention{Start: i, End: ye, Kind: Absolute, Year: y, Month: month, Day: day, Weekday: -1}
	s.clock(&m)
	return m, true
}

// orderByWeekday reads an all-digit date whose order is not plain
// ("Wed, 01/10/2018") by the weekday written before it at i: the one
// order whose day falls on that weekday (10 January 2018 was a
// Wednesday, 1 October a Monday). ok is false when no weekday stands
// there or both orders or neither fit it.
func (s *scanner) orderByWeekday(i, y, first, second int) (day, month int, ok bool) {
	k := i
	for k > 0 && (s.text[k-1] == ' ' || s.text[k-1] == ',') {
		k--
	}
	j := k
	for j > 0 && isLetter(s.text[j-1]) {
		j--
	}
	var buf [maxWord]byte
	w := s.lower(j, k, &buf)
	wd, found := weekdays[w]
	if !found {
		wd, found = weekdayAbbrevs[w]
	}
	fits := func(d, m int) bool {
		return m >= 1 && m <= 12 && d >= 1 && d <= timeline.DaysIn(y, m) && Weekday(y, m, d) == wd
	}
	dayFirst, monthFirst := fits(first, second), fits(second, first)
	switch {
	case !found || j == k || dayFirst == monthFirst:
		return 0, 0, false
	case dayFirst:
		return first, second, true
	}
	return second, first, true
}

// clockWords may stand between a date and its time of day ("at 2:05
// p.m.", "à 14h05", "alle 14:05", "um 14:05 Uhr", "- 14:05").
var clockWords = []string{"at ", "à ", "a las ", "a la ", "às ", "alle ", "ore ", "um ", "om ", "o ", "в ", "kl. ", "- ", "– ", "| "}

// clock reads a time of day after a date ending at m.End: " 14.19 GMT",
// ", 12:04 p.m. ET", "T05:00", "14h05", "14:05 Uhr", and glued "23.44".
// It extends m when found.
func (s *scanner) clock(m *Mention) {
	t := s.text
	k := m.End
	if k < len(t) && (t[k] == ',' || t[k] == 'T') {
		k++
	}
	k = s.skipSpace(k)
	for _, w := range clockWords {
		if strings.HasPrefix(t[k:], w) {
			k = s.skipSpace(k + len(w))
			break
		}
	}
	if c, ok := s.readClock(k); ok {
		m.Hour, m.Minute, m.HasClock, m.End = c.hour, c.minute, true, c.end
		m.Offset, m.HasOffset = c.offset, c.hasOffset
		return
	}
	s.clockBefore(m)
}

// clockRead is a time of day read by readClock, ending at end.
type clockRead struct {
	hour, minute, offset, end int
	hasOffset                 bool
}

// readClock reads a time of day at k: "14.19", "12:04 p.m. ET",
// "14h05", "14:05 Uhr", "9:30 GMT".
func (s *scanner) readClock(k int) (clockRead, bool) {
	t := s.text
	he, hour := s.digits(k)
	if he == k || he-k > 2 || he+2 >= len(t) || (t[he] != ':' && t[he] != '.' && t[he] != 'h') {
		return clockRead{}, false
	}
	me, minute := s.digits(he + 1)
	if me-he-1 != 2 || minute > 59 || hour > 23 || (me+1 < len(t) && (t[me] == '.' || t[me] == ':') && isDigit(t[me+1]) && t[he] == '.') {
		return clockRead{}, false
	}
	c := clockRead{hour: hour, minute: minute, end: me}
	if me+2 < len(t) && t[me] == ':' && isDigit(t[me+1]) && isDigit(t[me+2]) {
		c.end = me + 3
	}
	k = s.skipSpace(c.end)
	if strings.HasPrefix(t[k:], "Uhr") && !s.letterAt(k+3) {
		c.end = k + 3
		k = s.skipSpace(c.end)
	}
	if half, n := s.meridiem(k); n > 0 && hour >= 1 && hour <= 12 {
		c.hour = hour%12 + half
		c.end = k + n
		k = s.skipSpace(c.end)
	}
	var buf [maxWord]byte
	if k < len(t) && isUpper(t[k]) {
		we := s.wordEnd(k)
		zone := s.lower(k, we, &buf)
		if off, ok := zones[zone]; ok {
			c.offset, c.hasOffset, c.end = off, true, we
		} else if zone == "et" || zone == "pt" {
			c.end = we
		}
	}
	return c, true
}

// clockBefore reads a time of day written just before a date, with
// only spaces, a comma, a bar, a dash or the date's weekday between:
// "00:12, Saturday 21 September 2019", "10:30 p.m. EST Monday, November
// 30, 2020". The mention keeps its bounds.
func (s *scanner) clockBefore(m *Mention) {
	t := s.text
	for p := max(0, m.Start-24); p < m.Start; p++ {
		if !isDigit(t[p]) || p > 0 && (isDigit(t[p-1]) || isLetter(t[p-1])) {
			continue
		}
		c, ok := s.readClock(p)
		if !ok || c.end > m.Start {
			continue
		}
		between := strings.Trim(t[c.end:m.Start], " ,.|-–")
		if _, abbrev := weekdayAbbrevs[strings.ToLower(between)]; between == "" || IsWeekday(between) || abbrev {
			m.Hour, m.Minute, m.HasClock = c.hour, c.minute, true
			m.Offset, m.HasOffset = c.offset, c.hasOffset
			return
		}
	}
}

// meridiem reads "a.m.", "p.m.", "am" or "pm" at k; it returns the hours
// to add (0 or 12) and the length read.
func (s *scanner) meridiem(k int) (int, int) {
	t := s.text
	if k+1 >= len(t) {
		return 0, 0
	}
	half := 0
	switch t[k] | 0x20 {
	case 'a':
	case 'p':
		half = 12
	default:
		return 0, 0
	}
	if k+3 < len(t) && t[k+1] == '.' && t[k+2]|0x20 == 'm' && t[k+3] == '.' {
		return half, 4
	}
	if t[k+1]|0x20 == 'm' && (k+2 >= len(t) || !isLetter(t[k+2])) {
		return half, 2
	}
	return 0, 0
}

// Date returns the mention as a timeline.Date when it names a calendar
// day with its year (Minute precision when it has a clock time), a month
// of a year, or a year; else the zero Date.
func (m Mention) Date() timeline.Date {
	switch m.Kind {
	case Absolute:
		d := timeline.DayOf(m.Year, m.Month, m.Day)
		if m.HasClock {
			d.Hour, d.Minute, d.Precision = int8(m.Hour), int8(m.Minute), timeline.Minute
			d.Offset, d.HasOffset = int16(m.Offset), m.HasOffset
		}
		return d
	case MonthYear:
		return timeline.MonthOf(m.Year, m.Month)
	case YearAlone:
		return timeline.YearOnly(m.Year)
	}
	return timeline.Date{}
}

// WeekdayAgrees reports whether a weekday named with an absolute date
// matches the calendar (true when none is named).
func (m Mention) WeekdayAgrees() bool {
	return m.Weekday < 0 || m.Kind != Absolute || Weekday(m.Year, m.Month, m.Day) == m.Weekday
}
