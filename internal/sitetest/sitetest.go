// Package sitetest holds what the tests of several packages share: a
// site written inline as a txtar archive (Files) or a map (MapFs), a
// check of a built file's content, the one first-difference report of
// two texts, every file of a folder (Tree, CopyTree), and files and
// links made on the real file system.
//
// A test writes the files it needs and nothing else:
//
//	fsys := sitetest.Files(t, `
//	-- content/site.yaml --
//	title: Test
//	-- content/entries/a.yaml --
//	id: a
//	date: 2022-02-24
//	title: Something happened
//	`)
//
// then builds it and checks what matters with AssertFile.
package sitetest

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// Files returns an in-memory file system holding the files of archive, a
// txtar archive: each file starts with a line "-- path --" and holds the
// lines up to the next such line. Text before the first file is a
// comment, and ignored.
func Files(t testing.TB, archive string) afero.Fs {
	t.Helper()
	fsys := afero.NewMemMapFs()
	var name string
	var body strings.Builder
	flush := func() {
		if name == "" {
			return
		}
		if err := afero.WriteFile(fsys, name, []byte(body.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		body.Reset()
	}
	for _, line := range strings.SplitAfter(archive, "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			flush()
			name = strings.TrimSpace(trimmed[3 : len(trimmed)-3])
			continue
		}
		if name != "" {
			body.WriteString(line)
		}
	}
	flush()
	return fsys
}

// MapFs returns an in-memory file system holding files: each key is a
// path, its value the file's text.
func MapFs(t testing.TB, files map[string]string) afero.Fs {
	t.Helper()
	fsys := afero.NewMemMapFs()
	for p, text := range files {
		if err := afero.WriteFile(fsys, p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return fsys
}

// AssertFile checks that the file at path holds every one of want; a
// want starting with "! " must not be in it.
func AssertFile(t testing.TB, fsys afero.Fs, path string, want ...string) {
	t.Helper()
	data, err := afero.ReadFile(fsys, path)
	if err != nil {
		t.Errorf("%s: %v", path, err)
		return
	}
	for _, w := range want {
		if absent, ok := strings.CutPrefix(w, "! "); ok {
			if strings.Contains(string(data), absent) {
				t.Errorf("%s holds %q, want it not to", path, absent)
			}
			continue
		}
		if !strings.Contains(string(data), w) {
			t.Errorf("%s lacks %q", path, w)
		}
	}
}

// FirstDiff shows the first line where got differs from want, with its
// number, or "" when they are the same.
func FirstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\nwant %q\n got %q", i+1, wl, gl)
		}
	}
	return ""
}

// Tree returns every file under dir of fsys with its text, by its
// slash-separated path relative to dir. A file that is not a regular
// one (a link, a pipe) is listed as "(its type)" and never opened.
func Tree(t testing.TB, fsys afero.Fs, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := afero.Walk(fsys, dir, func(p string, info fs.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if !info.Mode().IsRegular() {
			files[rel] = fmt.Sprintf("(%v)", info.Mode().Type())
			return nil
		}
		data, err := afero.ReadFile(fsys, p)
		files[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// WriteOSFile writes text to the file at p on the real file system,
// making its folder first.
func WriteOSFile(t testing.TB, p, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Symlink makes a symbolic link at p to target on the real file system,
// making p's folder first; it skips the test where links cannot be made.
func Symlink(t testing.TB, target, p string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, p); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
}

// CopyTree copies every file under from of src to the same path under to
// of dst.
func CopyTree(t testing.TB, dst afero.Fs, to string, src afero.Fs, from string) {
	t.Helper()
	for p, text := range Tree(t, src, from) {
		if err := afero.WriteFile(dst, path.Join(to, p), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// ReadOSFile returns the bytes of the file at p on the real file system:
// a fixture of the test's package or of another's testdata.
func ReadOSFile(t testing.TB, p string) []byte {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
