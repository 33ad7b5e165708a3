package render

import (
	"math"
	"testing"
	"time"

	"github.com/newsroom/timeline/internal/timeline"
)

// window is February to May 2022: 120 days from 1 February.
func window() Window {
	return NewWindow(timeline.Site{Start: timeline.MonthOf(2022, 2), End: timeline.MonthOf(2022, 5)}, nil)
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// span returns where the span of d lies in w, from 0 (its start) to 1
// (its end), clamped: x0 at its first instant and x1 at the first
// instant after it. A day-precise date spans its day; a month-only date
// its whole month.
func span(w Window, d timeline.Date) (x0, x1 float64) {
	day := timeline.Date{Year: d.Year, Month: d.Month, Day: d.Day, Precision: min(d.Precision, timeline.Day)}
	return windowX(w, day.Time()), windowX(w, afterDate(d))
}

func windowX(w Window, t time.Time) float64 {
	return max(0, min(1, float64(t.Sub(w.Start))/float64(w.End.Sub(w.Start))))
}

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
		x0, x1 := span(w, tt.date)
		if !near(x0, tt.x0) || !near(x1, tt.x1) {
			t.Errorf("%s: Span(%s) = %.4f, %.4f; want %.4f, %.4f", tt.name, tt.date, x0, x1, tt.x0, tt.x1)
		}
	}
}

func TestWindowWithoutSiteWindow(t *testing.T) {
	entries := []*timeline.Entry{{Date: timeline.DayOf(2022, 1, 1)}, {Date: timeline.DayOf(2022, 1, 10)}}
	w := NewWindow(timeline.Site{}, entries)
	if x0, x1 := span(w, entries[1].Date); !near(x0, 0.9) || !near(x1, 1) {
		t.Errorf("window from the entries: last entry spans %.3f..%.3f, want 0.9..1", x0, x1)
	}
}

func TestAxisBins(t *testing.T) {
	entries := fixture().Entries
	a := NewAxis(fixture().Site, entries, window(), "./")
	if len(a.Bins) != 4 || a.Months != 1 {
		t.Fatalf("%d bins of %d months, want one per month of February to May", len(a.Bins), a.Months)
	}
	counts := map[string]int{}
	for _, e := range entries {
		id, _ := monthOf(e.Date)
		counts[id]++
	}
	months := []string{"2022-02", "2022-03", "2022-04", "2022-05"}
	for i, b := range a.Bins {
		want := counts[months[i]]
		if b.Count != want {
			t.Errorf("bin %d counts %d, want %d", i, b.Count, want)
		}
		if (b.URL == "") != (want == 0) || b.URL != "" && b.URL != "./months/"+months[i]+"/" {
			t.Errorf("bin %d links to %q; want its month, and no link without entries", i, b.URL)
		}
		if b.Y < axisPlotTop || b.Y+b.H > axisBaseline || (want > 0) != (b.H > 0) {
			t.Errorf("bin %d bar %d..%d is outside the plot %d..%d or drawn without entries", i, b.Y, b.Y+b.H, axisPlotTop, axisBaseline)
		}
	}
	if !near(a.Bins[1].X, 0.25) || !near(a.Bins[1].Width, 0.25) {
		t.Errorf("March spans %.4f+%.4f, want a quarter of the axis after February", a.Bins[1].X, a.Bins[1].Width)
	}
	if a.Bins[0].Anchor != "start" || a.Bins[3].Anchor != "end" {
		t.Errorf("the end bars' labels should be anchored inwards: %q, %q", a.Bins[0].Anchor, a.Bins[3].Anchor)
	}
	if len(a.Phases) != 2 || !near(a.Phases[0].X, 0) || !near(a.Phases[0].Width, 0.25) || !near(a.Phases[1].X, 0.25) || !near(a.Phases[1].Width, 0.75) {
		t.Errorf("phases = %+v, want February then March–May", a.Phases)
	}
}

func TestAxisBinsStayTappable(t *testing.T) {
	tests := []struct {
		from, to   timeline.Date
		bins, step int
	}{
		{timeline.MonthOf(2022, 2), timeline.MonthOf(2022, 5), 4, 1},
		{timeline.MonthOf(2021, 1), timeline.MonthOf(2021, 12), 12, 1},
		{timeline.MonthOf(2021, 1), timeline.MonthOf(2022, 1), 7, 2},
		{timeline.MonthOf(2000, 1), timeline.MonthOf(2009, 12), 10, 12},
		{timeline.MonthOf(1900, 1), timeline.MonthOf(2025, 12), 12, 132},
		{timeline.DayOf(2022, 2, 27), timeline.DayOf(2022, 3, 2), 2, 1},
	}
	for _, tt := range tests {
		a := NewAxis(timeline.Site{Start: tt.from, End: tt.to}, nil, NewWindow(timeline.Site{Start: tt.from, End: tt.to}, nil), "./")
		if len(a.Bins) != tt.bins || a.Months != tt.step {
			t.Errorf("%s..%s: %d bins of %d months, want %d of %d", tt.from, tt.to, len(a.Bins), a.Months, tt.bins, tt.step)
		}
		for i, b := range a.Bins {
			// A bar is at least 24 px of a 288 px axis, the narrowest page.
			if b.Width*288 < 24-1e-9 {
				t.Errorf("%s..%s: bin %d is %.1f px of 288", tt.from, tt.to, i, b.Width*288)
			}
			if b.URL != "" {
				t.Errorf("%s..%s: bin %d without entries links to %q", tt.from, tt.to, i, b.URL)
			}
		}
	}
}

func TestAxisCountsOutside(t *testing.T) {
	entries := []*timeline.Entry{{Date: timeline.DayOf(2021, 12, 7)}, {Date: timeline.DayOf(2022, 2, 2)}, {Date: timeline.DayOf(2022, 10, 1)}}
	a := NewAxis(timeline.Site{}, entries, window(), "./")
	if a.Outside != 2 || a.Bins[0].Count != 1 || a.Most != 1 {
		t.Errorf("outside %d, first bin %d, most %d; want 2, 1, 1", a.Outside, a.Bins[0].Count, a.Most)
	}
}
