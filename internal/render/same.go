package render

import (
	"maps"
	"slices"

	"github.com/newsroom/timeline/internal/timeline"
)

// A preview rebuild hashes every entry to find the few that changed
// (keys.go), and hashing reads all of each entry's text: at 10,000
// entries, about 10 MB scattered over the heap. Most entries of a
// rebuild are made from the same extracted article as in the last one,
// and share its strings and lists, so comparing an entry with its
// previous self field by field is much cheaper: two strings that share
// their bytes compare equal without reading them. sameEntry and
// sameArticle compare exactly what writeEntry and articleKey hash, so an
// entry equal to its previous self keeps its previous keys.

// sameEntry reports whether a and b have the same fields, as far as any
// page shows them: every field, and of the entry a Contact points back
// to, its ID, title and dates.
func sameEntry(a, b *timeline.Entry) bool {
	return a.ID == b.ID && a.Date == b.Date && a.End == b.End && a.Title == b.Title &&
		a.TitleDerived == b.TitleDerived && a.Summary == b.Summary && a.Body == b.Body &&
		a.Article == b.Article && slices.Equal(a.Blocks, b.Blocks) &&
		slices.Equal(a.Captions, b.Captions) && a.Kind == b.Kind &&
		slices.Equal(a.Participants, b.Participants) && slices.Equal(a.People, b.People) &&
		slices.Equal(a.Places, b.Places) && slices.Equal(a.Tags, b.Tags) &&
		slices.Equal(a.Sources, b.Sources) && a.Outlet == b.Outlet && a.Note == b.Note &&
		maps.Equal(a.Params, b.Params) && a.Importance == b.Importance && a.Draft == b.Draft &&
		slices.Equal(a.DateEvidence, b.DateEvidence) && slices.Equal(a.EditorSet, b.EditorSet) &&
		a.Origin == b.Origin && sameContact(a.Contact, b.Contact)
}

// sameContact compares two contacts as writeEntry hashes them.
func sameContact(a, b *timeline.Contact) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.With != b.With || a.Days != b.Days || (a.Previous == nil) != (b.Previous == nil) {
		return false
	}
	if a.Previous == nil {
		return true
	}
	p, q := a.Previous, b.Previous
	return p.ID == q.ID && p.Title == q.Title && p.Date == q.Date && p.End == q.End
}

// sameArticle reports whether a and b have the same fields.
func sameArticle(a, b *timeline.Article) bool {
	return a.Path == b.Path && a.ID == b.ID && a.Title == b.Title && a.Outlet == b.Outlet &&
		a.Published == b.Published && slices.Equal(a.Blocks, b.Blocks) &&
		slices.Equal(a.Captions, b.Captions) && a.EntryID == b.EntryID
}

// previousIndex returns the index in prev of the item at index i of a
// new list, found by its id at i, i-1 or i+1 (where one insertion or
// removal before it moves it), or -1.
func previousIndex(n, i int, id func(j int) string, want string) int {
	for _, j := range [3]int{i, i - 1, i + 1} {
		if j >= 0 && j < n && id(j) == want {
			return j
		}
	}
	return -1
}
