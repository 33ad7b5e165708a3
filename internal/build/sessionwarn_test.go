package build

import (
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/templates"
	"github.com/spf13/afero"
)

// TestSessionWarnsOfInvalidUTF8 breaks and mends the UTF-8 of a plain
// article and of a dataset record step by step, through every rebuild
// path of a Session: after each step its warnings must be a full
// build's, and name the files that are not UTF-8, whether the rebuild
// read them again or kept them from the last build.
func TestSessionWarnsOfInvalidUTF8(t *testing.T) {
	const (
		plain   = "content/articles/2022-06-20-statement.txt"
		dataset = "content/articles/wire.csv"
		other   = "content/articles/feed.jsonl"
		added   = "content/articles/2022-07-01-talks.txt"
		site    = "content/site.yaml"
	)
	fsys := txtarFs(t, "testdata/datasets/site.txtar")
	replace := func(p, old, new string) func() []string {
		return func() []string {
			data, err := afero.ReadFile(fsys, p)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(data), old) {
				t.Fatalf("%s does not hold %q", p, old)
			}
			if err := afero.WriteFile(fsys, p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			return []string{p}
		}
	}
	steps := []struct {
		name string
		edit func() []string
		// invalid lists the files a warning must call not UTF-8.
		invalid []string
		// bodies is set when the rebuild must take the body-only path.
		bodies bool
	}{
		{name: "first build", edit: func() []string { return nil }},
		{name: "a plain article's body breaks", edit: replace(plain, "border", "bord\xffer"), invalid: []string{plain}},
		{name: "a new article", edit: func() []string {
			// The first paragraph holds the opening merging compares
			// (merge.SameOpening), so that an edit of the last one is a
			// body edit.
			text := "Talks resume in Vienna\n\nThe delegations met again on Friday in Vienna, officials said." +
				strings.Repeat(" The talks covered grain exports, prisoners and the nuclear plant.", 12) +
				"\n\nThe meeting lasted three hours.\n"
			if err := afero.WriteFile(fsys, added, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			return []string{added}
		}, invalid: []string{plain}},
		{name: "another article's body changes", edit: replace(added, "three hours", "four hours"), invalid: []string{plain}, bodies: true},
		{name: "a dataset changes", edit: replace(other, "the ministry said", "the ministry told reporters"), invalid: []string{plain}},
		{name: "a record's text breaks", edit: replace(dataset, "met on Thursday", "met on Th\xfcrsday"), invalid: []string{plain, dataset}},
		{name: "the site file changes", edit: replace(site, "title: Datasets", "title: Datasets again"), invalid: []string{plain, dataset}},
		{name: "the plain article mended", edit: replace(plain, "bord\xffer", "border"), invalid: []string{dataset}},
		{name: "unknown changes", edit: func() []string { return nil }, invalid: []string{dataset}},
		{name: "the record mended", edit: replace(dataset, "Th\xfcrsday", "Thursday")},
	}
	opts := Options{ContentDir: "content", TemplatesDir: "templates", OutputDir: "public", DefaultTemplates: templates.FS}
	sess := NewSession(fsys, opts)
	for _, step := range steps {
		res, err := sess.Build(step.edit())
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if bodies := strings.Contains(res.Timings.String(), "bodies "); bodies != step.bodies {
			t.Errorf("%s: took the body-only path %v, want %v (%s)", step.name, bodies, step.bodies, res.Timings)
		}
		// A keyed rebuild times each step of the render; the body-only
		// path, the render as one stage.
		if timed := strings.Contains(res.Timings.String(), "listings "); timed == step.bodies {
			t.Errorf("%s: render steps timed %v, want %v (%s)", step.name, timed, !step.bodies, res.Timings)
		}
		full := checkSame(t, fsys, opts, step.name)
		if !res.Warnings.Equal(full.Warnings) {
			t.Errorf("%s: warnings\n%v\nwant a full build's\n%v", step.name, res.Warnings, full.Warnings)
		}
		if got := invalidUTF8(res.Warnings); !equalStrings(got, step.invalid) {
			t.Errorf("%s: warned of invalid UTF-8 in %q, want %q", step.name, got, step.invalid)
		}
	}
}

// invalidUTF8 returns the files that warnings say are not UTF-8, in order.
func invalidUTF8(warnings diag.List) []string {
	var files []string
	for _, w := range warnings {
		if strings.Contains(w.Message, "invalid UTF-8") {
			files = append(files, w.Path)
		}
	}
	return files
}

func equalStrings(a, b []string) bool {
	return strings.Join(a, "\x00") == strings.Join(b, "\x00")
}
