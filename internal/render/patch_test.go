package render

import (
	"bytes"
	"sync"
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
	"github.com/newsroom/timeline/templates"
	"github.com/spf13/afero"
)

// bodyFixture is the fixture with an entry told from its source
// article, sharing the article's blocks as merge makes them.
func bodyFixture(summary string) *timeline.Chronology {
	chron := fixture()
	a := chron.Articles[0]
	e := &timeline.Entry{ID: "2022-04-11-from-article", Date: timeline.DayOf(2022, 4, 11), Title: a.Title, Summary: summary,
		Article: a.Path, Blocks: a.Blocks, Captions: a.Captions, Outlet: a.Outlet, Participants: []string{"Ann Able", "Boris Bold"}}
	chron.Entries = append(chron.Entries[:3], append([]*timeline.Entry{e}, chron.Entries[3:]...)...)
	a.EntryID = e.ID
	return chron
}

// renderState renders chron with tmpl into a map of files, and returns
// the files and the State for the next Render.
func renderState(t *testing.T, chron *timeline.Chronology, tmpl *Templates) (map[string][]byte, *State) {
	t.Helper()
	files := map[string][]byte{}
	var mu sync.Mutex
	state := NewState()
	err := Render(chron, tmpl, Options{Next: state}, func(p string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		files[p] = bytes.Clone(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files, state
}

// TestRenderBodiesMatchesRender edits the body of the fixture's article
// twice in a row with RenderBodies, and checks each time that the files
// it emits and keeps are a full Render's of the same chronology.
func TestRenderBodiesMatchesRender(t *testing.T) {
	tmpl := loadDefaults(t)
	chron := bodyFixture("What the article says.")
	files, state := renderState(t, chron, tmpl)
	for step, text := range []string{"A new second paragraph.", "Another <one> & more."} {
		blocks := append(append([]timeline.Block(nil), chron.Articles[0].Blocks...), timeline.Block{Text: text})
		next := NewState()
		got := map[string][]byte{}
		var mu sync.Mutex
		emitted := 0
		keep := func(paths []string) error {
			for _, p := range paths {
				data, ok := files[p]
				if !ok {
					t.Errorf("step %d: kept %s, which the previous render did not make", step, p)
				}
				got[p] = data
			}
			return nil
		}
		patched, ok, err := RenderBodies(state, []BodyEdit{{Article: "articles/001_abc.txt", Blocks: blocks, Captions: []string{"A caption"}}},
			Options{Keep: keep, Next: next}, func(p string, data []byte) error {
				mu.Lock()
				defer mu.Unlock()
				got[p], emitted = bytes.Clone(data), emitted+1
				return nil
			})
		if err != nil || !ok {
			t.Fatalf("step %d: RenderBodies = %v, %v; want true, nil", step, ok, err)
		}
		want := renderFiles(t, patched, Options{})
		for p, data := range want {
			if !bytes.Equal(got[p], data) {
				t.Errorf("step %d: %s differs from a full Render's", step, p)
			}
		}
		if len(got) != len(want) {
			t.Errorf("step %d: %d files, want %d", step, len(got), len(want))
		}
		if !bytes.Contains(got["articles/001-abc/index.html"], []byte("Another &lt;one&gt;")) && step == 1 {
			t.Errorf("step %d: the article page lacks the new paragraph", step)
		}
		// The entry, its neighbours, the article and the two feeds.
		if emitted > 6 {
			t.Errorf("step %d: emitted %d files, want at most 6", step, emitted)
		}
		if patched.Entries[2] != chron.Entries[2] || patched.Entries[3] == chron.Entries[3] {
			t.Errorf("step %d: want a copy of the edited entry only", step)
		}
		files, state, chron = got, next, patched
	}
}

// TestRenderBodiesDeclines lists the edits RenderBodies leaves to a full
// Render.
func TestRenderBodiesDeclines(t *testing.T) {
	custom := afero.NewMemMapFs()
	if err := afero.WriteFile(custom, "t/entry.html", []byte(`{{define "content"}}{{body .Entry}}{{end}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	customTmpl, err := LoadTemplates(templates.FS, custom, "t")
	if err != nil {
		t.Fatal(err)
	}
	newBody := []timeline.Block{{Text: "New."}}
	tests := []struct {
		name  string
		chron *timeline.Chronology
		tmpl  *Templates
		edit  BodyEdit
		twice bool
	}{
		{"an entry without a summary", bodyFixture(""), loadDefaults(t), BodyEdit{Article: "articles/001_abc.txt", Blocks: newBody}, false},
		{"an article edited twice", bodyFixture("S."), loadDefaults(t), BodyEdit{Article: "articles/001_abc.txt", Blocks: newBody}, true},
		{"an article not in the chronology", bodyFixture("S."), loadDefaults(t), BodyEdit{Article: "articles/none.txt", Blocks: newBody}, false},
		{"templates of one's own", bodyFixture("S."), customTmpl, BodyEdit{Article: "articles/001_abc.txt", Blocks: newBody}, false},
		{"an entry not holding the article's body", func() *timeline.Chronology {
			c := bodyFixture("S.")
			c.Entries[3].Blocks = []timeline.Block{{Text: "Other."}}
			return c
		}(), loadDefaults(t), BodyEdit{Article: "articles/001_abc.txt", Blocks: newBody}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, state := renderState(t, tt.chron, tt.tmpl)
			emitted := 0
			edits := []BodyEdit{tt.edit}
			if tt.twice {
				edits = append(edits, tt.edit)
			}
			_, ok, err := RenderBodies(state, edits, Options{Keep: func([]string) error { emitted++; return nil }},
				func(string, []byte) error { emitted++; return nil })
			if ok || err != nil || emitted > 0 {
				t.Errorf("RenderBodies = %v, %v after %d calls; want false, nil, having done nothing", ok, err, emitted)
			}
		})
	}
	if !loadDefaults(t).stock || customTmpl.stock {
		t.Error("want the defaults stock, and templates with an entry.html of one's own not")
	}
}
