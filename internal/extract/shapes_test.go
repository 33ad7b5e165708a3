package extract

import (
	"strings"
	"testing"
)

// refIsTitleWords and refIsDatelinePrefix are isTitleWords and
// isDatelinePrefix as they were before they stopped allocating (sorting
// words with the same datelineWord): the references FuzzShapes compares
// them with.
func refIsTitleWords(s string) bool {
	f := strings.Fields(s)
	if len(f) < 2 {
		return false
	}
	for _, w := range f {
		c := w[0]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return s[0] >= 'A' && s[0] <= 'Z'
}

func refIsDatelinePrefix(s string, colon bool) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 8 || strings.Contains(s, ". ") || strings.ContainsAny(s, "\"“”") {
		return false
	}
	caps, special := 0, false
	for _, w := range f {
		aside, capital, ok := datelineWord(w)
		if !ok {
			return false
		}
		special = special || aside
		if capital && strings.ToUpper(w) == w {
			caps++
		}
	}
	if colon {
		return caps == len(f)
	}
	return caps > 0 || special || len(f) <= 3
}

func FuzzShapes(f *testing.F) {
	for _, s := range []string{"", "Iranian trainers", "NUSA DUA, Indonesia, July 9 (Reuters)", "KYIV", "(CNN)", "ÉLYSÉE Paris",
		"A B C D E F G H I", "A b", "WASHINGTON\xff", "ÉLYSÉe", "MOSCOW. Talks", "x Y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isTitleWords(s), refIsTitleWords(s); got != want {
			t.Fatalf("isTitleWords(%q) = %v, want %v", s, got, want)
		}
		for _, colon := range []bool{false, true} {
			if got, want := isDatelinePrefix(s, colon), refIsDatelinePrefix(s, colon); got != want {
				t.Fatalf("isDatelinePrefix(%q, %v) = %v, want %v", s, colon, got, want)
			}
		}
	})
}
