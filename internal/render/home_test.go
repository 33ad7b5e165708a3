package render

import (
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

func TestHighlights(t *testing.T) {
	src := func(n int) []timeline.Source { return make([]timeline.Source, n) }
	entries := []*timeline.Entry{
		{ID: "a", Importance: 1, Sources: src(5)},
		{ID: "b", Importance: 3, Sources: src(1)},
		{ID: "c", Importance: 3, Sources: src(2)},
		{ID: "d", Importance: 2, Sources: src(9)},
		{ID: "e", Importance: 5, Sources: src(1)},
		{ID: "f", Importance: 3, Sources: src(2)},
	}
	tests := []struct {
		n    int
		skip string
		want string
	}{
		{3, "", "cef"},  // importance, then reports, then the earlier
		{4, "", "bcef"}, // shown in chronological order
		{2, "e", "cf"},
		{9, "", "abcdef"},
		{0, "", ""},
	}
	for _, tt := range tests {
		skip := map[*timeline.Entry]bool{}
		for _, e := range entries {
			if e.ID == tt.skip {
				skip[e] = true
			}
		}
		got := ""
		for _, e := range Highlights(entries, tt.n, skip) {
			got += e.ID
		}
		if got != tt.want {
			t.Errorf("Highlights(n=%d, skip %q) = %q, want %q", tt.n, tt.skip, got, tt.want)
		}
	}
}

func TestSectionsPutOtherEventsLast(t *testing.T) {
	chron := fixture()
	// An entry before every phase, and one after: both "Other events".
	chron.Entries = append([]*timeline.Entry{{ID: "early", Date: timeline.DayOf(2021, 1, 5), Title: "Early"}}, chron.Entries...)
	chron.Entries = append(chron.Entries, &timeline.Entry{ID: "late", Date: timeline.DayOf(2023, 1, 5), Title: "Late"})
	sections := Sections(chron, NewLinks(chron))
	seen := map[string]bool{}
	for i, s := range sections {
		if seen[s.ID] {
			t.Errorf("section %q twice", s.ID)
		}
		seen[s.ID] = true
		if s.ID == OtherPhaseID && i != len(sections)-1 {
			t.Errorf("%q is section %d of %d, want it last", s.Name, i+1, len(sections))
		}
	}
	if last := sections[len(sections)-1]; last.ID != OtherPhaseID || last.Count != 2 {
		t.Errorf("last section %q holds %d entries, want %q with both entries outside the phases", last.ID, last.Count, OtherPhaseID)
	}
}
