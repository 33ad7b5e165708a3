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
	// firstWords holds the keys of byFirstWord.
	firstWords wordFilter
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
				m.firstWords.add(words[0])
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
	var small [64]bool
	found := small[:0]
	if len(m.people) > len(small) {
		found = make([]bool, len(m.people))
	} else {
		found = small[:len(m.people)]
	}
	var buf [64]byte
	lower := buf[:0]
	lower = m.scan(title, found, lower)
	for _, b := range blocks {
		lower = m.scan(b.Text, found, lower)
	}
	n := 0
	for _, ok := range found {
		if ok {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]string, 0, n)
	for i, ok := range found {
		if ok {
			out = append(out, m.people[i].Name)
		}
	}
	return out
}

// scan marks in found the people whose names text holds. It looks up
// only words that start with a capital; lower is a buffer for their
// lower case, returned for reuse. Eight ASCII bytes without a capital
// start no such word, and are passed over at once.
func (m *Matcher) scan(text string, found []bool, lower []byte) []byte {
	// prevWord is whether the rune before text[i] is a letter or digit.
	prevWord := false
	for i := 0; i < len(text); {
		if i+8 <= len(text) {
			if x := load8(text, i); x&highBits == 0 && upperBytes(x) == 0 {
				i += 8
				prevWord = asciiWord[text[i-1]]
				continue
			}
		}
		c := text[i]
		if c < utf8.RuneSelf {
			if !asciiWord[c] || prevWord || c > 'Z' || c < 'A' {
				prevWord = asciiWord[c]
				i++
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			in := unicode.IsLetter(r) || unicode.IsDigit(r)
			if !in || prevWord || !unicode.IsUpper(r) {
				prevWord = in
				i += size
				continue
			}
		}
		// A word that starts with a capital starts at i.
		start := i
		end, ascii := wordEnd(text, i)
		i, prevWord = end, true
		word := text[start:end]
		if ascii {
			// An ASCII word keeps its length in lower case, and its
			// bytes c|0x20 are its lower case.
			if !m.firstWords.mayHold(word) {
				continue
			}
			lower = appendLowerASCII(lower[:0], word)
		} else {
			lower = appendLower(lower[:0], word)
		}
		for _, cand := range m.byFirstWord[string(lower)] {
			if !found[cand.person] && wordsFrom(text, start, end, cand.words) {
				found[cand.person] = true
			}
		}
	}
	return lower
}

// highBits has the high bit of each byte of a uint64.
const highBits = 0x8080808080808080

// load8 returns text[i:i+8] as a little-endian uint64.
func load8(text string, i int) uint64 {
	s := text[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// upperBytes returns x, eight ASCII bytes, with the high bit set in each
// byte that is a capital letter. No byte is above 0x7f, so adding to one
// carries into no other.
func upperBytes(x uint64) uint64 {
	const ones = 0x0101010101010101
	return (x + (0x80-'A')*ones) &^ (x + (0x80-'Z'-1)*ones) & highBits
}

// wordFilter tells ASCII words that cannot be one of a set of lower-case
// words apart without a map look-up, by their length and first two bytes.
type wordFilter struct {
	// lengths has bit n set when a word is n bytes long (all bits for
	// words of 64 bytes or more).
	lengths uint64
	// pairs has bit a<<8|b set when a word starts with bytes a, b (b is 0
	// for a one-byte word).
	pairs [1 << 16 / 64]uint64
}

// add adds the lower-case word w to the filter.
func (f *wordFilter) add(w string) {
	if len(w) >= 64 {
		f.lengths = ^uint64(0)
	} else {
		f.lengths |= 1 << len(w)
	}
	pair := uint16(w[0]) << 8
	if len(w) > 1 {
		pair |= uint16(w[1])
	}
	f.pairs[pair>>6] |= 1 << (pair & 63)
}

// mayHold reports whether the lower case of word, an ASCII word of
// letters and digits, may be in the filter.
func (f *wordFilter) mayHold(word string) bool {
	if len(word) < 64 && f.lengths&(1<<len(word)) == 0 {
		return false
	}
	pair := uint16(word[0]|0x20) << 8
	if len(word) > 1 {
		pair |= uint16(word[1] | 0x20)
	}
	return f.pairs[pair>>6]&(1<<(pair&63)) != 0
}

// asciiWord says which ASCII bytes are word bytes: letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// wordByte says which bytes are ASCII letters and digits.
var wordByte = func() (t [256]bool) {
	copy(t[:], asciiWord[:])
	return t
}()

// isWordRune reports whether the rune at text[i] is a letter or a digit,
// and returns its byte length.
func isWordRune(text string, i int) (bool, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return asciiWord[c], 1
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r), size
}

// nextWord returns the bounds of the first word (run of letters and
// digits) of text at or after offset i, which must start a rune, and
// whether the word is all ASCII; start is -1 when there is none.
func nextWord(text string, i int) (start, end int, ascii bool) {
	for i < len(text) {
		in, size := isWordRune(text, i)
		if in {
			end, ascii = wordEnd(text, i)
			return i, end, ascii
		}
		i += size
	}
	return -1, -1, false
}

// wordEnd returns the end of the word that starts at text[i], and
// whether it is all ASCII. ASCII bytes are classified without decoding.
func wordEnd(text string, i int) (end int, ascii bool) {
	ascii = true
	for i < len(text) {
		if wordByte[text[i]] {
			i++
			continue
		}
		if text[i] < utf8.RuneSelf {
			break
		}
		in, size := isWordRune(text, i)
		if !in {
			break
		}
		ascii = false
		i += size
	}
	return i, ascii
}

// wordSpans appends the byte spans of the words of text (runs of letters
// and digits) to spans.
func wordSpans(text string, spans [][2]int) [][2]int {
	for i := 0; ; {
		start, end, _ := nextWord(text, i)
		if start < 0 {
			return spans
		}
		spans = append(spans, [2]int{start, end})
		i = end
	}
}

// appendLower appends s in lower case to buf.
func appendLower(buf []byte, s string) []byte {
	for _, r := range s {
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	return buf
}

// appendLowerASCII appends s, all ASCII, in lower case to buf: what
// appendLower gives, without decoding.
func appendLowerASCII(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// wordsFrom reports whether the words of text from the word text[start:end]
// on are want, compared without case.
func wordsFrom(text string, start, end int, want []string) bool {
	for j, w := range want {
		if j > 0 {
			if start, end, _ = nextWord(text, end); start < 0 {
				return false
			}
		}
		if !strings.EqualFold(text[start:end], w) {
			return false
		}
	}
	return true
}
