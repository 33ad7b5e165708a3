package merge

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// TestPairsOfBandsMatchesCandidatePairs changes the signatures, days and
// separate flags of a few reports at a time, from a small vocabulary so
// that buckets are crowded and windows shift, and checks that the bands
// made again for the changed reports give the candidate pairs, and the
// bands, of reports made from nothing.
func TestPairsOfBandsMatchesCandidatePairs(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	reports := make([]report, 300)
	change := func(r *report) {
		r.day, r.separate, r.signature = int32(rng.IntN(3)), rng.IntN(20) == 0, nil
		if rng.IntN(30) == 0 {
			r.day = noDay
		}
		for range rng.IntN(4) {
			r.signature = append(r.signature, uint64(rng.IntN(15)))
		}
	}
	for i := range reports {
		change(&reports[i])
	}
	pairs, bands := pairsOfBands(reports, nil, nil, nil)
	if want := candidatePairs(reports); !reflect.DeepEqual(pairs, want) {
		t.Fatalf("from nothing: %d pairs, want %d", len(pairs), len(want))
	}
	for step, changed := range []int{1, 2, 5, 20, 0, 60} {
		fresh := make([]bool, len(reports))
		for range changed {
			i := rng.IntN(len(reports))
			fresh[i] = true
			change(&reports[i])
		}
		pairs, bands = pairsOfBands(reports, fresh, bands, pairs)
		want, wantBands := pairsOfBands(reports, nil, nil, nil)
		if !reflect.DeepEqual(pairs, want) || !reflect.DeepEqual(pairs, candidatePairs(reports)) {
			t.Errorf("step %d, %d reports changed: %d pairs, want %d", step, changed, len(pairs), len(want))
		}
		for n := range bands {
			if !reflect.DeepEqual(bands[n].in, wantBands[n].in) || !reflect.DeepEqual(bands[n].pairs, wantBands[n].pairs) {
				t.Errorf("step %d, %d reports changed: band %d differs", step, changed, n)
			}
		}
	}
}

// TestRadixSort: radixSort sorts as slices.Sort does, whichever digits
// vary.
func TestRadixSort(t *testing.T) {
	for _, tt := range []struct {
		name string
		mask uint64
	}{
		{"pairs of few reports", 0x3fff_0000_3fff},
		{"pairs of many", 0x1ffff_0001_ffff},
		{"any", ^uint64(0)},
		{"one digit only", 0xffff_0000},
		{"all alike", 0},
	} {
		rng := rand.New(rand.NewPCG(1, 2))
		list := make([]uint64, 10_000)
		for i := range list {
			list[i] = rng.Uint64() & tt.mask
		}
		want := slices.Sorted(slices.Values(list))
		radixSort(list)
		if !slices.Equal(list, want) {
			t.Errorf("%s: radixSort differs from slices.Sort", tt.name)
		}
	}
}

// TestDifferences: differences gives what each sorted set has that the
// other lacks.
func TestDifferences(t *testing.T) {
	for _, tt := range []struct{ a, b, onlyA, onlyB []uint64 }{
		{nil, nil, nil, nil},
		{[]uint64{1, 2, 3}, []uint64{1, 2, 3}, nil, nil},
		{[]uint64{1, 3, 5}, []uint64{2, 3, 4, 6}, []uint64{1, 5}, []uint64{2, 4, 6}},
		{[]uint64{1, 2}, nil, []uint64{1, 2}, nil},
		{nil, []uint64{7}, nil, []uint64{7}},
	} {
		onlyA, onlyB := differences(tt.a, tt.b)
		if !slices.Equal(onlyA, tt.onlyA) || !slices.Equal(onlyB, tt.onlyB) {
			t.Errorf("differences(%v, %v) = %v, %v; want %v, %v", tt.a, tt.b, onlyA, onlyB, tt.onlyA, tt.onlyB)
		}
	}
}
