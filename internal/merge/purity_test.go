package merge

import (
	"reflect"
	"testing"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/synth"
	"github.com/newsroom/timeline/internal/timeline"
	"github.com/spf13/afero"
)

// purityFiles is a small chronology that exercises every step of Merge:
// people with aliases, editors' entries citing articles for the same day
// (absorbed) and for an earlier event (listed), calls between the same
// two people (contacts), an annotation that dates an undated article, one
// that excludes an article, a Markdown article, a draft, and names,
// dates and events that draw warnings.
var purityFiles = map[string]string{
	"content/site.yaml": testSite,
	"content/people.yaml": "- name: Lloyd Austin\n  aliases: [Secretary Austin]\n" +
		"- name: Sergei Shoigu\n  aliases: [Sergey Shoigu, Shoygu]\n- name: Mark Milley\n",
	"content/entries/calls.yaml": `- id: call-feb
  date: 2022-02-18
  title: Austin and Shoigu speak
  kind: call
  participants: [Secretary Austin, Sergey Shoigu]
  sources:
    - article: 001_feb.txt
- id: call-mar
  date: 2022-03-01
  title: Austin calls Shoigu again
  kind: call
  participants: [Sergei Shoigu, Lloyd Austin]
  people: [Mark Milley, Sergey Shoygu]
  sources:
    - article: 002_may.txt
    - title: Readout
      url: https://example.org/readout
      outlet: Example
- id: same-day
  date: 2022-03-01
  title: The same call, told twice
  kind: call
  participants: [Lloyd Austin, Sergei Shoigu]
- id: late
  date: 2023-01-05
  title: Outside the window
- id: draft
  date: 2022-04-01
  title: Not yet
  draft: true
`,
	"content/annotations/dated.yaml": `- article: 003_undated.txt
  date: 2022-04-02
  kind: call
  participants: [Lloyd Austin, Shoygu]
  note: Dated by the editors.
- article: 004_opinion.txt
  exclude: true
  reason: An opinion column, not a report of an event.
`,
	"content/articles/001_feb.txt":      "Austin and Shoigu speak\n\nBody.\n",
	"content/articles/002_may.txt":      "Shoigu talks of February\n\nBody.\n",
	"content/articles/003_undated.txt":  "Another call\n\nBody.\n",
	"content/articles/004_opinion.txt":  "What the calls mean\n\nBody.\n",
	"content/articles/005_undated.txt":  "Nobody knows when\n\nBody.\n",
	"content/articles/md-july-visit.md": "---\ntitle: Milley visits\ndate: 2022-07-01\npeople: [Mark Milley]\n---\nBody.\n",
}

// purityArticles stands in for extraction, with every field Merge reads.
func purityArticles(c *content.Content) []*extract.Article {
	dates := map[string]timeline.Date{
		"articles/001_feb.txt":     timeline.DayOf(2022, 2, 18),
		"articles/002_may.txt":     timeline.DayOf(2022, 5, 13),
		"articles/004_opinion.txt": timeline.DayOf(2022, 6, 1),
	}
	var out []*extract.Article
	for _, a := range c.Articles {
		art := &extract.Article{
			Path: a.Path, Title: "Headline of " + a.Path, Outlet: "Wire",
			Published: timeline.DayOf(2022, 6, 2), Event: dates[a.Path],
			DateEvidence: []timeline.Evidence{{Text: "June 2", Offset: 10, Rule: "byline"}},
			Blocks:       []timeline.Block{{Kind: timeline.Paragraph, Text: "Body.", Offset: 20}},
			Captions:     []string{"A caption."},
			Summary:      "Body.",
			People:       []string{"Lloyd Austin", "Sergei Shoigu"},
		}
		if art.Event.IsZero() {
			art.Undated = "no date found in the text"
		}
		out = append(out, art)
	}
	return out
}

// TestMergeIsPure merges the same inputs twice and checks that the inputs
// are unchanged and both chronologies and problem lists are equal.
func TestMergeIsPure(t *testing.T) {
	fsys := afero.NewMemMapFs()
	for p, s := range purityFiles {
		if err := afero.WriteFile(fsys, p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, diags := content.Load(fsys, "content")
	if err := diags.Err(); err != nil {
		t.Fatal(err)
	}
	articles := purityArticles(c)
	wantContent, wantArticles := deepCopy(c), deepCopy(articles)

	first, firstDiags := Merge(c, articles)
	second, secondDiags := Merge(c, articles)

	if !reflect.DeepEqual(c, wantContent) {
		t.Error("Merge modified the content")
	}
	if !reflect.DeepEqual(articles, wantArticles) {
		t.Error("Merge modified the articles")
	}
	if !reflect.DeepEqual(first, second) {
		t.Error("merging the same inputs twice gave different chronologies")
	}
	if !reflect.DeepEqual(firstDiags, secondDiags) {
		t.Errorf("merging the same inputs twice gave different problems:\n%v\n%v", firstDiags, secondDiags)
	}

	// The fixture must reach every step it is meant to exercise.
	checks := []struct {
		name string
		ok   bool
	}{
		{"call-feb absorbs 001", first.Articles[0].EntryID == "call-feb"},
		{"002 is an entry of its own", entryByID(first, "002-may") != nil},
		{"003 dated by its annotation", entryByID(first, "003-undated") != nil},
		{"004 excluded", first.Articles[3].EntryID == "" && entryByID(first, "004-opinion") == nil},
		{"005 left out", first.Articles[4].EntryID == "" && entryByID(first, "005-undated") == nil},
		{"Markdown article merged", entryByID(first, "md-july-visit") != nil},
		{"draft left out", entryByID(first, "draft") == nil},
		{"aliases resolved", reflect.DeepEqual(entryByID(first, "call-feb").Participants, []string{"Lloyd Austin", "Sergei Shoigu"})},
		{"contact computed", entryByID(first, "003-undated").Contact != nil},
		{"sources described", entryByID(first, "call-mar").Sources[0].Title == "Headline of articles/002_may.txt"},
		{"warnings drawn", len(firstDiags.Warnings()) >= 4},
	}
	for _, check := range checks {
		if !check.ok {
			t.Errorf("fixture does not exercise: %s", check.name)
		}
	}
}

// TestMergeIsPureAtScale merges a synthetic corpus large enough for
// several batches of articles on several cores, twice, and checks that
// the inputs are unchanged and both results are equal.
func TestMergeIsPureAtScale(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and extracts 700 articles")
	}
	c, articles, err := synthInput(synth.Options{Articles: 700, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	wantContent, wantArticles := deepCopy(c), deepCopy(articles)
	first, firstDiags := Merge(c, articles)
	second, secondDiags := Merge(c, articles)
	tests := []struct {
		name string
		ok   bool
	}{
		{"content unchanged", reflect.DeepEqual(c, wantContent)},
		{"articles unchanged", reflect.DeepEqual(articles, wantArticles)},
		{"same chronology", reflect.DeepEqual(first, second)},
		{"same problems", reflect.DeepEqual(firstDiags, secondDiags)},
		{"entries made", len(first.Entries) > len(c.Entries)},
	}
	for _, tt := range tests {
		if !tt.ok {
			t.Errorf("%s: no", tt.name)
		}
	}
}

// deepCopy returns a copy of v that shares no pointer, slice or map with
// it. Map keys are kept as they are, so that maps keyed by pointers
// (content.Positions) still compare equal with reflect.DeepEqual.
func deepCopy[T any](v T) T {
	seen := map[uintptr]reflect.Value{}
	return copyValue(reflect.ValueOf(v), seen).Interface().(T)
}

func copyValue(v reflect.Value, seen map[uintptr]reflect.Value) reflect.Value {
	out := reflect.New(v.Type()).Elem()
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return out
		}
		if done, ok := seen[v.Pointer()]; ok {
			return done
		}
		p := reflect.New(v.Type().Elem())
		seen[v.Pointer()] = p
		p.Elem().Set(copyValue(v.Elem(), seen))
		return p
	case reflect.Slice:
		if v.IsNil() {
			return out
		}
		s := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			s.Index(i).Set(copyValue(v.Index(i), seen))
		}
		return s
	case reflect.Map:
		if v.IsNil() {
			return out
		}
		m := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			m.SetMapIndex(it.Key(), copyValue(it.Value(), seen))
		}
		return m
	case reflect.Struct:
		for i := range v.NumField() {
			out.Field(i).Set(copyValue(v.Field(i), seen))
		}
		return out
	case reflect.Interface, reflect.Func, reflect.Chan, reflect.UnsafePointer:
		panic("deepCopy: cannot copy a " + v.Kind().String())
	}
	out.Set(v)
	return out
}
