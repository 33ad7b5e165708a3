package merge

import (
	"strings"
	"testing"
)

// TestProperWords checks that proper words alone never join two
// reports: a pair of one day joins by them only from namedWording (or
// by wording or a copied text), a pair whose proper words agree less is
// kept as a weak pair for joining a group (groups.corroborate), and
// never when the reports name other people.
func TestProperWords(t *testing.T) {
	for _, tt := range []struct {
		name            string
		days            int32
		wording, proper float64
		people          []uint64
		joined, weak    bool
	}{
		{"same day, proper words alike, wording under the bar", 0, 0.18, 0.9, nil, true, false},
		{"same day, proper words at the bar", 0, namedWording, namedProper, nil, true, false},
		{"same day, proper words under the bar", 0, 0.18, 0.44, nil, false, true},
		{"same day, wording at the bar", 0, sameDayWording, 0, nil, true, false},
		{"proper words unlike", 0, 0.18, 0.20, nil, false, false},
		{"wording below the named pairs' bar", 0, 0.09, 1, nil, false, false},
		{"wording below the weak pairs' bar", 0, 0.11, 0.40, nil, false, false},
		{"a day apart", 1, 0.25, 1, nil, false, false},
		{"other people", 0, 0.18, 0.9, []uint64{2}, false, false},
	} {
		reports := []report{
			{day: 100, words: like(1), proper: like(1), people: []uint64{1}},
			{day: 100 + tt.days, words: like(tt.wording), proper: like(tt.proper), people: tt.people},
		}
		p := compare(reports, 0, 1)
		if p.joined != tt.joined || p.weak != tt.weak {
			t.Errorf("%s: joined = %v, weak = %v, want %v, %v (%+v)", tt.name, p.joined, p.weak, tt.joined, tt.weak, p)
		}
		if reasons := p.reasons(reports); (tt.weak || tt.proper >= namedProper && tt.joined && tt.wording < sameDayWording) && !strings.Contains(reasons, ", proper words ") {
			t.Errorf("%s: reasons %q do not give the proper words", tt.name, reasons)
		}
	}
}

// like returns a vector whose cosine with like(1) is x.
func like(x float64) vector { return vector{words: []uint64{7}, weights: []float64{x}, norm: 1} }
