package webpage

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// titleSeparators split a page title into the headline and the site's
// name ("Headline - CNN", "Reuters | Headline").
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " / "}

// readTitle sets the headline, the first of: a listing page's one h1 (its
// own title); the heading after a blog's
// name or under a section's h1 (subheads.go); the visible h1 when the
// metadata's headline (JSON-LD headline, og:title, twitter:title,
// <title>) agrees with it; the page's one h1 beside a metadata headline
// written for search; a subhead the metadata names, on a page of no h1;
// the metadata's headline (of three words or more); the page's only h1;
// on a page of no h1 the text in its largest <font> (fontHeadline), or,
// on a page of no h1 but its site's name, the element whose class names
// it (classHeadline); the h2 or h3 the <title> holds, or the first under
// a <title> of names; the one long part of the <title>; the <title>. A
// site-name part that names the outlet is removed; an h1 that is the
// site's name (a logo, or of a class that says so) is no headline.
func (r *reader) readTitle() {
	for _, a := range r.homeLinks() {
		if name := normalized(visibleText(a)); name != "" && len(name) <= 60 {
			r.homeNames = append(r.homeNames, name)
		}
	}
	metaTitles := []struct{ text, rule string }{
		{r.jsonHeadline, "json-ld headline"}, {r.ogTitle, "og:title"},
		{r.twitTitle, "twitter:title"}, {r.docTitle, "<title>"},
	}
	h1s := r.headlineH1s()
	if r.listing && len(h1s) == 1 {
		r.title, r.titleRule, r.titleNode = visibleText(h1s[0]), "<h1> of a page that lists others", h1s[0]
		return
	}
	if n := r.blogPostHeading(h1s); n != nil {
		r.title, r.titleRule, r.titleNode = visibleText(n), "<h2> or <h3> after the blog's name in <title>", n
		return
	}
	if n := r.underSectionName(h1s); n != nil {
		r.title, r.titleRule, r.titleNode = visibleText(n), "<h2> or <h3> under an <h1> that names a section", n
		return
	}
	for _, h := range h1s {
		text := visibleText(h)
		for _, m := range metaTitles {
			if m.text != "" && agrees(text, r.stripSiteName(m.text)) {
				r.title, r.titleRule, r.titleNode = r.stripSiteName(text), "<h1> agreeing with "+m.rule, h
				return
			}
		}
	}
	for _, m := range metaTitles[:3] {
		if letterWords(m.text) < 3 {
			continue // "Press release": a label, no headline
		}
		if len(h1s) == 1 && otherHeadline(visibleText(h1s[0]), r.stripSiteName(m.text)) {
			r.title, r.titleRule, r.titleNode = visibleText(h1s[0]), "<h1>, not the "+m.rule+" written for search", h1s[0]
			return
		}
		if n := r.subheadFor(r.stripSiteName(m.text)); len(h1s) == 0 && n != nil {
			r.title, r.titleRule, r.titleNode = visibleText(n), "<h2> or <h3> for the "+m.rule, n
			return
		}
		r.title, r.titleRule = r.stripSiteName(m.text), m.rule
		return
	}
	if len(h1s) == 1 {
		r.title, r.titleRule, r.titleNode = visibleText(h1s[0]), "<h1>", h1s[0]
		return
	}
	if len(r.h1s) == 0 {
		if n, text := r.fontHeadline(); n != nil {
			r.title, r.titleRule, r.titleNode = text, "largest <font>", n
			return
		}
	}
	if n, text := r.classHeadline(); len(h1s) == 0 && n != nil {
		r.title, r.titleRule, r.titleNode = text, "the element whose class names the headline", n
		return
	}
	if n := r.titleHeading(); n != nil {
		r.title, r.titleRule, r.titleNode = visibleText(n), "<h2> or <h3> that the <title> holds", n
		return
	}
	if n := r.firstSubhead(); len(r.h1s) == 0 && namesOnly(r.docTitle) && n != nil {
		r.title, r.titleRule, r.titleNode = visibleText(n), "first <h2> or <h3> under a <title> of names", n
		return
	}
	if part := longestPart(r.docTitle); part != "" {
		r.title, r.titleRule = part, "the one long part of the <title>"
		return
	}
	if r.docTitle != "" {
		r.title, r.titleRule = r.stripSiteName(r.docTitle), "<title>"
	}
}

// headlineH1s returns the page's h1 elements that may hold its headline:
// not empty, outside boilerplate, and not the site's name.
func (r *reader) headlineH1s() []*html.Node {
	var h1s []*html.Node
	for _, h := range r.h1s {
		if t := visibleText(h); t != "" && !dropped(h) && !r.isSiteName(t) && !hasClassIn(h, siteNameClasses) {
			h1s = append(h1s, h)
		}
	}
	return h1s
}

// isSiteName reports whether an h1's text is the site's name: it names
// the outlet, or it is a part of the page's <title> after the first
// (then it becomes the site's name if the page gave none).
func (r *reader) isSiteName(text string) bool {
	if r.namesOutlet(text) {
		return true
	}
	parts := splitTitle(r.docTitle)
	if len(strings.Fields(text)) > maxSiteNameWords {
		return false // a headline after the site's name ("SwissInfoLine :: Steamer returns")
	}

	for _, p := range parts[min(1, len(parts)):] {
		if normalized(p) == normalized(text) {
			setOnce(&r.siteName, text)
			return true
		}
	}
	return false
}

// maxSiteNameWords bounds the words of an h1 taken for the site's name
// because it repeats a part of <title> after the first.
const maxSiteNameWords = 5

// agrees reports whether a visible headline and a metadata one are the
// same words, or the metadata's is the visible one cut short: what the
// visible one adds is words, not a byline or date after a separator
// ("Headline - by A. Writer April 21"); or the metadata's is the visible
// one after a short label, a kicker the page shows apart if at all
// ("Rugby league: Headline").
func agrees(visible, meta string) bool {
	meta = strings.TrimRight(strings.TrimSuffix(meta, "…"), ". ")
	v, m := normalized(visible), normalized(meta)
	if v == "" || m == "" {
		return false
	}
	if v == m || len(v) >= 20 && strings.HasSuffix(m, v) && kickerBefore(meta, v) || siteAfter(visible, meta) || cutDown(visible, meta) {
		return true
	}
	if len(m) < 30 || !strings.HasPrefix(v, m) {
		return false
	}
	rest := strings.TrimSpace(restAfter(visible, len(m)))
	return rest != "" && !strings.ContainsAny(rest[:1], "-|–—:·•(") && !strings.HasPrefix(strings.ToLower(rest), "by ")
}

// otherHeadline reports whether a page's one visible headline and its
// metadata's are two headlines, neither holding the other: the
// metadata's is then one written for search and sharing ("Ferry fares
// going up a quarter in March"), the visible one what the page's
// readers see ("Harbor ferry board approves first fare increase").
func otherHeadline(visible, meta string) bool {
	v, m := normalized(visible), normalized(meta)
	return len(strings.Fields(visible)) >= 4 && !strings.Contains(v, m) && !strings.Contains(m, v)
}

// cutDown reports whether a metadata headline of three words or more
// is the visible one cut down, its words in the visible one's and in
// their order ("Library fines abolished" and "Library Fines Abolished as
// Council Seeks to Win Back Readers"), and the visible one holds no title
// separator (after which a byline or a date would stand).
func cutDown(visible, meta string) bool {
	v, m := normalized(visible), normalized(meta)
	if letterWords(meta) < 3 || len(v) <= len(m) || !strings.Contains(v, m) {
		return false
	}
	for _, sep := range titleSeparators {
		if strings.Contains(visible, sep) {
			return false
		}
	}
	return true
}

// siteAfter reports whether a metadata headline is the visible one, a
// title separator and a name of a few words ("Traders count losses -
// Eko Pulse Online"): the site's name, which the page's logo may give
// only as an image.
func siteAfter(visible, meta string) bool {
	rest, ok := strings.CutPrefix(collapse(meta), collapse(visible))
	if !ok || len(strings.Fields(visible)) < 4 {
		return false
	}
	for _, sep := range titleSeparators {
		if name, ok := strings.CutPrefix(rest, sep); ok {
			return name != "" && len(strings.Fields(name)) <= maxSiteNameWords
		}
	}
	return false
}

// maxKickerWords bounds the words of a label before a headline.
const maxKickerWords = 4

// kickerSeparators end a label before a headline.
var kickerSeparators = append([]string{": "}, titleSeparators...)

// kickerBefore reports whether a metadata headline is a label of at
// most maxKickerWords words, a colon or title separator, and the visible
// headline v (normalized).
func kickerBefore(meta, v string) bool {
	for _, sep := range kickerSeparators {
		if i := strings.Index(meta, sep); i > 0 && normalized(meta[i+len(sep):]) == v {
			return len(strings.Fields(meta[:i])) <= maxKickerWords
		}
	}
	return false
}

// restAfter returns what follows the first n letters and digits of s.
func restAfter(s string, n int) string {
	for i, c := range s {
		if n == 0 {
			return s[i:]
		}
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			n -= len(string(unicode.ToLower(c)))
		}
	}
	return ""
}

// dropped reports whether n sits in boilerplate (a nav, an aside, a
// footer or a block whose class names such a thing); a header is not,
// as the article's own holds its headline and date, nor a block that
// holds the page's <main>, whatever its class says ("content-area
// content-area-right-sidebar" lays the content out beside a sidebar).
func dropped(n *html.Node) bool {
	byClass := true
	for p := n; p != nil; p = p.Parent {
		if p.Type != html.ElementNode {
			continue
		}
		if p.DataAtom != atom.Header && (boilerplateTag(p) || byClass && softDropped(p)) {
			return true
		}
		if p.DataAtom == atom.Main {
			byClass = false
		}
	}
	return false
}

// stripSiteName removes from a title the parts that name the outlet:
// its publisher, its site name or its web address's name ("Headline |
// Reuters", "CNN - Headline", "Headline | DW | 12.12.2019", "A Blog:
// Headline").
func (r *reader) stripSiteName(title string) string {
	if name, rest, ok := strings.Cut(title, ": "); ok && rest != "" && r.namesOutlet(name) {
		return rest // "Blog Name: Headline"
	}
	parts := splitTitle(title)
	if len(parts) < 2 {
		return title
	}
	for i := len(parts) - 1; i >= 1 && i >= len(parts)-2; i-- {
		if r.namesOutlet(parts[i]) {
			return strings.Join(parts[:i], "")
		}
	}
	if r.namesOutlet(parts[0]) {
		return strings.TrimLeft(strings.Join(parts[1:], ""), " |-–—:·•«»")
	}
	return title
}

// splitTitle splits a title before each separator, keeping the
// separators with the part they start, so that joining gives it back.
func splitTitle(title string) []string {
	var parts []string
	start := 0
	for i := 0; i < len(title); i++ {
		for _, sep := range titleSeparators {
			if strings.HasPrefix(title[i:], sep) && i > start {
				parts = append(parts, title[start:i])
				start = i
				i += len(sep) - 1
				break
			}
		}
	}
	return append(parts, title[start:])
}

// namesOutlet reports whether a title part names the page's outlet:
// its publisher, its site name, its web address's name or the text of a
// link to its home page (the logo's).
func (r *reader) namesOutlet(part string) bool {
	p := normalized(strings.TrimLeft(part, " |-–—:·•«»"))
	if p == "" {
		return false
	}
	for _, name := range []string{r.outlet, r.siteName} {
		if n := normalized(name); n != "" && (p == n || strings.TrimPrefix(p, "the") == strings.TrimPrefix(n, "the")) {
			return true
		}
	}
	if slices.Contains(r.homeNames, p) {
		return true
	}
	host := hostName(r.url)
	return host != "" && (p == host || p == normalized(host+tld(r.url)))
}

// hostName returns the name in a URL's host, without "www." and the
// top-level domain: "https://www.theverge.com/x" gives "theverge".
func hostName(u string) string {
	host := hostOf(u)
	labels := strings.Split(host, ".")
	if len(labels) < 2 {
		return ""
	}
	name := labels[len(labels)-2]
	if len(labels) >= 3 && len(labels[len(labels)-1]) == 2 && len(name) <= 3 {
		name = labels[len(labels)-3] // bbc.co.uk
	}
	return normalized(name)
}

// tld returns a URL's host's last label, with its dot.
func tld(u string) string {
	host := hostOf(u)
	return host[strings.LastIndexByte(host, '.')+1:]
}

func hostOf(u string) string {
	_, rest, ok := strings.Cut(u, "://")
	if !ok {
		return ""
	}
	host, _, _ := strings.Cut(rest, "/")
	host, _, _ = strings.Cut(host, ":")
	return strings.TrimPrefix(strings.ToLower(host), "www.")
}

// normalized keeps only the lower-cased letters and digits of s.
func normalized(s string) string {
	var b strings.Builder
	for _, c := range s {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			b.WriteRune(unicode.ToLower(c))
		}
	}
	return b.String()
}

// maxRootLinks bounds the links to a home page index keeps.
const maxRootLinks = 16

// rootPath reports whether a link's href is a site's home page: "/" or
// an absolute URL without a path.
func rootPath(href string) bool {
	href = strings.TrimSpace(href)
	if href == "/" {
		return true
	}
	_, rest, ok := strings.Cut(href, "://")
	return ok && strings.HasPrefix(href, "http") && strings.IndexByte(strings.TrimSuffix(rest, "/"), '/') < 0
}

// homeLinks returns the links to the page's own site's home page: "/",
// or an absolute one on the page's host, never another site's.
func (r *reader) homeLinks() []*html.Node {
	var own []*html.Node
	for _, a := range r.rootLinks {
		if href := strings.TrimSpace(attr(a, "href")); href == "/" || r.url != "" && hostOf(href) == hostOf(r.url) {
			own = append(own, a)
		}
	}
	return own
}

// fontHeadline returns, on a page laid out with <font> (written before
// CSS), the element of the largest font size above the default, 4 or
// more, whose text could be a headline: two to 25 words, outside
// boilerplate and links, not the site's name; and its text.
func (r *reader) fontHeadline() (*html.Node, string) {
	if r.body == nil {
		return nil, ""
	}
	var best *html.Node
	bestSize, bestText := 3, ""
	for n := r.body; n != nil; n = next(n, r.body, false) {
		if n.DataAtom != atom.Font {
			continue
		}
		size := fontSize(attr(n, "size"))
		if size <= bestSize {
			continue
		}
		text, ok := shortText(n, 300)
		text = collapse(text)
		if words := len(strings.Fields(text)); !ok || words < 2 || words > 25 || dropped(n) || inside(n, atom.A) || r.isSiteName(text) || r.titleLeads(text) {
			continue
		}
		best, bestSize, bestText = n, size, text
	}
	return best, bestText
}

// titleLeads reports whether text is the first part of the page's
// <title>, shorter than its last ("Valley Voice :: Business :: Small
// brewery wins gold"): the site's name, set large at the top of an old
// page.
func (r *reader) titleLeads(text string) bool {
	parts := splitTitle(r.docTitle)
	last := parts[len(parts)-1]
	return len(parts) > 1 && normalized(parts[0]) == normalized(text) && len(strings.Fields(last)) > len(strings.Fields(text))
}

// fontSize reads a <font size>: 1 to 7, or relative to the default 3
// ("+2" is 5); 0 when it gives none.
func fontSize(s string) int {
	s = strings.TrimSpace(s)
	base := 0
	if strings.HasPrefix(s, "+") || strings.HasPrefix(s, "-") {
		base = 3
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return base + n
}
