package webpage

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/newsroom/timeline/internal/newsdate"
	"github.com/newsroom/timeline/internal/timeline"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Publication date rules, best first. A rule only ever reads a
// publication date: modified and updated dates are never candidates.
const (
	rankJSONLD = iota
	rankOpenGraph
	rankItemprop
	rankNamed
	rankCreated
	rankPageJSONLD
	rankHeaderTime
	rankHeadText
	rankURL
)

// publishedProperties are the meta property= names of a publication
// date (Open Graph and its article namespace).
var publishedProperties = map[string]bool{
	"article:published_time": true, "og:published_time": true, "og:article:published_time": true,
	"article:published": true, "og:pubdate": true, "article:published_date": true,
}

// publishedNames are the common meta name= tags of a publication date:
// Dublin Core, Highwire, Parse.ly, Sailthru and the plain ones.
var publishedNames = map[string]bool{
	"pubdate": true, "publishdate": true, "publish-date": true, "publish_date": true,
	"published-date": true, "published_date": true, "published_time": true, "publication_date": true,
	"publication-date": true, "date": true, "dc.date": true, "dc.date.issued": true,
	"dcterms.date": true, "dcterms.issued": true, "citation_publication_date": true,
	"citation_date": true, "citation_online_date": true, "parsely-pub-date": true, "sailthru.date": true,
	"article.published": true, "article_date_original": true, "original-publish-date": true,
	"originalpublicationdate": true, "datepublished": true, "date_published": true, "displaydate": true,
	"article:published_time": true, "og:published_time": true, "cxenseparse:recs:publishtime": true,
	"release_date": true, "pub_date": true, "publish-time": true,
	"pdate": true, "ptime": true, "publication-time": true, "date.published": true, "dc.date.available": true,
}

// createdNames are the meta name= tags of the day a page was made,
// which gives its publication day only when no tag gives that: a draft
// is created before it is issued (Plone's DC.date.created the day
// before its DC.date.issued).
var createdNames = map[string]bool{"dc.date.created": true, "dcterms.created": true, "article.created": true}

// readMeta reads the head's meta tags, the JSON-LD, itemprop
// datePublished and the canonical URL.
func (r *reader) readMeta() {
	r.readJSONLD()
	converted := r.convertedDocument()
	for _, m := range r.metas {
		r.readMetaTag(m, converted)
	}
	r.readItemprop()
	r.readURL()
	if r.outlet == "" {
		r.outlet = r.siteName
	}
	if d, text, ok := urlDay(r.url); ok {
		r.urlDate = dated{found: true, day: d, text: text, rule: "canonical URL", rank: rankURL}
		r.offer(r.urlDate)
	}
	for _, t := range r.times {
		r.noteStamp(attr(t, "datetime"))
	}
}

// noted is a timestamp the page holds, kept to find the publication
// instant in the page's own offset (see localize).
type noted struct {
	text string
	st   stamp
}

// noteStamp keeps s when it is a timestamp with a clock.
func (r *reader) noteStamp(s string) {
	if st, ok := parseStamp(s); ok && st.clock && len(r.stamps) < 256 {
		r.stamps = append(r.stamps, noted{strings.TrimSpace(s), st})
	}
}

// localize moves a publication date read from a UTC timestamp to its
// day in the page's own offset, when the page gives the same instant
// in that offset elsewhere: "2022-04-22T04:11:44+00:00" beside
// "2022-04-21T22:11:44-06:00", or beside "2022-04-21 22:11:44" (a local
// clock a whole number of quarter hours away, to the second).
func (r *reader) localize() {
	if !r.published.found {
		return
	}
	best, ok := parseStamp(r.published.text)
	if !ok || !best.clock || best.zoned && best.offset != 0 {
		return
	}
	for _, n := range r.stamps {
		if !best.zoned {
			break // an unzoned time is matched to the day shown beside the headline only
		}
		st := n.st
		if st.zoned && st.offset == 0 || st.day == best.day {
			continue
		}
		diff := st.utcMinute() - best.utcMinute()
		same := st.zoned && diff == 0 && (st.second == best.second || st.second < 0 || best.second < 0)
		local := !st.zoned && st.second >= 0 && st.second == best.second && diff%15 == 0 && diff >= -14*60 && diff <= 14*60
		if same || local {
			r.published.day, r.published.text = st.day, n.text
			r.published.rule += ", in the page's own offset"
			return
		}
	}
	if _, shown, _, _, ok := r.headDateText(); ok {
		if st, ok := r.shownDate(shown, newsdate.Scan); ok && shownLocally(best, shown, st.day) {
			r.published.day, r.published.text = st.day, shown
			r.published.rule += ", on the day the page shows beside its headline"
		}
	}
}

// shownLocally reports whether text, the date a page shows beside its
// headline (day), is the UTC instant best on the page's own clock: a
// day before or after best's, with a clock a whole number of quarter
// hours from it within fourteen hours ("Mar 1, 2022, 12:30 am" beside
// "2022-02-28T16:30:00Z"), or without a clock, on the side of midnight
// some offset from -12 to +14 hours reaches ("Mon., Nov. 30, 2020"
// beside "2020-12-01T03:30:00Z").
func shownLocally(best stamp, text string, day timeline.Date) bool {
	days := newsdate.DaysBetween(best.day, day)
	if days != 1 && days != -1 {
		return false
	}
	for _, m := range newsdate.Scan(text) {
		if m.Kind == newsdate.Absolute && m.HasClock {
			shown := stamp{day: day, minutes: m.Hour*60 + m.Minute}
			diff := shown.utcMinute() - best.utcMinute()
			return diff%15 == 0 && diff >= -12*60 && diff <= 14*60
		}
	}
	if days == 1 {
		return best.minutes >= 10*60 // the page's offset is at most +14 hours
	}
	return best.minutes < 12*60 // and at least -12 hours
}

// inZone moves a publication date read from Unix seconds or
// milliseconds, which unixDay reads in UTC, to its day in loc.
func (r *reader) inZone(loc *time.Location) {
	if !r.published.found || loc == nil || loc == time.UTC {
		return
	}
	s := strings.TrimSpace(r.published.text)
	if _, ok := unixDay(s); !ok {
		return
	}
	n, _ := strconv.ParseInt(s, 10, 64)
	if len(s) == 13 {
		n /= 1000
	}
	t := time.Unix(n, 0).In(loc)
	if day := timeline.DayOf(t.Year(), int(t.Month()), t.Day()); day != r.published.day {
		r.published.day = day
		r.published.rule += ", in site.yaml's timezone " + loc.String()
	}
}

// offer keeps c when it ranks before the date found so far. A date read
// from the page's text (a header's time, the date beside the headline)
// that is more than a day from the canonical URL's gives way to it: a
// visible date may be an update's, the URL's is the first publication's.
func (r *reader) offer(c dated) {
	if c.rank >= rankHeaderTime && r.urlDate.found && farApart(c.day, r.urlDate.day) {
		return
	}
	if !r.published.found || c.rank < r.published.rank {
		r.published = c
	}
}

// farApart reports whether two days are more than a day apart.
func farApart(a, b timeline.Date) bool {
	n := newsdate.DaysBetween(a, b)
	return n < -1 || n > 1
}

// offerString offers the day that s names, read by rule.
func (r *reader) offerString(s, rule string, rank int) {
	r.noteStamp(s)
	if r.published.found && r.published.rank <= rank {
		return
	}
	if d, ok := parseDay(s); ok {
		r.offer(dated{found: true, day: d, text: strings.TrimSpace(s), rule: rule, rank: rank})
	}
}

// converters name, in a page's <meta name="generator">, the tools that
// turn a document into a page.
var converters = []string{"pdftohtml", "pdf2htmlex", "microsoft word", "libreoffice", "openoffice"}

// convertedDocument reports whether the page was made from a document
// (a PDF, a word processor's file) by a converter: its date tags are
// then the file's (a PDF's creation), not the day it was published.
func (r *reader) convertedDocument() bool {
	for _, m := range r.metas {
		if strings.EqualFold(strings.TrimSpace(attr(m, "name")), "generator") {
			g := strings.ToLower(attr(m, "content"))
			for _, c := range converters {
				if strings.Contains(g, c) {
					return true
				}
			}
		}
	}
	return false
}

// readMetaTag reads one <meta> element; the date tags of a converted
// document are passed over.
func (r *reader) readMetaTag(m *html.Node, converted bool) {
	content := strings.TrimSpace(attr(m, "content"))
	if content == "" {
		return
	}
	prop := strings.ToLower(strings.TrimSpace(attr(m, "property")))
	name := strings.ToLower(strings.TrimSpace(attr(m, "name")))
	for _, key := range []string{prop, name} {
		switch {
		case key == "":
		case publishedProperties[key] && key == prop:
			r.offerString(content, key, rankOpenGraph)
		case publishedNames[key] && !converted:
			r.offerString(content, key, rankNamed)
		case createdNames[key] && !converted:
			r.offerString(content, key, rankCreated)
		case key == "parsely-page":
			r.readParselyPage(content)
		case key == "og:title":
			setOnce(&r.ogTitle, collapse(content))
		case key == "twitter:title":
			setOnce(&r.twitTitle, collapse(content))
		case key == "og:site_name" || key == "application-name":
			setOnce(&r.siteName, collapse(content))
		case key == "og:url":
			setOnce(&r.ogURL, content)
		case key == "author" || key == "article:author" || key == "parsely-author" || key == "sailthru.author" || key == "dc.creator":
			if !strings.Contains(content, "://") {
				setOnce(&r.metaAuthor, collapse(content))
			}
		}
	}
}

// readParselyPage reads the pub_date of a parsely-page JSON tag.
func (r *reader) readParselyPage(content string) {
	var v struct {
		PubDate string `json:"pub_date"`
	}
	if json.Unmarshal([]byte(content), &v) == nil && v.PubDate != "" {
		r.offerString(v.PubDate, "parsely-page pub_date", rankNamed)
	}
}

// readItemprop reads the first itemprop="datePublished" outside
// boilerplate (a related story's teaser has its own): a meta's content,
// a time's datetime, or the element's text.
func (r *reader) readItemprop() {
	if r.published.found && r.published.rank <= rankItemprop || r.body == nil {
		return
	}
	for n := r.doc; n != nil; n = next(n, r.doc, false) {
		if n.Type != html.ElementNode || !strings.EqualFold(attr(n, "itemprop"), "datePublished") || inTeasers(n) {
			continue
		}
		abbr := "" // hAtom's <abbr itemprop="datePublished" title="2012-01-10T10:42:00+05:30">10:42</abbr>
		if n.DataAtom == atom.Abbr {
			abbr = attr(n, "title")
		}
		for _, v := range []string{attr(n, "content"), attr(n, "datetime"), abbr, visibleText(n)} {
			if v != "" {
				r.offerString(v, "itemprop datePublished", rankItemprop)
				break
			}
		}
		return
	}
}

// teaserWords name the lists of other stories a page shows.
var teaserWords = []string{"related", "recommended", "trending", "popular", "recirculation", "more-stories", "latest"}

// inTeasers reports whether n sits in a nav, an aside, a footer or a
// list of other stories, whose dates are theirs, not the page's.
func inTeasers(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		switch p.DataAtom {
		case atom.Nav, atom.Aside, atom.Footer:
			return true
		}
		names := strings.ToLower(attr(p, "class") + " " + attr(p, "id"))
		for _, w := range teaserWords {
			if strings.Contains(names, w) {
				return true
			}
		}
	}
	return false
}

// readHeaderTime reads the first <time datetime> in the article's
// header: a header that holds the headline's h1 or sits in an
// <article>, or a time marked pubdate; never the site's header, whose
// time is often the day the page was saved. A time marked as an update
// is skipped.
func (r *reader) readHeaderTime() {
	for _, t := range r.times {
		dt := attr(t, "datetime")
		cls := strings.ToLower(attr(t, "class") + " " + attr(t, "itemprop"))
		if dt == "" || strings.Contains(cls, "updat") || strings.Contains(cls, "modif") {
			continue
		}
		_, marked := hasAttr(t, "pubdate")
		if marked || r.inArticleHeader(t) {
			r.offerString(dt, "<time datetime> in the article's header", rankHeaderTime)
			return
		}
	}
}

// hasAttr returns n's attribute key and whether it is set.
func hasAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// inArticleHeader reports whether n sits in a <header> that is inside an
// <article> or holds the headline's h1.
func (r *reader) inArticleHeader(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom != atom.Header {
			continue
		}
		if inside(p, atom.Article) || r.titleNode != nil && within(r.titleNode, p) {
			return true
		}
	}
	return false
}

// readURL sets the page's URL: the canonical link, og:url or the
// JSON-LD's, the first that is an absolute http(s) URL; and the author
// from the meta tags when the JSON-LD named none.
func (r *reader) readURL() {
	for _, u := range []string{r.links["canonical"], r.ogURL, r.jsonURL} {
		u = strings.TrimSpace(u)
		if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
			r.url = u
			break
		}
	}
	if r.author == "" {
		r.author = r.metaAuthor
	}
}

// setOnce sets *dst to v when it is still empty.
func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}
