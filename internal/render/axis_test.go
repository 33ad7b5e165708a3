package render

import (
	"math"
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

// window is February to May 2022: 120 days from 1 February.
func window() Window {
	return NewWindow(timeline.Site{Start: timeline.MonthOf(2022, 2), End: timeline.MonthOf(2022, 5)}, nil)
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestWindowSpan(t *testing.T) {
	w := window()
	tests := []struct {
		name   string
		date   timeline.Date
		x0, x1 float64
	}{
		{"first day", timeline.DayOf(2022, 2, 1), 0, 1.0 / 120},
		{"a day", timeline.DayOf(2022, 2, 18), 17.0 / 120, 18.0 / 120},
		{"last day", timeline.DayOf(2022, 5, 31), 119.0 / 120, 1},
		{"a month", timeline.MonthOf(2022, 3), 28.0 / 120, 59.0 / 120},
		{"approximate day", timeline.Date{Year: 2022, Month: 4, Day: 10, Precision: timeline.Day, Approx: true}, 68.0 / 120, 69.0 / 120},
		{"a minute counts as its day", timeline.Date{Year: 2022, Month: 2, Day: 24, Hour: 5, Precision: timeline.Minute}, 23.0 / 120, 24.0 / 120},
		{"before the window clamps to 0", timeline.DayOf(2021, 12, 7), 0, 0},
		{"after the window clamps to 1", timeline.DayOf(2022, 10, 1), 1, 1},
		{"a year wider than the window", timeline.YearOnly(2022), 0, 1},
	}
	for _, tt := range tests {
		x0, x1 := w.Span(tt.date)
		if !near(x0, tt.x0) || !near(x1, tt.x1) {
			t.Errorf("%s: Span(%s) = %.4f, %.4f; want %.4f, %.4f", tt.name, tt.date, x0, x1, tt.x0, tt.x1)
		}
	}
}

func TestWindowWithoutSiteWindow(t *testing.T) {
	entries := []*timeline.Entry{{Date: timeline.DayOf(2022, 1, 1)}, {Date: timeline.DayOf(2022, 1, 10)}}
	w := NewWindow(timeline.Site{}, entries)
	if x0, x1 := w.Span(entries[1].Date); !near(x0, 0.9) || !near(x1, 1) {
		t.Errorf("window from the entries: last entry spans %.3f..%.3f, want 0.9..1", x0, x1)
	}
}

func TestAxisMarks(t *testing.T) {
	entries := fixture().Entries
	a := NewAxis(fixture().Site, entries, window(), "./", func(e *timeline.Entry) string { return "#" + e.ID })
	if len(a.Marks) != len(entries) {
		t.Fatalf("%d marks, want one per entry (%d)", len(a.Marks), len(entries))
	}
	want := []struct {
		x, width float64
		wide     bool
		url      string
	}{
		{17.5 / 120, 0, false, "#2022-02-18-first-call"},
		{28.0 / 120, 31.0 / 120, true, "#2022-03-talks"},
		{68.5 / 120, 0, false, "#2022-04-approx"},
		{101.5 / 120, 0, false, "#2022-05-13-second-call"},
	}
	for i, m := range a.Marks {
		if !near(m.X, want[i].x) || !near(m.Width, want[i].width) || m.Wide != want[i].wide || m.URL != want[i].url {
			t.Errorf("mark %d = %+v, want x %.4f width %.4f wide %v url %s", i, m, want[i].x, want[i].width, want[i].wide, want[i].url)
		}
	}
	if !a.Marks[2].Approx || a.Marks[2].Label != "c. 10 April 2022: An approximate date" {
		t.Errorf("approximate mark = %+v", a.Marks[2])
	}
	if a.Marks[0].Y != a.Marks[1].Y {
		t.Error("marks far apart should share the first lane")
	}
	close := []*timeline.Entry{{Date: timeline.DayOf(2022, 2, 18)}, {Date: timeline.DayOf(2022, 2, 19)}, {Date: timeline.MonthOf(2022, 3)}}
	marks, lanes := entryMarks(close, window(), func(*timeline.Entry) string { return "" })
	if lanes != 2 || marks[0].Y == marks[1].Y || marks[2].Y != marks[0].Y {
		t.Errorf("neighbouring days should stack into two lanes, the next month go back to the first: %d lanes, %+v", lanes, marks)
	}
	if len(a.Phases) != 2 || !near(a.Phases[0].X, 0) || !near(a.Phases[0].Width, 28.0/120) || !near(a.Phases[1].X, 28.0/120) || !near(a.Phases[1].Width, 92.0/120) {
		t.Errorf("phases = %+v, want February then March–May", a.Phases)
	}
}

func TestAxisTicks(t *testing.T) {
	ticks := monthTicks(window())
	want := []AxisTick{
		{X: 0, Label: "Feb", YearLabel: "2022"},
		{X: 28.0 / 120, Label: "Mar"},
		{X: 59.0 / 120, Label: "Apr"},
		{X: 89.0 / 120, Label: "May"},
	}
	if len(ticks) != len(want) {
		t.Fatalf("ticks = %+v, want %+v", ticks, want)
	}
	for i := range want {
		if !near(ticks[i].X, want[i].X) || ticks[i].Label != want[i].Label || ticks[i].YearLabel != want[i].YearLabel {
			t.Errorf("tick %d = %+v, want %+v", i, ticks[i], want[i])
		}
	}
	long := monthTicks(Window{Start: timeline.DayOf(2000, 1, 1).Time(), End: timeline.DayOf(2010, 1, 1).Time()})
	if len(long) != 120 || long[0].Label != "2000" || long[1].Label != "" || long[12].Label != "2001" {
		t.Errorf("a ten-year axis should label only Januaries, by year: %+v", long[:13])
	}
}

func TestAxisAggregatesLongChronologies(t *testing.T) {
	var entries []*timeline.Entry
	for i := 0; i < AxisMarkLimit+1; i++ {
		entries = append(entries, &timeline.Entry{ID: "e", Date: timeline.DayOf(2022, 2+i%4, 1+i%28)})
	}
	timeline.SortEntries(entries)
	a := NewAxis(timeline.Site{}, entries, window(), "../../", func(*timeline.Entry) string { return "" })
	if len(a.Marks) != 4 {
		t.Fatalf("%d marks, want one per month (4)", len(a.Marks))
	}
	if a.Marks[0].URL != "../../months/2022-02/" || !a.Marks[0].Wide {
		t.Errorf("month mark = %+v, want a wide link to the month's archive", a.Marks[0])
	}
}
