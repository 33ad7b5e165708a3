package render

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/newsroom/timeline/internal/timeline"
)

// TLSlide is the title slide.
type TLSlide struct {
	Text TLText `json:"text"`
}

// TLText is a slide's headline and HTML text.
type TLText struct {
	Headline string `json:"headline"`
	Text     string `json:"text,omitempty"`
}

// TLDate is a TimelineJS date, split into its parts; parts finer than the
// date's precision are left out.
type TLDate struct {
	Year        string `json:"year"`
	Month       string `json:"month,omitempty"`
	Day         string `json:"day,omitempty"`
	Hour        string `json:"hour,omitempty"`
	Minute      string `json:"minute,omitempty"`
	DisplayDate string `json:"display_date,omitempty"`
}

// TLEvent is one entry as a TimelineJS event.
type TLEvent struct {
	StartDate TLDate  `json:"start_date"`
	EndDate   *TLDate `json:"end_date,omitempty"`
	Text      TLText  `json:"text"`
	Group     string  `json:"group,omitempty"`
	UniqueID  string  `json:"unique_id"`
}

// TLEra is a phase as a TimelineJS era.
type TLEra struct {
	StartDate TLDate `json:"start_date"`
	EndDate   TLDate `json:"end_date"`
	Text      TLText `json:"text"`
}

// tlDate splits d into TimelineJS's parts, showing it as readers see it
// ("c. February 2022").
func tlDate(d timeline.Date) TLDate {
	t := TLDate{Year: strconv.Itoa(d.Year), DisplayDate: d.Human()}
	if d.Precision >= timeline.Month {
		t.Month = strconv.Itoa(d.Month)
	}
	if d.Precision >= timeline.Day {
		t.Day = strconv.Itoa(d.Day)
	}
	if d.Precision >= timeline.Minute {
		t.Hour, t.Minute = strconv.Itoa(d.Hour), strconv.Itoa(d.Minute)
	}
	return t
}

// TimelineJSOf returns timelinejs.json, in the TimelineJS3 JSON format
// (https://timeline.knightlab.com/docs/json-format.html), which
// TimelineJS3 opens unmodified: {"title": TLSlide, "events": [TLEvent],
// "eras": [TLEra]}, every entry as an event grouped by its phase, the
// phases as eras (left out when there are none), each event linking to
// its entry page (see eventHTML for its text).
func TimelineJSOf(chron *timeline.Chronology, links *Links) ([]byte, error) {
	site := chron.Site
	var o jsonObject
	o.field("title", TLSlide{Text: TLText{Headline: site.Title, Text: "<p>" + escapeHTML(site.Description) + "</p>"}})
	o.array("events")
	for _, e := range chron.Entries {
		if e.Date.IsZero() {
			continue
		}
		html, err := eventHTML(e)
		if err != nil {
			return nil, err
		}
		html += fmt.Sprintf(`<p><a href="%s">Sources and details</a></p>`, escapeHTML(absURL(site, EntryURL(e.ID))))
		ev := TLEvent{StartDate: tlDate(e.Date), Text: TLText{Headline: e.Title, Text: html}, UniqueID: e.ID}
		if !e.End.IsZero() {
			end := tlDate(e.End)
			ev.EndDate = &end
		}
		if ph := links.PhaseOf(e); ph != nil {
			ev.Group = ph.Name
		}
		o.item(ev)
	}
	o.end()
	var eras []TLEra
	for _, ph := range site.Phases {
		if ph.Start.IsZero() || ph.End.IsZero() {
			continue
		}
		eras = append(eras, TLEra{StartDate: tlDate(ph.Start), EndDate: tlDate(ph.End), Text: TLText{Headline: ph.Name}})
	}
	if len(eras) > 0 {
		o.field("eras", eras)
	}
	return o.bytes()
}

// eventHTML is an entry's text on its TimelineJS slide: its summary,
// and the editors' body only when an entry has no summary; the whole
// text is on the entry page the slide links to. So the export stays
// small, needs no article's body, and renders little Markdown again.
func eventHTML(e *timeline.Entry) (string, error) {
	if !hasArticleText(e) && strings.TrimSpace(e.Summary) == "" {
		return entryHTML(e)
	}
	summary, err := summaryHTML(e)
	if err != nil || summary != "" {
		return string(summary), err
	}
	return "<p>" + escapeHTML(e.Title) + "</p>", nil
}

// sitemapLimit is the most URLs one sitemap file may list.
const sitemapLimit = 50000

// SitemapURL is one page of sitemap.xml.
type SitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []SitemapURL `xml:"url"`
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []SitemapURL `xml:"sitemap"`
}

// Sitemaps returns sitemap.xml listing urls (absolute), and, past
// sitemapLimit URLs, sitemap.xml as an index of sitemap-N.xml files.
func Sitemaps(site timeline.Site, urls []SitemapURL) (map[string][]byte, error) {
	files := map[string][]byte{}
	if len(urls) <= sitemapLimit {
		data, err := marshalXML(urlset{URLs: urls})
		files["sitemap.xml"] = data
		return files, err
	}
	var index sitemapIndex
	for i := 0; i < len(urls); i += sitemapLimit {
		name := fmt.Sprintf("sitemap-%d.xml", i/sitemapLimit+1)
		data, err := marshalXML(urlset{URLs: urls[i:min(i+sitemapLimit, len(urls))]})
		if err != nil {
			return nil, err
		}
		files[name] = data
		index.Sitemaps = append(index.Sitemaps, SitemapURL{Loc: absURL(site, name)})
	}
	data, err := marshalXML(index)
	files["sitemap.xml"] = data
	return files, err
}

// Robots returns robots.txt: everything may be crawled; the sitemap is
// named.
func Robots(site timeline.Site) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + absURL(site, "sitemap.xml") + "\n")
}

// lastMod is a sitemap date for an entry: its day, when known.
func lastMod(d timeline.Date) string {
	if d.Precision < timeline.Day {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

func marshalXML(v any) ([]byte, error) {
	data, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(append([]byte(xml.Header), data...), '\n'), nil
}
