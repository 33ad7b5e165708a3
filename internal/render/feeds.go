package render

import (
	"encoding/xml"
	"strings"
	"time"

	"github.com/newsroom/timeline/internal/timeline"
)

// FeedLimit is the most entries a feed carries: the latest ones.
const FeedLimit = 50

// AtomFeed is an Atom 1.0 feed (RFC 4287), as written to feed.xml.
type AtomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []AtomLink  `xml:"link"`
	Author  AtomAuthor  `xml:"author"`
	Entries []AtomEntry `xml:"entry"`
}

// AtomLink is an Atom <link>.
type AtomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

// AtomAuthor is an Atom <author>.
type AtomAuthor struct {
	Name string `xml:"name"`
}

// AtomText is an Atom text construct with its type ("text" or "html").
type AtomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

// AtomEntry is one entry of the Atom feed.
type AtomEntry struct {
	Title      string         `xml:"title"`
	ID         string         `xml:"id"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published"`
	Links      []AtomLink     `xml:"link"`
	Categories []AtomCategory `xml:"category"`
	Summary    AtomText       `xml:"summary"`
	Content    AtomText       `xml:"content"`
}

// AtomCategory is an entry's tag.
type AtomCategory struct {
	Term string `xml:"term,attr"`
}

// JSONFeed is a JSON Feed 1.1 (https://jsonfeed.org/version/1.1), as
// written to feed.json.
type JSONFeed struct {
	Version     string         `json:"version"`
	Title       string         `json:"title"`
	HomePageURL string         `json:"home_page_url,omitempty"`
	FeedURL     string         `json:"feed_url,omitempty"`
	Description string         `json:"description,omitempty"`
	Language    string         `json:"language,omitempty"`
	Authors     []JSONAuthor   `json:"authors"`
	Items       []JSONFeedItem `json:"items"`
}

// JSONAuthor is a JSON Feed author.
type JSONAuthor struct {
	Name string `json:"name"`
}

// JSONFeedItem is one entry of the JSON Feed.
type JSONFeedItem struct {
	ID            string   `json:"id"`
	URL           string   `json:"url"`
	Title         string   `json:"title"`
	Summary       string   `json:"summary,omitempty"`
	ContentHTML   string   `json:"content_html"`
	DatePublished string   `json:"date_published"`
	Tags          []string `json:"tags,omitempty"`
}

// feedEntries returns the latest entries, newest first.
func feedEntries(entries []*timeline.Entry) []*timeline.Entry {
	var out []*timeline.Entry
	for i := len(entries) - 1; i >= 0 && len(out) < FeedLimit; i-- {
		out = append(out, entries[i])
	}
	return out
}

// feedTime is the instant a feed gives for d: its first instant, in
// RFC 3339. Feeds carry no "now", so the same content gives the same
// bytes.
func feedTime(d timeline.Date) string {
	if d.IsZero() {
		return time.Unix(0, 0).UTC().Format(time.RFC3339)
	}
	return d.Time().Format(time.RFC3339)
}

// entryHTML is an entry's summary and body as HTML, for feeds and
// exports: the body alone when it opens with the summary's words.
func entryHTML(e *timeline.Entry) (string, error) {
	summary, err := summaryHTML(e)
	if err != nil {
		return "", err
	}
	if bodyRepeatsLede(e) {
		summary = ""
	}
	body, err := bodyHTML(e)
	html := strings.TrimSpace(string(summary) + string(body))
	if html == "" {
		html = "<p>" + escapeHTML(e.Title) + "</p>"
	}
	return html, err
}

// Atom returns feed.xml: the latest entries as Atom 1.0, each updated at
// its own date, the feed at its latest entry's; laid out as
// xml.MarshalIndent lays out an AtomFeed.
func Atom(chron *timeline.Chronology) ([]byte, error) {
	site := chron.Site
	home := absURL(site, "")
	entries := feedEntries(chron.Entries)
	updated := feedTime(timeline.Date{})
	if len(entries) > 0 {
		updated = feedTime(entries[0].Date)
	}
	w := newXMLWriter(16 << 10 * (len(entries) + 1))
	w.start("feed", "xmlns", "http://www.w3.org/2005/Atom")
	w.element("title", site.Title)
	w.element("id", home)
	w.element("updated", updated)
	w.element("link", "", "rel", "self", "type", "application/atom+xml", "href", absURL(site, "feed.xml"))
	w.element("link", "", "rel", "alternate", "type", "text/html", "href", home)
	w.start("author")
	w.element("name", site.Title)
	w.end("author")
	for _, e := range entries {
		content, err := entryHTML(e)
		if err != nil {
			return nil, err
		}
		url, date := absURL(site, EntryURL(e.ID)), feedTime(e.Date)
		w.start("entry")
		w.element("title", e.Title)
		w.element("id", url)
		w.element("updated", date)
		w.element("published", date)
		w.element("link", "", "rel", "alternate", "type", "text/html", "href", url)
		for _, t := range e.Tags {
			w.element("category", "", "term", t)
		}
		w.element("summary", Lede(e), "type", "text")
		w.element("content", content, "type", "html")
		w.end("entry")
	}
	w.end("feed")
	return w.bytes(), nil
}

// JSONFeedOf returns feed.json: the latest entries as JSON Feed 1.1,
// indented as json.MarshalIndent indents a JSONFeed.
func JSONFeedOf(chron *timeline.Chronology) ([]byte, error) {
	site := chron.Site
	entries := feedEntries(chron.Entries)
	w := newJSONWriter(16<<10*(len(entries)+1), false)
	w.beginObject()
	w.field("version", "https://jsonfeed.org/version/1.1")
	w.field("title", site.Title)
	w.fieldOmitEmpty("home_page_url", absURL(site, ""))
	w.fieldOmitEmpty("feed_url", absURL(site, "feed.json"))
	w.fieldOmitEmpty("description", site.Description)
	w.fieldOmitEmpty("language", site.Language)
	w.key("authors")
	w.beginArray()
	w.beginObject()
	w.field("name", site.Title)
	w.end()
	w.end()
	w.key("items")
	w.beginArray()
	for _, e := range entries {
		content, err := entryHTML(e)
		if err != nil {
			return nil, err
		}
		url := absURL(site, EntryURL(e.ID))
		w.beginObject()
		w.field("id", url)
		w.field("url", url)
		w.field("title", e.Title)
		w.fieldOmitEmpty("summary", Lede(e))
		w.field("content_html", content)
		w.field("date_published", feedTime(e.Date))
		if len(e.Tags) > 0 {
			w.key("tags")
			w.strings(e.Tags)
		}
		w.end()
	}
	w.end()
	w.end()
	return w.bytes(), nil
}

// absURL returns the absolute URL of a site-relative one, from the site's
// base URL; without a base URL it stays relative.
func absURL(site timeline.Site, rel string) string {
	base := site.BaseURL
	if base == "" {
		return rel
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	return base + rel
}
