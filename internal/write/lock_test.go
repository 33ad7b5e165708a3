package write

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

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
