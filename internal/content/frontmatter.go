package content

import (
	"bytes"
	"path"
	"strings"

	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/timeline"
	"gopkg.in/yaml.v3"
)

// IsMarkdown reports whether an article path names a Markdown article.
func IsMarkdown(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	return ext == ".md" || ext == ".markdown"
}

// SplitFrontMatter splits a Markdown file into its YAML front matter
// (between a first line "---" and the next "---" line) and its body. It
// returns the number of lines before the front matter's first line (1),
// so positions in the front matter map back to the file. ok is false when
// the file has no front matter.
func SplitFrontMatter(data []byte) (front, body []byte, ok bool) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	first, rest, found := bytes.Cut(data, []byte("\n"))
	if !found || string(bytes.TrimRight(first, " \t\r")) != "---" {
		return nil, data, false
	}
	offset := 0
	for len(rest[offset:]) > 0 {
		line, _, _ := bytes.Cut(rest[offset:], []byte("\n"))
		if string(bytes.TrimRight(line, " \t\r")) == "---" {
			front = rest[:offset]
			body = rest[min(offset+len(line)+1, len(rest)):]
			return front, body, true
		}
		offset += len(line) + 1
		if offset > len(rest) {
			break
		}
	}
	return nil, data, false
}

// DecodeMarkdownArticle reads a Markdown article: its front matter holds
// entry fields (Hugo's title, date, tags, draft, plus any entry field)
// and its body is the entry's Markdown body. Positions of front-matter
// problems are lines of the whole file. The entry's id defaults to the
// file's slug, so renaming the title keeps the URL.
func DecodeMarkdownArticle(contentDir, articlePath string, data []byte, diags *diag.List) *timeline.Entry {
	p := path.Join(contentDir, articlePath)
	front, body, ok := SplitFrontMatter(data)
	e := &timeline.Entry{Origin: position(p, 1, 1)}
	if !ok {
		diags.Add(p, 1, 1, "no front matter (want a first line \"---\", YAML fields such as title: and date:, then \"---\")")
		return nil
	}
	d := &decoder{path: p, diags: diags, lineOffset: 1}
	if root := d.parseYAML(front); root != nil {
		handlers := entryFields(d, e, nil)
		for _, hugoKey := range []string{"description", "author", "authors", "slug", "categories", "weight", "lastmod", "publishDate", "aliases"} {
			key := hugoKey
			handlers[key] = func(n *yaml.Node) { d.hugoField(key, n, e) }
		}
		d.fields(root, "front matter", handlers)
		e.Origin = position(p, 1, 1)
	}
	if e.ID == "" {
		e.ID = ArticleSlug(articlePath)
	}
	if e.Date.IsZero() {
		diags.Add(p, 1, 1, "date: missing in front matter (%s)", timeline.DateFormats)
	}
	if strings.TrimSpace(e.Title) == "" {
		diags.Add(p, 1, 1, "title: missing in front matter (want the article's headline)")
	}
	e.Body = string(body)
	return e
}
