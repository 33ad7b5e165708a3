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
		{"a body opening with a dateline", timeline.Entry{Summary: "Austin urged Shoigu on Friday to keep lines of communication open.", Blocks: []timeline.Block{para("WASHINGTON: Austin urged Shoigu on Friday to keep lines of communication open.")}}, true},
		{"a long dateline", timeline.Entry{Summary: "Austin urged Shoigu on Friday to keep lines open.", Blocks: []timeline.Block{para("MOSCOW, Oct 21 (Reuters) - Austin urged Shoigu on Friday to keep lines open.")}}, true},
		{"the lede's words later in the body", timeline.Entry{Summary: "Austin urged Shoigu to keep lines open.", Blocks: []timeline.Block{para("The Pentagon said on Friday, after a week of silence and two cancelled calls, that Austin urged Shoigu to keep lines open.")}}, false},
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
		first := searchWords(Lede(&e))
		if len(first) == 0 {
			continue
		}
		opening := strings.Join(first[:min(3, len(first))], " ")
		text := strings.Join(searchWords(stripTags(html)), " ")
		if n := strings.Count(text, opening); tt.repeats && n != 1 {
			t.Errorf("%s: content holds %q %d times, want once: %s", tt.name, opening, n, html)
		}
		if e.Summary != "" && !tt.repeats && !strings.HasPrefix(text, strings.Join(searchWords(e.Summary), " ")) {
			t.Errorf("%s: content does not open with the summary: %s", tt.name, html)
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
