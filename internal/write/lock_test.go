package write

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"
)

// TestTwoBuildsAtOnceAreLocked starts a build of an output folder while
// another one writes it: the second one fails with an error saying so,
// whether it begins or resumes, and leaves the first one's work alone;
// once the first one commits (or aborts), the next build goes ahead.
// Without a cache folder the lock is on the output's parent folder, and
// nothing is written beside the output folder either way.
func TestTwoBuildsAtOnceAreLocked(t *testing.T) {
	if !canLock {
		t.Skip("no flock on this system")
	}
	for _, cache := range []bool{true, false} {
		root := t.TempDir()
		if cache {
			t.Setenv("XDG_CACHE_HOME", t.TempDir())
		} else {
			t.Setenv("XDG_CACHE_HOME", "")
			t.Setenv("HOME", "")
		}
		fsys := afero.NewBasePathFs(afero.NewOsFs(), root)
		first, err := Begin(fsys, "public")
		if err != nil {
			t.Fatal(err)
		}
		writeAll(t, first, siteVersion(0))
		for name, start := range map[string]func() (*Output, error){
			"begin":  func() (*Output, error) { return Begin(fsys, "public") },
			"resume": func() (*Output, error) { return Resume(fsys, "public", nil) },
		} {
			if _, err := start(); err == nil || !strings.Contains(err.Error(), "another build is writing it") {
				t.Errorf("cache %v: %s while another build writes: err = %v, want another build is writing it", cache, name, err)
			}
		}
		if err := first.Commit(); err != nil {
			t.Fatalf("cache %v: the first build: %v", cache, err)
		}
		if got := siteOnly(t, fsys, "public"); len(got) != len(siteVersion(0)) {
			t.Errorf("cache %v: the first build's site has %d files, want %d", cache, len(got), len(siteVersion(0)))
		}
		second, err := Resume(fsys, "public", first.Committed())
		if err != nil {
			t.Fatalf("cache %v: a build after the first: %v", cache, err)
		}
		second.Abort()
		if third, err := Begin(fsys, "public"); err != nil {
			t.Errorf("cache %v: a build after an aborted one: %v", cache, err)
		} else {
			third.Abort()
		}
		entries, err := os.ReadDir(root)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Name() != "public" && e.Name() != filepath.Base(sparePath("public")) {
				t.Errorf("cache %v: %s left beside the output folder", cache, e.Name())
			}
		}
	}
}

// TestPruneKeepsTheNewest fills the cache folder with more notes and
// lock files than keptStates: pruning keeps the newest of each, and a
// lock file a build holds, however old; with keptStates or fewer it
// leaves everything alone.
func TestPruneKeepsTheNewest(t *testing.T) {
	if !canLock {
		t.Skip("no flock on this system")
	}
	for _, n := range []int{keptStates, keptStates + 8} {
		dir := t.TempDir()
		start := time.Now().Add(-time.Hour)
		for i := range n {
			for _, ext := range []string{".state", ".lock"} {
				p := filepath.Join(dir, fmt.Sprintf("%02d%s", i, ext))
				if err := os.WriteFile(p, nil, 0o644); err != nil {
					t.Fatal(err)
				}
				at := start.Add(time.Duration(i) * time.Minute)
				if err := os.Chtimes(p, at, at); err != nil {
					t.Fatal(err)
				}
			}
		}
		held, err := os.OpenFile(filepath.Join(dir, "00.lock"), os.O_RDWR, 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := lockFile(held); err != nil {
			t.Fatal(err)
		}
		pruneStates(afero.NewOsFs(), dir)
		pruneLocks(dir)
		held.Close()
		for i := range n {
			for _, ext := range []string{".state", ".lock"} {
				name := fmt.Sprintf("%02d%s", i, ext)
				_, err := os.Stat(filepath.Join(dir, name))
				want := i >= n-keptStates || name == "00.lock"
				if got := err == nil; got != want {
					t.Errorf("%d files: %s kept = %v, want %v", n, name, got, want)
				}
			}
		}
	}
}
