package render

import (
	"slices"

	"github.com/newsroom/timeline/internal/timeline"
)

// Home page limits. A chronology of up to IndexLimit entries is listed
// in full on the index; a longer one shows, for each phase, its
// HighlightLimit most important entries (fewer when the phases are many,
// so that the page keeps its size), then the LatestLimit latest entries.
// Every entry keeps its place on its month's, phase's, person's and
// tags' pages.
const (
	IndexLimit     = 100
	HighlightLimit = 8
	LatestLimit    = 20
	// highlightBudget is the most highlights of all phases together.
	highlightBudget = 40
)

// Section is one phase of the index, the latest entries, or the entries
// outside every phase, which always come last.
type Section struct {
	ID          string
	Name        string
	URL         string
	Description string
	// Count is the number of entries of the section; Shown the number
	// listed here, fewer than Count when the index is long.
	Count, Shown int
	Months       []MonthGroup
}

// Sections returns the sections of the index: every phase in the site's
// order with its entries, "Other events" (entries outside every phase)
// last. With more than IndexLimit entries, each phase lists only its most
// important entries (Highlights), and the latest entries follow the
// phases under a section of their own. Every heading's id is unique on
// the page.
func Sections(chron *timeline.Chronology, links *Links) []Section {
	terms := phaseTerms(links)
	long := len(chron.Entries) > IndexLimit
	var latest []*timeline.Entry
	if long {
		latest = chron.Entries[max(0, len(chron.Entries)-LatestLimit):]
	}
	inLatest := make(map[*timeline.Entry]bool, len(latest))
	for _, e := range latest {
		inLatest[e] = true
	}
	per := max(1, min(HighlightLimit, highlightBudget/max(1, len(terms))))
	seen := map[string]bool{}
	var sections []Section
	for _, t := range terms {
		if t.ID == OtherPhaseID && long {
			sections = append(sections, Section{
				ID: "latest", Name: "The latest entries", Count: len(latest), Shown: len(latest),
				Months: anchoredMonths(latest, "latest", seen),
			})
			latest = nil
		}
		entries := t.Entries
		if long {
			entries = Highlights(t.Entries, per, inLatest)
		}
		sections = append(sections, Section{
			ID: t.ID, Name: t.Name, URL: t.URL, Description: t.Description, Count: len(t.Entries), Shown: len(entries),
			Months: anchoredMonths(entries, t.ID, seen),
		})
	}
	if len(latest) > 0 {
		sections = append(sections, Section{
			ID: "latest", Name: "The latest entries", Count: len(latest), Shown: len(latest),
			Months: anchoredMonths(latest, "latest", seen),
		})
	}
	return sections
}

// phaseTerms returns the phase terms in the site's order, "Other events"
// last.
func phaseTerms(links *Links) []*Term {
	terms := slices.Clone(links.Phases.Terms)
	slices.SortStableFunc(terms, func(a, b *Term) int {
		return boolRank(a.ID == OtherPhaseID) - boolRank(b.ID == OtherPhaseID)
	})
	return terms
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Highlights returns at most n of entries, leaving out those in skip:
// the most important (Importance, then the number of sources that report
// them, then the earliest), in chronological order.
func Highlights(entries []*timeline.Entry, n int, skip map[*timeline.Entry]bool) []*timeline.Entry {
	type ranked struct {
		e     *timeline.Entry
		index int
	}
	var candidates []ranked
	for i, e := range entries {
		if !skip[e] {
			candidates = append(candidates, ranked{e, i})
		}
	}
	slices.SortStableFunc(candidates, func(a, b ranked) int {
		if a.e.Importance != b.e.Importance {
			return b.e.Importance - a.e.Importance
		}
		if len(a.e.Sources) != len(b.e.Sources) {
			return len(b.e.Sources) - len(a.e.Sources)
		}
		return a.index - b.index
	})
	candidates = candidates[:min(n, len(candidates))]
	slices.SortFunc(candidates, func(a, b ranked) int { return a.index - b.index })
	out := make([]*timeline.Entry, len(candidates))
	for i, c := range candidates {
		out[i] = c.e
	}
	return out
}

// anchoredMonths groups entries by month and day for the section of the
// index whose id is section: month headings are <h3>. A month or day
// heading whose id an earlier section of the page took (seen) gets
// "-SECTION" added, and its month's name says "continued".
func anchoredMonths(entries []*timeline.Entry, section string, seen map[string]bool) []MonthGroup {
	months := Months(entries, 3)
	for m := range months {
		month := &months[m]
		if seen[month.Anchor] {
			month.Anchor += "-" + section
			month.Name += " (continued)"
		}
		seen[month.Anchor] = true
		for d := range month.Days {
			day := &month.Days[d]
			if seen[day.ID] {
				day.ID += "-" + section
			}
			seen[day.ID] = true
		}
	}
	return months
}
