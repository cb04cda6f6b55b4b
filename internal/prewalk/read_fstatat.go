//go:build linux && (amd64 || arm64)

package prewalk

import (
	"io/fs"
	"os"
	"slices"
	"strings"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Both are the kernel's struct stat on these systems, field for field.
var (
	_ [unsafe.Sizeof(syscall.Stat_t{}) - unsafe.Sizeof(unix.Stat_t{})]byte
	_ [unsafe.Sizeof(unix.Stat_t{}) - unsafe.Sizeof(syscall.Stat_t{})]byte
)

// lstat is what lstat said of an Entry's file, if it was asked.
type lstat struct {
	stated bool
	st     syscall.Stat_t
}

// Stat returns what lstat said of the file when the walk found it, and
// false when the walk did not ask (the entry is not a regular file) or
// lstat failed.
func (e *Entry) Stat() (fs.FileInfo, bool) {
	if !e.stated {
		return nil, false
	}
	return fileInfo{e}, true
}

// fileInfo is an Entry's lstat, as os.Lstat reports it.
type fileInfo struct{ e *Entry }

func (f fileInfo) Name() string       { return f.e.name }
func (f fileInfo) Size() int64        { return f.e.st.Size }
func (f fileInfo) Mode() fs.FileMode  { return modeOf(f.e.st.Mode) }
func (f fileInfo) ModTime() time.Time { return time.Unix(f.e.st.Mtim.Unix()) }
func (f fileInfo) IsDir() bool        { return f.Mode().IsDir() }
func (f fileInfo) Sys() any           { return &f.e.st }

// modeOf is a stat mode as package os makes it a FileMode.
func modeOf(m uint32) fs.FileMode {
	mode := fs.FileMode(m & 0o777)
	switch m & syscall.S_IFMT {
	case syscall.S_IFBLK:
		mode |= fs.ModeDevice
	case syscall.S_IFCHR:
		mode |= fs.ModeDevice | fs.ModeCharDevice
	case syscall.S_IFDIR:
		mode |= fs.ModeDir
	case syscall.S_IFIFO:
		mode |= fs.ModeNamedPipe
	case syscall.S_IFLNK:
		mode |= fs.ModeSymlink
	case syscall.S_IFSOCK:
		mode |= fs.ModeSocket
	}
	if m&syscall.S_ISGID != 0 {
		mode |= fs.ModeSetgid
	}
	if m&syscall.S_ISUID != 0 {
		mode |= fs.ModeSetuid
	}
	if m&syscall.S_ISVTX != 0 {
		mode |= fs.ModeSticky
	}
	return mode
}

// readDir returns a folder's entries sorted by name, with the lstat of
// each regular file, asked of the open folder (fstatat) so that the
// kernel need not look the folder's path up again for each.
func readDir(dir string) ([]Entry, bool) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	des, err := f.ReadDir(-1)
	if err != nil {
		return nil, false
	}
	// Sorted as os.ReadDir sorts them, before they are made: an Entry
	// is large to move.
	slices.SortFunc(des, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	entries := make([]Entry, len(des))
	for i, d := range des {
		entries[i] = Entry{name: d.Name(), typ: d.Type(), dir: dir}
	}
	rc, err := f.SyscallConn()
	if err != nil {
		return nil, false
	}
	rc.Control(func(fd uintptr) {
		for i := range entries {
			e := &entries[i]
			if !e.typ.IsRegular() {
				continue
			}
			err := unix.Fstatat(int(fd), e.name, (*unix.Stat_t)(unsafe.Pointer(&e.st)), unix.AT_SYMLINK_NOFOLLOW)
			e.stated = err == nil
		}
	})
	return entries, true
}
