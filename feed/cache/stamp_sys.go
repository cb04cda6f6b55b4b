//go:build linux || openbsd || dragonfly || solaris || illumos || aix || darwin || ios || netbsd || freebsd

package cache

import (
	"io/fs"
	"syscall"
)

// stampOf returns what the file system says of a file: its size, its
// modification and change times (the change time moves whenever the
// file does, even when the modification time is set back), inode and
// device.
func stampOf(info fs.FileInfo) stamp {
	st := stamp{size: info.Size(), mtime: info.ModTime().UnixNano()}
	if sys, ok := info.Sys().(*syscall.Stat_t); ok {
		st.ctime = changeTime(sys)
		st.ino = uint64(sys.Ino)
		st.dev = uint64(sys.Dev)
	}
	return st
}
