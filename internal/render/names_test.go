package render

import (
	"strings"
	"testing"
)

// TestNonLatinNamesGetReadableURLs renders an Arabic and a Hebrew name
// side by side: each gets a page at its own name, linked percent-encoded,
// listed in the sitemap as a valid URL, and isolated with <bdi> so that
// the two keep their order in a list.
func TestNonLatinNamesGetReadableURLs(t *testing.T) {
	chron := fixture()
	chron.Entries[0].People = []string{"سيرغي لافروف", "יאיר לפיד"}
	files := renderFiles(t, chron, Options{})
	for _, page := range []string{"people/سيرغي-لافروف/index.html", "people/יאיר-לפיד/index.html"} {
		if _, ok := files[page]; !ok {
			t.Errorf("no page %s", page)
		}
	}
	entry := string(files["entries/"+chron.Entries[0].ID+"/index.html"])
	for _, want := range []string{
		`href="../../people/%d8%b3%d9%8a%d8%b1%d8%ba%d9%8a-%d9%84%d8%a7%d9%81%d8%b1%d9%88%d9%81/"><bdi>سيرغي لافروف</bdi></a>`,
		`<bdi>יאיר לפיד</bdi>`,
	} {
		if !strings.Contains(strings.ToLower(entry), strings.ToLower(want)) {
			t.Errorf("the entry page lacks %s", want)
		}
	}
	sitemap := string(files["sitemap.xml"])
	if !strings.Contains(sitemap, "/people/%D7%99%D7%90%D7%99%D7%A8-%D7%9C%D7%A4%D7%99%D7%93/") || strings.Contains(sitemap, "יאיר") {
		t.Error("the sitemap should list the Hebrew name's page percent-encoded")
	}
}
