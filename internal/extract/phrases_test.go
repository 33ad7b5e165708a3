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

// FuzzPhraseSet checks phrase sets, and the groups of linePhrases,
// against strings.Contains.
func FuzzPhraseSet(f *testing.F) {
	sets := map[*phraseSet][]string{}
	for _, phrases := range [][]string{
		{"subscribe to", "newsletter", "sign up", "read more", "follow the "},
		{"(ap photo", "ap photo/", "/afp", "(afp", "/ap)", "photo by ", "getty images"},
		{" will ", " set to ", "expected"},
		{"since ", "by ", "from "},
		{"ab", "abc", "b c"},
	} {
		sets[newPhraseSet(phrases)] = phrases
	}
	for _, s := range []string{"all rights reserved (ap photo/x) sign up pictured", "we use cookies", "cookie settings", "getty images newsletter", "", "by", "by ", "photo by x", "(ap photo/", "x/ap)", "is set to go", "ab", "b c", "xxnewsletter"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for set, phrases := range sets {
			want := false
			for _, ph := range phrases {
				want = want || strings.Contains(s, ph)
			}
			if got := set.in(s); got != want {
				t.Fatalf("in(%q) = %v, want %v (phrases %q)", s, got, want, phrases)
			}
		}
		var want uint8
		for group, phrases := range map[uint8][]string{
			groupCredit: creditMarks, groupPromo: promoPhrases, groupRights: {"all rights reserved"}, groupCaption: captionWords,
			groupConsent: consentPhrases,
		} {
			for _, ph := range phrases {
				if strings.Contains(s, ph) {
					want |= group
				}
			}
		}
		if got := linePhrases.groups(s); got != want {
			t.Fatalf("linePhrases.groups(%q) = %b, want %b", s, got, want)
		}
		for _, g := range []uint8{groupCredit, groupPromo, groupRights, groupCaption, groupConsent} {
			if got := linePhrases.find(s, g); got&g != want&g {
				t.Fatalf("linePhrases.find(%q, %b) = %b, want %b", s, g, got, want)
			}
		}
	})
}
