package merge

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/timeline"
)

func TestOpening(t *testing.T) {
	para := func(words int, w string) timeline.Block {
		return timeline.Block{Kind: timeline.Paragraph, Text: strings.TrimSpace(strings.Repeat(w+" ", words))}
	}
	head := timeline.Block{Kind: timeline.Heading, Text: "A sub-heading"}
	body := []timeline.Block{para(60, "alpha"), head, para(30, "beta"), para(30, "gamma"), para(50, "delta")}
	for _, tt := range []struct {
		name    string
		article extract.Article
		want    string
	}{
		{"the paragraphs up to the 100th word, no heading", extract.Article{Blocks: body},
			strings.Join([]string{body[0].Text, body[2].Text, body[3].Text}, "\n")},
		{"short", extract.Article{Blocks: body[:1]}, body[0].Text},
		{"kept without its paragraphs", extract.Article{Opening: "kept words", Summary: "a summary"}, "kept words"},
		{"headings only", extract.Article{Blocks: body[1:2]}, ""},
	} {
		if got := Opening(&tt.article); got != tt.want {
			t.Errorf("%s: Opening = %.60q…, want %.60q…", tt.name, got, tt.want)
		}
	}
	read := func(texts []string) []string {
		var words []string
		readOpening(texts, func(w []byte) { words = append(words, string(w)) })
		return words
	}
	words := read(openingTexts(body, "", "", ""))
	if len(words) != openingWords || words[59] != "alpha" || words[60] != "beta" || words[99] != "gamma" {
		t.Errorf("readOpening read %d words (%v…), want the first %d", len(words), words[:3], openingWords)
	}
	if kept := read(openingTexts(nil, Opening(&extract.Article{Blocks: body}), "", "")); !slices.Equal(kept, words) {
		t.Errorf("the kept opening reads %d words, the paragraphs %d: want the same", len(kept), len(words))
	}
	if got := openingTexts(nil, "", "summary", "body"); !slices.Equal(got, []string{"summary", "body"}) {
		t.Errorf("an editor's entry's opening is read from %q, want its summary and body", got)
	}
}

// TestSameOpening: an edit in the paragraphs merging reads changes the
// opening; one further down, or to a sub-heading, does not.
func TestSameOpening(t *testing.T) {
	body := []timeline.Block{
		{Kind: timeline.Paragraph, Text: strings.Repeat("first paragraph words ", 20)},
		{Kind: timeline.Heading, Text: "Heading"},
		{Kind: timeline.Paragraph, Text: strings.Repeat("second paragraph words ", 20)},
		{Kind: timeline.Paragraph, Text: "the end"},
	}
	edit := func(i int, text string) []timeline.Block {
		out := slices.Clone(body)
		out[i].Text = text
		return out
	}
	was := &extract.Article{Blocks: body}
	for _, tt := range []struct {
		name string
		now  *extract.Article
		want bool
	}{
		{"unchanged", &extract.Article{Blocks: edit(0, body[0].Text)}, true},
		{"first paragraph", &extract.Article{Blocks: edit(0, "A new lede.")}, false},
		{"second paragraph, still read", &extract.Article{Blocks: edit(2, "Another second paragraph.")}, false},
		{"heading", &extract.Article{Blocks: edit(1, "Another heading")}, true},
		{"last paragraph, not read", &extract.Article{Blocks: edit(3, "a new end")}, true},
		{"a paragraph added at the end", &extract.Article{Blocks: append(edit(3, "the end"), timeline.Block{Text: "more"})}, true},
		{"kept without its paragraphs", &extract.Article{Opening: Opening(was)}, true},
	} {
		if got := SameOpening(was, tt.now); got != tt.want {
			t.Errorf("%s: SameOpening = %v, want %v", tt.name, got, tt.want)
		}
	}
}
