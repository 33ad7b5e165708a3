package write

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/sitetest"
	"github.com/spf13/afero"
)

// streamSite builds a site of files into dir, writing those named in
// streamed with WriteStream, a few bytes at a time, and the others with
// Write, and returns how many files the build wrote.
func streamSite(t *testing.T, fsys afero.Fs, dir string, files map[string]string, streamed ...string) int {
	t.Helper()
	out := mustBegin(t, fsys, dir)
	defer out.Abort()
	for p, data := range files {
		if !contains(streamed, p) {
			if err := out.Write(p, []byte(data)); err != nil {
				t.Fatal(err)
			}
			continue
		}
		err := out.WriteStream(p, func(w io.Writer) error {
			for s := data; s != ""; s = s[min(3, len(s)):] {
				if _, err := io.WriteString(w, s[:min(3, len(s))]); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	return out.Written()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestWriteStreamWritesWhatWriteWrites(t *testing.T) {
	builds := []struct {
		name  string
		files map[string]string
		// written is how many files Write alone writes.
		written int
	}{
		{"first", map[string]string{"index.html": "index", "timeline.json": `{"entries": [1, 2, 3]}`, "e/x.json": "x"}, 3},
		{"no change", map[string]string{"index.html": "index", "timeline.json": `{"entries": [1, 2, 3]}`, "e/x.json": "x"}, 0},
		{"export changed", map[string]string{"index.html": "index", "timeline.json": `{"entries": [1, 2]}`, "e/x.json": "x"}, 1},
		{"back to the first", map[string]string{"index.html": "index", "timeline.json": `{"entries": [1, 2, 3]}`, "e/x.json": "x"}, 1},
		{"export gone", map[string]string{"index.html": "index 2", "e/x.json": "y"}, 2},
	}
	plain, streamed := afero.NewMemMapFs(), afero.NewMemMapFs()
	for _, b := range builds {
		if n := streamSite(t, plain, "public", b.files); n != b.written {
			t.Errorf("%s: Write wrote %d files, want %d", b.name, n, b.written)
		}
		if n := streamSite(t, streamed, "public", b.files, "timeline.json", "e/x.json"); n != b.written {
			t.Errorf("%s: with WriteStream, %d files written, want %d", b.name, n, b.written)
		}
		// The folder beside the site may differ: a streamed file is
		// written before it is known to be unchanged.
		want, got := sitetest.Tree(t, plain, "public"), sitetest.Tree(t, streamed, "public")
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: with WriteStream:\n got %v\nwant %v", b.name, got, want)
		}
	}
}

func TestWriteStreamErrors(t *testing.T) {
	fsys := afero.NewMemMapFs()
	out := mustBegin(t, fsys, "public")
	defer out.Abort()
	failed := errors.New("render timeline.json: no such template")
	err := out.WriteStream("timeline.json", func(w io.Writer) error {
		_, _ = io.WriteString(w, "half")
		return failed
	})
	if err != failed {
		t.Errorf("a failing stream: err = %v, want %v as it is", err, failed)
	}
	if err := out.Write("a.json", []byte("1")); err != nil {
		t.Fatal(err)
	}
	if err := out.WriteStream("a.json", func(io.Writer) error { return nil }); err == nil || !strings.Contains(err.Error(), "written twice") {
		t.Errorf("streaming a written path: err = %v, want 'written twice'", err)
	}
	if err := out.WriteStream("../outside.json", func(io.Writer) error { return nil }); err == nil {
		t.Error("WriteStream outside the output folder succeeded")
	}
}
