package merge

import (
	"iter"
	"slices"
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
// texts (see splitWords), and whether it is proper (scratch.proper).
func readOpening(texts []string, fn func(word []byte, proper bool)) {
	s := getScratch()
	defer scratchPool.Put(s)
	n := 0
	for _, text := range texts {
		if !s.split(text, func(w []byte) bool {
			fn(w, s.proper)
			n++
			return n < openingWords
		}) {
			return
		}
	}
}

// formsMark starts an opening kept as the content forms of its words
// (Opening), which a text never does; properMark starts a form written
// as a proper word (scratch.proper), which a word never does.
const (
	formsMark  = "\x00"
	properMark = "^"
)

// Opening returns what merging compares of the start of a's body, for
// a's Opening when its paragraphs are dropped: the content forms
// (contentForm) of the first openingWords words of its paragraphs, each
// once, sorted, after formsMark, those written as proper words once
// more after properMark; a's Opening when it holds no
// paragraphs. Merging an article with its Opening instead of its
// paragraphs gives the same groups, and it takes half the memory of the
// words themselves.
func Opening(a *extract.Article) string {
	if len(paragraphs(a.Blocks)) == 0 {
		return a.Opening
	}
	var forms []string
	readOpening(paragraphs(a.Blocks), func(w []byte, proper bool) {
		if c := contentForm(w); c != nil {
			forms = append(forms, string(c))
			if proper {
				forms = append(forms, properMark+string(c))
			}
		}
	})
	slices.Sort(forms)
	return formsMark + strings.Join(slices.Compact(forms), " ")
}

// keptForms calls fn with the hash of each content form of an opening
// kept by Opening, and whether it is proper, and reports true, or
// reports false when kept is not one.
func keptForms(kept string, fn func(form uint64, proper bool)) bool {
	rest, ok := strings.CutPrefix(kept, formsMark)
	if !ok {
		return false
	}
	for form := range strings.SplitSeq(rest, " ") {
		if name, proper := strings.CutPrefix(form, properMark); proper {
			fn(wordHash(name), true)
		} else if form != "" {
			fn(wordHash(form), false)
		}
	}
	return true
}

// SameOpening reports whether two extractions of an article give merging
// the same opening to compare: an edit further down never changes which
// reports are joined, so the preview server may keep the last merge.
func SameOpening(a, b *extract.Article) bool {
	return Opening(a) == Opening(b)
}
