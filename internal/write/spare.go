package write

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"github.com/spf13/afero"
)

// StagingMarker is the file in a folder beside the output folder that a
// build is writing: a folder holding it is this program's and unfinished,
// and the next build clears it. A finished folder holds Marker instead.
const StagingMarker = ".timeline-unfinished"

const stagingText = "# a build of gen is writing this folder, or was stopped while it did; the next build clears it\n"

// sparePath returns the folder beside the output folder dir that holds
// the site before the current one, and where the next site is written:
// ".public-previous" for "public".
func sparePath(dir string) string {
	return besideDir(dir, "previous")
}

// swapPath returns the folder beside dir that holds the old site for a
// moment while the two are swapped by renames (see publish).
func swapPath(dir string) string {
	return besideDir(dir, "swap")
}

// besideDir returns ".<base>-<role>" beside dir.
func besideDir(dir, role string) string {
	return filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+"-"+role)
}

// legacyState is the state file that builds before this one kept beside
// the output folder: a sha256 on its first line.
var legacyState = regexp.MustCompile(`\A[0-9a-f]{64}\n`)

// removeLeftovers removes what an earlier build left beside dir and no
// longer needs: the swap folder of an interrupted swap, and the state
// file of older versions of this program. Each is removed only when it is
// this program's: the folder when it holds Marker or StagingMarker (or
// nothing), the file when it starts with a manifest's sha256.
func removeLeftovers(fsys afero.Fs, dir string) error {
	swap := swapPath(dir)
	if owned, _ := ours(fsys, swap); owned {
		if err := removeOurs(fsys, swap); err != nil {
			return fmt.Errorf("remove %s (left by a stopped build): %w", swap, err)
		}
	}
	state := besideDir(dir, "state")
	if info, err := lstat(fsys, state); err == nil && info.Mode().IsRegular() && info.Size() < 64<<20 {
		if data, err := afero.ReadFile(fsys, state); err == nil && legacyState.Match(data) {
			if err := fsys.Remove(state); err != nil {
				return fmt.Errorf("remove %s (an older gen's state file): %w", state, err)
			}
		}
	}
	return nil
}

// ours reports whether the folder at p is one this program made beside an
// output folder (it holds Marker or StagingMarker, or is empty), and
// whether it is unfinished (holds StagingMarker). A symlink is never
// ours.
func ours(fsys afero.Fs, p string) (owned, unfinished bool) {
	if !isRealDir(fsys, p) {
		return false, false
	}
	if info, err := lstat(fsys, filepath.Join(p, StagingMarker)); err == nil && info.Mode().IsRegular() {
		return true, true
	}
	if info, err := lstat(fsys, filepath.Join(p, Marker)); err == nil && info.Mode().IsRegular() {
		return true, false
	}
	empty, err := afero.IsEmpty(fsys, p)
	return err == nil && empty, false
}

// clearOurs removes everything in the folder dir but its markers, then
// the markers but keep: so a build stopped meanwhile leaves a folder the
// next one still knows for its own. A symlink in dir is removed, not
// followed.
func clearOurs(fsys afero.Fs, dir, keep string) error {
	entries, err := afero.ReadDir(fsys, dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if name := e.Name(); name != Marker && name != StagingMarker {
			if err := fsys.RemoveAll(filepath.Join(dir, name)); err != nil {
				return err
			}
		}
	}
	for _, name := range []string{Marker, StagingMarker} {
		if name == keep {
			continue
		}
		if err := fsys.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

// removeOurs removes the folder dir, one of this program's, its markers
// last.
func removeOurs(fsys afero.Fs, dir string) error {
	if err := clearOurs(fsys, dir, ""); err != nil {
		return err
	}
	return fsys.Remove(dir)
}

// openSpare makes the spare folder ready and returns the files it holds:
// those of its manifest when a build finished it, none when it is new or
// was left unfinished (it is then cleared). A folder in its place that
// is not this program's is an error.
func (o *Output) openSpare() (map[string]fileSum, error) {
	p := o.spare.root
	_, err := lstat(o.fs, p)
	if errors.Is(err, os.ErrNotExist) {
		// Made by markDirty once this build changes something: a build
		// that changes nothing makes no copy of the site.
		return map[string]fileSum{}, nil
	}
	owned, unfinished := ours(o.fs, p)
	switch {
	case err != nil:
		return nil, fmt.Errorf("folder %s: %w", p, err)
	case !owned:
		return nil, notOurs(p)
	case unfinished:
		if err := o.markDirty(); err != nil {
			return nil, err
		}
		if err := clearOurs(o.fs, p, StagingMarker); err != nil {
			return nil, fmt.Errorf("clear %s (left unfinished by a stopped or failed build): %w", p, err)
		}
		return map[string]fileSum{}, nil
	}
	if files, ok := readSite(o.fs, p); ok {
		return files, nil
	}
	return map[string]fileSum{}, nil // empty
}

// markDirty marks the spare folder unfinished, once, before this build
// changes anything in it: StagingMarker first, then its manifest
// removed, so that the folder is this program's at every moment.
func (o *Output) markDirty() error {
	o.dirtyOnce.Do(func() {
		o.mu.Lock()
		o.dirty = true
		o.mu.Unlock()
		if err := o.makeSpare(); err != nil {
			o.dirtyErr = err
			return
		}
		if err := o.spare.createFile(StagingMarker, []byte(stagingText)); err != nil {
			o.dirtyErr = fmt.Errorf("write %s: %w", filepath.Join(o.spare.root, StagingMarker), err)
			return
		}
		step()
		manifest := filepath.Join(o.spare.root, Marker)
		if err := o.fs.Remove(manifest); err != nil && !errors.Is(err, os.ErrNotExist) {
			o.dirtyErr = fmt.Errorf("remove %s: %w", manifest, err)
		}
	})
	return o.dirtyErr
}

// makeSpare creates the spare folder where openSpare found none; a
// folder that appeared there since must be this program's.
func (o *Output) makeSpare() error {
	p := o.spare.root
	err := o.fs.Mkdir(p, 0o755)
	if errors.Is(err, os.ErrExist) {
		if owned, _ := ours(o.fs, p); owned {
			return nil
		}
		return notOurs(p)
	}
	if err != nil {
		return fmt.Errorf("create %s: %w", p, err)
	}
	return nil
}

// notOurs is the error for a folder p in the spare folder's place that
// this program did not make.
func notOurs(p string) error {
	return fmt.Errorf("folder %s: in the way of the output folder's previous version, and not made by gen (no %s file); refusing to replace it (move it away)", p, Marker)
}

// isDirty reports whether this build changed the spare folder.
func (o *Output) isDirty() bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.dirty
}
