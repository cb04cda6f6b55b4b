//go:build unix

package cache

import (
	"os"
	"sync"
	"unsafe"

	"golang.org/x/sys/unix"
)

// mappings lists the files mapped and not yet unmapped, by their first
// byte, so that LetGoOfPages touches nothing else: its advice on memory
// that is not a file's would lose what the memory holds.
var mappings struct {
	sync.Mutex
	m map[*byte][]byte
}

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
	mappings.Lock()
	if mappings.m == nil {
		mappings.m = make(map[*byte][]byte)
	}
	mappings.m[unsafe.SliceData(data)] = data
	mappings.Unlock()
	return data, sync.OnceFunc(func() {
		mappings.Lock()
		defer mappings.Unlock()
		delete(mappings.m, unsafe.SliceData(data))
		unix.Munmap(data)
	}), nil
}

// LetGoOfPages tells the system that the pages of every mapped file (the
// cache's records, the kept index) need not stay in the process's
// memory: they stay in the system's file cache while it has room, and
// are mapped again, from there or from the disk, when next read. A load
// reads every record once (to check it, and to fingerprint its
// articles); afterwards the reader reads an article's text when it is
// shown or searched, and the postings of the words searched for.
func LetGoOfPages() {
	mappings.Lock()
	defer mappings.Unlock()
	for _, data := range mappings.m {
		unix.Madvise(data, unix.MADV_DONTNEED)
	}
}
