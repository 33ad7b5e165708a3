package render

import (
	"fmt"
	"sync"
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

// TestSameOutput renders chronologies with one worker, with four, and
// with every extracted body left out and read through Options.Bodies,
// and compares the files byte for byte.
func TestSameOutput(t *testing.T) {
	for _, tt := range []struct {
		name  string
		chron func() *timeline.Chronology
	}{
		{"fixture", fixture},
		{"generated", func() *timeline.Chronology { return benchChronology(IndexLimit + 200) }},
		{"empty bodies", func() *timeline.Chronology {
			chron := benchChronology(20)
			for i, e := range chron.Entries[:2] {
				e.Summary = ""
				e.Blocks, e.Captions = nil, nil
				if i == 1 {
					e.Blocks = []timeline.Block{{Kind: timeline.Heading, Text: "Only a heading"}}
				}
				for _, a := range chron.Articles {
					if a.Path == e.Article {
						a.Blocks, a.Captions = e.Blocks, e.Captions
					}
				}
			}
			return chron
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			one := renderFiles(t, tt.chron(), Options{Workers: 1})
			sameFiles(t, renderFiles(t, tt.chron(), Options{Workers: 4}), one)
			checkBodiesRead(t, tt.chron(), one)
		})
	}
}

// checkBodiesRead renders chron with every extracted body left out and
// read through Options.Bodies, and checks that the files are want, that
// each body is read at most once a page, and that none is kept.
func checkBodiesRead(t *testing.T, chron *timeline.Chronology, want map[string][]byte) {
	t.Helper()
	type body struct {
		blocks   []timeline.Block
		captions []string
	}
	bodies := map[string]body{}
	for _, a := range chron.Articles {
		bodies[a.Path] = body{a.Blocks, a.Captions}
		a.Blocks, a.Captions = nil, nil
	}
	for _, e := range chron.Entries {
		if e.Article != "" {
			e.Blocks, e.Captions = nil, nil
		}
	}
	var mu sync.Mutex
	reads := 0
	read := func(path string) ([]timeline.Block, []string, error) {
		mu.Lock()
		defer mu.Unlock()
		reads++
		b, ok := bodies[path]
		if !ok {
			return nil, nil, fmt.Errorf("no article %s", path)
		}
		return b.blocks, b.captions, nil
	}
	sameFiles(t, renderFiles(t, chron, Options{Bodies: read}), want)
	if max := len(chron.Entries) + len(chron.Articles) + 2*FeedLimit; reads > max {
		t.Errorf("%d bodies read, want at most one per page (%d)", reads, max)
	}
	for _, e := range chron.Entries {
		if e.Article != "" && (e.Blocks != nil || e.Captions != nil) {
			t.Fatalf("%s: Render kept the body it read", e.ID)
		}
	}
}

// TestBodiesError checks that a body that cannot be read fails the
// render and names the article.
func TestBodiesError(t *testing.T) {
	chron := benchChronology(3)
	for _, e := range chron.Entries {
		e.Blocks, e.Captions = nil, nil
	}
	fail := func(path string) ([]timeline.Block, []string, error) { return nil, nil, fmt.Errorf("gone") }
	err := Render(chron, loadDefaults(t), Options{Bodies: fail}, Discard)
	if err == nil {
		t.Fatal("Render succeeded without the bodies")
	}
	t.Log(err)
}
