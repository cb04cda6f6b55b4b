// Package cache keeps what extraction made of article files between runs,
// so that a file that has not changed is neither read nor extracted again.
// It implements load.Cache.
//
// Records are kept per folder (or file) the loader is given, one file
// each under $XDG_CACHE_HOME/broadsheet, never beside the articles. A
// record is used only for the same file (path, size, modification and
// change times, inode and device), the same hint, and the same extraction:
// the same program (a hash of its executable) with the same signature
// table and settings. Anything else is a miss. A damaged or foreign cache
// file is ignored and replaced; two processes replace a file whole, by
// renaming, so neither sees the other's half-written one.
package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/broadsheet/broadsheet/feed"
)

// maxAge is how long a cache file unused by any load is kept.
const maxAge = 30 * 24 * time.Hour

// suffix ends the name of every cache file.
const suffix = ".bsc"

// Cache is a load.Cache kept in files under a folder. Open one per load
// and Close it when done.
type Cache struct {
	dir    string
	cwd    string
	shards []*shard // longest root first

	ready chan struct{} // closed when identity and shards are read
	key   string        // identity and fingerprint, once ready; "" disables

	saveMu  sync.Mutex // guards closed and saving.Add
	writeMu sync.Mutex // one save at a time
	saving  sync.WaitGroup
	stored  atomic.Int64 // records stored since the last save
	closed  bool
	onError func(error)
	borrow  bool

	// handed are the records the last Preload handed over, one an
	// event, for Unchanged to find them by.
	handedMu sync.Mutex
	handed   []handedSlot

	sketch  func(*feed.Article) []byte
	admit   func(a *feed.Article, sketch []byte) bool
	ruleOut func(sketch []byte) bool
	passed  atomic.Int64
}

// shard is the cache file for one root.
type shard struct {
	root string // absolute and clean
	file string

	// rw guards buf, index and slots, which a save drops.
	rw    sync.RWMutex
	buf   []byte           // the file's bytes, until saved
	unmap func()           // lets go of buf's memory, when it is mapped
	keep  bool             // whether articles share buf's bytes, so that it is never unmapped
	index map[string]int32 // rel → its slot
	slots []slot
	valid bool // whether the file was there, whole and of this key

	mu     sync.Mutex
	stores map[string]*fresh
}

// slot is one record of a shard's file.
type slot struct {
	rel    string
	off, n int // the record: buf[off : off+n]
	st     stamp
	crc    uint32 // the record's CRC-32C
	used   atomic.Bool
	// preloaded reports whether Preload handed the record over, and
	// hint is then the record's hint, for Unchanged.
	preloaded atomic.Bool
	hint      feed.Hint
}

// fresh is a record made in this run.
type fresh struct {
	st       stamp
	hint     feed.Hint
	arts     []*feed.Article
	probs    []feed.Problem
	sketches [][]byte // made when stored, when the cache keeps sketches
}

// Options configure Open.
type Options struct {
	// Dir is the folder of cache files. Empty means Dir().
	Dir string
	// Settings are what else extraction depends on, besides the
	// program and its signature table: the config settings that change
	// what a file gives. Any difference is a miss.
	Settings []string
	// Identity names the extracting program. Empty means a hash of the
	// running executable, computed in the background.
	Identity string
	// OnError, when set, hears of a cache file that could not be
	// written. A cache never fails a load.
	OnError func(error)
	// Borrow lets the articles read from a cache file share its bytes
	// rather than each copying its own record: no copy, and where the
	// file is mapped, the articles' text is the system's page cache
	// rather than the program's heap; but the whole file then stays
	// mapped (or, where it cannot be mapped, read) for as long as the
	// cache lives. A file is only ever replaced, by renaming, never
	// written in place, so the mapped bytes cannot change.
	Borrow bool
	// Sketch, when set, gives what is kept beside each article stored
	// for a search to rule it out with (see search.Sketch and Admit).
	// Sketches are made as files are stored, by the loader's workers.
	Sketch func(*feed.Article) []byte
}

// Dir returns the default cache folder: broadsheet under
// $XDG_CACHE_HOME, else under the user's cache folder (~/.cache).
func Dir() string {
	if d := os.Getenv("XDG_CACHE_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "broadsheet")
	}
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "broadsheet")
	}
	return ""
}

// Open returns a cache for loading roots with x, the extractor the loader
// uses. It returns at once: the cache files are read in the background,
// and the first Lookup waits for them.
func Open(roots []string, x Extractor, o Options) *Cache {
	c := &Cache{dir: o.Dir, ready: make(chan struct{}), onError: o.OnError, borrow: o.Borrow, sketch: o.Sketch}
	if c.dir == "" {
		c.dir = Dir()
	}
	c.cwd, _ = os.Getwd()
	seen := map[string]bool{}
	for _, r := range roots {
		abs := c.abs(r)
		if abs == "" || seen[abs] {
			continue
		}
		seen[abs] = true
		c.shards = append(c.shards, &shard{root: abs, file: filepath.Join(c.dir, shardName(abs)), stores: map[string]*fresh{}, keep: c.borrow})
	}
	// Nested roots: a file belongs to the deepest.
	sortByLength(c.shards)
	go func() {
		defer close(c.ready)
		if c.dir == "" || c.cwd == "" {
			return
		}
		// The program's hash is computed while the shards are mapped
		// and their indexes read.
		keyc := make(chan string, 1)
		go func() {
			id := o.Identity
			if id == "" {
				id = executableIdentity(c.dir)
			}
			if id != "" {
				id += "\x00" + fingerprint(x, o.Settings)
			}
			keyc <- id
		}()
		key := sync.OnceValue(func() string { return <-keyc })
		var wg sync.WaitGroup
		for _, s := range c.shards {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s.read(key)
			}()
		}
		wg.Wait()
		c.key = key()
	}()
	return c
}

func sortByLength(shards []*shard) {
	for i := 1; i < len(shards); i++ {
		for j := i; j > 0 && len(shards[j].root) > len(shards[j-1].root); j-- {
			shards[j], shards[j-1] = shards[j-1], shards[j]
		}
	}
}

// abs returns p absolute and clean, against the working folder at Open.
func (c *Cache) abs(p string) string {
	if filepath.IsAbs(p) {
		if clean(p) {
			return p // as a walk from a clean root gives every path
		}
		return filepath.Clean(p)
	}
	if c.cwd == "" {
		return ""
	}
	return filepath.Join(c.cwd, p)
}

// clean reports, faster than filepath.Clean would tell, whether an
// absolute path is clean: no empty, "." or ".." element, and no
// separator at the end. It may report false for a clean path.
func clean(p string) bool {
	const sep = string(filepath.Separator)
	if filepath.Separator != '/' || len(p) < 2 || strings.HasSuffix(p, sep) || strings.Contains(p, sep+sep) {
		return false
	}
	for i := strings.Index(p, sep+"."); i >= 0; {
		rest := p[i+2:]
		if rest == "" || rest[0] == filepath.Separator || rest[0] == '.' && (len(rest) == 1 || rest[1] == filepath.Separator) {
			return false
		}
		j := strings.Index(rest, sep+".")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	return true
}

// locate returns the shard p belongs to and p's name within it.
func (c *Cache) locate(p string) (*shard, string) {
	abs := c.abs(p)
	for _, s := range c.shards {
		if abs == s.root {
			return s, ""
		}
		if strings.HasPrefix(abs, s.root) && (strings.HasSuffix(s.root, string(filepath.Separator)) || abs[len(s.root)] == filepath.Separator) {
			return s, abs[len(s.root):]
		}
	}
	return nil, ""
}

// Lookup implements load.Cache.
func (c *Cache) Lookup(path string, info fs.FileInfo, hint feed.Hint) ([]*feed.Article, []feed.Problem, bool) {
	<-c.ready
	if c.key == "" {
		return nil, nil, false
	}
	s, rel := c.locate(path)
	if s == nil {
		return nil, nil, false
	}
	s.rw.RLock()
	i, ok := s.index[rel]
	if !ok || s.slots[i].st != stampOf(info) {
		s.rw.RUnlock()
		return nil, nil, false
	}
	sl := &s.slots[i]
	rec := s.buf[sl.off : sl.off+sl.n]
	defer s.rw.RUnlock()
	// A one-shot search looks every file up: its pages are let go of as
	// it goes, not all of the file held until the end (100,000 articles:
	// 658 MB of them).
	defer ReadThrough(sl.n)
	// The mapped bytes are read in place while the lock is held, and
	// never written to.
	raw := unsafe.String(unsafe.SliceData(rec), len(rec))
	d := decode(raw)
	d.header()
	sketches := d.sketches()
	out, all := c.ruledOut(sketches)
	if all {
		// Nothing of the file is kept, so its articles need not be
		// made, nor the whole record checked: the test trusts only a
		// sketch whose own checksum holds (see search.Sketch), and a
		// hint or count damaged here makes a miss.
		h, n, probs := d.skim()
		if d.Err || !sameHint(h, hint) || n != sketches.n {
			return nil, nil, false
		}
		if probs == 0 {
			sl.used.Store(true)
			c.passed.Add(int64(n))
			return nil, nil, true
		}
		// Problems are the loader's to weigh (load.Filter.Recheck):
		// the record is read as it always is.
		out = nil
	}
	if crc32.Checksum(rec, castagnoli) != sl.crc {
		return nil, nil, false // damaged: extracted again, and replaced
	}
	d = decode(raw)
	d.header()
	sketches = d.sketches()
	if !c.borrow {
		// One copy of the rest of the record: its articles keep alive
		// only it, not the whole file.
		d = decode(strings.Clone(raw[d.I:]))
	}
	h, arts, probs := d.body(path, c.borrow)
	if d.Err || !sameHint(h, hint) {
		return nil, nil, false
	}
	sl.used.Store(true)
	return c.admitted(arts, sketches, out), probs, true
}

// RuleOut makes Lookup leave out, before it makes them, the articles
// whose sketches out reports true for: a file all of whose articles it
// rules out, and which has no problems, is found with none, its record
// read no further than its counts. The rest are made and given to the
// test of Admit, as without it. out must rule out only sketches whose
// bytes it has checked. Call RuleOut before the load; Passed counts the
// articles left out.
func (c *Cache) RuleOut(out func(sketch []byte) bool) { c.ruleOut = out }

// ruledOut returns, for each of a record's sketches, whether c.ruleOut
// rules its article out, and whether it rules out all of them (and
// there are some).
func (c *Cache) ruledOut(sketches sketchList) (out []bool, all bool) {
	if c.ruleOut == nil || sketches.n == 0 {
		return nil, false
	}
	var one [1]bool
	out = one[:0]
	if sketches.n > 1 {
		out = make([]bool, 0, sketches.n)
	}
	all = true
	for _, sk := range sketches.all() {
		o := c.ruleOut(sk)
		out = append(out, o)
		all = all && o
	}
	if len(out) != sketches.n {
		return nil, false // a damaged list: the record is decoded, and found so
	}
	return out, all
}

// Admit makes Lookup leave out each article that admit, given it and
// its sketch, rules out, as a one-shot search passes over the files that
// cannot match. Call it before the load; Passed counts the articles left
// out.
func (c *Cache) Admit(admit func(a *feed.Article, sketch []byte) bool) { c.admit = admit }

// Passed returns how many articles Lookup has left out (see Admit).
func (c *Cache) Passed() int { return int(c.passed.Load()) }

// admitted returns the articles of arts that c.admit lets through, given
// their sketches: all of them when there is no test, or not a sketch
// for each.
//
// out, when not nil, says which articles c.ruleOut ruled out already.
func (c *Cache) admitted(arts []*feed.Article, sketches sketchList, out []bool) []*feed.Article {
	if c.admit == nil && out == nil || sketches.n != len(arts) {
		return arts
	}
	kept := arts[:0]
	for i, sk := range sketches.all() {
		if out != nil && out[i] {
			continue
		}
		if c.admit == nil || c.admit(arts[i], sk) {
			kept = append(kept, arts[i])
		}
	}
	if n := len(arts) - len(kept); n > 0 {
		c.passed.Add(int64(n))
		clear(arts[len(kept):])
	}
	if len(kept) == 0 {
		return nil
	}
	return kept
}

// sameHint reports whether two hints are the same, dates to the
// nanosecond and zone.
func sameHint(a, b feed.Hint) bool {
	if a.Outlet != b.Outlet || a.Folder != b.Folder {
		return false
	}
	if a.Date.IsZero() && b.Date.IsZero() {
		return true // most hints: no date, and nothing to encode
	}
	var ea, eb encoder
	ea.time(a.Date)
	eb.time(b.Date)
	return bytes.Equal(ea.B, eb.B)
}

// Store implements load.Cache.
func (c *Cache) Store(path string, info fs.FileInfo, hint feed.Hint, arts []*feed.Article, probs []feed.Problem) {
	<-c.ready
	if c.key == "" || !storable(path, hint, arts, probs) {
		return
	}
	s, rel := c.locate(path)
	if s == nil {
		return
	}
	fr := &fresh{st: stampOf(info), hint: hint, arts: arts, probs: probs}
	if c.sketch != nil {
		// Made here, by the loader's worker that extracted the file,
		// rather than all at once when the load is done: the save that
		// ends a command then only writes.
		fr.sketches = make([][]byte, len(arts))
		for i, a := range arts {
			fr.sketches[i] = c.sketch(a)
		}
	}
	s.mu.Lock()
	s.stores[rel] = fr
	s.mu.Unlock()
	c.stored.Add(1)
}

// storable reports whether a record would read back as it is: each
// article and problem names the file (so the path can be filled in on
// reading) and every date is in a zone that can be written.
func storable(path string, hint feed.Hint, arts []*feed.Article, probs []feed.Problem) bool {
	if !timeOK(hint.Date) {
		return false
	}
	apath := feed.SanitizePath(path)
	for _, a := range arts {
		if a == nil || a.Path != apath || !timeOK(a.Date) {
			return false
		}
	}
	for _, p := range probs {
		if p.Path != path {
			return false
		}
	}
	return true
}

// Loaded implements load.Cache: it saves the cache in the background.
// A complete load drops the records of files it did not see.
func (c *Cache) Loaded(complete bool) {
	c.saveMu.Lock()
	defer c.saveMu.Unlock()
	if c.closed {
		return
	}
	c.saving.Add(1)
	go func() {
		defer c.saving.Done()
		c.save(complete)
	}()
}

// Close waits for a save under way, and saves what was stored since; the
// cache is not used after.
func (c *Cache) Close() error {
	c.saveMu.Lock()
	c.closed = true
	c.saveMu.Unlock()
	c.saving.Wait()
	if c.stored.Load() > 0 {
		c.save(false)
	}
	return nil
}

// save writes every shard that changed.
func (c *Cache) save(complete bool) {
	<-c.ready
	if c.key == "" {
		return
	}
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	c.stored.Store(0)
	if err := os.MkdirAll(c.dir, 0o700); err != nil {
		c.report(err)
		return
	}
	for _, s := range c.shards {
		if err := s.save(c.dir, c.key, complete); err != nil {
			c.report(err)
		}
	}
	prune(c.dir)
}

func (c *Cache) report(err error) {
	if c.onError != nil {
		c.onError(err)
	}
}

// shardName names the cache file of a root.
func shardName(root string) string {
	sum := sha256.Sum256([]byte(root))
	return hex.EncodeToString(sum[:12]) + suffix
}

// prune removes cache, index and stories files no load has written or opened
// for maxAge, and temporary files left by a process that died while
// saving.
func prune(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	now := time.Now()
	for _, e := range entries {
		name := e.Name()
		tmp := strings.HasPrefix(name, ".tmp-")
		if !tmp && !strings.HasSuffix(name, suffix) && !strings.HasSuffix(name, indexSuffix) && !strings.HasSuffix(name, storiesSuffix) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		age := now.Sub(info.ModTime())
		if age > maxAge || tmp && age > time.Hour {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// fixedZones keeps one Location per fixed zone read.
var fixedZones sync.Map // name + "\x00" + offset → *time.Location

func fixedZone(name string, off int) *time.Location {
	k := name + "\x00" + string(binary.AppendVarint(nil, int64(off)))
	if l, ok := fixedZones.Load(k); ok {
		return l.(*time.Location)
	}
	l, _ := fixedZones.LoadOrStore(k, time.FixedZone(strings.Clone(name), off)) // name may be the mapped file's
	return l.(*time.Location)
}
