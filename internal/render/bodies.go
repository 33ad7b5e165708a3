package render

import (
	"fmt"

	"github.com/newsroom/timeline/internal/timeline"
)

// withBody returns e with its article's body when e arrives without one
// and Options.Bodies is set: a copy, dropped once its page is emitted.
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
