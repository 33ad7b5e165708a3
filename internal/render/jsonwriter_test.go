package render

import (
	"encoding/json"
	"strconv"
	"testing"
)

// trickyStrings are strings whose escaping is easy to get wrong.
var trickyStrings = []string{
	"",
	"plain text",
	`"quoted" and \backslashed\`,
	"control \x00 \x01 \b \f \n \r \t \x1f \x7f",
	"<b>bold</b> & 'apos'",
	"line\u2028separator\u2029paragraph",
	"invalid \xff\xfe utf-8 \xe2\x80 cut",
	"\xe2\x80\xa8 and \xe2\x80",
	"emoji 😀 and 🏳️‍🌈, accents é ü",
	"replacement \uFFFD char",
	"\U0010FFFF max rune \xed\xa0\x80 surrogate",
	"Шойгу и Лавров",
}

// TestAppendJSONString checks that appendJSONString writes what
// json.Marshal writes for a string.
func TestAppendJSONString(t *testing.T) {
	for _, s := range trickyStrings {
		checkJSONString(t, s)
	}
}

// FuzzJSONString checks appendJSONString against json.Marshal for
// arbitrary strings.
func FuzzJSONString(f *testing.F) {
	for _, s := range trickyStrings {
		f.Add(s)
	}
	f.Fuzz(checkJSONString)
}

// checkJSONString checks that appendJSONString writes s, as a string and
// as bytes, as json.Marshal does.
func checkJSONString(t *testing.T, s string) {
	want, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	if got := appendJSONString(nil, s); string(got) != string(want) {
		t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
	}
	if got := appendJSONString(nil, []byte(s)); string(got) != string(want) {
		t.Errorf("appendJSONString([]byte(%q)) = %s, want %s", s, got, want)
	}
}

// jsonTestItem is a value for TestJSONWriterLayout, written by
// writeJSONTestItem.
type jsonTestItem struct {
	Name  string         `json:"name"`
	Note  string         `json:"note,omitempty"`
	List  []string       `json:"list"`
	Count int            `json:"n"`
	Inner *jsonTestItem  `json:"inner,omitempty"`
	Items []jsonTestItem `json:"items"`
}

func writeJSONTestItem(w *jsonWriter, it jsonTestItem) {
	w.beginObject()
	w.field("name", it.Name)
	w.fieldOmitEmpty("note", it.Note)
	w.key("list")
	w.strings(it.List)
	w.key("n")
	w.value()
	w.buf = strconv.AppendInt(w.buf, int64(it.Count), 10)
	if it.Inner != nil {
		w.key("inner")
		writeJSONTestItem(w, *it.Inner)
	}
	w.key("items")
	if it.Items == nil {
		w.strings(nil)
	} else {
		w.beginArray()
		for _, item := range it.Items {
			writeJSONTestItem(w, item)
		}
		w.end()
	}
	w.end()
}

// TestJSONWriterLayout checks that jsonWriter lays a document out as
// json.MarshalIndent(v, "", "  ") does, or compact as json.Marshal does,
// with a final newline.
func TestJSONWriterLayout(t *testing.T) {
	leaf := jsonTestItem{Name: "<leaf> & \u2028", List: []string{}, Count: -3, Items: []jsonTestItem{}}
	for _, tt := range []struct {
		name string
		item jsonTestItem
	}{
		{"empty", jsonTestItem{}},
		{"empty lists", leaf},
		{"nested", jsonTestItem{Name: "a", Note: "n", List: []string{"x", "y"}, Count: 42, Inner: &leaf, Items: []jsonTestItem{leaf, {Name: "b"}}}},
	} {
		for _, compact := range []bool{false, true} {
			w := newJSONWriter(0, compact)
			writeJSONTestItem(w, tt.item)
			got := w.bytes()
			want, err := json.MarshalIndent(tt.item, "", "  ")
			if compact {
				want, err = json.Marshal(tt.item)
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want)+"\n" {
				t.Errorf("%s, compact %v: got\n%s\nwant\n%s", tt.name, compact, got, want)
			}
		}
	}
}
