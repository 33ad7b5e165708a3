package build

import (
	"slices"

	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/merge"
	"github.com/newsroom/timeline/internal/timeline"
)

// withBodies returns the chronology last with the new bodies of the raw
// articles at paths, when nothing else of them changed: each was
// extracted before (was) and now (now), and the two extractions are the
// same but for their bodies (extract.Article.SameApartFromBody) below the
// opening merging compares (merge.SameOpening), so merging again would
// give last with those bodies. The entries told from
// an article take its new body too, and an entry whose contact interval
// names such an entry points to its new copy. It reports false otherwise,
// and when an article is not in last once or an entry does not hold its
// article's body.
func withBodies(last *timeline.Chronology, was, now map[string]*extract.Article, paths []string) (*timeline.Chronology, bool) {
	if last == nil || len(paths) == 0 {
		return nil, false
	}
	chron := *last
	chron.Entries, chron.Articles = slices.Clone(last.Entries), slices.Clone(last.Articles)
	renewed := map[string]*timeline.Entry{}
	for _, p := range paths {
		before, after := was[p], now[p]
		if before == nil || after == nil || !before.SameApartFromBody(after) || !merge.SameOpening(before, after) ||
			!renewArticle(&chron, last, p, after, renewed) {
			return nil, false
		}
	}
	for i, e := range chron.Entries {
		if e.Contact == nil || e.Contact.Previous == nil || renewed[e.Contact.Previous.ID] == nil {
			continue
		}
		c, contact := *e, *e.Contact
		contact.Previous = renewed[contact.Previous.ID]
		c.Contact = &contact
		chron.Entries[i] = &c
	}
	return &chron, true
}

// renewArticle gives the article at path in chron, and the entries told
// from it, copies with the body of x. It reports false when the article
// is not in last once, or is renewed already, or an entry told from it
// does not hold its body.
func renewArticle(chron, last *timeline.Chronology, path string, x *extract.Article, renewed map[string]*timeline.Entry) bool {
	at := -1
	for i, a := range last.Articles {
		if a.Path == path {
			if at >= 0 {
				return false
			}
			at = i
		}
	}
	if at < 0 || chron.Articles[at] != last.Articles[at] {
		return false
	}
	was := last.Articles[at]
	a := *was
	a.Blocks, a.Captions = x.Blocks, x.Captions
	chron.Articles[at] = &a
	for i, e := range last.Entries {
		if e.Article != path {
			continue
		}
		if !slices.Equal(e.Blocks, was.Blocks) || !slices.Equal(e.Captions, was.Captions) {
			return false
		}
		c := *e
		c.Blocks, c.Captions = x.Blocks, x.Captions
		chron.Entries[i], renewed[e.ID] = &c, &c
	}
	return true
}
