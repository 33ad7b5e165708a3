package render

import (
	"fmt"
	"time"

	"github.com/newsroom/timeline/internal/timeline"
)

// Axis is the static SVG time axis above the index: the chronology's
// window from left to right, the phases shaded, a tick per month and a
// mark per entry, each a link. X positions and widths are fractions of
// the axis width in [0, 1], so the SVG scales with the page while its
// text keeps its size.
type Axis struct {
	// From and To name the window's ends for readers: "December 2021".
	From, To string
	// Height is the SVG's height in CSS pixels.
	Height int
	// TickY is where the month ticks start, below the lanes of marks.
	TickY  int
	Phases []AxisBand
	Ticks  []AxisTick
	Marks  []AxisMark
	// Focusable is false when the marks are too many to tab through;
	// the same links then stay reachable by keyboard in the list below.
	Focusable bool
}

// AxisBand is a shaded phase.
type AxisBand struct {
	X, Width float64
	Name     string
	URL      string
	// Odd alternates the shading of neighbouring phases.
	Odd bool
}

// AxisTick is the start of a month. Label names the month ("Feb"), or,
// on a long axis, the year of a January; it is empty for months not
// labelled. YearLabel is the year under the first tick and each January.
type AxisTick struct {
	X         float64
	Label     string
	YearLabel string
	// Year is true for ticks that open a year.
	Year bool
}

// AxisMark is one entry on the axis, or one month of entries on an axis
// too long to mark every entry. Wide marks span a month-precision date.
type AxisMark struct {
	X, Width float64
	// Y is the top of the mark in pixels; H its height.
	Y, H   int
	Label  string
	URL    string
	Approx bool
	Wide   bool
}

// Axis layout, in CSS pixels.
const (
	axisTop        = 8
	axisLaneHeight = 20
	axisMarkHeight = 16
	axisMaxLanes   = 4
	axisTickSpace  = 40
	// axisLaneGap is the smallest distance between two marks of a lane,
	// as a fraction of the axis width.
	axisLaneGap = 0.02
	// AxisMarkLimit is the most entries marked one by one; longer
	// chronologies get one mark per month, linking to its archive.
	AxisMarkLimit = 600
	// AxisFocusLimit is the most marks that are stops of the Tab key.
	AxisFocusLimit = 40
)

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

// X returns where instant t lies in the window, from 0 (its start) to 1
// (its end), clamped to [0, 1].
func (w Window) X(t time.Time) float64 {
	x := float64(t.Sub(w.Start)) / float64(w.End.Sub(w.Start))
	return max(0, min(1, x))
}

// Span returns where the span of d lies in the window: x0 at its first
// instant and x1 at the first instant after it. A day-precise date spans
// its day; a month-only date its whole month.
func (w Window) Span(d timeline.Date) (x0, x1 float64) {
	day := timeline.Date{Year: d.Year, Month: d.Month, Day: d.Day, Precision: min(d.Precision, timeline.Day)}
	return w.X(day.Time()), w.X(afterDate(d))
}

// NewAxis lays out the axis of entries in window w for a page whose root
// is root, linking each mark with link (an entry's anchor or page), or,
// past AxisMarkLimit entries, each month's mark to its archive.
func NewAxis(site timeline.Site, entries []*timeline.Entry, w Window, root string, link func(*timeline.Entry) string) *Axis {
	a := &Axis{}
	for i, ph := range site.Phases {
		x0, _ := w.Span(ph.Start)
		x1 := 1.0
		if !ph.End.IsZero() {
			_, x1 = w.Span(ph.End)
		}
		if x1 > x0 {
			a.Phases = append(a.Phases, AxisBand{X: x0, Width: x1 - x0, Name: ph.Name, URL: PhaseURL(ph.ID), Odd: i%2 == 1})
		}
	}
	lanes := 1
	if len(entries) > AxisMarkLimit {
		a.Marks = monthMarks(entries, w, root)
	} else {
		a.Marks, lanes = entryMarks(entries, w, link)
	}
	a.Focusable = len(a.Marks) <= AxisFocusLimit
	a.TickY = axisTop + lanes*axisLaneHeight + 4
	a.Height = a.TickY + axisTickSpace
	a.Ticks = monthTicks(w)
	return a
}

// entryMarks places one mark per entry, stacking marks that would touch
// into lanes, and returns them with the number of lanes used.
func entryMarks(entries []*timeline.Entry, w Window, link func(*timeline.Entry) string) ([]AxisMark, int) {
	var marks []AxisMark
	var laneEnds []float64
	for _, e := range entries {
		if e.Date.IsZero() {
			continue
		}
		x0, x1 := w.Span(e.Date)
		wide := e.Date.Precision <= timeline.Month
		x, width := (x0+x1)/2, 0.0
		if wide {
			x, width = x0, x1-x0
		}
		lane := pickLane(laneEnds, x0)
		if lane == len(laneEnds) {
			laneEnds = append(laneEnds, 0)
		}
		laneEnds[lane] = max(x1, x+axisLaneGap)
		marks = append(marks, AxisMark{
			X: x, Width: width, Y: axisTop + lane*axisLaneHeight, H: axisMarkHeight,
			Label: e.Date.Human() + ": " + e.Title, URL: link(e), Approx: e.Date.Approx, Wide: wide,
		})
	}
	return marks, max(1, len(laneEnds))
}

// pickLane returns the first lane free at x, a new lane while fewer than
// axisMaxLanes exist, or else the lane that frees up first.
func pickLane(laneEnds []float64, x float64) int {
	best := 0
	for i, end := range laneEnds {
		if end <= x {
			return i
		}
		if end < laneEnds[best] {
			best = i
		}
	}
	if len(laneEnds) < axisMaxLanes {
		return len(laneEnds)
	}
	return best
}

// monthMarks places one mark per month, its height growing with the
// month's number of entries, linking to the month's archive from root.
func monthMarks(entries []*timeline.Entry, w Window, root string) []AxisMark {
	type month struct {
		date  timeline.Date
		count int
	}
	var months []month
	most := 0
	for _, e := range entries {
		d := timeline.MonthOf(e.Date.Year, max(e.Date.Month, 1))
		if len(months) == 0 || months[len(months)-1].date != d {
			months = append(months, month{date: d})
		}
		months[len(months)-1].count++
		most = max(most, months[len(months)-1].count)
	}
	full := axisMaxLanes * axisLaneHeight
	var marks []AxisMark
	for _, m := range months {
		x0, x1 := w.Span(m.date)
		h := max(2, full*m.count/most)
		id, name := monthOf(m.date)
		marks = append(marks, AxisMark{
			X: x0, Width: x1 - x0, Y: axisTop + full - h, H: h, Wide: true,
			Label: fmt.Sprintf("%s: %d entries", name, m.count), URL: root + MonthURL(id),
		})
	}
	return marks
}

// monthTicks returns a tick at the start of every month in the window,
// labelling each month on an axis of up to 18 months, else each January.
func monthTicks(w Window) []AxisTick {
	first := time.Date(w.Start.Year(), w.Start.Month(), 1, 0, 0, 0, 0, time.UTC)
	if first.Before(w.Start) {
		first = first.AddDate(0, 1, 0)
	}
	months := 0
	for t := first; t.Before(w.End); t = t.AddDate(0, 1, 0) {
		months++
	}
	step := 1
	if months > 18 {
		step = 12
	}
	var ticks []AxisTick
	for t := first; t.Before(w.End); t = t.AddDate(0, 1, 0) {
		tick := AxisTick{X: w.X(t), Year: t.Month() == time.January}
		switch {
		case step == 1:
			tick.Label = t.Format("Jan")
			if tick.Year || len(ticks) == 0 && !januarySoon(t) {
				tick.YearLabel = t.Format("2006")
			}
		case tick.Year:
			tick.Label = t.Format("2006")
		}
		ticks = append(ticks, tick)
	}
	return ticks
}

// januarySoon reports whether a January follows t within two months, so
// close that a year label at t would run into the next one.
func januarySoon(t time.Time) bool {
	return t.Month() >= time.November
}
