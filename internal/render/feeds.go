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

// atomFeed is an Atom 1.0 feed (RFC 4287), as written to feed.xml.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

// atomText is an Atom text construct with its type ("text" or "html").
type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type atomEntry struct {
	Title      string         `xml:"title"`
	ID         string         `xml:"id"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published"`
	Links      []atomLink     `xml:"link"`
	Categories []atomCategory `xml:"category"`
	Summary    atomText       `xml:"summary"`
	Content    atomText       `xml:"content"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// jsonFeed is a JSON Feed 1.1 (https://jsonfeed.org/version/1.1), as
// written to feed.json.
type jsonFeed struct {
	Version     string         `json:"version"`
	Title       string         `json:"title"`
	HomePageURL string         `json:"home_page_url,omitempty"`
	FeedURL     string         `json:"feed_url,omitempty"`
	Description string         `json:"description,omitempty"`
	Language    string         `json:"language,omitempty"`
	Authors     []jsonAuthor   `json:"authors"`
	Items       []jsonFeedItem `json:"items"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

type jsonFeedItem struct {
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

// atomOf returns feed.xml: the latest entries as Atom 1.0, each updated
// at its own date, the feed at its latest entry's.
func atomOf(chron *timeline.Chronology) ([]byte, error) {
	site := chron.Site
	home := absURL(site, "")
	entries := feedEntries(chron.Entries)
	feed := atomFeed{
		Title: site.Title, ID: home, Updated: feedTime(timeline.Date{}),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: absURL(site, "feed.xml")},
			{Rel: "alternate", Type: "text/html", Href: home},
		},
		Author: atomAuthor{Name: site.Title},
	}
	if len(entries) > 0 {
		feed.Updated = feedTime(entries[0].Date)
	}
	for _, e := range entries {
		content, err := entryHTML(e)
		if err != nil {
			return nil, err
		}
		url, date := absURL(site, EntryURL(e.ID)), feedTime(e.Date)
		entry := atomEntry{
			Title: e.Title, ID: url, Updated: date, Published: date,
			Links:   []atomLink{{Rel: "alternate", Type: "text/html", Href: url}},
			Summary: atomText{Type: "text", Body: Lede(e)}, Content: atomText{Type: "html", Body: content},
		}
		for _, tag := range e.Tags {
			entry.Categories = append(entry.Categories, atomCategory{Term: tag})
		}
		feed.Entries = append(feed.Entries, entry)
	}
	return marshalXML(feed)
}

// jsonFeedOf returns feed.json: the latest entries as JSON Feed 1.1.
func jsonFeedOf(chron *timeline.Chronology) ([]byte, error) {
	site := chron.Site
	feed := jsonFeed{
		Version: "https://jsonfeed.org/version/1.1", Title: site.Title,
		HomePageURL: absURL(site, ""), FeedURL: absURL(site, "feed.json"),
		Description: site.Description, Language: site.Language,
		Authors: []jsonAuthor{{Name: site.Title}}, Items: []jsonFeedItem{},
	}
	for _, e := range feedEntries(chron.Entries) {
		content, err := entryHTML(e)
		if err != nil {
			return nil, err
		}
		url := absURL(site, EntryURL(e.ID))
		feed.Items = append(feed.Items, jsonFeedItem{
			ID: url, URL: url, Title: e.Title, Summary: Lede(e), ContentHTML: content,
			DatePublished: feedTime(e.Date), Tags: e.Tags,
		})
	}
	data, err := json.MarshalIndent(feed, "", "  ")
	return append(data, '\n'), err
}

// marshalXML returns v as an XML document, indented by two spaces, with a
// final newline.
func marshalXML(v any) ([]byte, error) {
	data, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(append([]byte(xml.Header), data...), '\n'), nil
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
