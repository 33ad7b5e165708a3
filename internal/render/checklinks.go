package render

import (
	"net/url"
	"path"
	"strings"

	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/timeline"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// CheckLinks warns about what editors' Markdown points to inside the
// site that the site will not hold: an image (the build copies no
// images, so it would be a link to a missing file) or a link to a path
// that is no page or file of the site, resolved from the entry's page.
// It also warns, at sitePath (site.yaml), when base_url has a path:
// robots.txt is then written under it, where crawlers never look.
func CheckLinks(chron *timeline.Chronology, sitePath string) diag.List {
	var diags diag.List
	if base := basePath(chron.Site.BaseURL); base != "/" {
		diags.Warn(sitePath, 0, 0, "base_url: robots.txt is written at %srobots.txt, but crawlers read only /robots.txt at the host's root (copy it there, or add its Sitemap line to the root's robots.txt)", base)
	}
	var site sitePaths // listed at the first link to check
	for _, e := range chron.Entries {
		for _, field := range [2][2]string{{"summary", e.Summary}, {"body", e.Body}} {
			if field[0] == "summary" && hasArticleText(e) || field[0] == "body" && len(e.Blocks) > 0 {
				continue // an article's text, rendered as escaped text, not Markdown (summaryHTML, bodyHTML)
			}
			for _, ref := range localRefs(field[1]) {
				if ref.image {
					diags.Warn(e.Origin.Path, e.Origin.Line, e.Origin.Col, "%s: image %q is not published with the site: the page would link to a missing file (put the image online and link it with https://, or remove it)", field[0], ref.dest)
					continue
				}
				if site == nil {
					site = newSitePaths(chron)
				}
				if !site.has(EntryURL(e.ID), ref.dest, chron.Site.BaseURL) {
					diags.Warn(e.Origin.Path, e.Origin.Line, e.Origin.Col, "%s: link %q leads to no page of the site (want an https:// link, or a path such as ../OTHER-ENTRY-ID/)", field[0], ref.dest)
				}
			}
		}
	}
	return diags
}

// plainMarkdown parses Markdown as editors wrote it: markdown's parser
// turns images into links (safeLinks), which would hide them here.
var plainMarkdown = goldmark.New(goldmark.WithExtensions(extension.Strikethrough, extension.Table))

// localRef is a link or image of Markdown that points inside the site.
type localRef struct {
	dest  string
	image bool
}

// localRefs returns the links and images of src whose destination has
// no scheme, and so points inside the site, leaving out same-page
// anchors.
func localRefs(src string) []localRef {
	if !strings.Contains(src, "](") && !strings.Contains(src, "]:") {
		return nil
	}
	var refs []localRef
	doc := plainMarkdown.Parser().Parse(text.NewReader([]byte(src)))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest string
		image := false
		switch l := n.(type) {
		case *ast.Link:
			dest = string(l.Destination)
		case *ast.Image:
			dest, image = string(l.Destination), true
		default:
			return ast.WalkContinue, nil
		}
		u, err := url.Parse(strings.TrimSpace(dest))
		if err == nil && u.Scheme == "" && u.Host == "" && (u.Path != "" || image) {
			refs = append(refs, localRef{dest: dest, image: image})
		}
		return ast.WalkContinue, nil
	})
	return refs
}

// sitePaths is every path the site will hold, as Render writes it
// ("entries/x/index.html", "feed.xml").
type sitePaths map[string]bool

// newSitePaths lists the pages and files of chron's site: its entries,
// articles, terms and their pages, their indexes and the fixed files.
func newSitePaths(chron *timeline.Chronology) sitePaths {
	s := sitePaths{}
	for _, f := range []string{"index.html", "404.html", "feed.xml", "feed.json", "timeline.json", "timelinejs.json", "search.json", "sitemap.xml", "robots.txt", "style.css", "search.js", "favicon.svg"} {
		s[f] = true
	}
	for _, e := range chron.Entries {
		s[pagePath(EntryURL(e.ID))] = true
	}
	for _, a := range chron.Articles {
		s[pagePath(ArticleURL(a.ID))] = true
	}
	links := NewLinks(chron)
	for _, tx := range links.Taxonomies() {
		s[pagePath(tx.ID+"/")] = true
		for _, t := range tx.Terms {
			for _, p := range paginate(t.URL, len(t.Entries)) {
				s[pagePath(p.URL(p.Number))] = true
			}
		}
	}
	return s
}

// has reports whether dest, a link on the page at pageURL, leads to a
// path of the site. A path starting with "/" is read from the site's
// root under base's path.
func (s sitePaths) has(pageURL, dest, base string) bool {
	u, err := url.Parse(strings.TrimSpace(dest))
	if err != nil {
		return false
	}
	p := u.Path
	if strings.HasPrefix(p, "/") {
		root := basePath(base)
		if !strings.HasPrefix(p, root) {
			return false
		}
		p = strings.TrimPrefix(p, root)
	} else {
		p = path.Join(pageURL, p)
		if strings.HasPrefix(p, "..") {
			return false
		}
		if p == "." {
			p = ""
		}
	}
	return s[pagePath(p)] || s[pagePath(strings.TrimSuffix(p, "/")+"/")]
}
