package render

import "github.com/newsroom/timeline/internal/timeline"

// dateMemo formats dates with format, remembering the last one: the
// exports list entries in chronological order, so neighbours mostly
// share a date, and thousands of entries need only hundreds of calls.
type dateMemo[T any] struct {
	format func(timeline.Date) T
	last   timeline.Date
	value  T
	ok     bool
}

// of returns format(d).
func (m *dateMemo[T]) of(d timeline.Date) T {
	if !m.ok || d != m.last {
		m.last, m.value, m.ok = d, m.format(d), true
	}
	return m.value
}
