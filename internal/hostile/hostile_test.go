package hostile

import (
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/build"
	"github.com/newsroom/timeline/internal/sitetest"
	"github.com/newsroom/timeline/templates"
	"github.com/spf13/afero"
)

const suite = "../../testdata/hostile"

// TestSuite runs every case of testdata/hostile through a build: on an
// in-memory file system, or on a temporary folder of the real one for
// cases with links, pipes or sockets. Each must give its exit status
// and diagnostics; a failed build must leave public/ byte-identical; no
// build may write outside its output folder or leave a temporary folder;
// no output may hold an injection a browser would run, or the text of
// the files outside the content folder; and diagnostics must be safe to
// print. Time and memory per case are scripts/hostile's.
func TestSuite(t *testing.T) {
	dir := suiteAbs(t) // the OS cases change the working folder
	cases, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 80 {
		t.Errorf("%d cases in %s, want at least 80", len(cases), suite)
	}
	public := basePublic(t, filepath.Join(dir, "_base"))
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			fsys, root := afero.Fs(afero.NewMemMapFs()), "."
			if c.OSOnly() {
				fsys, root = afero.NewOsFs(), t.TempDir()
				t.Chdir(root)
				root = "."
			}
			runCase(t, c, fsys, root, filepath.Join(dir, "_base"), public)
		})
	}
}

func runCase(t *testing.T, c Case, fsys afero.Fs, root, base string, public map[string]string) {
	if err := LayBase(fsys, base, root); err != nil {
		t.Fatal(err)
	}
	for p, data := range public {
		if err := WriteFile(fsys, path.Join("public", p), []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Lay(fsys, root); err != nil {
		t.Fatal(err)
	}
	before := sitetest.Tree(t, fsys, root)
	res, err := build.Build(fsys, build.Options{ContentDir: "content", TemplatesDir: "templates", OutputDir: c.Out, DefaultTemplates: templates.FS, Force: true})
	var lines []string
	if err != nil {
		lines = append(lines, strings.Split(err.Error(), "\n")...)
	}
	if res != nil {
		for _, w := range res.Warnings {
			lines = append(lines, w.Error())
		}
	}
	exit := 0
	if err != nil {
		exit = 1
	}
	if exit != c.Exit {
		t.Errorf("exit %d, want %d; diagnostics:\n%s", exit, c.Exit, strings.Join(lines, "\n"))
	}
	checkLines(t, lines, c)
	after := sitetest.Tree(t, fsys, root)
	checkTree(t, c, before, after, exit)
}

// checkLines checks the expected diagnostics are there, each error
// line names a file, and no line holds a control character.
func checkLines(t *testing.T, lines []string, c Case) {
	t.Helper()
	want := func(kind string, texts []string) {
		for _, text := range texts {
			found := false
			for _, l := range lines {
				isWarning := strings.Contains(l, ": warning: ")
				if strings.Contains(l, text) && isWarning == (kind == "warning") {
					found = true
				}
			}
			if !found {
				t.Errorf("no %s line holds %q; got:\n%s", kind, text, strings.Join(lines, "\n"))
			}
		}
	}
	want("error", c.Errors)
	want("warning", c.Warnings)
	for _, l := range lines {
		for _, r := range l {
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || (r >= 0x202a && r <= 0x202e) {
				t.Errorf("diagnostic holds control character %U: %q", r, l)
				break
			}
		}
	}
}

// checkTree compares the files before and after the build: outside the
// output folder nothing may change; a failed build leaves the output
// as it was; every output file is free of injections and secrets.
func checkTree(t *testing.T, c Case, before, after map[string]string, exit int) {
	t.Helper()
	out := path.Clean(c.Out) + "/"
	if out == "./" {
		out = "" // the output folder holds everything
	}
	// The writer keeps the site before last beside the output folder
	// (internal/write): it is the output's, as the output is.
	spare := path.Join(path.Dir(c.Out), "."+path.Base(c.Out)+"-previous") + "/"
	temporary := path.Join(path.Dir(c.Out), "."+path.Base(c.Out)+"-new")
	for p, data := range after {
		if strings.HasPrefix(p, temporary) {
			t.Errorf("%s: a temporary folder left behind", p)
		}
		if strings.HasPrefix(p, spare) && before[p] != data && exit != 0 {
			t.Errorf("%s: changed by a failed build", p)
		}
		if strings.HasPrefix(p, spare) {
			continue
		}
		inOut := strings.HasPrefix(p, out)
		switch {
		case !inOut && before[p] != data:
			t.Errorf("%s: written outside the output folder", p)
		case inOut && exit != 0 && before[p] != data:
			t.Errorf("%s: changed by a failed build", p)
		case inOut && out == "" && before[p] == data:
			// The output folder is the root: its files were not made by gen.
		case inOut:
			for _, f := range Injections(p, []byte(data)) {
				t.Errorf("%s: %s", p, f)
			}
			if strings.Contains(data, Secret) {
				t.Errorf("%s: holds the text of a file outside the content folder", p)
			}
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok && !strings.HasPrefix(p, spare) && (!strings.HasPrefix(p, out) || exit != 0) {
			t.Errorf("%s: removed by the build", p)
		}
	}
}

// basePublic builds the base site once and returns its output folder's
// files, which every case starts from.
func basePublic(t *testing.T, base string) map[string]string {
	t.Helper()
	fsys := afero.NewMemMapFs()
	if err := LayBase(fsys, base, "."); err != nil {
		t.Fatal(err)
	}
	res, err := build.Build(fsys, build.Options{ContentDir: "content", TemplatesDir: "templates", OutputDir: "public", DefaultTemplates: templates.FS})
	if err != nil {
		t.Fatalf("the base site does not build: %v", err)
	}
	for _, w := range res.Warnings {
		t.Errorf("the base site gives a warning: %v", w)
	}
	files := sitetest.Tree(t, fsys, "public")
	var names []string
	for p := range files {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		for _, f := range Injections(p, []byte(files[p])) {
			t.Errorf("base site: %s: %s", p, f)
		}
	}
	return files
}

func suiteAbs(t *testing.T) string {
	t.Helper()
	abs, err := filepath.Abs(suite)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
