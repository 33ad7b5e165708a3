package extract

import "strings"

// phraseSet is a list of lower-case phrases to look for in a text. It
// reads the text once: a bit per pair of bytes says whether any phrase
// starts with that pair, and only there are the phrases compared.
type phraseSet struct {
	// starts has bit a<<8|b set when a phrase starts with bytes a, b.
	starts [1 << 16 / 64]uint64
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
		pair := uint16(ph[0])<<8 | uint16(ph[1])
		p.starts[pair>>6] |= 1 << (pair & 63)
		p.byStart[ph[0]] = append(p.byStart[ph[0]], ph)
	}
	return p
}

// in reports whether lower contains one of the phrases.
func (p *phraseSet) in(lower string) bool {
	if len(lower) < 2 {
		return false
	}
	pair := uint16(lower[0])
	for i := 0; i+1 < len(lower); i++ {
		pair = pair<<8 | uint16(lower[i+1])
		if p.starts[pair>>6]&(1<<(pair&63)) == 0 {
			continue
		}
		for _, ph := range p.byStart[lower[i]] {
			if strings.HasPrefix(lower[i:], ph) {
				return true
			}
		}
	}
	return false
}
