package cache

import (
	"bufio"
	"encoding/binary"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// read reads the shard's file, when it is whole and made with the key
// key returns for this root; otherwise the shard starts empty. The file
// is mapped and its index parsed before key is asked for, so that the
// key can be computed meanwhile.
func (s *shard) read(key func() string) {
	data, unmap, err := mapFile(s.file)
	if err != nil {
		return
	}
	fileKey, index, slots, ok := parse(data, s.root)
	if !ok || fileKey != key() {
		unmap()
		return
	}
	s.rw.Lock()
	s.buf, s.index, s.slots, s.valid = data, index, slots, true
	s.unmap = unmap
	s.rw.Unlock()
}

// parse checks a cache file's header and index, and returns its key and
// its records' places. Only the index is read: a record is checked
// against its own checksum when it is looked up, so that opening a cache
// of a hundred thousand files touches a few megabytes, not all of it.
func parse(data []byte, root string) (key string, index map[string]int32, slots []slot, ok bool) {
	if len(data) < len(magic)+4+trailerSize || string(data[:len(magic)]) != magic {
		return "", nil, nil, false
	}
	if binary.LittleEndian.Uint32(data[len(magic):]) != version {
		return "", nil, nil, false
	}
	end := len(data) - trailerSize
	indexAt := binary.LittleEndian.Uint64(data[end:])
	if indexAt > uint64(end) || crc32.Checksum(data[indexAt:end+8], castagnoli) != binary.LittleEndian.Uint32(data[end+8:]) {
		return "", nil, nil, false
	}
	h := decode(data[:indexAt])
	h.I = len(magic) + 4
	key = h.Str()
	if h.Err || h.Str() != root || h.Err {
		return "", nil, nil, false
	}
	first := h.I // where records start
	// One copy of the index: every name in the map is a part of it.
	d := decode(string(data[indexAt:end]))
	n := d.Uvarint()
	if d.Err || n > uint64(end) {
		return "", nil, nil, false
	}
	index = make(map[string]int32, n)
	slots = make([]slot, n)
	for i := range slots {
		rel, st := d.header()
		off, size := d.Uvarint(), d.Uvarint()
		crc := uint32(d.Uvarint())
		if d.Err || off < uint64(first) || off > indexAt || size > indexAt-off {
			return "", nil, nil, false
		}
		slots[i] = slot{rel: rel, off: int(off), n: int(size), st: st, crc: crc}
		index[rel] = int32(i)
	}
	if d.I != len(d.S) {
		return "", nil, nil, false
	}
	return key, index, slots, true
}

// trailerSize is the size of a file's trailer: where the index starts,
// and its checksum.
const trailerSize = 8 + 4

// save writes the shard's file anew when it has changed: the records
// stored in this run, and those read that are still of use: when the
// load was complete, only the ones it looked up; otherwise all.
func (s *shard) save(dir, key string, complete bool) error {
	s.mu.Lock()
	stores := s.stores
	s.stores = map[string]*fresh{}
	s.mu.Unlock()

	s.rw.RLock()
	buf, index, slots, valid := s.buf, s.index, s.slots, s.valid
	s.rw.RUnlock()
	if buf == nil && !complete && valid {
		// Saved once already, and its bytes let go: merge with the file.
		s.read(func() string { return key })
		s.rw.RLock()
		buf, index, slots = s.buf, s.index, s.slots
		s.rw.RUnlock()
	}
	keep := func(i int) bool {
		return !complete || slots[i].used.Load()
	}
	kept := 0
	for rel, i := range index {
		if keep(int(i)) && stores[rel] == nil {
			kept++
		}
	}
	if len(stores) == 0 && (valid && kept == len(slots) || kept == 0 && !valid) {
		// Nothing new and nothing to drop, or nothing at all.
		s.release()
		return nil
	}

	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // gone after the rename; left by a failure
	w := &offsetWriter{w: bufio.NewWriterSize(f, 1<<20)}
	var e encoder
	e.B = append(e.B, magic...)
	e.B = binary.LittleEndian.AppendUint32(e.B, version)
	e.Str(key)
	e.Str(s.root)
	w.Write(e.B)
	// The index lists each record written: its name and stamp, place
	// and checksum.
	var ix encoder
	ix.Uvarint(uint64(kept + len(stores)))
	add := func(rel string, st stamp, rec []byte, crc uint32) {
		ix.Str(rel)
		ix.stamp(st)
		ix.Uvarint(uint64(w.n))
		ix.Uvarint(uint64(len(rec)))
		ix.Uvarint(uint64(crc))
		w.Write(rec)
	}
	// The records go in the order a walk finds their files, so that a
	// second start hands them over in the order it checks them (see
	// load's preloaded.found).
	type entry struct {
		rel  string
		slot int32 // a record read, when fr is nil
		fr   *fresh
	}
	entries := make([]entry, 0, kept+len(stores))
	for rel, i := range index {
		if keep(int(i)) && stores[rel] == nil {
			entries = append(entries, entry{rel: rel, slot: i})
		}
	}
	for rel, fr := range stores {
		entries = append(entries, entry{rel: rel, fr: fr})
	}
	slices.SortFunc(entries, func(a, b entry) int { return compareWalked(a.rel, b.rel) })
	var r encoder
	for _, e := range entries {
		if e.fr == nil {
			sl := &slots[e.slot]
			add(e.rel, sl.st, buf[sl.off:sl.off+sl.n], sl.crc)
			continue
		}
		fr := e.fr
		r.B = r.B[:0]
		r.record(e.rel, fr.st, fr.sketches, fr.hint, fr.arts, fr.probs)
		add(e.rel, fr.st, r.B, crc32.Checksum(r.B, castagnoli))
	}
	indexAt := w.n
	ix.B = binary.LittleEndian.AppendUint64(ix.B, uint64(indexAt))
	ix.B = binary.LittleEndian.AppendUint32(ix.B, crc32.Checksum(ix.B, castagnoli))
	w.Write(ix.B)
	if err := w.w.Flush(); err != nil {
		f.Close()
		return err
	}
	if w.err != nil {
		f.Close()
		return w.err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), s.file); err != nil {
		return err
	}
	s.rw.Lock()
	s.valid = true
	s.rw.Unlock()
	s.release()
	return nil
}

// compareWalked orders two paths below a root as a walk of it finds
// them (filepath.WalkDir: each folder's names in order, a folder's files
// where its name falls): a path separator sorts before any other byte.
func compareWalked(a, b string) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		x, y := a[i], b[i]
		if x == y {
			continue
		}
		if x == filepath.Separator {
			return -1
		}
		if y == filepath.Separator {
			return 1
		}
		return int(x) - int(y)
	}
	return len(a) - len(b)
}

// release lets go of the file's bytes once its records are saved: an
// article read from them keeps only its own copy.
func (s *shard) release() {
	s.rw.Lock()
	if s.unmap != nil && !s.keep {
		s.unmap()
	}
	s.buf, s.index, s.slots, s.unmap = nil, nil, nil, nil
	s.rw.Unlock()
}

// offsetWriter writes through a buffer, counting what it writes and keeping
// the first error.
type offsetWriter struct {
	w   *bufio.Writer
	n   int
	err error
}

func (c *offsetWriter) Write(p []byte) (int, error) {
	c.n += len(p)
	if _, err := c.w.Write(p); err != nil && c.err == nil {
		c.err = err
	}
	return len(p), nil
}

var _ io.Writer = (*offsetWriter)(nil)
