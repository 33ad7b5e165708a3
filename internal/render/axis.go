package render

import (
	"fmt"
	"time"

	"github.com/newsroom/timeline/internal/timeline"
)

// Axis is the static SVG time axis above the index and a phase's page:
// a histogram of the window's entries by month (or by a few months
// together on a long window), the phases shaded behind it. Each bar with
// entries is a link to its month's archive, at least axisMinBinPx wide
// and as tall as the whole plot, so it is easy to tap; a month without
// entries is no link at all. X positions and widths are fractions of
// the axis width in [0, 1], so the SVG scales with the page while its
// text keeps its size; every mark lies inside the box of Height pixels.
type Axis struct {
	// From and To name the window's ends for readers: "December 2021".
	From, To string
	Phases   []AxisBand
	Bins     []AxisBin
	// Months is the number of months a bin spans (1 on most windows).
	Months int
	// Most is the largest count of a bin: the height of a full bar.
	Most int
	// Outside counts the entries outside the window, which no bar shows.
	Outside int
}

// AxisBand is a shaded phase.
type AxisBand struct {
	X, Width float64
	Name     string
	URL      string
	// Odd alternates the shading of neighbouring phases.
	Odd bool
}

// AxisBin is one bar of the histogram: the entries of a month, or of a
// few months on a long window.
type AxisBin struct {
	X, Width float64
	// Y is the top of the bar in pixels and H its height; 0 without entries.
	Y, H  int
	Count int
	// Label says what the bar stands for ("February 2022: 905 entries"):
	// the link's name, shown on hover and focus at LabelX, anchored by
	// Anchor ("start", "middle" or "end") so that it stays in the box.
	Label  string
	LabelX float64
	Anchor string
	URL    string
	// Tick names the bar's month ("Feb") and Year its year, under the
	// bar at TickX, anchored by TickEnd.
	Tick, Year string
	TickX      float64
	TickEnd    string
	// LabelDX and TickDX nudge the labels anchored at an end of the axis
	// inwards, so that their glyphs stay inside the box.
	LabelDX, TickDX int
}

// Axis layout, in CSS pixels: the label line, the plot, the ticks.
const (
	axisLabelY   = 12
	axisPlotTop  = 18
	axisBaseline = 70
	axisTickY    = 84
	axisYearY    = 98
	axisHeight   = 104
	// axisHeadroom keeps the tallest bar below the plot's top, so that
	// the phases' shading shows above it.
	axisHeadroom = 8
	// axisMaxBins is the most bars an axis draws: at 320 px a page's
	// 288 px axis then still gives each bar 24 px to tap.
	axisMaxBins = 12
)

// Height is the SVG's height; LabelY the baseline of the label shown on
// hover and focus; PlotTop, PlotHeight and Baseline the box of the bars;
// TickY and YearY the baselines of the month and year labels.
func (a *Axis) Height() int     { return axisHeight }
func (a *Axis) LabelY() int     { return axisLabelY }
func (a *Axis) PlotTop() int    { return axisPlotTop }
func (a *Axis) PlotHeight() int { return axisBaseline - axisPlotTop }
func (a *Axis) Baseline() int   { return axisBaseline }
func (a *Axis) TickY() int      { return axisTickY }
func (a *Axis) YearY() int      { return axisYearY }

// Window is the span of time an axis shows: from the first instant of
// Start to the first instant after End.
type Window struct {
	Start, End time.Time
}

// NewWindow returns the window of the site, or, when the site sets none,
// the span of its entries.
func NewWindow(site timeline.Site, entries []*timeline.Entry) Window {
	start, end := site.Start, site.End
	if start.IsZero() && len(entries) > 0 {
		start = entries[0].Date
	}
	if end.IsZero() && len(entries) > 0 {
		end = entries[len(entries)-1].Date
	}
	w := Window{Start: start.Time(), End: afterDate(end)}
	if !w.End.After(w.Start) {
		w.End = w.Start.AddDate(0, 0, 1)
	}
	return w
}

// afterDate returns the first instant after the span d covers: the next
// day, month or year.
func afterDate(d timeline.Date) time.Time {
	t := timeline.Date{Year: d.Year, Month: d.Month, Day: d.Day, Precision: min(d.Precision, timeline.Day)}.Time()
	switch d.Precision {
	case timeline.Year:
		return t.AddDate(1, 0, 0)
	case timeline.Month:
		return t.AddDate(0, 1, 0)
	}
	return t.AddDate(0, 0, 1)
}

// NewAxis lays out the axis of entries, in chronological order, in
// window w for a page whose root is root: a bar per month (or per few
// months), all of the same width, each linking to the archive of the
// first month it holds entries of.
func NewAxis(site timeline.Site, entries []*timeline.Entry, w Window, root string) *Axis {
	a := &Axis{}
	starts := binStarts(wholeMonths(w))
	a.Months = monthsBetween(starts[0], starts[1])
	for i, ph := range site.Phases {
		x0 := binX(starts, ph.Start.Time())
		x1 := 1.0
		if !ph.End.IsZero() {
			x1 = binX(starts, afterDate(ph.End))
		}
		if x1 > x0 {
			a.Phases = append(a.Phases, AxisBand{X: x0, Width: x1 - x0, Name: ph.Name, URL: PhaseURL(ph.ID), Odd: i%2 == 1})
		}
	}
	a.Bins = make([]AxisBin, len(starts)-1)
	firstMonth := make([]string, len(a.Bins))
	for _, e := range entries {
		t := e.Date.Time()
		if e.Date.IsZero() || t.Before(w.Start) || !t.Before(w.End) {
			a.Outside++
			continue
		}
		i := binOf(starts, t)
		if a.Bins[i].Count == 0 {
			firstMonth[i], _ = monthOf(e.Date)
		}
		a.Bins[i].Count++
		a.Most = max(a.Most, a.Bins[i].Count)
	}
	for i := range a.Bins {
		a.Bins[i] = a.bin(starts[i], starts[i+1], a.Bins[i].Count, i, len(a.Bins))
		if firstMonth[i] != "" {
			a.Bins[i].URL = root + MonthURL(firstMonth[i])
		}
	}
	return a
}

// wholeMonths widens w to the first and last instants of its months.
func wholeMonths(w Window) Window {
	start := time.Date(w.Start.Year(), w.Start.Month(), 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(w.End.Year(), w.End.Month(), 1, 0, 0, 0, 0, time.UTC)
	if end.Before(w.End) {
		end = end.AddDate(0, 1, 0)
	}
	return Window{Start: start, End: end}
}

// binX returns where instant t lies on an axis of equal bars starting at
// starts (the last being the end of the last bar): the bar's place, plus
// the share of the bar's span before t; clamped to [0, 1].
func binX(starts []time.Time, t time.Time) float64 {
	n := len(starts) - 1
	if !t.After(starts[0]) {
		return 0
	}
	if !t.Before(starts[n]) {
		return 1
	}
	i := binOf(starts, t)
	share := float64(t.Sub(starts[i])) / float64(starts[i+1].Sub(starts[i]))
	return (float64(i) + share) / float64(n)
}

// bin lays out bar i of n, from start to end, holding count entries.
func (a *Axis) bin(start, end time.Time, count, i, n int) AxisBin {
	x0, x1 := float64(i)/float64(n), float64(i+1)/float64(n)
	b := AxisBin{X: x0, Width: x1 - x0, Count: count, TickX: (x0 + x1) / 2, TickEnd: "middle"}
	if count > 0 {
		full := axisBaseline - axisPlotTop - axisHeadroom
		b.H = max(3, full*count/a.Most)
		b.Y = axisBaseline - b.H
	}
	name := start.Format("January 2006")
	if a.Months > 1 {
		name = start.Format("Jan 2006") + " – " + end.AddDate(0, -1, 0).Format("Jan 2006")
	}
	b.Label = fmt.Sprintf("%s: %d %s", name, count, plural(count, "entry", "entries"))
	switch {
	case i == 0:
		b.LabelX, b.Anchor, b.TickX, b.TickEnd = x0, "start", x0, "start"
	case i == n-1:
		b.LabelX, b.Anchor, b.TickX, b.TickEnd = x1, "end", x1, "end"
	case b.TickX < 0.5:
		b.LabelX, b.Anchor = x0, "start"
	default:
		b.LabelX, b.Anchor = x1, "end"
	}
	b.LabelDX, b.TickDX = inwards(b.Anchor), inwards(b.TickEnd)
	if a.Months < 12 {
		b.Tick = start.Format("Jan")
	}
	if i == 0 && !januarySoon(start, a.Months, n) || start.Month() <= time.Month(a.Months) {
		b.Year = start.Format("2006")
	}
	return b
}

// inwards returns the shift of a label anchored at anchor that keeps it
// clear of the axis' edges: 2 px right of a start, 2 px left of an end.
func inwards(anchor string) int {
	switch anchor {
	case "start":
		return 2
	case "end":
		return -2
	}
	return 0
}

// januarySoon reports whether the second or third bar of n, each of
// months months, after one starting at start opens a year: so close that
// a year under the first would run into that one's.
func januarySoon(start time.Time, months, n int) bool {
	for k := 1; k <= 2 && k < n; k++ {
		if start.AddDate(0, k*months, 0).Month() <= time.Month(months) {
			return true
		}
	}
	return false
}

// binStarts returns the first instant of each bar and, last, the end of
// the window: a bar per month, or per 2, 3, 4, 6, 12 or more months
// when the window has more than axisMaxBins months.
func binStarts(w Window) []time.Time {
	first := time.Date(w.Start.Year(), w.Start.Month(), 1, 0, 0, 0, 0, time.UTC)
	months := 0
	for t := first; t.Before(w.End); t = t.AddDate(0, 1, 0) {
		months++
	}
	step := 1
	for _, s := range []int{1, 2, 3, 4, 6, 12} {
		step = s
		if (months+s-1)/s <= axisMaxBins {
			break
		}
	}
	if (months+step-1)/step > axisMaxBins {
		years := (months + 11) / 12
		step = 12 * ((years + axisMaxBins - 1) / axisMaxBins)
	}
	var starts []time.Time
	for t := first; t.Before(w.End); t = t.AddDate(0, step, 0) {
		starts = append(starts, t)
	}
	return append(starts, starts[len(starts)-1].AddDate(0, step, 0))
}

// binOf returns the bar whose span holds t.
func binOf(starts []time.Time, t time.Time) int {
	i := 0
	for i+2 < len(starts) && !t.Before(starts[i+1]) {
		i++
	}
	return i
}

// monthsBetween returns the number of whole months from a to b.
func monthsBetween(a, b time.Time) int {
	return (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
}

// plural returns one when n is 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
