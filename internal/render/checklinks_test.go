package render

import (
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

func TestCheckLinks(t *testing.T) {
	tests := []struct {
		name, base, body string
		want             string // a word of the one warning, or "" for none
	}{
		{"an image beside the entry", "", "![map](map.png)", "image"},
		{"an image at the root", "", "![map](/img/map.png)", "image"},
		{"a link to another entry", "", "See [the call](../2022-03-talks/).", ""},
		{"a link to an entry without its slash", "", "See [the call](../2022-03-talks).", ""},
		{"a link to a missing entry", "", "See [the call](../2022-03-gone/).", "no page"},
		{"a link to a month from the root", "https://example.org/tl/", "[March](/tl/months/2022-03/)", ""},
		{"a root path outside the base path", "https://example.org/tl/", "[March](/months/2022-03/)", "no page"},
		{"a link to a file the site writes", "", "[feed](../../feed.xml)", ""},
		{"a link out of the site", "", "[up](../../../x/)", "no page"},
		{"https links and images are not checked", "", "[x](https://example.com/a.png) ![y](https://example.com/b.png)", ""},
		{"an anchor", "", "[top](#main)", ""},
	}
	for _, tt := range tests {
		chron := fixture()
		chron.Site.BaseURL = tt.base
		chron.Entries[0].Body = tt.body
		chron.Entries[0].Origin = timeline.Position{Path: "content/entries/a.yaml", Line: 3, Col: 3}
		var got []string
		for _, d := range CheckLinks(chron, "content/site.yaml") {
			if !strings.Contains(d.Error(), "robots.txt") {
				got = append(got, d.Error())
			}
		}
		switch {
		case tt.want == "" && len(got) > 0:
			t.Errorf("%s: warned %q, want nothing", tt.name, got)
		case tt.want != "" && (len(got) != 1 || !strings.Contains(got[0], tt.want) || !strings.HasPrefix(got[0], "content/entries/a.yaml:3:3: ")):
			t.Errorf("%s: warned %q, want one warning at content/entries/a.yaml:3:3 saying %q", tt.name, got, tt.want)
		}
	}
}

// TestCheckLinksArticleText checks that an extracted article's text,
// rendered as escaped text and not as Markdown, is not read for links.
func TestCheckLinksArticleText(t *testing.T) {
	for _, article := range []bool{false, true} {
		chron := fixture()
		chron.Entries[0].Summary = "See [the call](../2022-03-gone/)."
		if article {
			chron.Entries[0].Article = "articles/a.txt"
		}
		warned := false
		for _, d := range CheckLinks(chron, "content/site.yaml") {
			warned = warned || strings.Contains(d.Error(), "no page")
		}
		if warned == article {
			t.Errorf("article text %v: warned %v, want %v", article, warned, !article)
		}
	}
}

func TestCheckLinksRobotsUnderABasePath(t *testing.T) {
	for base, want := range map[string]bool{"": false, "https://example.org/": false, "https://example.org": false, "https://example.org/tl/": true} {
		chron := fixture()
		chron.Site.BaseURL = base
		warned := false
		for _, d := range CheckLinks(chron, "content/site.yaml") {
			warned = warned || strings.Contains(d.Error(), "robots.txt")
		}
		if warned != want {
			t.Errorf("base_url %q: warned about robots.txt %v, want %v", base, warned, want)
		}
	}
}
