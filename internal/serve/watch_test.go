package serve

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// testSettle is the quiet window of the tests: longer than the default
// so that a slow machine does not split one test's changes in two.
const testSettle = 100 * time.Millisecond

// watchTest is a server watching a content folder on disk, with the
// changed lists its builds were given.
type watchTest struct {
	root   string
	server *Server
	builds chan []string
	log    bytes.Buffer
}

// newWatchTest makes a content folder holding files (paths relative to
// it) and a server watching it whose builds report on wt.builds; build,
// when not nil, runs inside each build. Builds that overlap fail the test.
func newWatchTest(t *testing.T, files []string, build func()) *watchTest {
	t.Helper()
	var running atomic.Int32
	wt := &watchTest{root: filepath.Join(t.TempDir(), "content"), builds: make(chan []string, 16)}
	if err := os.Mkdir(wt.root, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		writeFile(t, wt.path(name))
	}
	wt.server = New(Options{
		Watch:    []string{wt.root, filepath.Join(filepath.Dir(wt.root), "templates")},
		Log:      &wt.log,
		Settle:   testSettle,
		Interval: 10 * time.Millisecond,
		Build: func(changed []string) error {
			if running.Add(1) > 1 {
				t.Errorf("a build started while another ran (changed = %q)", changed)
			}
			defer running.Add(-1)
			wt.builds <- changed
			if build != nil {
				build()
			}
			return nil
		},
	})
	return wt
}

// path returns the path of name, relative to the content folder, as
// the builds are told it.
func (wt *watchTest) path(name string) string {
	return filepath.Join(wt.root, filepath.FromSlash(name))
}

// paths returns the paths of names.
func (wt *watchTest) paths(names ...string) []string {
	var paths []string
	for _, name := range names {
		paths = append(paths, wt.path(name))
	}
	return paths
}

// run runs the watching loop until the test ends.
func (wt *watchTest) run(t *testing.T, loop func(context.Context)) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		loop(ctx)
		close(done)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
}

// startEvents runs the event watcher until the test ends.
func (wt *watchTest) startEvents(t *testing.T) {
	t.Helper()
	events, err := wt.server.startEvents(fsnotify.NewWatcher)
	if err != nil {
		t.Fatal(err)
	}
	wt.run(t, func(ctx context.Context) {
		if err := events.run(ctx); err != nil {
			t.Errorf("watching stopped: %v", err)
		}
	})
}

// collect gathers builds until together they name the files want,
// checking that each is sorted, has no duplicates and names nothing
// else. A slow machine may split one test's changes over two builds.
func (wt *watchTest) collect(t *testing.T, want []string) {
	t.Helper()
	seen := map[string]bool{}
	for len(seen) < len(want) {
		got := wt.next(t)
		if got == nil || !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
			t.Fatalf("changed = %q, want sorted paths without duplicates", got)
		}
		for _, path := range got {
			if !slices.Contains(want, path) {
				t.Fatalf("changed = %q, want only %q", got, want)
			}
			seen[path] = true
		}
	}
}

// nextKnown returns the changed list of the next build that knows it,
// skipping those of folders still being made.
func (wt *watchTest) nextKnown(t *testing.T) []string {
	t.Helper()
	for {
		if changed := wt.next(t); changed != nil {
			return changed
		}
	}
}

// next returns the changed list of the next build.
func (wt *watchTest) next(t *testing.T) []string {
	t.Helper()
	select {
	case changed := <-wt.builds:
		return changed
	case <-time.After(5 * time.Second):
		t.Fatal("no build within 5s")
		return nil
	}
}

func writeFile(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(time.Now().String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func rename(t *testing.T, from, to string) {
	t.Helper()
	if err := os.Rename(from, to); err != nil {
		t.Fatal(err)
	}
}

func remove(t *testing.T, path string) {
	t.Helper()
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
}

func TestWatchReportsChangedFiles(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		act   func(t *testing.T, wt *watchTest)
		want  []string
	}{
		{
			name:  "write",
			files: []string{"site.yaml"},
			act:   func(t *testing.T, wt *watchTest) { writeFile(t, wt.path("site.yaml")) },
			want:  []string{"site.yaml"},
		},
		{
			name: "create",
			act:  func(t *testing.T, wt *watchTest) { writeFile(t, wt.path("people.yaml")) },
			want: []string{"people.yaml"},
		},
		{
			name:  "create in a subfolder",
			files: []string{"entries/a.yaml"},
			act:   func(t *testing.T, wt *watchTest) { writeFile(t, wt.path("entries/b.yaml")) },
			want:  []string{"entries/b.yaml"},
		},
		{
			name:  "remove",
			files: []string{"entries/a.yaml"},
			act:   func(t *testing.T, wt *watchTest) { remove(t, wt.path("entries/a.yaml")) },
			want:  []string{"entries/a.yaml"},
		},
		{
			name:  "rename gives both names",
			files: []string{"entries/a.yaml", "articles/x.md"},
			act: func(t *testing.T, wt *watchTest) {
				rename(t, wt.path("entries/a.yaml"), wt.path("entries/b.yaml"))
				rename(t, wt.path("articles/x.md"), wt.path("entries/x.md"))
			},
			want: []string{"articles/x.md", "entries/a.yaml", "entries/b.yaml", "entries/x.md"},
		},
		{
			name:  "editor writes a temporary file and renames it over the target",
			files: []string{"articles/x.md"},
			act: func(t *testing.T, wt *watchTest) {
				writeFile(t, wt.path("articles/.x.md.tmp"))
				rename(t, wt.path("articles/.x.md.tmp"), wt.path("articles/x.md"))
			},
			want: []string{"articles/x.md"},
		},
		{
			name:  "editor keeps a backup~ while writing",
			files: []string{"articles/x.md"},
			act: func(t *testing.T, wt *watchTest) {
				rename(t, wt.path("articles/x.md"), wt.path("articles/x.md~"))
				writeFile(t, wt.path("articles/x.md"))
				remove(t, wt.path("articles/x.md~"))
			},
			want: []string{"articles/x.md"},
		},
		{
			name:  "several changes: sorted, without duplicates",
			files: []string{"site.yaml", "people.yaml", "entries/a.yaml"},
			act: func(t *testing.T, wt *watchTest) {
				writeFile(t, wt.path("site.yaml"))
				writeFile(t, wt.path("entries/a.yaml"))
				writeFile(t, wt.path("site.yaml"))
				remove(t, wt.path("people.yaml"))
				writeFile(t, wt.path("entries/a.yaml"))
			},
			want: []string{"entries/a.yaml", "people.yaml", "site.yaml"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			wt := newWatchTest(t, tt.files, nil)
			wt.startEvents(t)
			tt.act(t, wt)
			wt.collect(t, wt.paths(tt.want...))
		})
	}
}

func TestWatchNewFolderIsUnknownThenWatched(t *testing.T) {
	tests := []struct {
		name   string
		folder string
	}{
		{"one folder", "entries"},
		{"nested folders made at once", "articles/2024/march"},
		{"the watched folder itself, missing at the start", "../templates/partials"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			wt := newWatchTest(t, nil, nil)
			wt.startEvents(t)
			if err := os.MkdirAll(wt.path(tt.folder), 0o755); err != nil {
				t.Fatal(err)
			}
			if got := wt.next(t); got != nil {
				t.Fatalf("after a new folder, changed = %q, want nil (unknown)", got)
			}
			file := tt.folder + "/a.yaml"
			writeFile(t, wt.path(file))
			if got, want := wt.nextKnown(t), wt.paths(file); !slices.Equal(got, want) {
				t.Errorf("after a write in the new folder, changed = %q, want %q", got, want)
			}
		})
	}
}

func TestWatchMovedFolderIsUnknownAndForgotten(t *testing.T) {
	wt := newWatchTest(t, []string{"entries/2024/a.yaml"}, nil)
	wt.startEvents(t)
	moved := filepath.Join(t.TempDir(), "entries")
	rename(t, wt.path("entries"), moved)
	if got := wt.next(t); got != nil {
		t.Fatalf("after moving a folder out, changed = %q, want nil (unknown)", got)
	}
	// A write in the moved folders is no change of the site.
	writeFile(t, filepath.Join(moved, "2024", "a.yaml"))
	writeFile(t, wt.path("site.yaml"))
	if got, want := wt.next(t), wt.paths("site.yaml"); !slices.Equal(got, want) {
		t.Errorf("changed = %q, want %q", got, want)
	}
}

func TestWatchBurstIsOneBuild(t *testing.T) {
	var files, want []string
	for i := range 20 {
		name := "entries/" + string(rune('a'+i)) + ".yaml"
		want = append(want, name)
		if i%2 == 0 {
			files = append(files, name)
		}
	}
	wt := newWatchTest(t, files, nil)
	wt.server.opts.Settle = time.Second // far longer than the burst
	wt.startEvents(t)
	for _, name := range want {
		writeFile(t, wt.path(name))
	}
	if got, want := wt.next(t), wt.paths(want...); !slices.Equal(got, want) {
		t.Fatalf("changed = %q, want all %d files in one build: %q", got, len(want), want)
	}
	// A build left over from the burst would come before this one.
	writeFile(t, wt.path("site.yaml"))
	if got, want := wt.next(t), wt.paths("site.yaml"); !slices.Equal(got, want) {
		t.Errorf("next build: changed = %q, want %q", got, want)
	}
}

func TestWatchChangesDuringABuildMakeOneMore(t *testing.T) {
	release := make(chan struct{})
	wt := newWatchTest(t, []string{"entries/old.yaml"}, func() { <-release })
	wt.startEvents(t)
	writeFile(t, wt.path("a.yaml"))
	if got, want := wt.next(t), wt.paths("a.yaml"); !slices.Equal(got, want) {
		t.Fatalf("first build: changed = %q, want %q", got, want)
	}
	writeFile(t, wt.path("b.yaml"))
	writeFile(t, wt.path("entries/c.yaml"))
	writeFile(t, wt.path("b.yaml"))
	// Not an assertion: lets the batch settle while the first build runs.
	time.Sleep(3 * testSettle)
	close(release)
	if got, want := wt.next(t), wt.paths("b.yaml", "entries/c.yaml"); !slices.Equal(got, want) {
		t.Errorf("build after the first: changed = %q, want %q", got, want)
	}
}

func TestWatchIgnoresEditorFiles(t *testing.T) {
	tests := []struct {
		name string
		act  func(t *testing.T, wt *watchTest)
	}{
		{"dot file", func(t *testing.T, wt *watchTest) { writeFile(t, wt.path(".DS_Store")) }},
		{"vim swap file", func(t *testing.T, wt *watchTest) { writeFile(t, wt.path("entries/.a.yaml.swp")) }},
		{"swap file not hidden", func(t *testing.T, wt *watchTest) { writeFile(t, wt.path("a.yaml.swp")) }},
		{"backup~", func(t *testing.T, wt *watchTest) { writeFile(t, wt.path("entries/a.yaml~")) }},
		{"removed backup~", func(t *testing.T, wt *watchTest) { remove(t, wt.path("entries/b.yaml~")) }},
		{"hidden folder and its files", func(t *testing.T, wt *watchTest) {
			writeFile(t, wt.path(".git/index"))
			writeFile(t, wt.path(".git/index"))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			wt := newWatchTest(t, []string{"entries/b.yaml~"}, nil)
			wt.startEvents(t)
			tt.act(t, wt)
			// Ignored events make no build of their own, so the next one
			// is the marker's, and holds it alone.
			writeFile(t, wt.path("marker.yaml"))
			if got, want := wt.next(t), wt.paths("marker.yaml"); !slices.Equal(got, want) {
				t.Errorf("changed = %q, want %q", got, want)
			}
		})
	}
}

func TestWatchFallsBackToPolling(t *testing.T) {
	wt := newWatchTest(t, []string{"site.yaml"}, nil)
	loop := wt.server.startWatching(func() (*fsnotify.Watcher, error) {
		return nil, errors.New("too many open files")
	})
	if log := wt.log.String(); strings.Count(log, "\n") != 1 || !strings.Contains(log, "too many open files") || !strings.Contains(log, "polling") {
		t.Errorf("log = %q, want one line saying why it polls", log)
	}
	wt.run(t, loop)
	writeFile(t, wt.path("entries/a.yaml"))
	if got := wt.next(t); got != nil {
		t.Errorf("polling: changed = %q, want nil (unknown)", got)
	}
}

func TestNewSettlesForTenMilliseconds(t *testing.T) {
	if got := New(Options{}).opts.Settle; got != 10*time.Millisecond {
		t.Errorf("default Settle = %s, want 10ms", got)
	}
}
