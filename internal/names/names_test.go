package names

import (
	"reflect"
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

func TestFind(t *testing.T) {
	m := New([]timeline.Person{
		{Name: "Lloyd Austin"},
		{Name: "Sergei Shoigu", Aliases: []string{"Sergey Shoigu"}},
		{Name: "Volodymyr Zelenskyy", Aliases: []string{"Zelenskyy"}},
	})
	tests := []struct {
		name  string
		title string
		body  []string
		want  []string
	}{
		{name: "full name in body", body: []string{"US Secretary of Defense Lloyd Austin spoke."}, want: []string{"Lloyd Austin"}},
		{name: "alias spelling, any case", body: []string{"Defense Minister SERGEY SHOIGU said."}, want: []string{"Sergei Shoigu"}},
		{name: "people file order", title: "Shoigu and Austin", body: []string{"Sergei Shoigu, then Lloyd Austin."}, want: []string{"Lloyd Austin", "Sergei Shoigu"}},
		{name: "whole words only", body: []string{"Lloyd Austinson is someone else."}},
		{name: "one-word aliases are too ambiguous", body: []string{"Zelenskyy said."}},
		{name: "not across paragraphs", body: []string{"said Lloyd", "Austin Texas"}},
		{name: "each person once", body: []string{"Sergei Shoigu and Sergey Shoigu"}, want: []string{"Sergei Shoigu"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var blocks []timeline.Block
			for _, text := range tt.body {
				blocks = append(blocks, timeline.Block{Text: text})
			}
			got := m.Find(tt.title, blocks)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Find = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFindNeedsACapital(t *testing.T) {
	m := New([]timeline.Person{{Name: "Lloyd Austin"}, {Name: "Émile Zola"}})
	got := m.Find("", []timeline.Block{{Text: "lloyd austin and ÉMILE ZOLA"}})
	if len(got) != 1 || got[0] != "Émile Zola" {
		t.Errorf("Find = %q, want only Émile Zola (a name written in lower case is not a name)", got)
	}
}
