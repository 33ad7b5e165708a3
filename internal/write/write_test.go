package write

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/sitetest"
	"github.com/spf13/afero"
)

func TestCleanPath(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{in: "index.html", want: "index.html"},
		{in: "entries/x/index.html", want: "entries/x/index.html"},
		{in: "../escape.html", err: `element ".."`},
		{in: "entries/../../x", err: `element ".."`},
		{in: "/etc/passwd", err: "not a relative"},
		{in: `a\..\b`, err: "not a relative"},
		{in: "a//b", err: `element ""`},
		{in: "", err: "not a relative"},
		{in: "a/./b", err: `element "."`},
	}
	for _, tt := range tests {
		got, err := CleanPath(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("CleanPath(%q) error = %v, want one containing %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("CleanPath(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// writeSite builds a site of files into dir and returns its committed
// Output, for what it wrote (Written) and what it hands on (Committed).
func writeSite(t *testing.T, fsys afero.Fs, dir string, files map[string]string) *Output {
	t.Helper()
	out := mustBegin(t, fsys, dir)
	writeAll(t, out, files)
	if err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	return out
}

// mustBegin begins a build of dir, failing the test if it cannot.
func mustBegin(t *testing.T, fsys afero.Fs, dir string) *Output {
	t.Helper()
	out, err := Begin(fsys, dir)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// abortHalfBuild begins a build of public, writes part of a site and a
// file outside the output folder (which must be refused), and aborts.
func abortHalfBuild(t *testing.T, fsys afero.Fs) {
	t.Helper()
	out := mustBegin(t, fsys, "public")
	if err := out.Write("index.html", []byte("half a build")); err != nil {
		t.Fatal(err)
	}
	if err := out.Write("../outside.html", []byte("x")); err == nil {
		t.Fatal("Write outside the output folder succeeded")
	}
	out.Abort()
}

func TestCommitReplacesWholeSite(t *testing.T) {
	fsys := afero.NewMemMapFs()
	writeSite(t, fsys, "site/public", map[string]string{"index.html": "one", "old/index.html": "gone soon"})
	writeSite(t, fsys, "site/public", map[string]string{"index.html": "two"})
	got := sitetest.Tree(t, fsys, "site")
	manifest := got["public/"+Marker]
	delete(got, "public/"+Marker)
	delete(got, ".public-previous/"+Marker)
	// The first site waits beside the second, for the next build to
	// bring up to date and swap in.
	want := map[string]string{"public/index.html": "two", ".public-previous/index.html": "one", ".public-previous/old/index.html": "gone soon"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after second build:\n got %v\nwant %v", got, want)
	}
	if wantLine := "3fc4ccfe745870e2c0d99f71f30ff0656c8dedd41cc1d7d3d376b0dbe685e2f3  index.html\n"; !strings.HasSuffix(manifest, wantLine) || strings.Contains(manifest, "old/") {
		t.Errorf("manifest = %q, want only the line %q", manifest, wantLine)
	}
	if ok, _ := afero.DirExists(fsys, "site/public/old"); ok {
		t.Error("folder of a removed page left behind")
	}
}

func TestRebuildWritesOnlyChangedFiles(t *testing.T) {
	fsys := afero.NewMemMapFs()
	site := map[string]string{"index.html": "index", "a/index.html": "a", "b/index.html": "b"}
	if n := writeSite(t, fsys, "public", site).Written(); n != 3 {
		t.Errorf("first build wrote %d files, want 3", n)
	}
	if n := writeSite(t, fsys, "public", site).Written(); n != 0 {
		t.Errorf("no-change rebuild wrote %d files, want 0", n)
	}
	site["b/index.html"] = "b changed"
	if n := writeSite(t, fsys, "public", site).Written(); n != 1 {
		t.Errorf("rebuild after one change wrote %d files, want 1", n)
	}
	delete(site, "a/index.html")
	if n := writeSite(t, fsys, "public", site).Written(); n != 0 {
		t.Errorf("rebuild after a removal wrote %d files, want 0", n)
	}
	got := siteOnly(t, fsys, "public")
	want := map[string]string{"index.html": "index", "b/index.html": "b changed"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("site:\n got %v\nwant %v", got, want)
	}
	if leftovers, _ := afero.Glob(fsys, ".public-new-*"); len(leftovers) > 0 {
		t.Errorf("staging folders left behind: %v", leftovers)
	}
}

func TestAbortLeavesOutputUnchanged(t *testing.T) {
	fsys := afero.NewMemMapFs()
	writeSite(t, fsys, "public", map[string]string{"index.html": "good"})
	before := sitetest.Tree(t, fsys, ".")
	abortHalfBuild(t, fsys)
	if after := sitetest.Tree(t, fsys, "."); !reflect.DeepEqual(after, before) {
		t.Errorf("after abort:\n got %v\nwant %v", after, before)
	}
}

func TestWriteTwiceIsAnError(t *testing.T) {
	fsys := afero.NewMemMapFs()
	out := mustBegin(t, fsys, "public")
	defer out.Abort()
	if err := out.Write("a/index.html", []byte("1")); err != nil {
		t.Fatal(err)
	}
	if err := out.Write("a/index.html", []byte("2")); err == nil || !strings.Contains(err.Error(), "written twice") {
		t.Errorf("second write: err = %v, want 'written twice'", err)
	}
}

func TestBeginRefusesForeignFolders(t *testing.T) {
	tests := []struct {
		name  string
		setup map[string]string
		dir   string
		want  string
	}{
		{name: "current folder", dir: ".", want: "refusing to replace the current or root folder"},
		{name: "root", dir: "/", want: "refusing to replace the current or root folder"},
		{name: "folder of one's own", setup: map[string]string{"notes/todo.txt": "keep me"}, dir: "notes", want: "not made by gen"},
		{name: "a file", setup: map[string]string{"public": "file"}, dir: "public", want: "is a file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := sitetest.MapFs(t, tt.setup)
			_, err := Begin(fsys, tt.dir)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Begin(%q) error = %v, want one containing %q", tt.dir, err, tt.want)
			}
			for p, data := range tt.setup {
				if got, _ := afero.ReadFile(fsys, p); string(got) != data {
					t.Errorf("%s changed to %q", p, got)
				}
			}
		})
	}
}

func TestBeginAcceptsEmptyFolder(t *testing.T) {
	fsys := afero.NewMemMapFs()
	if err := fsys.MkdirAll("public", 0o755); err != nil {
		t.Fatal(err)
	}
	writeSite(t, fsys, "public", map[string]string{"index.html": "x"})
	if got, _ := afero.ReadFile(fsys, "public/index.html"); string(got) != "x" {
		t.Errorf("index.html = %q, want x", got)
	}
}

func TestRebuildRestoresDeletedFiles(t *testing.T) {
	fsys := afero.NewMemMapFs()
	site := map[string]string{"index.html": "index", "a/index.html": "a"}
	writeSite(t, fsys, "public", site)
	if err := fsys.Remove("public/a/index.html"); err != nil {
		t.Fatal(err)
	}
	if n := writeSite(t, fsys, "public", site).Written(); n != 1 {
		t.Errorf("rebuild after a deleted file wrote %d files, want 1", n)
	}
	if got, _ := afero.ReadFile(fsys, "public/a/index.html"); string(got) != "a" {
		t.Errorf("a/index.html = %q, want it restored", got)
	}
}

func TestNote(t *testing.T) {
	fsys := afero.NewMemMapFs()
	out := mustBegin(t, fsys, "public")
	if err := out.Write("index.html", []byte("x")); err != nil {
		t.Fatal(err)
	}
	out.SetNote("input 123\nsecond line")
	if err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	if note, intact := Note(fsys, "public"); note != "input 123\nsecond line" || !intact {
		t.Errorf("Note = %q, %v; want %q, true", note, intact, "input 123\nsecond line")
	}
	if err := fsys.Remove("public/index.html"); err != nil {
		t.Fatal(err)
	}
	if _, intact := Note(fsys, "public"); intact {
		t.Error("Note says intact after a file was deleted")
	}
	if note, intact := Note(fsys, "elsewhere"); note != "" || intact {
		t.Errorf("Note of a missing folder = %q, %v", note, intact)
	}
}

// TestResumeKeepsFiles resumes from a committed site, keeps one file,
// rewrites another and drops a third, and checks the result and the
// errors of keeping what the previous build did not make.
func TestResumeKeepsFiles(t *testing.T) {
	fsys := afero.NewMemMapFs()
	first := writeSite(t, fsys, "public", map[string]string{"a/index.html": "a", "b/index.html": "b", "c/index.html": "c"})
	out, err := Resume(fsys, "public", first.Committed())
	if err != nil {
		t.Fatal(err)
	}
	if err := out.Keep("a/index.html"); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		paths []string
		err   string
	}{
		{[]string{"a/index.html"}, "written twice"},
		{[]string{"new/index.html"}, "made no such file"},
		{[]string{"../x"}, `element ".."`},
		{[]string{"gone/index.html", "c/index.html"}, "keep gone/index.html: the previous build made no such file"},
	} {
		if err := out.Keep(tt.paths...); err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("Keep(%q) = %v, want an error saying %q", tt.paths, err, tt.err)
		}
	}
	if err := out.Write("b/index.html", []byte("b2")); err != nil {
		t.Fatal(err)
	}
	if err := out.Write("c/index.html", []byte("c")); err != nil {
		t.Fatal(err)
	}
	if n := out.Written(); n != 1 {
		t.Errorf("Written() = %d after one changed and one unchanged file, want 1", n)
	}
	if err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	// A third build has the same files: the manifest keeps its order.
	third, err := Resume(fsys, "public", out.Committed())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"a/index.html", "c/index.html"} {
		if err := third.Keep(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := third.Write("b/index.html", []byte("b3")); err != nil {
		t.Fatal(err)
	}
	if err := third.Commit(); err != nil {
		t.Fatal(err)
	}
	got := siteOnly(t, fsys, "public")
	want := map[string]string{"a/index.html": "a", "b/index.html": "b3", "c/index.html": "c"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after resuming:\n got %v\nwant %v", got, want)
	}
	writeSite(t, fsys, "check", map[string]string{"c/index.html": "c", "b/index.html": "b3", "a/index.html": "a"})
	if m1, m2 := sitetest.Tree(t, fsys, "public")[Marker], sitetest.Tree(t, fsys, "check")[Marker]; m1 != m2 {
		t.Errorf("manifest after Keep differs from a fresh build's:\n%s\n%s", m1, m2)
	}
}

// TestResumeFallsBackWhenTheSiteChanged resumes from a Committed whose
// manifest is no longer the one on disk: the Output then reads the
// manifest again, as Begin does, and keeps nothing it cannot vouch for.
func TestResumeFallsBackWhenTheSiteChanged(t *testing.T) {
	fsys := afero.NewMemMapFs()
	first := writeSite(t, fsys, "public", map[string]string{"a/index.html": "a"})
	writeSite(t, fsys, "public", map[string]string{"b/index.html": "b"})
	out, err := Resume(fsys, "public", first.Committed())
	if err != nil {
		t.Fatal(err)
	}
	defer out.Abort()
	if err := out.Keep("a/index.html"); err == nil {
		t.Error("Keep of a file the current site no longer has: no error")
	}
	if err := out.Keep("b/index.html"); err != nil {
		t.Errorf("Keep of a file of the current site: %v", err)
	}
}

// TestWriteKeepsNoReference checks that the caller may reuse a file's
// bytes as soon as Write returns: the file on disk holds what was
// written, not what the buffer held later.
func TestWriteKeepsNoReference(t *testing.T) {
	fsys := afero.NewMemMapFs()
	out := mustBegin(t, fsys, "public")
	buf := []byte("first")
	for _, name := range []string{"a.html", "b.html"} {
		if err := out.Write(name, buf); err != nil {
			t.Fatal(err)
		}
		copy(buf, "XXXXX")
	}
	if err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	got := sitetest.Tree(t, fsys, "public")
	if got["a.html"] != "first" || got["b.html"] != "XXXXX" {
		t.Errorf("a.html = %q, b.html = %q, want %q and %q", got["a.html"], got["b.html"], "first", "XXXXX")
	}
}

// TestTamperedManifestCannotReachOutside gives the output folder a
// manifest that lists files outside it: a build drops those lines, and
// removes nothing outside the folder when the new site lacks them.
func TestTamperedManifestCannotReachOutside(t *testing.T) {
	fsys := sitetest.MapFs(t, map[string]string{
		"secret.txt":       "mine",
		"public/a.html":    "a",
		"public/" + Marker: markerHeader + strings.Repeat("0", 64) + "  ../secret.txt\n" + strings.Repeat("0", 64) + "  a.html\n" + strings.Repeat("0", 64) + "  /secret.txt\n",
	})
	out := mustBegin(t, fsys, "public")
	if err := out.Keep("../secret.txt"); err == nil {
		t.Error("Keep(../secret.txt) succeeded, want an error")
	}
	if err := out.Write("b.html", []byte("b")); err != nil {
		t.Fatal(err)
	}
	if err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	if data, err := afero.ReadFile(fsys, "secret.txt"); err != nil || string(data) != "mine" {
		t.Errorf("secret.txt outside the output folder = %q, %v after the build; want it untouched", data, err)
	}
	if _, err := fsys.Stat("public/a.html"); err == nil {
		t.Error("public/a.html, listed in the manifest and not in the new site, was not removed")
	}
}

// TestKeepRest resumes a site, writes one file anew and keeps the rest
// with KeepRest, from a Committed and from a manifest read back: the
// site and its manifest are those of a fresh build of the same files.
func TestKeepRest(t *testing.T) {
	for _, resumed := range []bool{true, false} {
		fsys := afero.NewMemMapFs()
		files := map[string]string{"a/index.html": "a", "b/index.html": "b", "c/index.html": "c", "feed.xml": "<feed/>"}
		first := writeSite(t, fsys, "public", files)
		var committed *Committed
		if resumed {
			committed = first.Committed()
		}
		out, err := Resume(fsys, "public", committed)
		if err != nil {
			t.Fatal(err)
		}
		if err := out.Write("b/index.html", []byte("b2")); err != nil {
			t.Fatal(err)
		}
		if err := out.Keep("c/index.html"); err != nil {
			t.Fatal(err)
		}
		out.KeepRest()
		if n := out.Files(); n != len(files) {
			t.Errorf("resumed %v: Files() = %d after KeepRest, want %d", resumed, n, len(files))
		}
		if err := out.Commit(); err != nil {
			t.Fatal(err)
		}
		files["b/index.html"] = "b2"
		writeSite(t, fsys, "check", files)
		got, want := sitetest.Tree(t, fsys, "public"), sitetest.Tree(t, fsys, "check")
		for p, data := range want {
			if got[p] != data {
				t.Errorf("resumed %v: %s differs from a fresh build's", resumed, p)
			}
		}
		if len(got) != len(want) {
			t.Errorf("resumed %v: %d files, want %d", resumed, len(got), len(want))
		}
	}
}

// TestLargeFilesWrittenWhole checks that files on either side of
// maxPooledBuffer (copied for the writers, or written at once) land
// whole, in a first build and in a rebuild that changes them.
func TestLargeFilesWrittenWhole(t *testing.T) {
	fsys := afero.NewMemMapFs()
	for _, fill := range []string{"a", "b"} {
		site := map[string]string{}
		for _, size := range []int{maxPooledBuffer - 1, maxPooledBuffer, maxPooledBuffer + 1, 3 * maxPooledBuffer} {
			site[fmt.Sprintf("f%d.json", size)] = strings.Repeat(fill, size)
		}
		if n := writeSite(t, fsys, "public", site).Written(); n != len(site) {
			t.Errorf("build of %q: wrote %d files, want %d", fill, n, len(site))
		}
		got := sitetest.Tree(t, fsys, "public")
		for p, data := range site {
			if got[p] != data {
				t.Errorf("build of %q: public/%s holds %d bytes, want %d of %q", fill, p, len(got[p]), len(data), fill)
			}
		}
	}
}
