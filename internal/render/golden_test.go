package render

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/sitetest"
	"github.com/newsroom/timeline/templates"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// TestGolden compares every file rendered for the fixture with its copy
// under testdata/golden; go test ./internal/render -update refreshes them.
// Assets copied as they are (style.css, search.js, ...) are compared with
// the embedded templates instead of being kept twice.
func TestGolden(t *testing.T) {
	files := renderFixture(t)
	for name, data := range files {
		asset, err := fs.ReadFile(templates.FS, name)
		if err != nil || strings.HasSuffix(name, ".html") {
			continue
		}
		if !bytes.Equal(data, asset) {
			t.Errorf("%s: not the embedded asset byte for byte", name)
		}
		delete(files, name)
	}
	dir := filepath.Join("testdata", "golden")
	if *update {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		for name, data := range files {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	seen := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name := filepath.ToSlash(strings.TrimPrefix(p, dir+string(filepath.Separator)))
		seen[name] = true
		want, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		got, ok := files[name]
		switch {
		case !ok:
			t.Errorf("%s: in testdata/golden but not rendered", name)
		case !bytes.Equal(got, want):
			t.Errorf("%s differs from testdata/golden (run go test ./internal/render -update and review the diff):\n%s", name, sitetest.FirstDiff(string(want), string(got)))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for name := range files {
		if !seen[name] {
			t.Errorf("%s: rendered but not in testdata/golden (run with -update)", name)
		}
	}
}
