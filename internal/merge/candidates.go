package merge

import (
	"cmp"
	"math"
	"slices"
)

// Candidate pairs come from blocking on the date and locality-sensitive
// hashing of the words, never from comparing every pair: for each of
// minhashBands hash functions, a report falls in the bucket of its
// signature word (its rarest, see signature) that hashes lowest (its
// MinHash); two reports are a candidate pair when they share a bucket and
// are dated within a day of each other. Two reports whose signatures
// overlap by a share s fall in one bucket for one function with
// probability s, so in at least one of the bands with 1-(1-s)^minhashBands:
// 0.97 for s = 0.3.
const minhashBands = 10

// bucketWindow bounds how many reports after one in its bucket and day
// window it is paired with, so that a word every report of a day uses
// cannot make the pairs quadratic.
const bucketWindow = 4

// bucketed is one report in the bucket of one band.
type bucketed struct {
	bucket uint64
	day    int32
	report int32
}

// candidatePairs returns the pairs of reports that share a bucket in
// some band and whose days are at most one apart, sorted, without
// repeats, each as one number: the lower index times 2^32 plus the
// higher. Reports with noDay, or kept separate, or without words, are in
// no bucket.
func candidatePairs(reports []report) []uint64 {
	if everyPair {
		return pairsWithinADay(reports)
	}
	var pairs []uint64
	in := make([]bucketed, 0, len(reports))
	for band := range minhashBands {
		in = in[:0]
		for i := range reports {
			if x, ok := bucketOf(reports, i, bandSeed(band)); ok {
				in = append(in, x)
			}
		}
		sortBucketed(in)
		pairs = appendBucketPairs(pairs, in)
		if band%4 == 3 {
			pairs = sortedPairs(pairs)
		}
	}
	return sortedPairs(pairs)
}

// sortBucketed sorts in by bucket, day and report.
func sortBucketed(in []bucketed) {
	slices.SortFunc(in, compareBucketed)
}

// compareBucketed orders by bucket, day and report.
func compareBucketed(a, b bucketed) int {
	if a.bucket != b.bucket {
		return cmp.Compare(a.bucket, b.bucket)
	}
	if a.day != b.day {
		return cmp.Compare(a.day, b.day)
	}
	return cmp.Compare(a.report, b.report)
}

// sortedPairs sorts pairs and drops repeats, in place.
func sortedPairs(pairs []uint64) []uint64 {
	if len(pairs) < 1<<12 {
		slices.Sort(pairs)
	} else {
		radixSort(pairs)
	}
	return slices.Compact(pairs)
}

// radixSort sorts list by 16 bits at a time, the lowest first, skipping
// the digits that are the same for every item: the pairs of a merge of
// thousands of reports take two or three passes, where comparison sorts
// take twenty.
func radixSort(list []uint64) {
	buf := make([]uint64, len(list))
	src, dst, inBuf := list, buf, false
	var count [1 << 16]int
	for shift := 0; shift < 64; shift += 16 {
		clear(count[:])
		for _, x := range src {
			count[x>>shift&0xffff]++
		}
		if count[src[0]>>shift&0xffff] == len(src) {
			continue // one digit for all
		}
		at := 0
		for d, n := range count {
			count[d], at = at, at+n
		}
		for _, x := range src {
			d := x >> shift & 0xffff
			dst[count[d]] = x
			count[d]++
		}
		src, dst, inBuf = dst, src, !inBuf
	}
	if inBuf {
		copy(list, src)
	}
}

// appendBucketPairs appends the pairs of sorted that share a bucket and
// are dated at most a day apart, up to bucketWindow after each report.
func appendBucketPairs(pairs []uint64, sorted []bucketed) []uint64 {
	for i := range sorted {
		pairs = appendPairsOf(pairs, sorted, i)
	}
	return pairs
}

// appendPairsOf appends the pairs that report i of sorted makes with
// those up to bucketWindow after it that share its bucket and are dated
// at most a day after it.
func appendPairsOf(pairs []uint64, sorted []bucketed, i int) []uint64 {
	x := sorted[i]
	for j := i + 1; j < len(sorted) && j <= i+bucketWindow; j++ {
		y := sorted[j]
		if y.bucket != x.bucket || y.day > x.day+1 {
			break
		}
		a, b := x.report, y.report
		if a > b {
			a, b = b, a
		}
		pairs = append(pairs, uint64(a)<<32|uint64(b))
	}
	return pairs
}

// byFirstDay orders pairs, which are sorted, in place by the day of
// their first report, sorted within a day, and reports true; or leaves
// them as they are and reports false when they are few, or span too many
// days to count them cheaply. In place, it needs no copy of the pairs:
// 20 MB at 100,000 reports.
func byFirstDay(reports []report, pairs []uint64) bool {
	const maxDays = 1 << 20
	if len(pairs) < 1<<16 {
		return false
	}
	first, last := int32(math.MaxInt32), int32(math.MinInt32)
	for _, p := range pairs {
		d := reports[p>>32].day
		first, last = min(first, d), max(last, d)
	}
	if int64(last)-int64(first) >= maxDays {
		return false
	}
	// Day d's pairs go to pairs[start[d]:end[d]]; next[d] is the first
	// place of that run not filled yet.
	end := make([]int, last-first+1)
	for _, p := range pairs {
		end[reports[p>>32].day-first]++
	}
	start, next := make([]int, len(end)), make([]int, len(end))
	at := 0
	for d, n := range end {
		start[d], next[d] = at, at
		at += n
		end[d] = at
	}
	dayOf := func(p uint64) int { return int(reports[p>>32].day - first) }
	for d := range end {
		for next[d] < end[d] {
			// Move the pair at next[d] to its day's run, and the one it
			// displaces to its own, until one of day d comes back.
			p := pairs[next[d]]
			for t := dayOf(p); t != d; t = dayOf(p) {
				p, pairs[next[t]] = pairs[next[t]], p
				next[t]++
			}
			pairs[next[d]] = p
			next[d]++
		}
	}
	for d := range end {
		slices.Sort(pairs[start[d]:end[d]])
	}
	return true
}

// everyPair makes candidatePairs return every pair of reports that
// could share a bucket and are dated at most a day apart, instead of the
// blocking's pairs. Only tests set it, to measure the rule without the
// pairs the blocking misses: a rule whose precision holds only because
// candidates go missing loses it when the blocking finds more.
var everyPair bool

// pairsWithinADay returns every pair of reports that could share a
// bucket (bucketOf) and are dated at most a day apart, in candidatePairs'
// form: quadratic, for tests only.
func pairsWithinADay(reports []report) []uint64 {
	var pairs []uint64
	for a := range reports {
		if _, ok := bucketOf(reports, a, 0); !ok {
			continue
		}
		for b := a + 1; b < len(reports); b++ {
			if _, ok := bucketOf(reports, b, 0); ok && abs32(reports[a].day-reports[b].day) <= 1 {
				pairs = append(pairs, uint64(a)<<32|uint64(b))
			}
		}
	}
	return pairs
}
