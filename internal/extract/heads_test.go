package extract

import (
	"strings"
	"testing"
)

// TestHeadlineCopyBelowArticle checks that a copy of line 1 in a list
// of latest stories after the article does not move the article's start
// there: the body is the prose under the headline.
func TestHeadlineCopyBelowArticle(t *testing.T) {
	title := "Ministers agree to keep the hotline open after talks"
	para := func(i int) string {
		return "The two ministers spoke for an hour on the situation near the border, officials said in a statement on the talks, number " + strings.Repeat("x", i) + "."
	}
	tests := []struct {
		name      string
		text      string
		wantFirst string
	}{
		{"copy in a latest list", title + "\n\n" + para(1) + "\n\n" + para(2) + "\n\n" + para(3) + "\n\nLatest Posts\n\n" + title + "\n\nAnother minister warns of a long winter ahead in the region, officials said on Friday.\n", para(1)},
		{"copy above the article", "Home\n\nWorld\n\n" + title + "\n\n" + para(1) + "\n\n" + para(2) + "\n", para(1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Extract("articles/x.txt", []byte(tt.text), Options{})
			if a.Title != title {
				t.Errorf("title = %q, want %q", a.Title, title)
			}
			if len(a.Blocks) == 0 || a.Blocks[0].Text != tt.wantFirst {
				t.Errorf("first block = %v, want %q", a.Blocks, tt.wantFirst)
			}
		})
	}
}
