package merge

import (
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/timeline"
	"github.com/spf13/afero"
)

// seedDates are the event dates of the five seed articles, as extraction
// is meant to read them; the tests give them directly so that they do
// not depend on the extractor.
var seedDates = map[string]timeline.Date{
	"articles/000_3201d6fd6d16fde3.txt": {},
	"articles/001_1bbb0348f089939c.txt": timeline.DayOf(2021, 12, 23),
	"articles/002_58abd7e94c42ac02.txt": timeline.DayOf(2022, 5, 13),
	"articles/003_cd384543febd2232.txt": timeline.DayOf(2022, 10, 21),
	"articles/004_bfc5677894e92f06.txt": timeline.DayOf(2022, 2, 10),
}

// extracted stands in for the extract stage: one article per raw article
// of c, dated from dates.
func extracted(t *testing.T, fsys afero.Fs, c *content.Content, dates map[string]timeline.Date) []*extract.Article {
	t.Helper()
	var out []*extract.Article
	for _, a := range c.Articles {
		data, err := content.ReadArticle(fsys, c.Dir, a)
		if err != nil {
			t.Fatal(err)
		}
		title, _, _ := strings.Cut(string(data), "\n")
		art := &extract.Article{Path: a.Path, Title: title, Event: dates[a.Path]}
		if art.Event.IsZero() {
			art.Undated = "no date found in the text"
		}
		out = append(out, art)
	}
	return out
}

func entryByID(chron *timeline.Chronology, id string) *timeline.Entry {
	for _, e := range chron.Entries {
		if e.ID == id {
			return e
		}
	}
	return nil
}

// TestSampleContent merges the sample content folder with the seed
// articles dated as above.
func TestSampleContent(t *testing.T) {
	osfs := afero.NewOsFs()
	c, diags := content.Load(osfs, "../../content")
	chron, mergeDiags := Merge(c, extracted(t, osfs, c, seedDates))
	diags.Append(mergeDiags)
	if err := diags.Err(); err != nil {
		t.Fatalf("sample content has errors:\n%v", err)
	}
	if w := diags.Warnings(); len(w) > 0 {
		t.Errorf("sample content has warnings:\n%v", w)
	}

	may := entryByID(chron, "002-58abd7e94c42ac02")
	if may == nil {
		t.Fatal("seed 002 is not an entry of its own")
	}
	if may.Contact == nil || may.Contact.Days != 84 || may.Contact.Previous.ID != "2022-02-18-austin-shoigu-call" {
		t.Errorf("seed 002 contact = %+v, want 84 days since 2022-02-18-austin-shoigu-call", may.Contact)
	}
	if got, want := may.Contact.With, [2]string{"Lloyd Austin", "Sergei Shoigu"}; got != want {
		t.Errorf("seed 002 contact with %v, want %v", got, want)
	}
	oct := entryByID(chron, "003-cd384543febd2232")
	if oct == nil || oct.Contact == nil || oct.Contact.Days != 161 || oct.Contact.Previous != may {
		t.Errorf("seed 003 contact = %+v, want 161 days since seed 002", oct)
	}
	blinken := entryByID(chron, "000-3201d6fd6d16fde3")
	if blinken == nil || blinken.Date.ISO() != "2022-02-01" || !blinken.SetByEditor("date") {
		t.Errorf("seed 000 = %+v, want dated 2022-02-01 by the editors", blinken)
	}
	if got, want := blinken.Participants, []string{"Antony Blinken", "Sergey Lavrov"}; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("seed 000 participants = %v, want %v", got, want)
	}
	for i := 1; i < len(chron.Entries); i++ {
		if chron.Entries[i-1].Date.Compare(chron.Entries[i].Date) > 0 {
			t.Errorf("entries out of order: %s before %s", chron.Entries[i-1].ID, chron.Entries[i].ID)
		}
	}
}

// mergeFiles loads a content folder written from files on an in-memory
// file system and merges it with the given article dates.
func mergeFiles(t *testing.T, files map[string]string, dates map[string]timeline.Date) (*timeline.Chronology, diag.List) {
	t.Helper()
	fsys := afero.NewMemMapFs()
	for p, s := range files {
		if err := afero.WriteFile(fsys, p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, diags := content.Load(fsys, "content")
	chron, mergeDiags := Merge(c, extracted(t, fsys, c, dates))
	diags.Append(mergeDiags)
	diags.Sort()
	return chron, diags
}

const (
	testSite   = "title: T\nstart: 2021-12\nend: 2022-10\n"
	testPeople = "- name: Lloyd Austin\n- name: Sergei Shoigu\n  aliases: [Sergey Shoigu]\n- name: Mark Milley\n"
	calls      = "content/entries/calls.yaml"
)

func TestMergeDiagnostics(t *testing.T) {
	tests := []struct {
		name    string
		entries string
		extra   map[string]string
		undated bool
		want    []string
	}{
		{"duplicate ids", "- {id: a, date: 2022-02-18, title: A}\n- {id: b, date: 2022-02-19, title: B}\n- {id: a, date: 2022-02-20, title: C}\n", nil, false, []string{
			calls + `:1:8: id "a": also used at content/entries/calls.yaml:3:8 (want a unique id)`,
			calls + `:3:8: id "a": already used at content/entries/calls.yaml:1:8 (want a unique id)`,
		}},
		{"duplicate id across files", "id: a\ndate: 2022-02-18\ntitle: A\n", map[string]string{"content/entries/more.yaml": "- id: a\n  date: 2022-03\n  title: B\n"}, false, []string{
			calls + `:1:5: id "a": also used at content/entries/more.yaml:1:7 (want a unique id)`,
			`content/entries/more.yaml:1:7: id "a": already used at content/entries/calls.yaml:1:5 (want a unique id)`,
		}},
		{"unknown person", "id: a\ndate: 2022-02-18\ntitle: A\nkind: call\nparticipants:\n  - Lloyd Austin\n  - Sergey Shoygu\npeople: [Jake Sullivan]\n", nil, false, []string{
			calls + `:7:5: warning: participants: "Sergey Shoygu" is not in content/people.yaml; did you mean "Sergei Shoigu"? (add them to people.yaml if they are new)`,
			calls + `:8:10: warning: people: "Jake Sullivan" is not in content/people.yaml (add them to people.yaml, with the spellings the press uses)`,
		}},
		{"date outside the window", "- {id: a, date: 2023-01-05, title: A}\n- {id: b, date: 2021-12, title: B}\n- {id: c, date: 2021, title: C}\n- {id: d, date: 2021-11-30, title: D}\n", nil, false, []string{
			calls + `:1:17: warning: date 2023-01-05: outside the chronology window 2021-12 to 2022-10 (want a date within start and end of content/site.yaml)`,
			calls + `:4:17: warning: date 2021-11-30: outside the chronology window 2021-12 to 2022-10 (want a date within start and end of content/site.yaml)`,
		}},
		{"same event", "- id: a\n  date: 2022-02-18\n  title: A\n  participants: [Lloyd Austin, Sergei Shoigu]\n- id: b\n  date: 2022-02-18\n  title: B\n  participants: [Sergey Shoigu, Lloyd Austin]\n- id: c\n  date: 2022-02\n  title: C\n  participants: [Lloyd Austin, Sergei Shoigu]\n", nil, false, []string{
			calls + `:4:17: warning: participants: same day and participants as "b" at content/entries/calls.yaml:8:17, likely the same event (want one entry citing every source)`,
			calls + `:8:17: warning: participants: same day and participants as "a" at content/entries/calls.yaml:4:17, likely the same event (want one entry citing every source)`,
		}},
		{"annotation of a missing article", "id: a\ndate: 2022\ntitle: A\n", map[string]string{
			"content/annotations/x.yaml": "# a typo in the name\narticle: 003_missing.txt\ndate: 2022-02-01\n",
		}, false, []string{
			`content/annotations/x.yaml:2:10: article "003_missing.txt": no such file in content/articles (want the name of a .txt article there)`,
		}},
		{"article annotated twice", "id: a\ndate: 2022\ntitle: A\n", map[string]string{
			"content/annotations/x.yaml": "- article: 002_b.txt\n  date: 2022-02-01\n- article: articles/002_b.txt\n  kind: call\n",
		}, false, []string{
			`content/annotations/x.yaml:3:12: article "002_b.txt": already annotated at content/annotations/x.yaml:1:12 (want one annotation per article)`,
		}},
		{"annotated article outside the window", "id: a\ndate: 2022\ntitle: A\n", map[string]string{
			"content/annotations/x.yaml": "article: 002_b.txt\ndate: 2020-02-01\nparticipants: [Mark Millie]\n",
		}, false, []string{
			`content/annotations/x.yaml:2:7: warning: date 2020-02-01: outside the chronology window 2021-12 to 2022-10 (want a date within start and end of content/site.yaml)`,
			`content/annotations/x.yaml:3:16: warning: participants: "Mark Millie" is not in content/people.yaml; did you mean "Mark Milley"? (add them to people.yaml if they are new)`,
		}},
		{"undated article with an annotation", "id: a\ndate: 2022\ntitle: A\n", map[string]string{
			"content/annotations/x.yaml": "article: 002_b.txt\nkind: call\n",
		}, true, []string{
			`content/articles/002_b.txt: warning: left out of the chronology: no date found in the text (add date: YYYY-MM-DD to content/annotations/x.yaml, or cite the article from an entry)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{
				"content/site.yaml":          testSite,
				"content/people.yaml":        testPeople,
				"content/articles/002_b.txt": "Headline\n\nBody.\n",
				calls:                        tt.entries,
			}
			for p, s := range tt.extra {
				files[p] = s
			}
			dates := map[string]timeline.Date{"articles/002_b.txt": timeline.DayOf(2022, 6, 1)}
			if tt.undated {
				dates = nil
			}
			_, diags := mergeFiles(t, files, dates)
			var got []string
			for _, d := range diags {
				got = append(got, d.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// TestOrder pins the ordering rule: by date; within a month the
// month-only entry first, then the days; then by id.
func TestOrder(t *testing.T) {
	entries := "- {id: z-day, date: 2022-02-18, title: A}\n- {id: b-month, date: 2022-02, title: B}\n" +
		"- {id: a-day, date: 2022-02-18, title: C}\n- {id: year, date: 2022, title: D}\n" +
		"- {id: timed, date: '2022-02-18T05:00+02:00', title: E}\n- {id: approx, date: ~2022-01, title: F}\n"
	chron, diags := mergeFiles(t, map[string]string{"content/site.yaml": testSite, calls: entries}, nil)
	if err := diags.Err(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range chron.Entries {
		got = append(got, e.ID)
	}
	want := []string{"year", "approx", "b-month", "a-day", "z-day", "timed"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("order = %v, want %v", got, want)
	}
}

// TestAbsorb checks that an entry citing an article told on the same
// date absorbs it, and one citing it for an earlier event only lists it.
func TestAbsorb(t *testing.T) {
	tests := []struct {
		name      string
		entryDate string
		article   timeline.Date
		wantIDs   string
		wantOwner string
	}{
		{"same day", "2022-05-13", timeline.DayOf(2022, 5, 13), "e", "e"},
		{"same month, month-only entry", "2022-05", timeline.DayOf(2022, 5, 13), "e", "e"},
		{"earlier event", "2022-02-18", timeline.DayOf(2022, 5, 13), "e 002-b", "002-b"},
		{"undated article", "2022-02-18", timeline.Date{}, "e", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{
				"content/site.yaml":          testSite,
				"content/articles/002_b.txt": "Austin and Shoigu speak\n\nBody.\n",
				calls:                        "id: e\ndate: " + tt.entryDate + "\ntitle: E\nsources:\n  - article: 002_b.txt\n",
			}
			chron, _ := mergeFiles(t, files, map[string]timeline.Date{"articles/002_b.txt": tt.article})
			var ids []string
			for _, e := range chron.Entries {
				ids = append(ids, e.ID)
			}
			if got := strings.Join(ids, " "); got != tt.wantIDs {
				t.Errorf("entries = %q, want %q", got, tt.wantIDs)
			}
			if got := chron.Articles[0].EntryID; got != tt.wantOwner {
				t.Errorf("article told in %q, want %q", got, tt.wantOwner)
			}
			src := entryByID(chron, "e").Sources[0]
			if src.Title != "Austin and Shoigu speak" || src.Article != "articles/002_b.txt" {
				t.Errorf("source = %+v, want the article's headline and path", src)
			}
		})
	}
}
