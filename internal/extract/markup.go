package extract

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsroom/timeline/internal/webpage"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// ruleFeedDate names a publication date read from a news feed's markup.
const ruleFeedDate = "publication: feed date"

// readMarkup returns the text an article given as markup reads as, and
// what its markup says beside it: a news feed's XML (NITF, NewsML) is
// read for its headline, dateline, issue date and paragraphs; a page
// saved with its tags through the saved-page reader (internal/webpage)
// for its headline, main text and metadata, or, when that finds no main
// text, for all its visible text. ok is false when data is not
// markup (it does not open with a tag), which no plain text does.
func readMarkup(data []byte, loc *time.Location) (text []byte, meta Meta, ok bool) {
	head := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(head) == 0 {
		return nil, Meta{}, false
	}
	if head[0] != '<' {
		return readTitledMarkup(head, loc)
	}
	lower := bytes.ToLower(head[:min(len(head), 1024)])
	if !bytes.Contains(lower, []byte("<html")) && !bytes.Contains(lower, []byte("<!doctype html")) {
		if feed, err := readFeed(head); err == nil && feed.title+feed.itemTitle+feed.body != "" {
			return []byte(feed.text()), feed.meta(), true
		}
	}
	if page, err := webpage.Read(head, loc); err == nil && len(page.Blocks) > 0 {
		return pageText(page), pageMeta(page), true
	}
	visible, err := visibleText(head)
	if err != nil {
		return nil, Meta{}, false
	}
	return []byte(visible), Meta{}, true
}

// readTitledMarkup reads a headline line followed by markup, as a
// scraper that gives every text its headline as line 1 writes a feed
// item or a saved page: the markup is read as readMarkup reads it, with
// the headline line above it unless the markup's own headline repeats
// it. ok is false unless the line after the headline (and blank lines)
// opens with a tag and the text ends with one.
func readTitledMarkup(data []byte, loc *time.Location) (text []byte, meta Meta, ok bool) {
	title, rest, found := bytes.Cut(data, []byte("\n"))
	title = bytes.TrimSpace(title)
	rest = bytes.TrimSpace(rest)
	if !found || len(title) == 0 || len(title) > 300 || bytes.IndexByte(title, '<') >= 0 ||
		len(rest) < 2 || rest[0] != '<' || rest[len(rest)-1] != '>' || !isTagStart(rest[1]) {
		return nil, Meta{}, false
	}
	text, meta, ok = readMarkup(rest, loc)
	if !ok {
		return nil, Meta{}, false
	}
	first, _, _ := bytes.Cut(text, []byte("\n"))
	if string(bytes.Join(bytes.Fields(first), []byte(" "))) == string(bytes.Join(bytes.Fields(title), []byte(" "))) {
		return text, meta, true
	}
	return append(append(append([]byte(nil), title...), "\n\n"...), text...), meta, true
}

// isTagStart reports whether c may follow the '<' that opens a tag, a
// declaration or a processing instruction.
func isTagStart(c byte) bool {
	return c == '?' || c == '!' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// pageText returns a saved page's main text as plain text: its headline
// as line 1, then its blocks, one a line.
func pageText(page *webpage.Page) []byte {
	var b strings.Builder
	if page.Title != "" {
		b.WriteString(page.Title)
		b.WriteString("\n\n")
	}
	for _, bl := range page.Blocks {
		b.WriteString(strings.Join(strings.Fields(bl.Text), " "))
		b.WriteString("\n")
	}
	return []byte(b.String())
}

// pageMeta returns what a saved page's metadata says of it. Its date's
// evidence keeps the page's string and rule; its offset is -1, as the
// page's offsets are not those of its text.
func pageMeta(page *webpage.Page) Meta {
	ev := page.PublishedEvidence
	ev.Offset = -1
	return Meta{Published: page.Published, PublishedEvidence: ev, URL: page.URL, Outlet: page.Outlet, Author: page.Author}
}

// feed is what a news feed's XML says of one article. itemTitle is an
// RSS or Atom title, the headline when no headline element gives one.
type feed struct {
	title, itemTitle, dateline, date, byline, body string
	// teaser is the HTML of a story's description or summary.
	teaser string
	// dates are the dates the feed writes, in order (feedDateElements),
	// of which date is the one that gives its day (localFeedDate).
	dates []string
	// inItem is set once an RSS item or Atom entry has begun.
	inItem bool
}

// feedElements are the elements a feed's article is read from, by what
// they hold: NITF's hedline/hl1, dateline, date.issue and p, and their
// NewsML and NewsML-G2 counterparts.
var feedElements = map[string]string{
	"hl1": "title", "headline": "title", "headLine": "title", "HeadLine": "title",
	"dateline": "dateline", "DateLine": "dateline",
	"byline": "byline", "ByLine": "byline", "by": "byline", "creator": "byline",
	"p": "p",
	// RSS and Atom: a title, and HTML content as escaped or CDATA text;
	// a description or summary is the story's teaser, its text only when
	// no content element gives the story.
	"title": "itemTitle", "description": "teaser", "summary": "teaser", "encoded": "html", "content": "html",
}

// feedDateElements and their attributes give the issue date.
var feedDateElements = map[string]string{
	"date.issue": "norm", "story.date": "norm", "firstCreated": "", "FirstCreated": "", "contentCreated": "",
	"DateId": "", "versionCreated": "", "pubDate": "", "published": "", "issued": "",
	"pubdata": "date.publication",
}

// maxFeedDates is how many dates of a feed localFeedDate looks at.
const maxFeedDates = 8

// feedAutoClose are the HTML elements a feed's markup may leave
// unclosed, but for RSS's <link>, which holds its URL.
var feedAutoClose = slices.DeleteFunc(slices.Clone(xml.HTMLAutoClose), func(s string) bool { return s == "link" })

// readFeed reads a feed's XML; it returns an error when the markup is
// not XML at all, and what it read up to a later error.
func readFeed(data []byte) (feed, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.AutoClose = feedAutoClose
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = charset.NewReaderLabel
	var f feed
	var body strings.Builder
	var into string   // what the element being read holds ("title", "p", ...)
	var text []string // its text so far
	depth, at := 0, 0
	for {
		tok, err := dec.Token()
		if err != nil {
			if errors.Is(err, io.EOF) || f.title+f.itemTitle+body.String() != "" {
				break
			}
			return f, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			name := t.Name.Local
			if (name == "item" || name == "entry") && !f.inItem {
				f.inItem, f.itemTitle = true, "" // the first story's title, not its channel's
			}
			if attr, ok := feedDateElements[name]; ok && len(f.dates) < maxFeedDates {
				if d := attrOr(t, attr); d != "" {
					f.dates = append(f.dates, d)
				} else if attr == "" && into == "" {
					into, at = "date", depth
				}
			}
			if kind, ok := feedElements[name]; ok && into == "" && !mediaElement(t.Name) {
				into, at, text = kind, depth, text[:0]
			}
		case xml.CharData:
			if into != "" {
				text = append(text, string(t))
			}
		case xml.EndElement:
			if into != "" && depth == at {
				f.add(into, strings.Join(strings.Fields(joinCharData(text)), " "), &body)
				into, text = "", text[:0]
			}
			depth--
		}
	}
	if body.Len() == 0 && f.teaser != "" {
		if text, err := visibleText([]byte(f.teaser)); err == nil {
			body.WriteString(text)
		}
	}
	f.body = body.String()
	f.date = localFeedDate(f.dates)
	if f.title == "" {
		f.title = f.itemTitle
	}
	return f, nil
}

// mediaElement reports whether an element is Media RSS's (media:content,
// media:description): a picture and its caption, not the story.
func mediaElement(n xml.Name) bool {
	return n.Space == "http://search.yahoo.com/mrss/" || n.Space == "media"
}

// joinCharData joins the pieces of text of an element and the elements
// inside it: as they are, with a space only between two pieces that
// would otherwise run together ("<location>SANTIAGO,
// Chile</location>, <story.date>" keeps its comma where it was).
func joinCharData(parts []string) string {
	var b strings.Builder
	for _, p := range parts {
		if b.Len() > 0 && p != "" {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(p)
			if !unicode.IsSpace(last) && !unicode.IsSpace(first) && !strings.ContainsRune(",.;:!?)]}’”", first) && !strings.ContainsRune("([{‘“", last) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(p)
	}
	return b.String()
}

// add files the text of an element of kind into the feed.
func (f *feed) add(kind, s string, body *strings.Builder) {
	switch {
	case s == "":
	case kind == "title" && f.title == "":
		f.title = s
	case kind == "itemTitle" && f.itemTitle == "":
		f.itemTitle = s
	case kind == "teaser" && f.inItem && f.teaser == "":
		f.teaser = s
	case kind == "html":
		if text, err := visibleText([]byte(s)); err == nil {
			body.WriteString(text)
		}
	case kind == "dateline" && f.dateline == "":
		f.dateline = s
	case kind == "byline" && f.byline == "":
		f.byline = s
	case kind == "date" && len(f.dates) < maxFeedDates:
		f.dates = append(f.dates, s)
	case kind == "p":
		body.WriteString(s)
		body.WriteString("\n")
	}
}

// attrOr returns the value of the element's attribute name, or "".
func attrOr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// text returns the feed's article as plain text: the headline as line
// 1, the byline, then the paragraphs, the first after the dateline.
func (f *feed) text() string {
	var b strings.Builder
	b.WriteString(f.title)
	b.WriteString("\n\n")
	if f.byline != "" {
		b.WriteString(f.byline)
		b.WriteString("\n")
	}
	body := f.body
	if f.dateline != "" && !strings.HasPrefix(body, f.dateline) {
		sep := " — "
		if strings.HasSuffix(f.dateline, "-") || strings.HasSuffix(f.dateline, "—") || strings.HasSuffix(f.dateline, "–") {
			sep = " "
		}
		body = f.dateline + sep + body
	}
	b.WriteString(body)
	return b.String()
}

// invisible are the elements whose text a page never shows.
var invisible = map[string]bool{
	"head": true, "script": true, "style": true, "noscript": true, "template": true,
	"svg": true, "iframe": true, "object": true, "canvas": true, "select": true,
}

// blockElements end a line of visible text where they open and close.
var blockElements = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true, "br": true, "tr": true,
	"td": true, "th": true, "table": true, "section": true, "article": true, "header": true,
	"footer": true, "nav": true, "aside": true, "main": true, "figure": true, "figcaption": true,
	"blockquote": true, "pre": true, "form": true, "hr": true, "address": true, "fieldset": true,
	"legend": true, "details": true, "summary": true, "option": true, "button": true, "label": true,
	"body": true, "caption": true,
}

// visibleText returns the visible text of an HTML page the way a scraper
// that keeps all of it would: every text node outside scripts, styles
// and the head, blocks on lines of their own, runs of white space as one
// space, navigation, footers and all.
func visibleText(data []byte) (string, error) {
	r, err := charset.NewReader(bytes.NewReader(data), "text/html")
	if err != nil {
		return "", err
	}
	doc, err := html.Parse(r)
	if err != nil {
		return "", err
	}
	var out, line strings.Builder
	flush := func() {
		s := strings.Join(strings.Fields(line.String()), " ")
		if s != "" {
			out.WriteString(s)
			out.WriteString("\n")
		}
		line.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && invisible[n.Data] {
			return
		}
		if n.Type == html.TextNode {
			line.WriteString(n.Data)
			return
		}
		block := n.Type == html.ElementNode && blockElements[n.Data]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(doc)
	flush()
	return out.String(), nil
}
