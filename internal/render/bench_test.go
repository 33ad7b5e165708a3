package render

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/timeline/internal/timeline"
)

// benchEntries is the size of the render benchmarks' chronology.
const benchEntries = 10000

// benchChronology returns a chronology of n entries shaped like extracted
// articles: a body of a dozen paragraphs, a caption, a source article
// with its own page, two to four people and one or two tags, spread over
// the fixture's window and phases.
func benchChronology(n int) *timeline.Chronology {
	chron := fixture()
	chron.Entries, chron.Articles = nil, nil
	chron.Site.Start, chron.Site.End = timeline.MonthOf(2021, 12), timeline.MonthOf(2022, 10)
	people := []string{"Ann Able", "Boris Bold", "Cy Unknown", "Dee Dale", "Eve East", "Fay Field", "Gus Green", "Hal Hill"}
	kinds := []string{"call", "meeting", "statement", "military", "diplomacy"}
	start := time.Date(2021, 12, 1, 0, 0, 0, 0, time.UTC)
	paragraph := strings.Repeat("Officials said the talks covered the deployment of troops & the sanctions <in force>. ", 4)
	for i := range n {
		id := fmt.Sprintf("%06d_%08x", i, i*2654435761%(1<<32))
		path := "articles/" + id + ".txt"
		var blocks []timeline.Block
		for b := range 12 {
			kind := timeline.Paragraph
			if b == 6 {
				kind = timeline.Heading
			}
			blocks = append(blocks, timeline.Block{Kind: kind, Text: fmt.Sprintf("Paragraph %d of article %d. %s", b, i, paragraph), Offset: b * 400})
		}
		published := timeline.FromTime(start.AddDate(0, 0, i*330/n))
		e := &timeline.Entry{
			ID: id, Date: published, Title: fmt.Sprintf("Ministers discuss the situation, report %d", i),
			Summary: blocks[0].Text, Article: path, Blocks: blocks, Captions: []string{fmt.Sprintf("A photo from %d.", i)},
			Kind:         kinds[i%len(kinds)],
			Participants: []string{people[i%len(people)], people[(i+3)%len(people)]},
			People:       people[(i+5)%len(people) : (i+5)%len(people)+1],
			Tags:         []string{fmt.Sprintf("tag %d", i%40), fmt.Sprintf("topic %d", i%7)}[:1+i%2],
			Outlet:       "Daily",
			Sources:      []timeline.Source{{Title: "Report", Outlet: "Daily", Published: published, Article: path}},
			Origin:       timeline.Position{Path: "content/" + path},
		}
		chron.Entries = append(chron.Entries, e)
		chron.Articles = append(chron.Articles, &timeline.Article{
			Path: path, ID: id, Title: e.Title, Outlet: "Daily", Published: published,
			Blocks: blocks, Captions: e.Captions, EntryID: id,
		})
	}
	timeline.SortEntries(chron.Entries)
	return chron
}

// BenchmarkRenderChronology renders a chronology of benchEntries
// extracted entries, each with its article page, into Discard.
func BenchmarkRenderChronology(b *testing.B) {
	chron := benchChronology(benchEntries)
	tmpl := loadDefaults(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := Render(chron, tmpl, Options{}, Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/benchEntries, "µs/entry")
}

// BenchmarkNewLinks files benchEntries entries under their people, tags,
// months and phases: done on every Render, so on every preview rebuild.
func BenchmarkNewLinks(b *testing.B) {
	chron := benchChronology(benchEntries)
	b.ReportAllocs()
	for b.Loop() {
		NewLinks(chron)
	}
}

// BenchmarkKeys computes the key of every entry of benchEntries entries
// and the global keys, as a Render with Reuse.Next does.
func BenchmarkKeys(b *testing.B) {
	chron := benchChronology(benchEntries)
	r := &renderer{chron: chron, t: loadDefaults(b), links: NewLinks(chron)}
	b.ReportAllocs()
	for b.Loop() {
		newKeyer(r)
	}
}
