package render

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"

	"github.com/newsroom/timeline/internal/timeline"
)

// Frame is what the "head", "header" and "footer" templates see: the
// parts of a page's frame that are the same on every page at the same
// depth, so each is executed once per distinct Frame and reused.
type Frame struct {
	Site  timeline.Site
	Root  string
	Links *Links
	// Home is true on the index.
	Home bool
	// Current is the ID of the taxonomy whose index page this is
	// ("people"), or empty.
	Current string
}

// frameKey tells apart the Frames of one Render call, which share Site
// and Links.
type frameKey struct {
	name, root, current string
	home                bool
}

// frames caches the executed frame templates of one Render call.
type frames struct {
	exec  *template.Template
	mu    sync.Mutex
	cache map[frameKey]template.HTML
}

// Frame returns template name ("head", "header" or "footer") executed
// for this page's Frame.
func (p Page) Frame(name string) (template.HTML, error) {
	if p.frames == nil {
		return "", fmt.Errorf("render: Frame called outside Render")
	}
	f := Frame{Site: p.Site, Root: p.Root, Links: p.Links, Home: p.URL == ""}
	for _, tx := range p.Links.Taxonomies() {
		if p.URL == tx.ID+"/" {
			f.Current = tx.ID
		}
	}
	key := frameKey{name: name, root: f.Root, current: f.Current, home: f.Home}
	p.frames.mu.Lock()
	html, ok := p.frames.cache[key]
	p.frames.mu.Unlock()
	if ok {
		return html, nil
	}
	var buf bytes.Buffer
	if err := p.frames.exec.ExecuteTemplate(&buf, name, f); err != nil {
		return "", fmt.Errorf("render the %s of %s: %w", name, pagePath(p.URL), err)
	}
	html = template.HTML(buf.String())
	p.frames.mu.Lock()
	p.frames.cache[key] = html
	p.frames.mu.Unlock()
	return html, nil
}
