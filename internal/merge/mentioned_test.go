package merge

import (
	"reflect"
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

func TestMentioned(t *testing.T) {
	idx := newPeopleIndex([]timeline.Person{
		{Name: "Lloyd Austin"},
		{Name: "Sergei Shoigu", Aliases: []string{"Sergey Shoigu"}},
		{Name: "Volodymyr Zelenskyy", Aliases: []string{"Zelenskyy"}},
	})
	tests := []struct {
		name  string
		title string
		body  []string
		have  []string
		want  []string
	}{
		{name: "full name in body", body: []string{"US Secretary of Defense Lloyd Austin spoke."}, want: []string{"Lloyd Austin"}},
		{name: "alias spelling, any case", body: []string{"Defense Minister SERGEY SHOIGU said."}, want: []string{"Sergei Shoigu"}},
		{name: "people file order", title: "Shoigu and Austin", body: []string{"Sergei Shoigu, then Lloyd Austin."}, want: []string{"Lloyd Austin", "Sergei Shoigu"}},
		{name: "whole words only", body: []string{"Lloyd Austinson is someone else."}},
		{name: "one-word aliases are too ambiguous", body: []string{"Zelenskyy said."}},
		{name: "not across paragraphs", body: []string{"said Lloyd", "Austin Texas"}},
		{name: "kept names first, no repeats", have: []string{"Sergei Shoigu"}, body: []string{"Sergei Shoigu and Lloyd Austin"}, want: []string{"Sergei Shoigu", "Lloyd Austin"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var blocks []timeline.Block
			for _, text := range tt.body {
				blocks = append(blocks, timeline.Block{Text: text})
			}
			got := idx.mentioned(tt.have, tt.title, blocks)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("mentioned = %q, want %q", got, tt.want)
			}
		})
	}
}
