package timeline

import "testing"

func TestPhaseOfAndWindow(t *testing.T) {
	site := Site{
		Start: MonthOf(2021, 12), End: MonthOf(2022, 10),
		Phases: []Phase{
			{ID: "buildup", Start: DayOf(2021, 12, 1), End: DayOf(2022, 2, 23)},
			{ID: "invasion", Start: DayOf(2022, 2, 24), End: DayOf(2022, 8, 31)},
		},
	}
	tests := []struct {
		date     Date
		phase    string
		inWindow bool
	}{
		{DayOf(2022, 2, 23), "buildup", true},
		{DayOf(2022, 2, 24), "invasion", true},
		{MonthOf(2022, 2), "buildup", true},
		{DayOf(2022, 10, 31), "", true},
		{DayOf(2022, 11, 1), "", false},
		{DayOf(2021, 11, 30), "", false},
		{YearOnly(2022), "buildup", true},
		{Date{}, "", false},
	}
	for _, tt := range tests {
		got := ""
		if ph := site.PhaseOf(tt.date); ph != nil {
			got = ph.ID
		}
		if got != tt.phase {
			t.Errorf("PhaseOf(%s) = %q, want %q", tt.date, got, tt.phase)
		}
		if got := site.InWindow(tt.date); got != tt.inWindow {
			t.Errorf("InWindow(%s) = %v, want %v", tt.date, got, tt.inWindow)
		}
	}
}

func TestSortEntriesByDateThenPrecisionThenID(t *testing.T) {
	entries := []*Entry{
		{ID: "b-day", Date: DayOf(2022, 2, 18)},
		{ID: "month", Date: MonthOf(2022, 2)},
		{ID: "a-day", Date: DayOf(2022, 2, 18)},
		{ID: "year", Date: YearOnly(2022)},
		{ID: "earlier", Date: DayOf(2021, 12, 7)},
	}
	SortEntries(entries)
	var got []string
	for _, e := range entries {
		got = append(got, e.ID)
	}
	want := []string{"earlier", "year", "month", "a-day", "b-day"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order = %v, want %v", got, want)
		}
	}
}

func TestSourcePaths(t *testing.T) {
	e := &Entry{
		Origin:  Position{Path: "content/entries/calls.yaml", Line: 3},
		Sources: []Source{{Article: "articles/a.txt"}, {URL: "https://example.org"}, {Article: "articles/a.txt"}},
	}
	got := e.SourcePaths("content")
	want := []string{"entries/calls.yaml", "articles/a.txt"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("SourcePaths = %v, want %v", got, want)
	}
}
