package build

import (
	"strings"
	"testing"
	"time"

	"github.com/newsroom/timeline/internal/sitetest"
	"github.com/spf13/afero"
)

// TestSavedPageBecomesEntry builds a site whose only article is a saved
// web page: it becomes a dated entry with its page's headline, a page
// of binary junk named .html is a warning, not a failure, and a page
// nested too deep to parse in bounded time is read with a warning.
func TestSavedPageBecomesEntry(t *testing.T) {
	page := sitetest.ReadOSFile(t, "../webpage/testdata/article.html")
	fsys := afero.NewMemMapFs()
	for p, data := range map[string]string{
		"content/site.yaml":          goodSite,
		"content/articles/ferry.htm": string(page),
		"content/articles/junk.html": "\x00\x01\x02 binary",
		"content/articles/deep.html": "<title>Deep</title>" + strings.Repeat("<div>", 1000) + "<p>Deep text.</p>",
	} {
		if err := afero.WriteFile(fsys, p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Build(fsys, options())
	if err != nil {
		t.Fatal(err)
	}
	if res.Entries != 1 {
		t.Errorf("%d entries, want 1 (the saved page)", res.Entries)
	}
	if w := res.Warnings.Error(); !strings.Contains(w, "junk.html") || !strings.Contains(w, "not an HTML page") {
		t.Errorf("warnings %q, want the junk page named with why", w)
	}
	if w := res.Warnings.Error(); !strings.Contains(w, "deep.html") || !strings.Contains(w, "nested more than") {
		t.Errorf("warnings %q, want the deep page named with how it was read", w)
	}
	json, err := afero.ReadFile(fsys, "public/timeline.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Harbour council approves new ferry link", "2022-05-09"} {
		if !strings.Contains(string(json), want) {
			t.Errorf("timeline.json lacks %q", want)
		}
	}
}

func TestIsRawArticle(t *testing.T) {
	for _, tc := range []struct {
		rel  string
		want bool
	}{
		{"articles/a.txt", true},
		{"articles/a.html", true},
		{"articles/sub/a.HTM", true},
		{"articles/.hidden/a.html", false},
		{"articles/a.md", false},
		{"entries/a.html", false},
	} {
		if got := isRawArticle(tc.rel); got != tc.want {
			t.Errorf("isRawArticle(%q) = %v, want %v", tc.rel, got, tc.want)
		}
	}
}

// TestSavedPageInSiteZone builds a saved page whose only date is Unix
// seconds: site.yaml's timezone: gives the day they fall on.
func TestSavedPageInSiteZone(t *testing.T) {
	if _, err := time.LoadLocation("Asia/Tokyo"); err != nil {
		t.Skip("no zone database:", err)
	}
	page := `<html><head><title>Harbour council approves ferry link</title><meta name="pubdate" content="1652482800"></head><body><h1>Harbour council approves ferry link</h1><p>` +
		strings.Repeat("The harbour council approved a new ferry link after a long debate. ", 3) + `</p></body></html>`
	for _, tc := range []struct{ zone, want string }{{"", "2022-05-13"}, {"timezone: Asia/Tokyo\n", "2022-05-14"}} {
		fsys := afero.NewMemMapFs()
		afero.WriteFile(fsys, "content/site.yaml", []byte(goodSite+tc.zone), 0o644)
		afero.WriteFile(fsys, "content/articles/ferry.html", []byte(page), 0o644)
		if _, err := Build(fsys, options()); err != nil {
			t.Fatal(err)
		}
		json, _ := afero.ReadFile(fsys, "public/timeline.json")
		if !strings.Contains(string(json), tc.want) {
			t.Errorf("%q: timeline.json lacks %s", tc.zone, tc.want)
		}
	}
}
