package merge

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsroom/timeline/internal/timeline"
)

// peopleIndex resolves the many spellings of a name to one person.
type peopleIndex struct {
	byKey  map[string]*timeline.Person
	people []timeline.Person
	// byFirstWord maps the first word of every name and alias of two
	// words or more to the names starting with it, so mentions are found
	// in one pass over a text.
	byFirstWord map[string][]mentionName
}

// mentionName is a multi-word name of a person, split into words.
type mentionName struct {
	words  []string
	person *timeline.Person
}

func newPeopleIndex(people []timeline.Person) *peopleIndex {
	idx := &peopleIndex{byKey: map[string]*timeline.Person{}, people: people, byFirstWord: map[string][]mentionName{}}
	for i := range people {
		p := &people[i]
		for _, name := range append([]string{p.Name, p.ID}, p.Aliases...) {
			if k := nameKey(name); k != "" {
				idx.byKey[k] = p
			}
		}
		for _, name := range append([]string{p.Name}, p.Aliases...) {
			if words := strings.Fields(nameKey(name)); len(words) > 1 {
				idx.byFirstWord[words[0]] = append(idx.byFirstWord[words[0]], mentionName{words: words, person: p})
			}
		}
	}
	return idx
}

// nameKey folds a name for comparison: lowercase letters and digits,
// single spaces.
func nameKey(name string) string {
	return strings.Join(nameWords(name, nil), " ")
}

// nameWords appends the lowercased words of s (runs of letters and
// digits) to words.
func nameWords(s string, words []string) []string {
	start := -1
	flush := func(end int) {
		if start >= 0 {
			words = append(words, strings.ToLower(s[start:end]))
			start = -1
		}
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
		} else {
			flush(i)
		}
	}
	flush(len(s))
	return words
}

// Lookup returns the person a name refers to, or nil.
func (idx *peopleIndex) Lookup(name string) *timeline.Person {
	return idx.byKey[nameKey(name)]
}

// resolveAll replaces every known name by its person's canonical name,
// keeps unknown names as written, and drops repeats.
func (idx *peopleIndex) resolveAll(names []string) []string {
	var out []string
	for _, n := range names {
		if p := idx.Lookup(n); p != nil {
			n = p.Name
		}
		if !containsString(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// mentioned adds to names every known person whose name or alias of two
// words or more appears as whole words in the title or body, in the
// order of the people file. It reads the text once, without allocating
// per word.
func (idx *peopleIndex) mentioned(names []string, title string, blocks []timeline.Block) []string {
	found := map[*timeline.Person]bool{}
	var spans [][2]int
	var lower []byte
	scan := func(text string) {
		spans = wordSpans(text, spans[:0])
		for i, sp := range spans {
			lower = appendLower(lower[:0], text[sp[0]:sp[1]])
			for _, cand := range idx.byFirstWord[string(lower)] {
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
	for i := range idx.people {
		p := &idx.people[i]
		if found[p] && !containsString(names, p.Name) {
			names = append(names, p.Name)
		}
	}
	return names
}

// wordSpans appends the byte spans of the words of text (runs of letters
// and digits) to spans.
func wordSpans(text string, spans [][2]int) [][2]int {
	start := -1
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			spans = append(spans, [2]int{start, i})
			start = -1
		}
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

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
