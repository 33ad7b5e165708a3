package render

import (
	"reflect"
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

// entryKey hashes e as newKeyer does, its body included.
func entryKey(e *timeline.Entry) uint64 {
	var h keyBuf
	writeEntry(&h, e, bodyHash(keySeed, e.Blocks))
	return h.sum(keySeed)
}

// keyedEntry returns an entry with every field, and every field of its
// structs and first list elements, set.
func keyedEntry() *timeline.Entry {
	date := timeline.DayOf(2022, 2, 24)
	previous := &timeline.Entry{ID: "prev", Title: "Earlier call", Date: timeline.DayOf(2022, 2, 18), End: date}
	return &timeline.Entry{
		ID: "id", Date: date, End: date, Title: "Title", TitleDerived: true, Summary: "Summary", Body: "Body",
		Article: "articles/a.txt", Blocks: []timeline.Block{{Kind: timeline.Heading, Text: "Text", Offset: 4}},
		Captions: []string{"Caption"}, Kind: "call", Participants: []string{"Ann"}, People: []string{"Bob"},
		Places: []string{"Kyiv"}, Tags: []string{"tag"},
		Sources: []timeline.Source{{Title: "T", Outlet: "O", URL: "https://example.org/", Published: date, Article: "articles/a.txt"}},
		Outlet:  "Outlet", Note: "Note", Importance: 2, Draft: true,
		DateEvidence: []timeline.Evidence{{Text: "on Thursday", Offset: 10, Rule: "lede"}},
		EditorSet:    []string{"date"}, Origin: timeline.Position{Path: "content/entries/x.yaml", Line: 3, Col: 5},
		Contact: &timeline.Contact{With: [2]string{"Ann", "Bob"}, Days: 6, Previous: previous},
	}
}

// unkeyed are the fields of an entry a Contact points back to that no
// page shows, so its key leaves them out.
var unkeyed = map[string]bool{}

func init() {
	for _, f := range reflect.VisibleFields(reflect.TypeOf(timeline.Entry{})) {
		switch f.Name {
		case "ID", "Title", "Date", "End":
		default:
			unkeyed["Entry.Contact.Previous."+f.Name] = true
		}
	}
}

// TestEntryKeyCoversFields changes each field of an entry in turn, down
// to the fields of its structs and lists, and checks that its key
// changes: a field added to timeline.Entry but not to writeEntry fails
// here.
func TestEntryKeyCoversFields(t *testing.T) {
	base := entryKey(keyedEntry())
	eachEntryField(t, func(name string, get func(e *timeline.Entry) reflect.Value) {
		e := keyedEntry()
		change(t, name, get(e))
		if entryKey(e) == base {
			t.Errorf("changing %s leaves the entry's key unchanged: writeEntry misses it", name)
		}
	})
}

// TestSameEntryCoversFields checks that sameEntry tells an entry from a
// copy with any one field changed, as writeEntry does.
func TestSameEntryCoversFields(t *testing.T) {
	base := keyedEntry()
	if !sameEntry(base, keyedEntry()) {
		t.Fatal("sameEntry is false for two entries with the same fields")
	}
	eachEntryField(t, func(name string, get func(e *timeline.Entry) reflect.Value) {
		e := keyedEntry()
		change(t, name, get(e))
		if sameEntry(base, e) {
			t.Errorf("changing %s leaves sameEntry true: it misses the field", name)
		}
	})
}

// TestSameArticleCoversFields is TestSameEntryCoversFields for articles.
func TestSameArticleCoversFields(t *testing.T) {
	keyed := func() *timeline.Article {
		return &timeline.Article{Path: "articles/a.txt", ID: "a", Title: "T", Outlet: "O", Published: timeline.DayOf(2022, 2, 24),
			Captions: []string{"Caption"}, EntryID: "e"}
	}
	blocks := []timeline.Block{{Kind: timeline.Paragraph, Text: "Text"}}
	base := keyed()
	base.Blocks = blocks
	v := reflect.ValueOf(base).Elem()
	for i := range v.NumField() {
		name := v.Type().Field(i).Name
		a := keyed()
		a.Blocks = blocks
		if !sameArticle(base, a) {
			t.Fatal("sameArticle is false for two articles with the same fields")
		}
		f := reflect.ValueOf(a).Elem().Field(i)
		if f.Kind() == reflect.Struct { // a date
			f = f.Field(0)
		}
		change(t, name, f)
		if sameArticle(base, a) {
			t.Errorf("changing Article.%s leaves sameArticle true: it misses the field", name)
		}
	}
}

// eachEntryField calls check for each leaf field of an entry, down to
// the fields of its structs and first list elements, with a function
// that finds that field in any entry.
func eachEntryField(t *testing.T, check func(name string, get func(e *timeline.Entry) reflect.Value)) {
	var visit func(name string, get func(e *timeline.Entry) reflect.Value)
	visit = func(name string, get func(e *timeline.Entry) reflect.Value) {
		if unkeyed[name] {
			return
		}
		v := get(keyedEntry())
		switch v.Kind() {
		case reflect.Struct:
			for i := range v.NumField() {
				visit(name+"."+v.Type().Field(i).Name, func(e *timeline.Entry) reflect.Value { return get(e).Field(i) })
			}
			return
		case reflect.Pointer:
			visit(name, func(e *timeline.Entry) reflect.Value { return get(e).Elem() })
			return
		case reflect.Array:
			for i := range v.Len() {
				visit(name+"[i]", func(e *timeline.Entry) reflect.Value { return get(e).Index(i) })
			}
			return
		case reflect.Slice:
			if v.Type().Elem().Kind() == reflect.Struct {
				visit(name+"[0]", func(e *timeline.Entry) reflect.Value { return get(e).Index(0) })
			}
		}
		check(name, get)
	}
	visit("Entry", func(e *timeline.Entry) reflect.Value { return reflect.ValueOf(e).Elem() })
}

// change gives v, a leaf field, another value.
func change(t *testing.T, name string, v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(v.String() + "x")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(v.Int() + 1)
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Slice:
		v.Set(reflect.Append(v, reflect.Zero(v.Type().Elem())))
	case reflect.Map:
		if v.IsNil() {
			v.Set(reflect.MakeMap(v.Type()))
		}
		v.SetMapIndex(reflect.ValueOf("changed"), reflect.ValueOf("x"))
	default:
		t.Fatalf("%s: no way to change a %s; teach change, and writeEntry", name, v.Kind())
	}
}

// TestNameKeyFoldsAsFoldName checks the fast path of nameKey against
// foldName, which folds any script.
func TestNameKeyFoldsAsFoldName(t *testing.T) {
	for _, name := range []string{
		"", "Lloyd Austin", "  Sergei  Shoigu ", "Jens-Stoltenberg", "O'Brien, Jr.", "ÉLYSÉE Palace",
		"Володимир Зеленський", "a1 B2", "...", "x", "A very long name that goes past sixty-four bytes of text, surely",
	} {
		if got, want := nameKey(name), foldName(name); got != want {
			t.Errorf("nameKey(%q) = %q, want %q", name, got, want)
		}
	}
}

// FuzzNameKey checks nameKey against foldName on any text.
func FuzzNameKey(f *testing.F) {
	for _, s := range []string{"Lloyd Austin", "a--b", "Zelensky\u00a0V.", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if got, want := nameKey(name), foldName(name); got != want {
			t.Errorf("nameKey(%q) = %q, want %q", name, got, want)
		}
	})
}
