package write

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchangeDirs swaps the folders a and b in one step, with
// renameat2(RENAME_EXCHANGE): whoever looks at either path sees the one
// folder or the other, never neither. It returns errNoExchange when the
// kernel or the file system cannot (Linux before 3.15, some network
// file systems).
func exchangeDirs(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL) || errors.Is(err, unix.EOPNOTSUPP) {
		return errNoExchange
	}
	return err
}
