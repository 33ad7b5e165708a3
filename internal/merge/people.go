package merge

import (
	"strings"
	"unicode"

	"github.com/newsroom/timeline/internal/timeline"
)

// peopleIndex resolves the many spellings of a name to one person. It
// remembers every spelling it has looked up, since a chronology writes
// the same few names thousands of times; it is not safe for concurrent
// use.
type peopleIndex struct {
	byKey  map[string]*timeline.Person
	people []timeline.Person
	// byName holds the person (nil when unknown) of each name looked up,
	// as written.
	byName map[string]*timeline.Person
}

func newPeopleIndex(people []timeline.Person) *peopleIndex {
	idx := &peopleIndex{byKey: map[string]*timeline.Person{}, people: people, byName: map[string]*timeline.Person{}}
	for i := range people {
		p := &people[i]
		for _, name := range append([]string{p.Name, p.ID}, p.Aliases...) {
			if k := nameKey(name); k != "" {
				idx.byKey[k] = p
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
	p, ok := idx.byName[name]
	if !ok {
		p = idx.byKey[nameKey(name)]
		idx.byName[name] = p
	}
	return p
}

// resolveAll replaces every known name by its person's canonical name,
// keeps unknown names as written, and drops repeats. It returns names
// itself when that changes nothing, and nil for no names.
func (idx *peopleIndex) resolveAll(names []string) []string {
	if len(names) == 0 {
		return nil
	}
	if idx.resolved(names) {
		return names
	}
	out := make([]string, 0, len(names))
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

// resolved reports whether names are all canonical or unknown, without
// repeats: what resolveAll would return unchanged.
func (idx *peopleIndex) resolved(names []string) bool {
	for i, n := range names {
		if p := idx.Lookup(n); p != nil && p.Name != n {
			return false
		}
		if containsString(names[:i], n) {
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
