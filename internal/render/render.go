// Package render is the render stage: it turns a Chronology into the
// files of a static site, through html/template (all text escaped) and
// goldmark (editors' Markdown, without raw HTML).
//
// Render hands each finished file to an Emit function; it never touches a
// disk itself. Pages and the data their templates see:
//
//	index.html              Site, Root, Sections (phases → months → entries)
//	entries/ID/index.html   Site, Root, Entry, Prev, Next
//	articles/ID/index.html  Site, Root, Article
//	timeline.json           the chronology for other tools
//
// Root is the relative path from the page to the site's root ("../../"),
// so the site works under any base path.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"path"
	"strings"
	"time"

	"github.com/newsroom/timeline/internal/timeline"
)

// Emit receives one output file: its slash-separated path relative to the
// output folder, and its bytes.
type Emit func(path string, data []byte) error

// Page is what every page template sees.
type Page struct {
	Site     timeline.Site
	Root     string
	Sections []Section
	Entry    *timeline.Entry
	Prev     *timeline.Entry
	Next     *timeline.Entry
	Article  *timeline.Article
}

// Section is one phase of the index, or the entries outside every phase.
type Section struct {
	ID          string
	Name        string
	Description string
	Months      []MonthGroup
}

// MonthGroup is the entries of one month, under a heading.
type MonthGroup struct {
	ID      string
	Name    string
	Entries []*timeline.Entry
}

// Render renders the whole site for chron with t, handing every file to
// emit in a fixed order.
func Render(chron *timeline.Chronology, t *Templates, emit Emit) error {
	for _, name := range sortedKeys(t.assets) {
		if err := emit(name, t.assets[name]); err != nil {
			return err
		}
	}
	index := Page{Site: chron.Site, Root: "./", Sections: Sections(chron)}
	if err := renderPage(t, "index.html", "index.html", index, emit); err != nil {
		return err
	}
	for i, e := range chron.Entries {
		page := Page{Site: chron.Site, Root: "../../", Entry: e}
		if i > 0 {
			page.Prev = chron.Entries[i-1]
		}
		if i+1 < len(chron.Entries) {
			page.Next = chron.Entries[i+1]
		}
		if err := renderPage(t, "entry.html", EntryPath(e.ID), page, emit); err != nil {
			return err
		}
	}
	for _, a := range chron.Articles {
		page := Page{Site: chron.Site, Root: "../../", Article: a}
		if err := renderPage(t, "article.html", ArticlePath(a.ID), page, emit); err != nil {
			return err
		}
	}
	data, err := TimelineJSON(chron)
	if err != nil {
		return err
	}
	return emit("timeline.json", data)
}

// EntryPath is the output path of an entry's page.
func EntryPath(id string) string { return path.Join("entries", id, "index.html") }

// EntryURL is the site-relative URL of an entry's page.
func EntryURL(id string) string { return "entries/" + id + "/" }

// ArticlePath is the output path of a source article's page.
func ArticlePath(id string) string { return path.Join("articles", id, "index.html") }

func renderPage(t *Templates, name, out string, page Page, emit Emit) error {
	var buf bytes.Buffer
	if err := t.pages[name].ExecuteTemplate(&buf, "layout", page); err != nil {
		return fmt.Errorf("render %s with %s: %w", out, name, err)
	}
	return emit(out, buf.Bytes())
}

// Sections groups the chronology's entries by phase, then by month.
// Entries outside every phase fall in a section of their own, placed by
// date among the phases.
func Sections(chron *timeline.Chronology) []Section {
	var sections []Section
	for _, e := range chron.Entries {
		id, name, desc := "other", "Other events", ""
		if ph := chron.Site.PhaseOf(e.Date); ph != nil {
			id, name, desc = ph.ID, ph.Name, ph.Description
		}
		if len(sections) == 0 || sections[len(sections)-1].ID != id {
			sections = append(sections, Section{ID: id, Name: name, Description: desc})
		}
		s := &sections[len(sections)-1]
		mid, mname := monthOf(e.Date)
		if len(s.Months) == 0 || s.Months[len(s.Months)-1].ID != mid {
			s.Months = append(s.Months, MonthGroup{ID: mid, Name: mname})
		}
		m := &s.Months[len(s.Months)-1]
		m.Entries = append(m.Entries, e)
	}
	return sections
}

// monthOf returns the anchor id ("2022-02") and heading ("February 2022")
// of d's month; year-only dates get the year.
func monthOf(d timeline.Date) (id, name string) {
	if d.Precision == timeline.Year {
		return fmt.Sprintf("%04d", d.Year), fmt.Sprint(d.Year)
	}
	return fmt.Sprintf("%04d-%02d", d.Year, d.Month), fmt.Sprintf("%s %d", time.Month(d.Month), d.Year)
}

var funcs = template.FuncMap{
	"summary": func(e *timeline.Entry) (template.HTML, error) {
		if len(e.Blocks) > 0 {
			return template.HTML("<p>" + template.HTMLEscapeString(Lede(e)) + "</p>"), nil
		}
		return Markdown(e.Summary)
	},
	"body": func(e *timeline.Entry) (template.HTML, error) {
		if len(e.Blocks) > 0 {
			var b strings.Builder
			for _, block := range e.Blocks {
				tag := "p"
				if block.Kind == timeline.Heading {
					tag = "h2"
				}
				fmt.Fprintf(&b, "<%s>%s</%s>\n", tag, template.HTMLEscapeString(block.Text), tag)
			}
			return template.HTML(b.String()), nil
		}
		return Markdown(e.Body)
	},
	"outlets": func(e *timeline.Entry) string {
		var names []string
		for _, s := range e.Sources {
			if s.Outlet != "" && !contains(names, s.Outlet) {
				names = append(names, s.Outlet)
			}
		}
		return strings.Join(names, " · ")
	},
	"articleID": func(articlePath string) string {
		return articleSlug(articlePath)
	},
}

// Lede returns the plain-text summary of an entry: its summary, or the
// first paragraph of its body.
func Lede(e *timeline.Entry) string {
	if e.Summary != "" {
		return e.Summary
	}
	for _, b := range e.Blocks {
		if b.Kind == timeline.Paragraph {
			return b.Text
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
