package names

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newsroom/timeline/internal/timeline"
)

// refFind is Find as it was before it read words one at a time: the
// reference FuzzFind compares Find with.
func refFind(m *Matcher, title string, blocks []timeline.Block) []string {
	if m == nil || len(m.byFirstWord) == 0 {
		return nil
	}
	found := make([]bool, len(m.people))
	var spans [][2]int
	var lower []byte
	scan := func(text string) {
		spans = refWordSpans(text, spans[:0])
		for i, sp := range spans {
			if !startsUpper(text[sp[0]:sp[1]]) {
				continue
			}
			lower = appendLower(lower[:0], text[sp[0]:sp[1]])
			for _, cand := range m.byFirstWord[string(lower)] {
				if !found[cand.person] && refWordsAt(text, spans, i, cand.words) {
					found[cand.person] = true
				}
			}
		}
	}
	scan(title)
	for _, b := range blocks {
		scan(b.Text)
	}
	var out []string
	for i, ok := range found {
		if ok {
			out = append(out, m.people[i].Name)
		}
	}
	return out
}

// startsUpper reports whether word begins with a capital letter, as
// names in running text do; other words are not looked up.
func startsUpper(word string) bool {
	if c := word[0]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(word)
	return unicode.IsUpper(r)
}

func refWordSpans(text string, spans [][2]int) [][2]int {
	start := -1
	for i := 0; i < len(text); {
		c, size := text[i], 1
		var inWord bool
		if c < utf8.RuneSelf {
			inWord = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			inWord = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			spans = append(spans, [2]int{start, i})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		spans = append(spans, [2]int{start, len(text)})
	}
	return spans
}

func refWordsAt(text string, spans [][2]int, i int, want []string) bool {
	if len(spans)-i < len(want) {
		return false
	}
	for j, w := range want {
		sp := spans[i+j]
		if !strings.EqualFold(text[sp[0]:sp[1]], w) {
			return false
		}
	}
	return true
}

// fuzzPeople have ASCII and non-ASCII names, names that share a first
// word, a name with a digit and letters whose case folding is unusual.
var fuzzPeople = []timeline.Person{
	{Name: "Lloyd Austin", Aliases: []string{"Lloyd J. Austin", "Lloyd J. Austin III"}},
	{Name: "Sergei Shoigu", Aliases: []string{"Sergey Shoigu", "Shoigu"}},
	{Name: "Émile Zola", Aliases: []string{"ÉMILE ZOLA É"}},
	{Name: "Volodymyr Zelenskyy", Aliases: []string{"Володимир Зеленський", "Zelensky"}},
	{Name: "Lloyd Webber"},
	{Name: "Pope Francis II", Aliases: []string{"Pope 2 Francis"}},
	{Name: "Kelvin Ǆemal", Aliases: []string{"İsmail Kılıç", "ß Straße"}},
}

func TestWordSpansMatchReference(t *testing.T) {
	for _, s := range []string{"", "a", " a b ", "Émile\xffZola", "x\u00a0y", "Зеленський, 2022"} {
		if got, want := wordSpans(s, nil), refWordSpans(s, nil); !reflect.DeepEqual(got, want) {
			t.Errorf("wordSpans(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"US Secretary of Defense Lloyd Austin spoke.", "LLOYD J. AUSTIN III and Lloyd Webber",
		"Émile Zola, ÉMILE ZOLA É", "Володимир Зеленський said", "\xffLloyd\xc2Austin", "Pope 2 Francis",
		"KELVIN ǅEMAL; İsmail KILIÇ; ß STRASSE", "Lloyd", "Lloyd Austin\u00a0Lloyd Webber",
	} {
		f.Add("Title", s, "")
	}
	m := New(fuzzPeople)
	f.Fuzz(func(t *testing.T, title, a, b string) {
		blocks := []timeline.Block{{Text: a}, {Text: b}}
		if got, want := m.Find(title, blocks), refFind(m, title, blocks); !reflect.DeepEqual(got, want) {
			t.Fatalf("Find(%q, %q, %q) = %q, want %q", title, a, b, got, want)
		}
		if got, want := wordSpans(a, nil), refWordSpans(a, nil); !reflect.DeepEqual(got, want) {
			t.Fatalf("wordSpans(%q) = %v, want %v", a, got, want)
		}
	})
}

// TestFindMatchesReference compares Find with refFind on random texts
// made of the words of fuzzPeople's names in several cases, glued or
// split by spaces, punctuation, non-ASCII letters and invalid bytes.
func TestFindMatchesReference(t *testing.T) {
	tokens := []string{"Lloyd", "Austin", "lloyd", "LLOYD", "AUSTIN", "J", ".", "III", "Webber", "Émile", "ÉMILE", "Zola",
		"ZOLA", "É", "Sergey", "Shoigu", "Pope", "2", "Francis", "II", "Володимир", "Зеленський", "İsmail", "KILIÇ",
		"ß", "Straße", " ", " ", " ", "  ", "\u00a0", ",", "x", "Mc", "\xff", "\xc3", "\xe2\x80", "9", "\n"}
	m := New(fuzzPeople)
	rng := rand.New(rand.NewPCG(3, 4))
	for range 50_000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(tokens[rng.IntN(len(tokens))])
		}
		text := b.String()
		blocks := []timeline.Block{{Text: text}}
		if got, want := m.Find("", blocks), refFind(m, "", blocks); !reflect.DeepEqual(got, want) {
			t.Fatalf("Find(%q) = %q, want %q", text, got, want)
		}
	}
}
