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
// comparing found of those that agreed, nearly did or were weak, sorted
// by pair; the others neither agreed nor nearly did.
type comparisons struct {
	pairs []uint64
	found []agreed
}

// agreed is what comparing a pair (candidatePairs' number) found:
// whether it agreed, nearly did or was weak (pairing), and its
// strength.
type agreed struct {
	pair               uint64
	strength           float64
	joined, near, weak bool
}

// plan returns which of pairs, sorted, must be compared: those of a
// fresh report (lastMerge.reweigh) and those k did not compare. It
// returns what k found of the others, by pair: their reports and
// everything compare reads of them are as they were. k may be nil, for
// no last merge: every pair is compared.
func (k *comparisons) plan(pairs []uint64, fresh []bool) (todo []uint64, kept []agreed) {
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
	for _, f := range k.found {
		if _, in := slices.BinarySearch(pairs, f.pair); in && !isFresh(f.pair) {
			kept = append(kept, f)
		}
	}
	return todo, kept
}

// withKept returns joined, near and weak with the pairs of kept that
// agreed, nearly did or were weak, each list in the order of the pairs.
func withKept(kept []agreed, joined, near, weak []agreement) ([]agreement, []agreement, []agreement) {
	if len(kept) == 0 {
		return joined, near, weak
	}
	for _, f := range kept {
		x := agreement{a: int32(f.pair >> 32), b: int32(f.pair & 0xffffffff), strength: f.strength}
		switch {
		case f.joined:
			joined = append(joined, x)
		case f.near:
			near = append(near, x)
		}
		if f.weak {
			weak = append(weak, x)
		}
	}
	slices.SortFunc(joined, byPair)
	slices.SortFunc(near, byPair)
	slices.SortFunc(weak, byPair)
	return joined, near, weak
}

// add records what comparing results' pairs found: joined agreed, near
// nearly did and weak were weak (a near miss may be weak too). It does
// nothing to nil results (no Merger).
func (results *comparisons) add(joined, near, weak []agreement) {
	if results == nil {
		return
	}
	found := make([]agreed, 0, len(joined)+len(near)+len(weak))
	for _, list := range [...]struct {
		of                 []agreement
		joined, near, weak bool
	}{{joined, true, false, false}, {near, false, true, false}, {weak, false, false, true}} {
		for _, p := range list.of {
			found = append(found, agreed{pair: uint64(p.a)<<32 | uint64(p.b), strength: p.strength, joined: list.joined, near: list.near, weak: list.weak})
		}
	}
	slices.SortStableFunc(found, func(x, y agreed) int { return cmp.Compare(x.pair, y.pair) })
	out := found[:0]
	for _, f := range found {
		if n := len(out); n > 0 && out[n-1].pair == f.pair {
			out[n-1].weak = true // a near miss, and weak (after it)
			continue
		}
		out = append(out, f)
	}
	results.found = out
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
