package build

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/sitetest"
	"github.com/newsroom/timeline/internal/write"
	"github.com/newsroom/timeline/templates"
	"github.com/spf13/afero"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// repoRoot returns the repository root, two folders up from this package.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// sampleFs returns an in-memory file system holding copies of the
// repository's content/ and templates/ folders.
func sampleFs(t *testing.T) afero.Fs {
	t.Helper()
	disk := afero.NewBasePathFs(afero.NewOsFs(), repoRoot(t))
	mem := afero.NewMemMapFs()
	for _, dir := range []string{"content", "templates"} {
		sitetest.CopyTree(t, mem, dir, disk, dir)
	}
	return mem
}

func options() Options {
	return Options{ContentDir: "content", TemplatesDir: "templates", OutputDir: "public", DefaultTemplates: templates.FS}
}

// golden compares got with testdata/name, showing the first line that
// differs.
func golden(t *testing.T, name, got string) {
	t.Helper()
	if want := goldenFile(t, name, got); got != want {
		t.Errorf("testdata/%s differs from the built site (run go test ./internal/build -update after checking the change):\n%s", name, sitetest.FirstDiff(want, got))
	}
}

// goldenFile returns what testdata/name holds; with -update it first
// writes got there.
func goldenFile(t *testing.T, name, got string) string {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/build -update to create it)", err)
	}
	return string(want)
}

// writeFile writes data to the file at p of fsys.
func writeFile(t *testing.T, fsys afero.Fs, p, data string) {
	t.Helper()
	if err := afero.WriteFile(fsys, p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSampleSiteGolden builds the repository's sample content and
// compares two of its files with their golden copies, where a failure
// shows the first line that differs: timeline.json and index.html.
// TestOutputIdentity checks every file's bytes.
func TestSampleSiteGolden(t *testing.T) {
	fsys := sampleFs(t)
	res, err := Build(fsys, options())
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	if res.Entries == 0 || res.Pages == 0 {
		t.Fatalf("Build made %d entries, %d pages", res.Entries, res.Pages)
	}
	files := sitetest.Tree(t, fsys, "public")
	delete(files, write.Marker)
	golden(t, "sample.timeline.json", files["timeline.json"])
	golden(t, "sample.index.html", files["index.html"])
}

// TestBuildIsDeterministic builds the sample twice and compares the
// outputs byte for byte.
func TestBuildIsDeterministic(t *testing.T) {
	var outputs []map[string]string
	for range 2 {
		fsys := sampleFs(t)
		if _, err := Build(fsys, options()); err != nil {
			t.Fatal(err)
		}
		outputs = append(outputs, sitetest.Tree(t, fsys, "public"))
	}
	if !reflect.DeepEqual(outputs[0], outputs[1]) {
		t.Error("two builds of the same content differ")
	}
}

const goodSite = `title: Test
start: 2022-01
end: 2022-12
`

const goodEntry = `- id: first
  date: 2022-02-18
  title: First
`

// goodFs returns a file system holding a valid site of one entry.
func goodFs(t *testing.T) afero.Fs {
	return sitetest.Files(t, "-- content/site.yaml --\n"+goodSite+"-- content/entries/good.yaml --\n"+goodEntry)
}

func TestFailedBuildLeavesOutputUnchanged(t *testing.T) {
	tests := []struct {
		name, file, data string
		want             []string
	}{
		{
			name: "syntax error",
			file: "content/entries/bad.yaml",
			data: "- id: x\n  date: 2022-01-01\n  title: [unclosed\n",
			want: []string{"content/entries/bad.yaml:3:3: YAML syntax: did not find expected ',' or ']' (want valid YAML; check indentation and quote values containing \": \")"},
		},
		{
			name: "unknown key",
			file: "content/entries/bad.yaml",
			data: "- id: x\n  date: 2022-01-01\n  titel: X\n",
			want: []string{`content/entries/bad.yaml:3:3: titel: unknown field; did you mean "title"?`},
		},
		{
			name: "impossible date",
			file: "content/entries/bad.yaml",
			data: "- id: x\n  date: 2022-02-30\n  title: X\n",
			want: []string{`content/entries/bad.yaml:2:9: date "2022-02-30": day 30 out of range for February 2022 (want YYYY, YYYY-MM or YYYY-MM-DD)`},
		},
		{
			name: "month out of range",
			file: "content/entries/bad.yaml",
			data: "id: x\ndate: 2022-13-01\ntitle: X\n",
			want: []string{`content/entries/bad.yaml:2:7: date "2022-13-01": month 13 out of range (want YYYY, YYYY-MM or YYYY-MM-DD)`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := goodFs(t)
			if _, err := Build(fsys, options()); err != nil {
				t.Fatalf("first build: %v", err)
			}
			before := sitetest.Tree(t, fsys, ".")

			writeFile(t, fsys, tt.file, tt.data)
			_, err := Build(fsys, options())
			if err == nil {
				t.Fatal("build with bad content succeeded")
			}
			if got, want := err.Error(), strings.Join(tt.want, "\n"); got != want {
				t.Errorf("error:\n got %s\nwant %s", got, want)
			}
			after := sitetest.Tree(t, fsys, ".")
			delete(after, tt.file)
			if !reflect.DeepEqual(after, before) {
				t.Errorf("failed build changed the file system")
			}
		})
	}
}

func TestRebuildSkipsWhenNothingChanged(t *testing.T) {
	fsys := goodFs(t)
	write := func(p, data string) { writeFile(t, fsys, p, data) }
	steps := []struct {
		name     string
		change   func()
		upToDate bool
		written  int
	}{
		{name: "first build", change: func() {}, written: -1},
		{name: "no change", change: func() {}, upToDate: true},
		{name: "comment added", change: func() { write("content/entries/good.yaml", goodEntry+"# a comment\n") }, written: 0},
		{name: "no change again", change: func() {}, upToDate: true},
		{name: "output file deleted", change: func() { _ = fsys.Remove("public/index.html") }, written: 1},
		{name: "title changed", change: func() {
			write("content/entries/good.yaml", strings.Replace(goodEntry, "title: First", "title: Second", 1))
		}, written: -1},
	}
	for _, step := range steps {
		step.change()
		res, err := Build(fsys, options())
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if res.UpToDate != step.upToDate {
			t.Errorf("%s: UpToDate = %v, want %v", step.name, res.UpToDate, step.upToDate)
		}
		if res.Entries != 1 {
			t.Errorf("%s: Entries = %d, want 1", step.name, res.Entries)
		}
		if step.written >= 0 && !step.upToDate && res.Written != step.written {
			t.Errorf("%s: Written = %d, want %d", step.name, res.Written, step.written)
		}
		if step.written < 0 && res.Written == 0 {
			t.Errorf("%s: nothing written", step.name)
		}
	}
}

// TestStageDone checks that Options.StageDone hears every stage of a
// build once, in the order Timings lists them, and of an up-to-date
// check only that.
func TestStageDone(t *testing.T) {
	fsys := goodFs(t)
	for _, want := range []string{"full", "up to date"} {
		var heard []string
		opts := options()
		opts.StageDone = func(stage string) { heard = append(heard, stage) }
		res, err := Build(fsys, opts)
		if err != nil {
			t.Fatalf("%s: %v", want, err)
		}
		var listed []string
		for _, st := range res.Timings.Stages {
			listed = append(listed, st.Stage)
		}
		if !slices.Equal(heard, listed) {
			t.Errorf("%s build: StageDone heard %q, Timings list %q", want, heard, listed)
		}
		for _, stage := range []string{"load", "extract", "merge", "pages", "commit"} {
			if slices.Contains(heard, stage) != (want == "full") {
				t.Errorf("%s build: heard %q, stage %q heard: %v", want, heard, stage, !slices.Contains(heard, stage))
			}
		}
	}
}
