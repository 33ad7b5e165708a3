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
	body := []timeline.Block{para(60, "alphas"), head, para(30, "betas"), para(30, "gammas"), para(50, "deltas")}
	for _, tt := range []struct {
		name    string
		article extract.Article
		want    string
	}{
		{"the content forms of the first 100 words, no heading", extract.Article{Blocks: body}, formsMark + "alpha beta gamma"},
		{"short", extract.Article{Blocks: body[:1]}, formsMark + "alpha"},
		{"stop words and days left out", extract.Article{Blocks: []timeline.Block{{Kind: timeline.Paragraph, Text: "On Monday 12 envoys said 450 talks."}}}, formsMark + "450 ^450 envoy talk"},
		{"proper words marked", extract.Article{Blocks: []timeline.Block{{Kind: timeline.Paragraph, Text: "Sweden's Riksbank lifted its rate. Rates rose in Sweden."}}},
			formsMark + "^riksbank ^sweden lift rate riksbank rose sweden"},
		{"kept without its paragraphs", extract.Article{Opening: "kept words", Summary: "a summary"}, "kept words"},
		{"headings only", extract.Article{Blocks: body[1:2]}, ""},
	} {
		if got := Opening(&tt.article); got != tt.want {
			t.Errorf("%s: Opening = %.60q…, want %.60q…", tt.name, got, tt.want)
		}
	}
	var words []string
	readOpening(paragraphs(body), func(w []byte, _ bool) { words = append(words, string(w)) })
	if len(words) != openingWords || words[59] != "alphas" || words[60] != "betas" || words[99] != "gammas" {
		t.Errorf("readOpening read %d words (%v…), want the first %d", len(words), words[:3], openingWords)
	}
	text := "Envoys of Kyiv's and Moscow's delegations met in Istanbul on Tuesday; 450 prisoners, the U.S.-made grain deal. " + strings.Repeat("Later words never count. ", 60)
	blocks := []timeline.Block{{Kind: timeline.Paragraph, Text: strings.Repeat("Talks resumed. ", 40)}, {Kind: timeline.Paragraph, Text: text}}
	read := contentWords("A headline", paragraphs(blocks)...)
	kept := getScratch().contentWords("A headline", openingSeq(nil, Opening(&extract.Article{Blocks: blocks}), "", ""))
	if !slices.Equal(read, kept) {
		t.Errorf("the kept opening gives %d words, the paragraphs %d: want the same", len(kept), len(read))
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
