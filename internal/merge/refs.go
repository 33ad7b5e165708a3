package merge

import (
	"path"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/timeline"
)

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

// annotation returns the annotation that applies to the article, or nil;
// r may be nil.
func (r *refs) annotation() *content.Annotation {
	if r == nil || len(r.annotations) == 0 {
		return nil
	}
	return r.annotations[0]
}

// citingEntries returns the editor entries that cite the article; r may be nil.
func (r *refs) citingEntries() []*timeline.Entry {
	if r == nil {
		return nil
	}
	return r.citing
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
