package render

import "encoding/json"

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
// SearchEntries). search.js loads them all when the index lists every
// entry, and as a filter needs them on a long, collapsed one; so no file
// of the index grows with the whole chronology.
func SearchIndex(links *Links) ([]byte, error) {
	doc := struct {
		Months []SearchMonth `json:"months"`
	}{Months: []SearchMonth{}}
	for _, m := range links.Months.Terms {
		doc.Months = append(doc.Months, SearchMonth{ID: m.ID, URL: SearchMonthURL(m.ID), Count: len(m.Entries)})
	}
	return marshalJSON(doc)
}

// SearchEntries returns a month's part of the search index:
// {"entries": [...]}, in chronological order, with people and tags by
// their page ids so that the filter's choices match them exactly. Only
// search.js reads it, so it is not indented.
func SearchEntries(month *Term, links *Links) ([]byte, error) {
	doc := struct {
		Entries []SearchEntry `json:"entries"`
	}{Entries: make([]SearchEntry, 0, len(month.Entries))}
	for _, e := range month.Entries {
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
	data, err := json.Marshal(doc)
	return append(data, '\n'), err
}

// truncate cuts s to at most n runes, ending in "…" when cut.
func truncate(s string, n int) string {
	runes := []rune(s)
	if len(runes) <= n {
		return s
	}
	return string(runes[:n-1]) + "…"
}
