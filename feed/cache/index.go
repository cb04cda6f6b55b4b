package cache

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// indexSuffix ends the name of a search index file (see IndexFile), and
// storiesSuffix that of a grouping into stories (see StoriesFile).
const (
	indexSuffix   = ".bsi"
	storiesSuffix = ".bss"
)

// IndexFile returns the file that keeps, between runs, the search index
// of what the cache's roots hold, and the key it must have been written
// with: the cache's own, which names the program and its settings. It
// waits for the cache to be opened, and returns "" when the cache is
// off (no folder, or no identity for the program).
func (c *Cache) IndexFile() (path, key string) { return c.keptFile(indexSuffix) }

// StoriesFile returns the file that keeps, between runs, the grouping
// into stories of what the cache's roots hold, and the key it must have
// been written with, as IndexFile does: a grouping made by another
// program, whose rules may differ, is not one to take up.
func (c *Cache) StoriesFile() (path, key string) { return c.keptFile(storiesSuffix) }

// keptFile names the file with the given suffix that keeps something
// made of the cache's roots, and the key it must carry.
func (c *Cache) keptFile(suffix string) (path, key string) {
	<-c.ready
	if c.key == "" || len(c.shards) == 0 {
		return "", ""
	}
	roots := make([]string, len(c.shards))
	for i, s := range c.shards {
		roots[i] = s.root
	}
	sum := sha256.Sum256([]byte(strings.Join(roots, "\x00")))
	return filepath.Join(c.dir, hex.EncodeToString(sum[:12])+suffix), c.key
}

// MapFile maps the file at path into memory, read-only, where the
// system can, and returns its bytes and a function that lets go of them.
// The bytes must not be written to.
func MapFile(path string) ([]byte, func(), error) {
	data, unmap, err := mapFile(path)
	if err == nil {
		// A file in use is not one to prune.
		now := time.Now()
		os.Chtimes(path, now, now)
	}
	return data, unmap, err
}

// WriteFile writes the file at path whole, through write: into a
// temporary file in the same folder, then renamed over path, so that
// no reader ever sees half of it, and a process killed while writing
// leaves the old file as it was (the temporary one is pruned later).
func WriteFile(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // gone after the rename; left by a failure
	w := bufio.NewWriterSize(f, 1<<20)
	if err := write(w); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
