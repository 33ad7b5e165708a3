package extract

import "strings"

// phraseSet is a list of lower-case phrases to look for in a text, each
// in a group (a bit). It reads the text once: a bit per hash of the
// first bytes of a phrase (up to four) says whether any phrase may start
// where those bytes are found, and only there are the phrases compared.
type phraseSet struct {
	// prefix is how many first bytes of a phrase are hashed: the length
	// of the shortest phrase, at most four.
	prefix int
	// starts has bit hash(b) set for the first prefix bytes b of each
	// phrase.
	starts [1 << phraseHashBits / 64]uint64
	// byStart holds the phrases by their first byte.
	byStart [256][]phrase
	// all has the bits of all groups.
	all uint8
}

// phrase is a phrase of a phraseSet and its group.
type phrase struct {
	text  string
	group uint8
}

// phraseHashBits is the size of a phraseSet's hash: with a few dozen
// phrases, about one offset in a hundred is a false start.
const phraseHashBits = 13

// phraseHash hashes the first prefix bytes of a phrase or of a place in
// a text, the first in the low byte of w (see prefixAt).
func phraseHash(w uint32) uint32 {
	return w * 0x9e3779b1 >> (32 - phraseHashBits)
}

// prefixAt returns the k bytes of s at i, the first in the low byte.
func prefixAt(s string, i, k int) uint32 {
	var w uint32
	for j := k - 1; j >= 0; j-- {
		w = w<<8 | uint32(s[i+j])
	}
	return w
}

// newPhraseSet returns the set of phrases, all in group 1; each must be
// at least two bytes long.
func newPhraseSet(phrases []string) *phraseSet {
	return newPhraseGroups(map[uint8][]string{1: phrases})
}

// newPhraseGroups returns the set of the phrases of each group (a bit);
// each must be at least two bytes long.
func newPhraseGroups(groups map[uint8][]string) *phraseSet {
	p := &phraseSet{prefix: 4}
	for group, phrases := range groups {
		p.all |= group
		for _, ph := range phrases {
			if len(ph) < 2 {
				panic("extract: phrase shorter than two bytes: " + ph)
			}
			p.prefix = min(p.prefix, len(ph))
		}
	}
	for group, phrases := range groups {
		for _, ph := range phrases {
			h := phraseHash(prefixAt(ph, 0, p.prefix))
			p.starts[h/64] |= 1 << (h % 64)
			p.byStart[ph[0]] = append(p.byStart[ph[0]], phrase{ph, group})
		}
	}
	return p
}

// in reports whether lower contains one of the phrases.
func (p *phraseSet) in(lower string) bool {
	return p.find(lower, 0) != 0
}

// groups returns the groups of the phrases lower contains.
func (p *phraseSet) groups(lower string) uint8 {
	return p.find(lower, p.all)
}

// find returns the groups of the phrases lower contains, reading on
// until it has found all of want (a phrase of any group when want is 0).
func (p *phraseSet) find(lower string, want uint8) uint8 {
	var found uint8
	for i := p.nextStart(lower, 0); i >= 0; i = p.nextStart(lower, i+1) {
		for _, ph := range p.byStart[lower[i]] {
			if found&ph.group == 0 && strings.HasPrefix(lower[i:], ph.text) {
				found |= ph.group
				if found&want == want {
					return found
				}
			}
		}
	}
	return found
}

// nextStart returns the first place at or after i where a phrase may
// start (its first prefix bytes hash to a bit of starts), or -1. Each
// place is hashed from one four-byte load, the bytes past the prefix
// masked off, but the last three, read byte by byte.
func (p *phraseSet) nextStart(lower string, i int) int {
	k := p.prefix
	mask := uint32(1)<<(8*k) - 1 // all ones for k = 4: a shift by 32 gives 0
	if i < len(lower)-3 {
		s := lower[i:]
		for j := 0; j < len(s)-3; j++ {
			w := (uint32(s[j]) | uint32(s[j+1])<<8 | uint32(s[j+2])<<16 | uint32(s[j+3])<<24) & mask
			if h := phraseHash(w); p.starts[h/64]&(1<<(h%64)) != 0 {
				return i + j
			}
		}
		i = len(lower) - 3
	}
	for ; i+k <= len(lower); i++ {
		if h := phraseHash(prefixAt(lower, i, k)); p.starts[h/64]&(1<<(h%64)) != 0 {
			return i
		}
	}
	return -1
}

// prefixSet is a list of lower-case prefixes, kept by their first byte:
// startsWithAny of a long list without comparing every prefix.
type prefixSet [256][]string

// newPrefixSet returns the set of prefixes, none of them empty.
func newPrefixSet(prefixes []string) *prefixSet {
	p := new(prefixSet)
	for _, q := range prefixes {
		p[q[0]] = append(p[q[0]], q)
	}
	return p
}

// starts reports whether lower starts with one of the prefixes.
func (p *prefixSet) starts(lower string) bool {
	if lower == "" {
		return false
	}
	for _, q := range p[lower[0]] {
		if strings.HasPrefix(lower, q) {
			return true
		}
	}
	return false
}
