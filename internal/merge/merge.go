// Package merge is the merge stage: it turns loaded content and extracted
// articles into one Chronology.
//
// It applies editors' annotations to extracted articles, folds an article
// into the editor entry that cites it (one event, several sources),
// resolves people's names to their canonical form, leaves undated
// articles out with a warning that says how to date them, orders the
// entries (see timeline.SortEntries) and computes contact intervals.
//
// It also makes the checks that need every entry at once, each reported
// at the field it is about (check.go): duplicate ids, annotations of
// missing articles, names not in people.yaml, dates outside the site's
// window, and two entries that look like one event.
package merge

import (
	"path"
	"slices"
	"strings"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/timeline"
)

// Merge builds the chronology from c and the articles extracted from
// c.Articles (in the same order). Problems are returned with positions.
//
// Merge never modifies its inputs: not c, nor its entries, positions,
// annotations, people or site, nor the articles or any slice they hold.
// Editor entries are copied before sources are described, names resolved
// and contacts computed, so merging the same inputs again gives an equal
// chronology and the same problems; the preview server relies on this to
// merge again after one article changes. The chronology shares read-only
// values with the inputs (texts, blocks, name lists, people, the site),
// so neither it nor the inputs may be modified while the other is in use.
func Merge(c *content.Content, articles []*extract.Article) (*timeline.Chronology, diag.List) {
	var diags diag.List
	chron := &timeline.Chronology{ContentDir: c.Dir, Site: c.Site, People: c.People}
	people := newPeopleIndex(c.People)

	entries := slices.Grow([]*timeline.Entry(nil), len(c.Entries)+len(articles))
	pos := positions{}
	for _, e := range c.Entries {
		if !e.Draft {
			own := editorEntry(e)
			entries = append(entries, own)
			pos[own] = c.Positions[e]
		}
	}
	refs := refsByPath(c.Annotations, entries)
	check := newChecker(c, people, pos, cap(entries))
	for _, e := range entries {
		check.add(e)
	}
	// The articles' pages, entries and first sources are allocated
	// together: one allocation each instead of one per article.
	pages := make([]timeline.Article, len(articles))
	articleEntries := make([]timeline.Entry, len(articles))
	firstSources := make([]timeline.Source, len(articles))
	chron.Articles = slices.Grow(chron.Articles, len(articles))
	origin := joiner(c.Dir)
	var leftOut diag.List
	for i, a := range articles {
		page := &pages[i]
		*page = timeline.Article{
			Path: a.Path, ID: content.ArticleSlug(a.Path), Title: a.Title,
			Outlet: a.Outlet, Published: a.Published, Blocks: a.Blocks, Captions: a.Captions,
		}
		chron.Articles = append(chron.Articles, page)
		e := &articleEntries[i]
		articleEntry(e, firstSources[i:i+1:i+1], origin(a.Path), page.ID, a)
		ann, citing := refs.of(a.Path)
		if ann != nil {
			if ann.Exclude {
				continue
			}
			applyAnnotation(e, ann)
			pos[e] = ann.Fields
			page.Title, page.Outlet = e.Title, e.Outlet
		}
		for _, cite := range citing {
			describeSource(cite, e)
		}
		if e.Draft {
			continue
		}
		if owner := sameEvent(citing, e.Date); owner != nil {
			page.EntryID = owner.ID
			continue
		}
		if e.Date.IsZero() {
			leftOut.Warn(e.Origin.Path, 0, 0, "left out of the chronology: %s (%s)", a.Undated, howToDate(c.Dir, a.Path, ann))
			continue
		}
		page.EntryID = e.ID
		entries = append(entries, e)
		check.add(e)
	}
	refs.checkAnnotations(c, &diags)
	diags.Append(leftOut)
	timeline.SortEntries(entries)
	check.finish(entries, &diags)
	chron.Entries = entries
	slices.SortFunc(chron.Articles, func(a, b *timeline.Article) int { return strings.Compare(a.Path, b.Path) })
	return chron, diags
}

// howToDate tells how to date an article extraction could not date: in
// its annotation when it has one, else in a new one.
func howToDate(dir, articlePath string, ann *content.Annotation) string {
	if ann != nil {
		return "add date: YYYY-MM-DD to " + ann.Origin.Path + ", or cite the article from an entry"
	}
	base := path.Base(articlePath)
	return "add " + dir + "/annotations/" + strings.TrimSuffix(base, path.Ext(articlePath)) +
		".yaml with article: " + base + " and date: YYYY-MM-DD, or cite it from an entry"
}

// editorEntry returns a copy of an editor's entry that merging may
// change: its sources are its own, and its contact is left to
// computeContacts.
func editorEntry(e *timeline.Entry) *timeline.Entry {
	own := *e
	own.Sources = slices.Clone(e.Sources)
	own.Contact = nil
	return &own
}

// articleEntry makes e the entry of an extracted article, with sources,
// a slice of length and capacity one, as its sources.
func articleEntry(e *timeline.Entry, sources []timeline.Source, file, id string, a *extract.Article) {
	sources[0] = timeline.Source{Title: a.Title, Outlet: a.Outlet, Published: a.Published, Article: a.Path}
	*e = timeline.Entry{
		ID: id, Date: a.Event, Title: a.Title, TitleDerived: a.TitleDerived,
		Summary: a.Summary, Article: a.Path, People: a.People, Blocks: a.Blocks, Captions: a.Captions, Outlet: a.Outlet,
		DateEvidence: a.DateEvidence, Origin: timeline.Position{Path: file},
		Sources: sources,
	}
}

// joiner returns a function that gives path.Join(dir, p), without
// cleaning dir again for each p: content-relative article paths are
// clean, so joining them is mostly putting dir's prefix before them.
func joiner(dir string) func(p string) string {
	prefix := path.Clean(dir) + "/"
	switch prefix {
	case "./":
		prefix = ""
	case "//":
		prefix = "/"
	}
	return func(p string) string {
		if !cleanRelative(p) {
			return path.Join(dir, p)
		}
		return prefix + p
	}
}

// cleanRelative reports whether p is a relative path without empty, "."
// or ".." elements: one that path.Join puts after a folder as it is.
func cleanRelative(p string) bool {
	if p == "" || p[0] == '/' {
		return false
	}
	for {
		elem, rest, more := strings.Cut(p, "/")
		if elem == "" || elem == "." || elem == ".." {
			return false
		}
		if !more {
			return true
		}
		p = rest
	}
}

// applyAnnotation copies the fields an annotation sets over the
// extracted ones, and records which.
func applyAnnotation(e *timeline.Entry, ann *content.Annotation) {
	src := &ann.Entry
	for _, field := range ann.Set {
		switch field {
		case "id":
			e.ID = src.ID
		case "date":
			e.Date = src.Date
			e.DateEvidence = append([]timeline.Evidence{{Text: src.Date.String(), Rule: "set by editor in " + ann.Origin.Path}}, e.DateEvidence...)
		case "end":
			e.End = src.End
		case "title":
			e.Title, e.TitleDerived = src.Title, false
		case "summary":
			e.Summary = src.Summary
		case "body":
			e.Body, e.Article, e.Blocks, e.Captions = src.Body, "", nil, nil
		case "kind":
			e.Kind = src.Kind
		case "participants":
			e.Participants = src.Participants
		case "people":
			e.People = src.People
		case "places":
			e.Places = src.Places
		case "tags":
			e.Tags = src.Tags
		case "outlet":
			e.Outlet = src.Outlet
			for i := range e.Sources {
				e.Sources[i].Outlet = src.Outlet
			}
		case "note":
			e.Note = src.Note
		case "importance":
			e.Importance = src.Importance
		case "draft":
			e.Draft = src.Draft
		case "sources":
			e.Sources = append(e.Sources, src.Sources...)
		}
		e.EditorSet = append(e.EditorSet, field)
	}
}

// refs are what content points at an article with.
type refs struct {
	// annotations of the article, in file order: the first one applies.
	annotations []*content.Annotation
	// citing are the editor entries that cite the article, in file order.
	citing []*timeline.Entry
	// found tells whether an article with the path was looked up.
	found bool
}

// articleRefs holds the refs of each article path.
type articleRefs map[string]*refs

// refsByPath indexes annotations and the editor entries that cite
// articles by article path.
func refsByPath(annotations []*content.Annotation, entries []*timeline.Entry) articleRefs {
	byPath := articleRefs{}
	at := func(p string) *refs {
		r := byPath[p]
		if r == nil {
			r = &refs{}
			byPath[p] = r
		}
		return r
	}
	for _, ann := range annotations {
		if ann.Article != "" {
			r := at(ann.Article)
			r.annotations = append(r.annotations, ann)
		}
	}
	for _, e := range entries {
		for _, s := range e.Sources {
			if s.Article != "" {
				r := at(s.Article)
				r.citing = append(r.citing, e)
			}
		}
	}
	return byPath
}

// of returns the annotation that applies to the article at articlePath,
// or nil, and the editor entries that cite it, and records that the
// article exists.
func (byPath articleRefs) of(articlePath string) (*content.Annotation, []*timeline.Entry) {
	r := byPath[articlePath]
	if r == nil {
		return nil, nil
	}
	r.found = true
	var ann *content.Annotation
	if len(r.annotations) > 0 {
		ann = r.annotations[0]
	}
	return ann, r.citing
}

// checkAnnotations reports, once every article has been looked up,
// annotations of missing articles and articles annotated twice.
func (byPath articleRefs) checkAnnotations(c *content.Content, diags *diag.List) {
	for _, ann := range c.Annotations {
		if ann.Article == "" {
			continue
		}
		r, at := byPath[ann.Article], ann.Fields.At("article", ann.Origin)
		if !r.found {
			addAt(diags, at, "article %q: no such file in %s/articles (want the name of a .txt article there)", path.Base(ann.Article), c.Dir)
			continue
		}
		if first := r.annotations[0]; first != ann {
			addAt(diags, at, "article %q: already annotated at %s (want one annotation per article)", path.Base(ann.Article), first.Fields.At("article", first.Origin))
		}
	}
}

// sameEvent returns the first citing entry that tells the same event as
// an article dated d: one on the same date, compared at the coarser of
// the two precisions. An entry that cites an article for an earlier event
// the article mentions does not absorb it, and an undated article is
// never absorbed on a guess.
func sameEvent(citing []*timeline.Entry, d timeline.Date) *timeline.Entry {
	for _, e := range citing {
		if timeline.SameAtCoarser(e.Date, d) {
			return e
		}
	}
	return nil
}

// describeSource fills in what an editor left out of the sources of
// entry that cite the article of articleEntry: its headline, outlet and
// publication date.
func describeSource(entry, articleEntry *timeline.Entry) {
	from := articleEntry.Sources[0]
	for i := range entry.Sources {
		s := &entry.Sources[i]
		if s.Article != from.Article {
			continue
		}
		if s.Title == "" {
			s.Title = articleEntry.Title
		}
		if s.Outlet == "" {
			s.Outlet = articleEntry.Outlet
		}
		if s.Published.IsZero() {
			s.Published = from.Published
		}
	}
}
