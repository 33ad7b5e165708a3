package merge

import (
	"bytes"
	"iter"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The wording of two reports is compared on their headline and lede, as
// sets of content words: lowercased, with a plural's "s" taken off, and
// without the words of stopWords, single letters and the numbers that
// could be a day or a year (countingNumber). Each word
// is kept as a 64-bit hash (wordHash).

// stopWords are the words that say nothing about which event a report
// tells: English function words, the verbs of reporting, and the names
// of weekdays and months (the dates are compared apart).
var stopWords = func() map[string]bool {
	const list = `a about above after again against all also am an and any are as at be because been
	before being below between both but by can could did do does doing down during each few for from
	further had has have having he her here hers herself him himself his how i if in into is it its
	itself just me more most my myself no nor not now of off on once only or other our ours ourselves
	out over own same she should so some such than that the their theirs them themselves then there
	these they this those through to too under until up very was we were what when where which while
	who whom why will with would you your yours yourself yourselves
	said say says saying told tell tells according report reports reported reporting statement
	stated added announced announce told spokesperson spokesman spokeswoman news official officials
	one two three first last later earlier week weeks day days year years month months today
	yesterday tomorrow time times ago since amid may might must shall upon via per within without
	monday tuesday wednesday thursday friday saturday sunday
	january february march april june july august september october november december
	jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr
	president presidential minister ministry secretary prime deputy counterpart chief head leader
	director spokesperson`
	set := map[string]bool{}
	for _, w := range strings.Fields(list) {
		set[w] = true
	}
	return set
}()

// wordHash hashes a word (FNV-1a, 64 bits).
func wordHash[T string | []byte](w T) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return h
}

// splitWords calls fn with each word of text, lowercased: runs of
// letters and digits, an apostrophe inside a word kept ("don't"), a
// possessive "'s" taken off. The word's bytes are fn's until it returns,
// to change as it likes, and no longer.
func splitWords(text string, fn func(word []byte)) {
	s := getScratch()
	defer scratchPool.Put(s)
	s.split(text, func(w []byte) bool { fn(w); return true })
}

// scratch is what describing one report works with, reused from report
// to report and never shared by two goroutines at once: the buffer of
// the word being split, a list of hashes, and the content form of each
// word seen (form).
type scratch struct {
	word  []byte
	list  []uint64
	forms map[uint64]uint64
	// properList is the list of openingWords' proper words, inOpening
	// is set while it reads the opening, and read counts the words read.
	properList []uint64
	inOpening  bool
	read       int
	// proper is set while split calls fn with a word written with a
	// capital or a digit first, not at the start of a sentence: a name
	// or a number, as "Riksbank" and "300" in "the Riksbank raised its
	// rate by 100 points" (see properWords).
	proper bool
}

// maxForms bounds how many words' content forms a scratch remembers.
const maxForms = 1 << 16

// scratchPool holds scratches between reports.
var scratchPool = sync.Pool{New: func() any {
	return &scratch{word: make([]byte, 0, 64), forms: make(map[uint64]uint64, 1024)}
}}

// getScratch returns a scratch of the pool.
func getScratch() *scratch { return scratchPool.Get().(*scratch) }

// split calls fn with each word of text as splitWords does, and stops
// when fn returns false; it reports whether fn never did.
func (s *scratch) split(text string, fn func(word []byte) bool) bool {
	word := s.word[:0]
	defer func() { s.word = word[:0] }()
	from, start := 0, true // where the word starts in text; at a sentence's start
	for i := 0; i < len(text); {
		if c := asciiWord[text[i]]; c > 1 {
			if len(word) == 0 {
				from = i
			}
			word = append(word, c)
			i++
			continue
		} else if c == 0 {
			if len(word) > 0 {
				if !s.send(word, !start && capitalAt(text, from), fn) {
					return false
				}
				start = false
			}
			start = start || sentenceEnd[text[i]]
			i++
			word = word[:0]
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if len(word) == 0 {
				from = i
			}
			word = utf8.AppendRune(word, unicode.ToLower(r))
			i += size
			continue
		case (r == '\'' || r == '’') && len(word) > 0 && i+size < len(text):
			if next, _ := utf8.DecodeRuneInString(text[i+size:]); unicode.IsLetter(next) {
				word = utf8.AppendRune(word, r)
				i += size
				continue
			}
		}
		i += size
		if len(word) > 0 {
			if !s.send(word, !start && capitalAt(text, from), fn) {
				return false
			}
			start = false
		}
		word = word[:0]
	}
	return len(word) == 0 || s.send(word, !start && capitalAt(text, from), fn)
}

// send calls fn with word (see emit), proper telling whether it is
// written as a proper word.
func (s *scratch) send(word []byte, proper bool, fn func(word []byte) bool) bool {
	s.proper = proper
	return emit(word, fn)
}

// capitalAt reports whether the word at text[from:] starts with a
// capital or a digit.
func capitalAt(text string, from int) bool {
	if c := text[from]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	r, _ := utf8.DecodeRuneInString(text[from:])
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// sentenceEnd are the bytes after which a word starts a sentence, and
// its capital says nothing.
var sentenceEnd = [256]bool{'.': true, '!': true, '?': true, ':': true}

// asciiWord classifies the bytes of a text for split: an ASCII letter or
// digit is itself, lowercased; 1 is a byte split looks at more closely
// (an apostrophe, or the first of a multibyte character); 0 is any other
// byte, which ends a word.
var asciiWord = func() (t [256]byte) {
	for c := range 256 {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			t[c] = byte(c)
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		case c == '\'' || c >= utf8.RuneSelf:
			t[c] = 1
		}
	}
	return t
}()

// emit calls fn with word without a possessive "'s", unless nothing is
// left of it.
func emit(word []byte, fn func(word []byte) bool) bool {
	if n := len(word); n >= 2 && word[n-1] == 's' {
		word = bytes.TrimSuffix(bytes.TrimSuffix(word, []byte("'s")), []byte("’s"))
	}
	return len(word) == 0 || fn(word)
}

// form returns the hash (wordHash) of the content form of word w
// (contentForm), or 0 when it has none, remembering it by w's hash: a
// merge's reports use a few ten thousand words, each many times. w may
// be changed.
func (s *scratch) form(w []byte) uint64 {
	h := wordHash(w)
	if f, ok := s.forms[h]; ok {
		return f
	}
	f := uint64(0)
	if c := contentForm(w); c != nil {
		f = wordHash(c)
	}
	if len(s.forms) >= maxForms {
		clear(s.forms)
	}
	s.forms[h] = f
	return f
}

// contentForm returns the form of w that wording compares, stemmed in
// place in w's storage, or nil for a word that says nothing of the
// event: a stop word, a single letter, a number but a counting one
// (countingNumber). The form is w without the endings that make one word
// several ("swapped", "swaps", "swapping": "swap"; "mobilisation",
// "mobilise": "mobilis"), a crude stemmer that is wrong for some words
// but the same for both texts compared.
func contentForm(w []byte) []byte {
	if isNumber(w) {
		if countingNumber(w) {
			return w
		}
		return nil
	}
	if len(w) < 2 || stopWords[string(w)] {
		return nil
	}
	w = stem(w)
	if stopStems[string(w)] {
		return nil
	}
	return w
}

// stopStems are the stems of the stop words ("announces" is a stop word
// as "announced" is).
var stopStems = func() map[string]bool {
	set := map[string]bool{}
	for w := range stopWords {
		set[string(stem([]byte(w)))] = true
	}
	return set
}()

// stem returns w without its ending (see contentForm), in w's storage.
func stem(w []byte) []byte {
	for _, rule := range suffixRules {
		if len(w) >= len(rule.suffix)+rule.keep && string(w[len(w)-len(rule.suffix):]) == rule.suffix {
			w = append(w[:len(w)-len(rule.suffix)], rule.then...)
			break
		}
	}
	if n := len(w); n > 4 && w[n-1] == w[n-2] && w[n-1] != 'l' && w[n-1] != 's' && w[n-1] != 'z' {
		w = w[:n-1] // "stopp" (from "stopped") is "stop"
	}
	if n := len(w); n > 4 && w[n-1] == 'e' {
		w = w[:n-1]
	}
	return w
}

// suffixRules are the endings contentForm takes off, the first that fits
// (with at least keep letters before it), and what it puts instead.
var suffixRules = []struct {
	suffix string
	keep   int
	then   string
}{
	{"ations", 3, ""}, {"ation", 3, ""}, {"ies", 3, "y"}, {"sses", 2, "ss"},
	{"ings", 3, ""}, {"ing", 3, ""}, {"ied", 3, "y"}, {"ed", 3, ""},
	{"ss", 2, "ss"}, {"us", 2, "us"}, {"s", 3, ""},
}

// isNumber reports whether w is digits only.
func isNumber(w []byte) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// contentWords returns the hashes of the content words of a headline
// and of the opening of texts (readOpening), sorted, without repeats.
func contentWords(headline string, texts ...string) []uint64 {
	s := getScratch()
	defer scratchPool.Put(s)
	return s.contentWords(headline, slices.Values(texts))
}

// contentWords is contentWords on the texts of opening, in storage of
// their own.
func (s *scratch) contentWords(headline string, opening iter.Seq[string]) []uint64 {
	words, _ := s.openingWords(headline, opening)
	return words
}

// openingWords returns contentWords of headline and opening, and the
// opening's proper words: the content forms of its words written with
// a capital or a digit first inside a sentence (scratch.proper), the
// names and numbers of what it tells, sorted, without repeats.
func (s *scratch) openingWords(headline string, opening iter.Seq[string]) (words, proper []uint64) {
	s.list, s.properList, s.inOpening, s.read = s.list[:0], s.properList[:0], false, 0
	s.split(headline, func(w []byte) bool { return s.add(s.form(w)) })
	s.inOpening = true
	for text := range opening {
		if keptForms(text, func(f uint64, p bool) { s.proper = p; s.add(f) }) {
			continue
		}
		if !s.split(text, func(w []byte) bool {
			s.read++
			return s.add(s.form(w)) && s.read < openingWords
		}) {
			break
		}
	}
	words, proper = s.list, s.properList
	slices.Sort(words)
	words = slices.Compact(words)
	slices.Sort(proper)
	proper = slices.Compact(proper)
	s.list, s.properList = words[:0], proper[:0]
	return slices.Clone(words), slices.Clone(proper)
}

// add adds content form f, unless 0, to s.list, and to s.properList
// when it is proper and in the opening; it reports true.
func (s *scratch) add(f uint64) bool {
	if f != 0 {
		s.list = append(s.list, f)
		if s.proper && s.inOpening {
			s.properList = append(s.properList, f)
		}
	}
	return true
}

// shingleWidth is the number of words in a shingle: near-duplicate texts
// share most of their runs of this many words, differently worded ones
// few.
const shingleWidth = 3

// shingles returns the hashes of the runs of shingleWidth words of text,
// every word counted, sorted, without repeats.
func shingles(text string) []uint64 {
	s := getScratch()
	defer scratchPool.Put(s)
	return s.shingles(text)
}

// shingles is shingles, in storage of its own.
func (s *scratch) shingles(text string) []uint64 {
	var window [shingleWidth]uint64
	n := 0
	out := s.list[:0]
	s.split(text, func(w []byte) bool {
		copy(window[:], window[1:])
		window[shingleWidth-1] = wordHash(w)
		n++
		if n >= shingleWidth {
			h := uint64(0)
			for _, x := range window {
				h = mix(h ^ x)
			}
			out = append(out, h)
		}
		return true
	})
	slices.Sort(out)
	out = slices.Compact(out)
	s.list = out[:0]
	if len(out) == 0 {
		return nil
	}
	return slices.Clone(out)
}

// mix scrambles x (splitmix64's finaliser).
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// sharedItems returns how many items sorted sets a and b share, or -1
// as soon as the items left cannot bring that to need.
func sharedItems(a, b []uint64, need int) int {
	shared := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		if shared+min(len(a)-i, len(b)-j) < need {
			return -1
		}
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			shared++
			i++
			j++
		}
	}
	return shared
}

// copiedShare returns the Jaccard index |a ∩ b| / |a ∪ b| of sorted sets
// a and b when it reaches copyThreshold, and 0 when it does not: it stops
// as soon as the shingles left cannot reach it, so that the many pairs
// that are no copies cost little.
func copiedShare(a, b []uint64) float64 {
	// jaccard ≥ t when shared ≥ t/(1+t) × (|a| + |b|); need is that
	// rounded down, so that rounding never stops a copy early.
	need := int(copyThreshold / (1 + copyThreshold) * float64(len(a)+len(b)))
	if len(a) == 0 || len(b) == 0 || min(len(a), len(b)) < need {
		return 0
	}
	shared := sharedItems(a, b, need)
	if shared < 0 {
		return 0
	}
	if j := float64(shared) / float64(len(a)+len(b)-shared); j >= copyThreshold {
		return j
	}
	return 0
}

// countingNumber reports whether digits w are a number that tells which
// event a report tells ("$450 million", "23 migrants"): not a year
// (1900-2099), not a day of the month (1-31).
func countingNumber(w []byte) bool {
	n := 0
	for _, c := range w {
		n = n*10 + int(c-'0')
		if n > 1e6 {
			return true
		}
	}
	return n > 31 && (n < 1900 || n > 2099)
}
