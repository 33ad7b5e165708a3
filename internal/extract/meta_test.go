package extract

import (
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

func TestExtractWithMeta(t *testing.T) {
	text := "Ministers meet in Geneva\n\nThe two ministers met on Monday in Geneva to talk about the border, officials said.\n"
	pub := timeline.DayOf(2022, 1, 12)
	tests := []struct {
		name      string
		meta      Meta
		wantTitle string
		wantPub   timeline.Date
		wantEvent timeline.Date
		wantRule  string
	}{
		{"no metadata", Meta{}, "Ministers meet in Geneva", timeline.Date{}, timeline.Date{}, ""},
		{"metadata date resolves the weekday", Meta{
			Published:         pub,
			PublishedEvidence: timeline.Evidence{Text: "2022-01-12T09:00:00Z", Offset: -1, Rule: "publication: metadata datePublished"},
		}, "Ministers meet in Geneva", pub, timeline.DayOf(2022, 1, 10), "publication: metadata datePublished"},
		{"metadata title wins", Meta{Title: "Talks in Geneva"}, "Talks in Geneva", timeline.Date{}, timeline.Date{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ExtractWith("articles/x.txt", []byte(text), tt.meta, Options{})
			if a.Title != tt.wantTitle {
				t.Errorf("title = %q, want %q", a.Title, tt.wantTitle)
			}
			if a.Published != tt.wantPub {
				t.Errorf("published = %v, want %v", a.Published, tt.wantPub)
			}
			if a.Event != tt.wantEvent {
				t.Errorf("event = %v, want %v", a.Event, tt.wantEvent)
			}
			if a.PublishedEvidence.Rule != tt.wantRule {
				t.Errorf("published rule = %q, want %q", a.PublishedEvidence.Rule, tt.wantRule)
			}
		})
	}
}
