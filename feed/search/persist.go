package search

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"slices"
	"unsafe"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/internal/wire"
)

// Keeping an index between runs. Encode writes what the index holds but
// its articles, which the store has; Decode reads it back in place, from
// the bytes of a file the caller keeps mapped for as long as the index
// lives: term texts, article IDs and postings lists are parts of those
// bytes, never copied, and a list that grows moves out of them (its
// capacity is its length), so they are never written to.
//
// An index read back holds its articles as pending: not found by any
// search until the load of the same files hands them over again, each
// taken (Attach) when its fingerprint, a checksum of everything of the
// article the index reads, is the one indexed. An article whose file
// changed fails that test and is indexed anew; the pending ones no file
// gave again are dropped once the load is done (DropPending).
//
// The file is
//
//	magic "BSINDEX\n", uint32 version
//	uint32 key length, key (the program and its settings: see Decode)
//	uint64 body length, uint32 CRC-32C of the body
//	body: uvarint counts, then outlets, documents, stem groups, terms,
//	  the sorted term list, buckets, skip tables, the tables of
//	  common groups' impacts with their tiers and common prefixes'
//	  tiers, each as Encode writes them, then the postings lists back
//	  to back
//
// with little-endian integers and strings as a uvarint length and bytes.

const (
	indexMagic   = "BSINDEX\n"
	indexVersion = 4 // 2: the bounds of common words' scores (impactTables); 3: their tiers; 4: common prefixes' tiers
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// ErrStale reports an index file written by another program or with
// other settings: not damaged, only not this one's.
var ErrStale = errors.New("search index made by another version")

// Fingerprint returns a checksum of everything of an article the index
// reads: its ID, title, lead, body, outlet and day. Two articles with
// the same fingerprint are indexed alike, but for a chance of one in
// four billion that the body differs.
func Fingerprint(a *feed.Article) uint64 {
	h := crc32.Update(0, castagnoli, unsafe.Slice(unsafe.StringData(a.Body), len(a.Body)))
	g := uint32(0)
	for _, s := range [...]string{a.ID, a.Title, a.Lead, feed.OutletName(a)} {
		var n [binary.MaxVarintLen64]byte
		g = crc32.Update(g, castagnoli, n[:binary.PutUvarint(n[:], uint64(len(s)))])
		g = crc32.Update(g, castagnoli, unsafe.Slice(unsafe.StringData(s), len(s)))
	}
	var d [4]byte
	binary.LittleEndian.PutUint32(d[:], uint32(days(a.Date)))
	g = crc32.Update(g, castagnoli, d[:])
	return uint64(g)<<32 | uint64(h^uint32(len(a.Body)))
}

// Encode writes the index, all but its articles, for Decode to read
// back with the same key. Articles waiting to be attached are written
// as removed.
func (ix *Index) Encode(w io.Writer, key string) error {
	ix.refreshImpacts()
	ix.mu.Lock()
	ix.mergeRecent()
	ix.mu.Unlock()
	ix.mu.RLock()
	defer ix.mu.RUnlock()

	var e wire.Encoder
	e.Uvarint(uint64(len(ix.docs)))
	e.Uvarint(uint64(len(ix.outlets)))
	e.Uvarint(uint64(len(ix.groups)))
	e.Uvarint(uint64(len(ix.terms)))
	e.Uvarint(uint64(len(ix.buckets)))
	e.Uvarint(uint64(len(ix.skips)))
	for _, o := range ix.outlets {
		e.Str(o)
	}
	for i := range ix.docs {
		d := &ix.docs[i]
		deleted := d.deleted || d.art == nil
		id := ""
		if !deleted {
			id = d.art.ID
		}
		e.Str(id)
		e.U64(d.fp)
		e.Uvarint(uint64(d.length))
		e.Uvarint(uint64(d.titleLen))
		e.Uvarint(uint64(d.outlet))
		e.Varint(int64(d.date))
	}
	stems := make([]string, len(ix.groups))
	for st, g := range ix.groupIDs {
		stems[g] = st
	}
	for _, st := range stems {
		e.Str(st)
	}
	var post uint64
	for i := range ix.terms {
		t := &ix.terms[i]
		e.Str(t.text)
		e.Uvarint(uint64(t.group))
		e.Uvarint(uint64(t.df))
		e.Uvarint(uint64(t.last))
		e.Uvarint(uint64(len(t.post)))
		post += uint64(len(t.post))
	}
	for _, id := range ix.sorted {
		e.Uvarint(uint64(id))
	}
	keys := make([]uint32, 0, len(ix.buckets))
	for k := range ix.buckets {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		bk := ix.buckets[k]
		e.Uvarint(uint64(k))
		e.Uvarint(uint64(bk.df))
		e.Uvarint(uint64(bk.last))
		e.Uvarint(uint64(len(bk.post)))
		post += uint64(len(bk.post))
	}
	skipIDs := make([]uint32, 0, len(ix.skips))
	for id := range ix.skips {
		skipIDs = append(skipIDs, id)
	}
	slices.Sort(skipIDs)
	for _, id := range skipIDs {
		sk := ix.skips[id]
		e.Uvarint(uint64(id))
		e.Uvarint(uint64(len(sk)))
		for _, s := range sk {
			e.Uvarint(uint64(s.prev))
			e.Uvarint(uint64(s.off))
		}
	}
	it := &ix.impacts
	e.Uvarint(uint64(it.bits))
	e.U64(math.Float64bits(it.eRef))
	e.Uvarint(uint64(it.covered))
	e.Uvarint(uint64(len(it.groups)))
	tabIDs := make([]uint32, 0, len(it.groups))
	for g := range it.groups {
		tabIDs = append(tabIDs, g)
	}
	slices.Sort(tabIDs)
	for _, g := range tabIDs {
		e.Uvarint(uint64(g))
		e.Str(it.groups[g])
		ts := it.tiers[g]
		e.Uvarint(uint64(len(ts)))
		for _, t := range ts {
			e.Uvarint(uint64(t.rest))
			e.Uvarint(uint64(t.n))
			e.Uvarint(uint64(t.last))
			e.Str(t.docs)
		}
	}
	prefixes := make([]string, 0, len(it.prefixes))
	for p := range it.prefixes {
		prefixes = append(prefixes, p)
	}
	slices.Sort(prefixes)
	e.Uvarint(uint64(len(prefixes)))
	for _, p := range prefixes {
		pt := it.prefixes[p]
		e.Str(p)
		e.Uvarint(uint64(pt.terms))
		e.Uvarint(uint64(len(pt.tiers)))
		for _, t := range pt.tiers {
			e.Uvarint(uint64(t.rest))
			e.Uvarint(uint64(t.n))
			e.Uvarint(uint64(t.last))
			e.Str(t.docs)
		}
	}
	e.Uvarint(post)

	// The header's checksum covers the body: the metadata above and the
	// postings after it.
	crc := crc32.Checksum(e.B, castagnoli)
	for i := range ix.terms {
		crc = crc32.Update(crc, castagnoli, ix.terms[i].post)
	}
	for _, k := range keys {
		crc = crc32.Update(crc, castagnoli, ix.buckets[k].post)
	}
	var h []byte
	h = append(h, indexMagic...)
	h = binary.LittleEndian.AppendUint32(h, indexVersion)
	h = binary.LittleEndian.AppendUint32(h, uint32(len(key)))
	h = append(h, key...)
	h = binary.LittleEndian.AppendUint64(h, uint64(len(e.B))+post)
	h = binary.LittleEndian.AppendUint32(h, crc)
	bw := &errWriter{w: w}
	bw.write(h)
	bw.write(e.B)
	for i := range ix.terms {
		bw.write(ix.terms[i].post)
	}
	for _, k := range keys {
		bw.write(ix.buckets[k].post)
	}
	return bw.err
}

// errWriter keeps the first error of its writes.
type errWriter struct {
	w   io.Writer
	err error
}

func (w *errWriter) write(p []byte) {
	if w.err == nil && len(p) > 0 {
		_, w.err = w.w.Write(p)
	}
}

// Decode returns the index Encode wrote into data with the same key,
// its articles pending (see Attach). The index reads data in place:
// data must stay as it is for as long as the index lives. An index
// written with another key or version gives ErrStale; a damaged or
// truncated one, another error.
func Decode(data []byte, key string) (*Index, error) {
	if len(data) < len(indexMagic)+8 || string(data[:len(indexMagic)]) != indexMagic {
		return nil, errors.New("not a search index")
	}
	i := len(indexMagic)
	if binary.LittleEndian.Uint32(data[i:]) != indexVersion {
		return nil, ErrStale
	}
	i += 4
	kl := int(binary.LittleEndian.Uint32(data[i:]))
	i += 4
	if kl > len(data)-i-12 {
		return nil, errors.New("search index truncated")
	}
	if string(data[i:i+kl]) != key {
		return nil, ErrStale
	}
	i += kl
	bodyLen := binary.LittleEndian.Uint64(data[i:])
	crc := binary.LittleEndian.Uint32(data[i+8:])
	i += 12
	if bodyLen != uint64(len(data)-i) {
		return nil, fmt.Errorf("search index truncated: %d bytes of %d", len(data)-i, bodyLen)
	}
	body := data[i:]
	if crc32.Checksum(body, castagnoli) != crc {
		return nil, errors.New("search index damaged: checksum")
	}
	ix, err := decodeBody(body)
	if err != nil {
		return nil, fmt.Errorf("search index damaged: %w", err)
	}
	return ix, nil
}

func decodeBody(body []byte) (*Index, error) {
	d := wire.Decoder[string]{S: unsafe.String(unsafe.SliceData(body), len(body))}
	nDocs, nOutlets, nGroups := d.Count(1), d.Count(1), d.Count(1)
	nTerms, nBuckets, nSkips := d.Count(1), d.Count(1), d.Count(1)
	if d.Err {
		return nil, errors.New("counts")
	}
	ix := New()
	ix.pending = make(map[string]uint32, nDocs)
	ix.outlets = make([]string, nOutlets)
	for o := range ix.outlets {
		ix.outlets[o] = d.Str()
		ix.outletIDs[ix.outlets[o]] = uint16(min(o, 1<<16-1))
	}
	ix.docs = make([]doc, nDocs)
	for n := range ix.docs {
		id := d.Str()
		fp := d.U64()
		dc := doc{fp: fp, deleted: true}
		dc.length = uint32(d.Uvarint())
		dc.titleLen = uint16(d.Uvarint())
		dc.outlet = uint16(d.Uvarint())
		dc.date = int32(d.Varint())
		if int(dc.outlet) >= nOutlets {
			d.Err = true
		}
		ix.docs[n] = dc
		if id != "" {
			ix.pending[id] = uint32(n)
		}
	}
	ix.groups = make([][]uint32, nGroups)
	ix.groupIDs = make(map[string]uint32, nGroups)
	for g := range nGroups {
		ix.groupIDs[d.Str()] = uint32(g)
	}
	ix.terms = make([]term, nTerms)
	lens := make([]int, nTerms)
	for t := range ix.terms {
		tm := &ix.terms[t]
		tm.text = d.Str()
		tm.group = uint32(d.Uvarint())
		tm.df = uint32(d.Uvarint())
		tm.last = uint32(d.Uvarint())
		lens[t] = int(d.Uvarint())
		if int(tm.group) >= nGroups || int(tm.last) >= max(nDocs, 1) {
			d.Err = true
			break
		}
		ix.groups[tm.group] = append(ix.groups[tm.group], uint32(t))
	}
	ix.sorted = make([]uint32, nTerms)
	for s := range ix.sorted {
		ix.sorted[s] = uint32(d.Uvarint())
		if int(ix.sorted[s]) >= nTerms {
			d.Err = true
			break
		}
	}
	type bucketLen struct {
		bk *bucket
		n  int
	}
	bls := make([]bucketLen, nBuckets)
	for b := range bls {
		k := uint32(d.Uvarint())
		bk := &bucket{df: uint32(d.Uvarint()), last: uint32(d.Uvarint())}
		bls[b] = bucketLen{bk, int(d.Uvarint())}
		ix.buckets[k] = bk
	}
	if nSkips > 0 {
		ix.skips = make(map[uint32][]skip, nSkips)
	}
	for range nSkips {
		id := uint32(d.Uvarint())
		n := d.Count(1)
		if d.Err || int(id) >= nTerms {
			d.Err = true
			break
		}
		sk := make([]skip, n)
		for j := range sk {
			sk[j] = skip{prev: uint32(d.Uvarint()), off: uint32(d.Uvarint())}
		}
		ix.skips[id] = sk
	}
	bits := uint(d.Uvarint())
	it := impactTables{bits: bits, eRef: math.Float64frombits(d.U64()), covered: uint32(d.Uvarint())}
	nTables := d.Count(1)
	if !d.Err && nTables > 0 {
		it.groups = make(map[uint32]string, nTables)
		it.tiers = make(map[uint32][]tier, nTables)
	}
	for range nTables {
		g, tab := uint32(d.Uvarint()), d.Str()
		if d.Err || int(g) >= nGroups || len(tab) != 2*int(it.covered>>bits) {
			d.Err = true
			break
		}
		it.groups[g] = tab
		nt := d.Count(1)
		if d.Err || nt > len(tierSizes) {
			d.Err = true
			break
		}
		if ts := readTiers(&d, nt, it.covered); len(ts) > 0 {
			it.tiers[g] = ts
		}
	}
	nPrefixes := d.Count(1)
	if !d.Err && nPrefixes > 0 {
		it.prefixes = make(map[string]prefixTiers, nPrefixes)
	}
	for range nPrefixes {
		p, terms := d.Str(), uint32(d.Uvarint())
		nt := d.Count(1)
		if d.Err || int(terms) > nTerms || nt == 0 || nt > len(tierSizes) {
			d.Err = true
			break
		}
		it.prefixes[p] = prefixTiers{terms: terms, tiers: readTiers(&d, nt, it.covered)}
	}
	if it.covered > uint32(nDocs) || math.IsNaN(it.eRef) || math.IsInf(it.eRef, 0) || it.eRef < 0 {
		d.Err = true
	}
	if bits == impactBits {
		ix.impacts = it // otherwise made anew by Compact
	}
	post := d.Uvarint()
	if d.Err || post != uint64(len(d.S)-d.I) {
		return nil, errors.New("layout")
	}
	// The postings: parts of body, each as long as it is capacious.
	off := d.I
	take := func(n int) ([]byte, bool) {
		if n > len(body)-off {
			return nil, false
		}
		p := body[off : off+n : off+n]
		off += n
		return p, true
	}
	var ok bool
	for t := range ix.terms {
		if ix.terms[t].post, ok = take(lens[t]); !ok {
			return nil, errors.New("postings")
		}
	}
	for _, bl := range bls {
		if bl.bk.post, ok = take(bl.n); !ok {
			return nil, errors.New("postings")
		}
	}
	if off != len(body) {
		return nil, errors.New("postings")
	}
	for t := range ix.terms {
		ix.termIDs.put(keyOfString(ix.terms[t].text), uint32(t), ix.terms)
	}
	return ix, nil
}

// Attach hands the index an article it holds pending, or one it holds
// already from an earlier copy of its file, and reports whether the
// index took it: when its fingerprint fp (see Fingerprint) is the one
// indexed. Otherwise the caller removes the ID and adds the article.
func (ix *Index) Attach(a *feed.Article, fp uint64) bool {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if n, ok := ix.ids[a.ID]; ok {
		d := &ix.docs[n]
		if d.fp != fp {
			return false
		}
		d.art = a
		return true
	}
	n, ok := ix.pending[a.ID]
	if !ok {
		return false
	}
	delete(ix.pending, a.ID)
	d := &ix.docs[n]
	if d.fp != fp {
		return false
	}
	d.art, d.deleted = a, false
	ix.ids[a.ID] = n
	ix.live++
	ix.totalLen += uint64(d.length)
	ix.changes++
	return true
}

// Pending returns how many articles read back with the index wait to be
// attached.
func (ix *Index) Pending() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.pending)
}

// DropPending forgets the articles read back that no load handed over
// again: their files are gone. It returns how many there were.
func (ix *Index) DropPending() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	n := len(ix.pending)
	ix.pending = nil
	return n
}

// Removed returns the number of articles whose postings the index keeps
// though they were removed, or replaced by another copy.
func (ix *Index) Removed() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.docs) - ix.live - len(ix.pending)
}

// readTiers reads nt tiers as Encode writes them, marking d's error when
// one does not list articles below covered as it says.
func readTiers(d *wire.Decoder[string], nt int, covered uint32) []tier {
	var ts []tier
	for range nt {
		t := tier{rest: uint16(min(d.Uvarint(), impactScale)), n: uint32(d.Uvarint()), last: uint32(d.Uvarint()), docs: d.Str()}
		if !t.valid(covered) {
			d.Err = true
		}
		ts = append(ts, t)
	}
	return ts
}
