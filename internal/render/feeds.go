package render

import (
	"encoding/json"
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

// entryHTML is an entry's summary and body as HTML, for feeds and exports.
func entryHTML(e *timeline.Entry) (string, error) {
	summary, err := summaryHTML(e)
	if err != nil {
		return "", err
	}
	body, err := bodyHTML(e)
	html := strings.TrimSpace(string(summary) + string(body))
	if html == "" {
		html = "<p>" + escapeHTML(e.Title) + "</p>"
	}
	return html, err
}

// Atom returns feed.xml: the latest entries as Atom 1.0, each updated at
// its own date, the feed at its latest entry's.
func Atom(chron *timeline.Chronology) ([]byte, error) {
	site := chron.Site
	feed := AtomFeed{
		Title: site.Title, ID: absURL(site, ""), Updated: feedTime(timeline.Date{}),
		Links: []AtomLink{
			{Rel: "self", Type: "application/atom+xml", Href: absURL(site, "feed.xml")},
			{Rel: "alternate", Type: "text/html", Href: absURL(site, "")},
		},
		Author: AtomAuthor{Name: site.Title},
	}
	for i, e := range feedEntries(chron.Entries) {
		if i == 0 {
			feed.Updated = feedTime(e.Date)
		}
		content, err := entryHTML(e)
		if err != nil {
			return nil, err
		}
		entry := AtomEntry{
			Title: e.Title, ID: absURL(site, EntryURL(e.ID)), Updated: feedTime(e.Date), Published: feedTime(e.Date),
			Links:   []AtomLink{{Rel: "alternate", Type: "text/html", Href: absURL(site, EntryURL(e.ID))}},
			Summary: AtomText{Type: "text", Body: Lede(e)}, Content: AtomText{Type: "html", Body: content},
		}
		for _, t := range e.Tags {
			entry.Categories = append(entry.Categories, AtomCategory{Term: t})
		}
		feed.Entries = append(feed.Entries, entry)
	}
	data, err := xml.MarshalIndent(feed, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(append([]byte(xml.Header), data...), '\n'), nil
}

// JSONFeedOf returns feed.json: the latest entries as JSON Feed 1.1.
func JSONFeedOf(chron *timeline.Chronology) ([]byte, error) {
	site := chron.Site
	feed := JSONFeed{
		Version: "https://jsonfeed.org/version/1.1", Title: site.Title,
		HomePageURL: absURL(site, ""), FeedURL: absURL(site, "feed.json"),
		Description: site.Description, Language: site.Language,
		Authors: []JSONAuthor{{Name: site.Title}}, Items: []JSONFeedItem{},
	}
	for _, e := range feedEntries(chron.Entries) {
		content, err := entryHTML(e)
		if err != nil {
			return nil, err
		}
		feed.Items = append(feed.Items, JSONFeedItem{
			ID: absURL(site, EntryURL(e.ID)), URL: absURL(site, EntryURL(e.ID)), Title: e.Title,
			Summary: Lede(e), ContentHTML: content, DatePublished: feedTime(e.Date), Tags: e.Tags,
		})
	}
	return marshalJSON(feed)
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

func marshalJSON(v any) ([]byte, error) {
	data, err := json.MarshalIndent(v, "", "  ")
	return append(data, '\n'), err
}
