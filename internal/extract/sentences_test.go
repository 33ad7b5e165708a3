package extract

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// refAppendSentences and refSentenceEnd are appendSentences and
// sentenceEnd as they were before appendSentences passed over plain
// bytes at once and sentenceEnd stopped allocating: the references
// FuzzSentences compares them with.
func refSentenceEnd(text string, i int) bool {
	if text[i] != '.' {
		return true
	}
	w := i
	for w > 0 && (isWordByte(text[w-1]) || text[w-1] == '.') && i-w < 8 {
		w--
	}
	word := strings.ToLower(text[w:i])
	if len(word) == 1 && word[0] >= 'a' && word[0] <= 'z' {
		return false
	}
	return !abbreviations[word]
}
func refAppendSentences(out []span, text string, line span, limit int) []span {
	first := len(out)
	start, brk := line.Start, true
	emit := func(end int, next int, nextBreak bool) {
		s, e := trimSpan(text, start, end)
		if s < e {
			out = append(out, span{Start: s, End: e, Text: text[s:e], Line: line.Line, Break: brk})
			brk = nextBreak
		} else {
			brk = brk || nextBreak
		}
		start = next
	}
	for i := line.Start; i < line.End; {
		if limit > 0 && len(out)-first == limit {
			return out
		}
		c := text[i]
		if c == 'R' && gluedReadMore(text, line.Start, i, line.End) {
			c = '.' // a link glued to the sentence before it ends a sentence
			i += len("Read more") - 1
		}
		if isWordByte(c) {
			i++ // letters and digits neither space nor end a sentence
			continue
		}
		if n := isSpaceAt(text, i); n > 0 {
			j, count := i+n, 1
			for j < line.End && isSpaceAt(text, j) > 0 {
				j += isSpaceAt(text, j)
				count++
			}
			if count >= 2 && j < line.End {
				emit(i, j, true)
			}
			i = j
			continue
		}
		if c == ')' && creditParen(text, line.Start, i) {
			c = '.'
		}
		if (c == '.' || c == '?' || c == '!') && refSentenceEnd(text, i) {
			j := i + 1
			for j < line.End && strings.IndexByte(`"')]`, text[j]) >= 0 {
				j++
			}
			for j < line.End && closingQuote(text, j) {
				j += 3
			}
			if j < line.End && isSpaceAt(text, j) > 0 {
				k := j + isSpaceAt(text, j)
				if k < line.End && sentenceStart(text, k) {
					emit(j, k, false)
					i = k
					continue
				}
			}
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	emit(line.End, line.End, false)
	return out
}

func checkSentences(t *testing.T, text string) {
	t.Helper()
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
