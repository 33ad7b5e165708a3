package build

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsroom/timeline/templates"
	"github.com/spf13/afero"
)

// TestRecordWarningsNameLines checks that every warning about a dataset
// record names the dataset file and the record's line, whichever stage
// finds it.
func TestRecordWarningsNameLines(t *testing.T) {
	const header = "title,date,url,text\n"
	const ok = "Talks,2022-03-04,https://x.org/talks,\"The ministers met on Thursday in Geneva, officials said.\"\n"
	tests := []struct {
		name, csv, want string
		// session: the preview's rebuild after an edit warns too.
		session bool
	}{
		{"undated record (merge)", header + ok + "\n" + "Quiet day,,https://x.org/quiet,Nothing was said.\n",
			`content/articles/wire.csv:4: warning: left out of the chronology: `, true},
		{"record outside the window (merge)", header + ok + "Old talks,2019-03-04,https://x.org/old,\"The ministers met on Monday in Geneva, officials said.\"\n",
			`content/articles/wire.csv:3: warning: date 2019-03-04: outside the chronology window`, true},
		{"invalid UTF-8 (extract)", header + "\"Two\nlines\",2022-03-05,https://x.org/bad,\"Caf\xe9 talks ended on Saturday, officials said.\"\n",
			`content/articles/wire.csv:2: warning: record 1: invalid UTF-8 in its text`, false},
		{"no text (read)", header + ok + "Empty,2022-03-05,https://x.org/empty,\n",
			`content/articles/wire.csv:3: warning: record 2: no text`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			_ = afero.WriteFile(fsys, "content/site.yaml", []byte("title: T\nstart: 2022-01\nend: 2022-12\n"), 0o644)
			_ = afero.WriteFile(fsys, "content/articles/wire.csv", []byte(tt.csv), 0o644)
			p := Prepare(fsys, Options{ContentDir: "content", TemplatesDir: "templates", DefaultTemplates: templates.FS})
			var got []string
			for _, d := range p.Diags {
				got = append(got, d.Error())
			}
			if !slices.ContainsFunc(got, func(w string) bool { return strings.HasPrefix(w, tt.want) }) {
				t.Errorf("no warning %q in\n%s", tt.want, strings.Join(got, "\n"))
			}
			for _, w := range got {
				if strings.Contains(w, "#") && strings.Index(w, "#") < strings.Index(w, ": ") {
					t.Errorf("warning placed at a record's id, not its line: %s", w)
				}
			}
			if !tt.session {
				return
			}
			s := NewSession(fsys, Options{ContentDir: "content", TemplatesDir: "templates", OutputDir: "public", DefaultTemplates: templates.FS})
			if _, err := s.Build(nil); err != nil {
				t.Fatal(err)
			}
			edited := strings.Replace(tt.csv, "Talks,", "Talks end,", 1)
			_ = afero.WriteFile(fsys, "content/articles/wire.csv", []byte(edited), 0o644)
			res, err := s.Build([]string{"content/articles/wire.csv"})
			if err != nil {
				t.Fatal(err)
			}
			got = got[:0]
			for _, d := range res.Warnings {
				got = append(got, d.Error())
			}
			if !slices.ContainsFunc(got, func(w string) bool { return strings.HasPrefix(w, tt.want) }) {
				t.Errorf("after an edit, in a session: no warning %q in\n%s", tt.want, strings.Join(got, "\n"))
			}
		})
	}
}
