package render

import (
	"strconv"
	"strings"

	"github.com/newsroom/timeline/internal/timeline"
)

// tlSlide is the title slide.
type tlSlide struct {
	Text tlText `json:"text"`
}

// tlText is a slide's headline and HTML text.
type tlText struct {
	Headline string `json:"headline"`
	Text     string `json:"text,omitempty"`
}

// tlParts is a TimelineJS date, split into its parts; parts finer than the
// date's precision are left out.
type tlParts struct {
	Year        string `json:"year"`
	Month       string `json:"month,omitempty"`
	Day         string `json:"day,omitempty"`
	Hour        string `json:"hour,omitempty"`
	Minute      string `json:"minute,omitempty"`
	DisplayDate string `json:"display_date,omitempty"`
}

// tlDate splits d into TimelineJS's parts, showing it as readers see it
// ("c. February 2022").
func tlDate(d timeline.Date) tlParts {
	t := tlParts{Year: strconv.Itoa(d.Year), DisplayDate: d.Human()}
	if d.Precision >= timeline.Month {
		t.Month = strconv.Itoa(d.Month)
	}
	if d.Precision >= timeline.Day {
		t.Day = strconv.Itoa(d.Day)
	}
	if d.Precision >= timeline.Minute {
		t.Hour, t.Minute = strconv.Itoa(int(d.Hour)), strconv.Itoa(int(d.Minute))
	}
	return t
}

// writeTimelineJS writes timelinejs.json to w, in the TimelineJS3 JSON format
// (https://timeline.knightlab.com/docs/json-format.html), which
// TimelineJS3 opens unmodified: {"title": tlSlide, "events": [tlEvent],
// "eras": [tlEra]}, every entry as an event grouped by its phase, the
// phases as eras (left out when there are none), each event linking to
// its entry page (see appendEventHTML for its text); indented as
// json.MarshalIndent would, each event's bytes kept in memo (nil keeps
// none). TimelineJS3 renders headlines, texts and
// groups as HTML, so every one of them is HTML: titles and phase names
// are escaped (groups twice, see tlGroup), texts are our own safe
// Markdown HTML.
func writeTimelineJS(w *jsonWriter, chron *timeline.Chronology, links *Links, memo *exportMemo) error {
	site := chron.Site
	base := absURL(site, "")
	w.beginObject()
	w.key("title")
	writeTLSlide(w, tlSlide{Text: tlText{Headline: escapeHTML(site.Title), Text: "<p>" + escapeHTML(site.Description) + "</p>"}})
	w.key("events")
	w.beginArray()
	start, end := dateMemo[tlParts]{format: tlDate}, dateMemo[tlParts]{format: tlDate}
	var text []byte
	mw := memo.writer("timelinejs.json", len(chron.Entries))
	for _, e := range chron.Entries {
		if e.Date.IsZero() {
			continue
		}
		err := mw.value(w, e, func() error {
			var err error
			text, err = writeTLEvent(w, e, links, base, text, &start, &end)
			return err
		})
		if err != nil {
			return err
		}
		w.flush()
	}
	mw.finish()
	w.end()
	eras := false
	for _, ph := range site.Phases {
		if ph.Start.IsZero() || ph.End.IsZero() {
			continue
		}
		if !eras {
			w.key("eras")
			w.beginArray()
			eras = true
		}
		w.beginObject()
		w.key("start_date")
		writeTLDate(w, tlDate(ph.Start))
		w.key("end_date")
		writeTLDate(w, tlDate(ph.End))
		w.key("text")
		writeTLText(w, tlText{Headline: escapeHTML(ph.Name)})
		w.end()
	}
	if eras {
		w.end()
	}
	w.end()
	return nil
}

// timelineJSSize is about the size of timelinejs.json.
func timelineJSSize(chron *timeline.Chronology) int {
	size, base := 64, absURL(chron.Site, "")
	for _, e := range chron.Entries {
		size += 2*len(e.ID) + 2*len(e.Title) + 3*ledeSize(e)/2 + len(base) + 500
	}
	return size
}

// writeTLSlide writes s as encoding/json would.
func writeTLSlide(w *jsonWriter, s tlSlide) {
	w.beginObject()
	w.key("text")
	writeTLText(w, s.Text)
	w.end()
}

// writeTLText writes t as encoding/json would.
func writeTLText(w *jsonWriter, t tlText) {
	w.beginObject()
	w.field("headline", t.Headline)
	w.fieldOmitEmpty("text", t.Text)
	w.end()
}

// writeTLDate writes d as encoding/json would.
func writeTLDate(w *jsonWriter, d tlParts) {
	w.beginObject()
	w.field("year", d.Year)
	w.fieldOmitEmpty("month", d.Month)
	w.fieldOmitEmpty("day", d.Day)
	w.fieldOmitEmpty("hour", d.Hour)
	w.fieldOmitEmpty("minute", d.Minute)
	w.fieldOmitEmpty("display_date", d.DisplayDate)
	w.end()
}

// appendEventHTML appends an entry's text on its TimelineJS slide: its
// summary, and the editors' body only when an entry has no summary; the
// whole text is on the entry page the slide links to. So the export
// stays small, needs no article's body, and renders little Markdown
// again.
func appendEventHTML(dst []byte, e *timeline.Entry) ([]byte, error) {
	if !hasArticleText(e) && strings.TrimSpace(e.Summary) == "" {
		html, err := entryHTML(e)
		return append(dst, html...), err
	}
	if lede := Lede(e); hasArticleText(e) && lede != "" {
		// summaryHTML's paragraph, without building it.
		return appendParagraph(dst, lede), nil
	}
	summary, err := summaryHTML(e)
	if err != nil || summary != "" {
		return append(dst, summary...), err
	}
	return appendParagraph(dst, e.Title), nil
}

// writeTLEvent writes the TimelineJS event of e, its text built in the
// reused buffer text, which it returns.
func writeTLEvent(w *jsonWriter, e *timeline.Entry, links *Links, base string, text []byte, start, end *dateMemo[tlParts]) ([]byte, error) {
	var err error
	if text, err = appendEventHTML(text[:0], e); err != nil {
		return text, err
	}
	text = append(text, `<p><a href="`...)
	text = appendEscapedHTML(text, base)
	text = append(text, `entries/`...)
	text = appendEscapedHTML(text, e.ID)
	text = append(text, `/">Sources and details</a></p>`...)
	w.beginObject()
	w.key("start_date")
	writeTLDate(w, start.of(e.Date))
	if !e.End.IsZero() {
		w.key("end_date")
		writeTLDate(w, end.of(e.End))
	}
	w.key("text")
	w.beginObject()
	w.field("headline", escapeHTML(e.Title))
	w.key("text")
	w.stringBytes(text)
	w.end()
	if ph := links.PhaseOf(e); ph != nil {
		w.fieldOmitEmpty("group", tlGroup(ph.Name))
	}
	w.field("unique_id", e.ID)
	w.end()
	return text, nil
}

// tlGroup returns a phase name as an event's group. TimelineJS3 takes a
// group for text, the text of the group parsed as HTML (its stripMarkup,
// which decodes entities once), and then shows that text as HTML
// (TimeGroup's innerHTML): escaped twice, the name shows as written, and
// no markup in it runs.
func tlGroup(name string) string { return escapeHTML(escapeHTML(name)) }
