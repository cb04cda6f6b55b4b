//go:build !(linux && (amd64 || arm64))

package prewalk

import (
	"io/fs"
	"os"
)

// lstat is what lstat said of an Entry's file, if it was asked.
type lstat struct{ info fs.FileInfo }

// Stat returns what lstat said of the file when the walk found it, and
// false when the walk did not ask (the entry is not a regular file) or
// lstat failed.
func (e *Entry) Stat() (fs.FileInfo, bool) { return e.info, e.info != nil }

// readDir returns a folder's entries sorted by name, with the lstat of
// each regular file.
func readDir(dir string) ([]Entry, bool) {
	des, err := os.ReadDir(dir)
	if err != nil {
		return nil, false
	}
	entries := make([]Entry, len(des))
	plain := plainDir(dir)
	for i, d := range des {
		e := &entries[i]
		*e = Entry{name: d.Name(), typ: d.Type(), dir: dir}
		if e.typ.IsRegular() {
			e.info, _ = os.Lstat(join(dir, plain, e.name))
		}
	}
	return entries, true
}
