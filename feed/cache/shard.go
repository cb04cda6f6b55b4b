package cache

import (
	"bufio"
	"encoding/binary"
	"hash"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"

	"github.com/broadsheet/broadsheet/feed"
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// read reads the shard's file, when it is whole and made with key for
// this root; otherwise the shard starts empty.
func (s *shard) read(key string) {
	data, unmap, err := mapFile(s.file)
	if err != nil {
		return
	}
	index, slots, ok := parse(data, key, s.root)
	if !ok {
		unmap()
		return
	}
	s.rw.Lock()
	s.buf, s.index, s.slots, s.valid = data, index, slots, true
	s.unmap = unmap
	s.rw.Unlock()
}

// parse checks a cache file and indexes its records.
func parse(data []byte, key, root string) (map[string]int32, []slot, bool) {
	if len(data) < len(magic)+8 || string(data[:len(magic)]) != magic {
		return nil, nil, false
	}
	end := len(data) - 4
	if crc32.Checksum(data[:end], castagnoli) != binary.LittleEndian.Uint32(data[end:]) {
		return nil, nil, false
	}
	if binary.LittleEndian.Uint32(data[len(magic):]) != version {
		return nil, nil, false
	}
	d := decoder[[]byte]{s: data[:end], i: len(magic) + 4}
	if d.str() != key || d.str() != root {
		return nil, nil, false
	}
	n := d.uvarint()
	if d.err || n > uint64(end) {
		return nil, nil, false
	}
	index := make(map[string]int32, n)
	slots := make([]slot, n)
	for i := range slots {
		size := d.uvarint()
		if d.err || size > uint64(end-d.i) {
			return nil, nil, false
		}
		off := d.i
		rd := decoder[[]byte]{s: data[off : off+int(size)]}
		rel, st := rd.header()
		if rd.err {
			return nil, nil, false
		}
		slots[i] = slot{off: off, n: int(size), st: st}
		index[rel] = int32(i)
		d.i += int(size)
	}
	if d.i != end {
		return nil, nil, false
	}
	return index, slots, true
}

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
		s.read(key)
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
	w := &checksummed{w: bufio.NewWriterSize(f, 1<<20), h: crc32.New(castagnoli)}
	var e encoder
	e.b = append(e.b, magic...)
	e.b = binary.LittleEndian.AppendUint32(e.b, version)
	e.str(key)
	e.str(s.root)
	e.uvarint(uint64(kept + len(stores)))
	w.Write(e.b)
	for i := range slots {
		sl := &slots[i]
		if !keep(i) {
			continue
		}
		rec := buf[sl.off : sl.off+sl.n]
		rd := decoder[[]byte]{s: rec}
		if rel, _ := rd.header(); stores[rel] != nil {
			continue
		}
		e.b = binary.AppendUvarint(e.b[:0], uint64(sl.n))
		w.Write(e.b)
		w.Write(rec)
	}
	var r encoder
	for rel, fr := range stores {
		r.b = r.b[:0]
		r.record(rel, fr.st, fr.hint, fr.arts, fr.probs)
		e.b = binary.AppendUvarint(e.b[:0], uint64(len(r.b)))
		w.Write(e.b)
		w.Write(r.b)
	}
	w.w.Write(binary.LittleEndian.AppendUint32(nil, w.h.Sum32()))
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

// checksummed writes through a buffer while summing what it writes.
type checksummed struct {
	w   *bufio.Writer
	h   hash.Hash32
	err error
}

func (c *checksummed) Write(p []byte) (int, error) {
	c.h.Write(p)
	if _, err := c.w.Write(p); err != nil && c.err == nil {
		c.err = err
	}
	return len(p), nil
}

var _ io.Writer = (*checksummed)(nil)

// Record encodes one file's record, for tests and tools: what Store
// would keep for it.
func record(rel string, st stamp, h feed.Hint, arts []*feed.Article, probs []feed.Problem) []byte {
	var e encoder
	e.record(rel, st, h, arts, probs)
	return e.b
}

var _ = filepath.Join
