//go:build darwin || ios || netbsd || freebsd

package cache

import "syscall"

// changeTime returns a file's change time, in nanoseconds.
func changeTime(st *syscall.Stat_t) int64 { return st.Ctimespec.Nano() }
