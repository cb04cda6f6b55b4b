//go:build unix

package load

import (
	"fmt"
	"io/fs"
	"syscall"

	"github.com/dustin/go-humanize"
)

// readFile reads the file at path, refusing one over limit bytes, with
// the system's calls alone: open, stat, read, close. os.Open would also
// try to register every file with the poller that serves sockets, which
// for a regular file costs four calls more (and fails), a few
// microseconds a file that a folder of a hundred thousand pays in full.
// It reads into buf when the file fits.
//
// Only a regular file is read. The name may lead, through a symbolic
// link, to a pipe, a terminal or a device, whose open or read would wait
// for ever (or take the reader's keys): the file is opened without
// blocking and without becoming the controlling terminal, and what the
// open descriptor is, not what the name was a moment before, decides.
func readFile(path string, limit int64, buf []byte) ([]byte, error) {
	fd, err := retry(func() (int, error) {
		return syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
	})
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if _, err := retry(func() (int, error) { return 0, syscall.Fstat(fd, &st) }); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	switch st.Mode & syscall.S_IFMT {
	case syscall.S_IFREG:
	case syscall.S_IFDIR:
		return nil, errIsFolder
	default:
		return nil, errNotRegular
	}
	if st.Size > limit {
		return nil, fmt.Errorf("%w: %s is over the %s limit", errTooLarge, humanize.IBytes(uint64(st.Size)), humanize.IBytes(uint64(limit)))
	}
	size := max(st.Size, 0)
	// The file may grow between the stat and reading: read one byte past
	// the limit to notice.
	data := buf[:0]
	if int64(cap(data)) < size+1 {
		// Room for most articles, so that the buffer serves the next
		// file too (see fileBufs).
		data = make([]byte, 0, max(size+1, 16<<10))
	}
	for int64(len(data)) <= limit {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		room := data[len(data):min(int64(cap(data)), limit+1)]
		n, err := retry(func() (int, error) { return syscall.Read(fd, room) })
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n <= 0 {
			return data, nil
		}
		data = data[:len(data)+n]
	}
	return nil, fmt.Errorf("%w: over the %s limit", errTooLarge, humanize.IBytes(uint64(limit)))
}

// retry makes a system call again while a signal interrupts it.
func retry(call func() (int, error)) (int, error) {
	for {
		n, err := call()
		if err != syscall.EINTR {
			return n, err
		}
	}
}
