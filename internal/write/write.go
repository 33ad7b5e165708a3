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
	"fmt"
	"path/filepath"
	"sync"

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
