package extract

import (
	"math/rand"
	"strings"
	"testing"
)

// TestPhraseSet checks phraseSet.in against strings.Contains, phrase by
// phrase, at every offset and on random text.
func TestPhraseSet(t *testing.T) {
	phrases := []string{"by ", "photo by ", "/afp", "(ap photo", "sign up", "abc", "bcd"}
	set := newPhraseSet(phrases)
	containsAny := func(s string) bool {
		for _, ph := range phrases {
			if strings.Contains(s, ph) {
				return true
			}
		}
		return false
	}
	var texts []string
	for _, ph := range phrases {
		for pad := range 4 {
			texts = append(texts, strings.Repeat("x", pad)+ph, strings.Repeat("x", pad)+ph+"y", ph[:len(ph)-1])
		}
	}
	r := rand.New(rand.NewSource(1))
	for range 20000 {
		b := make([]byte, r.Intn(12))
		for i := range b {
			b[i] = "abcdy /()pht"[r.Intn(12)]
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		if got, want := set.in(s), containsAny(s); got != want {
			t.Errorf("in(%q) = %v, want %v", s, got, want)
		}
	}
}
