package write

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"path"
	"path/filepath"
	"sort"
	"sync"

	"github.com/newsroom/timeline/internal/parallel"
	"github.com/spf13/afero"
)

// OutputError is a failed build's error when the output folder is no
// longer as it was before the build; State says what it holds. A
// build's other errors leave the output folder as it was.
type OutputError struct {
	Err   error
	State string
}

func (e *OutputError) Error() string { return e.Err.Error() }

func (e *OutputError) Unwrap() error { return e.Err }

// Commit puts the new site in place of the old one in one step. It
// finishes the spare folder, where the new and changed files were
// written: the files the site kept are linked in from it, those it no
// longer has removed, and the manifest written. Then it swaps the two
// folders (publish). A build that changed nothing swaps nothing.
func (o *Output) Commit() error {
	defer o.Abort()
	if err := o.wait(); err != nil {
		return err
	}
	manifest := o.manifest()
	if o.unchanged(manifest) {
		if o.isDirty() || o.resumable && !isRealDir(o.fs, o.spare.root) {
			// The spare folder was being brought up to date, or it is
			// missing and the preview's next build would have to fill it
			// while the author waits: finish it, a copy of the site as it
			// is. A build of gen leaves it missing: the first build that
			// changes the site fills it.
			if err := o.finishSpare(manifest); err != nil {
				return err
			}
			o.spareDiff = map[string]spareFile{}
		}
		o.published = true
		return o.writeState(manifest, o.spareDiff)
	}
	if err := o.finishSpare(manifest); err != nil {
		return err
	}
	if err := o.publish(); err != nil {
		return err
	}
	step()
	spareDiff := o.oldDiff()
	if o.resumable && len(o.old) == 0 && o.mirrorSite(manifest) == nil {
		spareDiff = map[string]spareFile{}
	}
	return o.writeState(manifest, spareDiff)
}

// mirrorSite makes a new spare folder that holds the site just put in
// place, a link to each of its files, for an Output that will be resumed
// (the preview server's): the site had no previous version (no output
// folder, or an empty one, now in the spare folder's place), and without
// this the next build would link every file before it could swap. It is
// done here, while the preview starts, rather than on the first edit.
// The site is in place already: a failure leaves the spare folder
// unfinished, for the next build to clear and fill.
func (o *Output) mirrorSite(manifest []byte) error {
	// The folders just made real in the spare folder are the site's now.
	o.site.real, o.spare = o.spare.real, newTree(o.fs, o.spare.root)
	o.dirtyOnce, o.dirtyErr = sync.Once{}, nil
	if !o.fresh {
		if err := removeOurs(o.fs, o.spare.root); err != nil {
			return err
		}
	}
	if err := o.fs.Mkdir(o.spare.root, 0o755); err != nil {
		return err
	}
	if err := o.markDirty(); err != nil {
		return err
	}
	paths := make([]string, 0, len(o.hashes))
	for p := range o.hashes {
		paths = append(paths, p)
	}
	if err := o.linkAll(paths); err != nil {
		return err
	}
	if err := o.spare.create(Marker, manifest); err != nil {
		return err
	}
	return o.spare.remove(StagingMarker)
}

// unchanged reports whether the site is the same as the one in place,
// whose manifest is manifest.
func (o *Output) unchanged(manifest []byte) bool {
	if o.fresh || len(o.staged) > 0 || o.claimed != len(o.old) || len(o.hashes) != len(o.old) {
		return false
	}
	current, err := afero.ReadFile(o.fs, filepath.Join(o.dir, Marker))
	return err == nil && bytes.Equal(current, manifest)
}

// finishSpare makes the spare folder the new site: where it differs
// from the site in place and Write did not write, it links the file from
// there or removes its own; it removes the files the new site no longer
// has and the folders they leave empty; last it writes the manifest and
// removes StagingMarker.
func (o *Output) finishSpare(manifest []byte) error {
	if err := o.markDirty(); err != nil {
		return err
	}
	o.mu.Lock()
	o.finishing = true
	o.mu.Unlock()
	var link, remove []string
	for p := range o.spareDiff {
		if o.fixed[p] {
			continue
		}
		if _, keep := o.hashes[p]; keep {
			link = append(link, p)
		} else {
			// Also when the spare folder should have nothing there:
			// a symlink in the way goes.
			remove = append(remove, p)
		}
	}
	if o.claimed != len(o.old) {
		for p := range o.old {
			_, keep := o.hashes[p]
			if _, diff := o.spareDiff[p]; !keep && !diff {
				remove = append(remove, p)
			}
		}
	}
	if err := o.linkAll(link); err != nil {
		return err
	}
	if err := o.removeAll(remove); err != nil {
		return err
	}
	if err := o.spare.create(Marker, manifest); err != nil {
		return err
	}
	step()
	if err := o.spare.remove(StagingMarker); err != nil {
		return err
	}
	return nil
}

// linkAll links the files at paths from the site into the spare folder,
// on several goroutines: after the spare folder was lost, that is every
// file of the site.
func (o *Output) linkAll(paths []string) error {
	osPath := osPaths(o.fs)
	errs := make([]error, len(paths))
	parallel.For(writers, len(paths), func(i int) {
		errs[i] = o.spare.linkFrom(o.site, paths[i], osPath)
	})
	return errors.Join(errs...)
}

// removeAll removes the files at paths from the spare folder, then the
// folders they leave empty.
func (o *Output) removeAll(paths []string) error {
	dirs := map[string]bool{}
	for _, p := range paths {
		if err := o.spare.remove(p); err != nil {
			return err
		}
		for d := path.Dir(p); d != "."; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	byDepth := make([]string, 0, len(dirs))
	for d := range dirs {
		byDepth = append(byDepth, d)
	}
	sort.Slice(byDepth, func(i, j int) bool { return len(byDepth[i]) > len(byDepth[j]) })
	for _, d := range byDepth {
		full := o.spare.full(d)
		if empty, _ := afero.IsEmpty(o.fs, full); empty && o.spare.hasDir(d) {
			_ = o.fs.Remove(full)
		}
	}
	return nil
}

// oldDiff returns how the site that was in place, now in the spare
// folder, differs from the new one: what it holds at each path where
// they differ.
func (o *Output) oldDiff() map[string]spareFile {
	diff := make(map[string]spareFile, len(o.staged))
	for _, p := range o.staged {
		sum, had := o.old[p]
		diff[p] = spareFile{sha: sum.sha, present: had}
	}
	if o.claimed != len(o.old) {
		for p, sum := range o.old {
			if _, keep := o.hashes[p]; !keep {
				diff[p] = spareFile{sha: sum.sha, present: true}
			}
		}
	}
	return diff
}

// publish swaps the finished spare folder with the output folder in one
// step, or renames it into place when there is no output folder yet.
// Where the system cannot swap two folders at once (exchangeDirs), three
// renames do it: for a moment between the first two, the output folder
// is missing (never mixed), and a build stopped there leaves it missing
// until the next one. Either way the old site is then in the spare
// folder.
func (o *Output) publish() error {
	spare := o.spare.root
	step()
	if o.fresh {
		if err := o.fs.Rename(spare, o.dir); err != nil {
			return fmt.Errorf("move new site into %s: %w", o.dir, err)
		}
		o.published = true
		return nil
	}
	if osPath := osPaths(o.fs); osPath != nil {
		err := exchangeDirs(osPath(o.dir), osPath(spare))
		if err == nil {
			o.published = true
			return nil
		}
		if !errors.Is(err, errNoExchange) {
			return fmt.Errorf("swap new site into %s: %w", o.dir, err)
		}
	}
	return o.swapByRenames()
}

// swapByRenames swaps the output folder and the spare folder through the
// swap folder (swapPath).
func (o *Output) swapByRenames() error {
	spare, swap := o.spare.root, swapPath(o.dir)
	if err := o.fs.Rename(o.dir, swap); err != nil {
		return fmt.Errorf("move old site out of %s: %w", o.dir, err)
	}
	step()
	if err := o.fs.Rename(spare, o.dir); err != nil {
		if back := o.fs.Rename(swap, o.dir); back != nil {
			return &OutputError{Err: fmt.Errorf("move new site into %s: %w", o.dir, err),
				State: fmt.Sprintf("%s is missing: the previous site is in %s, the new one in %s; the next build puts one in place", o.dir, swap, spare)}
		}
		return fmt.Errorf("move new site into %s: %w", o.dir, err)
	}
	o.published = true
	step()
	// The new site is in place; a swap folder left here is removed by the
	// next build (removeLeftovers).
	_ = o.fs.Rename(swap, spare)
	return nil
}

// Abort ends a build that failed. The output folder is untouched. The
// spare folder it changed is removed, markers last; but an Output that
// will be resumed (Resume) leaves it unfinished, and Committed then tells
// what it may hold, so that the next build fixes the files this one
// changed there instead of linking the whole site into it again. After
// a successful Commit, Abort only lets the next build lock the output
// folder.
func (o *Output) Abort() {
	defer o.lock.release()
	_ = o.wait()
	if o.published || !o.isDirty() {
		return
	}
	if o.resumable && !o.fresh && o.old != nil {
		o.keepUnfinishedSpare()
		return
	}
	_ = removeOurs(o.fs, o.spare.root)
}

// keepUnfinishedSpare records, as the Committed of a failed build, the
// site in place as it was and the unfinished spare folder: every path
// this build may have written, linked or removed there is taken to hold
// unknown bytes (a zero sha256, which no content has), so that the next
// build writes, links or removes it.
func (o *Output) keepUnfinishedSpare() {
	o.mu.Lock()
	defer o.mu.Unlock()
	diff := maps.Clone(o.spareDiff)
	unknown := spareFile{present: true}
	for p := range o.spareDiff {
		diff[p] = unknown
	}
	for _, p := range o.staged {
		diff[p] = unknown
	}
	if o.finishing {
		// finishSpare may have removed the files the site no longer has.
		for p := range o.old {
			if _, kept := o.hashes[p]; !kept {
				diff[p] = unknown
			}
		}
	}
	marker, _ := stampOf(o.fs, filepath.Join(o.dir, Marker))
	staging, _ := stampOf(o.fs, filepath.Join(o.spare.root, StagingMarker))
	o.committed = &Committed{hashes: o.old, manifest: o.oldManifest, marker: marker,
		spareMarker: staging, spareUnfinished: true, spareDiff: diff}
}
