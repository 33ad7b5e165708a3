// Package timeline is the domain of the generator: dated entries, the
// people they involve, the site that frames them, and the chronology that
// orders them.
//
// The pipeline's stages hand these types on: content loading produces
// Entries from editors' YAML, extraction produces Entries from articles,
// merging builds a Chronology, and rendering reads it.
package timeline

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Position is a place in a content file, relative to the content folder's
// parent ("content/entries/calls.yaml"). Line and Col are 1-based; zero
// means unknown.
type Position struct {
	Path string
	Line int
	Col  int
}

// Evidence is the text a date was read from: the matched text, its byte
// offset in the source file, and the rule that chose it.
type Evidence struct {
	Text   string `json:"text"`
	Offset int    `json:"offset"`
	Rule   string `json:"rule"`
}

// BlockKind tells a paragraph from a sub-heading in an article body.
type BlockKind int

const (
	// Paragraph is a body paragraph.
	Paragraph BlockKind = iota
	// Heading is a sub-heading inside the body.
	Heading
)

// Block is one paragraph or sub-heading of an extracted article, in plain
// text, with its byte offset in the source file.
type Block struct {
	Kind   BlockKind
	Text   string
	Offset int
}

// Source is where an entry's information comes from: an article file in
// content/articles/ (Article set), or an external publication.
type Source struct {
	Title     string
	Outlet    string
	URL       string
	Published Date
	// Article is the content-relative path of an article file, e.g.
	// "articles/002_58abd7e94c42ac02.txt"; empty for external sources.
	Article string
	// Copy is true when the article's text is that of an earlier source
	// of the entry (wire copy): the outlet also published it.
	Copy bool
}

// Contact is the computed interval between a call or meeting and the
// previous one between the same two participants.
type Contact struct {
	With     [2]string
	Days     int
	Previous *Entry
}

// Entry is one dated event of the chronology.
type Entry struct {
	// ID is the stable slug that names the entry's page; it never changes
	// when the title does.
	ID    string
	Date  Date
	End   Date
	Title string
	// TitleDerived is true when the title was derived from the text
	// because the article had no headline.
	TitleDerived bool
	// Summary and Body are Markdown written by editors. Extracted articles
	// carry their text in Blocks instead and leave Body empty.
	Summary string
	Body    string
	// Article is the content-relative path of the extracted article whose
	// text is this entry's body ("articles/x.txt"); empty for editors'
	// entries. When Blocks and Captions are nil for such an entry, the
	// renderer fetches them from the article when it renders the page, so
	// a large chronology need not hold every body at once.
	Article string
	Blocks  []Block
	// Captions are photo and video captions separated from the body.
	Captions     []string
	Kind         string
	Participants []string
	People       []string
	Places       []string
	Tags         []string
	Sources      []Source
	Outlet       string
	// Note is the editor's annotation, shown apart from the source's words.
	Note string
	// Params are the front-matter keys of a Markdown article that mean
	// nothing here, kept as Hugo keeps them, by key; lists are joined
	// with ", ".
	Params     map[string]string
	Importance int
	Draft      bool
	// DateEvidence records why the entry has its date.
	DateEvidence []Evidence
	// EditorSet lists the fields an editor's annotation set over what
	// extraction found ("date", "title", ...).
	EditorSet []string
	// Origin is where the entry was defined.
	Origin Position
	// Contact is computed by the merge stage for calls and meetings.
	Contact *Contact
}

// SetByEditor reports whether an annotation set the named field.
func (e *Entry) SetByEditor(field string) bool {
	for _, f := range e.EditorSet {
		if f == field {
			return true
		}
	}
	return false
}

// Reports returns how many of the entry's sources are article files:
// the reports merged into it.
func (e *Entry) Reports() int {
	n := 0
	for _, s := range e.Sources {
		if s.Article != "" {
			n++
		}
	}
	return n
}

// SourcePaths returns the paths, relative to the content folder dir, of
// the files the entry came from: its own file and every cited article,
// without repeats, in order; nil when there are none.
func (e *Entry) SourcePaths(dir string) []string { return e.AppendSourcePaths(nil, dir) }

// AppendSourcePaths appends SourcePaths(dir) to paths and returns the
// extended slice, so that a caller listing many entries can reuse one.
func (e *Entry) AppendSourcePaths(paths []string, dir string) []string {
	start := len(paths)
	add := func(p string) {
		if p != "" && !slices.Contains(paths[start:], p) {
			paths = append(paths, p)
		}
	}
	origin := e.Origin.Path
	if rest, ok := strings.CutPrefix(origin, dir); ok && strings.HasPrefix(rest, "/") {
		origin = rest[1:]
	}
	add(origin)
	for _, s := range e.Sources {
		add(s.Article)
	}
	return paths
}

// SortEntries orders entries chronologically (see Date.Compare), then by
// ID, so the order never depends on input order. Entries equal in both
// keep their order.
func SortEntries(entries []*Entry) {
	// Entries are sorted by date first, on keys without pointers that
	// compare as numbers, then each run of entries on one date by ID.
	keys := make([]dateKey, len(entries))
	ids := make([]string, len(entries))
	for i, e := range entries {
		date, ok := packDate(e.Date)
		if !ok {
			sort.SliceStable(entries, func(i, j int) bool { return compareEntries(entries[i], entries[j]) < 0 })
			return
		}
		keys[i] = dateKey{date: date, index: i}
		if e.Date.Precision == Minute {
			keys[i].instant = e.Date.Time().Unix()
		}
		ids[i] = e.ID
	}
	slices.SortFunc(keys, compareDateKeys)
	for start := 0; start < len(keys); {
		end := start + 1
		for end < len(keys) && keys[end].date == keys[start].date && keys[end].instant == keys[start].instant {
			end++
		}
		if end-start > 1 {
			slices.SortFunc(keys[start:end], func(a, b dateKey) int {
				if c := strings.Compare(ids[a.index], ids[b.index]); c != 0 {
					return c
				}
				return cmp.Compare(a.index, b.index)
			})
		}
		start = end
	}
	sorted := make([]*Entry, len(entries))
	for i, k := range keys {
		sorted[i] = entries[k.index]
	}
	copy(entries, sorted)
}

// compareEntries orders two entries as SortEntries does, but for their
// input order, which a stable sort keeps.
func compareEntries(a, b *Entry) int {
	if c := a.Date.Compare(b.Date); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// dateKey is what SortEntries orders an entry by first, worked out once.
type dateKey struct {
	// date packs the parts of the entry's date that Date.Compare
	// compares first (packDate).
	date uint64
	// instant is the Unix time of a Minute-precision date, else 0: what
	// orders two of them on the same day.
	instant int64
	// index is the entry's place in the input.
	index int
}

// packDate packs year, month, day and precision into one number that
// orders dates as Date.Compare does but for the instants of two
// Minute-precision dates on the same day. It reports false for a date
// whose fields are out of their ranges, which cannot be packed.
func packDate(d Date) (uint64, bool) {
	if d.Year < 0 || d.Year >= 1<<40 || d.Month < 0 || d.Month > 15 || d.Day < 0 || d.Day > 63 || d.Precision < Unknown || d.Precision > 15 {
		return 0, false
	}
	return uint64(d.Year)<<16 | uint64(d.Month)<<12 | uint64(d.Day)<<4 | uint64(d.Precision), true
}

// compareDateKeys orders keys by date, then instant, then input order.
func compareDateKeys(a, b dateKey) int {
	switch {
	case a.date != b.date:
		return cmp.Compare(a.date, b.date)
	case a.instant != b.instant:
		return cmp.Compare(a.instant, b.instant)
	}
	return cmp.Compare(a.index, b.index)
}

// Article is a source article from content/articles/, as extracted, for
// its own clean page.
type Article struct {
	// Path is relative to the content folder: "articles/x.txt".
	Path      string
	ID        string
	Title     string
	Outlet    string
	Published Date
	Blocks    []Block
	Captions  []string
	// EntryID is the entry the article is told in; empty when the
	// article is not in the chronology (undated or excluded).
	EntryID string
}

// Chronology is the merged, ordered timeline handed to rendering.
type Chronology struct {
	// ContentDir is the content folder the chronology was read from.
	ContentDir string
	Site       Site
	Entries    []*Entry
	People     []Person
	// Articles are the source articles, ordered by path.
	Articles []*Article
	// Redirects are the ids of entries that were separate and are now
	// merged into another, ordered by From.
	Redirects []Redirect
	// Joins are the automatic merges and near misses, for gen check.
	Joins []Join
}

// Redirect sends the page of an entry id that stopped being separate to
// the entry it was merged into.
type Redirect struct {
	From, To string
}

// Join is one automatic merge of a report into an entry, or a near miss
// that was not merged, and why.
type Join struct {
	// Path is the report's file, as the content folder's diagnostics
	// name it ("content/articles/x.txt").
	Path string
	// With is the other report's content-relative path, or the id of an
	// editor's entry.
	With string
	// Entry is the id of the entry the report is in.
	Entry string
	// Reasons says what the two share: "same day, shared people Lloyd
	// Austin, wording 0.71".
	Reasons string
	// Wording is the two texts' similarity, 0 to 1.
	Wording float64
	// Near is true for a near miss: the two were not merged.
	Near bool
}

// String returns "path:line:col", as much as is known.
func (p Position) String() string {
	switch {
	case p.Line > 0 && p.Col > 0:
		return fmt.Sprintf("%s:%d:%d", p.Path, p.Line, p.Col)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.Path, p.Line)
	}
	return p.Path
}
