package timeline

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision says how much of a Date is known.
type Precision int8

const (
	// Unknown is the precision of the zero Date: no date at all.
	Unknown Precision = iota
	// Year precision: only the year is known ("2022").
	Year
	// Month precision: year and month are known ("2022-02").
	Month
	// Day precision: the calendar day is known ("2022-02-24").
	Day
	// Minute precision: the day and a clock time are known
	// ("2022-02-24T05:00+02:00").
	Minute
)

// String names the precision: "unknown", "year", "month", "day" or "minute".
func (p Precision) String() string {
	return [...]string{"unknown", "year", "month", "day", "minute"}[p]
}

// Date is a calendar date known to a given precision. Fields beyond the
// precision are zero. Approx marks editors' approximate dates ("~2022-02").
// The zero Date means "no date".
//
// A Date takes 32 bytes: a chronology holds several for each of its
// articles, so the clock's fields are as small as their ranges allow.
type Date struct {
	Year, Month, Day int
	Hour, Minute     int8
	// Offset is the UTC offset in minutes of a Minute-precision date;
	// HasOffset tells whether one was given.
	Offset    int16
	HasOffset bool
	Precision Precision
	Approx    bool
}

// DateFormats is the human description of the accepted date forms, used
// in error messages.
const DateFormats = "want YYYY, YYYY-MM or YYYY-MM-DD"

// IsZero reports whether d is the zero Date (no date known).
func (d Date) IsZero() bool { return d.Precision == Unknown }

// YearOnly returns a Year-precision date.
func YearOnly(y int) Date { return Date{Year: y, Precision: Year} }

// MonthOf returns a Month-precision date.
func MonthOf(y, m int) Date { return Date{Year: y, Month: m, Precision: Month} }

// DayOf returns a Day-precision date.
func DayOf(y, m, d int) Date { return Date{Year: y, Month: m, Day: d, Precision: Day} }

// FromTime returns the Day-precision date of t's calendar day.
func FromTime(t time.Time) Date { return DayOf(t.Year(), int(t.Month()), t.Day()) }

// Time returns the first instant of d in UTC (or, for Minute precision,
// the instant itself). The zero Date gives the zero time.
func (d Date) Time() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	m, day := max(d.Month, 1), max(d.Day, 1)
	loc := time.UTC
	if d.HasOffset {
		loc = time.FixedZone("", int(d.Offset)*60)
	}
	return time.Date(d.Year, time.Month(m), day, int(d.Hour), int(d.Minute), 0, 0, loc)
}

// ISO returns d in ISO 8601 as precise as known: "2022", "2022-05",
// "2022-05-13" or "2022-05-13T05:00+02:00". The zero Date gives "".
func (d Date) ISO() string {
	if d.Precision < Year || d.Precision > Minute {
		return ""
	}
	var buf [32]byte
	b := appendPadded(buf[:0], d.Year, 4)
	if d.Precision >= Month {
		b = appendPadded(append(b, '-'), d.Month, 2)
	}
	if d.Precision >= Day {
		b = appendPadded(append(b, '-'), d.Day, 2)
	}
	if d.Precision == Minute {
		b = appendPadded(append(b, 'T'), int(d.Hour), 2)
		b = appendPadded(append(b, ':'), int(d.Minute), 2)
		if d.HasOffset {
			if d.Offset == 0 {
				return string(append(b, 'Z'))
			}
			sign, off := byte('+'), int(d.Offset)
			if off < 0 {
				sign, off = '-', -off
			}
			b = appendPadded(append(b, sign), off/60, 2)
			b = appendPadded(append(b, ':'), off%60, 2)
		}
	}
	return string(b)
}

// appendPadded appends n in decimal as fmt's %0*d does with width: at
// least width characters, zeros after the sign. Negative numbers, which
// no real date has, go through fmt.
func appendPadded(b []byte, n, width int) []byte {
	if n < 0 {
		return fmt.Appendf(b, "%0*d", width, n)
	}
	var digits [20]byte
	d := strconv.AppendInt(digits[:0], int64(n), 10)
	for i := len(d); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, d...)
}

// String returns the ISO form, prefixed with "~" when approximate.
func (d Date) String() string {
	if d.Approx {
		return "~" + d.ISO()
	}
	return d.ISO()
}

// Human returns d for readers: "24 February 2022", "February 2022",
// "2022", with "c." before approximate dates.
func (d Date) Human() string {
	var s string
	switch d.Precision {
	case Year:
		s = strconv.Itoa(d.Year)
	case Month:
		s = fmt.Sprintf("%s %d", time.Month(d.Month), d.Year)
	case Day, Minute:
		s = fmt.Sprintf("%d %s %d", d.Day, time.Month(d.Month), d.Year)
	}
	if d.Approx && s != "" {
		s = "c. " + s
	}
	return s
}

// Compare orders dates chronologically. Unknown parts count as earliest:
// a year-only date sorts before every date within that year, and a
// month-only date before every day of that month, the way a chronology
// states what is known of a month before it walks through its days.
// Minute-precision dates on the same day are compared as instants.
func (d Date) Compare(o Date) int {
	switch {
	case d.Year != o.Year:
		return cmpInt(d.Year, o.Year)
	case d.Month != o.Month:
		return cmpInt(d.Month, o.Month)
	case d.Day != o.Day:
		return cmpInt(d.Day, o.Day)
	}
	if d.Precision == Minute && o.Precision == Minute {
		return d.Time().Compare(o.Time())
	}
	return cmpInt(int(d.Precision), int(o.Precision))
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// DaysIn returns the number of days in month m of year y.
func DaysIn(y, m int) int {
	switch {
	case m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0):
		return 29
	case m >= 1 && m <= 12:
		return daysInMonth[m-1]
	}
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// daysInMonth is the length of each month in a common year.
var daysInMonth = [12]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// ParseDate reads an editor's date: "2022", "2022-02", "2022-02-24",
// "2022-02-24T05:00+02:00" (seconds and "Z" allowed), each optionally
// prefixed with "~" for approximate. Errors say what is wrong and what is
// expected, e.g. `month 13 out of range (want YYYY, YYYY-MM or YYYY-MM-DD)`.
func ParseDate(s string) (Date, error) {
	var d Date
	text := strings.TrimSpace(s)
	if strings.HasPrefix(text, "~") {
		d.Approx = true
		text = strings.TrimSpace(text[1:])
	}
	datePart, clock, hasClock := strings.Cut(text, "T")
	parts := strings.Split(datePart, "-")
	if datePart == "" || len(parts) > 3 {
		return Date{}, fmt.Errorf("not a date (%s)", DateFormats)
	}
	widths := []int{4, 2, 2}
	nums := make([]int, len(parts))
	for i, p := range parts {
		if len(p) != widths[i] || !allDigits(p) {
			return Date{}, fmt.Errorf("%q is not a %d-digit number (%s)", p, widths[i], DateFormats)
		}
		nums[i], _ = strconv.Atoi(p)
	}
	d.Year, d.Precision = nums[0], Year
	if d.Year < 1 {
		return Date{}, fmt.Errorf("year %d out of range (%s)", d.Year, DateFormats)
	}
	if len(nums) > 1 {
		d.Month, d.Precision = nums[1], Month
		if d.Month < 1 || d.Month > 12 {
			return Date{}, fmt.Errorf("month %d out of range (%s)", d.Month, DateFormats)
		}
	}
	if len(nums) > 2 {
		d.Day, d.Precision = nums[2], Day
		if n := DaysIn(d.Year, d.Month); d.Day < 1 || d.Day > n {
			return Date{}, fmt.Errorf("day %d out of range for %s %d (%s)", d.Day, time.Month(d.Month), d.Year, DateFormats)
		}
	}
	if hasClock {
		if d.Precision != Day {
			return Date{}, fmt.Errorf("a time needs a full date (want YYYY-MM-DDTHH:MM, optionally with Z or ±HH:MM)")
		}
		if err := parseClock(clock, &d); err != nil {
			return Date{}, err
		}
	}
	return d, nil
}

func parseClock(clock string, d *Date) error {
	const want = "want YYYY-MM-DDTHH:MM, optionally with :SS and Z or ±HH:MM"
	zone := ""
	if i := strings.IndexAny(clock, "Z+-"); i >= 0 {
		clock, zone = clock[:i], clock[i:]
	}
	hm := strings.Split(clock, ":")
	if len(hm) < 2 || len(hm) > 3 {
		return fmt.Errorf("time %q is not HH:MM (%s)", clock, want)
	}
	vals := make([]int, len(hm))
	for i, p := range hm {
		if len(p) != 2 || !allDigits(p) {
			return fmt.Errorf("time %q is not HH:MM (%s)", clock, want)
		}
		vals[i], _ = strconv.Atoi(p)
	}
	if vals[0] > 23 || vals[1] > 59 || (len(vals) == 3 && vals[2] > 59) {
		return fmt.Errorf("time %q out of range (%s)", clock, want)
	}
	d.Hour, d.Minute, d.Precision = int8(vals[0]), int8(vals[1]), Minute
	switch {
	case zone == "":
	case zone == "Z":
		d.HasOffset = true
	default:
		hh, mm, ok := strings.Cut(zone[1:], ":")
		if !ok || len(hh) != 2 || len(mm) != 2 || !allDigits(hh+mm) {
			return fmt.Errorf("time zone %q is not ±HH:MM (%s)", zone, want)
		}
		h, _ := strconv.Atoi(hh)
		m, _ := strconv.Atoi(mm)
		if h > 14 || m > 59 {
			return fmt.Errorf("time zone %q out of range (%s)", zone, want)
		}
		d.Offset, d.HasOffset = int16(h*60+m), true
		if zone[0] == '-' {
			d.Offset = -d.Offset
		}
	}
	return nil
}

// allDigits reports whether s is made of ASCII digits only; strconv.Atoi
// alone would also accept a sign.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// SameAtCoarser reports whether a and b agree at the coarser of their two
// precisions: 2022-02 and 2022-02-18 agree; 2022-02-18 and 2022-02-11 do
// not. Zero dates agree with nothing.
func SameAtCoarser(a, b Date) bool {
	if a.IsZero() || b.IsZero() {
		return false
	}
	p := min(a.Precision, b.Precision, Day)
	if a.Year != b.Year {
		return false
	}
	if p >= Month && a.Month != b.Month {
		return false
	}
	return p < Day || a.Day == b.Day
}
