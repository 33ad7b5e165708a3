package merge

import (
	"cmp"
	"slices"

	"github.com/newsroom/timeline/internal/parallel"
)

// groups joins reports into events. Reports are in their key order, so
// that the groups never depend on the order of the files.
type groups struct {
	reports []report
	// parent is the union-find forest over reports; a root's span is its
	// group's first and last day, and editor tells whether it holds an
	// editor's entry. next links each group's reports in a ring, in the
	// order they joined, and size counts them (at a root).
	parent     []int32
	min, max   []int32
	editor     []bool
	next, size []int32
	// joined are the pairs that joined two groups, in the order they
	// did; near are the near misses.
	joined, near []agreement
	// forced are the pairs an annotation's event: joined, the annotated
	// report first.
	forced []pairing
	// compared are the results of comparing the candidate pairs, with a
	// Merger (joinSimilar); nil without one.
	compared *comparisons
}

// newGroups makes every report a group of its own.
func newGroups(reports []report) *groups {
	n := len(reports)
	g := &groups{reports: reports, parent: make([]int32, n), min: make([]int32, n), max: make([]int32, n), editor: make([]bool, n),
		next: make([]int32, n), size: make([]int32, n)}
	for i := range reports {
		g.parent[i], g.min[i], g.max[i] = int32(i), reports[i].day, reports[i].day
		g.editor[i] = reports[i].page == nil
		g.next[i], g.size[i] = int32(i), 1
	}
	return g
}

// root returns the root of i's group.
func (g *groups) root(i int32) int32 {
	for g.parent[i] != i {
		g.parent[i] = g.parent[g.parent[i]]
		i = g.parent[i]
	}
	return i
}

// union joins the groups of a and b, the lower root staying root. With
// check, it refuses, returning false, to join two editors' entries or to
// stretch a group over more than two days.
func (g *groups) union(a, b int32, check bool) bool {
	ra, rb := g.root(a), g.root(b)
	if ra == rb {
		return false
	}
	lo, hi := min(g.min[ra], g.min[rb]), max(g.max[ra], g.max[rb])
	if check && ((g.editor[ra] && g.editor[rb]) || hi-lo > 1 || !g.allAgree(ra, rb)) {
		return false
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	g.parent[rb] = ra
	g.min[ra], g.max[ra] = lo, hi
	g.editor[ra] = g.editor[ra] || g.editor[rb]
	g.next[ra], g.next[rb] = g.next[rb], g.next[ra] // the two rings made one
	g.size[ra] += g.size[rb]
	return true
}

// linkChecked bounds how many reports of each group allAgree compares,
// so that joining two groups of thousands (a synthetic corpus's formula
// stories) costs hundreds of comparisons, not millions.
const linkChecked = 8

// allAgree reports whether the groups of roots ra and rb may join: every
// report of one (up to linkChecked of each, in the order they joined)
// reaches groupWording with every report of the other, and none names
// other people. A group grows only by reports like all of its own, not by
// a chain of reports each like the one before.
func (g *groups) allAgree(ra, rb int32) bool {
	if g.size[ra] == 1 && g.size[rb] == 1 {
		return true // the pair itself, compared already
	}
	x := ra
	for range min(g.size[ra], linkChecked) {
		y := rb
		for range min(g.size[rb], linkChecked) {
			p := compare(g.reports, min(x, y), max(x, y))
			if p.differ || (p.wording < groupWording && p.copied < copyThreshold) {
				return false
			}
			y = g.next[y]
		}
		x = g.next[x]
	}
	return true
}

// joinEvents joins the reports an annotation's event: sends to the
// report with that id. byID holds the index of each report an event:
// names, by id.
func (g *groups) joinEvents(byID map[string]int32) {
	for i := range g.reports {
		if target, ok := byID[g.reports[i].event]; ok && g.reports[i].event != "" && target != int32(i) {
			g.union(int32(i), target, false)
			g.forced = append(g.forced, pairing{a: int32(i), b: target, forced: true, joined: true})
		}
	}
}

// agreement is a compared pair that agreed or nearly did, kept small:
// a busy day has millions of them, and gen check's lists need the few
// whose pairing is compared again (pairingOf).
type agreement struct {
	a, b     int32
	strength float64
	// refused is set for a pair that agreed but whose groups could not
	// join (see groups.union); weak for a weak pair (pairing.weak).
	refused, weak bool
}

// refusedReason is why a pair that agrees was not joined.
const refusedReason = "a report of one group is unlike a report of the other, or the groups would span more than two days or hold two editors' entries"

// pairingOf returns the pairing of x, for gen check's reasons: the one
// comparing it found with a Merger, or else the reports compared again.
func (g *groups) pairingOf(x agreement) pairing {
	p, found := g.compared.pairing(x.a, x.b)
	if !found {
		p = compare(g.reports, x.a, x.b)
	}
	if x.weak {
		p.joined, p.near, p.corroborated = true, false, true
	}
	if x.refused {
		p.joined, p.near, p.refused = false, true, refusedReason
	}
	return p
}

// joinSimilar compares the candidate pairs (candidatePairs) on all cores, keeping the
// pairs that agree and the near misses only, then joins the pairs that
// tell one event, strongest first (ties in index order). With a Merger,
// fresh tells which reports were weighed anew, and known is the last
// merge's comparisons (nil for none): a pair it compared, of reports
// neither fresh, keeps what it found and is not compared again. It then
// returns this merge's.
func (g *groups) joinSimilar(workers int, pairs []uint64, fresh []bool, known *comparisons) *comparisons {
	var results *comparisons // with a Merger only
	todo, kept := pairs, []pairing(nil)
	if fresh != nil {
		results = &comparisons{pairs: pairs}
		todo, kept = known.plan(pairs, fresh)
		if known == nil {
			todo = slices.Clone(todo) // plan handed pairs back, which compareCandidates orders by day
		}
	}
	joined, near, weak := g.compareCandidates(workers, todo)
	joined, near, weak = withKept(kept, joined, near, weak)
	g.near = append(g.near, near...)
	results.add(g.reports, kept, joined, near, weak)
	g.compared = results
	slices.SortStableFunc(joined, func(a, b agreement) int { return cmp.Compare(b.strength, a.strength) })
	for _, p := range joined {
		if g.union(p.a, p.b, true) {
			g.joined = append(g.joined, p)
		} else if g.root(p.a) != g.root(p.b) {
			p.refused = true
			g.near = append(g.near, p)
		}
	}
	g.corroborate(weak)
	return results
}

// compareCandidates compares pairs on all cores (see joinSimilar) and
// returns those that agree, the near misses and the weak pairs, each in
// the order of the pairs. It puts many pairs in the order of their
// first report's day, in place (byFirstDay): a day's pairs read the same
// few hundred reports, while in index order they read all over the
// heap.
func (g *groups) compareCandidates(workers int, pairs []uint64) (joined, near, weak []agreement) {
	const batch = 4096
	reordered := byFirstDay(g.reports, pairs)
	type found struct{ joined, near, weak []agreement }
	kept := make([]found, (len(pairs)+batch-1)/batch)
	parallel.For(workers, len(kept), func(b int) {
		var table dotTable
		filled := int32(-1)
		for _, pair := range pairs[b*batch : min(len(pairs), (b+1)*batch)] {
			x, y := int32(pair>>32), int32(pair&0xffffffff)
			if g.editor[x] && g.editor[y] {
				continue // two editors' entries are never merged
			}
			if filled != x {
				table.fill(&g.reports[x].words)
				filled = x
			}
			p := compareWith(g.reports, x, y, &table)
			result := agreement{a: x, b: y, strength: p.strength()}
			switch {
			case p.joined:
				kept[b].joined = append(kept[b].joined, result)
			case p.near:
				kept[b].near = append(kept[b].near, result)
			}
			if p.weak {
				kept[b].weak = append(kept[b].weak, result)
			}
		}
	})
	for _, list := range kept {
		joined = append(joined, list.joined...)
		near = append(near, list.near...)
		weak = append(weak, list.weak...)
	}
	if reordered {
		slices.SortFunc(joined, byPair)
		slices.SortFunc(near, byPair)
		slices.SortFunc(weak, byPair)
	}
	return joined, near, weak
}

// byPair orders agreements by their first report, then their second.
func byPair(p, q agreement) int { return cmp.Or(cmp.Compare(p.a, q.a), cmp.Compare(p.b, q.b)) }

// members returns the groups of more than one report, each in index
// order, ordered by their first member (a group's root is its first).
func (g *groups) members() [][]int32 {
	lists := make([][]int32, len(g.reports))
	for i := range g.reports {
		if r := g.root(int32(i)); g.size[r] > 1 {
			lists[r] = append(lists[r], int32(i))
		}
	}
	var out [][]int32
	for _, m := range lists {
		if len(m) > 1 {
			out = append(out, m)
		}
	}
	return out
}
