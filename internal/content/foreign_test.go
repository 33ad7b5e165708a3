package content

import (
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/diag"
)

func TestForeignFrontMatter(t *testing.T) {
	tests := []struct {
		name                 string
		front                string
		wantDate, wantOutlet string
		wantURL, wantTags    string
		wantParams           string
		wantDiags            []string
	}{
		{
			name:     "a scraper's keys",
			front:    "title: Talks in Geneva\npublished_time: 2022-05-13T23:30:00-05:00\nmodified_time: 2022-05-20T10:00:00Z\nsource_url: https://example.com/talks\nsite_name: Example Wire\ntags: talks, geneva\nscraped_by: newsbot 2.1\n",
			wantDate: "2022-05-13", wantOutlet: "Example Wire", wantURL: "https://example.com/talks", wantTags: "talks|geneva",
			wantParams: "scraped_by=newsbot 2.1",
			wantDiags:  []string{"content/articles/a.md:8:1: note: scraped_by: not a field here, kept as a parameter (.Params.scraped_by)"},
		},
		{
			name:      "date wins over published",
			front:     "title: T\ndate: 2022-05-01\npublishedAt: 2022-05-13\n",
			wantDate:  "2022-05-01",
			wantDiags: nil,
		},
		{
			name:      "a key two edits from a known one is an error",
			front:     "title: T\ndate: 2022-05-01\npublishd_time: 2022-05-13\nsoruce_url: https://example.com/x\n",
			wantDate:  "2022-05-01",
			wantDiags: []string{`content/articles/a.md:4:1: publishd_time: unknown field; did you mean "published_time"?`, `content/articles/a.md:5:1: soruce_url: unknown field; did you mean "source_url"?`},
		},
		{
			name:      "a published date that is no date",
			front:     "title: T\npubDate: someday\n",
			wantDiags: []string{`content/articles/a.md:3:10: pubDate "someday": not a date`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var diags diag.List
			e, _ := DecodeMarkdownArticle("content", "articles/a.md", []byte("---\n"+tt.front+"---\nBody.\n"), &diags)
			diags.Sort()
			var got []string
			for _, d := range diags {
				got = append(got, d.Error())
			}
			if len(got) != len(tt.wantDiags) {
				t.Fatalf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.wantDiags, "\n"))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.wantDiags[i]) {
					t.Errorf("got %q, want %q...", got[i], tt.wantDiags[i])
				}
			}
			if e.Date.ISO() != tt.wantDate || e.Outlet != tt.wantOutlet || strings.Join(e.Tags, "|") != tt.wantTags {
				t.Errorf("date %q outlet %q tags %q", e.Date.ISO(), e.Outlet, e.Tags)
			}
			url := ""
			if len(e.Sources) > 0 {
				url = e.Sources[0].URL
			}
			var params []string
			for k, v := range e.Params {
				params = append(params, k+"="+v)
			}
			if url != tt.wantURL || strings.Join(params, ",") != tt.wantParams {
				t.Errorf("url %q params %q, want %q %q", url, params, tt.wantURL, tt.wantParams)
			}
		})
	}
}
