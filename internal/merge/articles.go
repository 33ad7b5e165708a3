package merge

import (
	"path"
	"strings"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/timeline"
)

// made are the page and entry of each article and what becomes of it, in
// the articles' order.
type made struct {
	pages   []*timeline.Article
	entries []*timeline.Entry
	fates   []fate
}

// fate is what becomes of an article in the chronology.
type fate struct {
	refs *refs
	kind fateKind
	// owner is the editor entry that absorbs an absorbed article.
	owner *timeline.Entry
	// leftOut is the warning about an undated article: why it is left
	// out and how to date it.
	leftOut string
	// check is what checker.inspect found in the entry of an article that
	// joins the chronology.
	check *entryCheck
}

// fateKind tells the fates of articles apart.
type fateKind int

const (
	// joins: the article's entry joins the chronology.
	joins fateKind = iota
	// excluded by its annotation.
	excluded
	// draft: its annotation made it a draft.
	draft
	// absorbed into an editor entry that cites it for the same event.
	absorbed
	// undated, so left out with a warning.
	undated
)

// makeArticles makes the page and entry of every article, applies its
// annotation, decides its fate and inspects its entry, on all cores: the
// work for one article changes only its own page and entry, and reads
// only the article, byPath, and editor entries' ids and dates. Each page,
// entry and source is an allocation of its own, so that the entry of an
// article that joins no entry of the chronology is let go with it.
func makeArticles(dir string, articles []*extract.Article, byPath articleRefs, check *checker) made {
	n := len(articles)
	m := made{pages: make([]*timeline.Article, n), entries: make([]*timeline.Entry, n), fates: make([]fate, n)}
	origin := joiner(dir)
	forBatches(n, func(i int) {
		a, f := articles[i], &m.fates[i]
		page := &timeline.Article{
			Path: a.Path, ID: timeline.ArticleSlug(a.Path), Title: a.Title,
			Outlet: a.Outlet, Published: a.Published, Blocks: a.Blocks, Captions: a.Captions,
		}
		e := articleEntry(origin(a.Path), page.ID, a)
		m.pages[i], m.entries[i] = page, e
		f.refs = byPath[a.Path]
		ann := f.refs.annotation()
		if ann != nil {
			if ann.Exclude {
				f.kind = excluded
				return
			}
			applyAnnotation(e, ann)
			page.Title, page.Outlet = e.Title, e.Outlet
		}
		switch owner := sameEvent(f.refs.citingEntries(), e.Date); {
		case e.Draft:
			f.kind = draft
		case owner != nil:
			f.kind, f.owner = absorbed, owner
		case e.Date.IsZero():
			f.kind = undated
			f.leftOut = "left out of the chronology: " + a.Undated + " (" + howToDate(dir, a.Path, ann) + ")"
		default:
			var fields content.Fields
			if ann != nil {
				fields = ann.Fields
			}
			f.kind, f.check = joins, check.inspect(e, fields)
		}
	})
	return m
}

// articleEntry returns the entry of an extracted article, with one
// source: the article itself.
func articleEntry(file, id string, a *extract.Article) *timeline.Entry {
	source := timeline.Source{Title: a.Title, Outlet: a.Outlet, URL: a.URL, Published: a.Published, Article: a.Path}
	return &timeline.Entry{
		ID: id, Date: a.Event, Title: a.Title, TitleDerived: a.TitleDerived,
		Summary: a.Summary, Article: a.Path, People: a.People, Blocks: a.Blocks, Captions: a.Captions, Outlet: a.Outlet,
		DateEvidence: a.DateEvidence, Origin: timeline.Position{Path: file},
		Sources: []timeline.Source{source},
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
		if copyField, ok := copiedFields[field]; ok {
			copyField(e, src)
		}
		switch field {
		case "date":
			e.Date = src.Date
			e.DateEvidence = append([]timeline.Evidence{{Text: src.Date.String(), Rule: "set by editor in " + ann.Origin.Path}}, e.DateEvidence...)
		case "title":
			e.Title, e.TitleDerived = src.Title, false
		case "body":
			e.Body, e.Article, e.Blocks, e.Captions = src.Body, "", nil, nil
		case "outlet":
			e.Outlet = src.Outlet
			for i := range e.Sources {
				e.Sources[i].Outlet = src.Outlet
			}
		case "sources":
			e.Sources = append(e.Sources, src.Sources...)
		}
		e.EditorSet = append(e.EditorSet, field)
	}
}

// copiedFields copies, by an annotation's name for it, each field that
// an annotation sets as it is, touching nothing else.
var copiedFields = map[string]func(e, src *timeline.Entry){
	"id":           func(e, src *timeline.Entry) { e.ID = src.ID },
	"end":          func(e, src *timeline.Entry) { e.End = src.End },
	"summary":      func(e, src *timeline.Entry) { e.Summary = src.Summary },
	"kind":         func(e, src *timeline.Entry) { e.Kind = src.Kind },
	"participants": func(e, src *timeline.Entry) { e.Participants = src.Participants },
	"people":       func(e, src *timeline.Entry) { e.People = src.People },
	"places":       func(e, src *timeline.Entry) { e.Places = src.Places },
	"tags":         func(e, src *timeline.Entry) { e.Tags = src.Tags },
	"note":         func(e, src *timeline.Entry) { e.Note = src.Note },
	"importance":   func(e, src *timeline.Entry) { e.Importance = src.Importance },
	"draft":        func(e, src *timeline.Entry) { e.Draft = src.Draft },
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
