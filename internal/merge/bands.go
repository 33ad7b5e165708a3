package merge

import (
	"slices"

	"github.com/newsroom/timeline/internal/parallel"
)

// band is one band of candidatePairs: the reports in buckets, sorted
// (sortBucketed), and the pairs they make, sorted, without repeats. A
// Merger keeps every band, so that after an edit only the buckets that
// changed reports leave or join make their pairs again.
type band struct {
	in    []bucketed
	pairs []uint64
}

// candidatePairs returns the candidate pairs of reports, as
// candidatePairs does, making again only the buckets of the reports with
// fresh set when last has the bands of the last merge, and keeps this
// merge's bands.
func (last *lastMerge) candidatePairs(reports []report, fresh []bool) []uint64 {
	var pairs, lastPairs []uint64
	if last.known != nil {
		lastPairs = last.known.pairs
	}
	pairs, last.bands = pairsOfBands(reports, fresh, last.bands, lastPairs)
	return pairs
}

// bucketOf returns report i in the bucket of the band seeded seed, and
// whether it is in a bucket at all (see candidatePairs).
func bucketOf(reports []report, i int, seed uint64) (bucketed, bool) {
	r := &reports[i]
	if r.day == noDay || r.separate || len(r.signature) == 0 {
		return bucketed{}, false
	}
	lowest := ^uint64(0)
	for _, w := range r.signature {
		lowest = min(lowest, mix(w^seed))
	}
	return bucketed{bucket: lowest, day: r.day, report: int32(i)}, true
}

// bandSeed returns the seed of band number n.
func bandSeed(n int) uint64 { return mix(uint64(n) + 0x9e3779b97f4a7c15) }

// pairsOfBands returns the candidate pairs of reports, as candidatePairs
// does, and every band, made again for the reports with fresh set when
// last holds the bands of the last merge and lastPairs its pairs
// (lastMerge.reweigh tells which reports are fresh), or from nothing
// when last is nil.
func pairsOfBands(reports []report, fresh []bool, last []band, lastPairs []uint64) ([]uint64, []band) {
	bands := make([]band, minhashBands)
	if last == nil {
		var all []uint64
		for n := range bands {
			b := &bands[n]
			for i := range reports {
				if x, ok := bucketOf(reports, i, bandSeed(n)); ok {
					b.in = append(b.in, x)
				}
			}
			sortBucketed(b.in)
			b.pairs = sortedPairs(appendBucketPairs(nil, b.in))
			all = append(all, b.pairs...)
		}
		return sortedPairs(all), bands
	}
	var freshOnes []int
	for i, f := range fresh {
		if f {
			freshOnes = append(freshOnes, i)
		}
	}
	gone, made := make([][]uint64, len(bands)), make([][]uint64, len(bands))
	parallel.For(0, len(bands), func(n int) {
		bands[n], gone[n], made[n] = last[n].update(reports, fresh, freshOnes, bandSeed(n))
	})
	removed, added := slices.Concat(gone...), slices.Concat(made...)
	removed, added = sortedPairs(removed), sortedPairs(added)
	removed = slices.DeleteFunc(removed, func(p uint64) bool {
		for _, b := range bands {
			if _, found := slices.BinarySearch(b.pairs, p); found {
				return true // another band still makes it
			}
		}
		return false
	})
	return replaceSorted(lastPairs, removed, added), bands
}

// update returns b after the reports with fresh set (freshOnes, in
// order) left it and joined it again with their new buckets (b itself
// when they join where they were: a changed signature leaves most
// bands' lowest hash as it was), and the pairs it lost and made. A
// report pairs with the bucketWindow after it in the sorted list, so a
// report leaving or joining changes the pairs of the reports up to
// bucketWindow before it, and of no other: update makes again the pairs
// of those (its origins), in the list before and after, and returns
// those made before only (removed) and after only (added).
func (b band) update(reports []report, fresh []bool, freshOnes []int, seed uint64) (next band, removed, added []uint64) {
	var joining []bucketed
	for _, i := range freshOnes {
		if x, ok := bucketOf(reports, i, seed); ok {
			joining = append(joining, x)
		}
	}
	sortBucketed(joining)
	var leaving []bucketed
	for _, x := range b.in {
		if fresh[x.report] {
			leaving = append(leaving, x)
		}
	}
	if slices.Equal(leaving, joining) {
		return b, nil, nil // the fresh reports keep their places: nothing changes
	}
	// origin marks the reports whose pairs are made again.
	origin := make([]bool, len(reports))
	next.in = make([]bucketed, 0, len(b.in)+len(joining))
	for i, x := range b.in {
		if fresh[x.report] {
			for _, y := range b.in[max(0, i-bucketWindow) : i+1] {
				origin[y.report] = true
			}
			continue
		}
		for len(joining) > 0 && compareBucketed(joining[0], x) < 0 {
			next.in, joining = append(next.in, joining[0]), joining[1:]
		}
		next.in = append(next.in, x)
	}
	next.in = append(next.in, joining...)
	for i, x := range next.in {
		if fresh[x.report] {
			for _, y := range next.in[max(0, i-bucketWindow) : i+1] {
				origin[y.report] = true
			}
		}
	}
	removed, added = differences(pairsOfOrigins(b.in, origin), pairsOfOrigins(next.in, origin))
	next.pairs = replaceSorted(b.pairs, removed, added)
	return next, removed, added
}

// differences returns the items of sorted set a that b lacks, and those
// of b that a lacks.
func differences(a, b []uint64) (onlyA, onlyB []uint64) {
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] < b[0]:
			onlyA, a = append(onlyA, a[0]), a[1:]
		case b[0] < a[0]:
			onlyB, b = append(onlyB, b[0]), b[1:]
		default:
			a, b = a[1:], b[1:]
		}
	}
	return append(onlyA, a...), append(onlyB, b...)
}

// pairsOfOrigins returns the pairs that the reports marked in origin
// (by index) make with those after them in sorted list in
// (appendBucketPairs), sorted, without repeats.
func pairsOfOrigins(in []bucketed, origin []bool) []uint64 {
	var pairs []uint64
	for i, x := range in {
		if origin[x.report] {
			pairs = appendPairsOf(pairs, in, i)
		}
	}
	return sortedPairs(pairs)
}

// replaceSorted returns the sorted set list without the items of sorted
// set removed, with those of sorted set added: in new storage, or list
// itself when both are empty (lists of pairs are never changed in
// place).
func replaceSorted(list, removed, added []uint64) []uint64 {
	if len(removed) == 0 && len(added) == 0 {
		return list
	}
	out := make([]uint64, 0, len(list)+len(added))
	i, j := 0, 0
	for _, p := range list {
		for i < len(removed) && removed[i] < p {
			i++
		}
		if i < len(removed) && removed[i] == p {
			continue
		}
		for j < len(added) && added[j] < p {
			out, j = append(out, added[j]), j+1
		}
		if j < len(added) && added[j] == p {
			j++
		}
		out = append(out, p)
	}
	return append(out, added[j:]...)
}
