package merge

import (
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

// TestCorroborate checks when a report joins a group by being weakly
// like every report of it: dated on the same day as each, with a wording
// from corroboratedWording and proper words from corroboratedProper, and
// only a report alone, to a group of two or more.
func TestCorroborate(t *testing.T) {
	for _, tt := range []struct {
		name            string
		days            int32
		wording, proper float64
		people          []uint64
		groupOfOne      bool
		joined          bool
	}{
		{"weakly like both", 0, 0.14, 0.35, nil, false, true},
		{"at both thresholds", 0, corroboratedWording, corroboratedProper, nil, false, true},
		{"wording too low", 0, 0.11, 0.9, nil, false, false},
		{"proper words too low", 0, 0.20, 0.28, nil, false, false},
		{"a day apart", 1, 0.14, 0.35, nil, false, false},
		{"other people", 0, 0.14, 0.35, []uint64{2}, false, false},
		{"a group of one", 0, 0.14, 0.35, nil, true, false},
	} {
		page := &timeline.Article{}
		reports := []report{
			{day: 100, words: like(1), proper: like(1), page: page, people: []uint64{1}},
			{day: 100, words: like(1), proper: like(1), page: page},
			{day: 100 + tt.days, words: like(tt.wording), proper: like(tt.proper), page: page, people: tt.people},
		}
		g := newGroups(reports)
		if !tt.groupOfOne && !g.union(0, 1, true) {
			t.Fatalf("%s: the group's two reports did not join", tt.name)
		}
		var weak []agreement
		for _, x := range []int32{0, 1} {
			if p := compare(reports, x, 2); p.weak {
				weak = append(weak, agreement{a: x, b: 2, strength: p.strength()})
			}
		}
		g.corroborate(weak)
		if got := g.root(2) == g.root(0); got != tt.joined {
			t.Errorf("%s: joined %v, want %v", tt.name, got, tt.joined)
		}
		if tt.joined {
			if r := g.pairingOf(g.joined[len(g.joined)-1]).reasons(reports); !strings.Contains(r, "as like every report of the group") {
				t.Errorf("%s: reasons %q do not say the group corroborates", tt.name, r)
			}
		}
	}
}
