package merge

import (
	"time"

	"github.com/newsroom/timeline/internal/sitetest"
)

// cpuTime returns the processor time the process has used (see
// sitetest.CPUTime).
func cpuTime() time.Duration { return sitetest.CPUTime() }
