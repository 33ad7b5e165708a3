//go:build unix

package sitetest

import (
	"syscall"
	"time"
)

// CPUTime returns the processor time the process has used, user and
// system: on a machine others share, what a benchmark's own work costs.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
