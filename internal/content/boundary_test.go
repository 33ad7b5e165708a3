//go:build unix

package content

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsroom/timeline/internal/sitetest"
	"github.com/spf13/afero"
)

// TestLoadBoundaryOS lays hostile files over a valid content folder on
// the real file system (links and pipes need one) and checks that Load
// refuses each with an error naming it, reads nothing outside the
// folder, and returns.
func TestLoadBoundaryOS(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "content")
	for p, text := range baseFiles {
		sitetest.WriteOSFile(t, filepath.Join(base, p), text)
	}
	sitetest.WriteOSFile(t, filepath.Join(base, "secret.txt"), "SECRET-OUTSIDE")
	sitetest.WriteOSFile(t, filepath.Join(base, "secret.yaml"), "- id: leak\n  date: 2022\n  title: SECRET-OUTSIDE\n")
	sitetest.Symlink(t, "../../secret.txt", filepath.Join(root, "articles/leak.txt"))
	sitetest.Symlink(t, filepath.Join(base, "secret.yaml"), filepath.Join(root, "entries/leak.yaml"))
	sitetest.Symlink(t, "/dev/zero", filepath.Join(root, "articles/zero.txt"))
	sitetest.Symlink(t, "002_a.txt", filepath.Join(root, "articles/inside.txt"))
	sitetest.Symlink(t, base, filepath.Join(root, "articles/up"))
	if err := os.MkdirAll(filepath.Join(root, "articles/dir.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	sitetest.WriteOSFile(t, filepath.Join(root, "articles/dir.txt/x.txt"), "never read")
	if err := syscall.Mkfifo(filepath.Join(root, "articles/fifo.txt"), 0o644); err != nil {
		t.Skipf("no named pipes: %v", err)
	}
	if err := syscall.Mkfifo(filepath.Join(root, "entries/fifo.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(base)

	done := make(chan struct{})
	var c *Content
	var got []string
	go func() {
		cont, diags := Load(afero.NewOsFs(), "content")
		diags.Sort()
		c, got = cont, lines(diags)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Load blocked")
	}
	want := []string{
		"content/articles/dir.txt: warning: a folder named like a file: not read (want .txt or .html or .htm or .md or .markdown or .csv or .tsv or .jsonl or .ndjson or .json or .yaml or .yml files, not folders, under content/articles)",
		"content/articles/fifo.txt: a named pipe (FIFO), not a regular file: refused (want a regular file)",
		"content/articles/leak.txt: symbolic link to " + filepath.Join(realDir(t, base), "secret.txt") + ", outside content: refused (want files inside content)",
		"content/articles/up: symbolic link to " + realDir(t, base) + ", outside content: refused (want files inside content)",
		"content/articles/zero.txt: symbolic link to /dev/zero, outside content: refused (want files inside content)",
		"content/entries/fifo.yaml: a named pipe (FIFO), not a regular file: refused (want a regular file)",
		"content/entries/leak.yaml: symbolic link to " + filepath.Join(realDir(t, base), "secret.yaml") + ", outside content: refused (want files inside content)",
	}
	checkLines(t, "hostile files", got, want)
	var paths []string
	for _, a := range c.Articles {
		paths = append(paths, a.Path)
	}
	if strings.Join(paths, " ") != "articles/002_a.txt articles/inside.txt" {
		t.Errorf("articles %v, want the real one and the link inside the folder", paths)
	}
	for _, e := range c.Entries {
		if strings.Contains(e.Title, "SECRET") {
			t.Errorf("entry read from outside the folder: %+v", e)
		}
	}
	if _, err := ReadArticle(afero.NewOsFs(), "content", Article{Path: "articles/up/secret.txt"}); err == nil {
		t.Error("ReadArticle read a file through a linked folder outside the content folder")
	}
}

func realDir(t *testing.T, p string) string {
	t.Helper()
	r, err := filepath.EvalSymlinks(p)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
