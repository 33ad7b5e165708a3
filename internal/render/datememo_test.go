package render

import (
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

// TestDateMemo checks that a dateMemo gives what its format gives, for
// repeated, changing and zero dates.
func TestDateMemo(t *testing.T) {
	dates := []timeline.Date{
		{}, timeline.DayOf(2022, 2, 24), timeline.DayOf(2022, 2, 24), timeline.MonthOf(2022, 2),
		{Year: 2022, Month: 2, Day: 24, Precision: timeline.Day, Approx: true}, timeline.DayOf(2022, 2, 24), {},
		{Year: 2022, Month: 2, Day: 24, Hour: 5, Minute: 30, Precision: timeline.Minute, HasOffset: true, Offset: 60},
	}
	memo := dateMemo[string]{format: timeline.Date.Human}
	for i, d := range dates {
		if got, want := memo.of(d), d.Human(); got != want {
			t.Errorf("date %d: got %q, want %q", i, got, want)
		}
	}
}
