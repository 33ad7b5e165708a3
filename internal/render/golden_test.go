package render

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	golden := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		golden[filepath.ToSlash(strings.TrimPrefix(p, dir+string(filepath.Separator)))] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sameFiles(t, files, golden)
	if t.Failed() {
		t.Log("if the change is meant, run go test ./internal/render -update and review the diff of testdata/golden")
	}
}
