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

// checker makes the checks of Merge entry by entry, while the entry is at
// hand, and keeps what the checks that need the chronology in order look
// at: ids used twice, the entries that may tell one event twice, and
// those that may have a contact interval. Each check's problems are kept
// apart, to be reported check by check.
type checker struct {
	people *peopleIndex
	site   *timeline.Site
	// peopleFile and siteFile are where people and the window are set.
	peopleFile, siteFile string

	names, window diag.List
	// ids is the set of ids seen, and idUsedTwice whether one was seen
	// twice.
	ids         map[string]bool
	idUsedTwice bool
	// sameDay and contacts hold, in the order they joined, the entries
	// checkSameEvent and computeContacts look at.
	sameDay, contacts []*timeline.Entry
}

func newChecker(c *content.Content, people *peopleIndex) *checker {
	return &checker{
		people: people, site: &c.Site,
		peopleFile: path.Join(c.Dir, "people.yaml"), siteFile: path.Join(c.Dir, "site.yaml"),
		ids: make(map[string]bool, len(c.Entries)+len(c.Articles)),
	}
}

// entryCheck holds the problems inspect found in one entry.
type entryCheck struct {
	names, window diag.List
}

// inspect resolves the names of e and checks them and its date, fields
// telling where e's fields were written; it returns the problems found,
// or nil. It changes only e, so that entries can be inspected on several
// goroutines at once.
func (ch *checker) inspect(e *timeline.Entry, fields content.Fields) *entryCheck {
	var names, window diag.List
	ch.resolvePeople(e, fields, &names)
	ch.checkWindow(e, fields, &window)
	if names == nil && window == nil {
		return nil
	}
	return &entryCheck{names: names, window: window}
}

// add adds e to the chronology's entries, with what inspect found in it.
// Entries must be added in their order in the chronology before sorting.
func (ch *checker) add(e *timeline.Entry, found *entryCheck) {
	ch.addProblems(found)
	if e.ID != "" {
		n := len(ch.ids)
		ch.ids[e.ID] = true
		ch.idUsedTwice = ch.idUsedTwice || len(ch.ids) == n
	}
	if e.Date.Precision >= timeline.Day && len(e.Participants) > 0 {
		ch.sameDay = append(ch.sameDay, e)
	}
	if e.Kind != "" && timeline.IsContact(e.Kind) && len(e.Participants) == 2 {
		ch.contacts = append(ch.contacts, e)
	}
}

// addProblems keeps what inspect found in an entry; found may be nil.
func (ch *checker) addProblems(found *entryCheck) {
	if found != nil {
		ch.names.Append(found.names)
		ch.window.Append(found.window)
	}
}

// resolvePeople resolves the participants and people of e (see
// peopleIndex.resolveAll), warning about every name no person of
// people.yaml answers to, with the nearest known name when there is one.
// It warns about nothing when there is no people.yaml to check against.
func (ch *checker) resolvePeople(e *timeline.Entry, fields content.Fields, diags *diag.List) {
	for _, field := range [...]string{"participants", "people"} {
		names := &e.Participants
		if field == "people" {
			names = &e.People
		}
		*names = ch.people.resolveAll(*names, func(i int, name string) {
			if len(ch.people.people) == 0 {
				return
			}
			at := fields.At(fmt.Sprintf("%s[%d]", field, i), e.Origin)
			if near := ch.people.nearest(name); near != nil {
				warnAt(diags, at, "%s: %q is not in %s; did you mean %q? (add them to people.yaml if they are new)", field, name, ch.peopleFile, near.Name)
			} else {
				warnAt(diags, at, "%s: %q is not in %s (add them to people.yaml, with the spellings the press uses)", field, name, ch.peopleFile)
			}
		})
	}
}

// checkWindow warns about e when it is dated outside the site's window.
func (ch *checker) checkWindow(e *timeline.Entry, fields content.Fields, diags *diag.List) {
	site := ch.site
	if site.Start.IsZero() && site.End.IsZero() {
		return
	}
	if !e.Date.IsZero() && !site.InWindow(e.Date) {
		warnAt(diags, fields.At("date", e.Origin), "date %s: outside the chronology window %s to %s (want a date within start and end of %s)",
			e.Date, site.Start, site.End, ch.siteFile)
	}
}

// finish makes the checks that need entries, every entry added, in
// chronological order, computes contacts, and appends every problem to
// diags.
func (ch *checker) finish(entries []*timeline.Entry, pos positions, diags *diag.List) {
	var ids, sameDay diag.List
	if ch.idUsedTwice {
		checkIDs(entries, pos, &ids)
	}
	timeline.SortEntries(ch.sameDay)
	checkSameEvent(ch.sameDay, pos, &sameDay)
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
