package story

// An article's words as written, and its terms, are looked up in tables
// of their own rather than in Go maps: a lookup for every word read is
// much of the work of reading, and the tables are emptied between
// articles by moving on a round, not by clearing them. Both are open
// addressing with linear probing, kept at most half full.

// formTable maps a word as written to what it reads as (see
// counter.read).
type formTable struct {
	round uint32
	n     int // entries this round
	slots []formSlot
}

type formSlot struct {
	round uint32
	k     known
	w     string
}

// reset empties the table.
func (t *formTable) reset() {
	t.round++
	t.n = 0
	if t.round == 0 || t.slots == nil { // wrapped, or new
		t.slots = make([]formSlot, max(len(t.slots), 1024))
		t.round = 1
	}
}

// find returns w's slot: its own, or the empty one where it would go.
func (t *formTable) find(w string) *formSlot {
	mask := uint64(len(t.slots) - 1)
	for i := wordHash(w) >> 32 & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.round != t.round || s.w == w {
			return s
		}
	}
}

// get returns what w reads as, if known.
func (t *formTable) get(w string) (known, bool) {
	s := t.find(w)
	return s.k, s.round == t.round
}

// put notes what w, not yet in the table, reads as.
func (t *formTable) put(w string, k known) {
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		t.slots = make([]formSlot, 2*len(old))
		for _, s := range old {
			if s.round == t.round {
				*t.find(s.w) = s
			}
		}
	}
	*t.find(w) = formSlot{round: t.round, k: k, w: w}
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

// wordHash hashes a word, for the tables: its first and last eight bytes
// (all of a short one) and its length, mixed by one multiplication. Two
// words that share them only probe further.
func wordHash[T string | []byte](w T) uint64 {
	var h uint64
	if n := len(w); n >= 8 {
		h = le64(w[:8]) ^ (le64(w[n-8:])<<29 | le64(w[n-8:])>>35)
	} else {
		for i := range n {
			h = h<<8 | uint64(w[i])
		}
	}
	return (h ^ uint64(len(w))) * 0x9e3779b97f4a7c15
}

func le64[T string | []byte](b T) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// wordSet is a fixed set of words (stop words, common words), looked up
// by a folded word without making it a string.
type wordSet struct {
	slots []string // "" where empty
}

func newWordSet(m map[string]bool) wordSet {
	n := 1
	for n < 4*len(m) {
		n *= 2
	}
	s := wordSet{slots: make([]string, n)}
	for w := range m {
		if w == "" {
			continue
		}
		mask := uint64(n - 1)
		i := wordHash(w) >> 32 & mask
		for s.slots[i] != "" {
			i = (i + 1) & mask
		}
		s.slots[i] = w
	}
	return s
}

// has reports whether w is in the set.
func (s wordSet) has(w []byte) bool {
	if len(w) == 0 {
		return false
	}
	mask := uint64(len(s.slots) - 1)
	for i := wordHash(w) >> 32 & mask; s.slots[i] != ""; i = (i + 1) & mask {
		if s.slots[i] == string(w) {
			return true
		}
	}
	return false
}
