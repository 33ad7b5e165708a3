package merge

import (
	"cmp"
	"slices"
)

// corroborate joins a report that joined no other to a group of two or
// more when it is weakly like every report of the group (pairing.weak:
// dated on the same day, with a wording of corroboratedWording and proper
// words of corroboratedProper or more), the strongest of the weak pairs
// first (ties in index order). One report so like another leaves the
// event in doubt; two or more reports of one event each so like it
// confirm it.
func (g *groups) corroborate(weak []agreement) {
	slices.SortStableFunc(weak, func(a, b agreement) int { return cmp.Compare(b.strength, a.strength) })
	for _, p := range weak {
		alone, other := p.a, p.b
		if g.size[g.root(alone)] != 1 {
			alone, other = other, alone
		}
		if g.size[g.root(alone)] != 1 || g.size[g.root(other)] < 2 || !g.likeEvery(alone, g.root(other)) {
			continue
		}
		if g.union(alone, other, true) {
			p.weak = true
			g.joined = append(g.joined, p)
		}
	}
}

// likeEvery reports whether report x joins or is weakly like every
// report of the group of root r (up to linkChecked of them, in the order
// they joined).
func (g *groups) likeEvery(x, r int32) bool {
	y := r
	for range min(g.size[r], linkChecked) {
		if p := compare(g.reports, min(x, y), max(x, y)); !p.joined && !p.weak {
			return false
		}
		y = g.next[y]
	}
	return true
}
