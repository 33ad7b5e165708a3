package write

import (
	"errors"
	"os"
	"strconv"
	"sync/atomic"
)

// errNoExchange tells that the system cannot swap two folders in one
// step.
var errNoExchange = errors.New("cannot swap two folders in one step here")

// killAfter is, for the tests that stop a build part-way, the number of
// changes to the spare folder and the output folder (files written,
// linked or removed, markers, renames) after which the process kills
// itself as kill -9 would: GEN_TEST_KILL_AFTER. Zero, as everywhere
// else, never.
var killAfter, _ = strconv.ParseInt(os.Getenv("GEN_TEST_KILL_AFTER"), 10, 64)

var changes atomic.Int64

// step counts one change of the commit stage, and kills the process
// after killAfter of them.
func step() {
	if killAfter > 0 && changes.Add(1) >= killAfter {
		if p, err := os.FindProcess(os.Getpid()); err == nil {
			_ = p.Kill()
		}
		select {} // until the signal lands
	}
}
