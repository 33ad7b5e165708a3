package merge_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/merge"
	"github.com/newsroom/timeline/internal/names"
	"github.com/newsroom/timeline/internal/timeline"
	"github.com/spf13/afero"
)

// report writes a small raw article: headline, byline date, lede.
func report(headline, date, lede string) string {
	return headline + "\n\nBy Staff\n" + date + "\n\n" + lede + "\n\nMore details were not released.\n"
}

const (
	callLede   = "WASHINGTON — Defense Secretary Lloyd Austin spoke with Russian Defence Minister Sergei Shoigu on Friday, urging an immediate ceasefire in Ukraine, the Pentagon said in a statement after the hour-long call."
	otherLede  = "WASHINGTON — Lloyd Austin and Sergei Shoigu held a telephone call on Friday in which Austin pressed for an immediate ceasefire in Ukraine, the first such call since the invasion, officials said."
	octLede    = "WASHINGTON — Lloyd Austin spoke by telephone with Sergei Shoigu on Friday about the war in Ukraine, the Pentagon said, as fighting around Kherson intensified."
	grainLede  = "ISTANBUL — Turkey hosted talks on Friday on resuming grain exports from Black Sea ports, with negotiators discussing inspections of cargo ships and safe corridors."
	peopleYAML = "- {name: Lloyd Austin}\n- {name: Sergei Shoigu}\n"
)

// mergeSite loads the inline site files, extracts its raw articles and
// merges them.
func mergeSite(t *testing.T, files map[string]string) (*timeline.Chronology, diag.List) {
	t.Helper()
	fsys := afero.NewMemMapFs()
	files["content/site.yaml"] = "title: Test\n"
	files["content/people.yaml"] = peopleYAML
	for name, text := range files {
		afero.WriteFile(fsys, name, []byte(text), 0o644)
	}
	c, diags := content.Load(fsys, "content")
	if err := diags.Err(); err != nil {
		return nil, diags
	}
	opts := extract.Options{Names: names.New(c.People)}
	var articles []*extract.Article
	for _, a := range c.Articles {
		data, err := content.ReadArticle(fsys, c.Dir, a)
		if err != nil {
			t.Fatal(err)
		}
		articles = append(articles, extract.ExtractWith(a.Path, data, extract.Meta{Outlet: "Outlet " + a.Path[9:12]}, opts))
	}
	return merge.Merge(c, articles)
}

// entrySummary describes each entry: id, date and its sources' articles
// ("*" after a copy).
func entrySummary(chron *timeline.Chronology) []string {
	var out []string
	for _, e := range chron.Entries {
		var sources []string
		for _, s := range e.Sources {
			if s.Article != "" {
				copied := ""
				if s.Copy {
					copied = "*"
				}
				sources = append(sources, strings.TrimSuffix(s.Article[9:], ".txt")+copied)
			}
		}
		out = append(out, fmt.Sprintf("%s %s [%s]", e.ID, e.Date, strings.Join(sources, " ")))
	}
	return out
}

func TestAutomaticMerging(t *testing.T) {
	may13, oct21 := "May 13, 2022", "October 21, 2022"
	tests := []struct {
		name      string
		files     map[string]string
		want      []string
		redirects []timeline.Redirect
	}{{
		name: "wire copy and another outlet's report of one call",
		files: map[string]string{
			"content/articles/a01.txt": report("Austin and Shoigu speak for the first time since the invasion", may13, callLede),
			"content/articles/a02.txt": report("Pentagon chief calls Russian counterpart", may13, callLede),
			"content/articles/a03.txt": report("Austin presses Shoigu for ceasefire in first call since invasion", may13, otherLede),
		},
		want:      []string{"a01 2022-05-13 [a01 a02* a03]"},
		redirects: []timeline.Redirect{{From: "a02", To: "a01"}, {From: "a03", To: "a01"}},
	}, {
		name: "the same people months apart stay two events",
		files: map[string]string{
			"content/articles/a01.txt": report("Austin and Shoigu speak for the first time since the invasion", may13, callLede),
			"content/articles/a02.txt": report("Austin and Shoigu speak again", oct21, octLede),
		},
		want: []string{"a01 2022-05-13 [a01]", "a02 2022-10-21 [a02]"},
	}, {
		name: "same day, other wording, nothing in common: two events",
		files: map[string]string{
			"content/articles/a01.txt": report("Austin and Shoigu speak for the first time since the invasion", may13, callLede),
			"content/articles/a02.txt": report("Grain talks in Istanbul", may13, grainLede),
		},
		want: []string{"a01 2022-05-13 [a01]", "a02 2022-05-13 [a02]"},
	}, {
		name: "separate: true keeps a copy apart",
		files: map[string]string{
			"content/articles/a01.txt":     report("Austin and Shoigu speak for the first time since the invasion", may13, callLede),
			"content/articles/a02.txt":     report("Pentagon chief calls Russian counterpart", may13, callLede),
			"content/annotations/a02.yaml": "article: a02.txt\nseparate: true\n",
		},
		want: []string{"a01 2022-05-13 [a01]", "a02 2022-05-13 [a02]"},
	}, {
		name: "event: joins an article to an editor's entry",
		files: map[string]string{
			"content/articles/a01.txt":     report("Grain talks in Istanbul", may13, grainLede),
			"content/annotations/a01.yaml": "article: a01.txt\nevent: grain-talks\n",
			"content/entries/e.yaml":       "id: grain-talks\ndate: 2022-05-12\ntitle: Grain talks begin\n",
		},
		want:      []string{"grain-talks 2022-05-12 [a01]"},
		redirects: []timeline.Redirect{{From: "a01", To: "grain-talks"}},
	}, {
		name: "a copy joins the editor's entry of its day",
		files: map[string]string{
			"content/articles/a01.txt": report("Pentagon chief calls Russian counterpart", may13, callLede),
			"content/entries/e.yaml":   "id: call\ndate: 2022-05-13\ntitle: Austin and Shoigu speak\nsummary: " + strings.TrimPrefix(callLede, "WASHINGTON — ") + "\n",
		},
		want:      []string{"call 2022-05-13 [a01]"},
		redirects: []timeline.Redirect{{From: "a01", To: "call"}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chron, diags := mergeSite(t, tt.files)
			if err := diags.Err(); err != nil {
				t.Fatal(err)
			}
			if got := entrySummary(chron); !slices.Equal(got, tt.want) {
				t.Errorf("entries:\n got %q\nwant %q", got, tt.want)
			}
			if !slices.Equal(chron.Redirects, tt.redirects) {
				t.Errorf("redirects = %v, want %v", chron.Redirects, tt.redirects)
			}
			for _, a := range chron.Articles {
				if a.EntryID == "" || !slices.ContainsFunc(chron.Entries, func(e *timeline.Entry) bool { return e.ID == a.EntryID }) {
					t.Errorf("article %s: EntryID %q is no entry's", a.Path, a.EntryID)
				}
			}
		})
	}
}

// TestMergedEntry checks the merged entry's headline (the most
// informative), summary (the earliest report's) and the reasons gen
// check shows.
func TestMergedEntry(t *testing.T) {
	chron, diags := mergeSite(t, map[string]string{
		"content/articles/a01.txt": report("Pentagon chief calls Russian counterpart", "May 13, 2022", callLede),
		"content/articles/a02.txt": report("Austin presses Shoigu for ceasefire in first call since invasion", "May 14, 2022", otherLede),
	})
	if err := diags.Err(); err != nil {
		t.Fatal(err)
	}
	if len(chron.Entries) != 1 {
		t.Fatalf("%d entries, want 1: %q", len(chron.Entries), entrySummary(chron))
	}
	e := chron.Entries[0]
	if want := "Austin presses Shoigu for ceasefire in first call since invasion"; e.Title != want {
		t.Errorf("title %q, want %q", e.Title, want)
	}
	if !strings.Contains(e.Summary, "urging an immediate ceasefire") {
		t.Errorf("summary %q, want the earliest report's", e.Summary)
	}
	if len(chron.Joins) != 1 || chron.Joins[0].Near {
		t.Fatalf("joins = %+v, want one merge", chron.Joins)
	}
	j := chron.Joins[0]
	for _, want := range []string{"same day", "shared names Lloyd Austin, Sergei Shoigu", "wording"} {
		if !strings.Contains(j.Reasons, want) {
			t.Errorf("reasons %q lack %q", j.Reasons, want)
		}
	}
	if j.Path != "content/articles/a02.txt" || j.With != "articles/a01.txt" || j.Entry != "a01" {
		t.Errorf("join %+v, want a02 joined with a01 in entry a01", j)
	}
}

// TestUnknownEvent checks that event: naming no entry is an error at the
// field.
func TestUnknownEvent(t *testing.T) {
	_, diags := mergeSite(t, map[string]string{
		"content/articles/a01.txt":     report("Grain talks in Istanbul", "May 13, 2022", grainLede),
		"content/annotations/a01.yaml": "article: a01.txt\nevent: no-such-entry\n",
	})
	errs := diags.Errors()
	if len(errs) != 1 || errs[0].Position() != "content/annotations/a01.yaml:2:8" || !strings.Contains(errs[0].Message, `event "no-such-entry"`) {
		t.Errorf("diagnostics = %v, want one error at content/annotations/a01.yaml:2:8 about event", diags)
	}
}

// TestMergeOrderFree checks that the groups, ids and sources do not
// depend on the order of the articles.
func TestMergeOrderFree(t *testing.T) {
	files := map[string]string{}
	ledes := []string{callLede, otherLede, grainLede}
	for i := range 12 {
		files[fmt.Sprintf("content/articles/a%02d.txt", i)] = report(fmt.Sprintf("Report %d", i), "May 13, 2022", ledes[i%3])
	}
	fsys := afero.NewMemMapFs()
	files["content/site.yaml"], files["content/people.yaml"] = "title: Test\n", peopleYAML
	for name, text := range files {
		afero.WriteFile(fsys, name, []byte(text), 0o644)
	}
	c, _ := content.Load(fsys, "content")
	var articles []*extract.Article
	for _, a := range c.Articles {
		data, _ := content.ReadArticle(fsys, c.Dir, a)
		articles = append(articles, extract.Extract(a.Path, data, extract.Options{Names: names.New(c.People)}))
	}
	first, _ := merge.Merge(c, articles)
	want := entrySummary(first)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5 {
		perm := rng.Perm(len(articles))
		shuffled := *c
		shuffled.Articles = make([]content.Article, len(perm))
		arts := make([]*extract.Article, len(perm))
		for i, j := range perm {
			shuffled.Articles[i], arts[i] = c.Articles[j], articles[j]
		}
		chron, _ := merge.Merge(&shuffled, arts)
		if got := entrySummary(chron); !slices.Equal(got, want) {
			t.Fatalf("order %v:\n got %q\nwant %q", perm, got, want)
		}
	}
	if len(want) != 2 {
		t.Errorf("%d entries, want 2 (the call, told two ways, and the talks): %q", len(want), want)
	}
}
