package render

import (
	"encoding/hex"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/newsroom/timeline/internal/timeline"
)

// The search index is split so that a query fetches only what it needs:
//
//	search.json            {"n": entries, "chunk": entries per doc file, "words": [word shard keys]}
//	search/w/KEY.json      {"word": postings, ...}: the words of titles and summaries starting with KEY
//	search/p/ID.json       postings of a person; search/g/ID.json of a tag; search/ph/ID.json of a phase
//	search/d/K.json        [[id, title, date], ...]: entries K*chunk to (K+1)*chunk-1, to list results
//
// An entry is its number in the chronology's order; postings list those
// numbers in ascending order as differences from the one before, which
// keeps them short. KEY is the hexadecimal UTF-8 of a word's first two
// letters (searchShardRunes), so a typed prefix of two letters or more
// names the one shard to fetch.

// Search index sizes.
const (
	// searchChunk is the number of entries of a doc file.
	searchChunk = 25
	// searchShardRunes is the length of the prefix that names a shard.
	searchShardRunes = 2
)

// searchWords returns the words of text, lower-cased, as search.js
// splits a query: runs of letters and digits of two or more runes.
func searchWords(text string) []string {
	var words []string
	scanSearchWords(nil, text, func(w []byte) { words = append(words, string(w)) })
	return words
}

// scanSearchWords calls word with each word of text (searchWords), made
// in buf, which it returns for the next call; the bytes are valid until
// word returns.
func scanSearchWords(buf []byte, text string, word func([]byte)) []byte {
	buf, runes := buf[:0], 0
	for _, r := range text {
		if r < utf8.RuneSelf { // ASCII: the same as below, without the tables
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
				buf, runes = append(buf, byte(r)), runes+1
				continue
			}
		} else if r = unicode.ToLower(r); unicode.IsLetter(r) || unicode.IsNumber(r) {
			buf, runes = utf8.AppendRune(buf, r), runes+1
			continue
		}
		if runes >= searchShardRunes {
			word(buf)
		}
		buf, runes = buf[:0], 0
	}
	if runes >= searchShardRunes {
		word(buf)
	}
	return buf
}

// shardKey returns the key of the shard holding word: the hexadecimal
// UTF-8 of its first searchShardRunes runes.
func shardKey(word string) string {
	end := 0
	for i := 0; i < searchShardRunes && end < len(word); i++ {
		_, size := utf8.DecodeRuneInString(word[end:])
		end += size
	}
	return hex.EncodeToString([]byte(word[:end]))
}

// searchShardURL is the site-relative URL of a word shard.
func searchShardURL(key string) string { return "search/w/" + key + ".json" }

// appendOnce appends n to list unless it is already its last number.
func appendOnce(list []int, n int) []int {
	if len(list) > 0 && list[len(list)-1] == n {
		return list
	}
	return append(list, n)
}

// deltas turns ascending numbers into their differences, in place.
func deltas(list []int) []int {
	for i := len(list) - 1; i > 0; i-- {
		list[i] -= list[i-1]
	}
	return list
}

// searchIDs finds the page ids of entries' people and tags for the
// search index, remembering each name's, which entries repeat: folding
// a name (nameKey) costs more than the rest of an entry.
type searchIDs struct {
	links  *Links
	people map[string]personName
	tags   map[string]*Term
}

// personName is a name as entryPeople and Links.personTerm see it.
type personName struct {
	key string
	id  string
}

// peopleOf appends the ids of the people of e, in the order of
// entryPeople (participants first, names repeated under another spelling
// left out), to ids.
func (s *searchIDs) peopleOf(ids []string, e *timeline.Entry) []string {
	var keys [8]string
	seen := keys[:0]
	for _, list := range [2][]string{e.Participants, e.People} {
		for _, name := range list {
			p, ok := s.people[name]
			if !ok {
				p = personName{key: nameKey(name)}
				if p.key != "" {
					p.id = s.links.personTerm(name).ID
				}
				s.people[name] = p
			}
			if p.key == "" || slices.Contains(seen, p.key) {
				continue
			}
			seen = append(seen, p.key)
			ids = append(ids, p.id)
		}
	}
	return ids
}

// tagsOf appends the ids of the tags of e that have a page to ids.
func (s *searchIDs) tagsOf(ids []string, e *timeline.Entry) []string {
	for _, tag := range e.Tags {
		t, ok := s.tags[tag]
		if !ok {
			t = s.links.Tags.byKey[nameKey(tag)]
			s.tags[tag] = t
		}
		if t != nil {
			ids = append(ids, t.ID)
		}
	}
	return ids
}

// truncate cuts s to at most n runes, ending in "…" when cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string(appendTruncated(nil, s, n))
}

// appendTruncated appends truncate(s, n) to dst. A cut string is written
// rune by rune, so that invalid UTF-8 in it turns into U+FFFD as it
// would through []rune.
func appendTruncated(dst []byte, s string, n int) []byte {
	if utf8.RuneCountInString(s) <= n {
		return append(dst, s...)
	}
	kept := 0
	for _, r := range s {
		if kept == n-1 {
			break
		}
		dst = utf8.AppendRune(dst, r)
		kept++
	}
	return append(dst, "…"...)
}
