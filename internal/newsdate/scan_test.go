package newsdate

import (
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

func TestScanFormats(t *testing.T) {
	tests := []struct {
		in, text, date string
		kind           Kind
	}{
		{"May 13, 2022", "May 13, 2022", "2022-05-13", Absolute},
		{"on Dec. 21, 2021.", "Dec. 21, 2021", "2021-12-21", Absolute},
		{"on 21 May 2022 in", "21 May 2022", "2022-05-21", Absolute},
		{"13. May 2022, 14:02", "13. May 2022, 14:02", "2022-05-13T14:02", Absolute},
		{"Friday, 13 May 2022", "Friday, 13 May 2022", "2022-05-13", Absolute},
		{"Fri 25 Feb 2022 02.02 GMT", "Fri 25 Feb 2022 02.02 GMT", "2022-02-25T02:02Z", Absolute},
		{" date 2022-02-11 In the", "2022-02-11", "2022-02-11", Absolute},
		{"2022/04/19 21:01", "2022/04/19 21:01", "2022-04-19T21:01", Absolute},
		{"21.04.2022 14:35 Uhr", "21.04.2022 14:35 Uhr", "2022-04-21T14:35", Absolute},
		{"on 21/04/2022.", "21/04/2022", "2022-04-21", Absolute},
		{"on 04/21/2022.", "04/21/2022", "2022-04-21", Absolute},
		{"April 16, 2022, 12:04 p.m. ET", "April 16, 2022, 12:04 p.m. ET", "2022-04-16T12:04", Absolute},
		{"Mon 16 May 2022 16.08\u00a0BST", "Mon 16 May 2022 16.08\u00a0BST", "2022-05-16T16:08+01:00", Absolute},
		{"Published in Dawn, October 22th, 2022", "October 22th, 2022", "2022-10-22", Absolute},
		{"Papa LincMay 13, 2022No Comments", "May 13, 2022", "2022-05-13", Absolute},
		{"By Papa LincMay 22, 20220", "May 22, 2022", "2022-05-22", Absolute},
		{"24 Feb 202223.44Today", "24 Feb 202223.44", "2022-02-24T23:44", Absolute},
		{"Tuesday, Dec. 21, 2021.", "Tuesday, Dec. 21, 2021", "2021-12-21", Absolute},
		{"on Tuesday (Apr 19) the", "Tuesday (Apr 19)", "", Yearless},
		{"NUSA DUA, Indonesia, July 9 (Reuters)", "July 9", "", Yearless},
		{"On March 24, Pentagon", "March 24", "", Yearless},
		{"Veröffentlicht am 13. Mai 2022", "13. Mai 2022", "2022-05-13", Absolute},
		{"Sonntag, 13. März 2022, 14:05 Uhr", "Sonntag, 13. März 2022, 14:05 Uhr", "2022-03-13T14:05", Absolute},
		{"13. Dez. 2022", "13. Dez. 2022", "2022-12-13", Absolute},
		{"Publié le 1er mai 2022 à 14h05", "1er mai 2022 à 14h05", "2022-05-01T14:05", Absolute},
		{"dimanche 13 février 2022", "dimanche 13 février 2022", "2022-02-13", Absolute},
		{"13 sept. 2022", "13 sept. 2022", "2022-09-13", Absolute},
		{"viernes, 13 de mayo de 2022 - 14:05", "viernes, 13 de mayo de 2022 - 14:05", "2022-05-13T14:05", Absolute},
		{"13 de mayo del 2022", "13 de mayo del 2022", "2022-05-13", Absolute},
		{"13 may. 2022 14:05 CEST", "13 may. 2022 14:05 CEST", "2022-05-13T14:05+02:00", Absolute},
		{"venerdì 13 maggio 2022 alle 14:05", "venerdì 13 maggio 2022 alle 14:05", "2022-05-13T14:05", Absolute},
		{"13 de março de 2022 às 14h05", "13 de março de 2022 às 14h05", "2022-03-13T14:05", Absolute},
		{"zondag 13 mrt. 2022 om 14:05", "zondag 13 mrt. 2022 om 14:05", "2022-03-13T14:05", Absolute},
		{"13 maja 2022 o 14:05", "13 maja 2022 o 14:05", "2022-05-13T14:05", Absolute},
		{"пятница, 13 мая 2022 г., 14:05", "пятница, 13 мая 2022 г., 14:05", "2022-05-13T14:05", Absolute},
		{"13 Мая 2022 года", "13 Мая 2022 года", "2022-05-13", Absolute},
		{"13 травня 2022 р.", "13 травня 2022 р.", "2022-05-13", Absolute},
		{"13 may 2022", "13 may 2022", "2022-05-13", Absolute},
		{"13th May 2022", "13th May 2022", "2022-05-13", Absolute},
		{"on 13-05-2022 at", "13-05-2022", "2022-05-13", Absolute},
		{"21-Apr-2022 10:35", "21-Apr-2022 10:35", "2022-04-21T10:35", Absolute},
		{"00:12, Saturday 21 September 2019", "Saturday 21 September 2019", "2019-09-21T00:12", Absolute},
		{"Published 10:30 p.m. EST Monday, November 30, 2020", "Monday, November 30, 2020", "2020-11-30T22:30-05:00", Absolute},
		{"rose 2.15 on May 3, 2021", "May 3, 2021", "2021-05-03", Absolute},
		{"in April 2021", "April 2021", "2021-04", MonthYear},
		{"since 2014.", "2014", "2014", YearAlone},
		{"the Pentagon announced on Friday.", "Friday", "", RelWeekday},
		{"Thursday night", "Thursday", "", RelWeekday},
		{"met yesterday", "yesterday", "", Yesterday},
		{"the council last night voted", "last night", "", Yesterday},
		{"suspended this morning after", "this morning", "", Today},
		{"earlier today", "today", "", Today},
		{"spoke last week", "last week", "", LastWeek},
		{"Submitted on Wed, 01/10/2018 - 14:22", "01/10/2018 - 14:22", "2018-01-10T14:22", Absolute}, // 1 October 2018 was a Monday
		{"Mon 01/10/2018", "01/10/2018", "2018-10-01", Absolute},
		{"2021.10.30 (Sat) 18:20 JST", "2021.10.30", "2021-10-30", Absolute},
	}
	for _, tt := range tests {
		ms := Scan(tt.in)
		if len(ms) == 0 {
			t.Errorf("Scan(%q) found nothing, want %q", tt.in, tt.text)
			continue
		}
		m := ms[0]
		if got := tt.in[m.Start:m.End]; got != tt.text || m.Kind != tt.kind || m.Date().ISO() != tt.date {
			t.Errorf("Scan(%q) = %q %v %q, want %q %v %q", tt.in, got, m.Kind, m.Date().ISO(), tt.text, tt.kind, tt.date)
		}
	}
}

func TestScanRejects(t *testing.T) {
	for _, in := range []string{
		"Relocation To Take 2 Months", "you may 5 times", "February 30, 2022", "1,35,000 troops",
		"2022-13-01", "rose 12.5 percent", "Mayday 13", "", "04/05/2022", "31.02.2022", "version 1.2.2022a",
		"04-05-2022", "Thu, 01/11/2018", "Fri, 01/11/2018", "2021.10.30.1", "version 2021.1.3", "13 mai", "13 de mayo", "31 juin 2022", "30 février 2022", "13 listopada 2022", "13 maison 2022",
		"you may 13 2022", "13 people 2022", "13 de la 2022", "21-Apr-22", "31-Apr-2022",
	} {
		for _, m := range Scan(in) {
			if m.Kind == Absolute || m.Kind == Yearless {
				t.Errorf("Scan(%q) found %q (%v)", in, in[m.Start:m.End], m.Kind)
			}
		}
	}
}

// TestNumericOrder checks the order a text's plain numeric dates show,
// and the scans that read ambiguous ones in it.
func TestNumericOrder(t *testing.T) {
	for _, tt := range []struct {
		text                 string
		dayFirst, monthFirst bool
	}{
		{"Related: 25/05/2022", true, false},
		{"(15-02-2023)", true, false},
		{"Other story 6/14/2023", false, true},
		{"03/04/2022 and 05/06/2022", false, false},
		{"2022/05/25", false, false},
		{"25/05/2022 and 05/25/2022", true, true},
	} {
		if d, m := NumericOrder(tt.text); d != tt.dayFirst || m != tt.monthFirst {
			t.Errorf("NumericOrder(%q) = %v, %v, want %v, %v", tt.text, d, m, tt.dayFirst, tt.monthFirst)
		}
	}
	if got := ScanMonthFirst("Posted 6/9/2023"); len(got) != 1 || got[0].Date().ISO() != "2023-06-09" {
		t.Errorf("ScanMonthFirst read %+v, want 2023-06-09", got)
	}
	if got := ScanDayFirst("Posted 6/9/2023"); len(got) != 1 || got[0].Date().ISO() != "2023-09-06" {
		t.Errorf("ScanDayFirst read %+v, want 2023-09-06", got)
	}
}

func TestScanDayFirst(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Publié le 03/04/2022 à 14h05", "2022-04-03T14:05"},
		{"03-04-2022", "2022-04-03"},
		{"04/21/2022", "2022-04-21"},
		{"13/05/2022", "2022-05-13"},
		{"03.04.2022", "2022-04-03"},
	}
	for _, tt := range tests {
		ms := ScanDayFirst(tt.in)
		if len(ms) != 1 || ms[0].Date().ISO() != tt.want {
			t.Errorf("ScanDayFirst(%q) = %+v, want %s", tt.in, ms, tt.want)
		}
	}
}

func TestWeekdayResolution(t *testing.T) {
	pub := timeline.DayOf(2022, 10, 22) // a Saturday
	tests := []struct {
		name string
		got  timeline.Date
		want string
	}{
		{"friday before saturday", WeekdayOnOrBefore(pub, 5), "2022-10-21"},
		{"saturday is the same day", WeekdayOnOrBefore(pub, 6), "2022-10-22"},
		{"sunday is six days back", WeekdayOnOrBefore(pub, 0), "2022-10-16"},
		{"thursday after a tuesday", WeekdayOnOrAfter(timeline.DayOf(2021, 12, 21), 4), "2021-12-23"},
		{"across a year", WeekdayOnOrBefore(timeline.DayOf(2022, 1, 1), 4), "2021-12-30"},
		{"yesterday", AddDays(timeline.DayOf(2022, 3, 1), -1), "2022-02-28"},
	}
	for _, tt := range tests {
		if tt.got.ISO() != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, tt.got.ISO(), tt.want)
		}
	}
	if y := YearNear(timeline.DayOf(2022, 1, 5), 12, 30); y != 2021 {
		t.Errorf("YearNear(2022-01-05, Dec 30) = %d, want 2021", y)
	}
	if ys := YearsInWindow(timeline.DayOf(2021, 11, 1), timeline.DayOf(2022, 12, 31), 11, 9); len(ys) != 2 {
		t.Errorf("YearsInWindow for November 9 = %v, want two years", ys)
	}
}

func TestScanLinear(t *testing.T) {
	big := strings.Repeat("May 13, 2022 ", 1_000_000)
	if n := len(Scan(big)); n != 1_000_000 {
		t.Errorf("a million dates: found %d", n)
	}
	odd := strings.Repeat("\x00\xff\xfeMay 1\xc2", 200_000) + strings.Repeat("9", 1_000_000)
	Scan(odd)
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{"May 13, 2022", "Fri 25 Feb 2022 02.02 GMT", "2022/04/19 21:01", "21.04.2022 14:35", "13/04/2022", "Tuesday (Apr 19)",
		"April 16, 2022, 12:04 p.m. ET", "24 Feb 202223.44Today", "last week", "\xff\x00",
		"Sonntag, 13. März 2022, 14:05 Uhr", "viernes, 13 de mayo de 2022 - 14:05", "пятница, 13 мая 2022 г., 14:05"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := -1
		for _, m := range Scan(s) {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End || m.Start < prev {
				t.Fatalf("bad mention %+v in %q", m, s)
			}
			prev = m.Start
			m.Date()
		}
		for _, m := range ScanDayFirst(s) {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End {
				t.Fatalf("bad day-first mention %+v in %q", m, s)
			}
		}
	})
}

// TestIsWeekday checks full weekday names in any case, and nothing else.
func TestIsWeekday(t *testing.T) {
	for _, tt := range []struct {
		word string
		want bool
	}{
		{"Monday", true}, {"sunday", true}, {"FRIDAY", true}, {"Fri", false}, {"May", false}, {"", false},
	} {
		if got := IsWeekday(tt.word); got != tt.want {
			t.Errorf("IsWeekday(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}
