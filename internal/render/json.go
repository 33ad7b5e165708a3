package render

import (
	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/timeline"
)

// TimelineEntry is one entry of timeline.json.
type TimelineEntry struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Date    string   `json:"date"`
	URL     string   `json:"url"`
	Sources []string `json:"sources"`
	Summary string   `json:"summary"`
}

// TimelineJSON returns timeline.json: {"entries": [...]} in chronological
// order, dates in ISO 8601 as precise as known, URLs site-relative and
// sources as content-relative paths.
func TimelineJSON(chron *timeline.Chronology) ([]byte, error) {
	var o jsonObject
	o.array("entries")
	for _, e := range chron.Entries {
		o.item(TimelineEntry{
			ID: e.ID, Title: e.Title, Date: e.Date.ISO(), URL: EntryURL(e.ID),
			Sources: e.SourcePaths(chron.ContentDir), Summary: Lede(e),
		})
	}
	o.end()
	return o.bytes()
}

func articleSlug(articlePath string) string { return content.ArticleSlug(articlePath) }
