//go:build !unix

package sitetest

import "time"

// CPUTime returns 0 where the process's processor time is not at hand.
func CPUTime() time.Duration { return 0 }
