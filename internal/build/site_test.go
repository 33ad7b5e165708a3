package build

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/sitetest"
	"github.com/newsroom/timeline/templates"
	"github.com/spf13/afero"
)

// TestSiteFromFiles builds small sites written inline and checks what
// their pages say.
func TestSiteFromFiles(t *testing.T) {
	const site = `
-- content/site.yaml --
title: Test chronology
base_url: https://example.org/t/
-- content/people.yaml --
- name: Ann Able
- name: Boris Bold
-- content/entries/calls.yaml --
- id: 2022-02-18-first-call
  date: 2022-02-18
  title: Able and Bold speak
  kind: call
  participants: [Ann Able, Boris Bold]
  summary: The first call.
- id: 2022-05-13-second-call
  date: 2022-05-13
  title: Able and Bold speak again
  kind: call
  participants: [Ann Able, Boris Bold]
  summary: The second call, with <b>markup</b> in the text.
  tags: [military channels]
`
	tests := []struct {
		name  string
		extra string
		path  string
		want  []string
	}{
		{"entry page", "", "public/entries/2022-05-13-second-call/index.html",
			[]string{"Able and Bold speak again", "&lt;b&gt;markup&lt;/b&gt;", "! <b>markup</b>", "84 days", "Ann Able"}},
		{"tag page", "", "public/tags/military-channels/index.html",
			[]string{"Able and Bold speak again", "! Able and Bold speak</"}},
		{"sitemap", "", "public/sitemap.xml",
			[]string{"<loc>https://example.org/t/entries/2022-02-18-first-call/</loc>", "<lastmod>2022-05-13</lastmod>"}},
		{"feed", "", "public/feed.xml",
			[]string{"<title>Able and Bold speak again</title>", `<category term="military channels"></category>`}},
		{"a template of one's own", `
-- templates/entry.html --
{{define "content"}}<p class="mine">{{.Entry.Title}}</p>{{end}}
`, "public/entries/2022-02-18-first-call/index.html",
			[]string{`<p class="mine">Able and Bold speak</p>`}},
		{"a layout of one's own, with its own card and header", "\n-- templates/layout.html --\n" + ownLayout(t),
			"public/tags/military-channels/index.html",
			[]string{`<li class="entry mine" id="2022-05-13-second-call">`, `href="../../entries/2022-05-13-second-call/"`, "Skip ahead", "! Skip to content"}},
		{"a layout of one's own: the index", "\n-- templates/layout.html --\n" + ownLayout(t),
			"public/index.html",
			[]string{`<li class="entry mine" id="2022-02-18-first-call">`, `href="./entries/2022-02-18-first-call/"`, "Skip ahead"}},
		{"a card of one's own in a page template", `
-- templates/tag.html --
{{define "content"}}<h1>{{.Term.Name}}</h1>{{template "listing" (listing $ .Months)}}{{end}}
{{define "entry-item"}}<li class="tagged">{{.Entry.Title}} on {{.Page.Title}}</li>{{end}}
`, "public/tags/military-channels/index.html",
			[]string{`<li class="tagged">Able and Bold speak again on military channels</li>`, "! entry-title"}},
		{"a card of one's own in a page template: other pages keep theirs", `
-- templates/tag.html --
{{define "content"}}{{template "listing" (listing $ .Months)}}{{end}}
{{define "entry-item"}}<li class="tagged">{{.Entry.Title}}</li>{{end}}
`, "public/people/ann-able/index.html",
			[]string{`<li class="entry" id="2022-05-13-second-call">`, `! class="tagged"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := sitetest.Files(t, site+tt.extra)
			if _, err := Build(fsys, options()); err != nil {
				t.Fatal(err)
			}
			sitetest.AssertFile(t, fsys, tt.path, tt.want...)
		})
	}
	t.Run("a layout of one's own rebuilds incrementally", func(t *testing.T) {
		fsys := sitetest.Files(t, site+"\n-- templates/layout.html --\n"+ownLayout(t))
		sess := NewSession(fsys, options())
		if _, err := sess.Build(nil); err != nil {
			t.Fatal(err)
		}
		const entries = "content/entries/calls.yaml"
		data, err := afero.ReadFile(fsys, entries)
		if err != nil {
			t.Fatal(err)
		}
		edited := strings.Replace(string(data), "title: Able and Bold speak again", "title: Able and Bold talk again", 1)
		if err := afero.WriteFile(fsys, entries, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := sess.Build([]string{entries})
		if err != nil {
			t.Fatal(err)
		}
		if res.Kept == 0 {
			t.Error("the rebuild rendered every page again, want the unchanged ones kept")
		}
		sitetest.AssertFile(t, fsys, "public/tags/military-channels/index.html",
			`<li class="entry mine" id="2022-05-13-second-call">`, "Able and Bold talk again", "! Able and Bold speak again")
		checkSameAsFullBuild(t, fsys, "an entry's title under a layout of one's own")
	})
}

// ownLayout returns the default layout.html with its own card (the
// "entry-item" template) and header: each says "mine".
func ownLayout(t *testing.T) string {
	t.Helper()
	data, err := fs.ReadFile(templates.FS, "layout.html")
	if err != nil {
		t.Fatal(err)
	}
	layout := string(data)
	for old, new := range map[string]string{`<li class="entry" id=`: `<li class="entry mine" id=`, "Skip to content": "Skip ahead"} {
		if !strings.Contains(layout, old) {
			t.Fatalf("the default layout.html lacks %q", old)
		}
		layout = strings.Replace(layout, old, new, 1)
	}
	return layout
}
