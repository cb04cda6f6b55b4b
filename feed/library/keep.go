package library

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"slices"
	"sync"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/cache"
	"github.com/broadsheet/broadsheet/feed/search"
)

// Options configure Open.
type Options struct {
	// Index, when set, returns the file that keeps the search index
	// between runs and the key it must have been written with (as
	// cache.Cache.IndexFile does). It may block: Open calls it in the
	// background. A path of "" keeps no index.
	Index func() (path, key string)
}

// Open returns an empty library whose search index is kept between
// runs, in the file o.Index names. The index written by an earlier run
// is opened in the background, mapped rather than read: the articles
// the load then hands over unchanged are taken into it as they are, and
// only those that are new or changed are indexed. Once a load is done
// (Compact), the articles no file gave again are dropped from it and
// the index is written back when it changed. A file that is damaged is
// rebuilt, with a problem to say so; one made by another version of
// the program is rebuilt without a word.
func Open(o Options) *Library {
	lib := New()
	if o.Index == nil {
		return lib
	}
	lib.ready = make(chan struct{})
	go func() {
		defer close(lib.ready)
		lib.file, lib.key = o.Index()
		if lib.file == "" {
			return
		}
		lib.dirty = true
		data, unmap, err := cache.MapFile(lib.file)
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				lib.notice = fmt.Sprintf("search index unreadable, so built anew: %v", err)
			}
			return
		}
		ix, err := search.Decode(data, lib.key)
		if err != nil {
			unmap()
			if !errors.Is(err, search.ErrStale) {
				lib.notice = fmt.Sprintf("%v: built anew", err)
			}
			return
		}
		// The index reads data for as long as it lives: it is never
		// unmapped.
		lib.index, lib.dirty, lib.opened = ix, false, true
	}()
	return lib
}

// wait waits for the kept index to be opened, when there is one.
func (lib *Library) wait() {
	if lib.ready != nil {
		<-lib.ready
	}
}

// Opened reports whether the library's index was read from the file of
// an earlier run, rather than built anew. It waits for the file to be
// opened.
func (lib *Library) Opened() bool {
	lib.wait()
	return lib.opened
}

// notices returns, once, the problem met opening the kept index.
func (lib *Library) notices() []feed.Problem {
	lib.wait()
	lib.mu.Lock()
	defer lib.mu.Unlock()
	if lib.notice == "" {
		return nil
	}
	p := feed.Problem{Path: lib.file, Reason: feed.Sanitize(lib.notice)}
	lib.notice = ""
	return []feed.Problem{p}
}

// fingerprints returns the search.Fingerprint of each article, on every
// core (see sumEach).
func fingerprints(arts []*feed.Article) []uint64 {
	return sumEach(arts, search.Fingerprint)
}

// sumEach returns sum of each article, on every core, each core taking
// a run of them in order. Their text is read through (see
// cache.ReadThrough): on a second start it is the cache file's, and the
// articles are handed over in the order of its records, so each core
// reads the file's pages in order and lets go of them behind it. (Read
// in another order, each article faults in the pages around its own,
// and a few MB of text read keep every page of the file.)
func sumEach(arts []*feed.Article, sum func(*feed.Article) uint64) []uint64 {
	fps := make([]uint64, len(arts))
	n := min(runtime.GOMAXPROCS(0), len(arts)/64)
	if n <= 1 {
		for i, a := range arts {
			fps[i] = sum(a)
			cache.ReadThrough(textBytes(a))
		}
		return fps
	}
	var wg sync.WaitGroup
	size := (len(arts) + n - 1) / n
	for start := 0; start < len(arts); start += size {
		wg.Go(func() {
			for i := start; i < min(start+size, len(arts)); i++ {
				fps[i] = sum(arts[i])
				cache.ReadThrough(textBytes(arts[i]))
			}
		})
	}
	wg.Wait()
	return fps
}

// reindex puts the articles a batch added and removed into the index. An
// article the index holds already, as it is, is taken as it is (see
// search.Index.Attach); the others are indexed. It needs mu.
func (lib *Library) reindex(added, removed []*feed.Article, fps []uint64) {
	for _, a := range removed {
		lib.index.Remove(a.ID)
	}
	fresh := make([]*feed.Article, 0, len(added))
	for i, a := range added {
		if !lib.index.Attach(a, fps[i]) {
			// The index skips an ID it holds, so a file read again,
			// or a copy of an article that the store now keeps from
			// another file, replaces the old entry.
			lib.index.Remove(a.ID)
			fresh = append(fresh, a)
		}
	}
	// In parts, each read through: a second start that finds no kept
	// index indexes every article it lists, whose text is the cache
	// file's.
	for part := range slices.Chunk(fresh, indexPart) {
		addParallel(lib.index, part)
		n := 0
		for _, a := range part {
			n += textBytes(a)
		}
		cache.ReadThrough(n)
	}
	lib.analysed += len(fresh)
	if len(fresh) > 0 || len(removed) > 0 {
		lib.dirty = true
		lib.changes++
	}
}

// indexPart is how many articles reindex indexes before it notes their
// text read through (see cache.ReadThrough): about 40 MB of the
// generated corpus's.
const indexPart = 8192

// textBytes returns the bytes of an article's text that may be a mapped
// cache file's (see cache.Options.Borrow).
func textBytes(a *feed.Article) int { return len(a.Lead) + len(a.Body) }

// Close waits for the index being written, if it is; none is written
// after.
func (lib *Library) Close() {
	lib.smu.Lock()
	lib.closed = true
	lib.smu.Unlock()
}

// save writes the index to its file when it differs from the one there.
// When more than a quarter of what it holds are articles removed or
// replaced, it is built anew from the store first, so that what is kept
// does not grow with every change.
func (lib *Library) save() {
	lib.smu.Lock()
	defer lib.smu.Unlock()
	lib.mu.Lock()
	ix, dirty, changes := lib.index, lib.dirty, lib.changes
	lib.mu.Unlock()
	if lib.closed || lib.file == "" || !dirty {
		return
	}
	if ix.Removed() > ix.Len()/4 {
		nix := search.New()
		addParallel(nix, lib.store.Articles())
		nix.Compact()
		lib.mu.Lock()
		current := lib.changes == changes
		if current {
			lib.index = nix
		}
		lib.mu.Unlock()
		if !current {
			return // changed meanwhile: another time
		}
		ix = nix
	}
	err := cache.WriteFile(lib.file, func(w io.Writer) error { return ix.Encode(w, lib.key) })
	lib.mu.Lock()
	defer lib.mu.Unlock()
	if err != nil {
		lib.store.AddProblems(feed.Problem{Path: lib.file, Reason: feed.Sanitize("search index not saved: " + err.Error())})
		return
	}
	if lib.changes == changes {
		lib.dirty = false
	}
}
