package merge

import (
	"cmp"
	"slices"
)

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

// comparisons are the candidate pairs of a merge, sorted, and what
// comparing found of those that agreed, nearly did or were weak (their
// pairings, which gen check's reasons are read from), sorted by pair;
// the others neither agreed nor nearly did.
type comparisons struct {
	pairs []uint64
	found []pairing
}

// pairNumber returns p's pair as candidatePairs numbers it.
func (p *pairing) pairNumber() uint64 { return uint64(p.a)<<32 | uint64(p.b) }

// plan returns which of pairs, sorted, must be compared: those of a
// fresh report (lastMerge.reweigh) and those k did not compare. It
// returns what k found of the others, by pair: their reports and
// everything compare reads of them are as they were. k may be nil, for
// no last merge: every pair is compared.
func (k *comparisons) plan(pairs []uint64, fresh []bool) (todo []uint64, kept []pairing) {
	if k == nil {
		return pairs, nil
	}
	isFresh := func(pair uint64) bool { return fresh[pair>>32] || fresh[pair&0xffffffff] }
	j := 0
	for _, pair := range pairs {
		for j < len(k.pairs) && k.pairs[j] < pair {
			j++
		}
		if isFresh(pair) || j == len(k.pairs) || k.pairs[j] != pair {
			todo = append(todo, pair)
		}
	}
	for _, p := range k.found {
		if _, in := slices.BinarySearch(pairs, p.pairNumber()); in && !isFresh(p.pairNumber()) {
			kept = append(kept, p)
		}
	}
	return todo, kept
}

// withKept returns joined, near and weak with the pairs of kept that
// agreed, nearly did or were weak, each list in the order of the pairs.
func withKept(kept []pairing, joined, near, weak []agreement) ([]agreement, []agreement, []agreement) {
	if len(kept) == 0 {
		return joined, near, weak
	}
	for _, p := range kept {
		x := agreement{a: p.a, b: p.b, strength: p.strength()}
		switch {
		case p.joined:
			joined = append(joined, x)
		case p.near:
			near = append(near, x)
		}
		if p.weak {
			weak = append(weak, x)
		}
	}
	slices.SortFunc(joined, byPair)
	slices.SortFunc(near, byPair)
	slices.SortFunc(weak, byPair)
	return joined, near, weak
}

// add records the pairings of the pairs of joined, near and weak, in
// the order of the pairs: those of kept (sorted by pair) as they are,
// the others compared again (few, after an edit). It does nothing to
// nil results (no Merger).
func (results *comparisons) add(reports []report, kept []pairing, joined, near, weak []agreement) {
	if results == nil {
		return
	}
	pairs := make([]uint64, 0, len(joined)+len(near)+len(weak))
	for _, list := range [][]agreement{joined, near, weak} {
		for _, x := range list {
			pairs = append(pairs, uint64(x.a)<<32|uint64(x.b))
		}
	}
	slices.Sort(pairs)
	pairs = slices.Compact(pairs) // a near miss may be weak too
	results.found = make([]pairing, len(pairs))
	for i, pair := range pairs {
		for len(kept) > 0 && kept[0].pairNumber() < pair {
			kept = kept[1:]
		}
		if len(kept) > 0 && kept[0].pairNumber() == pair {
			results.found[i] = kept[0]
		} else {
			results.found[i] = compare(reports, int32(pair>>32), int32(pair&0xffffffff))
		}
	}
}

// pairing returns the pairing of reports a and b that results hold, and
// whether they hold it (results may be nil).
func (results *comparisons) pairing(a, b int32) (pairing, bool) {
	if results == nil {
		return pairing{}, false
	}
	pair := uint64(a)<<32 | uint64(b)
	at, found := slices.BinarySearchFunc(results.found, pair, func(p pairing, pair uint64) int { return cmp.Compare(p.pairNumber(), pair) })
	if !found {
		return pairing{}, false
	}
	return results.found[at], true
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
	var changedWords []uint64
	for w, n := range changed {
		if n == 0 {
			continue
		}
		changedWords = append(changedWords, w)
		if df[w] += n; df[w] == 0 {
			delete(df, w)
		}
	}
	for i := range reports {
		if !fresh[i] && !usesAny(reports[i].words.words, changedWords) {
			was := &last.weighed[i]
			reports[i].words, reports[i].proper, reports[i].signature = was.words, was.proper, was.signature
		} else {
			fresh[i] = true
		}
	}
	return df, fresh
}

// count adds by to the count of each word of d's words.
func count(counts map[uint64]int32, d *description, by int32) {
	for _, w := range d.words {
		counts[w] += by
	}
}

// usesAny reports whether the sorted set words holds one of some,
// which are few: a report's words are looked up, not read through.
func usesAny(words, some []uint64) bool {
	for _, w := range some {
		if _, found := slices.BinarySearch(words, w); found {
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
