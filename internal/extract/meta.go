package extract

import "github.com/newsroom/timeline/internal/timeline"

// Meta is what a scrape says about an article beside its text: a
// dataset's row, a saved page's metadata (JSON-LD, meta tags), a
// Markdown file's front matter, or a date in the file's name. The zero
// Meta says nothing.
type Meta struct {
	// Title is the headline the metadata gives; it wins over the text's.
	Title string
	// Published is the publication date the metadata gives, and
	// PublishedEvidence where it came from: Rule names the source and
	// field ("publication: metadata datePublished"), Text is the original
	// string, Offset is -1 when the string is not in the article's text.
	Published         timeline.Date
	PublishedEvidence timeline.Evidence
	// URL, Outlet and Author are the article's link, publisher and byline
	// as the metadata gives them.
	URL, Outlet, Author string
}

// ExtractWith reads the article data found at path, as Extract does,
// with what its scrape says about it. The metadata's publication date, at
// day precision or finer, is the publication date (the text's own is
// still read, and the lede's event date is resolved against the
// metadata's); its title and outlet win over the text's.
func ExtractWith(path string, data []byte, meta Meta, opts Options) *Article {
	return extract(path, data, meta, opts)
}

// applyMeta lets the metadata's title and outlet win over the text's.
func (x *extraction) applyMeta() {
	if x.meta.Title != "" {
		x.a.Title, x.a.TitleDerived = x.meta.Title, false
	}
	if x.meta.Outlet != "" {
		x.a.Outlet = x.meta.Outlet
	}
}
