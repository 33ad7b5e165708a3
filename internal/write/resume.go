package write

import (
	"path/filepath"
	"time"

	"github.com/spf13/afero"
)

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

// Committed returns the site as this Output committed it, for Resume;
// after a failed build of an Output that will be resumed, the site in
// place with the spare folder as Abort left it; nil before Commit or
// Abort.
func (o *Output) Committed() *Committed {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.committed
}
