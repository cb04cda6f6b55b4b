package cputime

import (
	"time"

	"golang.org/x/sys/unix"
)

// Process returns the CPU time the process has used, user and system,
// in all threads; 0 where it cannot be read.
func Process() time.Duration {
	var ru unix.Rusage
	if err := unix.Getrusage(unix.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Thread returns the CPU time the calling thread has used; 0 where it
// cannot be read. Lock the goroutine to its thread to measure it.
func Thread() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0
	}
	return time.Duration(ts.Nano())
}
