package write

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/newsroom/timeline/internal/sitetest"
	"github.com/spf13/afero"
)

// siteOnly returns the files under dir, by their paths relative to it,
// but the manifest.
func siteOnly(t *testing.T, fsys afero.Fs, dir string) map[string]string {
	t.Helper()
	files := sitetest.Tree(t, fsys, dir)
	delete(files, Marker)
	return files
}

// siteVersion returns version v of a site of a few files: files change,
// appear and go from one version to the next, and a path is a file in
// some versions and a folder in others.
func siteVersion(v int) map[string]string {
	site := map[string]string{"index.html": fmt.Sprint("index ", v)}
	for i := range 6 {
		if (v+i)%3 != 0 {
			site[fmt.Sprintf("p%d/index.html", i)] = fmt.Sprintf("page %d of version %d", i, v/2)
		}
	}
	if v%2 == 0 {
		site["x"] = "x is a file"
	} else {
		site["x/index.html"] = "x is a folder"
	}
	return site
}

// TestSpareFollowsTwoBuildsBehind builds version after version, resumed
// or begun afresh, and checks after each that the output folder holds
// exactly the new version and the spare folder the one before: the
// spare folder is brought up to date from what changed, so any mistake
// in that would show here.
func TestSpareFollowsTwoBuildsBehind(t *testing.T) {
	fsys := afero.NewMemMapFs()
	rng := rand.New(rand.NewPCG(1, 2))
	var previous *Committed
	for v := range 30 {
		var out *Output
		var err error
		if rng.IntN(2) == 0 {
			out, err = Resume(fsys, "public", previous)
		} else {
			out, err = Begin(fsys, "public")
		}
		if err != nil {
			t.Fatal(err)
		}
		for p, data := range siteVersion(v) {
			if err := out.Write(p, []byte(data)); err != nil {
				t.Fatal(err)
			}
		}
		if err := out.Commit(); err != nil {
			t.Fatalf("version %d: %v", v, err)
		}
		previous = out.Committed()
		if got, want := siteOnly(t, fsys, "public"), siteVersion(v); !reflect.DeepEqual(got, want) {
			t.Fatalf("version %d: output folder:\n got %v\nwant %v", v, got, want)
		}
		if v == 0 {
			continue
		}
		if got, want := siteOnly(t, fsys, ".public-previous"), siteVersion(v-1); !reflect.DeepEqual(got, want) {
			t.Fatalf("version %d: spare folder:\n got %v\nwant %v", v, got, want)
		}
	}
}

// faultFs is a file system on which changes under paths holding deny
// fail as if the folder were read-only, and so do renames to a path
// ending in denyRename.
type faultFs struct {
	afero.Fs
	deny, denyRename string
}

func (f *faultFs) denied(name string) error {
	if f.deny != "" && strings.Contains(filepath.ToSlash(name), f.deny) {
		return &os.PathError{Op: "write", Path: name, Err: os.ErrPermission}
	}
	return nil
}

func (f *faultFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	if flag&(os.O_WRONLY|os.O_RDWR|os.O_CREATE) != 0 {
		if err := f.denied(name); err != nil {
			return nil, err
		}
	}
	return f.Fs.OpenFile(name, flag, perm)
}

func (f *faultFs) Create(name string) (afero.File, error) {
	return f.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

func (f *faultFs) Mkdir(name string, perm os.FileMode) error {
	if err := f.denied(name); err != nil {
		return err
	}
	return f.Fs.Mkdir(name, perm)
}

func (f *faultFs) MkdirAll(name string, perm os.FileMode) error {
	if err := f.denied(name); err != nil {
		return err
	}
	return f.Fs.MkdirAll(name, perm)
}

func (f *faultFs) Remove(name string) error {
	if err := f.denied(name); err != nil {
		return err
	}
	return f.Fs.Remove(name)
}

func (f *faultFs) RemoveAll(name string) error {
	if err := f.denied(name); err != nil {
		return err
	}
	return f.Fs.RemoveAll(name)
}

func (f *faultFs) Rename(from, to string) error {
	if f.denyRename != "" && strings.HasSuffix(filepath.ToSlash(to), f.denyRename) {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: os.ErrPermission}
	}
	return f.Fs.Rename(from, to)
}

// build writes site into public on fsys and commits it.
func build(fsys afero.Fs, site map[string]string) error {
	out, err := Begin(fsys, "public")
	if err != nil {
		return err
	}
	defer out.Abort()
	for p, data := range site {
		if err := out.Write(p, []byte(data)); err != nil {
			return err
		}
	}
	return out.Commit()
}

// buildVersions builds versions from to to-1 of siteVersion's site in
// turn, failing the test if one fails.
func buildVersions(t *testing.T, fsys afero.Fs, from, to int) {
	t.Helper()
	for v := from; v < to; v++ {
		if err := build(fsys, siteVersion(v)); err != nil {
			t.Fatalf("version %d: %v", v, err)
		}
	}
}

// checkNextBuild builds version v on fsys, which fails no more, and
// checks that it finishes what a failed build left: the output folder
// holds version v, and nothing is left beside it.
func checkNextBuild(t *testing.T, fsys afero.Fs, v int) {
	t.Helper()
	if err := build(fsys, siteVersion(v)); err != nil {
		t.Fatal(err)
	}
	if got, want := siteOnly(t, fsys, "public"), siteVersion(v); !reflect.DeepEqual(got, want) {
		t.Errorf("after the next build:\n got %v\nwant %v", got, want)
	}
	if beside, unfinished := leftovers(t, fsys); len(beside) > 0 || unfinished {
		t.Errorf("after the next build: left beside the output %v, spare folder unfinished %v", beside, unfinished)
	}
}

// leftovers returns what lies beside the output folder but the spare
// folder, and whether the spare folder is unfinished.
func leftovers(t *testing.T, fsys afero.Fs) (beside []string, unfinished bool) {
	t.Helper()
	entries, err := afero.ReadDir(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "public" && e.Name() != ".public-previous" {
			beside = append(beside, e.Name())
		}
	}
	_, unfinished = ours(fsys, ".public-previous")
	return beside, unfinished
}

// TestUnwritableSubfolder makes one subfolder unwritable in the middle
// of a rebuild: the build fails with an error that is not an
// OutputError (so gen says the output folder is unchanged), the output
// folder is byte for byte as it was, and the next build, with the folder
// writable again, finishes the job and leaves nothing behind.
func TestUnwritableSubfolder(t *testing.T) {
	fsys := &faultFs{Fs: afero.NewMemMapFs()}
	buildVersions(t, fsys, 0, 2)
	before := sitetest.Tree(t, fsys, "public")
	fsys.deny = "/p1/"
	err := build(fsys, siteVersion(4))
	if err == nil || !errors.Is(err, os.ErrPermission) {
		t.Fatalf("build with an unwritable folder: err = %v, want permission denied", err)
	}
	var changed *OutputError
	if errors.As(err, &changed) {
		t.Errorf("error says the output changed (%s); it did not", changed.State)
	}
	if after := sitetest.Tree(t, fsys, "public"); !reflect.DeepEqual(after, before) {
		t.Errorf("output folder changed by a failed build:\n got %v\nwant %v", after, before)
	}
	fsys.deny = ""
	checkNextBuild(t, fsys, 4)
}

// TestFailedSwapSaysWhatIsLeft fails both renames into the output folder
// of the three-rename swap: the output folder is then missing, the error
// is an OutputError saying so, and the next build puts the new site in
// place and removes the swap folder.
func TestFailedSwapSaysWhatIsLeft(t *testing.T) {
	fsys := &faultFs{Fs: afero.NewMemMapFs()}
	buildVersions(t, fsys, 0, 2)
	fsys.denyRename = "public"
	err := build(fsys, siteVersion(2))
	var changed *OutputError
	if !errors.As(err, &changed) || !strings.Contains(changed.State, "public is missing") || !strings.Contains(changed.State, "next build") {
		t.Fatalf("err = %v, want an OutputError saying public is missing and the next build repairs it", err)
	}
	if ok, _ := afero.Exists(fsys, "public"); ok {
		t.Fatal("public exists; the test's renames did not fail as meant")
	}
	fsys.denyRename = ""
	checkNextBuild(t, fsys, 2)
}

// TestFailureRemovesSpare aborts a build that wrote files: the spare
// folder it changed is removed, the output folder is as it was.
func TestFailureRemovesSpare(t *testing.T) {
	fsys := afero.NewMemMapFs()
	buildVersions(t, fsys, 0, 2)
	before := sitetest.Tree(t, fsys, "public")
	abortHalfBuild(t, fsys)
	if ok, _ := afero.Exists(fsys, ".public-previous"); ok {
		t.Error("spare folder left after a failed build")
	}
	if after := sitetest.Tree(t, fsys, "public"); !reflect.DeepEqual(after, before) {
		t.Error("output folder changed by a failed build")
	}
}

// TestLeftoversBesideOutput checks what a build does with what lies
// beside the output folder: this program's leftovers go, anything else
// stays, and a foreign folder where the spare folder goes stops the
// build.
func TestLeftoversBesideOutput(t *testing.T) {
	hexLine := strings.Repeat("ab", 32) + "\n"
	tests := []struct {
		name    string
		setup   map[string]string
		gone    []string
		kept    []string
		wantErr string
	}{
		{name: "swap folder of a stopped swap", setup: map[string]string{".public-swap/" + Marker: markerHeader, ".public-swap/a.html": "old"}, gone: []string{".public-swap"}},
		{name: "unfinished spare folder", setup: map[string]string{".public-previous/" + StagingMarker: stagingText, ".public-previous/junk.html": "half"}, gone: []string{".public-previous/junk.html"}},
		{name: "older gen's state file", setup: map[string]string{".public-state": hexLine + `{"input":"x"}`}, gone: []string{".public-state"}},
		{name: "someone's folder named like the swap folder", setup: map[string]string{".public-swap/notes.txt": "mine"}, kept: []string{".public-swap/notes.txt"}},
		{name: "someone's file named like the state file", setup: map[string]string{".public-state": "my notes\n"}, kept: []string{".public-state"}},
		{name: "someone's folder where the spare goes", setup: map[string]string{".public-previous/notes.txt": "mine"}, kept: []string{".public-previous/notes.txt"}, wantErr: "not made by gen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := sitetest.MapFs(t, tt.setup)
			err := build(fsys, siteVersion(0))
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("build: err = %v, want %q", err, tt.wantErr)
			}
			for _, p := range tt.gone {
				if ok, _ := afero.Exists(fsys, p); ok {
					t.Errorf("%s left in place", p)
				}
			}
			for _, p := range tt.kept {
				if got, _ := afero.ReadFile(fsys, p); string(got) != tt.setup[p] {
					t.Errorf("%s = %q, want it kept as %q", p, got, tt.setup[p])
				}
			}
		})
	}
}

// TestSymlinksInsideOutputAreNotFollowed plants symlinks to a folder
// outside in the output folder and in the spare folder, on the
// operating system's file system: builds replace them with real
// folders, and nothing is written, linked or removed outside.
func TestSymlinksInsideOutputAreNotFollowed(t *testing.T) {
	root := t.TempDir()
	outside := filepath.Join(root, "outside")
	if err := os.MkdirAll(filepath.Join(outside, "p2"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "p2", "index.html"), []byte("not the site's"), 0o644); err != nil {
		t.Fatal(err)
	}
	fsys := afero.NewBasePathFs(afero.NewOsFs(), root)
	buildVersions(t, fsys, 0, 2)
	for _, link := range []string{"public/p1", "public/p2", ".public-previous/p2", ".public-previous/p4"} {
		if err := os.RemoveAll(filepath.Join(root, link)); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(outside, filepath.Join(root, link)); err != nil {
			t.Fatal(err)
		}
	}
	for v := 2; v < 6; v++ {
		if err := build(fsys, siteVersion(v)); err != nil {
			t.Fatalf("version %d: %v", v, err)
		}
		if got, want := siteOnly(t, fsys, "public"), siteVersion(v); !reflect.DeepEqual(got, want) {
			t.Fatalf("version %d:\n got %v\nwant %v", v, got, want)
		}
	}
	got := sitetest.Tree(t, afero.NewOsFs(), outside)
	if want := map[string]string{"p2/index.html": "not the site's"}; !reflect.DeepEqual(got, want) {
		t.Errorf("outside folder changed: %v", got)
	}
}

// createCounter counts the files created on its file system.
type createCounter struct {
	afero.Fs
	mu      sync.Mutex
	created map[string]bool
}

func (c *createCounter) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	if flag&os.O_CREATE != 0 {
		c.mu.Lock()
		c.created[filepath.ToSlash(name)] = true
		c.mu.Unlock()
	}
	return c.Fs.OpenFile(name, flag, perm)
}

// TestResumedFirstBuildMirrorsSite checks that the first build of an
// Output that will be resumed (the preview's) leaves the spare folder a
// finished copy of the new site, so that the next build writes the one
// changed file and the manifest, not the whole site again; and that a
// build begun with Begin (gen's) leaves no spare folder.
func TestResumedFirstBuildMirrorsSite(t *testing.T) {
	for _, resumed := range []bool{true, false} {
		fsys := &createCounter{Fs: afero.NewMemMapFs(), created: map[string]bool{}}
		out, err := Begin(fsys, "public")
		if resumed {
			out, err = Resume(fsys, "public", nil)
		}
		if err != nil {
			t.Fatal(err)
		}
		writeAll(t, out, siteVersion(0))
		if err := out.Commit(); err != nil {
			t.Fatal(err)
		}
		spare, _ := afero.Exists(fsys, ".public-previous")
		if !resumed {
			if spare {
				t.Error("begun: a first build left a spare folder")
			}
			continue
		}
		if got, want := siteOnly(t, fsys, ".public-previous"), siteVersion(0); !reflect.DeepEqual(got, want) {
			t.Fatalf("resumed: spare folder after the first build:\n got %v\nwant %v", got, want)
		}
		if _, unfinished := ours(fsys, ".public-previous"); unfinished {
			t.Error("resumed: spare folder left unfinished")
		}
		out, err = Resume(fsys, "public", out.Committed())
		if err != nil {
			t.Fatal(err)
		}
		next := siteVersion(0)
		next["index.html"] = "index, edited"
		fsys.mu.Lock()
		fsys.created = map[string]bool{}
		fsys.mu.Unlock()
		writeAll(t, out, next)
		if err := out.Commit(); err != nil {
			t.Fatal(err)
		}
		var site []string
		for p := range fsys.created {
			if !strings.HasSuffix(p, StagingMarker) && !strings.HasSuffix(p, Marker) {
				site = append(site, p)
			}
		}
		if want := []string{".public-previous/index.html"}; !reflect.DeepEqual(site, want) {
			t.Errorf("resumed: second build created %v, want %v", site, want)
		}
		if got := siteOnly(t, fsys, "public"); !reflect.DeepEqual(got, next) {
			t.Errorf("resumed: output after the second build:\n got %v\nwant %v", got, next)
		}
	}
}

// writeAll writes site into out.
func writeAll(t *testing.T, out *Output, site map[string]string) {
	t.Helper()
	for p, data := range site {
		if err := out.Write(p, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
}

// TestFailedBuildsKeepResumedSpare builds version after version with
// Resume, as the preview does, and fails some builds: every fourth stops
// after it wrote part of its files, and the one after it fails in
// Commit on a folder of the spare folder that cannot be written (while
// writing, linking or removing there). A failed build leaves the output
// folder as it was and the spare folder unfinished, and the next build,
// resumed from what the failed one says of it, still leaves exactly the
// new version in place and the last committed one beside it, without
// copying the whole site into the spare folder again.
func TestFailedBuildsKeepResumedSpare(t *testing.T) {
	counter := &createCounter{Fs: afero.NewMemMapFs(), created: map[string]bool{}}
	fsys := &faultFs{Fs: counter}
	rng := rand.New(rand.NewPCG(3, 4))
	var previous *Committed
	last, lastSite := -1, map[string]string(nil)
	for v := range 40 {
		if v%4 == 3 {
			fsys.deny = fmt.Sprintf(".public-previous/p%d/", rng.IntN(6))
		}
		out, err := Resume(fsys, "public", previous)
		if err != nil {
			t.Fatal(err)
		}
		counter.mu.Lock()
		counter.created = map[string]bool{}
		counter.mu.Unlock()
		site := siteVersion(v)
		for i := range 20 {
			site[fmt.Sprintf("same/%d.html", i)] = "the same in every version"
		}
		var before map[string]string
		if v > 0 {
			before = sitetest.Tree(t, fsys, "public")
		}
		if v%4 == 2 {
			for p, data := range site {
				if rng.IntN(2) == 0 {
					if err := out.Write(p, []byte(data)); err != nil {
						t.Fatal(err)
					}
				}
			}
			out.Abort()
		} else {
			for p, data := range site {
				_ = out.Write(p, []byte(data)) // a denied write fails Commit
			}
			err = out.Commit()
		}
		fsys.deny = ""
		if v%4 == 2 || err != nil {
			if c := out.Committed(); c != nil {
				previous = c // else the failed build left the spare folder alone
			}
			if after := sitetest.Tree(t, fsys, "public"); !reflect.DeepEqual(after, before) {
				t.Fatalf("version %d: a failed build changed the output folder", v)
			}
			continue
		}
		previous = out.Committed()
		if got := siteOnly(t, fsys, "public"); !reflect.DeepEqual(got, site) {
			t.Fatalf("version %d: output folder:\n got %v\nwant %v", v, got, site)
		}
		if last >= 0 {
			if got, want := siteOnly(t, fsys, ".public-previous"), lastSite; !reflect.DeepEqual(got, want) {
				t.Fatalf("version %d: spare folder:\n got %v\nwant %v", v, got, want)
			}
			if _, unfinished := ours(fsys, ".public-previous"); unfinished {
				t.Fatalf("version %d: spare folder left unfinished", v)
			}
			for p := range counter.created {
				if strings.Contains(p, "/same/") {
					t.Fatalf("version %d: %s, the same in every version, was copied again", v, p)
				}
			}
		}
		last, lastSite = v, site
	}
}

// TestUnchangedRebuildAfterFirstBuild rebuilds, unchanged, a site that a
// first build made (and so has no spare folder beside it). A build of
// gen (Begin) then copies nothing: it leaves no spare folder. The
// preview's (Resume) fills the spare folder with the site, so that its
// next build need not. Either way the build after it, which changes one
// file, leaves the new site in place and the old one beside it.
func TestUnchangedRebuildAfterFirstBuild(t *testing.T) {
	tests := []struct {
		name    string
		start   func(afero.Fs) (*Output, error)
		wantNew int // files created by the unchanged rebuild, markers aside
	}{
		{name: "gen", start: func(fsys afero.Fs) (*Output, error) { return Begin(fsys, "public") }},
		{name: "preview", start: func(fsys afero.Fs) (*Output, error) { return Resume(fsys, "public", nil) }, wantNew: len(siteVersion(0))},
	}
	for _, tt := range tests {
		fsys := &createCounter{Fs: afero.NewMemMapFs(), created: map[string]bool{}}
		if err := build(fsys, siteVersion(0)); err != nil {
			t.Fatal(err)
		}
		fsys.created = map[string]bool{}
		out, err := tt.start(fsys)
		if err != nil {
			t.Fatal(err)
		}
		writeAll(t, out, siteVersion(0))
		if err := out.Commit(); err != nil {
			t.Fatal(err)
		}
		created := 0
		for p := range fsys.created {
			if !strings.HasSuffix(p, StagingMarker) && !strings.HasSuffix(p, Marker) {
				created++
			}
		}
		spare, _ := afero.Exists(fsys, ".public-previous")
		if created != tt.wantNew || spare != (tt.wantNew > 0) {
			t.Errorf("%s: unchanged rebuild created %d files, spare folder %v; want %d, %v", tt.name, created, spare, tt.wantNew, tt.wantNew > 0)
		}
		next := siteVersion(0)
		next["index.html"] = "index, edited"
		if err := build(fsys, next); err != nil {
			t.Fatal(err)
		}
		if got := siteOnly(t, fsys, "public"); !reflect.DeepEqual(got, next) {
			t.Errorf("%s: output after an edit:\n got %v\nwant %v", tt.name, got, next)
		}
		if got, want := siteOnly(t, fsys, ".public-previous"), siteVersion(0); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: spare folder after an edit:\n got %v\nwant %v", tt.name, got, want)
		}
	}
}
