package serve

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// startWatching begins watching the folders of Options.Watch through the
// file events of a watcher made by newWatcher, and returns the loop that
// rebuilds on change until its context is done. When file events cannot
// be had, at the start or later, it says so in one line of the log and
// polls instead.
func (s *Server) startWatching(newWatcher func() (*fsnotify.Watcher, error)) func(context.Context) {
	events, err := s.startEvents(newWatcher)
	if err != nil {
		s.logPolling(err)
		return s.startPolling()
	}
	return func(ctx context.Context) {
		err := events.run(ctx)
		if err == nil {
			return
		}
		s.logPolling(err)
		poll := s.startPolling()
		s.Rebuild(nil)
		poll(ctx)
	}
}

// logPolling tells the user why the folders are polled.
func (s *Server) logPolling(err error) {
	fmt.Fprintf(s.opts.Log, "no file events (%v); polling every %s instead\n", err, s.opts.Interval)
}

// startPolling takes a snapshot of the watched folders and returns the
// loop that scans them every Interval and rebuilds everything when the
// snapshot changed.
func (s *Server) startPolling() func(context.Context) {
	last := Snapshot(s.opts.Watch)
	return func(ctx context.Context) {
		ticker := time.NewTicker(s.opts.Interval)
		defer ticker.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
				if now := Snapshot(s.opts.Watch); now != last {
					last = now
					s.Rebuild(nil)
				}
			}
		}
	}
}

// Snapshot returns a string that changes whenever a file under dirs is
// added, removed, resized or modified.
func Snapshot(dirs []string) string {
	var lines []string
	for _, dir := range dirs {
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil {
				lines = append(lines, fmt.Sprintf("%s %d %d", p, info.Size(), info.ModTime().UnixNano()))
			}
			return nil
		})
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// eventWatcher turns the file events under the watched folders into
// rebuilds, each told which files changed.
type eventWatcher struct {
	s       *Server
	w       *fsnotify.Watcher
	roots   []string        // the folders of Options.Watch, cleaned
	folders map[string]bool // the folders watched: the roots and those below
}

// startEvents watches every folder under the roots, and the parent of
// each root so that a root made or removed later is seen too.
func (s *Server) startEvents(newWatcher func() (*fsnotify.Watcher, error)) (*eventWatcher, error) {
	w, err := newWatcher()
	if err != nil {
		return nil, fmt.Errorf("start file watcher: %w", err)
	}
	e := &eventWatcher{s: s, w: w, folders: map[string]bool{}}
	for _, dir := range s.opts.Watch {
		if dir == "" {
			continue
		}
		root := filepath.Clean(dir)
		e.roots = append(e.roots, root)
		// Best effort: without it only a root that appears later is missed.
		_ = w.Add(filepath.Dir(root))
	}
	if err := e.addRoots(); err != nil {
		_ = w.Close()
		return nil, err
	}
	return e, nil
}

// run rebuilds once for each batch of changes, a batch ending when no
// event came for Options.Settle and the previous build is done; it
// returns nil when ctx is done and an error when the folders can no
// longer be watched.
func (e *eventWatcher) run(ctx context.Context) error {
	defer e.w.Close()
	var (
		batch    changes
		settle   = time.NewTimer(e.s.opts.Settle)
		quiet    <-chan time.Time // settle's channel while events are settling
		building bool
		built    = make(chan struct{}, 1)
	)
	settle.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-e.w.Events:
			if !ok {
				return errors.New("file watcher stopped")
			}
			counts, err := e.note(&batch, ev)
			if err != nil {
				return err
			}
			if !counts {
				continue
			}
			settle.Reset(e.s.opts.Settle)
			quiet = settle.C
		case err, ok := <-e.w.Errors:
			if !ok {
				return errors.New("file watcher stopped")
			}
			// Events were lost, folders made among them perhaps.
			fmt.Fprintf(e.s.opts.Log, "file events: %v; rebuilding everything\n", err)
			if err := e.addRoots(); err != nil {
				return err
			}
			batch.unknown = true
			settle.Reset(e.s.opts.Settle)
			quiet = settle.C
		case <-quiet:
			quiet = nil
		case <-built:
			building = false
		}
		if quiet == nil && !building && batch.pending() {
			changed := batch.take()
			building = true
			go func() {
				e.s.Rebuild(changed)
				built <- struct{}{}
			}()
		}
	}
}

// note adds the change ev reports to batch and says whether it counts:
// events outside the watched folders, on editors' temporary files, or
// on permissions alone do not. A folder made is watched, with those
// below it, and a folder removed or moved is forgotten; either makes the
// batch unknown, since files in it may have been missed.
func (e *eventWatcher) note(batch *changes, ev fsnotify.Event) (bool, error) {
	name := filepath.Clean(ev.Name)
	if !ev.Has(fsnotify.Create|fsnotify.Write|fsnotify.Remove|fsnotify.Rename) || ignored(name) || !e.watched(name) {
		return false, nil
	}
	if ev.Has(fsnotify.Remove|fsnotify.Rename) && e.folders[name] {
		e.forget(name)
		batch.unknown = true
		return true, nil
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Lstat(name); err == nil && info.IsDir() {
			if err := e.add(name); err != nil {
				return false, err
			}
			batch.unknown = true
			return true, nil
		}
	}
	batch.add(name)
	return true, nil
}

// addRoots watches every folder under the roots; a root that does not
// exist is skipped.
func (e *eventWatcher) addRoots() error {
	for _, root := range e.roots {
		if err := e.add(root); err != nil {
			return err
		}
	}
	return nil
}

// add watches dir and every folder below it but hidden ones; a folder
// gone by the time it is added is no error.
func (e *eventWatcher) add(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != dir && ignored(p) {
			return filepath.SkipDir
		}
		if err := e.w.Add(p); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return filepath.SkipDir
			}
			return fmt.Errorf("watch %s: %w", p, err)
		}
		e.folders[p] = true
		return nil
	})
}

// forget stops watching dir and the folders below it, which are gone or
// have moved.
func (e *eventWatcher) forget(dir string) {
	for folder := range e.folders {
		if within(dir, folder) {
			// The watch may have gone with the folder already.
			_ = e.w.Remove(folder)
			delete(e.folders, folder)
		}
	}
}

// watched reports whether name is a root or lies under one.
func (e *eventWatcher) watched(name string) bool {
	for _, root := range e.roots {
		if within(root, name) {
			return true
		}
	}
	return false
}

// within reports whether name is dir or lies under it.
func within(dir, name string) bool {
	rel, err := filepath.Rel(dir, name)
	return err == nil && filepath.IsLocal(rel)
}

// ignored reports whether name is hidden or an editor's temporary file:
// its base name starts with "." or ends with "~" or ".swp".
func ignored(name string) bool {
	base := filepath.Base(name)
	return strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp")
}

// changes collects the files changed since the last build.
type changes struct {
	files   map[string]bool
	unknown bool // something changed whose files are not all known
}

// add records that the file name changed.
func (c *changes) add(name string) {
	if c.files == nil {
		c.files = map[string]bool{}
	}
	c.files[name] = true
}

// pending reports whether anything changed.
func (c *changes) pending() bool {
	return c.unknown || len(c.files) > 0
}

// take returns the files changed, sorted, or nil when they are unknown,
// and empties c.
func (c *changes) take() []string {
	defer func() { *c = changes{} }()
	if c.unknown {
		return nil
	}
	return slices.Sorted(maps.Keys(c.files))
}
