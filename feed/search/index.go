package search

import (
	"cmp"
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/words"
)

// Memory layout. Every distinct folded word ("term") is stored once, in
// terms, and found through termIDs (see termTable). Words that share an
// English stem form a group, so a query for "elections" reads the
// postings of "election", "elections" and "elected" and weighs the exact
// form higher.
//
// A term's postings are one byte slice, appended to as articles arrive:
// for each article holding the term, in article order,
//
//	uvarint(article number - previous article number)
//	uvarint(count<<2 | inLead<<1 | inTitle)
//	count × uvarint(position - previous position)
//
// Positions count every word of the title and then the body, stop words
// included (they are not indexed), so phrases can be checked. Articles
// are kept by pointer: their text is never copied.
//
// Building. Add analyses its articles under the read lock, several Adds
// in parallel: it tokenizes them (tokenizer.nextWord), finds each word's
// term through a per-analyzer cache of recent words (analyzer.hot), then
// the term table, and encodes each term's postings entry for the
// article. Under the write lock, insert only appends those entries and
// adds the new terms. The tables too big for the processor's cache are
// read a chunk of words ahead (analyzer.touch), so that their misses
// overlap instead of following one another.

// Posting flags.
const (
	inTitle = 1 << 0
	inLead  = 1 << 1
)

// titleGap separates the title's positions from the body's so that no
// phrase spans the two.
const titleGap = 2

type term struct {
	text  string
	group uint32 // index into Index.groups
	df    uint32 // articles holding the term, deleted ones included
	last  uint32 // the last article number appended
	post  []byte
}

// doc is one indexed article.
type doc struct {
	art      *feed.Article
	length   uint32 // indexed words
	titleLen uint16 // words in the title
	outlet   uint16 // index into Index.outlets
	date     int32  // days since 1970-01-01, or noDate
	deleted  bool
	fp       uint64 // the article's Fingerprint, when indexed
}

const noDate = -1 << 31

// Index finds articles by their words. It is safe for concurrent use:
// articles may be added while searches run.
type Index struct {
	mu     sync.RWMutex
	serial uint64 // tells indexes apart in pooled caches

	termIDs  termTable
	adds     uint64 // calls of Add that have inserted articles
	terms    []term
	groupIDs map[string]uint32 // stem → group
	groups   [][]uint32        // term IDs sharing a stem

	// sorted holds term IDs in the order of their text, for prefix
	// search; recent holds newer terms not yet merged into it.
	sorted []uint32
	recent []uint32

	docs     []doc
	ids      map[string]uint32 // article ID → live article number
	live     int
	totalLen uint64 // indexed words of the live articles
	// pending maps the IDs of the articles of an index read back (see
	// Decode) to their numbers, until each is attached or dropped.
	pending map[string]uint32
	// changes counts the changes to which articles are live, for
	// searches' copies of them (see prepare).
	changes uint64

	outlets   []string // folded outlet names
	outletIDs map[string]uint16

	// buckets list, for each one- and two-byte beginning of a word, the
	// articles holding a word that begins so: a prefix that short would
	// expand to thousands of terms.
	buckets map[uint32]*bucket

	skips   map[uint32][]skip // term ID → skip table, see skip.go
	impacts impactTables      // see block.go
	heads   recentHeads       // for prefix search, see prefix.go
}

// bucket is the articles holding words with one short beginning, as
// uvarint deltas of article numbers.
type bucket struct {
	df   uint32
	last uint32
	post []byte
}

// bucketKey returns the key of the bucket for a word beginning of one or
// two bytes.
func bucketKey(p string) uint32 {
	if len(p) == 1 {
		return 1<<16 | uint32(p[0])
	}
	return uint32(p[0])<<8 | uint32(p[1])
}

var serials atomic.Uint64

// New returns an empty index.
func New() *Index {
	return &Index{
		serial:    serials.Add(1),
		groupIDs:  make(map[string]uint32),
		ids:       make(map[string]uint32),
		outletIDs: make(map[string]uint16),
		buckets:   make(map[uint32]*bucket),
	}
}

// Len returns the number of articles in the index.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.live
}

// analysis is one article's words, gathered and encoded before the index
// is locked for writing.
type analysis struct {
	art      *feed.Article
	fp       uint64
	length   uint32
	titleLen uint16
	slots    []slot
	occ      []occurrence
	// enc holds, slot after slot, each term's postings entry for the
	// article but its first number (the article delta, known only once
	// the article has its number).
	enc     []byte
	buckets []uint32 // distinct
}

// slot is one distinct term of an article.
type slot struct {
	id    uint32 // the term's ID, or noTerm when it was new when looked up
	flags uint8
	count uint32
	// head and tail are the term's first and last occurrences in
	// analysis.occ, which chain them in order.
	head, tail uint32
	end        uint32 // the end of the term's bytes in analysis.enc
	word       uint32 // when id is noTerm, the word's index in analyzer.news
}

const noTerm = ^uint32(0)

// occurrence is one position of a word, chained to the next position of
// the same term.
type occurrence struct {
	pos  uint32
	next uint32
}

// Add indexes articles. An article whose ID is already indexed is
// skipped. Most of the work happens before the index is locked, so
// searches keep running while articles are added.
//
// Articles are analysed and inserted addChunk at a time: the analysis of
// an article (its slots, positions and encoded postings) takes several
// times its text, so a batch of a whole folder analysed at once would
// hold hundreds of megabytes of it.
func (ix *Index) Add(arts ...*feed.Article) {
	if len(arts) == 0 {
		return
	}
	az := analyzers.Get().(*analyzer)
	defer analyzers.Put(az)
	for chunk := range slices.Chunk(arts, addChunk) {
		ix.add(az, chunk)
	}
}

// addChunk is how many articles Add analyses before inserting them.
const addChunk = 128

// add analyses arts, then inserts them.
func (ix *Index) add(az *analyzer, arts []*feed.Article) {
	for len(az.batch) < len(arts) {
		az.batch = append(az.batch, analysis{})
	}
	as := az.batch[:len(arts)]
	ix.mu.RLock()
	for i, a := range arts {
		ix.analyze(az, a, &as[i])
	}
	adds := ix.adds
	ix.mu.RUnlock()

	ix.mu.Lock()
	// Unless another Add came in between, the words new when analysed
	// are still new but for those this one adds.
	az.alone = ix.adds == adds
	ix.adds++
	for i := range as {
		ix.insert(&as[i], az)
		as[i].art = nil // the pooled analyzer must not keep articles
	}
	ix.mu.Unlock()
	clear(az.stems)
	clear(az.news)
	az.news = az.news[:0]
}

// analyzer is the reusable working memory of analyze.
type analyzer struct {
	t *tokenizer
	// gen numbers the articles analysed; marks made with it tell the
	// current article's from older ones without clearing them.
	gen   uint32
	fresh map[string]uint32 // the article's new words → slot
	stems map[string]uint32 // the batch's new words → index in news
	news  []newWord
	alone bool       // see Add
	known idSlots    // the article's known terms → slot
	batch []analysis // reused, with their buffers
	toks  []token    // a chunk of words, see words
	arena []byte     // their folded forms
	sink  uint64     // see touch
	// bucketSeen marks, with gen, the buckets already listed for the
	// article.
	bucketSeen [1<<16 + 1<<8]uint32
	// hot caches the terms of recent words by their bytes: the common
	// words are most of any text, and the whole term map is too big to
	// stay in the processor's cache. Each entry also remembers the
	// word's slot in the article being analysed.
	hot   [1 << hotBits]hotTerm
	owner uint64 // the serial number of the index hot's IDs belong to
}

const hotBits = 15

// newWord is a word new to the index, with its stem and key, and its
// term ID once inserted.
type newWord struct {
	text, stem string
	key        textKey
	id         uint32
}

// stopTerm is a hot entry's ID for a stop word.
const stopTerm = noTerm - 1

// hotTerm is a word of up to 16 bytes, its term ID and its slot in the
// article numbered mark. The word's bytes are held in lo and hi, padded
// with zeros: folded words hold no zero byte, so the padding tells
// lengths apart, and an empty entry matches no word.
type hotTerm struct {
	lo, hi uint64
	id     uint32
	mark   uint32
	slot   uint32
}

// idSlots maps term IDs to the slots of the article being analysed: a
// small open-addressing table whose entries of older articles count as
// empty.
type idSlots struct {
	e     []idSlot // a power of two long
	shift uint8    // 32 - log2(len(e))
	n     int      // entries of the current article
}

type idSlot struct{ id, mark, slot uint32 }

func (t *idSlots) index(id uint32) uint32 {
	return (id * 0x9e3779b1) >> t.shift
}

func (t *idSlots) get(id, mark uint32) (uint32, bool) {
	mask := uint32(len(t.e) - 1)
	for i := t.index(id); ; i = (i + 1) & mask {
		e := &t.e[i]
		if e.mark != mark {
			return 0, false
		}
		if e.id == id {
			return e.slot, true
		}
	}
}

func (t *idSlots) put(id, mark, slot uint32) {
	if 2*(t.n+1) > len(t.e) {
		old := t.e
		t.e = make([]idSlot, max(1024, 2*len(old)))
		t.shift = uint8(32 - bits.TrailingZeros(uint(len(t.e))))
		t.n = 0
		for _, e := range old {
			if e.mark == mark {
				t.put(e.id, mark, e.slot)
			}
		}
	}
	mask := uint32(len(t.e) - 1)
	i := t.index(id)
	for t.e[i].mark == mark {
		i = (i + 1) & mask
	}
	t.e[i] = idSlot{id: id, mark: mark, slot: slot}
	t.n++
}

var analyzers = sync.Pool{New: func() any {
	return &analyzer{
		t:     newTokenizer(),
		fresh: make(map[string]uint32),
		stems: make(map[string]uint32),
		known: idSlots{e: make([]idSlot, 1024), shift: 32 - 10},
		toks:  make([]token, 0, 64),
	}
}}

// analyze reads an article's words, looking up the terms already known,
// and encodes its postings. It needs the read lock.
func (ix *Index) analyze(az *analyzer, a *feed.Article, an *analysis) {
	if az.owner != ix.serial {
		az.owner = ix.serial
		clear(az.hot[:])
	}
	az.gen++
	if az.gen == 0 {
		// The marks have come round: forget them all.
		clear(az.hot[:])
		clear(az.known.e)
		clear(az.bucketSeen[:])
		az.gen = 1
	}
	az.known.n = 0
	clear(az.fresh)
	*an = analysis{
		art:     a,
		slots:   an.slots[:0],
		occ:     an.occ[:0],
		enc:     an.enc[:0],
		buckets: an.buckets[:0],
	}
	an.fp = Fingerprint(a)
	pos := az.words(ix, an, a.Title, inTitle, 0, 0)
	an.titleLen = uint16(min(pos, 1<<16-1))
	pos += titleGap
	// The lead is most often the body's first paragraph: count its words
	// to know how far it reaches.
	lead := uint32(0)
	for i := 0; ; lead++ {
		f, _, end := az.t.next(a.Lead, i)
		if f == nil {
			break
		}
		i = end
	}
	az.words(ix, an, a.Body, 0, pos, pos+lead)

	enc := an.enc
	for i := range an.slots {
		sl := &an.slots[i]
		enc = binary.AppendUvarint(enc, uint64(sl.count)<<2|uint64(sl.flags))
		prev := uint32(0)
		o := sl.head
		for range sl.count {
			oc := an.occ[o]
			enc = binary.AppendUvarint(enc, uint64(oc.pos-prev))
			prev, o = oc.pos, oc.next
		}
		sl.end = uint32(len(enc))
	}
	an.enc = enc
}

// words adds the words of s, numbered from pos, and returns the position
// after them. Words before leadEnd are in the lead.
//
// The words are taken a chunk at a time: first tokenized, then their
// entries in hot and the term table touched, so that the processor
// fetches those from memory for many words at once rather than one
// after the other, and only then looked up in order.
func (az *analyzer) words(ix *Index, an *analysis, s string, flags uint8, pos, leadEnd uint32) uint32 {
	t := az.t
	for i := 0; i < len(s); {
		toks, arena := az.toks[:0], az.arena[:0]
		for len(toks) < cap(toks) {
			f, end := t.nextWord(s, i)
			i = end
			if f == nil {
				break
			}
			toks = append(toks, token{k: keyOf(f), off: uint32(len(arena)), end: uint32(len(arena) + len(f))})
			arena = append(arena, f...)
		}
		az.toks, az.arena = toks, arena
		az.touch(ix)
		for j := range toks {
			tk := &toks[j]
			p := pos
			pos++
			si, ok := az.slotOf(ix, an, arena[tk.off:tk.end], &tk.k)
			if !ok {
				continue // a stop word
			}
			fl := flags
			if fl == 0 && p < leadEnd {
				fl = inLead
			}
			o := uint32(len(an.occ))
			an.occ = append(an.occ, occurrence{pos: p})
			sl := &an.slots[si]
			if sl.count == 0 {
				sl.head = o
			} else {
				an.occ[sl.tail].next = o
			}
			sl.tail = o
			sl.count++
			sl.flags |= fl
			an.length++
		}
	}
	return pos
}

// token is a word waiting to be looked up: its key and its folded form
// in analyzer.arena.
type token struct {
	k        textKey
	off, end uint32
}

// touch reads the hot entries of the words in az.toks, and the term
// table's entries of those not in hot. It changes nothing: the point is
// to have the memory fetched while there is other work to do.
func (az *analyzer) touch(ix *Index) {
	tt := &ix.termIDs
	if len(tt.e) == 0 {
		return
	}
	var sum uint64
	for j := range az.toks {
		k := &az.toks[j].k
		if !k.long {
			e := &az.hot[k.hash>>(64-hotBits)]
			if e.lo == k.lo && e.hi == k.hi {
				continue
			}
		}
		sum += tt.e[k.hash>>tt.shift].lo
	}
	az.sink += sum
}

// slotOf returns the slot of a folded word in the article, adding one
// for its first occurrence; false for a stop word.
func (az *analyzer) slotOf(ix *Index, an *analysis, f []byte, k *textKey) (uint32, bool) {
	var e *hotTerm
	if !k.long {
		e = &az.hot[k.hash>>(64-hotBits)]
		if e.lo == k.lo && e.hi == k.hi {
			switch {
			case e.id == stopTerm:
				return 0, false
			case e.mark == az.gen:
				return e.slot, true
			}
			// The word has been in hot since before this article, so
			// it has no slot yet.
			e.mark, e.slot = az.gen, az.newSlot(an, e.id, f, *k)
			return e.slot, true
		}
	}
	if words.IsStop(string(f)) {
		if e != nil {
			*e = hotTerm{lo: k.lo, hi: k.hi, id: stopTerm}
		}
		return 0, false
	}
	id, ok := getTerm(&ix.termIDs, *k, f, ix.terms)
	if !ok {
		si, ok := az.fresh[string(f)]
		if !ok {
			si = az.newSlot(an, noTerm, f, *k)
		}
		return si, true
	}
	si, ok := az.known.get(id, az.gen)
	if !ok {
		si = az.newSlot(an, id, f, *k)
	}
	if e != nil {
		*e = hotTerm{lo: k.lo, hi: k.hi, id: id, mark: az.gen, slot: si}
	}
	return si, true
}

// newSlot adds a slot for the article's first occurrence of the folded
// word f, whose term ID is id, or noTerm for a word new to the index.
func (az *analyzer) newSlot(an *analysis, id uint32, f []byte, k textKey) uint32 {
	si := uint32(len(an.slots))
	sl := slot{id: id}
	if id == noTerm {
		// The batch's articles share a new word's text and stem.
		w, ok := az.stems[string(f)]
		if !ok {
			text := string(f)
			w = uint32(len(az.news))
			az.news = append(az.news, newWord{text: text, stem: words.Stem(text), key: k, id: noTerm})
			az.stems[text] = w
		}
		sl.word = w
		az.fresh[az.news[w].text] = si
	} else {
		az.known.put(id, az.gen, si)
	}
	an.slots = append(an.slots, sl)
	az.addBucket(an, 1<<16|uint32(f[0]))
	if len(f) > 1 {
		az.addBucket(an, uint32(f[0])<<8|uint32(f[1]))
	}
	return si
}

// addBucket lists the bucket with key k for the article, once.
func (az *analyzer) addBucket(an *analysis, k uint32) {
	if az.bucketSeen[k] != az.gen {
		az.bucketSeen[k] = az.gen
		an.buckets = append(an.buckets, k)
	}
}

// insert appends one analysed article to the postings. It needs the
// write lock.
func (ix *Index) insert(an *analysis, az *analyzer) {
	a := an.art
	if old, ok := ix.ids[a.ID]; ok && !ix.docs[old].deleted {
		return
	}
	n := uint32(len(ix.docs))
	ix.docs = append(ix.docs, doc{
		art:      a,
		length:   an.length,
		titleLen: an.titleLen,
		outlet:   ix.outletID(feed.OutletName(a)),
		date:     days(a.Date),
		fp:       an.fp,
	})
	ix.ids[a.ID] = n
	ix.live++
	ix.changes++
	ix.totalLen += uint64(an.length)
	// Touch the records of the article's known terms, then the ends of
	// their postings, as analyze touches its tables, so that the loop
	// below finds them in the processor's cache.
	var sum uint64
	for i := range an.slots {
		if id := an.slots[i].id; id != noTerm {
			sum += uint64(ix.terms[id].last)
		}
	}
	for i := range an.slots {
		if id := an.slots[i].id; id != noTerm {
			if p := ix.terms[id].post; len(p) > 0 {
				sum += uint64(p[len(p)-1])
			}
		}
	}
	az.sink += sum
	start := uint32(0)
	for i := range an.slots {
		s := &an.slots[i]
		id := s.id
		if id == noTerm {
			w := &az.news[s.word]
			if w.id == noTerm {
				w.id = ix.termID(w, az.alone)
			}
			id = w.id
		}
		tm := &ix.terms[id]
		ix.markSkip(id, tm)
		e := an.enc[start:s.end]
		start = s.end
		d := uint64(n - tm.last)
		tm.post = grow(tm.post, uvarintLen(d)+len(e))
		tm.post = binary.AppendUvarint(tm.post, d)
		tm.post = append(tm.post, e...)
		tm.df++
		tm.last = n
	}
	for _, k := range an.buckets {
		bk := ix.buckets[k]
		if bk == nil {
			bk = &bucket{}
			ix.buckets[k] = bk
		}
		d := uint64(n - bk.last)
		bk.post = grow(bk.post, uvarintLen(d))
		bk.post = binary.AppendUvarint(bk.post, d)
		bk.df++
		bk.last = n
	}
	if len(ix.recent) > max(2048, len(ix.sorted)/8) {
		ix.mergeRecent()
	}
}

// uvarintLen returns the length of x as a uvarint.
func uvarintLen(x uint64) int {
	return (bits.Len64(x|1) + 6) / 7
}

// grow makes room for n more bytes. A list grows by half again: while
// articles are added, copying lists matters more than their slack, which
// Compact trims once a load is done.
func grow(b []byte, n int) []byte {
	if cap(b)-len(b) >= n {
		return b
	}
	c := len(b) + len(b)/2 + n + 8
	var nb []byte
	if c < 16 {
		// Small enough to share a block with others.
		nb = make([]byte, len(b), c)
	} else {
		// Take the whole of the size class the allocator rounds c up
		// to: append reports it as capacity where make does not.
		nb = append([]byte(nil), make([]byte, c)...)[:len(b)]
	}
	copy(nb, b)
	return nb
}

// compactBatch is how many terms Compact moves in one hold of the lock.
const compactBatch = 4096

// Compact trims the room left at the end of postings lists for articles
// to come, moving the lists into a few large blocks: a third or so of
// the index, once a large load is done. It holds the write lock for a
// few thousand lists at a time, so that searches go on meanwhile. A list
// that grows afterwards moves out of its block again. It then brings the
// bounds of common words' scores up to date (see block.go).
func (ix *Index) Compact() {
	for start := 0; ; start += compactBatch {
		ix.mu.Lock()
		if start >= len(ix.terms) {
			ix.mu.Unlock()
			break
		}
		terms := ix.terms[start:min(start+compactBatch, len(ix.terms))]
		pack(len(terms), func(i int) *[]byte { return &terms[i].post })
		ix.mu.Unlock()
	}
	ix.mu.Lock()
	buckets := make([]*bucket, 0, len(ix.buckets))
	for _, bk := range ix.buckets {
		buckets = append(buckets, bk)
	}
	pack(len(buckets), func(i int) *[]byte { return &buckets[i].post })
	ix.mu.Unlock()
	ix.refreshImpacts()
}

// pack moves the n lists list(i) that have room to spare into one block,
// each then with none.
func pack(n int, list func(i int) *[]byte) {
	total := 0
	for i := range n {
		if p := *list(i); cap(p) > len(p) {
			total += len(p)
		}
	}
	block := make([]byte, 0, total)
	for i := range n {
		p := list(i)
		if cap(*p) > len(*p) {
			off := len(block)
			block = append(block, *p...)
			*p = block[off:len(block):len(block)]
		}
	}
}

// termOf returns the ID of the term with the given text.
func (ix *Index) termOf(text string) (uint32, bool) {
	return getTerm(&ix.termIDs, keyOfString(text), text, ix.terms)
}

// termID returns the ID of a word's term, adding the term when it is new
// or known to be new.
func (ix *Index) termID(w *newWord, isNew bool) uint32 {
	if !isNew {
		if id, ok := getTerm(&ix.termIDs, w.key, w.text, ix.terms); ok {
			return id
		}
	}
	text, st := w.text, w.stem
	id := uint32(len(ix.terms))
	g, ok := ix.groupIDs[st]
	if !ok {
		g = uint32(len(ix.groups))
		ix.groupIDs[st] = g
		ix.groups = append(ix.groups, nil)
	}
	ix.groups[g] = append(ix.groups[g], id)
	ix.terms = append(ix.terms, term{text: text, group: g})
	ix.termIDs.put(w.key, id, ix.terms)
	ix.recent = append(ix.recent, id)
	return id
}

// mergeRecent sorts the recent terms into the sorted list.
//
// Terms are compared by their first eight bytes as a number first, which
// orders them as their texts do (folded words hold no zero byte), and
// each text is read once for the merge rather than once a comparison.
func (ix *Index) mergeRecent() {
	type keyed struct {
		prefix uint64
		id     uint32
	}
	rs := make([]keyed, len(ix.recent))
	for i, id := range ix.recent {
		rs[i] = keyed{prefixKey(ix.terms[id].text), id}
	}
	slices.SortFunc(rs, func(a, b keyed) int {
		if a.prefix != b.prefix {
			return cmp.Compare(a.prefix, b.prefix)
		}
		return strings.Compare(ix.terms[a.id].text, ix.terms[b.id].text)
	})
	merged := make([]uint32, 0, len(ix.sorted)+len(ix.recent))
	j := 0
	// The sorted terms' texts are read a chunk at a time, first their
	// headers and then their bytes, so that the processor fetches many
	// at once (see analyzer.touch).
	var texts [64]string
	var keys [64]uint64
	for c := 0; c < len(ix.sorted) && j < len(rs); c += len(texts) {
		chunk := ix.sorted[c:min(c+len(texts), len(ix.sorted))]
		for i, id := range chunk {
			texts[i] = ix.terms[id].text
		}
		for i := range chunk {
			keys[i] = prefixKey(texts[i])
		}
		for i, id := range chunk {
			t, p := texts[i], keys[i]
			for j < len(rs) && (rs[j].prefix < p || rs[j].prefix == p && ix.terms[rs[j].id].text < t) {
				merged = append(merged, rs[j].id)
				j++
			}
			merged = append(merged, id)
		}
	}
	merged = append(merged, ix.sorted[len(merged)-j:]...)
	for _, r := range rs[j:] {
		merged = append(merged, r.id)
	}
	ix.sorted, ix.recent = merged, ix.recent[:0]
}

// prefixKey returns the first eight bytes of s, padded with zeros, as a
// big-endian number.
func prefixKey(s string) uint64 {
	if len(s) >= 8 {
		s = s[:8]
		return uint64(s[0])<<56 | uint64(s[1])<<48 | uint64(s[2])<<40 | uint64(s[3])<<32 |
			uint64(s[4])<<24 | uint64(s[5])<<16 | uint64(s[6])<<8 | uint64(s[7])
	}
	var k uint64
	for i := 0; i < len(s); i++ {
		k |= uint64(s[i]) << (56 - 8*i)
	}
	return k
}

func (ix *Index) outletID(name string) uint16 {
	f := foldName(name)
	if id, ok := ix.outletIDs[f]; ok {
		return id
	}
	id := uint16(min(len(ix.outlets), 1<<16-1))
	if int(id) == len(ix.outlets) {
		ix.outlets = append(ix.outlets, f)
	}
	ix.outletIDs[f] = id
	return id
}

// foldName folds an outlet name for comparison: its words folded and
// joined by single spaces.
func foldName(name string) string {
	t := tokenizers.Get().(*tokenizer)
	defer tokenizers.Put(t)
	var b strings.Builder
	t.each(name, func(_, _ int, f []byte) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.Write(f)
	})
	return b.String()
}

func days(t time.Time) int32 {
	if t.IsZero() {
		return noDate
	}
	y, m, d := t.Date()
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// Remove takes the article with the given ID out of the index and
// reports whether it was there. Its postings stay, skipped, until the
// index is rebuilt.
func (ix *Index) Remove(id string) bool {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	n, ok := ix.ids[id]
	if !ok {
		return false
	}
	delete(ix.ids, id)
	d := &ix.docs[n]
	d.deleted = true
	ix.changes++
	ix.live--
	ix.totalLen -= uint64(d.length)
	return true
}

// postings reads one term's postings in article order.
type postings struct {
	b     []byte
	off   int
	doc   uint32
	count uint32
	flags uint8
	pos   int // offset of the current article's positions
	blk   int // for seek: the next skip entry not yet jumped to
}

func (p *postings) uvarint() uint32 {
	if c := p.b[p.off]; c < 0x80 {
		p.off++
		return uint32(c)
	}
	var x uint32
	var s uint
	for {
		c := p.b[p.off]
		p.off++
		if c < 0x80 {
			return x | uint32(c)<<s
		}
		x |= uint32(c&0x7f) << s
		s += 7
	}
}

// next moves to the next article, reporting whether there is one.
func (p *postings) next() bool {
	if p.off >= len(p.b) {
		return false
	}
	p.doc += p.uvarint()
	v := p.uvarint()
	p.count, p.flags = v>>2, uint8(v&3)
	p.pos = p.off
	// Skip the positions: count the bytes that end a varint.
	if p.count == 1 && p.b[p.off] < 0x80 {
		p.off++
	} else {
		p.off = skipVarints(p.b, p.off, p.count)
	}
	return true
}

// positions appends the current article's positions to dst.
func (p *postings) positions(dst []uint32) []uint32 {
	q := postings{b: p.b, off: p.pos}
	prev := uint32(0)
	for range p.count {
		prev += q.uvarint()
		dst = append(dst, prev)
	}
	return dst
}
