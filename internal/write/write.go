// Package write is the write stage, the only one that touches the output
// folder.
//
// A build never writes into the published site. It writes the new site
// into a second folder beside the output folder, ".public-previous" for
// "public", which holds the site of the build before the last one, and
// then swaps the two folders in one step: renameat2(RENAME_EXCHANGE) on
// Linux, three renames elsewhere (see docs/publishing.md). The output
// folder thus always holds a whole site, the old one or the new one, and
// after the swap the previous site waits beside it for the next build.
// Bringing that folder up to date costs what changed in the last two
// builds only: a file whose content hash it already has is left alone,
// a file the current site has unchanged is hard-linked (or copied) from
// it, and only new or changed files are written. Files are always
// written as new files, never rewritten in place, so a linked file never
// changes under the published site.
//
// Paths are checked on the way in: no file can land outside the output
// folder, and no symlink inside it is followed. An existing output folder
// is replaced only when it holds the manifest (Marker) that this package
// writes, so pointing the output at a folder of one's own never deletes
// it; the folders beside it are touched only when they carry this
// package's markers. What a build keeps for the next one (SetNote) lives
// in the user's cache folder, never beside the output.
package write

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"sync"
	"time"

	"github.com/spf13/afero"
)

// Output is a site being written. Write files (from any goroutine), then
// Commit or Abort.
type Output struct {
	fs  afero.Fs
	dir string
	// spare is the folder beside dir that the new site is written into
	// (sparePath), and site the output folder itself: both without
	// following symlinks.
	spare, site *tree
	// fresh is true when the output folder does not exist yet: Commit
	// then renames the spare folder into its place.
	fresh bool
	// old holds the previous build's files; oldManifest its manifest,
	// when it was resumed (see Committed).
	old         map[string]fileSum
	oldManifest []byte
	// spareDiff holds the paths where the spare folder differs from old,
	// with what the spare folder holds there.
	spareDiff map[string]spareFile
	// fixed holds the paths of spareDiff that Write made right.
	fixed map[string]bool
	// dirty is set once the spare folder is being changed (markDirty),
	// finishing once Commit finishes it (finishSpare).
	dirty, finishing bool
	dirtyOnce        sync.Once
	dirtyErr         error
	published        bool

	note string
	// committed is set by a successful Commit.
	committed *Committed

	// lock keeps other builds out of dir until Abort.
	lock *outputLock

	mu sync.Mutex
	// hashes holds the files of this build.
	hashes map[string]fileSum

	// resumable is set for an Output that will be resumed (Resume): the
	// manifest's lines are kept for the next build; not by Begin.
	resumable bool
	// claimed counts the paths of old written or kept again: all of them
	// means that no file is stale.
	claimed int
	// manifestBytes is the manifest, once made.
	manifestBytes []byte
	// err is the first error of the writers.
	err error

	// pending feeds the writer goroutines; writing counts them.
	pending             chan pendingFile
	writing             sync.WaitGroup
	startOnce, stopOnce sync.Once
	staged              []string
}

// spareFile is what the spare folder holds at a path: a file with its
// sha256, or nothing.
type spareFile struct {
	sha     digest
	present bool
}

// Begin starts writing a site that will replace dir. It refuses an output
// folder that exists, is not empty, and was not made by this program.
// Another build writing dir at the same time is an error.
func Begin(fsys afero.Fs, dir string) (*Output, error) {
	return locked(fsys, dir, begin)
}

// locked cleans dir's path, locks the output folder and starts writing
// with start; the lock is released when start fails, and otherwise
// kept by the Output until it commits or aborts.
func locked(fsys afero.Fs, dir string, start func(afero.Fs, string) (*Output, error)) (*Output, error) {
	dir, err := outputDir(dir)
	if err != nil {
		return nil, err
	}
	lock, err := lockOutput(fsys, dir)
	if err != nil {
		return nil, err
	}
	o, err := start(fsys, dir)
	if err != nil {
		lock.release()
		return nil, err
	}
	o.lock = lock
	return o, nil
}

// outputDir cleans the output folder's path, and refuses the current
// and the root folder.
func outputDir(dir string) (string, error) {
	dir = filepath.Clean(dir)
	if dir == "." || dir == string(filepath.Separator) || dir == "" {
		return "", fmt.Errorf("output folder %q: refusing to replace the current or root folder (want a folder of its own, e.g. public)", dir)
	}
	return dir, nil
}

// begin does Begin's work once the output folder is locked.
func begin(fsys afero.Fs, dir string) (*Output, error) {
	fresh, old, err := previousBuild(fsys, dir)
	if err != nil {
		return nil, err
	}
	if err := fsys.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", filepath.Dir(dir), err)
	}
	if err := removeLeftovers(fsys, dir); err != nil {
		return nil, err
	}
	o := newOutput(fsys, dir, old)
	o.fresh = fresh
	spareSums, err := o.openSpare()
	if err != nil {
		return nil, err
	}
	o.spareDiff = diffSums(spareSums, old)
	return o, nil
}

// newOutput returns an Output that replaces the site old in dir.
func newOutput(fsys afero.Fs, dir string, old map[string]fileSum) *Output {
	return &Output{fs: fsys, dir: dir, old: old, hashes: make(map[string]fileSum, len(old)),
		spare: newTree(fsys, sparePath(dir)), site: newTree(fsys, dir), fixed: map[string]bool{}}
}

// Committed is a site as the Output that committed it knows it: every
// file's content hash, its manifest and the manifest file's stamp, and
// how the spare folder beside it differs. Resume starts the next build
// from it.
type Committed struct {
	// hashes holds each file's sha256 and line in manifest: a build with
	// the same files patches the hashes that changed instead of writing
	// the manifest anew.
	hashes   map[string]fileSum
	manifest []byte
	// marker is the manifest file's size and time of change once in
	// place, and spareMarker that of the spare folder's manifest: Resume
	// trusts the Committed while they are the same.
	marker, spareMarker stamp
	// spareDiff holds the paths where the spare folder differs from the
	// site, with what it holds there.
	spareDiff map[string]spareFile
	// spareUnfinished is set when a failed build left the spare folder
	// unfinished (Abort): spareMarker is then the stamp of its
	// StagingMarker.
	spareUnfinished bool
}

// stamp is a file's size and time of change.
type stamp struct {
	size    int64
	modTime time.Time
}

// stampOf returns the stamp of the file at p, or false.
func stampOf(fsys afero.Fs, p string) (stamp, bool) {
	info, err := fsys.Stat(p)
	if err != nil || info.IsDir() {
		return stamp{}, false
	}
	return stamp{info.Size(), info.ModTime()}, true
}

// Resume starts writing a site that replaces dir, as Begin does, for a
// writer that made dir's current site itself and kept its Committed: it
// trusts those hashes instead of reading the manifests and checking every
// file, which costs more than a small rebuild. When dir's manifest file
// or the spare folder's has changed since (its size or time of change),
// it falls back to Begin. The preview server resumes after each of its
// own builds.
func Resume(fsys afero.Fs, dir string, previous *Committed) (*Output, error) {
	o, err := locked(fsys, dir, func(fsys afero.Fs, dir string) (*Output, error) {
		return resume(fsys, dir, previous)
	})
	if err != nil {
		return nil, err
	}
	o.resumable = true
	return o, nil
}

// resume does Resume's work once the output folder is locked.
func resume(fsys afero.Fs, dir string, previous *Committed) (*Output, error) {
	if !previous.matches(fsys, dir) {
		return begin(fsys, dir)
	}
	if err := removeLeftovers(fsys, dir); err != nil {
		return nil, err
	}
	o := newOutput(fsys, dir, previous.hashes)
	o.oldManifest, o.spareDiff = previous.manifest, previous.spareDiff
	if previous.spareUnfinished {
		// Left so by a failed build: this one finishes it, even when it
		// changes nothing.
		if err := o.markDirty(); err != nil {
			return nil, err
		}
	}
	return o, nil
}

// matches reports whether the site in dir and the spare folder beside it
// are still as c left them, as their manifest files' stamps tell.
func (c *Committed) matches(fsys afero.Fs, dir string) bool {
	if c == nil {
		return false
	}
	marker, ok := stampOf(fsys, filepath.Join(dir, Marker))
	if !ok || marker != c.marker {
		return false
	}
	name := Marker
	if c.spareUnfinished {
		name = StagingMarker
	}
	spare, ok := stampOf(fsys, filepath.Join(sparePath(dir), name))
	return ok && spare == c.spareMarker && isRealDir(fsys, sparePath(dir))
}

// previousBuild tells whether dir is new, and reads the manifest of the
// build that made it. An empty folder counts as new.
func previousBuild(fsys afero.Fs, dir string) (fresh bool, old map[string]fileSum, err error) {
	info, err := lstat(fsys, dir)
	if errors.Is(err, os.ErrNotExist) {
		return true, nil, nil
	}
	if err != nil {
		return false, nil, fmt.Errorf("output folder %s: %w", dir, err)
	}
	if info.Mode()&os.ModeSymlink != 0 {
		return false, nil, fmt.Errorf("output folder %s: is a symlink (want a real folder: a build swaps it with the new site)", dir)
	}
	if !info.IsDir() {
		return false, nil, fmt.Errorf("output folder %s: is a file (want a folder)", dir)
	}
	if old, ok := readSite(fsys, dir); ok {
		return false, old, nil
	}
	if empty, _ := afero.IsEmpty(fsys, dir); empty {
		return false, map[string]fileSum{}, nil
	}
	return false, nil, fmt.Errorf("output folder %s: not empty and not made by gen (no %s file); refusing to replace it (want an empty or generated folder)", dir, Marker)
}

// readSite reads the manifest of the generated site in dir and returns
// the files it lists, or false when dir has no manifest. A file that is
// missing, or is not a regular file in real folders (a symlink, or
// below one), is listed with a zero sha256, which no content has: it is
// replaced or removed like a changed file.
func readSite(fsys afero.Fs, dir string) (map[string]fileSum, bool) {
	data, err := afero.ReadFile(fsys, filepath.Join(dir, Marker))
	if err != nil {
		return nil, false
	}
	files := parseManifest(data)
	site := newTree(fsys, dir)
	for p, sum := range files {
		info, err := lstat(fsys, site.full(p))
		if err != nil || !info.Mode().IsRegular() || !site.hasDir(path.Dir(p)) {
			sum.sha = digest{}
			files[p] = sum
		}
	}
	return files, true
}

// diffSums returns the paths where spare differs from old, with what
// spare holds there.
func diffSums(spare, old map[string]fileSum) map[string]spareFile {
	diff := map[string]spareFile{}
	for p, sum := range spare {
		if o, ok := old[p]; !ok || o.sha != sum.sha {
			diff[p] = spareFile{sha: sum.sha, present: true}
		}
	}
	for p := range old {
		if _, ok := spare[p]; !ok {
			diff[p] = spareFile{}
		}
	}
	return diff
}

// spareSum returns what the spare folder holds at p.
func (o *Output) spareSum(p string) spareFile {
	if d, ok := o.spareDiff[p]; ok {
		return d
	}
	if sum, ok := o.old[p]; ok {
		return spareFile{sha: sum.sha, present: true}
	}
	return spareFile{}
}

// Write stages one file of the site, unless the previous build wrote the
// same bytes there. The file is written in the background from a copy of
// data, so the caller may reuse data as soon as Write returns; errors are
// reported by a later Write or by Commit. Writing the same path twice is
// an error: two pages would be fighting over one URL. Write is safe for
// concurrent use.
func (o *Output) Write(p string, data []byte) error {
	return o.write(p, data)
}

// write does Write's work.
func (o *Output) write(p string, data []byte) error {
	clean, err := CleanPath(p)
	if err != nil {
		return err
	}
	hash := sha256.Sum256(data)
	o.mu.Lock()
	if _, dup := o.hashes[clean]; dup {
		o.mu.Unlock()
		return fmt.Errorf("output path %q: written twice (two pages share one URL)", clean)
	}
	old, had := o.old[clean]
	shaOffset := -1
	if had {
		o.claimed++
		shaOffset = old.shaOffset
	}
	o.hashes[clean] = fileSum{sha: hash, shaOffset: shaOffset}
	changed := o.fresh || !had || old.sha != hash
	if changed {
		o.staged = append(o.staged, clean)
	}
	// A file the site has unchanged is linked into the spare folder by
	// Commit, where that one differs; a changed one is written there,
	// unless the spare folder holds these very bytes already.
	spare := o.spareSum(clean)
	needed := changed && !(spare.present && spare.sha == hash)
	if _, diff := o.spareDiff[clean]; diff && changed {
		o.fixed[clean] = true
	}
	o.mu.Unlock()
	if !needed {
		return nil
	}
	o.startWriters()
	if err := o.firstErr(); err != nil {
		return err
	}
	if len(data) > maxPooledBuffer {
		// A large file (an export of a large site: tens of MB) is
		// written from the caller's bytes before Write returns; a copy
		// queued for the writers would hold it twice.
		if err := o.stage(pendingFile{path: clean, data: &data}); err != nil {
			o.setErr(err)
			return err
		}
		return nil
	}
	buf := fileBuffers.Get().(*[]byte)
	*buf = append((*buf)[:0], data...)
	o.pending <- pendingFile{path: clean, data: buf}
	return nil
}

// Keep keeps the files the previous build wrote at paths, unchanged, as
// if Write had been called with the same bytes, without them. It is an
// error when the previous build made no such file; the paths after the
// first error are not kept. Keep is safe for concurrent use; keeping many
// files in one call takes the lock once.
func (o *Output) Keep(paths ...string) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, p := range paths {
		// Every path of old is clean (see CleanPath): those of a
		// manifest read back too, so that no path leaves the folder.
		sum, ok := o.old[p]
		if o.fresh || !ok {
			if _, err := CleanPath(p); err != nil {
				return err
			}
			return fmt.Errorf("keep %s: the previous build made no such file", p)
		}
		// An insert that leaves the map's size as it was replaced a path
		// written or kept before: one lookup fewer than asking first.
		n := len(o.hashes)
		if o.hashes[p] = sum; len(o.hashes) == n {
			return fmt.Errorf("output path %q: written twice (two pages share one URL)", p)
		}
		o.claimed++
	}
	return nil
}

// KeepRest keeps every file of the previous build that this one has not
// written or kept, as Keep would one by one, for a build that knows it
// changed a few files only: it copies the previous build's sums at once
// instead of inserting them one at a time. Call it once every file has
// been written or kept.
func (o *Output) KeepRest() {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.fresh {
		return
	}
	rest := maps.Clone(o.old)
	maps.Copy(rest, o.hashes)
	o.hashes, o.claimed = rest, len(o.old)
}

// Committed returns the site as this Output committed it, for Resume;
// after a failed build of an Output that will be resumed, the site in
// place with the spare folder as Abort left it; nil before Commit or
// Abort.
func (o *Output) Committed() *Committed {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.committed
}

// writers is how many goroutines write staged files. Writing a file is
// mostly waiting on the file system, so more of them than cores keeps
// the cores rendering while files are written.
const writers = 16

// pendingFile is a file handed to the writers: a copy of its bytes, in a
// buffer of fileBuffers that the writer hands back once it is written.
type pendingFile struct {
	path string
	data *[]byte
}

// fileBuffers holds the buffers of the files waiting for the writers: a
// build's files pass through a few dozen of them rather than each
// allocating its own.
var fileBuffers = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledBuffer is the size of the largest file copied into a buffer
// of fileBuffers; larger ones are written at once (see write). A large
// site's few big files (timeline.json, the sitemaps: megabytes each at
// 100,000 articles) would otherwise stay in the pool at their size,
// holding memory for pages a few kilobytes long.
const maxPooledBuffer = 1 << 20

// startWriters starts the writer goroutines, once.
func (o *Output) startWriters() {
	o.startOnce.Do(func() {
		o.pending = make(chan pendingFile, writers*4)
		for range writers {
			o.writing.Add(1)
			go func() {
				defer o.writing.Done()
				for f := range o.pending {
					if err := o.stage(f); err != nil {
						o.setErr(err)
					}
					fileBuffers.Put(f.data)
				}
			}()
		}
	})
}

// stage writes one file into the spare folder.
func (o *Output) stage(f pendingFile) error {
	if err := o.markDirty(); err != nil {
		return err
	}
	return o.spare.create(f.path, *f.data)
}

// wait lets the writers finish every file handed to them and returns the
// first error they met.
func (o *Output) wait() error {
	o.startWriters()
	o.stopOnce.Do(func() { close(o.pending) })
	o.writing.Wait()
	return o.firstErr()
}

func (o *Output) setErr(err error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.err == nil {
		o.err = err
	}
}

func (o *Output) firstErr() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.err
}

// Files returns how many files the site has.
func (o *Output) Files() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.hashes)
}

// Written returns how many files were new or changed, and so written.
func (o *Output) Written() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.staged)
}
