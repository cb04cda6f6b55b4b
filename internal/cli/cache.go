package cli

import (
	"fmt"
	"os"
	"time"

	"github.com/broadsheet/broadsheet/feed/cache"
	"github.com/broadsheet/broadsheet/feed/load"
	"github.com/broadsheet/broadsheet/feed/search"
)

// useCache gives l the extraction cache for paths, unless --no-cache or
// the config file's cache = false says not to, l reads the bundled
// samples, or no path is a folder. The cache is saved in the background once the load is done,
// and waited for when the command ends (see closeCaches).
func (e *env) useCache(l *load.Loader, paths []string) {
	if e.flags.noCache || e.cfg == nil || !e.cfg.Cache || l.FS != nil || !anyFolder(paths) {
		return
	}
	c := cache.Open(paths, l.Extractor, cache.Options{
		// Articles read from the cache share its mapped file's bytes,
		// in the reader too: they are then the system's page cache,
		// not the program's heap, and a second start copies nothing.
		Borrow: true,
		// Files over the limit are never extracted, so the limit changes
		// no record; it is here so that no setting is ever overlooked.
		Settings: []string{fmt.Sprint("max_file_size=", l.MaxFileSize)},
		// Kept for one-shot searches to rule articles out with.
		Sketch: search.Sketch,
	})
	l.Cache = c
	e.caches = append(e.caches, c)
	e.storiesFile = c.StoriesFile
}

// anyFolder reports whether any of paths is a folder: a file named on
// its own is read faster than a cache of it would be.
func anyFolder(paths []string) bool {
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			return true
		}
	}
	return false
}

// closeCaches waits for the caches' saves. A cache that cannot be
// written costs the next run time, never this one its result. Leaving
// the reader just after a large folder's first load waits for its cache
// to be written (seconds for a hundred thousand articles): the reader
// says so rather than seem to hang.
func (e *env) closeCaches() {
	done := make(chan struct{})
	go func() {
		for _, c := range e.caches {
			c.Close()
		}
		close(done)
	}()
	if e.reader {
		select {
		case <-done:
		case <-time.After(saveNotice):
			fmt.Fprintln(e.Stderr, "broadsheet: saving what was read, so that it opens faster next time…")
		}
	}
	<-done
	e.caches = nil
}

// saveNotice is how long leaving the reader waits for the cache before
// saying why.
const saveNotice = 300 * time.Millisecond
