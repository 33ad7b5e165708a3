package webpage

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The headings below h1 that hold a page's headline: the h2 or h3 a
// <title> or a metadata headline names, the heading under a section's
// h1 or a blog's name, and the part of a <title> that is no name.

// blogPostHeading returns, when the page's one h1 is the part of its
// <title> before ": " and an h2 or h3 is the part after it ("Fen Valley
// Rail Log: Last steam run …", a blog's name and its post), that
// heading; else nil.
func (r *reader) blogPostHeading(h1s []*html.Node) *html.Node {
	name, post, ok := strings.Cut(r.docTitle, ": ")
	if len(h1s) != 1 || !ok || normalized(name) != normalized(visibleText(h1s[0])) {
		return nil
	}
	for _, h := range r.subheads {
		if text := visibleText(h); !dropped(h) && (normalized(text) == normalized(post) || agrees(text, post)) {
			return h
		}
	}
	return nil
}

// underSectionName returns, when the page's one h1 is of one or two
// words ("Club News", "Media releases": the section's name), the first
// h2 or h3 of four to 25 words after it outside boilerplate; else nil.
func (r *reader) underSectionName(h1s []*html.Node) *html.Node {
	if len(h1s) != 1 || len(strings.Fields(visibleText(h1s[0]))) > 2 {
		return nil
	}
	for n := next(h1s[0], nil, true); n != nil; n = next(n, nil, false) {
		if n.DataAtom != atom.H2 && n.DataAtom != atom.H3 {
			continue
		}
		if words := len(strings.Fields(visibleText(n))); words >= 4 && words <= 25 && !dropped(n) {
			return n
		}
	}
	return nil
}

// subheadFor returns, for a page of no usable h1, the h2 or h3 that
// is its headline beside the metadata's headline meta: the first one
// meta agrees with but cut short or with a site's name after it (when
// they are the same words, meta's are kept), or the
// one the <title> holds (titleHeading) when meta is another headline,
// written for search. It returns nil when there is none.
func (r *reader) subheadFor(meta string) *html.Node {
	for _, h := range r.subheads {
		if text := visibleText(h); !dropped(h) && normalized(text) != normalized(meta) && agrees(text, meta) {
			return h
		}
	}
	if n := r.titleHeading(); n != nil && otherHeadline(visibleText(n), meta) {
		return n
	}
	return nil
}

// maxSubheads bounds the h2 and h3 elements index keeps.
const maxSubheads = 64

// titleHeading returns, on a page whose headline no h1 nor metadata
// gives, the first h2 or h3 whose text is a part of its <title> ("Taff
// Valley Chronicle - News - Lock gates to be replaced" and the h2 "Lock
// gates to be replaced"): the heading the title names, whatever site and
// section names stand beside it. It returns nil when there is none.
func (r *reader) titleHeading() *html.Node {
	parts := splitTitle(r.docTitle)
	if len(parts) < 2 {
		return nil
	}
	for _, h := range r.subheads {
		text := normalized(visibleText(h))
		if len(text) < 12 || dropped(h) {
			continue
		}
		for _, p := range parts {
			if normalized(p) == text || agrees(visibleText(h), p) {
				return h
			}
		}
	}
	return nil
}

// firstSubhead returns the first h2 or h3 of four to 25 words outside
// the page's boilerplate, or nil: on a page of no h1 and no metadata
// headline whose <title> is one name alone (the site's, as old pages
// have it), the heading of its story.
func (r *reader) firstSubhead() *html.Node {
	for _, h := range r.subheads {
		if n := len(strings.Fields(visibleText(h))); n >= 4 && n <= 25 && !dropped(h) {
			return h
		}
	}
	return nil
}

// namesOnly reports whether a <title> is one part, or parts of three
// words or fewer each ("Marcher Sound 103.4 - Local News"): the site's
// and section's names, no headline.
func namesOnly(title string) bool {
	parts := splitTitle(title)
	for _, p := range parts {
		if len(parts) > 1 && letterWords(p) > 3 {
			return false
		}
	}
	return true
}

// letterWords counts the words of s that hold a letter or a digit.
func letterWords(s string) int {
	n := 0
	for w := range strings.FieldsSeq(s) {
		if strings.IndexFunc(w, isAlnum) >= 0 {
			n++
		}
	}
	return n
}

// longestPart returns, of a <title> of two parts or more ("Gazette -
// News - Auction mart sets a record"), the longest, when it has five
// words or more and every other part four or fewer: the headline among
// the site's and section's names. It returns "" otherwise.
func longestPart(title string) string {
	parts := splitTitle(title)
	if len(parts) < 2 {
		return ""
	}
	best, long := "", 0
	for _, p := range parts {
		p = strings.TrimSpace(strings.TrimLeft(p, " |-–—:·•«»/"))
		if letterWords(p) >= 5 {
			long++
		}
		if len(p) > len(best) {
			best = p
		}
	}
	if long != 1 {
		return ""
	}
	return best
}

// headlineClasses are the class names that mark an article's headline
// in markup without an h1 ("<td class="headline">" in an old table
// layout, "entry-title", "post-title").
var headlineClasses = map[string]bool{
	"headline": true, "article-headline": true, "story-headline": true, "entry-title": true,
	"post-title": true, "article-title": true, "story-title": true, "news-title": true, "pr-title": true,
	"release-title": true, "notice-title": true,
}

// siteNameClasses are the class names of an h1 that holds the site's
// name, not a headline ("<h1 class="site-name">").
var siteNameClasses = map[string]bool{"site-name": true, "site-title": true, "sitename": true, "site-logo": true, "logo": true, "brand": true}

// classHeadline returns the first element outside boilerplate whose
// class is one of headlineClasses and that holds three to thirty words,
// and its text.
func (r *reader) classHeadline() (*html.Node, string) {
	if r.body == nil {
		return nil, ""
	}
	for n := r.body; n != nil; n = next(n, r.body, false) {
		if n.Type != html.ElementNode || !hasClassIn(n, headlineClasses) || dropped(n) {
			continue
		}
		text, ok := shortText(n, 400)
		text = collapse(text)
		if words := len(strings.Fields(text)); ok && words >= 3 && words <= 30 && !r.isSiteName(text) {
			return n, text
		}
	}
	return nil, ""
}

// hasClassIn reports whether one of n's classes is in classes.
func hasClassIn(n *html.Node, classes map[string]bool) bool {
	for c := range strings.FieldsSeq(strings.ToLower(attr(n, "class"))) {
		if classes[c] {
			return true
		}
	}
	return false
}
