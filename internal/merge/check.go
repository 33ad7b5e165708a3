package merge

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/timeline"
)

// positions holds where each field of each entry of the chronology was
// written: editor entries in their own file, annotated fields of article
// entries in the annotation.
type positions map[*timeline.Entry]content.Fields

// at returns where field of e was written, or e's origin.
func (p positions) at(e *timeline.Entry, field string) timeline.Position {
	return p[e].At(field, e.Origin)
}

func addAt(diags *diag.List, pos timeline.Position, format string, args ...any) {
	diags.Add(pos.Path, pos.Line, pos.Col, format, args...)
}

func warnAt(diags *diag.List, pos timeline.Position, format string, args ...any) {
	diags.Warn(pos.Path, pos.Line, pos.Col, format, args...)
}

// checker makes the checks of Merge as each entry joins the chronology,
// while the entry is at hand, and keeps what the checks that need the
// chronology in order look at: ids used twice, the entries that may tell
// one event twice, and those that may have a contact interval. Each
// check's problems are kept apart, to be reported check by check.
type checker struct {
	people *peopleIndex
	site   *timeline.Site
	pos    positions
	// peopleFile and siteFile are where people and the window are set.
	peopleFile, siteFile string

	names, window diag.List
	ids           map[string]bool
	// idUsedTwice tells whether an id is in ids twice.
	idUsedTwice bool
	// sameDay and contacts hold, in the order they joined, the entries
	// checkSameEvent and computeContacts look at.
	sameDay, contacts []*timeline.Entry
}

func newChecker(c *content.Content, people *peopleIndex, pos positions, size int) *checker {
	return &checker{
		people: people, site: &c.Site, pos: pos,
		peopleFile: path.Join(c.Dir, "people.yaml"), siteFile: path.Join(c.Dir, "site.yaml"),
		ids: make(map[string]bool, size),
	}
}

// add resolves the names of e, an entry joining the chronology, and checks
// them and its date.
func (ch *checker) add(e *timeline.Entry) {
	ch.resolvePeople(e)
	ch.checkWindow(e)
	if e.ID != "" {
		ch.idUsedTwice = ch.idUsedTwice || ch.ids[e.ID]
		ch.ids[e.ID] = true
	}
	if e.Date.Precision >= timeline.Day && len(e.Participants) > 0 {
		ch.sameDay = append(ch.sameDay, e)
	}
	if e.Kind != "" && ContactKinds[e.Kind] && len(e.Participants) == 2 {
		ch.contacts = append(ch.contacts, e)
	}
}

// resolvePeople resolves the participants and people of e (see
// peopleIndex.resolveAll), warning about every name no person of
// people.yaml answers to, with the nearest known name when there is one.
// It warns about nothing when there is no people.yaml to check against.
func (ch *checker) resolvePeople(e *timeline.Entry) {
	for _, field := range [...]string{"participants", "people"} {
		names := &e.Participants
		if field == "people" {
			names = &e.People
		}
		*names = ch.people.resolveAll(*names, func(i int, name string) {
			if len(ch.people.people) == 0 {
				return
			}
			at := ch.pos.at(e, fmt.Sprintf("%s[%d]", field, i))
			if near := ch.people.nearest(name); near != nil {
				warnAt(&ch.names, at, "%s: %q is not in %s; did you mean %q? (add them to people.yaml if they are new)", field, name, ch.peopleFile, near.Name)
			} else {
				warnAt(&ch.names, at, "%s: %q is not in %s (add them to people.yaml, with the spellings the press uses)", field, name, ch.peopleFile)
			}
		})
	}
}

// checkWindow warns about e when it is dated outside the site's window.
func (ch *checker) checkWindow(e *timeline.Entry) {
	site := ch.site
	if site.Start.IsZero() && site.End.IsZero() {
		return
	}
	if !e.Date.IsZero() && !site.InWindow(e.Date) {
		warnAt(&ch.window, ch.pos.at(e, "date"), "date %s: outside the chronology window %s to %s (want a date within start and end of %s)",
			e.Date, site.Start, site.End, ch.siteFile)
	}
}

// finish makes the checks that need entries, every entry added, in
// chronological order, computes contacts, and appends every problem to
// diags.
func (ch *checker) finish(entries []*timeline.Entry, diags *diag.List) {
	var ids, sameDay diag.List
	if ch.idUsedTwice {
		checkIDs(entries, ch.pos, &ids)
	}
	timeline.SortEntries(ch.sameDay)
	checkSameEvent(ch.sameDay, ch.pos, &sameDay)
	timeline.SortEntries(ch.contacts)
	computeContacts(ch.contacts)
	for _, l := range []diag.List{ch.names, ch.window, ids, sameDay} {
		diags.Append(l)
	}
}

// checkIDs reports ids used by two entries, at both positions.
func checkIDs(entries []*timeline.Entry, pos positions, diags *diag.List) {
	first := make(map[string]*timeline.Entry, len(entries))
	for _, e := range entries {
		if e.ID == "" {
			continue
		}
		prev, dup := first[e.ID]
		if !dup {
			first[e.ID] = e
			continue
		}
		here, there := pos.at(e, "id"), pos.at(prev, "id")
		addAt(diags, here, "id %q: already used at %s (want a unique id)", e.ID, there)
		addAt(diags, there, "id %q: also used at %s (want a unique id)", e.ID, here)
	}
}

// sameEventKey is what two entries telling one event share: the day and
// the sorted participants, joined by "|".
type sameEventKey struct {
	year, month, day int
	participants     string
}

// checkSameEvent warns, at both entries, about two entries on the same
// day with the same participants: likely one event told twice.
func checkSameEvent(entries []*timeline.Entry, pos positions, diags *diag.List) {
	seen := map[sameEventKey]*timeline.Entry{}
	for _, e := range entries {
		if e.Date.Precision < timeline.Day || len(e.Participants) == 0 {
			continue
		}
		names := slices.Clone(e.Participants)
		slices.Sort(names)
		key := sameEventKey{e.Date.Year, e.Date.Month, e.Date.Day, strings.Join(names, "|")}
		prev := seen[key]
		if prev == nil {
			seen[key] = e
			continue
		}
		here, there := pos.at(e, "participants"), pos.at(prev, "participants")
		const format = "participants: same day and participants as %q at %s, likely the same event (want one entry citing every source)"
		warnAt(diags, here, format, prev.ID, there)
		warnAt(diags, there, format, e.ID, here)
	}
}
