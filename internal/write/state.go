package write

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/spf13/afero"
)

// stateDir is the folder, below the user's cache folder, where builds
// keep their notes (SetNote): one file per output folder.
const stateDir = "timeline-gen"

// keptStates is how many output folders' notes are kept: the oldest of
// more are removed, so that builds into ever new temporary folders (as
// in CI) do not fill the cache.
const keptStates = 32

// statePath returns the file where a build of the output folder dir
// keeps its note: in the user's cache folder (os.UserCacheDir), named by
// a hash of dir's absolute path, so that nothing is written beside the
// output folder, and nothing that is not the site inside it. It returns
// "" when there is no cache folder: builds then keep no note.
//
// A file system that is not the operating system's (an in-memory one,
// in tests) has no cache folder: its notes are kept in memory
// (memStates).
func statePath(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	return cacheFile(abs, ".state")
}

// SetNote records text for the next build to read back with Note: the
// build keeps there what it needs to tell that nothing changed. It is
// written when the build commits (see statePath).
func (o *Output) SetNote(note string) {
	o.note = note
}

// Note returns the note the build that made dir recorded, and whether
// the site is still as that build left it: the manifest it wrote, and
// every file the manifest lists. It returns "", false when dir holds no
// generated site or no note.
func Note(fsys afero.Fs, dir string) (note string, intact bool) {
	dir = filepath.Clean(dir)
	state, ok := loadState(fsys, dir)
	if !ok {
		return "", false
	}
	sum, text, ok := strings.Cut(state, "\n")
	if !ok {
		return "", false
	}
	manifest, err := afero.ReadFile(fsys, filepath.Join(dir, Marker))
	if err != nil || sum != manifestSum(manifest) {
		return "", false
	}
	for p := range parseManifest(manifest) {
		info, err := fsys.Stat(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil || info.IsDir() {
			return text, false
		}
	}
	return text, true
}

// writeState records the site as committed, with spareDiff telling how
// the spare folder differs from it, and writes the note, tied to the
// manifest; a build without a note removes any old one. The site is in
// place by then: an error here says so.
func (o *Output) writeState(manifest []byte, spareDiff map[string]spareFile) error {
	o.mu.Lock()
	marker, _ := stampOf(o.fs, filepath.Join(o.dir, Marker))
	spareMarker, _ := stampOf(o.fs, filepath.Join(o.spare.root, Marker))
	o.committed = &Committed{hashes: o.hashes, marker: marker, spareMarker: spareMarker, spareDiff: spareDiff}
	if o.resumable {
		o.committed.manifest = o.manifestBytes
	}
	o.mu.Unlock()
	if err := o.saveNote(manifestSum(manifest)); err != nil {
		return &OutputError{Err: err, State: fmt.Sprintf("%s holds the new site, but its note for the next build was not saved; the next build builds again instead of saying up to date", o.dir)}
	}
	return nil
}

// saveNote writes the note for the site whose manifest's hash is sum, or
// removes the last one when there is none.
func (o *Output) saveNote(sum string) error {
	if osPaths(o.fs) == nil {
		memStates.save(o.fs, o.dir, sum, o.note)
		return nil
	}
	p := statePath(o.dir)
	if p == "" {
		return nil
	}
	if o.note == "" {
		if err := o.fs.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("remove %s: %w", p, err)
		}
		return nil
	}
	if err := o.fs.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", p, err)
	}
	if err := afero.WriteFile(o.fs, p, []byte(sum+"\n"+o.note), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", p, err)
	}
	pruneStates(o.fs, filepath.Dir(p))
	return nil
}

// pruneStates removes the oldest notes in dir beyond keptStates. It
// reads the files' times only when there are too many of them.
func pruneStates(fsys afero.Fs, dir string) {
	if !tooMany(fsys, dir, ".state") {
		return
	}
	entries, err := afero.ReadDir(fsys, dir)
	if err != nil {
		return
	}
	var states []os.FileInfo
	for _, e := range entries {
		if e.Mode().IsRegular() && strings.HasSuffix(e.Name(), ".state") {
			states = append(states, e)
		}
	}
	sort.Slice(states, func(i, j int) bool { return states[i].ModTime().After(states[j].ModTime()) })
	for _, e := range states[min(keptStates, len(states)):] {
		_ = fsys.Remove(filepath.Join(dir, e.Name()))
	}
}

// loadState returns what the last build of dir saved: the manifest's
// hash, a newline and the note.
func loadState(fsys afero.Fs, dir string) (string, bool) {
	if osPaths(fsys) == nil {
		return memStates.load(fsys, dir)
	}
	p := statePath(dir)
	if p == "" {
		return "", false
	}
	data, err := afero.ReadFile(fsys, p)
	return string(data), err == nil
}

// memStates holds the notes of builds into file systems that are not the
// operating system's.
var memStates = &memoryStates{}

// memoryStates holds the notes of the keptStates output folders last
// built, each with its file system.
type memoryStates struct {
	mu     sync.Mutex
	states []memoryState
}

type memoryState struct {
	fs    afero.Fs
	dir   string
	state string
}

// sameFs reports whether a and b are the same file system; file systems
// of a type that cannot be compared never are.
func sameFs(a, b afero.Fs) bool {
	return reflect.TypeOf(a) == reflect.TypeOf(b) && reflect.TypeOf(a).Comparable() && a == b
}

// load returns the state saved for dir in fsys.
func (m *memoryStates) load(fsys afero.Fs, dir string) (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, s := range m.states {
		if sameFs(s.fs, fsys) && s.dir == dir {
			return s.state, true
		}
	}
	return "", false
}

// save saves the state of dir in fsys (none when note is empty), in
// place of the oldest beyond keptStates.
func (m *memoryStates) save(fsys afero.Fs, dir, sum, note string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	kept := m.states[:0]
	for _, s := range m.states {
		if !sameFs(s.fs, fsys) || s.dir != dir {
			kept = append(kept, s)
		}
	}
	if note != "" {
		kept = append(kept, memoryState{fs: fsys, dir: dir, state: sum + "\n" + note})
	}
	if len(kept) > keptStates {
		kept = kept[len(kept)-keptStates:]
	}
	m.states = kept
}

// tooMany reports whether the folder dir holds more than keptStates
// files named with ext, by their names alone.
func tooMany(fsys afero.Fs, dir, ext string) bool {
	f, err := fsys.Open(dir)
	if err != nil {
		return false
	}
	defer f.Close()
	names, err := f.Readdirnames(-1)
	if err != nil {
		return false
	}
	n := 0
	for _, name := range names {
		if strings.HasSuffix(name, ext) {
			n++
		}
	}
	return n > keptStates
}
