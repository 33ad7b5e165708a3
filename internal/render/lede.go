package render

import (
	"slices"
	"strings"

	"github.com/newsroom/timeline/internal/timeline"
)

// ledeWords is how many words of the lede must open the body for the
// body to count as repeating it; datelineWords is how many words may come
// before them ("WASHINGTON:", "MOSCOW, Oct 21 (Reuters) -").
const (
	ledeWords     = 12
	datelineWords = 8
)

// bodyRepeatsLede reports whether e's body opens with the words of its
// lede (Lede), after at most a dateline: an article's first paragraph is
// its lede, and a Markdown article's description is often its first
// sentence. Words are compared as the search index splits them, so
// Markdown marks, punctuation and case do not matter.
func bodyRepeatsLede(e *timeline.Entry) bool {
	lede := searchWords(Lede(e))
	if len(lede) == 0 {
		return false
	}
	lede = lede[:min(len(lede), ledeWords)]
	first := searchWords(firstParagraph(e))
	for start := 0; start <= datelineWords && start+len(lede) <= len(first); start++ {
		if slices.Equal(first[start:start+len(lede)], lede) {
			return true
		}
	}
	return false
}

// firstParagraph returns the text of the first paragraph of e's body:
// its first paragraph block, or its Markdown up to the first blank line.
func firstParagraph(e *timeline.Entry) string {
	if len(e.Blocks) > 0 {
		for _, b := range e.Blocks {
			if b.Kind == timeline.Paragraph {
				return b.Text
			}
		}
		return ""
	}
	body := strings.TrimSpace(strings.ReplaceAll(e.Body, "\r\n", "\n"))
	first, _, _ := strings.Cut(body, "\n\n")
	return first
}
