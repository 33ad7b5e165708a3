// Package names finds the people an article names. It is built from
// people.yaml and used by the extract stage while an article's text is at
// hand, so later stages keep the names and not the text.
package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsroom/timeline/internal/timeline"
)

// Matcher finds the names and aliases of known people in text: every
// name of two words or more, as whole words, starting with a capital
// letter as names in running text do, in any case after that. One-word
// aliases ("Zelenskyy") are left to editors: alone they are too often
// someone else.
type Matcher struct {
	people []timeline.Person
	// key tells matchers of the same names apart from others.
	key string
	// byFirstWord maps the first word of every name to the names
	// starting with it, so a text is read once whatever the number of
	// people.
	byFirstWord map[string][]name
}

// name is a multi-word name of a person, split into lowercase words.
type name struct {
	words  []string
	person int
}

// New returns a matcher for people. It keeps people's order: Find lists
// names in the order of the people file.
func New(people []timeline.Person) *Matcher {
	m := &Matcher{people: people, byFirstWord: map[string][]name{}}
	var key strings.Builder
	for i, p := range people {
		key.WriteString(p.Name + "\x00" + strings.Join(p.Aliases, "\x00") + "\x01")
		for _, full := range append([]string{p.Name}, p.Aliases...) {
			var words []string
			for _, sp := range wordSpans(full, nil) {
				words = append(words, strings.ToLower(full[sp[0]:sp[1]]))
			}
			if len(words) > 1 {
				m.byFirstWord[words[0]] = append(m.byFirstWord[words[0]], name{words: words, person: i})
			}
		}
	}
	m.key = key.String()
	return m
}

// Key returns a string that is the same for two matchers exactly when
// they find the same names, so extraction results can be cached across
// builds.
func (m *Matcher) Key() string {
	if m == nil {
		return ""
	}
	return m.key
}

// Find returns the canonical names of the people named in the title or
// the blocks, in the order of the people file. A name split across two
// blocks does not count. A nil Matcher finds nobody.
func (m *Matcher) Find(title string, blocks []timeline.Block) []string {
	if m == nil || len(m.byFirstWord) == 0 {
		return nil
	}
	found := make([]bool, len(m.people))
	var spans [][2]int
	var lower []byte
	scan := func(text string) {
		spans = wordSpans(text, spans[:0])
		for i, sp := range spans {
			if !startsUpper(text[sp[0]:sp[1]]) {
				continue
			}
			lower = appendLower(lower[:0], text[sp[0]:sp[1]])
			for _, cand := range m.byFirstWord[string(lower)] {
				if !found[cand.person] && wordsAt(text, spans, i, cand.words) {
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

// wordSpans appends the byte spans of the words of text (runs of letters
// and digits) to spans. ASCII bytes are classified without decoding.
func wordSpans(text string, spans [][2]int) [][2]int {
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

// appendLower appends s in lower case to buf.
func appendLower(buf []byte, s string) []byte {
	for _, r := range s {
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	return buf
}

// wordsAt reports whether the words of text from spans[i] on are want,
// compared without case.
func wordsAt(text string, spans [][2]int, i int, want []string) bool {
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
