package merge

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestContentWord(t *testing.T) {
	tests := []struct{ in, want string }{
		{"swapped", "swap"}, {"swaps", "swap"}, {"swapping", "swap"},
		{"mobilisation", "mobilis"}, {"mobilised", "mobilis"},
		{"released", "releas"}, {"release", "releas"},
		{"talks", "talk"}, {"status", "status"}, {"press", "press"},
		{"said", ""}, {"announces", ""}, {"tuesday", ""}, {"2022", ""}, {"a", ""}, {"president", ""},
		{"450", "450"}, {"24", ""}, {"1999", ""}, {"3000", "3000"}, {"12000000", "12000000"},
	}
	for _, tt := range tests {
		if got := contentWord(tt.in); got != tt.want {
			t.Errorf("contentWord(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitWords(t *testing.T) {
	var got []string
	splitWords("Russia's talks — Kyiv said. Don't stop in Istanbul’s U.S.-made", func(w []byte) {
		got = append(got, string(w))
	})
	want := []string{"russia", "talks", "kyiv", "said", "don't", "stop", "in", "istanbul", "u", "s", "made"}
	if !slices.Equal(got, want) {
		t.Errorf("splitWords:\n got %v\nwant %v", got, want)
	}
}

func TestOpeningWordsProper(t *testing.T) {
	for _, tt := range []struct {
		name, headline, opening string
		want                    []string
	}{
		{"a name inside a sentence", "Fed Lifts Rates", "The Riksbank raised its rate by 100 points.", []string{"riksbank", "100"}},
		{"a capital that starts a sentence", "", "Rates rose. Officials in Stockholm: Inflation is high!", []string{"stockholm"}},
		{"each paragraph starts a sentence", "", "Sweden acted.", nil},
		{"words of other sentences", "", "STOCKHOLM — The Swedish central bank, the Riksbank, acted.", []string{"swedish", "riksbank"}},
		{"a headline's capitals are not the opening's", "Riksbank Acts", "the bank acted", nil},
		{"lower case and stop words", "", "it rose in Sweden and The bank", []string{"sweden"}},
	} {
		s := getScratch()
		_, got := s.openingWords(tt.headline, slices.Values([]string{tt.opening}))
		scratchPool.Put(s)
		var want []uint64
		for _, w := range tt.want {
			want = append(want, wordHash(contentWord(w)))
		}
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: proper words %v, want the hashes of %v", tt.name, got, tt.want)
		}
	}
}

// FuzzWords checks that any text, valid UTF-8 or not, gives sorted sets
// without repeats, the same each time, and lowercase words.
func FuzzWords(f *testing.F) {
	for _, seed := range []string{"", "WASHINGTON — Lloyd Austin spoke with Sergei Shoigu on Friday.", "it's’s ''", "\xff\xfe A\u0301b", "Ünïcödé ŞİRKET İstanbul"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		words := contentWords(text, text)
		again := contentWords(text, text)
		if !slices.Equal(words, again) || !slices.IsSorted(words) || len(slices.Compact(slices.Clone(words))) != len(words) {
			t.Fatalf("contentWords(%q) not sorted or not the same twice", text)
		}
		if !slices.IsSorted(shingles(text)) {
			t.Fatalf("shingles(%q) not sorted", text)
		}
		splitWords(text, func(b []byte) {
			if w := string(b); w == "" || (utf8.ValidString(text) && w != strings.ToLower(w)) {
				t.Fatalf("splitWords(%q) gave %q", text, w)
			}
		})
	})
}

// contentWord is contentForm on a copy of w, as a string.
func contentWord(w string) string {
	return string(contentForm([]byte(w)))
}
