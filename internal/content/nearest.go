package content

import "sort"

// Nearest returns the candidate closest to name by edit distance, when it
// is close enough to be a likely misspelling of a key (at most half its
// length); otherwise "".
func Nearest(name string, candidates []string) string {
	return NearestWithin(name, candidates, len(name)/2)
}

// NearestWithin returns the candidate closest to name, at most maxDist
// edits away, or "". Ties go to the first in sorted order.
func NearestWithin(name string, candidates []string, maxDist int) string {
	best, bestDist := "", maxDist+1
	for _, c := range sortedCopy(candidates) {
		if d := editDistance(name, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

func sortedCopy(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}

// editDistance is the Levenshtein distance between a and b, by rune.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
