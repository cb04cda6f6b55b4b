package feed

import (
	"time"

	"golang.org/x/sys/unix"
)

// processCPU returns the CPU time the process has used, in all threads.
func processCPU() time.Duration {
	var ru unix.Rusage
	if err := unix.Getrusage(unix.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
