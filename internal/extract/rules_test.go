package extract

import (
	"testing"

	"github.com/newsroom/timeline/internal/newsdate"
)

// TestNamesADay checks that a date used as a name between "the" and a
// word in lower case is told from a day the text reports.
func TestNamesADay(t *testing.T) {
	tests := []struct {
		sentence string
		want     bool
	}{
		{"The Jan. 6 committee on Thursday subpoenaed five members.", true},
		{"Six months after the February 24 invasion, exports rose.", true},
		{"Police named a suspect in the shooting at the July 4 parade.", true},
		{"Exports fell after Russia's Feb. 24 invasion of Ukraine.", true},
		{"Exports fell after Russia’s Feb. 24 invasion of Ukraine.", true},
		{"It was Russia's Feb. 24, the day the war began.", false},
		{"Leaders met on the 24 February at the summit.", false},
		{"Talks were held on May 9 in Geneva.", false},
		{"The meeting is set for the May 9 at noon.", false},
		{"Ministers met on Feb. 24, 2022, in Brussels.", false},
		{"The March 3 Meeting was postponed.", false},
		{"Scythe May 9 harvest.", false},
	}
	for _, tt := range tests {
		ms := newsdate.Scan(tt.sentence)
		if len(ms) == 0 {
			t.Fatalf("%q: no date found", tt.sentence)
		}
		if got := namesADay(tt.sentence, ms[0]); got != tt.want {
			t.Errorf("namesADay(%q, %q) = %v, want %v", tt.sentence, tt.sentence[ms[0].Start:ms[0].End], got, tt.want)
		}
	}
}

// TestHasRoleWord checks that a line naming a role is told from a
// headline that uses a role word.
func TestHasRoleWord(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Sam Example | Staff writer", true},
		{"Congressional correspondent", true},
		{"Head of the Europe desk", true},
		{"Jane Roe, Senior Correspondent", true},
		{"Airline cancels hundreds of flights over staff shortage", false},
		{"Editor quits over report", false},
		{"Sam Example", false},
	}
	for _, tt := range tests {
		if got := hasRoleWord(factsOf(tt.line)); got != tt.want {
			t.Errorf("hasRoleWord(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestIsAgencyByline checks that a byline crediting agencies after the
// names is told from a headline with "and" or "with".
func TestIsAgencyByline(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Nora Benali with AFP", true},
		{"Farid Rahmani, Kabul, and agencies", true},
		{"Jan de Vries and wires", true},
		{"Jane Roe and AP", true},
		{"UK and US", false},
		{"Biden and Xi meet with NATO", false},
		{"Ministers agree deal with EU", false},
		{"Talks with agencies", false},
	}
	for _, tt := range tests {
		if got := isAgencyByline(factsOf(tt.line)); got != tt.want {
			t.Errorf("isAgencyByline(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestIsPlacedByline checks that a name with where the reporter was is
// told from a headline that names a place.
func TestIsPlacedByline(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Hattie Lowe at Wembley", true},
		{"Jane Roe in Kyiv", true},
		{"Ana María de la Cruz in Buenos Aires", true},
		{"Biden in Warsaw", false},
		{"Protests in Tehran", false},
		{"Fire at Notre-Dame: what we know", false},
		{"Rescuers search rubble in Antakya after quake", false},
		{"Jane Roe in Kyiv, John Doe in London", false},
	}
	for _, tt := range tests {
		if got := isPlacedByline(tt.line); got != tt.want {
			t.Errorf("isPlacedByline(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}
