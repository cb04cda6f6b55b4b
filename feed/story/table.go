package story

// Words as written (see lexicon) and an article's pairs of words are
// looked up in tables of their own rather than in Go maps: a lookup for
// every word read is much of the work of reading, and the pair table is
// emptied between articles by moving on a round, not by clearing it.
// Both are open addressing with linear probing, kept at most half full.

// formTable maps a word as written, of at most 16 bytes, to a number.
// A slot holds the word's first and last eight bytes and its length,
// which are the whole word, so that a lookup reads no text but the
// word's own.
type formTable struct {
	round uint32
	n     int // entries this round
	slots []formSlot
}

type formSlot struct {
	a, b  uint64 // the word's first and last eight bytes (see formKey)
	n     uint16 // its length
	round uint16 // low bits of the table's round when filled
	v     int32
}

// formKey returns the first and last eight bytes of a word of at most 16
// bytes, which are the whole word; a word of fewer than eight, in a (the
// first byte lowest, as le64 reads them).
func formKey[T string | []byte](w T) (a, b uint64) {
	if n := len(w); n >= 8 {
		return le64(w[:8]), le64(w[n-8:])
	}
	for i := 0; i < len(w); i++ {
		a |= uint64(w[i]) << (8 * i)
	}
	return a, 0
}

// formKeyIn is formKey(text[start:end]), reading a short word's bytes in
// one load when the text holds eight from start.
func formKeyIn(text string, start, end int) (a, b uint64) {
	if n := end - start; n < 8 && start+8 <= len(text) {
		return le64(text[start:start+8]) & (1<<(8*n) - 1), 0
	}
	return formKey(text[start:end])
}

// formHash hashes a word for the tables from its key and length: its
// first and last eight bytes (all of a short one) and its length, mixed
// by one multiplication. Two words that share them only probe further.
func formHash(a, b uint64, n int) uint64 {
	h := a
	if n >= 8 {
		h ^= b<<29 | b>>35
	}
	return (h ^ uint64(n)) * 0x9e3779b97f4a7c15
}

// reset empties the table.
func (t *formTable) reset() {
	t.round++
	t.n = 0
	if uint16(t.round) == 0 || t.slots == nil { // wrapped, or new
		t.slots = make([]formSlot, max(len(t.slots), 1024))
		t.round = 1
	}
}

// find returns w's slot and true, or the empty slot where it would go
// and false.
func (t *formTable) find(w string) (*formSlot, bool) {
	a, b := formKey(w)
	return t.findKey(a, b, len(w))
}

func (t *formTable) findKey(a, b uint64, n int) (*formSlot, bool) {
	mask := uint64(len(t.slots) - 1)
	round := uint16(t.round)
	for i := formHash(a, b, n) >> 32 & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.round != round {
			return s, false
		}
		if s.a == a && s.b == b && int(s.n) == n {
			return s, true
		}
	}
}

// put files v under the word of key a, b and length n in s, the empty
// slot findKey returned for it.
func (t *formTable) put(s *formSlot, a, b uint64, n int, v int32) {
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		t.slots = make([]formSlot, 2*len(old))
		round := uint16(t.round)
		for _, o := range old {
			if o.round == round {
				d, _ := t.findKey(o.a, o.b, int(o.n))
				*d = o
			}
		}
		s, _ = t.findKey(a, b, n)
	}
	*s = formSlot{a: a, b: b, n: uint16(n), round: uint16(t.round), v: v}
	t.n++
}

// termTable maps a key (a word's hash, or a pair's two words) to its
// term, the index of its counted.
type termTable struct {
	round uint32
	n     int
	slots []termSlot
}

type termSlot struct {
	round uint32
	term  int32
	key   uint64
}

func (t *termTable) reset() {
	t.round++
	t.n = 0
	if t.round == 0 || t.slots == nil {
		t.slots = make([]termSlot, max(len(t.slots), 1024))
		t.round = 1
	}
}

func (t *termTable) find(key uint64) *termSlot {
	mask := uint64(len(t.slots) - 1)
	// Fibonacci hashing spreads keys whose low bits say little (a
	// pair's two small numbers).
	for i := (key * 0x9e3779b97f4a7c15) >> 32 & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.round != t.round || s.key == key {
			return s
		}
	}
}

// get returns key's term, or -1.
func (t *termTable) get(key uint64) int32 {
	if s := t.find(key); s.round == t.round {
		return s.term
	}
	return -1
}

// lookup returns key's slot and whether key is in it; when it is not,
// the slot is where putAt files it.
func (t *termTable) lookup(key uint64) (*termSlot, bool) {
	s := t.find(key)
	return s, s.round == t.round
}

// putAt files term under key in s, the empty slot lookup returned for
// it, with no table change between.
func (t *termTable) putAt(s *termSlot, key uint64, term int32) {
	if 2*(t.n+1) > len(t.slots) {
		t.put(key, term)
		return
	}
	*s = termSlot{round: t.round, term: term, key: key}
	t.n++
}

// put files term under key, which is not yet in the table.
func (t *termTable) put(key uint64, term int32) {
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		t.slots = make([]termSlot, 2*len(old))
		for _, s := range old {
			if s.round == t.round {
				*t.find(s.key) = s
			}
		}
	}
	*t.find(key) = termSlot{round: t.round, term: term, key: key}
	t.n++
}

func le64[T string | []byte](b T) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// wordSet is a fixed set of words (stop words, common words), looked
// up by a folded word without making it a string. A slot holds a word's
// first and last eight bytes and its length (see formKey), so a lookup
// reads no text; the few words of more than 16 bytes are in long.
type wordSet struct {
	slots []formSlot // round 1 where filled
	long  map[string]bool
}

func newWordSet(m map[string]bool) wordSet {
	n := 1
	for n < 4*len(m) {
		n *= 2
	}
	s := wordSet{slots: make([]formSlot, n), long: make(map[string]bool)}
	t := formTable{round: 1, slots: s.slots}
	for w := range m {
		switch {
		case w == "":
		case len(w) > 16:
			s.long[w] = true
		default:
			slot, _ := t.find(w)
			a, b := formKey(w)
			*slot = formSlot{a: a, b: b, n: uint16(len(w)), round: 1}
		}
	}
	return s
}

// has reports whether w is in the set.
func (s wordSet) has(w []byte) bool {
	switch {
	case len(w) == 0:
		return false
	case len(w) > 16:
		return s.long[string(w)]
	}
	t := formTable{round: 1, slots: s.slots}
	a, b := formKey(w)
	_, ok := t.findKey(a, b, len(w))
	return ok
}
