package build

import (
	"maps"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/sitetest"
	"github.com/newsroom/timeline/internal/timeline"
	"github.com/newsroom/timeline/templates"
	"github.com/spf13/afero"
)

// txtarFs returns an in-memory file system holding the files of a
// txtar archive ("-- name --" lines, each followed by the file's text).
func txtarFs(t *testing.T, archive string) afero.Fs {
	t.Helper()
	data, err := os.ReadFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	fsys := afero.NewMemMapFs()
	name, body := "", []string(nil)
	flush := func() {
		if name != "" {
			if err := afero.WriteFile(fsys, name, []byte(strings.Join(body, "")), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if strings.HasPrefix(line, "-- ") && strings.HasSuffix(strings.TrimSpace(line), " --") {
			flush()
			name, body = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(line), "-- "), " --"), nil
			continue
		}
		body = append(body, line)
	}
	flush()
	return fsys
}

func TestDatasetRecordsBecomeArticles(t *testing.T) {
	fsys := txtarFs(t, "testdata/datasets/site.txtar")
	p := Prepare(fsys, Options{ContentDir: "content", TemplatesDir: "templates", DefaultTemplates: templates.FS})
	if err := p.Diags.Err(); err != nil {
		t.Fatalf("errors: %v", err)
	}
	byID := map[string]*timeline.Article{}
	for _, a := range p.Chronology.Articles {
		byID[a.ID] = a
	}
	tests := []struct {
		id, path, title, published, outlet string
	}{
		{"talks-in-geneva", "articles/wire.csv#talks-in-geneva", "Talks in Geneva", "2022-03-04", ""},
		{"ceasefire-call", "articles/wire.csv#ceasefire-call", `Leaders discuss a "ceasefire"`, "2022-03-05", ""},
		{"wire-5", "articles/wire.csv#wire-5", "A record without a URL", "2022-03-08", ""},
		{"summit-ends", "articles/api.json#summit-ends", "Summit ends without deal", "2022-04-01", "Example Wire"},
		{"grain-deal", "articles/api.json#grain-deal", "Grain deal signed", "2022-07-22", "Example Wire"},
		{"vienna", "articles/feed.jsonl#vienna", "Envoys meet in Vienna", "2022-05-10", ""},
		{"pact", "articles/feed.jsonl#pact", "Pact renewed", "2022-05-16", "Example Daily"},
		{"gazette-1", "articles/gazette.tsv#gazette-1", "Ministers sign accord", "2022-06-13", ""},
		{"2022-06-20-statement", "articles/2022-06-20-statement.txt", "Statement on the talks", "2022-06-20", ""},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			a := byID[tt.id]
			if a == nil {
				t.Fatalf("no article %s; have %v", tt.id, keys(byID))
			}
			if a.Path != tt.path || a.Title != tt.title || a.Published.ISO() != tt.published || a.Outlet != tt.outlet {
				t.Errorf("got %s %q published %s outlet %q; want %s %q published %s outlet %q",
					a.Path, a.Title, a.Published.ISO(), a.Outlet, tt.path, tt.title, tt.published, tt.outlet)
			}
			if a.EntryID == "" {
				t.Errorf("not in the chronology")
			}
		})
	}
	if len(byID) != len(tests) {
		t.Errorf("%d articles, want %d: %v", len(byID), len(tests), keys(byID))
	}
	var warnings []string
	for _, d := range p.Diags {
		warnings = append(warnings, d.Error())
	}
	for _, want := range []string{
		`content/articles/wire.csv:6: warning: record 3: Date "not a date": not a date`,
		`content/articles/wire.csv:7: warning: record 4: no text (want a field named text, body, content, article, articles); left out`,
		`content/articles/feed.jsonl:3: warning: record 2: not a JSON object`,
	} {
		if !slices.ContainsFunc(warnings, func(w string) bool { return strings.HasPrefix(w, want) }) {
			t.Errorf("no warning %q in\n%s", want, strings.Join(warnings, "\n"))
		}
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestDatasetBodiesStreamed builds the datasets site holding every body,
// and again keeping digests only (each body read again from its record
// when its page renders): the output must be the same.
func TestDatasetBodiesStreamed(t *testing.T) {
	var outputs []map[string]string
	for _, hold := range []int64{0, 1} {
		fsys := txtarFs(t, "testdata/datasets/site.txtar")
		opts := Options{ContentDir: "content", TemplatesDir: "templates", OutputDir: "public", DefaultTemplates: templates.FS, HoldBodies: hold}
		if _, err := Build(fsys, opts); err != nil {
			t.Fatal(err)
		}
		outputs = append(outputs, sitetest.Tree(t, fsys, "public"))
	}
	if len(outputs[0]) == 0 || !reflect.DeepEqual(outputs[0], outputs[1]) {
		t.Errorf("streamed bodies give another site: %d files held, %d streamed", len(outputs[0]), len(outputs[1]))
	}
}

// TestSessionReextractsChangedRecords edits one record of a dataset in
// a session: only that record is extracted again.
func TestSessionReextractsChangedRecords(t *testing.T) {
	fsys := txtarFs(t, "testdata/datasets/site.txtar")
	s := NewSession(fsys, Options{ContentDir: "content", TemplatesDir: "templates", OutputDir: "public", DefaultTemplates: templates.FS})
	if _, err := s.Build(nil); err != nil {
		t.Fatal(err)
	}
	before := maps.Clone(s.extracted)
	data, err := afero.ReadFile(fsys, "content/articles/wire.csv")
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "Talks in Geneva", "Talks in Geneva end", 1)
	if err := afero.WriteFile(fsys, "content/articles/wire.csv", []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Build([]string{"content/articles/wire.csv"}); err != nil {
		t.Fatal(err)
	}
	for path, x := range s.extracted {
		changed := before[path] == nil || x.article != before[path].article
		if want := path == "articles/wire.csv#talks-in-geneva"; changed != want {
			t.Errorf("%s: extracted again %v, want %v", path, changed, want)
		}
	}
	if got := s.extracted["articles/wire.csv#talks-in-geneva"].article.Title; got != "Talks in Geneva end" {
		t.Errorf("title %q after the edit", got)
	}
}
