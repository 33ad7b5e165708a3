package write

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"

	"github.com/spf13/afero"
)

// tree changes files inside one folder, its root, without following a
// symlink inside it: every folder on the way to a file is checked to be a
// real folder (and made one when it is not), and files are created anew,
// never opened for writing where something already is. So a symlink
// planted in the output folder can neither send a write outside it nor
// be written through. tree is safe for concurrent use.
type tree struct {
	fs   afero.Fs
	root string

	mu sync.Mutex
	// real holds the folders, as slash-separated paths below root, seen
	// to be real folders in this build; "." is root itself, checked by
	// whoever made the tree.
	real map[string]bool
}

// newTree returns a tree for the folder root.
func newTree(fsys afero.Fs, root string) *tree {
	return &tree{fs: fsys, root: root, real: map[string]bool{".": true}}
}

// full returns the file-system path of rel, a slash-separated path
// below the root.
func (t *tree) full(rel string) string {
	return filepath.Join(t.root, filepath.FromSlash(rel))
}

func (t *tree) isReal(dir string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.real[dir]
}

func (t *tree) setReal(dir string) {
	t.mu.Lock()
	t.real[dir] = true
	t.mu.Unlock()
}

// makeDir makes dir and the folders above it real folders: it creates
// those missing and replaces whatever else is in their place (a file, a
// symlink), which the site no longer has.
func (t *tree) makeDir(dir string) error {
	if t.isReal(dir) {
		return nil
	}
	if parent := path.Dir(dir); parent != dir {
		if err := t.makeDir(parent); err != nil {
			return err
		}
	}
	full := t.full(dir)
	err := t.fs.Mkdir(full, 0o755)
	if errors.Is(err, os.ErrExist) {
		if isRealDir(t.fs, full) {
			t.setReal(dir)
			return nil
		}
		if err := t.fs.Remove(full); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		err = t.fs.Mkdir(full, 0o755)
		if errors.Is(err, os.ErrExist) && isRealDir(t.fs, full) {
			err = nil // another writer made it meanwhile
		}
	}
	if err != nil {
		return err
	}
	t.setReal(dir)
	return nil
}

// hasDir reports whether dir and every folder above it are real
// folders, without changing anything.
func (t *tree) hasDir(dir string) bool {
	if t.isReal(dir) {
		return true
	}
	if parent := path.Dir(dir); parent != dir && !t.hasDir(parent) {
		return false
	}
	if !isRealDir(t.fs, t.full(dir)) {
		return false
	}
	t.setReal(dir)
	return true
}

// create writes data as a new file at rel, in place of whatever was
// there.
func (t *tree) create(rel string, data []byte) error {
	return t.createWith(rel, writeData(data))
}

// createWith writes what write writes as a new file at rel, as create
// writes data.
func (t *tree) createWith(rel string, write func(io.Writer) error) error {
	if err := t.makeDir(path.Dir(rel)); err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	if err := t.createFileWith(rel, write); err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	return nil
}

// writeData returns a function that writes data.
func writeData(data []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}

// createFile writes data as a new file at rel, in an existing real
// folder: it removes what is there first, so that it never writes into
// a file it did not create (one hard-linked from the site, or a
// symlink).
func (t *tree) createFile(rel string, data []byte) error {
	return t.createFileWith(rel, writeData(data))
}

// createFileWith writes what write writes as a new file at rel, as
// createFile writes data.
func (t *tree) createFileWith(rel string, write func(io.Writer) error) error {
	full := t.full(rel)
	f, err := t.fs.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		if err := t.removeEntry(full); err != nil {
			return err
		}
		f, err = t.fs.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	}
	if err != nil {
		return err
	}
	step()
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// removeEntry removes the file, symlink or folder at full, which lies
// in a real folder of the tree; a symlink is removed, not followed.
func (t *tree) removeEntry(full string) error {
	info, err := lstat(t.fs, full)
	switch {
	case err != nil:
		return nil // nothing there, or a folder on its way is a file now
	case info.IsDir() && info.Mode()&os.ModeSymlink == 0:
		err = t.fs.RemoveAll(full)
	default:
		err = t.fs.Remove(full)
	}
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}

// remove removes the file (or symlink) at rel, if any.
func (t *tree) remove(rel string) error {
	if dir := path.Dir(rel); !t.hasDir(dir) {
		// The file is not there: a folder on its way is missing, or is a
		// file (which the site may have), or a symlink, which goes.
		return t.removeFirstUnreal(dir)
	}
	full := t.full(rel)
	if isRealDir(t.fs, full) {
		return nil // a folder of the new site now: its files are written
	}
	step()
	if err := t.fs.Remove(full); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("remove %s: %w", rel, err)
	}
	return nil
}

// removeFirstUnreal removes the first entry on the way to the folder dir
// that is not a real folder, when it is a symlink (not followed).
func (t *tree) removeFirstUnreal(dir string) error {
	if parent := path.Dir(dir); parent != dir && !t.hasDir(parent) {
		return t.removeFirstUnreal(parent)
	}
	full := t.full(dir)
	if info, err := lstat(t.fs, full); err != nil || info.Mode()&os.ModeSymlink == 0 {
		return nil // missing, or a file, which has a path of its own
	}
	step()
	if err := t.fs.Remove(full); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("remove %s: %w", dir, err)
	}
	return nil
}

// linkFrom puts the file at rel in from at rel in t: a hard link when
// both lie on the operating system's file system, else a copy.
func (t *tree) linkFrom(from *tree, rel string, osPath func(string) string) error {
	src := from.full(rel)
	if !from.hasDir(path.Dir(rel)) {
		return fmt.Errorf("keep %s: a folder on its way in %s is missing or a symlink", rel, from.root)
	}
	if info, err := lstat(from.fs, src); err != nil || !info.Mode().IsRegular() {
		return fmt.Errorf("keep %s: %s is not a regular file (%v)", rel, src, err)
	}
	if err := t.makeDir(path.Dir(rel)); err != nil {
		return fmt.Errorf("keep %s: %w", rel, err)
	}
	dst := t.full(rel)
	if err := t.removeEntry(dst); err != nil {
		return fmt.Errorf("keep %s: %w", rel, err)
	}
	step()
	if osPath != nil && os.Link(osPath(src), osPath(dst)) == nil {
		return nil
	}
	data, err := readFile(from.fs, src)
	if err != nil {
		return fmt.Errorf("keep %s: %w", rel, err)
	}
	if err := t.createFile(rel, data); err != nil {
		return fmt.Errorf("keep %s: %w", rel, err)
	}
	return nil
}

// readFile reads the file at p, which was checked to be a regular file.
func readFile(fsys afero.Fs, p string) ([]byte, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// lstat returns the file information of p without following a symlink,
// where fsys can tell.
func lstat(fsys afero.Fs, p string) (fs.FileInfo, error) {
	if l, ok := fsys.(afero.Lstater); ok {
		info, _, err := l.LstatIfPossible(p)
		return info, err
	}
	return fsys.Stat(p)
}

// isRealDir reports whether p is a folder, not a symlink to one.
func isRealDir(fsys afero.Fs, p string) bool {
	info, err := lstat(fsys, p)
	return err == nil && info.IsDir() && info.Mode()&os.ModeSymlink == 0
}

// osPaths returns the function that maps a path of fsys to the operating
// system's, when fsys is the operating system's file system, alone or
// below a base path; else nil.
func osPaths(fsys afero.Fs) func(string) string {
	switch f := fsys.(type) {
	case *afero.OsFs:
		return func(p string) string { return p }
	case *afero.BasePathFs:
		real, err := f.RealPath("/")
		if err != nil {
			return nil
		}
		viaFs, err1 := f.Stat("/")
		viaOs, err2 := os.Stat(real)
		if err1 != nil || err2 != nil || !os.SameFile(viaFs, viaOs) {
			return nil // a base path over some other file system
		}
		return func(p string) string {
			real, _ := f.RealPath(p)
			return real
		}
	}
	return nil
}
