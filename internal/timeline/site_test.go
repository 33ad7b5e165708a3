package timeline

import (
	"slices"
	"testing"
)

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

// TestSourcePaths checks SourcePaths and AppendSourcePaths, which
// repeats no path of its own but keeps what it appends to.
func TestSourcePaths(t *testing.T) {
	for _, tt := range []struct {
		name   string
		entry  Entry
		before []string
		want   []string
	}{
		{"none", Entry{}, nil, nil},
		{"origin and articles", Entry{
			Origin:  Position{Path: "content/entries/calls.yaml", Line: 3},
			Sources: []Source{{Article: "articles/a.txt"}, {URL: "https://example.org"}, {Article: "articles/a.txt"}},
		}, nil, []string{"entries/calls.yaml", "articles/a.txt"}},
		{"origin outside dir", Entry{Origin: Position{Path: "contents/x.yaml"}}, nil, []string{"contents/x.yaml"}},
		{"origin same as article", Entry{
			Origin: Position{Path: "content/articles/a.txt"}, Sources: []Source{{Article: "articles/a.txt"}},
		}, nil, []string{"articles/a.txt"}},
		{"appended", Entry{Sources: []Source{{Article: "articles/a.txt"}}}, []string{"articles/a.txt"}, []string{"articles/a.txt", "articles/a.txt"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.before == nil {
				if got := tt.entry.SourcePaths("content"); !slices.Equal(got, tt.want) || (got == nil) != (tt.want == nil) {
					t.Errorf("SourcePaths = %#v, want %#v", got, tt.want)
				}
			}
			if got := tt.entry.AppendSourcePaths(tt.before, "content"); !slices.Equal(got, tt.want) {
				t.Errorf("AppendSourcePaths = %#v, want %#v", got, tt.want)
			}
		})
	}
}
