package webpage_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newsroom/timeline/internal/extract"
)

// TestBlindPages scores the pages of testdata/blind to testdata/blind18,
// each written for the project by someone who never read its rules,
// against their labels, the development and held-out parts apart
// (docs/html-pages.md). No development page may be dated wrong (but
// blind17's tag page of a static blog, which names itself no listing and
// is dated by its first story), nor a
// held-out page beyond heldWrong, the count measured now (the held-out
// pages are measured, never looked at), and headlines must be exact on
// 95 % of the pages of each set but blind14, which allows the three it
// misses: two development pages and a held-out category archive whose
// writer labelled its one story's heading, where the writers of blind15
// and blind16 label a listing page by its own title, as the reader now
// does.
func TestBlindPages(t *testing.T) {
	for _, set := range []struct {
		dir            string
		heldWrong      int
		headlineMisses int // allowed beyond the 95 % bar, when more than 0
		devWrong       int // development pages left wrong, named below
	}{{"testdata/blind", 0, 0, 0}, {"testdata/blind2", 1, 0, 0}, {"testdata/blind3", 0, 0, 0}, {"testdata/blind4", 0, 0, 0}, {"testdata/blind5", 0, 0, 0}, {"testdata/blind6", 0, 0, 0}, {"testdata/blind7", 1, 0, 0}, {"testdata/blind8", 0, 0, 0}, {"testdata/blind9", 0, 0, 0}, {"testdata/blind10", 0, 0, 0}, {"testdata/blind11", 1, 0, 0}, {"testdata/blind12", 0, 0, 0}, {"testdata/blind13", 0, 0, 0}, {"testdata/blind14", 0, 3, 0}, {"testdata/blind15", 0, 0, 0}, {"testdata/blind16", 0, 0, 0}, {"testdata/blind17", 0, 0, 1}, {"testdata/blind18", 0, 0, 0}} {
		dir := set.dir
		labels := readLabels(t, filepath.Join(dir, "labels.tsv"))
		parts := map[bool]*score{false: {}, true: {}}
		pages, _ := filepath.Glob(filepath.Join(dir, "*.html"))
		if len(pages) != len(labels) {
			t.Fatalf("%s: %d pages, %d labels", dir, len(pages), len(labels))
		}
		for _, p := range pages {
			name := filepath.Base(p)
			page, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			s := parts[heldOut(name)]
			s.pages++
			s.scoreLabel(name, labels[name], extract.ExtractFile(name, page, extract.Options{}))
		}
		for _, held := range []bool{false, true} {
			s := parts[held]
			t.Logf("%s, held out %v: %s", dir, held, s)
			if !held || *showHeld {
				for _, f := range s.failures {
					t.Log("  " + f)
				}
			}
		}
		headlines, labelled := 0, 0
		for _, s := range parts {
			headlines += s.headlines
			labelled += s.labelled
		}
		if parts[false].dateWrong > set.devWrong || parts[true].dateWrong > set.heldWrong {
			t.Errorf("%s: %d and %d dates wrong, want at most %d and %d (undated is better than wrong)", dir, parts[false].dateWrong, parts[true].dateWrong, set.devWrong, set.heldWrong)
		}
		if headlines*100 < labelled*95 && labelled-headlines > set.headlineMisses {
			t.Errorf("%s: headlines exact on %d of %d, want at least 95%%", dir, headlines, labelled)
		}
	}
}
