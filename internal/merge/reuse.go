package merge

import "slices"

// lastMerge is what a Merger keeps of its last merge's reports for the
// next merge, which reuses it when it has as many reports: their
// descriptions, weighed words and signatures, the document frequencies
// of the words, and the results of comparing the candidate pairs. What
// it reuses of a report is its own when the report at the same index
// (in key order) has the same description.
type lastMerge struct {
	descs    []*description
	separate []bool
	weighed  []weighing
	df       map[uint64]int32
	// bands are the bands of the candidate pairs (pairsOfBands), and
	// known the results of comparing them; both nil when the last merge
	// had another number of reports.
	bands []band
	known *comparisons
}

// weighing is a report's weighed words and signature.
type weighing struct {
	words, proper vector
	signature     []uint64
}

// comparisons are the candidate pairs of a merge, sorted, and the
// results of those that agreed or nearly did, by pair (candidatePairs'
// numbers); the others neither agreed nor nearly did.
type comparisons struct {
	pairs  []uint64
	agreed map[uint64]compared
}

// compared is what comparing a pair found: whether it agreed, nearly
// did or was weak (pairing), and its strength.
type compared struct {
	strength           float64
	joined, near, weak bool
}

// lookup looks up pairs in ascending order in comparisons.
type lookup struct {
	known *comparisons
	at    int
}

// from returns a lookup of pairs from pair on; k may be nil.
func (k *comparisons) from(pair uint64) lookup {
	if k == nil {
		return lookup{}
	}
	at, _ := slices.BinarySearch(k.pairs, pair)
	return lookup{known: k, at: at}
}

// next reports whether pair was compared, no lower pair than the last
// looked up, and sets *c and *found to its result if it was.
func (l *lookup) next(pair uint64, c *compared, found *bool) bool {
	if l.known == nil {
		return false
	}
	for l.at < len(l.known.pairs) && l.known.pairs[l.at] < pair {
		l.at++
	}
	if l.at == len(l.known.pairs) || l.known.pairs[l.at] != pair {
		return false
	}
	*c, *found = l.known.agreed[pair]
	return true
}

// reweigh returns the document frequencies of the words of reports, and
// which reports must be weighed: all of them when there is no last merge
// of as many reports (the weights depend on their number), or else those
// whose description is not the one of the last merge's report at their
// index (or not kept separate alike: candidate pairs are found again for
// fresh reports) and those using a word whose frequency changed. It gives every
// other report the weights and signature it had there (they are the
// same: its words and their frequencies are). descs are the reports'
// descriptions.
func (last *lastMerge) reweigh(reports []report, descs []*description) (map[uint64]int32, []bool) {
	fresh := make([]bool, len(reports))
	if last == nil || len(last.descs) != len(reports) {
		for i := range fresh {
			fresh[i] = true
		}
		return documentFrequencies(reports), fresh
	}
	changed := map[uint64]int32{}
	for i, d := range descs {
		if d == last.descs[i] && reports[i].separate == last.separate[i] {
			continue
		}
		fresh[i] = true
		count(changed, last.descs[i], -1)
		count(changed, d, 1)
	}
	df := last.df
	for w, n := range changed {
		if n == 0 {
			delete(changed, w)
		} else if df[w] += n; df[w] == 0 {
			delete(df, w)
		}
	}
	for i := range reports {
		if !fresh[i] && !usesAny(&reports[i], changed) {
			was := &last.weighed[i]
			reports[i].words, reports[i].proper, reports[i].signature = was.words, was.proper, was.signature
		} else {
			fresh[i] = true
		}
	}
	return df, fresh
}

// count adds by to the count of each word of d's words and name words.
func count(counts map[uint64]int32, d *description, by int32) {
	for _, w := range d.words {
		counts[w] += by
	}
}

// usesAny reports whether r's words or name words hold a word of set.
func usesAny(r *report, set map[uint64]int32) bool {
	if len(set) == 0 {
		return false
	}
	for _, w := range r.words.words {
		if _, ok := set[w]; ok {
			return true
		}
	}
	return false
}

// documentFrequencies returns how many of the reports use each word,
// counting words and name words apart.
func documentFrequencies(reports []report) map[uint64]int32 {
	df := make(map[uint64]int32, len(reports)*8)
	for i := range reports {
		for _, w := range reports[i].words.words {
			df[w]++
		}
	}
	return df
}

// keep returns what the next merge may reuse of reports, weighed, with
// the bands and comparisons of prev (nil for none) when it had as many
// reports: they hold for the reports that were not weighed again.
func keep(reports []report, descs []*description, df map[uint64]int32, prev *lastMerge) *lastMerge {
	last := &lastMerge{descs: descs, separate: make([]bool, len(reports)), weighed: make([]weighing, len(reports)), df: df}
	if prev != nil && len(prev.descs) == len(reports) {
		last.bands, last.known = prev.bands, prev.known
	}
	for i := range reports {
		r := &reports[i]
		last.separate[i] = r.separate
		last.weighed[i] = weighing{words: r.words, proper: r.proper, signature: r.signature}
	}
	return last
}
