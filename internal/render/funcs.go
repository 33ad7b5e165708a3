package render

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/newsroom/timeline/internal/timeline"
)

// funcs are the functions every template can call, besides the methods of
// Page and its Links:
//
//	summary ENTRY     the entry's summary as HTML
//	body ENTRY        the entry's body as HTML (Markdown, or article paragraphs)
//	blocks BLOCKS     an article's paragraphs and sub-headings as HTML, one a line
//	outlets ENTRY     the outlets of its sources, joined by " · "
//	articleID PATH    the page id of a source article ("articles/x.txt" → "x")
//	hopen LEVEL CLASS ID, hclose LEVEL
//	                  open and close a heading of a computed level (2 → <h2>)
//	item PAGE ENTRY LEVEL, listing PAGE MONTHS
//	                  the data of the "entry-item" and "listing" templates
//	latest ENTRIES N  the last N entries
//	add A B           A+B, for heading levels
//	pct X             a fraction in [0, 1] as an SVG percentage ("12.5%")
//	safeURL URL       URL if render.AllowedURL accepts it, else ""
var funcs = template.FuncMap{
	"summary": summaryHTML,
	"body":    bodyHTML,
	"blocks":  blocksHTML,
	"outlets": func(e *timeline.Entry) string {
		var names []string
		for _, s := range e.Sources {
			if s.Outlet != "" && !contains(names, s.Outlet) {
				names = append(names, s.Outlet)
			}
		}
		if len(names) == 0 && e.Outlet != "" {
			names = append(names, e.Outlet)
		}
		return strings.Join(names, " · ")
	},
	"articleID": articleSlug,
	"hopen": func(level int, class, id string) template.HTML {
		attrs := ""
		if class != "" {
			attrs += ` class="` + template.HTMLEscapeString(class) + `"`
		}
		if id != "" {
			attrs += ` id="` + template.HTMLEscapeString(id) + `"`
		}
		return template.HTML("<h" + headingLevel(level) + attrs + ">")
	},
	"hclose": func(level int) template.HTML {
		return template.HTML("</h" + headingLevel(level) + ">")
	},
	"item":    func(p *Page, e *timeline.Entry, level int) Item { return Item{Page: p, Entry: e, Level: level} },
	"listing": func(p *Page, months []MonthGroup) Listing { return Listing{Page: p, Months: months} },
	"latest":  func(entries []*timeline.Entry, n int) []*timeline.Entry { return entries[max(0, len(entries)-n):] },
	"add":     func(a, b int) int { return a + b },
	"pct":     func(x float64) string { return fmt.Sprintf("%.3f%%", x*100) },
	"safeURL": func(u string) string {
		if AllowedURL(u) {
			return u
		}
		return ""
	},
}

// summaryHTML renders an entry's summary: the editor's Markdown, or, for
// an extracted article, its summary or first paragraph as plain text
// (nothing when it has neither).
func summaryHTML(e *timeline.Entry) (template.HTML, error) {
	if hasArticleText(e) {
		lede := Lede(e)
		if lede == "" {
			return "", nil
		}
		return template.HTML(appendParagraph(nil, lede)), nil
	}
	return Markdown(e.Summary)
}

// bodyHTML renders an entry's body: the editor's Markdown, or an
// article's paragraphs and sub-headings as escaped text.
func bodyHTML(e *timeline.Entry) (template.HTML, error) {
	if len(e.Blocks) == 0 {
		return Markdown(e.Body)
	}
	return template.HTML(writeBlocks(e.Blocks, bodyEscaper)), nil
}

// blocksHTML renders an article's paragraphs and sub-headings, each on
// its own line, escaped as html/template escapes text.
func blocksHTML(blocks []timeline.Block) template.HTML {
	return template.HTML(writeBlocks(blocks, textEscaper))
}

// writeBlocks writes each block as a paragraph or an <h2>, on its own
// line, its text escaped by esc.
func writeBlocks(blocks []timeline.Block, esc *strings.Replacer) string {
	n := 0
	for _, block := range blocks {
		n += len(block.Text) + len("<h2></h2>\n") + 16
	}
	var b strings.Builder
	b.Grow(n)
	for _, block := range blocks {
		open, end := "<p>", "</p>\n"
		if block.Kind == timeline.Heading {
			open, end = "<h2>", "</h2>\n"
		}
		b.WriteString(open)
		esc.WriteString(&b, block.Text)
		b.WriteString(end)
	}
	return b.String()
}

// textEscaper escapes text in HTML as html/template does, which also
// escapes "+" (template.HTMLEscapeString does not).
var textEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// bodyEscaper escapes text in HTML as template.HTMLEscapeString does,
// which the bodies of entries have always used.
var bodyEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "'", "&#39;", "&", "&amp;", "<", "&lt;", ">", "&gt;")

// Lede returns the plain-text summary of an entry: its summary, or the
// first paragraph of its body.
func Lede(e *timeline.Entry) string {
	if e.Summary != "" {
		return strings.TrimSpace(e.Summary)
	}
	for _, b := range e.Blocks {
		if b.Kind == timeline.Paragraph {
			return b.Text
		}
	}
	return ""
}

// ledeSize returns an upper bound of len(Lede(e)) without reading the
// text itself, for sizing the buffers of exports: on a long chronology
// a first read of every summary costs about as much as writing it.
func ledeSize(e *timeline.Entry) int {
	if e.Summary != "" {
		return len(e.Summary)
	}
	for _, b := range e.Blocks {
		if b.Kind == timeline.Paragraph {
			return len(b.Text)
		}
	}
	return 0
}

func escapeHTML(s string) string { return template.HTMLEscapeString(s) }

// appendEscapedHTML appends s escaped as escapeHTML escapes it. It
// escapes byte by byte, so the parts of a string may be escaped apart.
func appendEscapedHTML(dst []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case 0:
			esc = "\uFFFD"
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		default:
			continue
		}
		dst = append(append(dst, s[start:i]...), esc...)
		start = i + 1
	}
	return append(dst, s[start:]...)
}

// appendParagraph appends text, escaped, as an HTML paragraph.
func appendParagraph(dst []byte, text string) []byte {
	dst = append(dst, "<p>"...)
	dst = appendEscapedHTML(dst, text)
	return append(dst, "</p>"...)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
