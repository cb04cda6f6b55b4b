//go:build !(linux || openbsd || dragonfly || solaris || illumos || aix || darwin || ios || netbsd || freebsd)

package cache

import "io/fs"

// stampOf returns what the file system says of a file: its size and
// modification time.
func stampOf(info fs.FileInfo) stamp {
	return stamp{size: info.Size(), mtime: info.ModTime().UnixNano()}
}
