//go:build !unix

package merge

import "time"

// cpuTime returns 0 where the process's processor time is not at hand.
func cpuTime() time.Duration { return 0 }
