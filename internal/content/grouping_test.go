package content

import (
	"slices"
	"testing"

	"github.com/newsroom/timeline/internal/diag"
)

// TestAnnotationGrouping checks the annotation fields that overrule
// automatic merging, event: and separate:, and where their mistakes are
// reported.
func TestAnnotationGrouping(t *testing.T) {
	tests := []struct {
		yaml     string
		event    string
		separate bool
		want     []string
	}{
		{"article: a.txt\nevent: grain-talks\n", "grain-talks", false, nil},
		{"article: a.txt\nseparate: true\n", "", true, nil},
		{"article: a.txt\nevent: x\nseparate: true\n", "x", true,
			[]string{"a.yaml:3:11: separate: set with event: x (want event: to join the article to that entry, or separate: true to keep it apart, not both)"}},
		{"article: a.txt\nexclude: true\nreason: dup\nseparate: true\n", "", true,
			[]string{"a.yaml:4:11: separate: set on an excluded article (want exclude: true with a reason only, or no exclude)"}},
		{"article: a.txt\nevent: Grain Talks\n", "Grain Talks", false,
			[]string{`a.yaml:2:8: event "Grain Talks": not an entry id (want the id of an entry, e.g. "grain-talks")`}},
		{"article: a.txt\nseparate: maybe\n", "", false,
			[]string{`a.yaml:2:11: separate: got "maybe" (want true or false)`}},
	}
	for _, tt := range tests {
		var diags diag.List
		anns := DecodeAnnotations("a.yaml", []byte(tt.yaml), &diags)
		if len(anns) != 1 {
			t.Fatalf("%q: %d annotations", tt.yaml, len(anns))
		}
		if anns[0].Event != tt.event || anns[0].Separate != tt.separate {
			t.Errorf("%q: event %q, separate %v; want %q, %v", tt.yaml, anns[0].Event, anns[0].Separate, tt.event, tt.separate)
		}
		var got []string
		for _, d := range diags {
			got = append(got, d.Error())
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: diagnostics\n got %q\nwant %q", tt.yaml, got, tt.want)
		}
	}
}
