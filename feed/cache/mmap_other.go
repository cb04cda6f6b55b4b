//go:build !unix

package cache

import "os"

// mapFile reads the file at path; the returned function does nothing.
func mapFile(path string) ([]byte, func(), error) {
	data, err := os.ReadFile(path)
	return data, func() {}, err
}

// LetGoOfPages does nothing: nothing is mapped.
func LetGoOfPages() {}
