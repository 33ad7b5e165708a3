package webpage

import (
	"strings"

	"github.com/newsroom/timeline/internal/timeline"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// invisible are the elements whose text a page never shows.
var invisible = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Iframe: true, atom.Object: true, atom.Canvas: true, atom.Select: true,
	atom.Math: true,
}

// hardDropped are the elements that never hold an article's text: the
// invisible ones, navigation, header, footer, asides and forms.
var hardDropped = func() map[atom.Atom]bool {
	m := map[atom.Atom]bool{
		atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Form: true,
		atom.Button: true, atom.Input: true, atom.Textarea: true, atom.Label: true, atom.Dialog: true,
		atom.Menu: true, atom.Video: true, atom.Audio: true, atom.Embed: true,
	}
	for a := range invisible {
		m[a] = true
	}
	return m
}()

// boilerplateTag reports whether an element is boilerplate by its tag
// (hardDropped), but for a <form> right under <body>, which wraps the
// whole page (ASP.NET's WebForms), not a form of its own.
func boilerplateTag(n *html.Node) bool {
	return hardDropped[n.DataAtom] && !(n.DataAtom == atom.Form && n.Parent != nil && n.Parent.DataAtom == atom.Body)
}

// boilerplateWords are the words of class, id and role names that mark
// a block as boilerplate rather than the article.
var boilerplateWords = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "breadcrumb": true, "breadcrumbs": true,
	"share": true, "sharing": true, "social": true, "sharebar": true, "related": true, "recommended": true,
	"recirculation": true,
	"sidebar":       true, "promo": true, "advert": true, "advertisement": true,
	"ad": true, "ads": true, "banner": true, "footer": true, "masthead": true,
	"trending": true, "popular": true, "outbrain": true, "taboola": true, "paywall": true, "byline": true,
	"tags": true, "author-bio": true, "bio": true, "pagination": true, "pager": true, "toolbar": true,
	"complementary": true, "contentinfo": true, "search": true, "skip": true, "hidden": true,
	"teaser": true, "teasers": true,
}

// strictWords are the boilerplate words of blocks that never hold the
// article, however much text they hold: a wrapper's layout class may
// say "sidebar", never "cookie" or "dialog".
var strictWords = map[string]bool{
	"cookie": true, "cookies": true, "consent": true, "gdpr": true, "comment": true, "comments": true,
	"disqus": true, "newsletter": true, "subscribe": true, "subscription": true, "signup": true,
	"paywall": true, "popup": true, "modal": true, "dialog": true, "overlay": true,
}

// softDropped reports whether an element's class, id or role names
// boilerplate, or it is hidden.
func softDropped(n *html.Node) bool {
	return boilerplateName(n, boilerplateWords) || boilerplateName(n, strictWords)
}

// strictlyDropped reports whether an element's class, id or role names
// a block that never holds the article, or it is hidden.
func strictlyDropped(n *html.Node) bool {
	return boilerplateName(n, strictWords)
}

// boilerplateName reports whether n is hidden, or a word of its class,
// id or role is one of words, not after a state word ("no-share").
func boilerplateName(n *html.Node, words map[string]bool) bool {
	if _, hidden := hasAttr(n, "hidden"); hidden || attr(n, "aria-hidden") == "true" {
		return true
	}
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article, atom.P, atom.H1:
		return false
	}
	for _, key := range []string{"class", "id", "role"} {
		names := nameWords(attr(n, key))
		for i, w := range names {
			if words[w] && (i == 0 || !stateWords[names[i-1]]) && (i+1 == len(names) || names[i+1] != "off") {
				return true
			}
		}
	}
	return false
}

// stateWords before a boilerplate word make a class name a page's state
// ("no-share", "has-sidebar", "with_aside"), not a block of its own, as
// "off" after it does (Drupal's page wrapper "dialog-off-canvas").
var stateWords = map[string]bool{
	"no": true, "has": true, "with": true, "hide": true, "show": true, "without": true,
	"enable": true, "enabled": true, "disable": true, "disabled": true, "is": true,
}

// nameWords splits a class, id or role into lower-case words, at
// separators and where camel case starts a word ("teaserContentWrap").
func nameWords(name string) []string {
	var b strings.Builder
	prevLower := false
	for _, c := range name {
		upper := 'A' <= c && c <= 'Z'
		if upper && prevLower {
			b.WriteByte(' ')
		}
		if upper {
			c += 'a' - 'A'
		}
		b.WriteRune(c)
		prevLower = 'a' <= c && c <= 'z' && !upper
	}
	return strings.FieldsFunc(b.String(), isNameSeparator)
}

func isNameSeparator(c rune) bool {
	return c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n' || c == ':' || c == '.'
}

// blockTags are the elements that start a block of text of their own.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Br: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Table: true, atom.Section: true, atom.Article: true, atom.Main: true, atom.Figure: true,
	atom.Figcaption: true, atom.Blockquote: true, atom.Pre: true, atom.Hr: true, atom.Address: true,
	atom.Body: true, atom.Caption: true, atom.Details: true, atom.Summary: true,
}

// textBlock is one block of visible text: the element that holds it,
// its text, how much of it is link text, and where it starts in the
// page.
type textBlock struct {
	node     *html.Node
	text     string
	linkText int
	offset   int
	caption  bool
	heading  bool
}

// good reports whether a block counts as article prose when looking
// for the article's container.
func (b *textBlock) good() bool {
	return !b.heading && !b.caption && len(b.text) >= 80 && b.linkText*2 < len(b.text)
}

// readBody finds the element that holds most of the page's prose, and
// keeps its blocks that are not boilerplate.
func (r *reader) readBody() {
	if r.body == nil {
		return
	}
	blocks := r.splitBlocks(r.body)
	others := r.otherArticles()
	kept := blocks[:0]
	for _, b := range blocks {
		if !withinAny(b.node, others) {
			kept = append(kept, b)
		}
	}
	blocks = kept
	container := chooseContainer(r.body, blocks)
	lead := r.leadBefore(container)
	for i := range blocks {
		b := &blocks[i]
		inArticle := within(b.node, container) || lead(b) || besideParagraph(b, container)
		if !inArticle || b.linkText*2 >= len(b.text) || callToAction(b.text) || obfuscated(b.text) {
			continue
		}
		block := timeline.Block{Kind: timeline.Paragraph, Text: b.text, Offset: b.offset}
		switch {
		case b.caption:
			r.captions = append(r.captions, block)
			continue
		case b.node.DataAtom == atom.H1:
			continue
		case b.heading:
			block.Kind = timeline.Heading
		}
		r.blocks = append(r.blocks, block)
		r.blockNodes = append(r.blockNodes, b.node)
	}
	r.dropClosingBio()
	r.dropTrailingHeadings()
}

// leadBefore returns a test for the prose between the headline and the
// article's container: a standfirst or lede the page sets apart.
func (r *reader) leadBefore(container *html.Node) func(*textBlock) bool {
	if r.titleNode == nil || within(r.titleNode, container) {
		return func(*textBlock) bool { return false }
	}
	order := map[*html.Node]int{}
	i := 0
	for n := r.body; n != nil; n = next(n, r.body, false) {
		order[n] = i
		i++
	}
	after, before := order[r.titleNode], order[container]
	return func(b *textBlock) bool {
		at := order[b.node]
		return b.good() && after < at && at < before
	}
}

// besideParagraph reports whether b is a paragraph of prose beside the
// container when the container is itself one paragraph, its lines
// parted by <br>: the article is then it and the paragraphs beside it
// (a lede set in a paragraph of its own).
func besideParagraph(b *textBlock, container *html.Node) bool {
	return container.DataAtom == atom.P && b.node.DataAtom == atom.P && b.node.Parent == container.Parent && b.good()
}

// callToActionWords are the words of a short block that addresses the
// reader instead of reporting: a subscription, membership, app, e-paper
// or newsletter prompt, an advertiser's note, an author's "follow me".
var callToActionWords = []string{
	"subscribe", "subscriber", "sign up", "log in", "download the", "download our", "follow us",
	"keep up with me", "follow me", "contact us", "advertise with", "click here", "newsletter",
	"join now", "epaper", "e-paper",
}

// callToAction reports whether a block of at most 40 words addresses
// the reader with one of callToActionWords.
func callToAction(text string) bool {
	if len(text) > 400 || strings.Count(text, " ") >= 40 {
		return false
	}
	lower := strings.ToLower(text)
	for _, w := range callToActionWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// otherArticles returns the parts of the page that hold another
// article: for each h1 other than the headline's, its highest ancestor
// that does not hold the headline (a next story appended below, a
// pop-up). Without a headline h1 it returns none.
func (r *reader) otherArticles() []*html.Node {
	if r.titleNode == nil {
		return nil
	}
	var others []*html.Node
	for _, h := range r.h1s {
		if h == r.titleNode || within(h, r.titleNode) || visibleText(h) == "" {
			continue
		}
		top := h
		for up := 0; top.Parent != nil && !within(r.titleNode, top.Parent) && up < maxClimb; up++ {
			top = top.Parent
		}
		if top.Parent != nil && top.DataAtom != atom.Body && top.DataAtom != atom.Html {
			others = append(others, top)
		}
	}
	return others
}

// withinAny reports whether n is inside one of roots.
func withinAny(n *html.Node, roots []*html.Node) bool {
	for _, root := range roots {
		if within(n, root) {
			return true
		}
	}
	return false
}

// maxClimb bounds how far up a block's prose is counted for its
// ancestors when choosing the container.
const maxClimb = 64

// chooseContainer returns the deepest element that holds more than
// three fifths of the good blocks' text: the article, without the
// teasers and comments beside it.
func chooseContainer(body *html.Node, blocks []textBlock) *html.Node {
	weight := map[*html.Node]int{}
	total := 0
	for i := range blocks {
		if !blocks[i].good() {
			continue
		}
		n := len(blocks[i].text)
		total += n
		p := blocks[i].node
		for up := 0; p != nil && up < maxClimb; up++ {
			weight[p] += n
			p = p.Parent
		}
	}
	if total == 0 {
		return body
	}
	container := body
	for descended := true; descended; {
		descended = false
		for c := container.FirstChild; c != nil; c = c.NextSibling {
			if weight[c]*5 > total*3 {
				container, descended = c, true
				break
			}
		}
	}
	return container
}

// within reports whether n is root or inside it.
func within(n, root *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p == root {
			return true
		}
	}
	return false
}
