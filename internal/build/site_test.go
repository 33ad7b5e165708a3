package build

import (
	"testing"

	"github.com/newsroom/timeline/internal/sitetest"
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
}
