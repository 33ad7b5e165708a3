package newsdate

import (
	"time"

	"github.com/newsroom/timeline/internal/timeline"
)

// Weekday returns the day of the week of a calendar day, Sunday = 0.
func Weekday(y, m, d int) int {
	return int(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Weekday())
}

// AddDays returns the Day-precision date n days after d (before, when n
// is negative).
func AddDays(d timeline.Date, n int) timeline.Date {
	return timeline.FromTime(time.Date(d.Year, time.Month(d.Month), d.Day+n, 0, 0, 0, 0, time.UTC))
}

// DayOnly returns d cut to Day precision (a Minute date loses its clock).
func DayOnly(d timeline.Date) timeline.Date {
	if d.Precision < timeline.Day {
		return d
	}
	return timeline.DayOf(d.Year, d.Month, d.Day)
}

// WeekdayOnOrBefore returns the latest day on or before ref that falls on
// weekday wd (Sunday = 0): "on Friday" in a story published on ref.
func WeekdayOnOrBefore(ref timeline.Date, wd int) timeline.Date {
	back := (Weekday(ref.Year, ref.Month, ref.Day) - wd + 7) % 7
	return AddDays(ref, -back)
}

// WeekdayOnOrAfter returns the earliest day on or after ref that falls on
// weekday wd (Sunday = 0).
func WeekdayOnOrAfter(ref timeline.Date, wd int) timeline.Date {
	ahead := (wd - Weekday(ref.Year, ref.Month, ref.Day) + 7) % 7
	return AddDays(ref, ahead)
}

// DaysBetween returns the number of days from a to b (negative when b is
// earlier); both must have at least Day precision.
func DaysBetween(a, b timeline.Date) int {
	ta := time.Date(a.Year, time.Month(a.Month), a.Day, 0, 0, 0, 0, time.UTC)
	tb := time.Date(b.Year, time.Month(b.Month), b.Day, 0, 0, 0, 0, time.UTC)
	return int(tb.Sub(ta).Hours() / 24)
}

// YearNear returns the year that puts month m, day d closest to ref, at
// most six months after it: a yearless date in a story published on ref.
func YearNear(ref timeline.Date, m, d int) int {
	best, bestDist := 0, 1<<30
	for y := ref.Year - 1; y <= ref.Year+1; y++ {
		if d > timeline.DaysIn(y, m) {
			continue
		}
		dist := DaysBetween(ref, timeline.DayOf(y, m, d))
		if dist > 183 {
			continue
		}
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = y, dist
		}
	}
	return best
}

// YearsInWindow returns the years y for which month m, day d of y lies in
// [start, end]. A window with an open end gives no years.
func YearsInWindow(start, end timeline.Date, m, d int) []int {
	if start.IsZero() || end.IsZero() || end.Year-start.Year > 50 {
		return nil
	}
	var years []int
	for y := start.Year; y <= end.Year; y++ {
		if d > timeline.DaysIn(y, m) {
			continue
		}
		day := timeline.DayOf(y, m, d)
		if sameOrAfterStart(day, start) && day.Compare(lastDayOf(end)) <= 0 {
			years = append(years, y)
		}
	}
	return years
}

// sameOrAfterStart reports whether day is not before the first day of start.
func sameOrAfterStart(day, start timeline.Date) bool {
	first := timeline.DayOf(start.Year, max(start.Month, 1), max(start.Day, 1))
	return day.Compare(first) >= 0
}

// lastDayOf returns the last day covered by d ("2022-10" → 2022-10-31).
func lastDayOf(d timeline.Date) timeline.Date {
	switch d.Precision {
	case timeline.Year:
		return timeline.DayOf(d.Year, 12, 31)
	case timeline.Month:
		return timeline.DayOf(d.Year, d.Month, timeline.DaysIn(d.Year, d.Month))
	}
	return timeline.DayOf(d.Year, d.Month, d.Day)
}
