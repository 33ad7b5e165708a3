// Package boundary keeps reads inside a folder: the content folder, or
// the templates folder. Only regular files are read; a symbolic link is
// followed only when it resolves inside the folder; named pipes, devices
// and sockets are refused before they are opened (opening a pipe waits
// forever, a device never ends); and every read stops at a size limit,
// read through a limited reader rather than trusting the file's stated
// size.
//
// Readers check a file listed by a walk with Check, then read it with
// ReadFile, which checks again, so a file named by an editor (site.yaml,
// an article cited by an entry) goes through the same door.
package boundary

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/spf13/afero"
)

// TooBigError is ReadFile's error for a file over its limit.
type TooBigError struct {
	// Size is the file's size as stated; 0 when the file grew past the
	// limit while being read.
	Size, Limit int64
}

func (e *TooBigError) Error() string {
	if e.Size == 0 {
		return fmt.Sprintf("file is more than %d bytes (want at most %d; split it or remove it)", e.Limit, e.Limit)
	}
	return fmt.Sprintf("file is %d bytes (want at most %d; split it or remove it)", e.Size, e.Limit)
}

// Check reports whether the file p of fsys, described by info as
// Lstat gives it (afero.Walk does), may be read as a file of the folder
// root. It returns the description of what will be read (the link's
// target for a symbolic link), or an error that says why not. Errors of
// this package do not repeat the path: callers put it in front, as
// diagnostics do.
func Check(fsys afero.Fs, root, p string, info fs.FileInfo) (fs.FileInfo, error) {
	if info.Mode()&fs.ModeSymlink != 0 {
		target, err := resolve(fsys, root, p)
		if err != nil {
			return nil, err
		}
		if info, err = fsys.Stat(p); err != nil {
			return nil, fmt.Errorf("symbolic link to %s: %w", target, plain(err))
		}
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s, not a regular file: refused (want a regular file)", kind(info.Mode()))
	}
	return info, nil
}

// ReadFile reads the file p of fsys, a file of the folder root, after
// Check, and returns at most limit bytes: a longer file is an error
// *TooBigError.
func ReadFile(fsys afero.Fs, root, p string, limit int64) ([]byte, error) {
	f, info, err := Open(fsys, root, p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info.Size() > limit {
		return nil, &TooBigError{Size: info.Size(), Limit: limit}
	}
	// Read into a buffer of the stated size (and a byte more, to see a
	// file that grew), not one grown while reading.
	data := make([]byte, 0, info.Size()+1)
	data, err = readAll(io.LimitReader(f, limit+1), data)
	if err != nil {
		return nil, fmt.Errorf("read: %w", plain(err))
	}
	if int64(len(data)) > limit {
		return nil, &TooBigError{Limit: limit}
	}
	return data, nil
}

// readAll appends what r holds to data, as io.ReadAll does, growing
// data only when r holds more than it has room for.
func readAll(r io.Reader, data []byte) ([]byte, error) {
	for {
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// Open opens the file p of fsys, a file of the folder root, after
// Check, for a reader that reads it in parts (a dataset's records); the
// caller bounds what it reads, and closes the file.
func Open(fsys afero.Fs, root, p string) (afero.File, fs.FileInfo, error) {
	if err := checkFolders(fsys, root, p); err != nil {
		return nil, nil, err
	}
	info, err := lstat(fsys, p)
	if err != nil {
		return nil, nil, plain(err)
	}
	if info, err = Check(fsys, root, p, info); err != nil {
		return nil, nil, err
	}
	f, err := fsys.Open(p)
	if err != nil {
		return nil, nil, plain(err)
	}
	// The file may have been swapped since Check: ask the open file.
	if opened, err := f.Stat(); err != nil || !opened.Mode().IsRegular() {
		f.Close()
		return nil, nil, errors.New("not a regular file once opened: refused (want a regular file)")
	}
	return f, info, nil
}

// plain drops the path and operation of a *fs.PathError, which the
// caller names itself, keeping what went wrong.
func plain(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// checkFolders checks the folders between root and p: p must be under
// root, and when one of those folders is a symbolic link, p must still
// resolve inside root.
func checkFolders(fsys afero.Fs, root, p string) error {
	rel, err := filepath.Rel(root, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return fmt.Errorf("outside %s: refused (want files inside %s)", root, root)
	}
	dir := root
	parts := strings.Split(filepath.ToSlash(rel), "/")
	for _, part := range parts[:len(parts)-1] {
		dir = filepath.Join(dir, part)
		info, err := lstat(fsys, dir)
		if err != nil {
			return plain(err)
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			_, err := resolve(fsys, root, p)
			return err
		}
	}
	return nil
}

// lstat describes p itself, not what a link names, where fsys can tell.
func lstat(fsys afero.Fs, p string) (fs.FileInfo, error) {
	if l, ok := fsys.(afero.Lstater); ok {
		info, _, err := l.LstatIfPossible(p)
		return info, err
	}
	return fsys.Stat(p)
}

// resolve returns the target of the symbolic link p, when it lies
// inside root. Only the operating system's file system has links whose
// targets can be resolved; on any other, a link is refused.
func resolve(fsys afero.Fs, root, p string) (string, error) {
	if _, ok := fsys.(*afero.OsFs); !ok {
		return "", errors.New("symbolic link: refused (want a regular file)")
	}
	realRoot, err := realPath(root)
	if err != nil {
		return "", fmt.Errorf("folder %s: %w", root, plain(err))
	}
	target, err := realPath(p)
	if err != nil {
		return "", fmt.Errorf("symbolic link that does not resolve: refused (want a regular file; %v)", plain(err))
	}
	if !Within(realRoot, target) {
		return "", fmt.Errorf("symbolic link to %s, outside %s: refused (want files inside %s)", target, root, root)
	}
	return target, nil
}

// realPath returns the absolute path of p with every symbolic link
// resolved.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// Within reports whether the clean path p is dir or lies under it.
func Within(dir, p string) bool {
	dir, p = filepath.Clean(dir), filepath.Clean(p)
	if dir == p {
		return true
	}
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// kind names a file's type for messages.
func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a folder"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "an irregular file"
}

// Inside reports whether the folder p is the folder dir or lies under
// it, on fsys, after resolving symbolic links on the operating system's
// file system (p need not exist yet: its nearest existing parent is
// resolved). For a build, the output folder inside the content folder
// would be read back as content, and content inside the output folder
// replaced by the site.
func Inside(fsys afero.Fs, dir, p string) bool {
	return Within(folderPath(fsys, dir), folderPath(fsys, p))
}

// folderPath returns p absolute and, on the operating system's file
// system, with the links of its existing part resolved.
func folderPath(fsys afero.Fs, p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	if _, ok := fsys.(*afero.OsFs); !ok {
		return abs
	}
	missing := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, missing)
		}
		if dir == filepath.Dir(dir) {
			return abs
		}
		missing = filepath.Join(filepath.Base(dir), missing)
	}
}
