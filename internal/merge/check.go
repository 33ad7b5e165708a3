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

// checkPeople warns about every name in participants and people that no
// person of people.yaml answers to, suggesting the nearest known name.
// It says nothing when there is no people.yaml to check against.
func checkPeople(entries []*timeline.Entry, idx *peopleIndex, pos positions, dir string, diags *diag.List) {
	if len(idx.people) == 0 {
		return
	}
	keys := make([]string, 0, len(idx.byKey))
	for k := range idx.byKey {
		keys = append(keys, k)
	}
	nearest := map[string]string{} // by name key: the nearest known key, or ""
	for _, e := range entries {
		for _, field := range []string{"participants", "people"} {
			list := e.Participants
			if field == "people" {
				list = e.People
			}
			for i, name := range list {
				if idx.Lookup(name) != nil {
					continue
				}
				at := pos.at(e, fmt.Sprintf("%s[%d]", field, i))
				key := nameKey(name)
				near, ok := nearest[key]
				if !ok {
					near = content.NearestWithin(key, keys, len(key)/4)
					nearest[key] = near
				}
				if near != "" {
					warnAt(diags, at, "%s: %q is not in %s; did you mean %q? (add them to people.yaml if they are new)", field, name, path.Join(dir, "people.yaml"), idx.byKey[near].Name)
				} else {
					warnAt(diags, at, "%s: %q is not in %s (add them to people.yaml, with the spellings the press uses)", field, name, path.Join(dir, "people.yaml"))
				}
			}
		}
	}
}

// checkWindow warns about entries dated outside the site's window.
func checkWindow(entries []*timeline.Entry, site timeline.Site, pos positions, dir string, diags *diag.List) {
	if site.Start.IsZero() && site.End.IsZero() {
		return
	}
	for _, e := range entries {
		if !e.Date.IsZero() && !site.InWindow(e.Date) {
			warnAt(diags, pos.at(e, "date"), "date %s: outside the chronology window %s to %s (want a date within start and end of %s)",
				e.Date, site.Start, site.End, path.Join(dir, "site.yaml"))
		}
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
