package search

import (
	"encoding/binary"
	"math/bits"
)

// termTable finds term IDs by their text. It is a hash table with open
// addressing whose entries hold the first 16 bytes of the text: most
// look-ups read one entry and no text, where a map of strings reads the
// text of every candidate from wherever it lies. Its entries hold no
// pointers, so the collector does not scan them either.
type termTable struct {
	e     []termEntry // a power of two long, at most 3/4 full
	shift uint8       // 64 - log2(len(e))
	n     int
}

// termEntry is one term: the first 16 bytes of its text padded with
// zeros (folded words hold no zero byte), and its ID plus one, shifted
// left by one with the low bit set for a text longer than 16 bytes,
// whose rest must be compared. 0 is an empty entry.
type termEntry struct {
	lo, hi uint64
	v      uint32
}

// textKey is a word's key for hot and termTable: its first 16 bytes as
// two little-endian words padded with zeros, a hash of the whole word,
// and whether it is longer than 16 bytes.
type textKey struct {
	lo, hi uint64
	hash   uint64
	long   bool
}

// keyOf returns the key of a folded word. When f has room for 16 bytes
// it reads them in place, masking off those past its end.
func keyOf(f []byte) textKey {
	var k textKey
	n := len(f)
	switch {
	case n > 16:
		k.lo = binary.LittleEndian.Uint64(f)
		k.hi = binary.LittleEndian.Uint64(f[8:])
		k.long = true
		tail := binary.LittleEndian.Uint64(f[n-8:])
		k.hash = mix(k.lo, k.hi^(tail+uint64(n))*0x94d049bb133111eb)
		return k
	case cap(f) < 16:
		var b [16]byte
		copy(b[:], f)
		k.lo = binary.LittleEndian.Uint64(b[:])
		k.hi = binary.LittleEndian.Uint64(b[8:])
	default:
		g := f[:16]
		k.lo = binary.LittleEndian.Uint64(g)
		k.hi = binary.LittleEndian.Uint64(g[8:])
		if n < 8 {
			k.lo &= 1<<(8*n) - 1
			k.hi = 0
		} else {
			k.hi &= 1<<(8*(n-8)) - 1 // all of hi when n is 16
		}
	}
	k.hash = mix(k.lo, k.hi)
	return k
}

// keyOfString is keyOf for a string.
func keyOfString(s string) textKey {
	if len(s) > 16 {
		return keyOf([]byte(s))
	}
	var b [16]byte
	copy(b[:], s)
	return keyOf(b[:len(s)])
}

func mix(lo, hi uint64) uint64 {
	h := (lo ^ hi*0x9e3779b97f4a7c15) * 0xbf58476d1ce4e5b9
	return h ^ h>>31
}

// getTerm returns the ID of the term with key k and text f from t; terms
// are the index's, for comparing long texts.
func getTerm[S string | []byte](t *termTable, k textKey, f S, terms []term) (uint32, bool) {
	if len(t.e) == 0 {
		return 0, false
	}
	long := uint32(0)
	if k.long {
		long = 1
	}
	mask := uint64(len(t.e) - 1)
	for i := k.hash >> t.shift; ; i = (i + 1) & mask {
		e := &t.e[i]
		if e.v == 0 {
			return 0, false
		}
		if e.lo == k.lo && e.hi == k.hi && e.v&1 == long {
			id := e.v>>1 - 1
			if long == 0 || terms[id].text == string(f) {
				return id, true
			}
		}
	}
}

// put adds a term not in the table.
func (t *termTable) put(k textKey, id uint32, terms []term) {
	if 4*(t.n+1) > 3*len(t.e) {
		t.resize(max(1024, 2*len(t.e)), terms)
	}
	t.n++
	v := (id + 1) << 1
	if k.long {
		v |= 1
	}
	mask := uint64(len(t.e) - 1)
	i := k.hash >> t.shift
	for t.e[i].v != 0 {
		i = (i + 1) & mask
	}
	t.e[i] = termEntry{lo: k.lo, hi: k.hi, v: v}
}

func (t *termTable) resize(n int, terms []term) {
	old := t.e
	t.e = make([]termEntry, n)
	t.shift = uint8(64 - bits.TrailingZeros(uint(n)))
	mask := uint64(n - 1)
	for _, e := range old {
		if e.v == 0 {
			continue
		}
		h := mix(e.lo, e.hi)
		if e.v&1 != 0 {
			h = keyOfString(terms[e.v>>1-1].text).hash
		}
		i := h >> t.shift
		for t.e[i].v != 0 {
			i = (i + 1) & mask
		}
		t.e[i] = e
	}
}
