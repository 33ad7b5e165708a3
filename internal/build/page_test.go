package build

import (
	"os"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// TestSavedPageBecomesEntry builds a site whose only article is a saved
// web page: it becomes a dated entry with its page's headline, a page
// of binary junk named .html is a warning, not a failure, and a page
// nested too deep to parse in bounded time is read with a warning.
func TestSavedPageBecomesEntry(t *testing.T) {
	page, err := os.ReadFile("../webpage/testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
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
