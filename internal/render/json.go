package render

import (
	"github.com/newsroom/timeline/internal/timeline"
)

// timelineJSONSize is about the size of timeline.json.
func timelineJSONSize(chron *timeline.Chronology) int {
	size := 32
	for _, e := range chron.Entries {
		size += 2*len(e.ID) + len(e.Title) + ledeSize(e) + len(e.Origin.Path) + 48*len(e.Sources) + 200
	}
	return size
}

// writeTimelineJSON writes timeline.json to w: {"entries": [...]} in
// chronological order, each entry's fields as timelineEntry in the tests
// lists them, indented as json.MarshalIndent would: dates in ISO 8601 as
// precise as known, URLs site-relative and sources as content-relative
// paths; each entry's bytes kept in memo (nil keeps none).
func writeTimelineJSON(w *jsonWriter, chron *timeline.Chronology, memo *exportMemo) error {
	iso := dateMemo[string]{format: timeline.Date.ISO}
	var sources []string
	var url []byte
	mw := memo.writer("timeline.json", len(chron.Entries))
	w.beginObject()
	w.key("entries")
	w.beginArray()
	for _, e := range chron.Entries {
		_ = mw.value(w, e, func() error {
			writeTimelineEntry(w, e, chron.ContentDir, &iso, &sources, &url)
			return nil
		})
		w.flush()
	}
	mw.finish()
	w.end()
	w.end()
	return nil
}

// writeTimelineEntry writes one entry of timeline.json, with reused
// buffers for its dates, sources and URL.
func writeTimelineEntry(w *jsonWriter, e *timeline.Entry, contentDir string, iso *dateMemo[string], sources *[]string, url *[]byte) {
	{
		w.beginObject()
		w.field("id", e.ID)
		w.field("title", e.Title)
		w.field("date", iso.of(e.Date))
		w.key("url")
		*url = appendEntryURL((*url)[:0], e.ID)
		w.stringBytes(*url)
		w.key("sources")
		*sources = e.AppendSourcePaths((*sources)[:0], contentDir)
		if len(*sources) == 0 {
			w.strings(nil) // null, as encoding/json writes SourcePaths's nil
		} else {
			w.strings(*sources)
		}
		w.field("summary", Lede(e))
		w.end()
	}
}

func articleSlug(articlePath string) string { return timeline.ArticleSlug(articlePath) }
