package cache

import (
	"hash/crc32"
	"io/fs"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/broadsheet/broadsheet/feed"
)

// Preload implements load.Preloader: it returns, one event a file,
// every article and problem the cache holds for roots, without looking
// at the files, so that a second start can list them at once and check
// the files after. It reports false when it cannot vouch for the whole
// of roots: roots other than those the cache was opened with, nested
// ones, or a root whose cache file was missing, damaged or of another
// program, or when a test of Admit leaves articles out. A record with a date after now is left out (see
// load.Cache), as a Lookup would pass it over.
//
// Each record is checked against its checksum here, as it is decoded,
// so that the mapped file is read through once: a damaged record is not
// handed over, and its file is then read again as a new one, its record
// replaced. Unchanged then compares only the file's stamp and hint.
func (c *Cache) Preload(roots []string, now time.Time) ([]feed.Event, bool) {
	<-c.ready
	if c.key == "" || len(roots) != len(c.shards) || c.admit != nil || c.ruleOut != nil {
		return nil, false
	}
	given := make(map[string]string, len(roots)) // abs → as given
	for _, r := range roots {
		abs := c.abs(r)
		if abs == "" || given[abs] != "" {
			return nil, false
		}
		given[abs] = r
	}
	type part struct {
		s    *shard
		name string
	}
	parts := make([]part, 0, len(c.shards))
	for _, s := range c.shards {
		name, ok := given[s.root]
		if !ok {
			return nil, false
		}
		for _, o := range c.shards {
			if o != s && strings.HasPrefix(s.root, o.root+string(filepath.Separator)) {
				return nil, false // nested: walked twice, under two names
			}
		}
		parts = append(parts, part{s, name})
	}
	var events []feed.Event
	var handed []handedSlot
	for _, p := range parts {
		s := p.s
		s.rw.RLock()
		if !s.valid || s.buf == nil {
			s.rw.RUnlock()
			return nil, false
		}
		evs := make([]feed.Event, len(s.slots))
		clean := plainDir(p.name)
		// Decoding allocates each file's articles: on every core.
		n := max(1, min(runtime.GOMAXPROCS(0), len(evs)/256))
		size := (len(evs) + n - 1) / n
		var wg sync.WaitGroup
		for start := 0; start < len(evs); start += size {
			wg.Go(func() {
				var own hintOwner
				for i := start; i < min(start+size, len(evs)); i++ {
					path := p.name
					if rel := s.slots[i].rel; rel != "" {
						path = joinRel(p.name, clean, rel)
					}
					h, arts, probs, ok := c.decodeSlot(s, &s.slots[i], path, true)
					ReadThrough(s.slots[i].n)
					if !ok || datedAfter(arts, now) {
						continue
					}
					s.slots[i].hint = own.of(h)
					s.slots[i].preloaded.Store(true)
					evs[i] = feed.Event{Path: path, Articles: arts, Problems: probs}
				}
			})
		}
		wg.Wait()
		s.rw.RUnlock()
		// The events handed over, kept in place: with one root, evs
		// is what is returned, with no second array of them.
		k := 0
		handed = slices.Grow(handed, len(evs))
		for i, ev := range evs {
			if ev.Path != "" {
				evs[k] = ev
				k++
				handed = append(handed, handedSlot{s, int32(i)})
			}
		}
		clear(evs[k:])
		if events == nil {
			events = evs[:k:k]
		} else {
			events = append(events, evs[:k]...)
		}
	}
	c.handedMu.Lock()
	c.handed = handed
	c.handedMu.Unlock()
	return events, true
}

// hintOwner gives the hints that Preload keeps for Unchanged strings
// of their own. A record's hint is read from the mapped file, and
// comparing it there would read every record's page again after the
// pass that checked it, keeping the whole file in the process's memory
// (at 100,000 articles, 644 MB of it). Files of one folder, handed over
// one after another, share one copy of its name and outlet.
type hintOwner struct{ outlet, folder string }

func (o *hintOwner) of(h feed.Hint) feed.Hint {
	if h.Outlet != o.outlet {
		o.outlet = strings.Clone(h.Outlet)
	}
	if h.Folder != o.folder {
		o.folder = strings.Clone(h.Folder)
	}
	h.Outlet, h.Folder = o.outlet, o.folder
	return h
}

// plainDir reports whether a root's name, as given, is a folder's name
// that a record's name below it (a separator, then a clean path) can be
// put after as it is, the two then being what filepath.Join makes.
func plainDir(name string) bool {
	return name != "" && name != "." && filepath.Clean(name) == name && !strings.HasSuffix(name, string(filepath.Separator))
}

// joinRel returns filepath.Join(name, rel) for a record's name rel below
// a root given as name, which plain says plainDir holds for.
func joinRel(name string, plain bool, rel string) string {
	if plain && strings.HasPrefix(rel, string(filepath.Separator)) {
		return name + rel
	}
	return filepath.Join(name, rel)
}

// handedSlot is the record Preload handed over as one of its events.
type handedSlot struct {
	s *shard
	i int32
}

// Unchanged implements load.Preloader: it reports whether the record
// Preload handed over for path is still what extraction makes of the
// file as info describes it, with hint, and its bytes are whole. A
// record found so is kept when the cache is saved, as one Lookup used.
//
// i is the event of the last Preload that handed path over: its record
// is then found without looking path up.
func (c *Cache) Unchanged(i int, path string, info fs.FileInfo, hint feed.Hint) bool {
	<-c.ready
	if c.key == "" {
		return false
	}
	c.handedMu.Lock()
	var h handedSlot
	if i >= 0 && i < len(c.handed) {
		h = c.handed[i]
	}
	c.handedMu.Unlock()
	s, j, rel := h.s, int(h.i), ""
	if s == nil {
		if s, rel = c.locate(path); s == nil {
			return false
		}
	}
	s.rw.RLock()
	defer s.rw.RUnlock()
	if h.s == nil {
		k, ok := s.index[rel]
		if !ok {
			return false
		}
		j = int(k)
	}
	if s.buf == nil || j >= len(s.slots) {
		return false // saved, and let go of, since
	}
	// A record read again since Preload was not handed over, and is
	// not found unchanged below.
	sl := &s.slots[j]
	if h.s != nil && !strings.HasSuffix(path, sl.rel) {
		// Another Preload's numbering: read the file again. Where a
		// stamp holds no inode (stamp_other.go), two files of one size
		// and time would otherwise pass as each other.
		return false
	}
	// Preload handed the record over only once its checksum was found
	// right.
	if !sl.preloaded.Load() || sl.st != stampOf(info) || !sameHint(sl.hint, hint) {
		return false
	}
	sl.used.Store(true)
	return true
}

// decodeSlot decodes a slot's record for the file at path, checking its
// checksum first when check is set. It needs s.rw held.
func (c *Cache) decodeSlot(s *shard, sl *slot, path string, check bool) (feed.Hint, []*feed.Article, []feed.Problem, bool) {
	rec := s.buf[sl.off : sl.off+sl.n]
	if check && crc32.Checksum(rec, castagnoli) != sl.crc {
		return feed.Hint{}, nil, nil, false
	}
	// The mapped bytes are read in place while the lock is held, and
	// never written to.
	raw := unsafe.String(unsafe.SliceData(rec), len(rec))
	d := decode(raw)
	d.header()
	d.sketches()
	if !c.borrow {
		// One copy of the rest of the record: its articles keep alive
		// only it, not the whole file.
		d = decode(strings.Clone(raw[d.I:]))
	}
	h, arts, probs := d.body(path, c.borrow)
	if d.Err {
		return feed.Hint{}, nil, nil, false
	}
	return h, arts, probs, true
}

// datedAfter reports whether any article is dated after t.
func datedAfter(arts []*feed.Article, t time.Time) bool {
	for _, a := range arts {
		if a.Date.After(t) {
			return true
		}
	}
	return false
}
