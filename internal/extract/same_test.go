package extract

import (
	"reflect"
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

// fullArticle returns an Article with every field set, each list holding
// one element.
func fullArticle() *Article {
	ev := timeline.Evidence{Text: "Thursday", Offset: 120, Rule: "lede weekday"}
	return &Article{
		Path: "articles/a.txt", Title: "Title", TitleDerived: true,
		Published: timeline.DayOf(2022, 2, 24), Event: timeline.DayOf(2022, 2, 24),
		DateEvidence: []timeline.Evidence{ev}, PublishedEvidence: ev, EventEvidence: ev,
		Undated: "why", Outlet: "Outlet", Dateline: "KYIV",
		Blocks:   []timeline.Block{{Kind: timeline.Paragraph, Text: "Body", Offset: 10}},
		Captions: []string{"Caption"}, Dropped: []Dropped{{Text: "Ad", Offset: 3, Reason: "chrome"}},
		Summary: "Summary", People: []string{"Joe Biden"},
	}
}

// TestSameApartFromBodyCoversFields changes every leaf field of an
// Article in turn, down to the fields of its dates, evidence and first
// list elements: SameApartFromBody must be false for all but the body's
// (Blocks, Captions, Dropped), and true for those.
func TestSameApartFromBodyCoversFields(t *testing.T) {
	base := fullArticle()
	if !base.SameApartFromBody(fullArticle()) {
		t.Fatal("SameApartFromBody is false for two equal articles")
	}
	body := map[string]bool{"Blocks": true, "Captions": true, "Dropped": true}
	var leaves func(v reflect.Value, path []int, name string, top string)
	checked := 0
	leaves = func(v reflect.Value, path []int, name, top string) {
		switch v.Kind() {
		case reflect.Struct:
			for i := range v.NumField() {
				leaves(v.Field(i), append(append([]int(nil), path...), i), name+"."+v.Type().Field(i).Name, top)
			}
			return
		case reflect.Slice:
			leaves(v.Index(0), append(append([]int(nil), path...), -1), name+"[0]", top)
			return
		}
		b := fullArticle()
		f := reflect.ValueOf(b).Elem()
		for _, i := range path {
			if i < 0 {
				f = f.Index(0)
			} else {
				f = f.Field(i)
			}
		}
		switch f.Kind() {
		case reflect.String:
			f.SetString(f.String() + "x")
		case reflect.Bool:
			f.SetBool(!f.Bool())
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			f.SetInt(f.Int() + 1)
		default:
			t.Fatalf("%s: kind %s not handled by the test", name, f.Kind())
		}
		checked++
		if got, want := base.SameApartFromBody(b), body[top]; got != want {
			t.Errorf("changing %s: SameApartFromBody = %v, want %v", name, got, want)
		}
	}
	v := reflect.ValueOf(base).Elem()
	for i := range v.NumField() {
		name := v.Type().Field(i).Name
		leaves(v.Field(i), []int{i}, "Article."+name, name)
	}
	if checked < 20 {
		t.Fatalf("checked %d fields, want every leaf field", checked)
	}
}
