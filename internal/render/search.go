package render

import (
	"github.com/newsroom/timeline/internal/timeline"
)

// SearchEntry is one entry of search.json, the index that search.js
// filters the index page with. Keys are short to keep the file small.
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

// searchSummaryLimit is the most runes of a summary kept in search.json.
const searchSummaryLimit = 200

// SearchIndex returns search.json: {"entries": [...]}, in chronological
// order, with people and tags by their page ids so that the filter's
// choices match them exactly.
func SearchIndex(chron *timeline.Chronology, links *Links) ([]byte, error) {
	doc := struct {
		Entries []SearchEntry `json:"entries"`
	}{Entries: []SearchEntry{}}
	for _, e := range chron.Entries {
		s := SearchEntry{ID: e.ID, URL: EntryURL(e.ID), Title: e.Title, Date: e.Date.Human(), Summary: truncate(Lede(e), searchSummaryLimit)}
		for _, name := range entryPeople(e) {
			s.People = append(s.People, links.personTerm(name).ID)
		}
		for _, tag := range e.Tags {
			if t := links.Tags.byKey[nameKey(tag)]; t != nil {
				s.Tags = append(s.Tags, t.ID)
			}
		}
		if ph := links.PhaseOf(e); ph != nil {
			s.Phase = ph.ID
		}
		doc.Entries = append(doc.Entries, s)
	}
	return marshalJSON(doc)
}

// truncate cuts s to at most n runes, ending in "…" when cut.
func truncate(s string, n int) string {
	runes := []rune(s)
	if len(runes) <= n {
		return s
	}
	return string(runes[:n-1]) + "…"
}
