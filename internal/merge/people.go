package merge

import (
	"strings"
	"unicode"

	"github.com/newsroom/timeline/internal/timeline"
)

// peopleIndex resolves the many spellings of a name to one person.
type peopleIndex struct {
	byKey  map[string]*timeline.Person
	people []timeline.Person
}

func newPeopleIndex(people []timeline.Person) *peopleIndex {
	idx := &peopleIndex{byKey: map[string]*timeline.Person{}, people: people}
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
	return strings.Join(strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
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

// mentioned adds to names every known person whose name or alias appears
// as whole words in the title or body.
func (idx *peopleIndex) mentioned(names []string, title string, blocks []timeline.Block) []string {
	var text strings.Builder
	text.WriteString(" " + nameKey(title) + " ")
	for _, b := range blocks {
		text.WriteString(nameKey(b.Text) + " ")
	}
	haystack := text.String()
	for i := range idx.people {
		p := &idx.people[i]
		if containsString(names, p.Name) {
			continue
		}
		for _, name := range append([]string{p.Name}, p.Aliases...) {
			if k := nameKey(name); strings.Contains(k, " ") && strings.Contains(haystack, " "+k+" ") {
				names = append(names, p.Name)
				break
			}
		}
	}
	return names
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
