package render

import (
	"encoding/json"
	"testing"
)

// TestJSONObjectMatchesMarshalIndent checks that jsonObject writes what
// json.MarshalIndent(v, "", "  ") and a newline would.
func TestJSONObjectMatchesMarshalIndent(t *testing.T) {
	type item struct {
		A string   `json:"a"`
		B []string `json:"b,omitempty"`
		C *TLDate  `json:"c,omitempty"`
	}
	items := []item{{A: "<b> & \u2028"}, {A: "x", B: []string{"1", "2"}, C: &TLDate{Year: "2022"}}}
	for _, tt := range []struct {
		name  string
		items []item
	}{{"none", nil}, {"one", items[:1]}, {"two", items}} {
		t.Run(tt.name, func(t *testing.T) {
			var o jsonObject
			o.field("title", TLSlide{Text: TLText{Headline: "T"}})
			o.array("items")
			for _, it := range tt.items {
				o.item(it)
			}
			o.end()
			got, err := o.bytes()
			if err != nil {
				t.Fatal(err)
			}
			want, err := json.MarshalIndent(struct {
				Title TLSlide `json:"title"`
				Items []item  `json:"items"`
			}{TLSlide{Text: TLText{Headline: "T"}}, append([]item{}, tt.items...)}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want)+"\n" {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
	var empty jsonObject
	if got, _ := empty.bytes(); string(got) != "{}\n" {
		t.Errorf("empty object: got %q, want %q", got, "{}\n")
	}
}
