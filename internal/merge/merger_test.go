package merge

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/synth"
	"github.com/newsroom/timeline/internal/timeline"
)

// TestMergerMatchesMerge merges a synthetic corpus with one Merger
// through a sequence of edits (headlines, ledes, bodies, people,
// datelines, dates, an article made a copy of another and back, an
// editor's annotation that keeps it separate, joins it to another
// event or sets its headline, articles removed and added back) and
// checks that after each the chronology and problems are exactly those
// of a full Merge of the same inputs, that every step reused the
// descriptions of most reports (the articles removed move the others'
// indices), and that an edit that keeps the reports reused the weights
// of most of them.
func TestMergerMatchesMerge(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and extracts 700 articles")
	}
	c, original, err := synthInput(synth.Options{Articles: 700, Seed: 2, WireCopies: 7})
	if err != nil {
		t.Fatal(err)
	}
	edit := func(articles []*extract.Article, change func(a *extract.Article), at ...int) []*extract.Article {
		out := slices.Clone(articles)
		for _, i := range at {
			a := *out[i]
			change(&a)
			out[i] = &a
		}
		return out
	}
	paragraph := func(x *extract.Article, n int, text string) {
		x.Blocks = slices.Clone(x.Blocks)
		for i, b := range x.Blocks {
			if b.Kind == timeline.Paragraph {
				if n--; n < 0 {
					x.Blocks[i].Text = text
					return
				}
			}
		}
		t.Fatalf("%s: too few paragraphs", x.Path)
	}
	// annotation returns the corpus's annotations and one more, of a,
	// which set changes.
	annotation := func(a *extract.Article, set func(ann *content.Annotation)) []*content.Annotation {
		for _, ann := range c.Annotations {
			if ann.Article == a.Path {
				t.Fatalf("%s is annotated already", a.Path)
			}
		}
		ann := &content.Annotation{Article: a.Path, Origin: timeline.Position{Path: "site/content/annotations/edit.yaml", Line: 1, Col: 1}}
		set(ann)
		return append(slices.Clone(c.Annotations), ann)
	}
	steps := []struct {
		name   string
		change func(a []*extract.Article) []*extract.Article
		// annotate gives the editors' annotations from this step on; nil
		// keeps those of the step before.
		annotate func(a []*extract.Article) []*content.Annotation
		// reuse is how many reports must keep their weights: "most" for
		// edits that keep the reports and change the frequency of few
		// words, "none" for edits that change the number of reports, ""
		// when it depends on how common the changed words are or how many
		// reports move.
		reuse string
	}{
		{"first merge", func(a []*extract.Article) []*extract.Article { return a }, nil, "none"},
		{"headline", func(a []*extract.Article) []*extract.Article {
			return edit(a, func(x *extract.Article) { x.Title += " as talks resume" }, 100)
		}, nil, "most"},
		{"headline with another's words", func(a []*extract.Article) []*extract.Article {
			return edit(a, func(x *extract.Article) { x.Title = a[250].Title + " " + x.Title }, 10)
		}, nil, "most"},
		{"lede", func(a []*extract.Article) []*extract.Article {
			return edit(a, func(x *extract.Article) { x.Summary = "Officials said nothing more. " + x.Summary }, 200)
		}, nil, "most"},
		{"made a copy of another", func(a []*extract.Article) []*extract.Article {
			return edit(a, func(x *extract.Article) {
				x.Title, x.Summary, x.Event, x.People = a[250].Title, a[250].Summary, a[250].Event, a[250].People
			}, 300)
		}, nil, ""},
		{"date", func(a []*extract.Article) []*extract.Article {
			return edit(a, func(x *extract.Article) { x.Event.Day = x.Event.Day%27 + 1 }, 250)
		}, nil, "most"},
		{"people and dateline", func(a []*extract.Article) []*extract.Article {
			return edit(a, func(x *extract.Article) { x.People, x.Dateline = a[152].People, "Kyiv" }, 150, 151)
		}, nil, "most"},
		{"people removed", func(a []*extract.Article) []*extract.Article {
			return edit(a, func(x *extract.Article) { x.People = nil }, 152)
		}, nil, "most"},
		{"separate: keeps the copy apart", func(a []*extract.Article) []*extract.Article { return a }, func(a []*extract.Article) []*content.Annotation {
			return annotation(a[300], func(ann *content.Annotation) { ann.Separate = true })
		}, "most"},
		{"separate: dropped", func(a []*extract.Article) []*extract.Article { return a }, func(a []*extract.Article) []*content.Annotation { return c.Annotations }, "most"},
		{"body below the opening", func(a []*extract.Article) []*extract.Article {
			return edit(a, func(x *extract.Article) { paragraph(x, 3, "A spokesman declined to comment further.") }, 120)
		}, nil, "most"},
		{"body's opening", func(a []*extract.Article) []*extract.Article {
			return edit(a, func(x *extract.Article) {
				paragraph(x, 0, "Negotiators met again on Tuesday in Geneva, officials said.")
			}, 121)
		}, nil, ""},
		{"copy and date undone", func(a []*extract.Article) []*extract.Article {
			out := slices.Clone(a)
			out[250], out[300] = original[250], original[300]
			return out
		}, nil, ""},
		{"one date removed, another added", func(a []*extract.Article) []*extract.Article {
			out := edit(a, func(x *extract.Article) { x.Event = timeline.Date{} }, 600)
			return edit(out, func(x *extract.Article) { x.Event, x.Undated = a[300].Event, "" }, 301)
		}, nil, ""},
		{"event: joins another's entry", func(a []*extract.Article) []*extract.Article { return a }, func(a []*extract.Article) []*content.Annotation {
			return annotation(a[501], func(ann *content.Annotation) { ann.Event = timeline.ArticleSlug(a[502].Path) })
		}, "most"},
		{"event: names no entry", func(a []*extract.Article) []*extract.Article { return a }, func(a []*extract.Article) []*content.Annotation {
			return annotation(a[501], func(ann *content.Annotation) { ann.Event = "no-such-entry" })
		}, "most"},
		{"the editors set a headline", func(a []*extract.Article) []*extract.Article { return a }, func(a []*extract.Article) []*content.Annotation {
			return annotation(a[501], func(ann *content.Annotation) {
				ann.Set, ann.Entry.Title = []string{"title"}, "Ceasefire talks resume in Geneva"
			})
		}, "most"},
		{"articles removed", func(a []*extract.Article) []*extract.Article {
			return slices.Delete(slices.Clone(a), 400, 420)
		}, nil, "none"},
		{"articles back", func(a []*extract.Article) []*extract.Article { return original }, nil, "none"},
		{"headline after the reports changed", func(a []*extract.Article) []*extract.Article {
			return edit(a, func(x *extract.Article) { x.Title = "Talks resume" }, 100, 600)
		}, nil, "most"},
	}
	var m Merger
	articles, annotations := original, c.Annotations
	for _, step := range steps {
		articles = step.change(articles)
		if step.annotate != nil {
			annotations = step.annotate(articles)
		}
		loaded := *c
		loaded.Articles, loaded.Annotations = nil, annotations
		for _, a := range articles {
			i := slices.IndexFunc(c.Articles, func(r content.Article) bool { return r.Path == a.Path })
			loaded.Articles = append(loaded.Articles, c.Articles[i])
		}
		before := m.prev
		got, gotDiags := m.Merge(&loaded, articles)
		want, wantDiags := Merge(&loaded, articles)
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotDiags, wantDiags) {
			t.Errorf("%s: the Merger's chronology or problems differ from Merge's", step.name)
		}
		reused, all := reusedWeights(before, m.prev), len(m.prev.weighed)
		if step.reuse == "most" && reused <= all/2 || step.reuse == "none" && reused > 0 {
			t.Errorf("%s: reused the weights of %d of %d reports, want %s", step.name, reused, all, step.reuse)
		}
		if described := reusedDescriptions(before, m.prev); step.name != "first merge" && described <= all/2 {
			t.Errorf("%s: reused the descriptions of %d of %d reports, want most", step.name, described, all)
		}
		joined := func(a, b int) bool { return entryOf(got, articles[a].Path) == entryOf(got, articles[b].Path) }
		switch {
		case step.name == "made a copy of another" && !joined(300, 250):
			t.Errorf("%s: the copy did not join its original", step.name)
		case step.name == "separate: keeps the copy apart" && joined(300, 250):
			t.Errorf("%s: the copy joined its original", step.name)
		case step.name == "event: joins another's entry" && !joined(501, 502):
			t.Errorf("%s: the annotated article did not join the entry it names", step.name)
		case step.name == "event: names no entry" && !strings.Contains(fmt.Sprint(gotDiags), "no-such-entry"):
			t.Errorf("%s: no problem names the unknown event", step.name)
		}
	}
}

// reusedWeights returns how many reports of after took their weights
// from before (nil for none).
func reusedWeights(before, after *lastMerge) int {
	n := 0
	for i := range after.weighed {
		w := after.weighed[i].words.weights
		if before != nil && i < len(before.weighed) && len(w) > 0 && &before.weighed[i].words.weights[0] == &w[0] {
			n++
		}
	}
	return n
}

// reusedDescriptions returns how many reports of after kept their
// description from before (nil for none), at their index or another.
func reusedDescriptions(before, after *lastMerge) int {
	if before == nil {
		return 0
	}
	kept := map[*description]bool{}
	for _, d := range before.descs {
		kept[d] = true
	}
	n := 0
	for _, d := range after.descs {
		if kept[d] {
			n++
		}
	}
	return n
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

// TestComparisonsPlan checks that a merge compares again exactly the
// pairs of fresh reports and the pairs the last merge did not compare,
// and keeps what the last merge found of every other pair it still
// makes, and only of those.
func TestComparisonsPlan(t *testing.T) {
	pair := func(a, b uint64) uint64 { return a<<32 | b }
	known := &comparisons{
		pairs: []uint64{pair(0, 1), pair(0, 2), pair(1, 3), pair(2, 3), pair(3, 4)},
		found: []pairing{{a: 0, b: 1, wording: 0.4, joined: true}, {a: 1, b: 3, wording: 0.2, near: true, weak: true}, {a: 3, b: 4, wording: 0.3, joined: true}},
	}
	tests := []struct {
		name  string
		pairs []uint64
		fresh []int
		todo  []uint64
		kept  []uint64
	}{
		{"nothing changed", known.pairs, nil, nil, []uint64{pair(0, 1), pair(1, 3), pair(3, 4)}},
		{"a fresh report", known.pairs, []int{3}, []uint64{pair(1, 3), pair(2, 3), pair(3, 4)}, []uint64{pair(0, 1)}},
		{"a new pair, a pair gone", []uint64{pair(0, 1), pair(0, 2), pair(1, 2), pair(2, 3), pair(3, 4)}, nil, []uint64{pair(1, 2)}, []uint64{pair(0, 1), pair(3, 4)}},
		{"every report fresh", known.pairs, []int{0, 1, 2, 3, 4}, known.pairs, nil},
	}
	for _, tt := range tests {
		fresh := make([]bool, 5)
		for _, i := range tt.fresh {
			fresh[i] = true
		}
		todo, kept := known.plan(tt.pairs, fresh)
		var keptPairs []uint64
		for _, p := range kept {
			keptPairs = append(keptPairs, p.pairNumber())
		}
		if !slices.Equal(todo, tt.todo) || !slices.Equal(keptPairs, tt.kept) {
			t.Errorf("%s: compares %x and keeps %x, want %x and %x", tt.name, todo, keptPairs, tt.todo, tt.kept)
		}
	}
	var none *comparisons
	if todo, kept := none.plan(known.pairs, make([]bool, 5)); !slices.Equal(todo, known.pairs) || kept != nil {
		t.Errorf("without a last merge: compares %x and keeps %v, want every pair and nothing", todo, kept)
	}
}

// TestComparisonsAdd checks that add keeps one pairing for each pair
// that agreed, nearly did or was weak, in the order of the pairs: a
// kept one as it was, the others compared, and that pairingOf reads
// them.
func TestComparisonsAdd(t *testing.T) {
	reports := make([]report, 6)
	reports[1].people, reports[4].people = []uint64{1}, []uint64{2} // other people: compare sets differ
	kept := []pairing{{a: 0, b: 1, wording: 0.2, near: true}, {a: 2, b: 5, wording: 0.5, joined: true}}
	results := &comparisons{}
	results.add(reports, kept, []agreement{{a: 2, b: 5, strength: 0.5}}, []agreement{{a: 0, b: 1, strength: 0.2}, {a: 1, b: 4}}, []agreement{{a: 1, b: 4}})
	want := []pairing{kept[0], compare(reports, 1, 4), kept[1]}
	if !reflect.DeepEqual(results.found, want) {
		t.Errorf("found %+v, want %+v", results.found, want)
	}
	if !want[1].differ {
		t.Fatal("the compared pair is not the one of reports 1 and 4")
	}
	g := &groups{reports: reports, compared: results}
	if p := g.pairingOf(agreement{a: 2, b: 5}); p.wording != 0.5 {
		t.Errorf("pairingOf a kept pair: wording %.2f, want the kept 0.50", p.wording)
	}
	if _, found := results.pairing(0, 5); found {
		t.Error("a pair that was not added was found")
	}
	var none *comparisons
	none.add(reports, nil, nil, nil, nil) // no Merger: nothing to record, no panic
}
