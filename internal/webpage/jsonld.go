package webpage

import (
	"encoding/json"
	"html"
	"strings"
)

// maxJSONLDDepth bounds how deep readJSONLD looks for an article in
// nested JSON-LD (a @graph, or an array of them).
const maxJSONLDDepth = 4

// readJSONLD reads the first article-like JSON-LD object (NewsArticle,
// Article, BlogPosting, ReportageNewsArticle and the like, at the top,
// in a @graph or in a page's mainEntity): its datePublished, headline,
// publisher's name, authors and URL. An article's dateCreated, when it
// gives no datePublished, and a WebPage's datePublished are weaker
// candidates. With no article, it marks a page that lists others
// (listsPages, or listingBodyClasses on <body>).
func (r *reader) readJSONLD() {
	var article, page map[string]any
	listing := false
	for _, script := range r.jsonLD {
		var v any
		if json.Unmarshal([]byte(cleanJSON(script)), &v) != nil {
			continue
		}
		findTyped(v, 0, &article, &page)
		listing = listing || listsPages(v, 0)
	}
	if page != nil {
		if s, ok := page["datePublished"].(string); ok {
			r.offerString(s, "json-ld "+typeName(page)+" datePublished", rankPageJSONLD)
		}
	}
	if article == nil {
		r.listing = listing || r.body != nil && hasClassIn(r.body, listingBodyClasses) // no article: the page lists others
		return
	}
	if s, ok := article["datePublished"].(string); ok {
		r.offerString(s, "json-ld "+typeName(article)+" datePublished", rankJSONLD)
	} else if s, ok := article["dateCreated"].(string); ok {
		r.offerString(s, "json-ld "+typeName(article)+" dateCreated", rankPageJSONLD)
	}
	if s, ok := article["headline"].(string); ok {
		r.jsonHeadline = unescaped(s)
	}
	r.outlet = firstName(article["publisher"])
	r.author = strings.Join(names(article["author"]), ", ")
	if s, ok := article["url"].(string); ok {
		r.jsonURL = s
	}
}

// cleanJSON strips what pages wrap their JSON-LD in (HTML comments,
// CDATA markers) and turns raw control characters, which JSON forbids
// inside strings but pages leave there, into spaces.
func cleanJSON(s string) string {
	s = strings.TrimSpace(s)
	for _, cut := range []string{"<!--", "//<![CDATA[", "<![CDATA["} {
		s = strings.TrimPrefix(s, cut)
	}
	for _, cut := range []string{"-->", "//]]>", "]]>"} {
		s = strings.TrimSuffix(strings.TrimSpace(s), cut)
	}
	return strings.Map(func(c rune) rune {
		if c < 0x20 {
			return ' '
		}
		return c
	}, s)
}

// findTyped sets *article to the first article-like object in v and
// *page to the first web page, looking into arrays, @graph and
// mainEntity, at most maxJSONLDDepth levels down.
func findTyped(v any, depth int, article, page *map[string]any) {
	if depth > maxJSONLDDepth {
		return
	}
	switch t := v.(type) {
	case []any:
		for _, item := range t {
			findTyped(item, depth+1, article, page)
		}
	case map[string]any:
		switch {
		case *article == nil && isArticleType(t["@type"]):
			*article = t
		case *page == nil && isPageType(t["@type"]):
			*page = t
		}
		findTyped(t["@graph"], depth+1, article, page)
		findTyped(t["mainEntity"], depth+1, article, page)
	}
}

// isArticleType reports whether a JSON-LD @type (a string or a list)
// names a kind of article or posting.
func isArticleType(v any) bool {
	return anyType(v, func(s string) bool {
		return strings.HasSuffix(s, "Article") || strings.HasSuffix(s, "Posting") || s == "Report"
	})
}

// isPageType reports whether a JSON-LD @type names a web page.
func isPageType(v any) bool {
	return anyType(v, func(s string) bool { return strings.HasSuffix(s, "WebPage") })
}

// listingBodyClasses mark, on <body>, a page that lists others:
// WordPress's archives ("archive category category-politics"), Ghost's
// tag and author pages ("tag-template").
var listingBodyClasses = map[string]bool{"archive": true, "tag-template": true, "author-template": true}

// listsPages reports whether v, at the top or in a @graph, describes a
// page that lists other pages: a category's, a tag's, a search's or an
// author's (CollectionPage, SearchResultsPage, ProfilePage).
func listsPages(v any, depth int) bool {
	if depth > maxJSONLDDepth {
		return false
	}
	switch t := v.(type) {
	case []any:
		for _, item := range t {
			if listsPages(item, depth+1) {
				return true
			}
		}
	case map[string]any:
		return anyType(t["@type"], func(s string) bool { return s == "CollectionPage" || s == "SearchResultsPage" || s == "ProfilePage" }) ||
			listsPages(t["@graph"], depth+1)
	}
	return false
}

func anyType(v any, match func(string) bool) bool {
	switch t := v.(type) {
	case string:
		return match(t)
	case []any:
		for _, item := range t {
			if s, ok := item.(string); ok && match(s) {
				return true
			}
		}
	}
	return false
}

// typeName is the object's first @type, for the evidence's rule.
func typeName(m map[string]any) string {
	switch t := m["@type"].(type) {
	case string:
		return t
	case []any:
		if len(t) > 0 {
			if s, ok := t[0].(string); ok {
				return s
			}
		}
	}
	return "object"
}

// names returns the names in a JSON-LD person or organization value: a
// string, an object with a name, or a list of them.
func names(v any) []string {
	switch t := v.(type) {
	case string:
		if s := unescaped(t); s != "" && !strings.Contains(s, "://") {
			return []string{s}
		}
	case map[string]any:
		return names(t["name"])
	case []any:
		var all []string
		for _, item := range t {
			if _, nested := item.([]any); !nested {
				all = append(all, names(item)...)
			}
		}
		return all
	}
	return nil
}

// unescaped returns s with the HTML entities pages leave in JSON-LD
// strings decoded and its white space collapsed.
func unescaped(s string) string {
	return collapse(html.UnescapeString(s))
}

// firstName returns the first of names(v), or "".
func firstName(v any) string {
	if n := names(v); len(n) > 0 {
		return n[0]
	}
	return ""
}
