package render

import (
	"slices"
	"unicode/utf8"

	"github.com/newsroom/timeline/internal/timeline"
)

// SearchEntry is one entry of the search index, which search.js filters
// the index page with. Keys are short to keep the file small.
type SearchEntry struct {
	ID      string   `json:"id"`
	URL     string   `json:"u"`
	Title   string   `json:"t"`
	Date    string   `json:"d"`
	Summary string   `json:"s,omitempty"`
	People  []string `json:"p,omitempty"`
	Tags    []string `json:"g,omitempty"`
	Phase   string   `json:"ph,omitempty"`
}

// searchSummaryLimit is the most runes of a summary kept in the search
// index.
const searchSummaryLimit = 200

// SearchMonth is one month of the search index in search.json: the file
// holding its entries, relative to the site's root, and their number.
type SearchMonth struct {
	ID    string `json:"id"`
	URL   string `json:"u"`
	Count int    `json:"n"`
}

// SearchMonthURL is the site-relative URL of a month's part of the
// search index ("search/2022-02.json").
func SearchMonthURL(monthID string) string { return "search/" + monthID + ".json" }

// SearchIndex returns search.json: {"months": [...]}, the months of the
// chronology in order, each naming the file that lists its entries (see
// SearchEntries); indented as json.MarshalIndent would. search.js loads
// them all when the index lists every entry, and as a filter needs them
// on a long, collapsed one; so no file of the index grows with the whole
// chronology.
func SearchIndex(links *Links) ([]byte, error) {
	w := newJSONWriter(64*len(links.Months.Terms)+32, false)
	w.beginObject()
	w.key("months")
	w.beginArray()
	for _, m := range links.Months.Terms {
		w.beginObject()
		w.field("id", m.ID)
		w.field("u", SearchMonthURL(m.ID))
		w.key("n")
		w.int(len(m.Entries))
		w.end()
	}
	w.end()
	w.end()
	return w.bytes(), nil
}

// SearchEntries returns a month's part of the search index:
// {"entries": [...]}, in chronological order, each a SearchEntry with
// people and tags by their page ids so that the filter's choices match
// them exactly. Only search.js reads it, so it is not indented.
func SearchEntries(month *Term, links *Links) ([]byte, error) {
	size := 32
	for _, e := range month.Entries {
		size += 2*len(e.ID) + len(e.Title) + min(ledeSize(e), 4*searchSummaryLimit) + 160
	}
	w := newJSONWriter(size, true)
	ids := searchIDs{links: links, people: map[string]personName{}, tags: map[string]*Term{}}
	human := dateMemo[string]{format: timeline.Date.Human}
	var text []byte
	var people, tags []string
	w.beginObject()
	w.key("entries")
	w.beginArray()
	for _, e := range month.Entries {
		w.beginObject()
		w.field("id", e.ID)
		w.key("u")
		text = appendEntryURL(text[:0], e.ID)
		w.stringBytes(text)
		w.field("t", e.Title)
		w.field("d", human.of(e.Date))
		if lede := Lede(e); lede != "" {
			w.key("s")
			text = appendTruncated(text[:0], lede, searchSummaryLimit)
			w.stringBytes(text)
		}
		if people = ids.peopleOf(people[:0], e); len(people) > 0 {
			w.key("p")
			w.strings(people)
		}
		if tags = ids.tagsOf(tags[:0], e); len(tags) > 0 {
			w.key("g")
			w.strings(tags)
		}
		if ph := links.PhaseOf(e); ph != nil {
			w.fieldOmitEmpty("ph", ph.ID)
		}
		w.end()
	}
	w.end()
	w.end()
	return w.bytes(), nil
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
