package render

import (
	"html/template"
	"io"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

// BenchmarkTemplateAction measures what one html/template action costs,
// whatever the page: the floor under any page that html/template
// escapes. Each template holds 100 actions of one kind; ns/action is the
// figure to multiply by a page's actions.
func BenchmarkTemplateAction(b *testing.B) {
	data := struct {
		Text string
		Date timeline.Date
	}{Text: "Kirby and Price speak by phone", Date: timeline.DayOf(2022, 2, 24)}
	kinds := []struct{ name, action string }{
		{"text", `<p>{{.Text}}</p>`},
		{"attribute", `<p title="{{.Text}}"></p>`},
		{"url", `<a href="{{.Text}}">x</a>`},
		{"url-part", `<a href="../../entries/{{.Text}}/">x</a>`},
		{"method", `<p>{{.Date.Human}}</p>`},
	}
	for _, kind := range kinds {
		b.Run(kind.name, func(b *testing.B) {
			t := template.Must(template.New("page").Parse(strings.Repeat(kind.action, 100)))
			for b.Loop() {
				if err := t.Execute(io.Discard, data); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/100, "ns/action")
		})
	}
}
