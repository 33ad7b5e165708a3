// Package render is the render stage: it turns a Chronology into the
// files of a static site, through html/template (all text escaped) and
// goldmark (editors' Markdown, without raw HTML).
//
// Render(chron, templates, opts, out) is the one call. It hands each
// finished file to out, an Output, from several goroutines at once
// (Options.Workers): a page whole (Output.Write), the two exports of the
// whole chronology of a large site as they are made (Output.WriteStream).
// It never touches a disk itself, and refuses any path that would leave
// the output folder. An Output that is also a StepOutput is told as each
// step of the Render ends (gen build -timings, -heapprofile); WriteFunc
// makes an Output of a function, and Discard keeps nothing.
//
// The files, and the fields of Page each template sees besides Site,
// Root, URL, Canonical, Title, Description and Links:
//
//	index.html               Sections (phases → months → days → entries), Axis, Long
//	entries/ID/              entry.html: Entry, Prev, Next, Phase
//	articles/ID/             article.html: Article
//	people/ID/, tags/ID/     person.html, tag.html: Term, Months
//	months/ID/, phases/ID/   month.html, phase.html: Term, Months (phase: Axis)
//	people/, tags/, months/, phases/   taxonomy.html: Taxonomy
//	404.html                 404.html, with Root the base URL's path
//	feed.xml, feed.json      Atom 1.0 and JSON Feed 1.1 of the latest entries
//	timeline.json            the chronology for other tools
//	timelinejs.json          the chronology for TimelineJS3
//	search.json, search/MONTH.json   the index search.js filters with
//	sitemap.xml, robots.txt
//
// Root is the relative path from the page to the site's root ("../../"),
// so the site works under any base path; Links turns names, tags and
// dates into site-relative URLs ({{$.Root}}{{$.Links.Person .}}).
//
// The templates are plain Go templates: layout.html runs each page's
// "content" and holds the shared pieces. Listings call
// {{template "entry-item" (item $p ENTRY LEVEL)}} for each entry, and the
// layout {{template "header" .}} (and "head", "footer"). Render executes
// the layout's own definitions of those four once and reuses them
// (frames.go, cards.go): so "entry-item" sees only its Page's Site, Root
// and Links, and "head", "header" and "footer" only Site, Root, Links,
// Home and Current. A page template that defines one of them again is
// executed as written, each time. {{$.PeopleLinks TERMS}} and
// {{$.TagLinks TAGS}} join the "link" template's links with ", ".
//
// Where the data goes: render.go builds each page's Page and its job;
// jobs.go runs the jobs on the workers, pagejobs.go the entry and
// article pages, their jobs made as they run; keys.go, reuse.go and state.go
// keep what an incremental Render (Options.Reuse) may skip; feeds.go,
// json.go, timelinejs.go, search.go and sitemap.go write the exports,
// searchindex.go and searchupdate.go the search index, updated from the
// last Render's after an edit.
package render

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/newsroom/timeline/internal/timeline"
)

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

	Sections []Section
	Axis     *Axis
	// Long is true when the index shows each phase's most important
	// entries and the latest, not every entry.
	Long bool

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

	cards     *cards
	fragments *fragments
}

// Abs returns the absolute URL of a site-relative one, from the site's
// base URL: printed beside links, and used in feeds.
func (p *Page) Abs(rel string) string { return absURL(p.Site, rel) }

// Item is what the "entry-item" template sees: one entry of a listing,
// its title a heading of Level.
type Item struct {
	Page  *Page
	Entry *timeline.Entry
	Level int
}

// Listing is what the "listing" template sees: entries by month and day.
type Listing struct {
	Page   *Page
	Months []MonthGroup
}

// Options tune a Render call. The zero value renders every page on every
// core, with the bodies the chronology holds.
type Options struct {
	// Workers is the number of goroutines rendering pages; 0 means
	// runtime.GOMAXPROCS(0). The files and their bytes are the same for
	// any value.
	Workers int
	// Bodies, when set, reads the body of an extracted article whose
	// entry or article page arrives without one (Blocks and Captions
	// nil), while that page is rendered. It cannot be combined with
	// Reuse, whose keys must see every body.
	Bodies Bodies
	// Reuse, when set, makes the Render incremental: see Reuse.
	Reuse *Reuse
}

// Bodies returns the body blocks and captions of an extracted article,
// read when its pages are rendered.
type Bodies func(articlePath string) ([]timeline.Block, []string, error)

// renderer carries what every page of one Render call shares.
type renderer struct {
	chron *timeline.Chronology
	t     *Templates
	links *Links
	opts  Options
	// out is the Output of the Render, its paths checked.
	out       Output
	cards     *cards
	fragments *fragments
	// keys holds the key of every page, when Options.Reuse is set,
	// and memo the entries' bytes in the JSON exports then.
	keys *keyer
	memo *exportMemo
	// sizes holds, for each page template, the size its next page's
	// buffer starts at.
	sizes map[string]*atomic.Int64
	// filed holds the entries as links filed them, in the chronology's
	// order: RenderBodies renders copies of them, which links does not
	// know (Links.PhaseOf).
	filed []*timeline.Entry
	// recorded counts the jobs record has numbered.
	recorded int
	// search is the search index, made after the entry and article pages.
	search *pendingIndex
	// wholeExport is held while an export of the whole chronology is
	// made and written (see job.whole).
	wholeExport *sync.Mutex
}

// Render renders the whole site for chron with t, handing every file to
// out, from opts.Workers goroutines at once. The listings (index,
// people, tags, months, phases) come first, then the entry and article
// pages and the exports; out is told as each step ends when it is a
// StepOutput. The set of files and their bytes never depend on the
// number of workers, nor on the time of the build, nor on out.
func Render(chron *timeline.Chronology, t *Templates, opts Options, out Output) error {
	if opts.Bodies != nil && opts.Reuse != nil {
		return fmt.Errorf("render: Options.Bodies with Options.Reuse (an incremental render needs every body in the chronology)")
	}
	if reuse := opts.Reuse; reuse != nil && len(reuse.Bodies) > 0 {
		if done, err := renderBodies(chron, t, opts, out); done {
			return err
		}
	}
	mark := stepDone(out)
	r := &renderer{chron: chron, t: t, links: NewLinks(chron), opts: opts, out: checkedOutput{out}, wholeExport: new(sync.Mutex)}
	mark("links")
	if opts.Reuse != nil {
		r.keys = newKeyer(r)
		r.memo = newExportMemo(r)
	}
	mark("keys")
	r.fragments = newFragments(t)
	r.sizes = map[string]*atomic.Int64{}
	for name := range t.pages {
		r.sizes[name] = &atomic.Int64{}
	}
	for _, name := range sortedKeys(t.assets) {
		if err := r.out.Write(name, t.assets[name]); err != nil {
			return err
		}
	}
	r.cards = newCards(r)
	mark("cards")
	index, taxonomies := r.index(), r.taxonomies()
	r.record(index, taxonomies)
	mark("jobs")
	if err := r.run(orderListings(slices.Concat(index, taxonomies))); err != nil {
		return err
	}
	mark("listings")
	// The cards serve the listings only: they go before the entry and
	// article pages, which may read bodies. Those pages' jobs are made
	// as they run, and the search index after them (runExports).
	r.cards.done()
	if err := r.pages(index, taxonomies, mark); err != nil {
		return err
	}
	mark("pages")
	if err := r.runExports(); err != nil {
		return err
	}
	mark("exports")
	if next := r.next(); next != nil {
		next.base = r.forPatches()
	}
	return nil
}

// page returns a Page for the page at url, with the shared fields set.
func (r *renderer) page(url, title, description string) Page {
	p := Page{
		Site: r.chron.Site, Root: rootOf(url), URL: url, Title: title, Type: "website",
		Description: truncate(strings.Join(strings.Fields(description), " "), 200), Links: r.links,
		cards: r.cards, fragments: r.fragments,
	}
	if r.chron.Site.BaseURL != "" {
		p.Canonical = absURL(r.chron.Site, url)
	}
	return p
}

func (r *renderer) index() []job {
	key := r.key(func(k *keyer) uint64 { return k.key("index", k.all) })
	return []job{r.pageJob("index.html", "", "", key, func() (Page, error) {
		entries := r.chron.Entries
		page := r.page("", "", r.chron.Site.Description)
		page.Long = len(entries) > IndexLimit
		page.Sections = Sections(r.chron, r.links)
		page.Axis = NewAxis(r.chron.Site, entries, NewWindow(r.chron.Site, entries), page.Root)
		page.Axis.From, page.Axis.To = r.chron.Site.Start.Human(), r.chron.Site.End.Human()
		return page, nil
	})}
}

// entryJob returns the job of the page of r.chron.Entries[i]; filed is
// that entry as r.links filed it, for its phase.
func (r *renderer) entryJob(i int, filed *timeline.Entry) job {
	entries := r.chron.Entries
	e := entries[i]
	key := r.key(func(k *keyer) uint64 {
		var prev, next uint64
		if i > 0 {
			prev = k.entries[i-1]
		}
		if i+1 < len(entries) {
			next = k.entries[i+1]
		}
		return k.key("entry", k.entries[i], prev, next)
	})
	return r.pageJob("entry.html", EntryURL(e.ID), lastMod(e.Date), key, func() (Page, error) {
		e, err := r.withBody(e)
		if err != nil {
			return Page{}, err
		}
		page := r.page(EntryURL(e.ID), e.Title, Lede(e))
		page.Type, page.Entry, page.Phase = "article", e, r.links.PhaseOf(filed)
		if i > 0 {
			page.Prev = entries[i-1]
		}
		if i+1 < len(entries) {
			page.Next = entries[i+1]
		}
		return page, nil
	})
}

// articleJob returns the job of the page of r.chron.Articles[i].
func (r *renderer) articleJob(i int) job {
	a := r.chron.Articles[i]
	key := r.key(func(k *keyer) uint64 { return k.articles[i] })
	return r.pageJob("article.html", ArticleURL(a.ID), "", key, func() (Page, error) {
		a, err := r.articleWithBody(a)
		if err != nil {
			return Page{}, err
		}
		var lede string
		for _, b := range a.Blocks {
			if b.Kind == timeline.Paragraph {
				lede = b.Text
				break
			}
		}
		page := r.page(ArticleURL(a.ID), a.Title, lede)
		page.Type, page.Article = "article", a
		return page, nil
	})
}

// taxonomies returns the jobs of a page per person, tag, month and
// phase, and of an index page per taxonomy.
func (r *renderer) taxonomies() []job {
	templates := map[*Taxonomy]string{r.links.People: "person.html", r.links.Tags: "tag.html", r.links.Months: "month.html", r.links.Phases: "phase.html"}
	levels := map[*Taxonomy]int{r.links.People: 3, r.links.Tags: 2, r.links.Months: 1, r.links.Phases: 2}
	var jobs []job
	for _, tx := range r.links.Taxonomies() {
		for i, term := range tx.Terms {
			pagers := paginate(term.URL, len(term.Entries))
			for _, pager := range pagers {
				key := r.key(func(k *keyer) uint64 { return k.key("term "+tx.ID, k.termPageKey(term, pager)) })
				shown := term.Entries[pager.From:pager.To]
				r.cards.expect(shown)
				jobs = append(jobs, r.pageJob(templates[tx], pager.URL(pager.Number), "", key, func() (Page, error) {
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
						page.Axis = NewAxis(r.chron.Site, term.Entries, phaseWindow(r.chron.Site, term), page.Root)
						if term.Phase != nil {
							page.Axis.From, page.Axis.To = term.Phase.Start.Human(), term.Phase.End.Human()
						}
					}
					return page, nil
				}))
				jobs[len(jobs)-1].first = r.cards.place(shown)
			}
		}
		key := r.key(func(k *keyer) uint64 { return k.key("taxonomy", k.taxonomyKey(tx)) })
		jobs = append(jobs, r.pageJob("taxonomy.html", tx.ID+"/", "", key, func() (Page, error) {
			page := r.page(tx.ID+"/", tx.Name, "")
			page.Taxonomy = tx
			return page, nil
		}))
	}
	return jobs
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

// notFound returns the job of 404.html. A server shows it at any
// missing path, so its links start from the base URL's path instead of a
// relative root.
func (r *renderer) notFound() []job {
	return []job{r.pageJob("404.html", "404.html", "", r.key(func(k *keyer) uint64 { return k.key("404") }), func() (Page, error) {
		page := r.page("404.html", "Page not found", "")
		page.Root, page.Canonical = basePath(r.chron.Site.BaseURL), ""
		return page, nil
	})}
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
