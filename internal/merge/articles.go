package merge

import (
	"path"
	"strings"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/parallel"
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
// only the article, byPath, and editor entries' ids and dates. Articles
// go in batches, whose pages, entries and first sources are allocated
// together, one allocation each instead of one per article.
func makeArticles(dir string, articles []*extract.Article, byPath articleRefs, check *checker) made {
	n := len(articles)
	m := made{pages: make([]*timeline.Article, n), entries: make([]*timeline.Entry, n), fates: make([]fate, n)}
	origin := joiner(dir)
	const batch = 256 // articles per step of parallel.For
	parallel.For(0, (n+batch-1)/batch, func(b int) {
		first, end := b*batch, min(n, (b+1)*batch)
		pages := make([]timeline.Article, end-first)
		entries := make([]timeline.Entry, end-first)
		sources := make([]timeline.Source, end-first)
		for i := first; i < end; i++ {
			a, page, e, f := articles[i], &pages[i-first], &entries[i-first], &m.fates[i]
			m.pages[i], m.entries[i] = page, e
			*page = timeline.Article{
				Path: a.Path, ID: timeline.ArticleSlug(a.Path), Title: a.Title,
				Outlet: a.Outlet, Published: a.Published, Blocks: a.Blocks, Captions: a.Captions,
			}
			articleEntry(e, sources[i-first:i-first+1:i-first+1], origin(a.Path), page.ID, a)
			f.refs = byPath[a.Path]
			ann := f.refs.annotation()
			if ann != nil {
				if ann.Exclude {
					f.kind = excluded
					continue
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
		}
	})
	return m
}

// articleEntry makes e the entry of an extracted article, with sources,
// a slice of length and capacity one, as its sources.
func articleEntry(e *timeline.Entry, sources []timeline.Source, file, id string, a *extract.Article) {
	sources[0] = timeline.Source{Title: a.Title, Outlet: a.Outlet, URL: a.URL, Published: a.Published, Article: a.Path}
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
