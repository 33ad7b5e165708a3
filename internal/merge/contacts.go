package merge

import (
	"github.com/newsroom/timeline/internal/timeline"
)

// computeContacts sets Contact on every call or meeting with exactly two
// participants that follows an earlier one between the same two people:
// "first call between Austin and Shoigu in 84 days". entries must be in
// chronological order. Days are counted only between day-precise dates.
func computeContacts(entries []*timeline.Entry) {
	last := map[[2]string]*timeline.Entry{}
	for _, e := range entries {
		if !timeline.IsContact(e.Kind) || len(e.Participants) != 2 {
			continue
		}
		pair := [2]string{e.Participants[0], e.Participants[1]}
		if pair[1] < pair[0] {
			pair[0], pair[1] = pair[1], pair[0]
		}
		if prev := last[pair]; prev != nil && dayPrecise(prev.Date) && dayPrecise(e.Date) {
			days := int(timeline.DayOf(e.Date.Year, e.Date.Month, e.Date.Day).Time().Sub(
				timeline.DayOf(prev.Date.Year, prev.Date.Month, prev.Date.Day).Time()).Hours() / 24)
			e.Contact = &timeline.Contact{With: pair, Days: days, Previous: prev}
		}
		last[pair] = e
	}
}

func dayPrecise(d timeline.Date) bool {
	return d.Precision >= timeline.Day
}
