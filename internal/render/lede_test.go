package render

import (
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

func TestEntryHTMLLeavesOutARepeatedLede(t *testing.T) {
	para := func(text string) timeline.Block { return timeline.Block{Kind: timeline.Paragraph, Text: text} }
	tests := []struct {
		name    string
		entry   timeline.Entry
		repeats bool
	}{
		{"an article: its lede is its first paragraph", timeline.Entry{Blocks: []timeline.Block{para("Austin spoke with Shoigu on Friday."), para("The call lasted an hour.")}}, true},
		{"Markdown whose description opens the body", timeline.Entry{Summary: "Austin **spoke** with Shoigu on Friday.", Body: "Austin spoke with Shoigu on Friday, the Pentagon said.\n\nMore."}, true},
		{"an editor's own summary", timeline.Entry{Summary: "The first call since the invasion.", Body: "Austin spoke with Shoigu on Friday."}, false},
		{"a summary of a body that starts elsewhere", timeline.Entry{Summary: "Talks end.", Blocks: []timeline.Block{{Kind: timeline.Heading, Text: "Talks"}, para("Negotiators left Geneva.")}}, false},
		{"no body", timeline.Entry{Summary: "Talks end."}, false},
		{"a body shorter than the summary's opening", timeline.Entry{Summary: "Austin spoke with Shoigu on Friday about the war.", Body: "Austin spoke."}, false},
	}
	for _, tt := range tests {
		e := tt.entry
		e.Title = "T"
		if got := bodyRepeatsLede(&e); got != tt.repeats {
			t.Errorf("%s: bodyRepeatsLede = %v, want %v", tt.name, got, tt.repeats)
		}
		html, err := entryHTML(&e)
		if err != nil {
			t.Fatal(err)
		}
		if first := searchWords(Lede(&e)); len(first) > 0 {
			opening := strings.Join(first[:min(3, len(first))], " ")
			if n := strings.Count(strings.ToLower(stripTags(html)), opening); n > 1 {
				t.Errorf("%s: content repeats %q %d times: %s", tt.name, opening, n, html)
			}
		}
	}
}

// stripTags drops the tags of HTML, leaving its text.
func stripTags(html string) string {
	var b strings.Builder
	in := false
	for _, r := range html {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}
