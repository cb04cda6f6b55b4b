//go:build !unix

package load

import "os"

// readFile reads the file at path, refusing one over limit bytes.
func readFile(path string, limit int64, _ []byte) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readOpen(f, limit)
}
