package merge

import (
	"reflect"
	"slices"
	"testing"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/synth"
	"github.com/newsroom/timeline/internal/timeline"
)

// TestMergerMatchesMerge merges a synthetic corpus with one Merger
// through a sequence of edits (headlines, ledes, dates, an article made
// a copy of another, articles removed and added back) and checks that
// after each the chronology and problems are exactly those of a full
// Merge of the same inputs.
func TestMergerMatchesMerge(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and extracts 700 articles")
	}
	c, original, err := synthInput(synth.Options{Articles: 700, Seed: 2, WireCopies: 7})
	if err != nil {
		t.Fatal(err)
	}
	edit := func(articles []*extract.Article, i int, change func(a *extract.Article)) []*extract.Article {
		out := slices.Clone(articles)
		a := *out[i]
		change(&a)
		out[i] = &a
		return out
	}
	steps := []struct {
		name   string
		change func(a []*extract.Article) []*extract.Article
	}{
		{"first merge", func(a []*extract.Article) []*extract.Article { return a }},
		{"headline", func(a []*extract.Article) []*extract.Article {
			return edit(a, 100, func(x *extract.Article) { x.Title += " as talks resume" })
		}},
		{"lede", func(a []*extract.Article) []*extract.Article {
			return edit(a, 200, func(x *extract.Article) { x.Summary = "Officials said nothing more. " + x.Summary })
		}},
		{"made a copy of another", func(a []*extract.Article) []*extract.Article {
			return edit(a, 300, func(x *extract.Article) {
				x.Title, x.Summary, x.Event, x.People = a[301].Title, a[301].Summary, a[301].Event, a[301].People
			})
		}},
		{"date", func(a []*extract.Article) []*extract.Article {
			return edit(a, 301, func(x *extract.Article) { x.Event.Day = x.Event.Day%27 + 1 })
		}},
		{"articles removed", func(a []*extract.Article) []*extract.Article {
			return slices.Delete(slices.Clone(a), 400, 420)
		}},
		{"articles back", func(a []*extract.Article) []*extract.Article { return original }},
	}
	var m Merger
	articles := original
	for _, step := range steps {
		articles = step.change(articles)
		loaded := *c
		loaded.Articles = nil
		for _, a := range articles {
			i := slices.IndexFunc(c.Articles, func(r content.Article) bool { return r.Path == a.Path })
			loaded.Articles = append(loaded.Articles, c.Articles[i])
		}
		got, gotDiags := m.Merge(&loaded, articles)
		want, wantDiags := Merge(&loaded, articles)
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotDiags, wantDiags) {
			t.Errorf("%s: the Merger's chronology or problems differ from Merge's", step.name)
		}
		if step.name == "made a copy of another" && entryOf(got, articles[300].Path) != entryOf(got, articles[301].Path) {
			t.Errorf("%s: the copy did not join its original", step.name)
		}
	}
}

// entryOf returns the id of the entry of the article at path in chron.
func entryOf(chron *timeline.Chronology, path string) string {
	for _, a := range chron.Articles {
		if a.Path == path {
			return a.EntryID
		}
	}
	return ""
}
