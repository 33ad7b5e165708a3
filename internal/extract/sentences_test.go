package extract

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// refSentenceEnd is sentenceEnd as it was before it stopped allocating
// to lower-case the word before the period: the reference
// checkSentences compares it with.
func refSentenceEnd(text string, i int) bool {
	if text[i] != '.' {
		return true
	}
	word := strings.ToLower(text[wordBefore(text, i):i])
	if len(word) == 1 && word[0] >= 'a' && word[0] <= 'z' {
		return false
	}
	return !abbreviations[word]
}

// refAppendSentences is appendSentences as it was before it passed over
// plain bytes at once (skipPlain): it steps through every byte of the
// line. The reference checkSentences compares appendSentences with.
func refAppendSentences(out []span, text string, line span, limit int) []span {
	s := sentenceSplit{text: text, line: line, out: out, start: line.Start, brk: true}
	first := len(out)
	for i := line.Start; i < line.End; i = s.step(i) {
		if limit > 0 && len(s.out)-first == limit {
			return s.out
		}
	}
	s.emit(line.End, line.End, false)
	return s.out
}

// checkSentences compares sentenceEnd with refSentenceEnd at every
// sentence end of text, and appendSentences with refAppendSentences on
// every line of it.
func checkSentences(t *testing.T, text string) {
	t.Helper()
	for i := range len(text) {
		if c := text[i]; (c == '.' || c == '?' || c == '!') && sentenceEnd(text, i) != refSentenceEnd(text, i) {
			t.Fatalf("sentenceEnd(%q, %d) = %v, want %v", text, i, sentenceEnd(text, i), refSentenceEnd(text, i))
		}
	}
	for _, l := range splitLines(text) {
		for _, limit := range []int{0, 1, 2} {
			got := appendSentences([]span{{Text: "x"}}, text, l, limit)
			want := refAppendSentences([]span{{Text: "x"}}, text, l, limit)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("sentences of %q (limit %d) = %v, want %v", l.Text, limit, got, want)
			}
		}
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"Mr. Smith went to Washington. He said so! Did he? Yes.", "U.S. troops, the U.N. said.  New paragraph here.",
		"as Russian troops falterRead more Earlier, they met.", "A caption (AP Photo/Someone) Next sentence.",
		"He said “no.” Then left.\u00a0\u00a0Next", "\xe2\x80\x8bA. B.\xc2\xa0C", "x.\xe2\x80\x9d Y", "\xff.\xc2 R",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSentences(t, s)
	})
}

// TestSentencesMatchReference compares appendSentences with the
// reference on random text of the bytes and words sentence splitting
// looks at.
func TestSentencesMatchReference(t *testing.T) {
	tokens := []string{"Mr", "mr", "U.S", "e.g", "A", "b", "word", "Read more", "falterRead more", "R", ".", ". ", "?", "!", ")",
		"(AP Photo/X)", "(photo by Y)", " ", "  ", "\t", "\u00a0", "\u200b", "\u202f", "“", "”", "’", "\"", "'", "]", "—", "é",
		"\xe2\x80", "\xc2", "\xff", "9", "Earlier", "\r", "-", "_"}
	rng := rand.New(rand.NewPCG(8, 9))
	for range 30_000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(tokens[rng.IntN(len(tokens))])
		}
		checkSentences(t, b.String())
	}
}
