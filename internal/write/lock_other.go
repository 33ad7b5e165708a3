//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package write

import "os"

// canLock tells that this system has no flock: output folders are not
// locked here.
const canLock = false

func lockFile(f *os.File) error { return nil }
