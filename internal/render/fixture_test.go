package render

import (
	"bytes"
	"sync"
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
	"github.com/newsroom/timeline/templates"
	"github.com/spf13/afero"
)

// fixture is a small fixed chronology: two phases, a call with a contact
// interval, a month-only and an approximate date, an unsafe link, text
// that needs escaping, and a source article.
func fixture() *timeline.Chronology {
	call1 := &timeline.Entry{
		ID: "2022-02-18-first-call", Date: timeline.DayOf(2022, 2, 18), Title: "First call <between> ministers",
		Kind: "call", Participants: []string{"Ann Able", "Boris Bold"}, Tags: []string{"military channels"},
		Summary: "They speak by phone. [bad](javascript:alert(1)) and [good](https://example.com/a).",
		Note:    "Dated from the ministry's readout.",
		Sources: []timeline.Source{{Title: "Readout", Outlet: "Ministry", URL: "https://example.com/readout", Published: timeline.DayOf(2022, 2, 19)}},
	}
	spring := &timeline.Entry{
		ID: "2022-03-talks", Date: timeline.MonthOf(2022, 3), Title: "Talks sometime in March",
		Kind: "meeting", People: []string{"Ann Able"}, Tags: []string{"diplomacy"},
		Summary: "Talks are held; the day is not known.", Body: "Some **bold** text.\n\n<script>alert(1)</script>",
	}
	approx := &timeline.Entry{
		ID: "2022-04-approx", Date: timeline.Date{Year: 2022, Month: 4, Day: 10, Precision: timeline.Day, Approx: true},
		Title: "An approximate date", Kind: "statement", People: []string{"Cy Unknown"},
		Sources: []timeline.Source{{Title: "The article", Outlet: "Daily", Article: "articles/001_abc.txt", Published: timeline.DayOf(2022, 4, 11)}},
	}
	call2 := &timeline.Entry{
		ID: "2022-05-13-second-call", Date: timeline.DayOf(2022, 5, 13), Title: "Second call",
		Kind: "call", Participants: []string{"Boris Bold", "Ann Able"}, Tags: []string{"Military Channels"},
		Summary: "They speak again.",
	}
	call2.Contact = &timeline.Contact{With: [2]string{"Ann Able", "Boris Bold"}, Days: 84, Previous: call1}
	return &timeline.Chronology{
		ContentDir: "content",
		Site: timeline.Site{
			Title: "Test & chronology", Description: "A fixed chronology for tests.", BaseURL: "https://example.org/tl/",
			Language: "en", Start: timeline.MonthOf(2022, 2), End: timeline.MonthOf(2022, 5),
			Phases: []timeline.Phase{
				{ID: "before", Name: "Before", Start: timeline.DayOf(2022, 2, 1), End: timeline.DayOf(2022, 2, 28), Description: "The first part."},
				{ID: "after", Name: "After", Start: timeline.DayOf(2022, 3, 1), End: timeline.DayOf(2022, 5, 31)},
			},
		},
		Entries: []*timeline.Entry{call1, spring, approx, call2},
		People: []timeline.Person{
			{ID: "ann-able", Name: "Ann Able", Aliases: []string{"A. Able"}, Country: "Utopia", Roles: []timeline.Role{{Title: "Minister", Start: timeline.DayOf(2020, 1, 1)}}},
			{ID: "boris-bold", Name: "Boris Bold", Roles: []timeline.Role{{Title: "General"}}},
		},
		Articles: []*timeline.Article{{Path: "articles/001_abc.txt", ID: "001-abc", Title: "The article", Outlet: "Daily", Published: timeline.DayOf(2022, 4, 11),
			Blocks: []timeline.Block{{Text: "First paragraph."}, {Kind: timeline.Heading, Text: "A heading"}}, EntryID: "2022-04-approx"}},
	}
}

// renderFixture renders the fixture with the default templates and
// returns every file by path.
func renderFixture(t *testing.T) map[string][]byte {
	t.Helper()
	return renderFiles(t, fixture(), Options{})
}

// renderFiles renders chron with the default templates and opts, and
// returns every file by path.
func renderFiles(t testing.TB, chron *timeline.Chronology, opts Options) map[string][]byte {
	t.Helper()
	return renderWith(t, chron, loadDefaults(t), opts)
}

// renderWith renders chron with tmpl and opts, and returns every file by
// path.
func renderWith(t testing.TB, chron *timeline.Chronology, tmpl *Templates, opts Options) map[string][]byte {
	t.Helper()
	var mu sync.Mutex
	files := map[string][]byte{}
	err := Render(chron, tmpl, opts, WriteFunc(func(path string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		if _, dup := files[path]; dup {
			t.Errorf("%s written twice", path)
		}
		files[path] = bytes.Clone(data)
		return nil
	}))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// loadDefaults loads the embedded default templates.
func loadDefaults(t testing.TB) *Templates {
	t.Helper()
	tmpl, err := LoadTemplates(templates.FS, afero.NewMemMapFs(), "")
	if err != nil {
		t.Fatal(err)
	}
	return tmpl
}
