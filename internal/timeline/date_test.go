package timeline

import (
	"fmt"
	"math"
	"sort"
	"testing"
	"time"
	"unsafe"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // Date.String of the result
		prec Precision
	}{
		{"2022", "2022", Year},
		{"2022-02", "2022-02", Month},
		{"2022-02-24", "2022-02-24", Day},
		{" 2022-02-24 ", "2022-02-24", Day},
		{"~2022-02", "~2022-02", Month},
		{"~ 2022", "~2022", Year},
		{"2024-02-29", "2024-02-29", Day},
		{"2022-02-24T05:00", "2022-02-24T05:00", Minute},
		{"2022-02-24T05:00+02:00", "2022-02-24T05:00+02:00", Minute},
		{"2022-02-24T05:00:30Z", "2022-02-24T05:00Z", Minute},
		{"2022-02-24T05:00-04:30", "2022-02-24T05:00-04:30", Minute},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.in, err)
			continue
		}
		if got.String() != tt.want || got.Precision != tt.prec {
			t.Errorf("ParseDate(%q) = %s (%s), want %s (%s)", tt.in, got, got.Precision, tt.want, tt.prec)
		}
	}
}

func TestParseDateErrors(t *testing.T) {
	const clock = "want YYYY-MM-DDTHH:MM, optionally with :SS and Z or ±HH:MM"
	tests := []struct{ in, want string }{
		{"", "not a date (want YYYY, YYYY-MM or YYYY-MM-DD)"},
		{"~", "not a date (want YYYY, YYYY-MM or YYYY-MM-DD)"},
		{"2022-02-30", "day 30 out of range for February 2022 (want YYYY, YYYY-MM or YYYY-MM-DD)"},
		{"2023-02-29", "day 29 out of range for February 2023 (want YYYY, YYYY-MM or YYYY-MM-DD)"},
		{"2022-13", "month 13 out of range (want YYYY, YYYY-MM or YYYY-MM-DD)"},
		{"2022-00", "month 0 out of range (want YYYY, YYYY-MM or YYYY-MM-DD)"},
		{"0000", "year 0 out of range (want YYYY, YYYY-MM or YYYY-MM-DD)"},
		{"22-02-24", `"22" is not a 4-digit number (want YYYY, YYYY-MM or YYYY-MM-DD)`},
		{"+202", `"+202" is not a 4-digit number (want YYYY, YYYY-MM or YYYY-MM-DD)`},
		{"2022-2-24", `"2" is not a 2-digit number (want YYYY, YYYY-MM or YYYY-MM-DD)`},
		{"2022-02-24-01", "not a date (want YYYY, YYYY-MM or YYYY-MM-DD)"},
		{"24 February 2022", `"24 February 2022" is not a 4-digit number (want YYYY, YYYY-MM or YYYY-MM-DD)`},
		{"2022-02T05:00", "a time needs a full date (want YYYY-MM-DDTHH:MM, optionally with Z or ±HH:MM)"},
		{"2022-02-24T5:00", `time "5:00" is not HH:MM (` + clock + ")"},
		{"2022-02-24T+1:00", `time "" is not HH:MM (` + clock + ")"},
		{"2022-02-24T24:00", `time "24:00" out of range (` + clock + ")"},
		{"2022-02-24T05:00+2", `time zone "+2" is not ±HH:MM (` + clock + ")"},
		{"2022-02-24T05:00+15:00", `time zone "+15:00" out of range (` + clock + ")"},
	}
	for _, tt := range tests {
		_, err := ParseDate(tt.in)
		if err == nil {
			t.Errorf("ParseDate(%q): no error, want %q", tt.in, tt.want)
			continue
		}
		if got := err.Error(); got != tt.want {
			t.Errorf("ParseDate(%q) error\n got: %s\nwant: %s", tt.in, got, tt.want)
		}
	}
}

// TestCompareOrder pins the ordering rule: within a year the year-only
// date comes first, within a month the month-only date comes before the
// days of that month, and a day before the timed events of that day.
func TestCompareOrder(t *testing.T) {
	want := []string{
		"2022", "~2022-02", "2022-02-01", "2022-02-24", "2022-02-24T02:00Z",
		"2022-02-24T05:00+02:00", "2022-02-24T04:00Z", "2022-03", "2023",
	}
	var dates []Date
	for i := len(want) - 1; i >= 0; i-- {
		d, err := ParseDate(want[i])
		if err != nil {
			t.Fatal(err)
		}
		dates = append(dates, d)
	}
	sort.SliceStable(dates, func(i, j int) bool { return dates[i].Compare(dates[j]) < 0 })
	for i, d := range dates {
		if got := d.String(); got != want[i] {
			t.Errorf("position %d: got %s, want %s", i, got, want[i])
		}
	}
}

func TestSameAtCoarser(t *testing.T) {
	tests := []struct {
		a, b Date
		want bool
	}{
		{MonthOf(2022, 2), DayOf(2022, 2, 18), true},
		{DayOf(2022, 2, 18), DayOf(2022, 2, 11), false},
		{YearOnly(2022), DayOf(2022, 5, 13), true},
		{DayOf(2021, 2, 18), DayOf(2022, 2, 18), false},
		{Date{}, DayOf(2022, 2, 18), false},
	}
	for _, tt := range tests {
		if got := SameAtCoarser(tt.a, tt.b); got != tt.want {
			t.Errorf("SameAtCoarser(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestHuman(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2022", "2022"},
		{"~2022-02", "c. February 2022"},
		{"2022-02-24T05:00+02:00", "24 February 2022"},
	}
	for _, tt := range tests {
		d, _ := ParseDate(tt.in)
		if got := d.Human(); got != tt.want {
			t.Errorf("Human(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestDaysIn checks DaysIn against the time package, leap years and
// months out of range (which roll over) included.
func TestDaysIn(t *testing.T) {
	for _, y := range []int{-401, -400, -100, -4, -1, 0, 1, 1900, 2000, 2021, 2024, 2100, 2400} {
		for m := -1; m <= 14; m++ {
			if got, want := DaysIn(y, m), time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day(); got != want {
				t.Errorf("DaysIn(%d, %d) = %d, want %d", y, m, got, want)
			}
		}
	}
}

// TestDateSize keeps a Date at 32 bytes: a chronology holds about four
// for each of its articles.
func TestDateSize(t *testing.T) {
	if got, want := unsafe.Sizeof(Date{}), uintptr(32); got > want {
		t.Errorf("a Date takes %d bytes, want at most %d", got, want)
	}
}

// TestClockExtremes checks that the largest clock values and offsets
// ParseDate accepts survive the Date's small fields.
func TestClockExtremes(t *testing.T) {
	for _, s := range []string{"2022-02-24T23:59-14:59", "2022-02-24T00:00+14:59", "9999-12-31T23:59Z"} {
		d, err := ParseDate(s)
		if err != nil {
			t.Fatalf("ParseDate(%q): %v", s, err)
		}
		if got := d.ISO(); got != s {
			t.Errorf("ParseDate(%q).ISO() = %q", s, got)
		}
	}
}

// isoBySprintf is ISO as fmt writes it, the reference for ISO.
func isoBySprintf(d Date) string {
	switch d.Precision {
	case Year:
		return fmt.Sprintf("%04d", d.Year)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	case Minute:
		s := fmt.Sprintf("%04d-%02d-%02dT%02d:%02d", d.Year, d.Month, d.Day, d.Hour, d.Minute)
		if d.HasOffset {
			if d.Offset == 0 {
				return s + "Z"
			}
			sign, off := '+', d.Offset
			if off < 0 {
				sign, off = '-', -off
			}
			s += fmt.Sprintf("%c%02d:%02d", sign, off/60, off%60)
		}
		return s
	}
	return ""
}

// TestISOMatchesSprintf compares ISO with fmt's padding on ordinary and
// odd dates: years of one to five digits, negative ones, offsets either
// side of UTC.
func TestISOMatchesSprintf(t *testing.T) {
	years := []int{0, 7, 98, 987, 2022, 12345, -1, -45, -2022, math.MaxInt, math.MinInt}
	for _, p := range []Precision{Unknown, Year, Month, Day, Minute, Minute + 1} {
		for _, y := range years {
			for _, off := range []int16{0, 60, -90, 345, -720} {
				for _, hasOffset := range []bool{false, true} {
					d := Date{Year: y, Month: 2, Day: 9, Hour: 5, Minute: 7, Offset: off, HasOffset: hasOffset, Precision: p}
					if got, want := d.ISO(), isoBySprintf(d); got != want {
						t.Errorf("%#v: ISO() = %q, want %q", d, got, want)
					}
				}
			}
		}
	}
	if got := DayOf(2022, 11, 30).ISO(); got != "2022-11-30" {
		t.Errorf("ISO() = %q, want 2022-11-30", got)
	}
}
