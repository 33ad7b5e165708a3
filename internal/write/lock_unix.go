//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package write

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// canLock tells that lockFile locks.
const canLock = true

// lockFile takes an exclusive flock on f without waiting, or returns
// errLocked when another open file holds one. A lock file that was
// removed and made anew meanwhile (pruneStates) is not the lock anymore:
// that too is errLocked, for a build that runs at the same moment.
func lockFile(f *os.File) error {
	err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
	if errors.Is(err, unix.EWOULDBLOCK) {
		return errLocked
	}
	if err != nil {
		return err
	}
	held, err1 := f.Stat()
	now, err2 := os.Stat(f.Name())
	if err1 == nil && (err2 != nil || !os.SameFile(held, now)) {
		return errLocked
	}
	return nil
}
