package merge

import (
	"strings"
	"testing"
)

// TestProperWords checks when proper words join two reports: dated on
// the same day, with a wording from properWording up to sameDayWording,
// never when the reports name other people.
func TestProperWords(t *testing.T) {
	// like returns a vector whose cosine with like(1) is x.
	like := func(x float64) vector { return vector{words: []uint64{7}, weights: []float64{x}, norm: 1} }
	for _, tt := range []struct {
		name            string
		days            int32
		wording, proper float64
		people          []uint64
		joined          bool
	}{
		{"same day, wording in the band, proper words alike", 0, 0.18, 0.55, nil, true},
		{"at both thresholds", 0, properWording, sameDayProper, nil, true},
		{"proper words unlike", 0, 0.18, 0.30, nil, false},
		{"wording below the band", 0, 0.12, 1, nil, false},
		{"a day apart", 1, 0.25, 1, nil, false},
		{"other people", 0, 0.18, 0.9, []uint64{2}, false},
	} {
		reports := []report{
			{day: 100, words: like(1), proper: like(1), people: []uint64{1}},
			{day: 100 + tt.days, words: like(tt.wording), proper: like(tt.proper), people: tt.people},
		}
		p := compare(reports, 0, 1)
		if p.joined != tt.joined {
			t.Errorf("%s: joined = %v, want %v (%+v)", tt.name, p.joined, tt.joined, p)
		}
		if reasons := p.reasons(reports); tt.joined && !strings.Contains(reasons, ", proper words ") {
			t.Errorf("%s: reasons %q do not give the proper words", tt.name, reasons)
		}
	}
}
