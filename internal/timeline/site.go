package timeline

import "time"

// Site is the frame of the chronology, read from content/site.yaml.
type Site struct {
	Title       string
	Description string
	BaseURL     string
	Language    string
	// Start and End bound the chronology window.
	Start, End Date
	Phases     []Phase
	// Location is the zone in which a timestamp without an offset is
	// read (site.yaml's timezone:); nil is UTC.
	Location *time.Location
}

// Phase is a named period of the chronology, such as "The buildup".
type Phase struct {
	ID          string
	Name        string
	Start, End  Date
	Description string
}

// Contains reports whether the first day of d falls within the phase,
// inclusive: a month-only or year-only date belongs to the phase that
// holds its first day, the same place the chronology's order puts it.
func (p Phase) Contains(d Date) bool {
	return !d.IsZero() && d.Compare(p.Start) >= 0 && (p.End.IsZero() || d.Compare(p.End) <= 0)
}

// PhaseOf returns the phase that holds d, or nil.
func (s *Site) PhaseOf(d Date) *Phase {
	for i := range s.Phases {
		if s.Phases[i].Contains(d) {
			return &s.Phases[i]
		}
	}
	return nil
}

// InWindow reports whether d overlaps the chronology window; a site
// without a window holds every date. The zero Date is in no window.
func (s *Site) InWindow(d Date) bool {
	if d.IsZero() {
		return false
	}
	if !s.Start.IsZero() && lastDay(d).Compare(s.Start) < 0 {
		return false
	}
	if !s.End.IsZero() && d.Compare(lastDay(s.End)) > 0 {
		return false
	}
	return true
}

// lastDay returns the last day covered by d ("2022-10" → 2022-10-31).
func lastDay(d Date) Date {
	switch d.Precision {
	case Year:
		return DayOf(d.Year, 12, 31)
	case Month:
		return DayOf(d.Year, d.Month, DaysIn(d.Year, d.Month))
	}
	return d
}

// Person is someone the chronology names, under one canonical name.
type Person struct {
	ID      string
	Name    string
	Aliases []string
	Country string
	Roles   []Role
}

// Role is a position a person held, with its dates where known.
type Role struct {
	Title      string
	Start, End Date
}
