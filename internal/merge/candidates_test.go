package merge

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestByFirstDay checks that byFirstDay puts sorted pairs in the order
// of their first report's day, in their own order within a day, as a
// stable sort by day does; and leaves few pairs as they are.
func TestByFirstDay(t *testing.T) {
	for _, tc := range []struct {
		reports, pairs, days int
		reordered            bool
	}{
		{reports: 50, pairs: 1000, days: 3, reordered: false},
		{reports: 2000, pairs: 1 << 16, days: 1, reordered: true},
		{reports: 5000, pairs: 1<<16 + 7, days: 40, reordered: true},
		{reports: 30000, pairs: 200000, days: 365, reordered: true},
	} {
		rng := rand.New(rand.NewPCG(uint64(tc.pairs), uint64(tc.days)))
		reports := make([]report, tc.reports)
		for i := range reports {
			reports[i].day = int32(19000 + rng.IntN(tc.days))
		}
		pairs := make([]uint64, tc.pairs)
		for i := range pairs {
			a := rng.IntN(tc.reports - 1)
			b := a + 1 + rng.IntN(tc.reports-a-1)
			pairs[i] = uint64(a)<<32 | uint64(b)
		}
		slices.Sort(pairs)
		want := slices.Clone(pairs)
		if tc.reordered {
			slices.SortStableFunc(want, func(p, q uint64) int { return cmp.Compare(reports[p>>32].day, reports[q>>32].day) })
		}
		if got := byFirstDay(reports, pairs); got != tc.reordered {
			t.Errorf("%d pairs over %d days: reordered %v, want %v", tc.pairs, tc.days, got, tc.reordered)
		}
		if !slices.Equal(pairs, want) {
			t.Errorf("%d pairs over %d days: not in the order of a stable sort by day", tc.pairs, tc.days)
		}
	}
}
