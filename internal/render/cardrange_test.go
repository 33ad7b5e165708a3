package render

import (
	"html/template"
	"strings"
	"testing"
)

// TestCardRanges checks which ranges useCardRanges turns into one
// executedCards call: only a range whose body is the entry-item
// template of an entry, with a page and a level that the range does not
// change.
func TestCardRanges(t *testing.T) {
	tests := []struct {
		name, body string
		rewritten  bool
	}{
		{"the listing's", `{{$p := .}}{{$el := 3}}{{range .Entries}}{{template "entry-item" (item $p . $el)}}{{end}}`, true},
		{"without parentheses", `{{range .Entries}}{{template "entry-item" item $ . 2}}{{end}}`, true},
		{"a number for level", `{{range .Entries}}{{template "entry-item" (item $ . 2)}}{{end}}`, true},
		{"inside if and with", `{{if .}}{{with .Entries}}{{range .}}{{template "entry-item" (item $ . 2)}}{{end}}{{end}}{{end}}`, true},
		{"level worked out from variables", `{{$l := 1}}{{range .Entries}}{{template "entry-item" (item $ . (add $l 1))}}{{end}}`, true},
		{"level worked out per entry", `{{range .Entries}}{{template "entry-item" (item $ . (add .Level 1))}}{{end}}`, false},
		{"a function of the entry as level", `{{range .Entries}}{{template "entry-item" (item $ . (len .))}}{{end}}`, false},
		{"page from the entry", `{{range .Entries}}{{template "entry-item" (item .Page . 2)}}{{end}}`, false},
		{"declares variables", `{{range $i, $e := .Entries}}{{template "entry-item" (item $ $e 2)}}{{end}}`, false},
		{"an else", `{{range .Entries}}{{template "entry-item" (item $ . 2)}}{{else}}none{{end}}`, false},
		{"more than the card", `{{range .Entries}}<hr>{{template "entry-item" (item $ . 2)}}{{end}}`, false},
		{"another template", `{{range .Entries}}{{template "facts" (item $ . 2)}}{{end}}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			layout := template.Must(template.New("layout.html").Funcs(funcs).Parse(
				`{{define "entry-item"}}<li>{{.Entry.Title}}</li>{{end}}{{define "facts"}}{{end}}`))
			if err := useExecutedOnce(layout); err != nil {
				t.Fatal(err)
			}
			page := template.Must(template.Must(layout.Clone()).New("page").Parse(tt.body))
			useCardRanges(page)
			got := strings.Contains(page.Lookup("page").Tree.Root.String(), "executedCards")
			if got != tt.rewritten {
				t.Errorf("rewritten = %v, want %v: %s", got, tt.rewritten, page.Lookup("page").Tree.Root)
			}
			if untouched := layout.Lookup("page"); untouched != nil {
				t.Error("the layout got the page's template")
			}
		})
	}
}

// TestCardRangesInDefaults checks that the default templates' listings
// get one executedCards call per day.
func TestCardRangesInDefaults(t *testing.T) {
	tmpl := loadDefaults(t)
	for _, name := range []string{"index.html", "month.html", "person.html", "phase.html", "tag.html"} {
		if s := tmpl.pages[name].Lookup("listing").Tree.Root.String(); !strings.Contains(s, "executedCards") {
			t.Errorf("%s: the listing ranges over its cards: %s", name, s)
		}
	}
}

// TestCardRangesKeepOwnCard checks that a page that defines entry-item
// itself keeps its ranges, so that its own card is executed.
func TestCardRangesKeepOwnCard(t *testing.T) {
	layout := template.Must(template.New("layout.html").Funcs(funcs).Parse(`{{define "entry-item"}}<li>{{.Entry.Title}}</li>{{end}}`))
	if err := useExecutedOnce(layout); err != nil {
		t.Fatal(err)
	}
	page := template.Must(template.Must(layout.Clone()).New("page").Parse(
		`{{range .Entries}}{{template "entry-item" (item $ . 2)}}{{end}}{{define "entry-item"}}<li class="mine">{{end}}`))
	useCardRanges(page)
	if s := page.Lookup("page").Tree.Root.String(); strings.Contains(s, "executedCards") {
		t.Errorf("the range of a page with its own card was rewritten: %s", s)
	}
}
