package webpage

import (
	"math"
	"strings"

	"github.com/newsroom/timeline/internal/newsdate"
	"github.com/newsroom/timeline/internal/timeline"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// reader is the state of one Read.
type reader struct {
	src  string
	doc  *html.Node
	note string
	// What index gathers from the document.
	body   *html.Node
	metas  []*html.Node
	jsonLD []string
	times  []*html.Node
	h1s    []*html.Node
	// subheads are the page's first h2 and h3 elements (maxSubheads).
	subheads []*html.Node
	docTitle string
	links    map[string]string
	// rootLinks are the first links to a site's home page ("/",
	// "https://host/"): the logo and the home link (see homeLinks).
	rootLinks []*html.Node
	// homeNames are the texts of the links to the page's own home page,
	// normalized: names of the outlet (see namesOutlet).
	homeNames []string
	// What readMeta finds.
	published, urlDate               dated
	jsonHeadline, ogTitle, twitTitle string
	// listing is set when no JSON-LD names an article and the JSON-LD
	// or <body>'s class says the page lists others (readJSONLD).
	listing                              bool
	siteName, ogURL, jsonURL, metaAuthor string
	stamps                               []noted
	// numericScan reads the page's all-numeric dates in its order
	// (pageScan), made at the first date beside the headline looked for.
	numericScan func(string) []newsdate.Mention
	// The results.
	title, titleRule    string
	titleNode           *html.Node
	url, outlet, author string
	blocks, captions    []timeline.Block
	// blockNodes are the elements that hold blocks, one for each.
	blockNodes []*html.Node
	// tokens are the page's runs of text, cursor the index of the one
	// after the last a block was found at, and located its offset (see
	// locate).
	tokens          []textToken
	cursor, located int
}

// dated is a publication date candidate: the day, the original string
// and the rule that read it; rank orders the rules, lower first.
type dated struct {
	found bool
	day   timeline.Date
	text  string
	rule  string
	rank  int
}

// next returns the node after n in document order within root, or nil;
// with skip it does not enter n's children. Walking with next needs no
// recursion, so a page of deeply nested elements costs no stack.
func next(n, root *html.Node, skip bool) *html.Node {
	if !skip && n.FirstChild != nil {
		return n.FirstChild
	}
	for n != root {
		if n.NextSibling != nil {
			return n.NextSibling
		}
		n = n.Parent
	}
	return nil
}

// index gathers the elements metadata is read from.
func (r *reader) index(root *html.Node) {
	r.links = map[string]string{}
	for n := root; n != nil; n = next(n, root, false) {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Body:
			if r.body == nil {
				r.body = n
			}
		case atom.Meta:
			r.metas = append(r.metas, n)
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
				r.jsonLD = append(r.jsonLD, textOf(n))
			}
		case atom.Time:
			r.times = append(r.times, n)
		case atom.H1:
			r.h1s = append(r.h1s, n)
		case atom.H2, atom.H3:
			if len(r.subheads) < maxSubheads {
				r.subheads = append(r.subheads, n)
			}
		case atom.A:
			if len(r.rootLinks) < maxRootLinks && rootPath(attr(n, "href")) {
				r.rootLinks = append(r.rootLinks, n)
			}
		case atom.Title:
			if r.docTitle == "" && !inside(n, atom.Svg) {
				r.docTitle = collapse(textOf(n))
			}
		case atom.Link:
			for _, rel := range strings.Fields(strings.ToLower(attr(n, "rel"))) {
				if _, seen := r.links[rel]; !seen {
					r.links[rel] = strings.TrimSpace(attr(n, "href"))
				}
			}
		}
	}
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf returns all the text under n, scripts' and styles' included.
func textOf(n *html.Node) string {
	var b strings.Builder
	for c := n; c != nil; c = next(c, n, false) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// visibleText returns the text under n that a reader sees, runs of
// white space collapsed.
func visibleText(n *html.Node) string {
	text, _ := shortText(n, math.MaxInt)
	return collapse(text)
}

// inside reports whether an ancestor of n is an element a.
func inside(n *html.Node, a atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == a {
			return true
		}
	}
	return false
}

// collapse trims s and turns each run of white space (no-break spaces
// included) into one space.
func collapse(s string) string {
	var b strings.Builder
	space := false
	for _, c := range s {
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u00a0' || c == '\u200b' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(c)
	}
	return b.String()
}
