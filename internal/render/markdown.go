package render

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"github.com/newsroom/timeline/internal/mdlimit"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown renders editors' Markdown. Raw HTML is never passed through
// (goldmark's default omits it), and links whose destination is not
// http(s) or a relative path lose their link but keep their text. Bare
// URLs and e-mail addresses become links (Linkify).
var markdown = newMarkdown(extension.Linkify)

// markdownUnlinked is markdown without Linkify, for text that holds
// nothing Linkify could link (see mayLinkify): Linkify looks at every
// space, which costs a third of the time goldmark takes on such text,
// for no link.
var markdownUnlinked = newMarkdown()

func newMarkdown(extra ...goldmark.Extender) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(append([]goldmark.Extender{extension.Strikethrough, extension.Table}, extra...)...),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(safeLinks{}, 100))),
	)
}

// Markdown renders src to HTML that is safe to embed in a page. Text
// past the limits of mdlimit.Check is an error (a *mdlimit.Problem, with
// its line in src) and is not given to goldmark; so is HTML that would
// grow past mdlimit.MaxRendered.
func Markdown(src string) (template.HTML, error) {
	if strings.TrimSpace(src) == "" {
		return "", nil
	}
	if p := mdlimit.Check(src); p != nil {
		return "", p
	}
	md := markdown
	if !mayLinkify(src) {
		md = markdownUnlinked
	}
	out := cappedBuffer{limit: mdlimit.MaxRendered}
	if err := md.Convert([]byte(src), &out); err != nil {
		return "", err
	}
	if out.over {
		return "", &mdlimit.Problem{Line: 1, Col: 1, Message: fmt.Sprintf("Markdown renders to more than %d bytes of HTML (want fewer repeated links)", mdlimit.MaxRendered)}
	}
	return template.HTML(out.buf.String()), nil
}

// cappedBuffer keeps what is written to it up to limit bytes, and
// drops the rest, noting it is over: goldmark goes on walking the
// document, but what it writes no longer takes memory.
type cappedBuffer struct {
	buf   bytes.Buffer
	limit int
	over  bool
}

// Write implements io.Writer; it never fails, so goldmark never stops
// halfway through an element.
func (c *cappedBuffer) Write(p []byte) (int, error) {
	if c.over || c.buf.Len()+len(p) > c.limit {
		c.over = true
		return len(p), nil
	}
	return c.buf.Write(p)
}

// mayLinkify reports whether Linkify could find a link in src. It links
// text that starts with "http:", "https:", "ftp:" or "www.", or an
// e-mail address, which holds an "@" (goldmark's extension/linkify.go);
// text with none of these it leaves as it is.
func mayLinkify(src string) bool {
	return strings.Contains(src, "http") || strings.Contains(src, "ftp:") ||
		strings.Contains(src, "www.") || strings.IndexByte(src, '@') >= 0
}

// safeLinks unwraps links and images whose destination is not allowed,
// leaving their text, and turns every image into a link to it, so that
// pages make no requests to other sites.
type safeLinks struct{}

// Transform implements parser.ASTTransformer.
func (safeLinks) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	var unwrap []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch link := n.(type) {
		case *ast.Link:
			if !AllowedURL(string(link.Destination)) {
				unwrap = append(unwrap, n)
			}
		case *ast.AutoLink:
			if link.AutoLinkType != ast.AutoLinkURL || !AllowedURL(string(link.URL(source))) {
				unwrap = append(unwrap, n)
			}
		case *ast.Image:
			unwrap = append(unwrap, n)
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unwrap {
		parent := n.Parent()
		if parent == nil {
			continue
		}
		if img, ok := n.(*ast.Image); ok && AllowedURL(string(img.Destination)) {
			link := ast.NewLink()
			link.Destination, link.Title = img.Destination, img.Title
			for c := img.FirstChild(); c != nil; {
				next := c.NextSibling()
				link.AppendChild(link, c)
				c = next
			}
			parent.ReplaceChild(parent, n, link)
			continue
		}
		if auto, ok := n.(*ast.AutoLink); ok {
			parent.ReplaceChild(parent, n, ast.NewString(auto.Label(source)))
			continue
		}
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
		parent.RemoveChild(parent, n)
	}
}

// AllowedURL reports whether a link destination may be emitted: an
// absolute http(s) URL, or a relative reference without a scheme.
func AllowedURL(dest string) bool {
	u, err := url.Parse(strings.TrimSpace(dest))
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.Host != ""
	case "":
		return !strings.HasPrefix(strings.TrimSpace(dest), "//")
	}
	return false
}
