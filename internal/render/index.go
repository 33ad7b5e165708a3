package render

import (
	"fmt"
	"time"

	"github.com/newsroom/timeline/internal/timeline"
)

// MonthGroup is the entries of one month, under a heading of Level
// (2 for <h2>); its days' headings are one level below and its entries'
// titles two. A collapsed group has Count but no Days: the index links to
// the month's archive instead.
type MonthGroup struct {
	ID string
	// Anchor is the id of the month's heading: "month-2022-02", or, for
	// a month split between two phases, "month-2022-02-PHASE" for its
	// second part, whose Name then says "continued".
	Anchor string
	Name   string
	URL    string
	Level  int
	Count  int
	Days   []DayGroup
}

// DayGroup is the entries of one day, or of a month or year whose day is
// unknown, under a day heading.
type DayGroup struct {
	ID      string
	Name    string
	Entries []*timeline.Entry
}

// Months groups entries, in chronological order, by month and day, with
// month headings at level.
func Months(entries []*timeline.Entry, level int) []MonthGroup {
	var months []MonthGroup
	var last timeline.Date
	for _, e := range entries {
		// Neighbours mostly share a date, and so a day: only a new date
		// needs its month and day worked out.
		if len(months) == 0 || e.Date != last {
			last = e.Date
			id, name := monthOf(e.Date)
			if len(months) == 0 || months[len(months)-1].ID != id {
				months = append(months, MonthGroup{ID: id, Anchor: "month-" + id, Name: name, URL: MonthURL(id), Level: level})
			}
			m := &months[len(months)-1]
			if did, dname := dayOf(e.Date); len(m.Days) == 0 || m.Days[len(m.Days)-1].ID != did {
				m.Days = append(m.Days, DayGroup{ID: did, Name: dname})
			}
		}
		m := &months[len(months)-1]
		m.Count++
		d := &m.Days[len(m.Days)-1]
		d.Entries = append(d.Entries, e)
	}
	return months
}

// dayOf returns the anchor id ("d-2022-02-18") and heading ("18
// February") of d's day, or of its month or year when the day is not
// known ("February 2022, day unknown").
func dayOf(d timeline.Date) (id, name string) {
	switch d.Precision {
	case timeline.Year:
		return fmt.Sprintf("d-%04d", d.Year), fmt.Sprintf("%d, month unknown", d.Year)
	case timeline.Month:
		return fmt.Sprintf("d-%04d-%02d", d.Year, d.Month), fmt.Sprintf("%s %d, day unknown", time.Month(d.Month), d.Year)
	}
	return fmt.Sprintf("d-%04d-%02d-%02d", d.Year, d.Month, d.Day), fmt.Sprintf("%d %s", d.Day, time.Month(d.Month))
}
