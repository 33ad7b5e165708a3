// Package webpage reads a saved HTML page: it decodes the page's
// charset, parses it as HTML5 and hands on its metadata (headline,
// publication date with the rule and string that gave it, URL, outlet,
// author) and its main text as blocks, with the page's boilerplate
// (navigation, header and footer, asides, forms, share, related,
// newsletter, cookie and comment blocks) left out.
//
// It works on the page's structure and standard markup (JSON-LD,
// Open Graph, meta tags, <time>, the canonical URL), never on a site's
// name or layout. A modified or updated date is never read as the
// publication date.
package webpage

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsroom/timeline/internal/timeline"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// Page is what Read found in a saved page.
type Page struct {
	// Title is the headline, without a site-name suffix that names the
	// outlet; TitleRule says where it came from ("json-ld headline").
	Title, TitleRule string
	// Published is the publication day, zero when the page gives none,
	// and PublishedEvidence the original string, its byte offset in the
	// page (-1 when not found) and the rule that read it.
	Published         timeline.Date
	PublishedEvidence timeline.Evidence
	// URL, Outlet and Author are the page's canonical link, publisher
	// and byline.
	URL, Outlet, Author string
	// Blocks are the main text's paragraphs and sub-headings, in order,
	// each with the byte offset in the page where its text starts.
	Blocks []timeline.Block
	// Captions are the main text's figure captions.
	Captions []timeline.Block
	// Listing is set when the page's JSON-LD describes it as a list of
	// other pages (a category's, a tag's, a search's: CollectionPage,
	// SearchResultsPage) and no article: the dates it shows are theirs.
	Listing bool
	// Note says how the page was read other than as written: elements
	// nested too deep to parse in bounded time were read as word breaks
	// (see flatten); empty for almost every page.
	Note string
}

// ErrNotHTML is the error Read gives for data that is not a text page.
var ErrNotHTML = errors.New("not an HTML page: binary data (want a saved web page)")

// Read reads a saved HTML page. The charset comes from a byte-order
// mark, <meta charset> or an http-equiv Content-Type, else UTF-8; block
// offsets are offsets in the page as decoded, which for UTF-8 pages are
// the file's own. Tags of elements nested more than maxDepth deep are
// read as word breaks, which Page.Note tells. Read fails on data that
// is not text and on pages the HTML parser refuses (more than 512 open
// elements, which only markup that flatten misreads can reach).
//
// A timestamp's day is the day in its own offset. One without an offset
// is read in loc (site.yaml's timezone:, nil for UTC): a clock gives its
// written day there, and Unix seconds, an instant, the day they fall on
// in loc.
func Read(data []byte, loc *time.Location) (*Page, error) {
	text, err := decode(data)
	if err != nil {
		return nil, err
	}
	flat, note := flatten(text)
	doc, err := parseHTML(flat)
	if err != nil {
		return nil, fmt.Errorf("not a readable HTML page: %w", err)
	}
	r := &reader{src: flat, doc: doc, note: note}
	r.index(doc)
	r.readMeta()
	r.readTitle()
	r.readBody()
	if !r.listing { // the dates shown on a page of stories are theirs
		r.readHeaderTime()
		if !r.published.found || r.published.rank > rankHeadText {
			r.readHeadDate()
		}
	}
	r.localize()
	r.inZone(loc)
	return r.page(), nil
}

// decode returns data as UTF-8 text, decoded from the charset its
// byte-order mark or markup declares, or ErrNotHTML for binary data.
func decode(data []byte) (string, error) {
	if looksBinary(data) {
		return "", ErrNotHTML
	}
	if utf8.Valid(data) {
		// A page that is valid UTF-8 is read as UTF-8 whatever it
		// declares: text in another charset is hardly ever valid UTF-8.
		return string(bytes.TrimPrefix(data, utf8BOM)), nil
	}
	r, err := charset.NewReader(bytes.NewReader(data), "text/html")
	if err != nil {
		return string(data), nil
	}
	decoded, err := io.ReadAll(r)
	if err != nil {
		return "", err
	}
	return strings.ToValidUTF8(string(decoded), "\uFFFD"), nil
}

// utf8BOM is UTF-8's byte-order mark.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// looksBinary reports whether the first 4 KB of data hold NUL bytes or
// other control characters text never has (a UTF-16 page, which starts
// with its byte-order mark, is text).
func looksBinary(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		return false
	}
	head := data[:min(len(data), 4096)]
	bad := 0
	for _, c := range head {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			bad++
		}
	}
	return bad*50 > len(head)
}

// page assembles the Page, with the evidence's offset in the source.
func (r *reader) page() *Page {
	p := &Page{
		Title: r.title, TitleRule: r.titleRule,
		URL: r.url, Outlet: r.outlet, Author: r.author,
		Blocks: r.blocks, Captions: r.captions, Note: r.note, Listing: r.listing,
	}
	if r.published.found {
		p.Published = r.published.day
		p.PublishedEvidence = timeline.Evidence{Text: r.published.text, Offset: strings.Index(r.src, r.published.text), Rule: "publication: metadata " + r.published.rule}
	}
	return p
}

// parseHTML parses text as an HTML5 document, reading <noscript> as
// markup, as a browser without scripts would.
func parseHTML(text string) (*html.Node, error) {
	return html.ParseWithOptions(strings.NewReader(text), html.ParseOptionEnableScripting(false))
}
