package write

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/afero"
)

// errLocked tells that another process holds a lock.
var errLocked = errors.New("locked")

// outputLock is the lock a build holds on its output folder from Begin
// or Resume to Commit or Abort, so that two builds never write one
// output folder and its spare folder at once.
type outputLock struct {
	file *os.File
}

// lockOutput takes the lock of the output folder dir of fsys, or says
// which build holds it. The lock is an flock(2) on a file in the user's
// cache folder (see statePath) named by the folder's absolute path, or,
// without a cache folder, on the folder that holds dir: nothing is
// written beside the output folder. Output folders on a file system that
// is not the operating system's, or on systems without flock, are not
// locked.
func lockOutput(fsys afero.Fs, dir string) (*outputLock, error) {
	osPath := osPaths(fsys)
	if osPath == nil || !canLock {
		return &outputLock{}, nil
	}
	abs, err := filepath.Abs(osPath(dir))
	if err != nil {
		return nil, fmt.Errorf("output folder %s: %w", dir, err)
	}
	p := cacheFile(abs, ".lock")
	f, err := openLockFile(p)
	if err == nil {
		pruneLocks(filepath.Dir(p))
	} else {
		p = filepath.Dir(abs) // no cache folder: lock the parent folder
		if f, err = os.Open(p); err != nil {
			return nil, fmt.Errorf("lock output folder %s: %w", dir, err)
		}
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, errLocked) {
			return nil, fmt.Errorf("output folder %s: another build is writing it (it holds a lock on %s); run this one when it has finished", dir, p)
		}
		return nil, fmt.Errorf("lock output folder %s: %w", dir, err)
	}
	return &outputLock{file: f}, nil
}

// openLockFile opens the lock file p, making it and its folder when
// missing, and marks it used now, so that pruneStates removes the
// oldest first.
func openLockFile(p string) (*os.File, error) {
	if p == "" {
		return nil, errors.New("no cache folder")
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	_ = os.Chtimes(p, now, now)
	return f, nil
}

// release lets the next build take the lock.
func (l *outputLock) release() {
	if l != nil && l.file != nil {
		l.file.Close() // closing the file releases its flock
		l.file = nil
	}
}

// cacheFile returns the file, in the user's cache folder, that keeps
// what builds of the output folder abs (an absolute path) need: its name
// is a hash of abs, with ext. It returns "" without a cache folder.
func cacheFile(abs, ext string) string {
	cache, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(cache, stateDir, hex.EncodeToString(sum[:16])+ext)
}

// pruneLocks removes the oldest lock files in dir beyond keptStates
// that no build holds.
func pruneLocks(dir string) {
	if !tooMany(afero.NewOsFs(), dir, ".lock") {
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	var locks []os.FileInfo
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.Mode().IsRegular() && strings.HasSuffix(e.Name(), ".lock") {
			locks = append(locks, info)
		}
	}
	sort.Slice(locks, func(i, j int) bool { return locks[i].ModTime().After(locks[j].ModTime()) })
	for _, info := range locks[min(keptStates, len(locks)):] {
		removeUnheldLock(filepath.Join(dir, info.Name()))
	}
}

// removeUnheldLock removes the lock file p unless a build holds it.
func removeUnheldLock(p string) {
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		return
	}
	defer f.Close()
	if lockFile(f) == nil {
		_ = os.Remove(p)
	}
}
