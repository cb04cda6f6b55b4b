//go:build unix

package cache

import (
	"os"

	"golang.org/x/sys/unix"
)

// mapFile maps the file at path into memory, read-only, and returns its
// bytes and a function that unmaps them. Mapping spares reading a cache
// file of hundreds of megabytes into zeroed memory; the file is never
// written in place (saves write another file and rename it), so the
// bytes cannot change under the reader.
func mapFile(path string) ([]byte, func(), error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if info.Size() == 0 || int64(int(info.Size())) != info.Size() {
		data, err := os.ReadFile(path)
		return data, func() {}, err
	}
	data, err := unix.Mmap(int(f.Fd()), 0, int(info.Size()), unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		data, err := os.ReadFile(path)
		return data, func() {}, err
	}
	return data, func() { unix.Munmap(data) }, nil
}
