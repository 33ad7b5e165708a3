package merge_test

import (
	"path/filepath"
	"testing"

	"github.com/newsroom/timeline/internal/merge"
)

// TestMergeLabelledEveryPair measures the rule on the labelled sets with
// every pair of reports dated at most a day apart compared, not only the
// candidate pairs the blocking finds: the rule's own precision, which
// must not depend on pairs the blocking happens to miss (a rule tuned on
// the blocking's pairs can look precise only because the pairs it would
// join wrongly are never compared). Only totals print.
func TestMergeLabelledEveryPair(t *testing.T) {
	defer merge.CompareEveryPair()()
	for _, part := range []struct {
		dir       string
		published bool
	}{
		{"dev", false}, {"held", false}, {"held2", false}, {"held3", false}, {"held3", true},
		{"dev3", false}, {"dev3", true}, {"dev4", false}, {"dev4", true},
		{"held5", false}, {"held5", true}, {"held6", false}, {"held6", true}, {"held7", false}, {"held7", true}, {"held8", false}, {"held8", true}, {"held9", false}, {"held9", true}, {"held10", false}, {"held10", true},
	} {
		reports := readLabels(t, filepath.Join("testdata", "events", part.dir), part.published)
		s, _ := scorePairs(reports, mergeLabelled(t, reports))
		t.Logf("%s (publication days %v), every pair compared: precision %.3f (%d/%d), recall %.3f (%d/%d)", part.dir, part.published,
			s.precision(), s.truePos, s.truePos+s.falsePos, s.recall(), s.truePos, s.truePos+s.falseNeg)
		if s.precision() < 0.95 {
			t.Errorf("%s (publication days %v), every pair compared: precision %.3f (want at least 0.95)", part.dir, part.published, s.precision())
		}
	}
}
