package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"

	"github.com/newsroom/timeline/internal/timeline"
)

// frame is what the "head", "header" and "footer" templates of the
// layout see: the parts of a page that are the same on every page at the
// same depth, so that each is executed once per distinct frame and
// reused (see executedOnce).
type frame struct {
	Site  timeline.Site
	Root  string
	Links *Links
	// Home is true on the index.
	Home bool
	// Current is the ID of the taxonomy whose index page this is
	// ("people"), or empty.
	Current string
}

// frameKey tells apart the frames of one Render call, which share Site
// and Links.
type frameKey struct {
	name, root, current string
	home                bool
}

// Link is what the "link" template sees: a link to a site page from a
// page at Root.
type Link struct {
	Root, URL, Text string
}

// fragments caches the executed frame and link templates of one Render
// call.
type fragments struct {
	exec   *template.Template
	mu     sync.Mutex
	frames map[frameKey]template.HTML
	links  map[Link]template.HTML
}

func newFragments(t *Templates) *fragments {
	return &fragments{exec: t.pages["index.html"], frames: map[frameKey]template.HTML{}, links: map[Link]template.HTML{}}
}

// frame returns the layout's template name ("head", "header" or
// "footer") executed for this page's frame, once per Render and frame.
func (p *Page) frame(name string) (template.HTML, error) {
	if p.fragments == nil {
		return "", fmt.Errorf("render: the %s template executed outside Render", name)
	}
	f := frame{Site: p.Site, Root: p.Root, Links: p.Links, Home: p.Home(), Current: p.Current()}
	key := frameKey{name: name, root: f.Root, current: f.Current, home: f.Home}
	x := p.fragments
	x.mu.Lock()
	html, ok := x.frames[key]
	x.mu.Unlock()
	if ok {
		return html, nil
	}
	html, err := x.execute(onceName(name), f)
	if err != nil {
		return "", fmt.Errorf("render the %s of %s: %w", name, pagePath(p.URL), err)
	}
	x.mu.Lock()
	x.frames[key] = html
	x.mu.Unlock()
	return html, nil
}

// Home reports whether this page is the index.
func (p *Page) Home() bool { return p.URL == "" }

// Current returns the ID of the taxonomy whose index page this is
// ("people"), or "".
func (p *Page) Current() string {
	for _, tx := range p.Links.Taxonomies() {
		if p.URL == tx.ID+"/" {
			return tx.ID
		}
	}
	return ""
}

// PeopleLinks returns the "link" template executed for each of terms
// from this page, joined by ", ". Each link is executed once per Root.
func (p *Page) PeopleLinks(terms []*Term) (template.HTML, error) {
	links := make([]Link, len(terms))
	for i, t := range terms {
		links[i] = Link{Root: p.Root, URL: t.URL, Text: t.Name}
	}
	return p.joinLinks(links)
}

// TagLinks is PeopleLinks for an entry's tags, each shown as written.
func (p *Page) TagLinks(tags []string) (template.HTML, error) {
	links := make([]Link, len(tags))
	for i, tag := range tags {
		links[i] = Link{Root: p.Root, URL: p.Links.Tag(tag), Text: tag}
	}
	return p.joinLinks(links)
}

func (p *Page) joinLinks(links []Link) (template.HTML, error) {
	if p.fragments == nil {
		return "", fmt.Errorf("render: links made outside Render")
	}
	x := p.fragments
	var b strings.Builder
	for i, l := range links {
		x.mu.Lock()
		html, ok := x.links[l]
		x.mu.Unlock()
		if !ok {
			var err error
			if html, err = x.execute("link", l); err != nil {
				return "", fmt.Errorf("render a link to %s: %w", l.URL, err)
			}
			x.mu.Lock()
			x.links[l] = html
			x.mu.Unlock()
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(string(html))
	}
	return template.HTML(b.String()), nil
}

// execute executes template name for data.
func (x *fragments) execute(name string, data any) (template.HTML, error) {
	var buf bytes.Buffer
	if err := x.exec.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// executedOnce lists the layout's templates whose output Render executes
// once and reuses, and the call that stands in for each: the frames
// once per page depth (frame), and each entry's card once per Render
// (cards.go). A template author calls them as any other template
// ({{template "header" .}}); see useExecutedOnce.
var executedOnce = map[string]string{
	"head":       `{{executedFrame "head" .}}`,
	"header":     `{{executedFrame "header" .}}`,
	"footer":     `{{executedFrame "footer" .}}`,
	"entry-item": `{{executedCard .}}`,
}

// onceName is the name under which useExecutedOnce keeps the layout's
// own definition of template name.
func onceName(name string) string { return name + " (executed once)" }

// useExecutedOnce moves the layout's definition of each template of
// executedOnce that it defines to onceName, and defines the template
// anew as the call that returns the reused output. A page template that
// defines one of them again replaces the call, and its own definition is
// executed each time, as written.
func useExecutedOnce(layout *template.Template) error {
	layout.Funcs(template.FuncMap{
		"executedFrame": func(name string, p *Page) (template.HTML, error) { return p.frame(name) },
		"executedCard":  func(it Item) (template.HTML, error) { return it.card() },
		"executedCards": func(p *Page, entries []*timeline.Entry, level int) (template.HTML, error) {
			return p.cardsOf(entries, level)
		},
	})
	for _, name := range sortedKeys(executedOnce) {
		own := layout.Lookup(name)
		if own == nil {
			continue
		}
		if _, err := layout.AddParseTree(onceName(name), own.Tree); err != nil {
			return err
		}
		if _, err := layout.New(name).Parse(executedOnce[name]); err != nil {
			return err
		}
	}
	return nil
}
