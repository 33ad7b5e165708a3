package content

import (
	"bytes"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/mdlimit"
	"github.com/newsroom/timeline/internal/timeline"
	"gopkg.in/yaml.v3"
)

// IsMarkdown reports whether an article path names a Markdown article.
func IsMarkdown(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	return ext == ".md" || ext == ".markdown"
}

// SplitFrontMatter splits a Markdown file into its YAML front matter
// (between a first line "---" and the next "---" line) and its body,
// after dropping a byte-order mark. The front matter starts on the
// file's second line. ok is false when the file does not start with
// "---"; closed is false when it does but no closing "---" follows.
func SplitFrontMatter(data []byte) (front, body []byte, ok, closed bool) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	first, rest, found := bytes.Cut(data, []byte("\n"))
	if string(bytes.TrimRight(first, " \t\r")) != "---" {
		return nil, data, false, false
	}
	if !found {
		return nil, nil, true, false
	}
	for offset := 0; offset < len(rest); {
		line, _, _ := bytes.Cut(rest[offset:], []byte("\n"))
		if string(bytes.TrimRight(line, " \t\r")) == "---" {
			return rest[:offset], rest[min(offset+len(line)+1, len(rest)):], true, true
		}
		offset += len(line) + 1
	}
	return rest, nil, true, false
}

// hugoKeys are Hugo front-matter keys accepted besides the entry fields.
var hugoKeys = []string{"description", "author", "authors", "slug", "categories", "weight", "lastmod", "publishDate", "aliases"}

// DecodeMarkdownArticle reads a Markdown article: its front matter holds
// entry fields (Hugo's title, date, tags, draft, plus any entry field)
// and its body is the entry's Markdown body. Positions of front-matter
// problems are lines of the whole file. The entry's id defaults to the
// file's slug, so renaming the title keeps the URL. It returns nil when
// the file has no front matter.
func DecodeMarkdownArticle(contentDir, articlePath string, data []byte, diags *diag.List) (*timeline.Entry, Fields) {
	p := path.Join(contentDir, articlePath)
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))) == 0 {
		diags.Warn(p, 0, 0, "empty file: no entry (want front matter with title: and date:, then the Markdown body)")
		return nil, nil
	}
	front, body, ok, closed := SplitFrontMatter(data)
	if !ok {
		diags.Add(p, 1, 1, "no front matter (want a first line \"---\", YAML fields such as title: and date:, then \"---\")")
		return nil, nil
	}
	if !closed {
		diags.Add(p, 1, 1, "front matter not closed (want a line \"---\" after the fields, before the Markdown body)")
		return nil, nil
	}
	e := &timeline.Entry{Origin: position(p, 1, 1)}
	fields := Fields{}
	d := &decoder{path: p, diags: diags, lineOffset: 1}
	var suggested map[string]bool
	root := d.parseYAML(front)
	if root != nil {
		handlers := entryFields(d, e, nil, fields)
		for _, key := range hugoKeys {
			handlers[key] = func(n *yaml.Node) { d.hugoField(key, n, e) }
		}
		var foreign foreignFront
		d.addForeignKeys(handlers, &foreign)
		d.params = d.keepParam(e)
		suggested = d.fields(root, "front matter", handlers)
		foreign.apply(e, fields)
		suggested["date"] = suggested["date"] || foreign.badDate
		e.Tags = splitTags(e.Tags)
		d.checkRange(e, fields)
	}
	if _, written := fields["id"]; !written && e.ID == "" {
		e.ID = timeline.ArticleSlug(articlePath)
		d.checkDerivedID(e.Origin, "file name", e.ID)
	}
	_, dated := fields["date"]
	_, titled := fields["title"]
	readable := root != nil || d.ok()
	if readable && !dated && !suggested["date"] {
		d.errorAt(e.Origin, "date: missing in front matter (%s)", timeline.DateFormats)
	}
	if readable && !titled && !suggested["title"] {
		d.errorAt(e.Origin, "title: missing in front matter (want the article's headline)")
	}
	e.Body = bodyText(p, data, body, diags)
	if problem := mdlimit.Check(e.Body); problem != nil {
		bodyLine := bytes.Count(data[:len(data)-len(body)], []byte("\n"))
		diags.Add(p, bodyLine+problem.Line, problem.Col, "%s", problem.Message)
		e.Body = ""
	}
	return e, fields
}

// bodyText returns the Markdown body of the file data as text. Bytes
// that are not UTF-8 are a warning at their line and column in the
// file, and are replaced by U+FFFD, so no page carries them.
func bodyText(p string, data, body []byte, diags *diag.List) string {
	if utf8.Valid(body) {
		return string(body)
	}
	line, col := invalidUTF8Position(body)
	line += bytes.Count(data[:len(data)-len(body)], []byte("\n"))
	diags.Warn(p, line, col, "invalid UTF-8, shown as U+FFFD (want a UTF-8 text file)")
	return strings.ToValidUTF8(string(body), "\uFFFD")
}
