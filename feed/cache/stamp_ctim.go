//go:build linux || openbsd || dragonfly || solaris || illumos || aix

package cache

import "syscall"

// changeTime returns a file's change time, in nanoseconds.
func changeTime(st *syscall.Stat_t) int64 { return st.Ctim.Nano() }
