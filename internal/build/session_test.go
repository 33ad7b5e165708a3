package build

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/sitetest"
	"github.com/newsroom/timeline/internal/synth"
	"github.com/newsroom/timeline/internal/write"
	"github.com/newsroom/timeline/templates"
	"github.com/spf13/afero"
)

// TestSessionMatchesFullBuild edits the sample site step by step and
// checks, after each step, that the session's incremental rebuild leaves
// the very files a full build of the same content makes, and that it
// writes no more than the step calls for.
func TestSessionMatchesFullBuild(t *testing.T) {
	fsys := sampleFs(t)
	read := func(p string) string {
		data, err := afero.ReadFile(fsys, p)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	replace := func(p, old, new string) func() []string {
		return func() []string {
			text := read(p)
			if !strings.Contains(text, old) {
				t.Fatalf("%s does not hold %q", p, old)
			}
			if err := afero.WriteFile(fsys, p, []byte(strings.Replace(text, old, new, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			return []string{p}
		}
	}
	const (
		article  = "content/articles/002_58abd7e94c42ac02.txt"
		another  = "content/articles/004_bfc5677894e92f06.txt"
		newOne   = "content/articles/005_new.txt"
		entries  = "content/entries/war.yaml"
		template = "templates/layout.html"
	)
	steps := []struct {
		name string
		edit func() []string
		// When bounded, the rebuild writes at most maxWritten files and
		// keeps at least minKept pages without rendering them.
		bounded             bool
		maxWritten, minKept int
		wantErr             string
	}{
		{name: "first build", edit: func() []string { return nil }},
		{name: "nothing changed", edit: func() []string { return []string{article} }, bounded: true, minKept: 60},
		{name: "a word of an article's body", edit: replace(article, "Pentagon", "Defense Department"), bounded: true, maxWritten: 20, minKept: 40},
		{name: "an article's headline", edit: func() []string {
			text := read(another)
			first, rest, _ := strings.Cut(text, "\n")
			if err := afero.WriteFile(fsys, another, []byte(first+" (updated)\n"+rest), 0o644); err != nil {
				t.Fatal(err)
			}
			return []string{another}
		}},
		{name: "a new article", edit: func() []string {
			text := strings.Replace(read(another), "Milley", "Miley", 1)
			if err := afero.WriteFile(fsys, newOne, []byte("A second account of the call\n"+text), 0o644); err != nil {
				t.Fatal(err)
			}
			return []string{newOne}
		}, bounded: true, maxWritten: 30, minKept: 35},
		{name: "the new article removed", edit: func() []string {
			if err := fsys.Remove(newOne); err != nil {
				t.Fatal(err)
			}
			return []string{newOne}
		}, bounded: true, maxWritten: 30, minKept: 40},
		{name: "an editor's entry", edit: replace(entries, "title: Russia invades Ukraine", "title: Russia invades Ukraine at dawn")},
		{name: "an editor's entry's date", edit: replace(entries, "date: 2022-02-24", "date: 2022-02-23")},
		{name: "a template", edit: replace(template, "</body>", "<!-- edited --></body>")},
		{name: "a broken entry file", edit: replace(entries, "date:", "date: 2022-13-01 #"), wantErr: "month 13 out of range"},
		{name: "the entry file mended", edit: replace(entries, "date: 2022-13-01 #", "date:")},
		{name: "unknown changes", edit: func() []string { return nil }, bounded: true, minKept: 60},
	}
	sess := NewSession(fsys, options())
	if err := fsys.MkdirAll("public", 0o755); err != nil {
		t.Fatal(err)
	}
	for _, step := range steps {
		before := sitetest.Tree(t, fsys, "public")
		res, err := sess.Build(step.edit())
		if step.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), step.wantErr) {
				t.Fatalf("%s: error %v, want one saying %q", step.name, err, step.wantErr)
			}
			if after := sitetest.Tree(t, fsys, "public"); !reflect.DeepEqual(before, after) {
				t.Fatalf("%s: a failed rebuild changed the output", step.name)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if step.bounded && res.Written > step.maxWritten {
			t.Errorf("%s: wrote %d files, want at most %d", step.name, res.Written, step.maxWritten)
		}
		if step.bounded && res.Kept < step.minKept {
			t.Errorf("%s: kept %d pages unrendered, want at least %d", step.name, res.Kept, step.minKept)
		}
		checkSameAsFullBuild(t, fsys, step.name)
		// The note the session left says the site is up to date, as a
		// full build's would: gen build after gen serve writes nothing.
		if res, err := Build(fsys, options()); err != nil || !res.UpToDate {
			t.Errorf("%s: a build after the session's: UpToDate = %v, err = %v; want true, nil", step.name, res.UpToDate, err)
		}
	}
}

// checkSameAsFullBuild builds fsys's content from scratch into another
// folder and compares it with public/, file by file.
func checkSameAsFullBuild(t *testing.T, fsys afero.Fs, step string) {
	t.Helper()
	if err := fsys.RemoveAll("fresh"); err != nil {
		t.Fatal(err)
	}
	opts := options()
	opts.OutputDir, opts.Force = "fresh", true
	if _, err := Build(fsys, opts); err != nil {
		t.Fatalf("%s: full build: %v", step, err)
	}
	sameAsFullBuild(t, step, sitetest.Tree(t, fsys, "public"), sitetest.Tree(t, fsys, "fresh"))
}

// sameAsFullBuild reports each file of got, an incremental build's
// output, that differs from want, a full build's, or that want lacks.
func sameAsFullBuild(t *testing.T, step string, got, want map[string]string) {
	t.Helper()
	for p, data := range want {
		if got[p] != data {
			t.Errorf("%s: %s differs from a full build's", step, p)
			if testing.Verbose() && p != write.Marker {
				t.Logf("got:\n%s\nwant:\n%s", got[p], data)
			}
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: %s is left over; a full build has no such file", step, p)
		}
	}
}

// TestSessionBodyEdits edits raw articles' bodies alone, one at a time
// and then back, on a synthetic corpus whose latest entries fill the
// feeds: each rebuild must take the short way (render.RenderBodies, the
// "bodies" stage), write the article's own pages (and the feeds, for
// the latest entries) and nothing else, and leave the very files a full
// build makes. A full rebuild between them (a new article) must start
// from what the short ones left.
func TestSessionBodyEdits(t *testing.T) {
	fsys := afero.NewMemMapFs()
	if err := synth.Generate(fsys, "site", synth.Options{Articles: 120, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	opts := Options{ContentDir: "site/content", TemplatesDir: "site/templates", OutputDir: "site/public", DefaultTemplates: templates.FS}
	sess := NewSession(fsys, opts)
	if _, err := sess.Build(nil); err != nil {
		t.Fatal(err)
	}
	names, err := afero.ReadDir(fsys, "site/content/articles")
	if err != nil {
		t.Fatal(err)
	}
	var short, feeds int
	edit := func(name, p string, change func(string) string) {
		t.Helper()
		data, err := afero.ReadFile(fsys, p)
		if err != nil {
			t.Fatal(err)
		}
		if err := afero.WriteFile(fsys, p, []byte(change(string(data))), 0o644); err != nil {
			t.Fatal(err)
		}
		before := sitetest.Tree(t, fsys, "site/public")
		res, err := sess.Build([]string{p})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		after := sitetest.Tree(t, fsys, "site/public")
		full := checkSame(t, fsys, opts, name)
		if res.Entries != full.Entries || res.Pages != full.Pages || res.Files != full.Files || len(res.Warnings) != len(full.Warnings) {
			t.Errorf("%s: %d entries, %d pages, %d files, %d warnings; a full build says %d, %d, %d, %d", name,
				res.Entries, res.Pages, res.Files, len(res.Warnings), full.Entries, full.Pages, full.Files, len(full.Warnings))
		}
		if !strings.Contains(res.Timings.String(), "bodies") {
			return // an edit that changed more than the body
		}
		short++
		var changed []string
		for p, data := range after {
			if before[p] != data {
				changed = append(changed, p)
			}
		}
		for _, p := range changed {
			if !strings.HasPrefix(p, "entries/") && !strings.HasPrefix(p, "articles/") && p != "feed.xml" && p != "feed.json" && p != write.Marker {
				t.Errorf("%s: the short rebuild changed %s, which shows no body", name, p)
			}
			if p == "feed.xml" {
				feeds++
			}
		}
		if res.Written > 5 {
			t.Errorf("%s: wrote %d files (%v), want the article's pages and the feeds at most", name, res.Written, changed)
		}
	}
	const sentence = "\n\nOfficials declined to comment further, a spokesman said on the record."
	for i := 0; i < len(names); i += 12 {
		p := "site/content/articles/" + names[i].Name()
		var original string
		edit(names[i].Name()+" body", p, func(text string) string {
			original = text
			half := len(text) / 2
			half += strings.Index(text[half:], "\n\n")
			return text[:half] + sentence + text[half:]
		})
		if i == 24 {
			// A full rebuild in between, from the short one's State.
			extra := "site/content/articles/zz_extra.txt"
			if err := afero.WriteFile(fsys, extra, []byte(original), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := sess.Build([]string{extra}); err != nil {
				t.Fatal(err)
			}
			checkSame(t, fsys, opts, "a new article")
		}
		edit(names[i].Name()+" reverted", p, func(string) string { return original })
	}
	if short < len(names)/12 {
		t.Errorf("%d of %d body edits took the short way, want most", short, 2*((len(names)+11)/12))
	}
	t.Logf("%d body edits took the short way, %d of them changed the feeds", short, feeds)
	if feeds == 0 {
		t.Errorf("no short rebuild changed the feeds: the test misses the latest entries")
	}
}

// checkSame is checkSameAsFullBuild for a site built with opts; it
// returns the full build's Result.
func checkSame(t *testing.T, fsys afero.Fs, opts Options, step string) *Result {
	t.Helper()
	if err := fsys.RemoveAll("fresh"); err != nil {
		t.Fatal(err)
	}
	got := sitetest.Tree(t, fsys, opts.OutputDir)
	opts.OutputDir, opts.Force = "fresh", true
	res, err := Build(fsys, opts)
	if err != nil {
		t.Fatalf("%s: full build: %v", step, err)
	}
	sameAsFullBuild(t, step, got, sitetest.Tree(t, fsys, "fresh"))
	return res
}

// TestSessionNoteIsJSONMarshal checks that the note a Session writes,
// with its warnings' JSON kept from one build to the next, has the bytes
// json.Marshal gives: for the same list again, for another list, and
// after a build without warnings.
func TestSessionNoteIsJSONMarshal(t *testing.T) {
	var s Session
	list := diag.List{
		{Path: "content/a.txt", Line: 3, Col: 9, Message: `date "2022-13-01": month <13> & more`},
		{Path: "content/b.yaml", Message: "unknown person"},
	}
	other := append(diag.List(nil), list[1:]...)
	for _, n := range []note{
		{Input: "k", Entries: 2, Pages: 3, Files: 4},
		{Input: "k", Entries: 2, Pages: 3, Files: 4, Warnings: list},
		{Input: "k2", Entries: 5, Pages: 6, Files: 7, Warnings: list},
		{Input: "k3", Warnings: other},
		{Input: "k4"},
		{Input: "k5", Warnings: other},
	} {
		got, err := s.note(n)
		if err != nil {
			t.Fatal(err)
		}
		want, err := json.Marshal(n)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("note:\n%s\nwant json.Marshal's:\n%s", got, want)
		}
		s.warnings = n.Warnings // as commit does
	}
}

// failingFs fails the creation of files whose path holds deny, and
// counts the files created under count.
type failingFs struct {
	afero.Fs
	deny, count string
	mu          sync.Mutex
	created     map[string]bool
}

func (f *failingFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	if flag&os.O_CREATE != 0 {
		if f.deny != "" && strings.Contains(filepath.ToSlash(name), f.deny) {
			return nil, &os.PathError{Op: "open", Path: name, Err: os.ErrPermission}
		}
		if strings.Contains(filepath.ToSlash(name), f.count) {
			f.mu.Lock()
			f.created[filepath.ToSlash(name)] = true
			f.mu.Unlock()
		}
	}
	return f.Fs.OpenFile(name, flag, perm)
}

// TestSessionAfterFailedWrite fails a rebuild while it writes the new
// site beside the output folder: the output folder stays as it was, and
// the next rebuild makes what a full build makes, writing beside the
// output the pages that changed, not every page of the site again.
func TestSessionAfterFailedWrite(t *testing.T) {
	fsys := &failingFs{Fs: sampleFs(t), count: ".public-previous/", created: map[string]bool{}}
	if err := fsys.MkdirAll("public", 0o755); err != nil {
		t.Fatal(err)
	}
	sess := NewSession(fsys, options())
	res, err := sess.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	const article = "content/articles/004_bfc5677894e92f06.txt"
	text, err := afero.ReadFile(fsys, article)
	if err != nil {
		t.Fatal(err)
	}
	first, rest, _ := strings.Cut(string(text), "\n")
	if err := afero.WriteFile(fsys, article, []byte(first+" (updated)\n"+rest), 0o644); err != nil {
		t.Fatal(err)
	}
	before := sitetest.Tree(t, fsys, "public")
	fsys.deny = ".public-previous/feed.xml"
	if _, err := sess.Build([]string{article}); err == nil || !errors.Is(err, os.ErrPermission) {
		t.Fatalf("rebuild with an unwritable page: err = %v, want permission denied", err)
	}
	if after := sitetest.Tree(t, fsys, "public"); !reflect.DeepEqual(after, before) {
		t.Fatal("a failed rebuild changed the output folder")
	}
	fsys.deny, fsys.created = "", map[string]bool{}
	next, err := sess.Build([]string{article})
	if err != nil {
		t.Fatal(err)
	}
	checkSameAsFullBuild(t, fsys, "after a failed rebuild")
	// The changed files, and the two markers.
	if n := len(fsys.created); n > next.Written+2 {
		t.Errorf("rebuild after a failed one created %d files beside the output for %d changed ones (the site has %d)", n, next.Written, res.Files)
	}
}
