//go:build !unix

package load

import "os"

// readFile reads the file at path, refusing one over limit bytes or not
// a regular file. The name is checked before it is opened, for opening a
// device may wait, and the open file again, for the name may have
// changed between.
func readFile(path string, limit int64, _ []byte) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := checkRegular(info); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readOpen(f, limit)
}
