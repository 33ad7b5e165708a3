package render

import (
	"bytes"
	"maps"
	"slices"
	"strings"
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

// withBody returns chron with the article at path, and the entries told
// from it, holding blocks as their body.
func withBody(chron *timeline.Chronology, path string, blocks []timeline.Block) *timeline.Chronology {
	c := *chron
	c.Entries, c.Articles = append([]*timeline.Entry(nil), chron.Entries...), append([]*timeline.Article(nil), chron.Articles...)
	for i, a := range c.Articles {
		if a.Path == path {
			b := *a
			b.Blocks = blocks
			c.Articles[i] = &b
		}
	}
	for i, e := range c.Entries {
		if e.Article == path {
			f := *e
			f.Blocks = blocks
			c.Entries[i] = &f
		}
	}
	return &c
}

// site is the output of a sequence of incremental Renders, as a map of
// files; it is the Keeper of the next Render.
type site struct {
	t        *testing.T
	mu       sync.Mutex
	last     map[string][]byte
	files    map[string][]byte
	emitted  int
	keptRest bool
}

func (s *site) write(p string, data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files[p], s.emitted = bytes.Clone(data), s.emitted+1
	return nil
}

func (s *site) Keep(paths ...string) error {
	for _, p := range paths {
		data, ok := s.last[p]
		if !ok {
			s.t.Errorf("kept %s, which the previous Render did not make", p)
		}
		s.files[p] = data
	}
	return nil
}

func (s *site) KeepRest() {
	s.keptRest = true
	for p, data := range s.last {
		if _, ok := s.files[p]; !ok {
			s.files[p] = data
		}
	}
}

// render renders chron incrementally from the last Render, with bodies
// the articles whose body alone changed, and returns the State to hand
// to the next.
func (s *site) render(chron *timeline.Chronology, tmpl *Templates, last *State, bodies ...string) *State {
	s.t.Helper()
	s.last, s.files, s.emitted, s.keptRest = s.files, map[string][]byte{}, 0, false
	next := NewState()
	if err := Render(chron, tmpl, Options{Reuse: &Reuse{Last: last, Bodies: bodies, Keeper: s, Next: next}}, WriteFunc(s.write)); err != nil {
		s.t.Fatal(err)
	}
	return next
}

// sameAsFullRender reports the files of got that differ from a full
// Render's, or that only one of them has.
func sameAsFullRender(t *testing.T, got map[string][]byte, chron *timeline.Chronology, tmpl *Templates) {
	t.Helper()
	sameFiles(t, got, renderWith(t, chron, tmpl, Options{}))
}

// TestRenderBodiesMatchesRender edits the body of the fixture's article
// twice in a row, and checks each time that the incremental Render took
// the short way (Reuse.Bodies: a few files emitted, the rest kept) and
// left the files of a full Render of the same chronology.
func TestRenderBodiesMatchesRender(t *testing.T) {
	tmpl := loadDefaults(t)
	chron := bodyFixture("What the article says.")
	s := &site{t: t, files: map[string][]byte{}}
	state := s.render(chron, tmpl, nil)
	for step, text := range []string{"A new second paragraph.", "Another <one> & more."} {
		blocks := append(append([]timeline.Block(nil), chron.Articles[0].Blocks...), timeline.Block{Text: text})
		chron = withBody(chron, "articles/001_abc.txt", blocks)
		state = s.render(chron, tmpl, state, "articles/001_abc.txt")
		sameAsFullRender(t, s.files, chron, tmpl)
		if !s.keptRest {
			t.Errorf("step %d: the short way was not taken", step)
		}
		// The entry, its neighbours, the article and the two feeds.
		if s.emitted > 6 {
			t.Errorf("step %d: emitted %d files, want at most 6", step, s.emitted)
		}
		if step == 1 && !bytes.Contains(s.files["articles/001-abc/index.html"], []byte("Another &lt;one&gt;")) {
			t.Errorf("step %d: the article page lacks the new paragraph", step)
		}
	}
}

// TestRenderBodiesThenUndo edits the fixture's article body the short way
// and then undoes the edit through a keyed Render: the pages the short
// way made must not keep the keys of what they showed before it, or the
// undo would keep the edited pages.
func TestRenderBodiesThenUndo(t *testing.T) {
	tmpl := loadDefaults(t)
	first := bodyFixture("What the article says.")
	s := &site{t: t, files: map[string][]byte{}}
	state := s.render(first, tmpl, nil)
	blocks := append(append([]timeline.Block(nil), first.Articles[0].Blocks...), timeline.Block{Text: "A new second paragraph."})
	state = s.render(withBody(first, "articles/001_abc.txt", blocks), tmpl, state, "articles/001_abc.txt")
	s.render(first, tmpl, state)
	sameAsFullRender(t, s.files, first, tmpl)
}

// TestRenderBodiesFallsBack lists the body edits an incremental Render
// does not take the short way for: it keys every page instead, and still
// leaves a full Render's files.
func TestRenderBodiesFallsBack(t *testing.T) {
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
		name   string
		chron  *timeline.Chronology
		tmpl   *Templates
		bodies []string
	}{
		{"an entry without a summary", bodyFixture(""), loadDefaults(t), []string{"articles/001_abc.txt"}},
		{"an article listed twice", bodyFixture("S."), loadDefaults(t), []string{"articles/001_abc.txt", "articles/001_abc.txt"}},
		{"an article not in the chronology", bodyFixture("S."), loadDefaults(t), []string{"articles/none.txt"}},
		{"templates of one's own", bodyFixture("S."), customTmpl, []string{"articles/001_abc.txt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &site{t: t, files: map[string][]byte{}}
			state := s.render(tt.chron, tt.tmpl, nil)
			before := maps.Clone(s.files)
			chron := withBody(tt.chron, "articles/001_abc.txt", newBody)
			s.render(chron, tt.tmpl, state, tt.bodies...)
			if s.keptRest {
				t.Error("took the short way")
			}
			sameAsFullRender(t, s.files, chron, tt.tmpl)
			if len(before) == 0 || s.emitted >= len(before) {
				t.Errorf("emitted %d of %d files: want the unchanged ones kept", s.emitted, len(before))
			}
		})
	}
	if !loadDefaults(t).stock || customTmpl.stock {
		t.Error("want the defaults stock, and templates with an entry.html of one's own not")
	}
}

// TestBodiesWithReuseIsAnError checks that the two options that cannot
// go together are refused, not one silently dropped.
func TestBodiesWithReuseIsAnError(t *testing.T) {
	opts := Options{Bodies: func(string) ([]timeline.Block, []string, error) { return nil, nil, nil }, Reuse: &Reuse{}}
	if err := Render(fixture(), loadDefaults(t), opts, Discard); err == nil {
		t.Error("Render with Bodies and Reuse: no error")
	}
}

// TestRenderReuseMatchesRender edits a chronology's entries step by step
// as rebuilds do, renders each step from the State of the one before,
// and checks that it leaves a full Render's files, and that an edit to
// one entry emits a few of them.
func TestRenderReuseMatchesRender(t *testing.T) {
	tmpl := loadDefaults(t)
	chron := trickyChronology(120, false)
	edit := func(i int, change func(e *timeline.Entry)) {
		c := *chron
		c.Entries = slices.Clone(chron.Entries)
		e := *c.Entries[i]
		change(&e)
		c.Entries[i] = &e
		chron = &c
	}
	steps := []struct {
		name  string
		edit  func()
		fewer bool
	}{
		{"a headline", func() { edit(60, func(e *timeline.Entry) { e.Title += " zebrafinch" }) }, true},
		{"the headline back", func() { edit(60, func(e *timeline.Entry) { e.Title = strings.TrimSuffix(e.Title, " zebrafinch") }) }, true},
		{"a summary", func() { edit(61, func(e *timeline.Entry) { e.Summary = "Quokkas." }) }, true},
		{"the last entry removed", func() {
			c := *chron
			c.Entries = slices.Clone(chron.Entries[:len(chron.Entries)-1])
			chron = &c
		}, false},
	}
	s := &site{t: t, files: map[string][]byte{}}
	state := s.render(chron, tmpl, nil)
	for _, step := range steps {
		step.edit()
		state = s.render(chron, tmpl, state)
		sameAsFullRender(t, s.files, chron, tmpl)
		if step.fewer && s.emitted > len(s.files)/4 {
			t.Errorf("%s: emitted %d of %d files", step.name, s.emitted, len(s.files))
		}
	}
}
