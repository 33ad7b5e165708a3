package timeline

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"
)

// TestSortEntries checks SortEntries against its definition: a stable
// sort by Date.Compare, then by ID.
func TestSortEntries(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	dates := []Date{
		{}, YearOnly(2022), MonthOf(2022, 2), {Year: 2022, Month: 2, Precision: Month, Approx: true},
		DayOf(2022, 2, 18), DayOf(2022, 2, 17), DayOf(2021, 12, 31),
		{Year: 2022, Month: 2, Day: 18, Hour: 5, Precision: Minute},
		{Year: 2022, Month: 2, Day: 18, Hour: 5, Offset: 120, HasOffset: true, Precision: Minute},
		{Year: 2022, Month: 2, Day: 18, Hour: 3, HasOffset: true, Precision: Minute},
		{Year: 2022, Month: 2, Day: 18, Hour: 23, Minute: 59, Offset: -300, HasOffset: true, Precision: Minute},
	}
	// Dates out of their fields' ranges take another way through
	// SortEntries.
	odd := []Date{{Year: -1, Precision: Year}, {Year: 2022, Month: 40, Precision: Month}, {Year: 2022, Month: 2, Day: 99, Precision: Day}}
	tests := []struct {
		n   int
		odd bool
	}{{0, false}, {1, false}, {2, false}, {19, false}, {20, false}, {21, false}, {200, false}, {3000, false}, {200, true}}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d odd=%v", tt.n, tt.odd), func(t *testing.T) {
			got := make([]*Entry, tt.n)
			for i := range got {
				got[i] = &Entry{ID: fmt.Sprintf("e%d", rng.IntN(8)), Date: dates[rng.IntN(len(dates))]}
				if tt.odd && i%50 == 0 {
					got[i].Date = odd[rng.IntN(len(odd))]
				}
			}
			want := append([]*Entry(nil), got...)
			sort.SliceStable(want, func(i, j int) bool {
				if c := want[i].Date.Compare(want[j].Date); c != 0 {
					return c < 0
				}
				return want[i].ID < want[j].ID
			})
			SortEntries(got)
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("entry %d = %s %s, want %s %s", i, got[i].Date, got[i].ID, want[i].Date, want[i].ID)
				}
			}
		})
	}
}
