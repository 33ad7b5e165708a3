package webpage_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newsroom/timeline/internal/extract"
)

// TestBlindPages scores the pages of testdata/blind, written for the
// project by someone who never read its rules, against their labels,
// the development and held-out parts apart (docs/html-pages.md).
func TestBlindPages(t *testing.T) {
	labels := readLabels(t, "testdata/blind/labels.tsv")
	parts := map[bool]*score{false: {}, true: {}}
	pages, _ := filepath.Glob("testdata/blind/*.html")
	if len(pages) != len(labels) {
		t.Fatalf("%d pages, %d labels", len(pages), len(labels))
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
		t.Logf("held out %v: %s", held, s)
		if !held || *showHeld {
			for _, f := range s.failures {
				t.Log("  " + f)
			}
		}
	}
	wrong, headlines, labelled := 0, 0, 0
	for _, s := range parts {
		wrong += s.dateWrong
		headlines += s.headlines
		labelled += s.labelled
	}
	if wrong > 0 {
		t.Errorf("%d dates wrong, want none (undated is better than wrong)", wrong)
	}
	if headlines*100 < labelled*95 {
		t.Errorf("headlines exact on %d of %d, want at least 95%%", headlines, labelled)
	}
}
