package extract

import "strings"

// phraseSet is a list of lower-case phrases to look for in a text. It
// reads the text once, trying at each byte only the phrases that start
// with that byte and the one after it.
type phraseSet struct {
	// byStart holds the phrases by their first byte.
	byStart [256][]string
}

// newPhraseSet returns the set of phrases; each must be at least two
// bytes long.
func newPhraseSet(phrases []string) *phraseSet {
	p := &phraseSet{}
	for _, ph := range phrases {
		if len(ph) < 2 {
			panic("extract: phrase shorter than two bytes: " + ph)
		}
		p.byStart[ph[0]] = append(p.byStart[ph[0]], ph)
	}
	return p
}

// in reports whether lower contains one of the phrases.
func (p *phraseSet) in(lower string) bool {
	for i := 0; i+1 < len(lower); i++ {
		for _, ph := range p.byStart[lower[i]] {
			if ph[1] == lower[i+1] && strings.HasPrefix(lower[i:], ph) {
				return true
			}
		}
	}
	return false
}
