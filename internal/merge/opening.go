package merge

import (
	"iter"
	"strings"

	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/timeline"
)

// openingWords is how many words of a report's text merging compares,
// after its headline: the opening of a news report (its first two or
// three paragraphs) says what happened, where and to whom; further down
// come background and reactions, which reports of other events share.
const openingWords = 100

// openingTexts returns the texts a report's opening is read from: an
// article's paragraphs (blocks), or else the opening kept without them
// (extract.Article.Opening), or else its entry's summary and body (an
// editor's entry, or an article without paragraphs).
func openingTexts(blocks []timeline.Block, kept, summary, body string) []string {
	switch texts := paragraphs(blocks); {
	case len(texts) > 0:
		return texts
	case kept != "":
		return []string{kept}
	}
	return []string{summary, body}
}

// openingSeq gives the texts of openingTexts one by one, without a list.
func openingSeq(blocks []timeline.Block, kept, summary, body string) iter.Seq[string] {
	return func(yield func(string) bool) {
		found := false
		for _, b := range blocks {
			if b.Kind == timeline.Paragraph {
				if found = true; !yield(b.Text) {
					return
				}
			}
		}
		switch {
		case found:
		case kept != "":
			yield(kept)
		default:
			_ = yield(summary) && yield(body)
		}
	}
}

// paragraphs returns the texts of the paragraphs of blocks.
func paragraphs(blocks []timeline.Block) []string {
	var texts []string
	for _, b := range blocks {
		if b.Kind == timeline.Paragraph {
			texts = append(texts, b.Text)
		}
	}
	return texts
}

// readOpening calls fn with each of the first openingWords words of
// texts (see splitWords), and returns how many of the texts it read
// from: the others never change what merging compares.
func readOpening(texts []string, fn func(word []byte)) int {
	n := 0
	for i, text := range texts {
		splitWords(text, func(w []byte) {
			if n < openingWords {
				fn(w)
			}
			n++
		})
		if n >= openingWords {
			return i + 1
		}
	}
	return len(texts)
}

// openingOf returns the texts of an opening (readOpening), one a line.
func openingOf(texts []string) string {
	return strings.Join(texts[:readOpening(texts, func([]byte) {})], "\n")
}

// Opening returns the start of a's body that merging compares: its
// paragraphs up to the one holding the openingWords-th word, one a line
// (a's Opening when it holds no paragraphs). Reading it instead of the
// paragraphs gives the same words.
func Opening(a *extract.Article) string {
	if texts := paragraphs(a.Blocks); len(texts) > 0 {
		return openingOf(texts)
	}
	return a.Opening
}

// SameOpening reports whether two extractions of an article give merging
// the same opening to compare: an edit further down never changes which
// reports are joined, so the preview server may keep the last merge.
func SameOpening(a, b *extract.Article) bool {
	return Opening(a) == Opening(b)
}
