package render

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsroom/timeline/internal/parallel"
	"github.com/newsroom/timeline/internal/timeline"
)

// Term is one page of a taxonomy — a person, a tag, a month or a phase —
// with the entries filed under it, in chronological order.
type Term struct {
	ID          string
	Name        string
	URL         string
	Description string
	Entries     []*timeline.Entry
	// Person is the people.yaml record of a person; nil for names the
	// chronology uses without one.
	Person *timeline.Person
	// SpokeWith lists, for a person, whom they spoke with in calls and
	// meetings, each with those entries.
	SpokeWith []*Term
	// Phase is the site's phase of a phase term; nil for "Other events".
	Phase *timeline.Phase
}

// Taxonomy is one way of filing entries (people, tags, months, phases),
// with its terms in reading order.
type Taxonomy struct {
	// ID is the folder of the taxonomy's pages: "people", "tags",
	// "months" or "phases".
	ID string
	// Name is the heading of its index page: "People".
	Name  string
	Terms []*Term
	byKey map[string]*Term
}

// Links are the chronology's taxonomies, and the lookups that templates
// use to link a name, tag or date to its page: {{$.Links.Person .}}.
type Links struct {
	People, Tags, Months, Phases *Taxonomy
	phaseOf                      map[*timeline.Entry]*Term
	// peopleOf holds PeopleOf of every entry of the chronology.
	peopleOf map[*timeline.Entry][]*Term
	// filed is true once NewLinks has filed every entry: the lookups
	// then only read, so that pages may render concurrently.
	filed bool
}

// NewLinks files every entry of chron under its people, tags, month and
// phase. People are matched to people.yaml by canonical name or alias.
func NewLinks(chron *timeline.Chronology) *Links {
	l := &Links{
		People:   &Taxonomy{ID: "people", Name: "People", byKey: map[string]*Term{}},
		Tags:     &Taxonomy{ID: "tags", Name: "Tags", byKey: map[string]*Term{}},
		Months:   &Taxonomy{ID: "months", Name: "Months", byKey: map[string]*Term{}},
		Phases:   &Taxonomy{ID: "phases", Name: "Phases", byKey: map[string]*Term{}},
		phaseOf:  map[*timeline.Entry]*Term{},
		peopleOf: map[*timeline.Entry][]*Term{},
	}
	l.addPeople(chron.People)
	for i := range chron.Site.Phases {
		ph := &chron.Site.Phases[i]
		l.Phases.add(ph.ID, &Term{ID: ph.ID, Name: ph.Name, URL: PhaseURL(ph.ID), Description: ph.Description, Phase: ph})
	}
	// What filing an entry needs of the entry alone is worked out first,
	// on every core; filing is then a matter of lookups, in order.
	filings := make([]filing, len(chron.Entries))
	parallel.For(0, len(chron.Entries), func(i int) {
		filings[i] = fileEntry(&chron.Site, chron.Entries[i])
	})
	filed := map[*Term]bool{}
	for i, e := range chron.Entries {
		l.file(e, &filings[i], filed)
	}
	for _, t := range l.People.Terms {
		t.SpokeWith = l.spokeWith(t)
	}
	l.filed = true
	sortTerms(l.People.Terms)
	sortTerms(l.Tags.Terms)
	return l
}

// addPeople makes a term for each person, found by any of their names.
func (l *Links) addPeople(people []timeline.Person) {
	for i := range people {
		p := &people[i]
		id := p.ID
		if id == "" {
			id = Slug(p.Name)
		}
		t := &Term{ID: id, Name: p.Name, URL: PersonURL(id), Person: p}
		for _, name := range append([]string{p.Name, p.ID}, p.Aliases...) {
			if k := nameKey(name); k != "" && l.People.byKey[k] == nil {
				l.People.byKey[k] = t
			}
		}
	}
}

// fileEntry works out what e is filed under, as far as e alone tells.
func fileEntry(site *timeline.Site, e *timeline.Entry) filing {
	var f filing
	f.people, f.peopleKeys = entryPeopleKeys(e)
	f.tagKeys = make([]string, len(e.Tags))
	for j, tag := range e.Tags {
		f.tagKeys[j] = nameKey(tag)
	}
	f.month, f.monthName = monthOf(e.Date)
	f.phase = phaseFor(site, e.Date)
	return f
}

// file files e under its people, tags, month and phase, in the order of
// the chronology; filed holds the people already listed.
func (l *Links) file(e *timeline.Entry, f *filing, filed map[*Term]bool) {
	var terms []*Term
	for j, name := range f.people {
		if t := l.personTermOf(name, f.peopleKeys[j]); !containsTerm(terms, t) {
			terms = append(terms, t)
		}
	}
	l.peopleOf[e] = terms
	for _, t := range terms {
		if !filed[t] {
			filed[t] = true
			l.People.Terms = append(l.People.Terms, t)
		}
		t.Entries = append(t.Entries, e)
	}
	for j, tag := range e.Tags {
		t := l.Tags.byKey[f.tagKeys[j]]
		if t == nil {
			id := Slug(tag)
			t = &Term{ID: id, Name: tag, URL: TagURL(id)}
			l.Tags.add(tag, t)
		}
		t.Entries = append(t.Entries, e)
	}
	m := l.Months.byKey[f.month]
	if m == nil {
		m = &Term{ID: f.month, Name: f.monthName, URL: MonthURL(f.month)}
		l.Months.add(f.month, m)
	}
	m.Entries = append(m.Entries, e)
	ph := l.phaseTerm(f.phase)
	ph.Entries = append(ph.Entries, e)
	l.phaseOf[e] = ph
}

// filing is what NewLinks files an entry under, as far as the entry
// alone tells: its people's names and their name keys, its tags' keys,
// its month and phase.
type filing struct {
	people, peopleKeys []string
	tagKeys            []string
	month, monthName   string
	phase              *timeline.Phase
}

func (tx *Taxonomy) add(key string, t *Term) {
	tx.byKey[nameKey(key)] = t
	tx.byKey[key] = t
	tx.Terms = append(tx.Terms, t)
}

// personTerm returns the term of a person named name, making one for a
// name that people.yaml does not know (kept only while NewLinks files
// the entries).
func (l *Links) personTerm(name string) *Term { return l.personTermOf(name, nameKey(name)) }

// personTermOf is personTerm, with key the nameKey of name.
func (l *Links) personTermOf(name, key string) *Term {
	if t := l.People.byKey[key]; t != nil {
		return t
	}
	id := Slug(name)
	t := &Term{ID: id, Name: name, URL: PersonURL(id)}
	if !l.filed {
		l.People.byKey[key] = t
	}
	return t
}

// phaseTerm returns the term of phase ph, or of "Other events" for nil.
func (l *Links) phaseTerm(ph *timeline.Phase) *Term {
	if ph != nil {
		return l.Phases.byKey[ph.ID]
	}
	t := l.Phases.byKey[OtherPhaseID]
	if t == nil {
		t = &Term{ID: OtherPhaseID, Name: "Other events", URL: PhaseURL(OtherPhaseID)}
		l.Phases.add(OtherPhaseID, t)
	}
	return t
}

// phaseFor returns the phase that holds d, placing a month- or year-only
// date by its first day, so that "March 2022" belongs to a phase that
// starts on 1 March.
func phaseFor(site *timeline.Site, d timeline.Date) *timeline.Phase {
	if ph := site.PhaseOf(d); ph != nil || d.Precision >= timeline.Day || d.IsZero() {
		return ph
	}
	return site.PhaseOf(timeline.DayOf(d.Year, max(d.Month, 1), 1))
}

// OtherPhaseID is the id of the section holding entries outside every
// phase of the site.
const OtherPhaseID = "other"

// spokeWith lists the people person took part in calls and meetings with.
func (l *Links) spokeWith(person *Term) []*Term {
	var others []*Term
	byID := map[string]*Term{}
	for _, e := range person.Entries {
		if !timeline.IsContact(e.Kind) || !l.hasParticipant(e, person) {
			continue
		}
		for _, name := range e.Participants {
			other := l.personTerm(name)
			if other == person {
				continue
			}
			t := byID[other.ID]
			if t == nil {
				t = &Term{ID: other.ID, Name: other.Name, URL: other.URL}
				byID[other.ID] = t
				others = append(others, t)
			}
			t.Entries = append(t.Entries, e)
		}
	}
	sortTerms(others)
	return others
}

func (l *Links) hasParticipant(e *timeline.Entry, person *Term) bool {
	for _, name := range e.Participants {
		if l.personTerm(name) == person {
			return true
		}
	}
	return false
}

// Person returns the site-relative URL of the page of the person named
// name (canonical name or alias).
func (l *Links) Person(name string) string { return l.personTerm(name).URL }

// Tag returns the site-relative URL of a tag's page.
func (l *Links) Tag(tag string) string {
	if t := l.Tags.byKey[nameKey(tag)]; t != nil {
		return t.URL
	}
	return TagURL(Slug(tag))
}

// Month returns the site-relative URL of the archive of d's month.
func (l *Links) Month(d timeline.Date) string {
	id, _ := monthOf(d)
	return MonthURL(id)
}

// PeopleOf returns the people of an entry, participants first, each
// once, as the terms of their pages.
func (l *Links) PeopleOf(e *timeline.Entry) []*Term {
	if terms, ok := l.peopleOf[e]; ok {
		return terms
	}
	return l.entryTerms(e)
}

// entryTerms returns the terms of e's people, participants first, each
// once.
func (l *Links) entryTerms(e *timeline.Entry) []*Term {
	var terms []*Term
	for _, name := range entryPeople(e) {
		t := l.personTerm(name)
		if !containsTerm(terms, t) {
			terms = append(terms, t)
		}
	}
	return terms
}

func containsTerm(terms []*Term, t *Term) bool {
	for _, x := range terms {
		if x == t {
			return true
		}
	}
	return false
}

// MonthName returns the heading of d's month: "February 2022".
func (l *Links) MonthName(d timeline.Date) string {
	_, name := monthOf(d)
	return name
}

// PhaseOf returns the phase term an entry is filed under.
func (l *Links) PhaseOf(e *timeline.Entry) *Term { return l.phaseOf[e] }

// Taxonomies returns the taxonomies in the order of the site's menu.
func (l *Links) Taxonomies() []*Taxonomy {
	return []*Taxonomy{l.Phases, l.Months, l.People, l.Tags}
}

// entryPeople returns the participants and the people of e, without
// repeats.
func entryPeople(e *timeline.Entry) []string {
	names, _ := entryPeopleKeys(e)
	return names
}

// entryPeopleKeys returns entryPeople(e) and the nameKey of each.
func entryPeopleKeys(e *timeline.Entry) (names, keys []string) {
	names = make([]string, 0, len(e.Participants)+len(e.People))
	keys = make([]string, 0, cap(names))
	for _, list := range [][]string{e.Participants, e.People} {
		for _, n := range list {
			if k := nameKey(n); k != "" && !slices.Contains(keys, k) {
				keys = append(keys, k)
				names = append(names, n)
			}
		}
	}
	return names, keys
}

// nameKey folds a name for matching: lowercase letters and digits, single
// spaces.
func nameKey(name string) string {
	var buf [64]byte
	key := buf[:0]
	space := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= utf8.RuneSelf || len(key) == len(buf):
			return foldName(name)
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			space = len(key) > 0
			continue
		}
		if space {
			key = append(key, ' ')
			space = false
		}
		key = append(key, c)
	}
	return string(key)
}

// foldName is nameKey for any text: letters and digits of every script.
func foldName(name string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

func sortTerms(terms []*Term) {
	sort.SliceStable(terms, func(i, j int) bool {
		return strings.ToLower(terms[i].Name) < strings.ToLower(terms[j].Name)
	})
}
