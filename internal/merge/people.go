package merge

import (
	"strings"
	"sync"
	"unicode"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/timeline"
)

// peopleIndex resolves the many spellings of a name to one person. It is
// safe for concurrent use.
type peopleIndex struct {
	byKey  map[string]*timeline.Person
	people []timeline.Person
	// byName holds the person of each name and alias of people.yaml as
	// written, the spellings a chronology repeats thousands of times, so
	// that they need no nameKey.
	byName map[string]*timeline.Person

	// mu guards nearestKey, the nearest key of byKey to each unknown
	// name's key ("" for none), and keys, the keys of byKey.
	mu         sync.Mutex
	nearestKey map[string]string
	keys       []string
}

func newPeopleIndex(people []timeline.Person) *peopleIndex {
	idx := &peopleIndex{byKey: map[string]*timeline.Person{}, people: people,
		byName: map[string]*timeline.Person{}, nearestKey: map[string]string{}}
	var names []string
	for i := range people {
		p := &people[i]
		for _, name := range append([]string{p.Name, p.ID}, p.Aliases...) {
			if k := nameKey(name); k != "" {
				idx.byKey[k] = p
				names = append(names, name)
			}
		}
	}
	for _, name := range names {
		idx.byName[name] = idx.byKey[nameKey(name)]
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
	if p, ok := idx.byName[name]; ok {
		return p
	}
	return idx.byKey[nameKey(name)]
}

// nearest returns the person whose name or alias is nearest to an
// unknown name, when close enough to be a misspelling of it, or nil.
func (idx *peopleIndex) nearest(name string) *timeline.Person {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	if idx.keys == nil {
		idx.keys = make([]string, 0, len(idx.byKey))
		for k := range idx.byKey {
			idx.keys = append(idx.keys, k)
		}
	}
	key := nameKey(name)
	near, ok := idx.nearestKey[key]
	if !ok {
		near = content.NearestWithin(key, idx.keys, len(key)/4)
		idx.nearestKey[key] = near
	}
	if near == "" {
		return nil
	}
	return idx.byKey[near]
}

// resolveAll replaces every known name by its person's canonical name,
// keeps unknown names as written, and drops repeats; it calls unknown
// with each unknown name and its index. It returns names itself when
// that changes nothing, and nil for no names.
func (idx *peopleIndex) resolveAll(names []string, unknown func(i int, name string)) []string {
	if len(names) == 0 {
		return nil
	}
	canonical := true
	for i, n := range names {
		p := idx.Lookup(n)
		if p == nil {
			unknown(i, n)
		}
		if p != nil && p.Name != n || containsString(names[:i], n) {
			canonical = false
		}
	}
	if canonical {
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

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
