package render

import (
	"fmt"

	"github.com/newsroom/timeline/internal/timeline"
)

// withBody returns e with its article's body when e arrives without one
// and Options.Bodies is set: a copy, dropped once its page is written.
// Otherwise it returns e itself.
func (r *renderer) withBody(e *timeline.Entry) (*timeline.Entry, error) {
	if r.opts.Bodies == nil || e.Article == "" || e.Blocks != nil || e.Captions != nil {
		return e, nil
	}
	blocks, captions, err := r.opts.Bodies(e.Article)
	if err != nil {
		return nil, fmt.Errorf("render entry %s: read the body of %s: %w", e.ID, e.Article, err)
	}
	full := *e
	full.Blocks, full.Captions = blocks, captions
	return &full, nil
}

// articleWithBody is withBody for an article's own page.
func (r *renderer) articleWithBody(a *timeline.Article) (*timeline.Article, error) {
	if r.opts.Bodies == nil || a.Blocks != nil || a.Captions != nil {
		return a, nil
	}
	blocks, captions, err := r.opts.Bodies(a.Path)
	if err != nil {
		return nil, fmt.Errorf("render article %s: read its body: %w", a.Path, err)
	}
	full := *a
	full.Blocks, full.Captions = blocks, captions
	return &full, nil
}

// latest returns the chronology cut to the entries the feeds carry, each
// with its body: feeds hold the whole text of the latest entries.
func (r *renderer) latest() (*timeline.Chronology, error) {
	c := *r.chron
	latest := c.Entries[max(0, len(c.Entries)-FeedLimit):]
	c.Entries = make([]*timeline.Entry, len(latest))
	for i, e := range latest {
		full, err := r.withBody(e)
		if err != nil {
			return nil, err
		}
		c.Entries[i] = full
	}
	return &c, nil
}

// hasArticleText reports whether e's text is an extracted article's,
// shown as plain paragraphs, whether or not its body is held (Blocks):
// an entry that names its article may arrive without it.
func hasArticleText(e *timeline.Entry) bool {
	return len(e.Blocks) > 0 || e.Article != ""
}
