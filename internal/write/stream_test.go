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

// streamSite builds a site of files into out, writing those named in
// streamed with WriteStream, a few bytes at a time, and the others with
// Write, commits it and returns how many files the build wrote.
func streamSite(t *testing.T, out *Output, files map[string]string, streamed ...string) int {
	t.Helper()
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

// streamBuilds are the sites of successive builds, with how many files
// Write alone writes in each.
var streamBuilds = []struct {
	name    string
	files   map[string]string
	written int
}{
	{"first", map[string]string{"index.html": "index", "timeline.json": `{"entries": [1, 2, 3]}`, "e/x.json": "x"}, 3},
	{"no change", map[string]string{"index.html": "index", "timeline.json": `{"entries": [1, 2, 3]}`, "e/x.json": "x"}, 0},
	{"export changed", map[string]string{"index.html": "index", "timeline.json": `{"entries": [1, 2]}`, "e/x.json": "x"}, 1},
	{"back to the first", map[string]string{"index.html": "index", "timeline.json": `{"entries": [1, 2, 3]}`, "e/x.json": "x"}, 1},
	{"export gone", map[string]string{"index.html": "index 2", "e/x.json": "y"}, 2},
}

func TestWriteStreamWritesWhatWriteWrites(t *testing.T) {
	plain, streamed := afero.NewMemMapFs(), afero.NewMemMapFs()
	for _, b := range streamBuilds {
		if n := streamSite(t, mustBegin(t, plain, "public"), b.files); n != b.written {
			t.Errorf("%s: Write wrote %d files, want %d", b.name, n, b.written)
		}
		if n := streamSite(t, mustBegin(t, streamed, "public"), b.files, "timeline.json", "e/x.json"); n != b.written {
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

// TestWriteStreamResumed checks WriteStream on the Outputs of a preview
// session, each resumed from the last one's (Resume): the site and the
// count of files written are those of Write alone, build after build.
func TestWriteStreamResumed(t *testing.T) {
	plain, streamed := afero.NewMemMapFs(), afero.NewMemMapFs()
	var plainLast, streamedLast *Committed
	resume := func(fsys afero.Fs, last *Committed) *Output {
		out, err := Resume(fsys, "public", last)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	for _, b := range streamBuilds {
		out := resume(plain, plainLast)
		want := streamSite(t, out, b.files)
		plainLast = out.Committed()
		out = resume(streamed, streamedLast)
		if n := streamSite(t, out, b.files, "timeline.json", "e/x.json"); n != want {
			t.Errorf("%s: with WriteStream, %d files written, want %d as with Write", b.name, n, want)
		}
		streamedLast = out.Committed()
		if streamedLast == nil {
			t.Fatalf("%s: not committed", b.name)
		}
		if got, want := sitetest.Tree(t, streamed, "public"), sitetest.Tree(t, plain, "public"); !reflect.DeepEqual(got, want) {
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
