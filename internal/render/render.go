// Package render is the render stage: it turns a Chronology into the
// files of a static site, through html/template (all text escaped) and
// goldmark (editors' Markdown, without raw HTML).
//
// Render hands each finished file to an Emit function; it never touches a
// disk itself, and refuses any path that would leave the output folder.
// The files, and the fields of Page each template sees besides Site,
// Root, URL, Canonical, Title, Description and Links:
//
//	index.html               Sections (phases → months → days → entries), Axis, Collapsed
//	entries/ID/              entry.html: Entry, Prev, Next, Phase
//	articles/ID/             article.html: Article
//	people/ID/, tags/ID/     person.html, tag.html: Term, Months
//	months/ID/, phases/ID/   month.html, phase.html: Term, Months (phase: Axis)
//	people/, tags/, months/, phases/   taxonomy.html: Taxonomy
//	404.html                 404.html, with Root the base URL's path
//	feed.xml, feed.json      Atom 1.0 and JSON Feed 1.1 of the latest entries
//	timeline.json            the chronology for other tools
//	timelinejs.json          the chronology for TimelineJS3
//	search.json              the index search.js filters with
//	sitemap.xml, robots.txt
//
// Root is the relative path from the page to the site's root ("../../"),
// so the site works under any base path; Links turns names, tags and
// dates into site-relative URLs ({{$.Root}}{{$.Links.Person .}}).
package render

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/newsroom/timeline/internal/timeline"
)

// Emit receives one output file: its slash-separated path relative to the
// output folder, and its bytes.
type Emit func(path string, data []byte) error

// Page is what every page template sees.
type Page struct {
	Site timeline.Site
	// Root is the relative path from this page to the site's root.
	Root string
	// URL is the page's site-relative URL ("entries/x/"); Canonical is its
	// absolute URL from the site's base URL, empty without one.
	URL       string
	Canonical string
	// Title is the page's own title, without the site's; empty on the
	// index. Description is its summary for search engines and shares.
	Title       string
	Description string
	// Type is the Open Graph type: "website" or "article".
	Type  string
	Links *Links

	Sections  []Section
	Axis      *Axis
	Collapsed bool

	Entry      *timeline.Entry
	Prev, Next *timeline.Entry
	Phase      *Term

	Article *timeline.Article

	Term *Term
	// Pager says which page of a long term's entries this is.
	Pager *Pager
	// Before and After are the neighbouring months of a month's archive.
	Before, After *Term
	Months        []MonthGroup
	Taxonomy      *Taxonomy
}

// Abs returns the absolute URL of a site-relative one, from the site's
// base URL: printed beside links, and used in feeds.
func (p Page) Abs(rel string) string { return absURL(p.Site, rel) }

// Item is what the "entry-item" template sees: one entry of a listing,
// its title a heading of Level.
type Item struct {
	Page  Page
	Entry *timeline.Entry
	Level int
}

// Listing is what the "listing" template sees: entries by month and day.
type Listing struct {
	Page   Page
	Months []MonthGroup
}

// renderer carries what every page of one Render call shares.
type renderer struct {
	chron    *timeline.Chronology
	t        *Templates
	links    *Links
	emit     Emit
	sitemap  []SitemapURL
	lastMods map[string]string
}

// Render renders the whole site for chron with t, handing every file to
// emit in a fixed order. Output never depends on the time of the build.
func Render(chron *timeline.Chronology, t *Templates, emit Emit) error {
	r := &renderer{chron: chron, t: t, links: NewLinks(chron), lastMods: map[string]string{}}
	r.emit = func(p string, data []byte) error {
		if !ValidOutputPath(p) {
			return fmt.Errorf("render: output path %q would leave the output folder (want a relative path without ..)", p)
		}
		return emit(p, data)
	}
	for _, name := range sortedKeys(t.assets) {
		if err := r.emit(name, t.assets[name]); err != nil {
			return err
		}
	}
	steps := []func() error{r.index, r.entries, r.articles, r.taxonomies, r.notFound, r.exports}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	files, err := Sitemaps(chron.Site, r.sitemap)
	if err != nil {
		return err
	}
	for _, name := range sortedKeys(files) {
		if err := r.emit(name, files[name]); err != nil {
			return err
		}
	}
	return r.emit("robots.txt", Robots(chron.Site))
}

// page returns a Page for the page at url, with the shared fields set.
func (r *renderer) page(url, title, description string) Page {
	p := Page{
		Site: r.chron.Site, Root: rootOf(url), URL: url, Title: title, Type: "website",
		Description: truncate(strings.Join(strings.Fields(description), " "), 200), Links: r.links,
	}
	if r.chron.Site.BaseURL != "" {
		p.Canonical = absURL(r.chron.Site, url)
	}
	return p
}

// render executes template name for page and emits it at the page's URL,
// listing it in the sitemap.
func (r *renderer) render(name string, page Page) error {
	out := pagePath(page.URL)
	var buf bytes.Buffer
	if err := r.t.pages[name].ExecuteTemplate(&buf, "layout", page); err != nil {
		return fmt.Errorf("render %s with %s: %w", out, name, err)
	}
	if name != "404.html" {
		r.sitemap = append(r.sitemap, SitemapURL{Loc: absURL(r.chron.Site, page.URL), LastMod: r.lastMods[page.URL]})
	}
	return r.emit(out, buf.Bytes())
}

func (r *renderer) index() error {
	entries := r.chron.Entries
	page := r.page("", "", r.chron.Site.Description)
	page.Collapsed = len(entries) > IndexLimit
	page.Sections = Sections(r.chron, r.links, page.Collapsed)
	link := func(e *timeline.Entry) string { return "#" + e.ID }
	if page.Collapsed {
		link = func(e *timeline.Entry) string { return r.links.Month(e.Date) + "#" + e.ID }
	}
	page.Axis = NewAxis(r.chron.Site, entries, NewWindow(r.chron.Site, entries), page.Root, link)
	page.Axis.From, page.Axis.To = r.chron.Site.Start.Human(), r.chron.Site.End.Human()
	return r.render("index.html", page)
}

func (r *renderer) entries() error {
	entries := r.chron.Entries
	for i, e := range entries {
		page := r.page(EntryURL(e.ID), e.Title, Lede(e))
		page.Type, page.Entry, page.Phase = "article", e, r.links.PhaseOf(e)
		if i > 0 {
			page.Prev = entries[i-1]
		}
		if i+1 < len(entries) {
			page.Next = entries[i+1]
		}
		r.lastMods[page.URL] = lastMod(e.Date)
		if err := r.render("entry.html", page); err != nil {
			return err
		}
	}
	return nil
}

func (r *renderer) articles() error {
	for _, a := range r.chron.Articles {
		var lede string
		for _, b := range a.Blocks {
			if b.Kind == timeline.Paragraph {
				lede = b.Text
				break
			}
		}
		page := r.page(ArticleURL(a.ID), a.Title, lede)
		page.Type, page.Article = "article", a
		if err := r.render("article.html", page); err != nil {
			return err
		}
	}
	return nil
}

// taxonomies renders a page per person, tag, month and phase, and an
// index page per taxonomy.
func (r *renderer) taxonomies() error {
	templates := map[*Taxonomy]string{r.links.People: "person.html", r.links.Tags: "tag.html", r.links.Months: "month.html", r.links.Phases: "phase.html"}
	levels := map[*Taxonomy]int{r.links.People: 3, r.links.Tags: 2, r.links.Months: 1, r.links.Phases: 2}
	for _, tx := range r.links.Taxonomies() {
		for i, term := range tx.Terms {
			pagers := paginate(term.URL, len(term.Entries))
			for _, pager := range pagers {
				title := term.Name
				if pager.Number > 1 {
					title = fmt.Sprintf("%s, page %d", term.Name, pager.Number)
				}
				page := r.page(pager.URL(pager.Number), title, termDescription(term))
				page.Term, page.Months = term, Months(term.Entries[pager.From:pager.To], levels[tx])
				if len(pagers) > 1 {
					page.Pager = pager
				}
				if tx == r.links.Months {
					page.Before, page.After = neighbours(tx.Terms, i)
				}
				if tx == r.links.Phases && pager.Number == 1 {
					page.Axis = NewAxis(r.chron.Site, term.Entries, phaseWindow(r.chron.Site, term), page.Root, firstPageLinks(term.Entries, page.Root))
					if term.Phase != nil {
						page.Axis.From, page.Axis.To = term.Phase.Start.Human(), term.Phase.End.Human()
					}
				}
				if err := r.render(templates[tx], page); err != nil {
					return err
				}
			}
		}
		page := r.page(tx.ID+"/", tx.Name, "")
		page.Taxonomy = tx
		if err := r.render("taxonomy.html", page); err != nil {
			return err
		}
	}
	return nil
}

// firstPageLinks links the axis of a term's first page to its entries:
// by anchor for those listed on that page, else to their own pages.
func firstPageLinks(entries []*timeline.Entry, root string) func(*timeline.Entry) string {
	onFirst := map[*timeline.Entry]bool{}
	for _, e := range entries[:min(len(entries), PageSize)] {
		onFirst[e] = true
	}
	return func(e *timeline.Entry) string {
		if onFirst[e] {
			return "#" + e.ID
		}
		return root + EntryURL(e.ID)
	}
}

// neighbours returns the terms before and after terms[i], or nil.
func neighbours(terms []*Term, i int) (before, after *Term) {
	if i > 0 {
		before = terms[i-1]
	}
	if i+1 < len(terms) {
		after = terms[i+1]
	}
	return before, after
}

// termDescription summarises a term's page for search engines.
func termDescription(t *Term) string {
	if t.Description != "" {
		return t.Description
	}
	if t.Person != nil && len(t.Person.Roles) > 0 {
		return fmt.Sprintf("%s, %s: %d entries in the chronology.", t.Name, t.Person.Roles[len(t.Person.Roles)-1].Title, len(t.Entries))
	}
	return fmt.Sprintf("%s: %d entries in the chronology.", t.Name, len(t.Entries))
}

// phaseWindow is the window of a phase's axis: the phase itself, or the
// span of its entries for "Other events".
func phaseWindow(site timeline.Site, t *Term) Window {
	if t.Phase != nil {
		return NewWindow(timeline.Site{Start: t.Phase.Start, End: t.Phase.End}, t.Entries)
	}
	return NewWindow(timeline.Site{}, t.Entries)
}

// notFound renders 404.html. A server shows it at any missing path, so
// its links start from the base URL's path instead of a relative root.
func (r *renderer) notFound() error {
	page := r.page("404.html", "Page not found", "")
	page.Root, page.Canonical = basePath(r.chron.Site.BaseURL), ""
	return r.render("404.html", page)
}

// basePath returns the path of a base URL, ending in "/": "/timeline/"
// for "https://example.org/timeline".
func basePath(base string) string {
	u, err := url.Parse(base)
	if err != nil || u.Path == "" {
		return "/"
	}
	return strings.TrimSuffix(u.Path, "/") + "/"
}

// exports emits the feeds, the JSON exports and the search index.
func (r *renderer) exports() error {
	type export struct {
		name string
		make func() ([]byte, error)
	}
	for _, x := range []export{
		{"feed.xml", func() ([]byte, error) { return Atom(r.chron) }},
		{"feed.json", func() ([]byte, error) { return JSONFeedOf(r.chron) }},
		{"timeline.json", func() ([]byte, error) { return TimelineJSON(r.chron) }},
		{"timelinejs.json", func() ([]byte, error) { return TimelineJSOf(r.chron, r.links) }},
		{"search.json", func() ([]byte, error) { return SearchIndex(r.chron, r.links) }},
	} {
		data, err := x.make()
		if err != nil {
			return fmt.Errorf("render %s: %w", x.name, err)
		}
		if err := r.emit(x.name, data); err != nil {
			return err
		}
	}
	return nil
}
