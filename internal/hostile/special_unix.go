//go:build unix

package hostile

import "syscall"

// special makes the named pipe ("fifo") or Unix socket ("socket") p.
func special(op, p string) error {
	if op == "fifo" {
		return syscall.Mkfifo(p, 0o644)
	}
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err != nil {
		return err
	}
	defer syscall.Close(fd)
	return syscall.Bind(fd, &syscall.SockaddrUnix{Name: p})
}
