package search

import (
	"encoding/binary"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/broadsheet/broadsheet/feed"
)

// Memory layout. Every distinct folded word ("term") is stored once, in
// terms, and found through termIDs. Words that share an English stem
// form a group, so a query for "elections" reads the postings of
// "election", "elections" and "elected" and weighs the exact form higher.
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
}

const noDate = -1 << 31

// Index finds articles by their words. It is safe for concurrent use:
// articles may be added while searches run.
type Index struct {
	mu     sync.RWMutex
	serial uint64 // tells indexes apart in pooled caches

	termIDs  map[string]uint32
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

	outlets   []string // folded outlet names
	outletIDs map[string]uint16

	// buckets list, for each one- and two-byte beginning of a word, the
	// articles holding a word that begins so: a prefix that short would
	// expand to thousands of terms.
	buckets map[uint32]*bucket

	skips map[uint32][]skip // term ID → skip table, see skip.go
	heads recentHeads       // for prefix search, see prefix.go
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
		termIDs:   make(map[string]uint32),
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

// analysis is one article's words, gathered before the index is locked
// for writing.
type analysis struct {
	art      *feed.Article
	length   uint32
	titleLen uint16
	slots    []slot
	occ      []occurrence
	buckets  []uint32 // distinct
	grouped  []occurrence
	next     []int
}

// slot is one distinct term of an article.
type slot struct {
	id    uint32 // the term's ID, or noTerm when it was new when looked up
	text  string // set when id is noTerm
	flags uint8
	count uint32
	first int // index into analysis.occ once grouped
}

const noTerm = ^uint32(0)

type occurrence struct {
	slot uint32
	pos  uint32
}

// Add indexes articles. An article whose ID is already indexed is
// skipped. Most of the work happens before the index is locked, so
// searches keep running while articles are added.
func (ix *Index) Add(arts ...*feed.Article) {
	if len(arts) == 0 {
		return
	}
	az := analyzers.Get().(*analyzer)
	defer analyzers.Put(az)
	for len(az.batch) < len(arts) {
		az.batch = append(az.batch, analysis{})
	}
	as := az.batch[:len(arts)]
	ix.mu.RLock()
	for i, a := range arts {
		ix.analyze(az, a, &as[i])
	}
	ix.mu.RUnlock()

	ix.mu.Lock()
	for i := range as {
		ix.insert(&as[i])
		as[i].art = nil // the pooled analyzer must not keep articles
	}
	ix.mu.Unlock()
}

// analyzer is the reusable working memory of analyze.
type analyzer struct {
	t *tokenizer
	// seen maps a term ID to gen<<32 | slot for the terms of the
	// article being analysed: a map without hashing.
	seen  []uint64
	gen   uint64
	fresh map[string]uint32
	batch []analysis // reused, with their buffers
	// bucketSeen marks, with the low bits of gen, the buckets already
	// listed for the article.
	bucketSeen [1<<16 + 1<<8]uint32
	// hot caches term IDs by a hash of their text: the common words
	// are most of any text, and the whole term map is too big to stay
	// in the processor's cache.
	hot   [1 << 15]hotTerm
	owner uint64 // the serial number of the index hot's IDs belong to
}

type hotTerm struct {
	text string
	id   uint32 // noTerm for a stop word
}

// lookup returns the ID of a known term, and reports whether the word
// is a stop word or a known term.
func (az *analyzer) lookup(ix *Index, f []byte) (id uint32, stop, known bool) {
	h := uint32(2166136261)
	for _, c := range f {
		h = (h ^ uint32(c)) * 16777619
	}
	e := &az.hot[h%uint32(len(az.hot))]
	if e.text == string(f) && e.text != "" {
		return e.id, e.id == noTerm, e.id != noTerm
	}
	if isStopWord(string(f)) {
		*e = hotTerm{text: string(f), id: noTerm}
		return noTerm, true, false
	}
	id, ok := ix.termIDs[string(f)]
	if ok {
		*e = hotTerm{text: ix.terms[id].text, id: id}
	}
	return id, false, ok
}

var analyzers = sync.Pool{New: func() any {
	return &analyzer{t: newTokenizer(), fresh: make(map[string]uint32)}
}}

// analyze reads an article's words, looking up the terms already known.
// It needs the read lock.
func (ix *Index) analyze(az *analyzer, a *feed.Article, an *analysis) {
	t := az.t
	if len(az.seen) < len(ix.terms) {
		az.seen = slices.Grow(az.seen, len(ix.terms)-len(az.seen))[:len(ix.terms)]
		az.seen = az.seen[:cap(az.seen)]
	}
	if az.owner != ix.serial {
		az.owner = ix.serial
		clear(az.hot[:])
	}
	az.gen++
	gen := az.gen << 32
	clear(az.fresh)
	fresh := az.fresh
	*an = analysis{
		art:     a,
		slots:   an.slots[:0],
		occ:     an.occ[:0],
		grouped: an.grouped[:0],
		next:    an.next[:0],
		buckets: an.buckets[:0],
	}
	pos := uint32(0)
	leadEnd := uint32(0)
	add := func(_, _ int, f []byte, flags uint8) {
		p := pos
		pos++
		id, stop, known := az.lookup(ix, f)
		if stop {
			return
		}
		var si uint32
		if known {
			if v := az.seen[id]; v>>32 == gen>>32 {
				si = uint32(v)
			} else {
				si = uint32(len(an.slots))
				az.seen[id] = gen | uint64(si)
				an.slots = append(an.slots, slot{id: id})
			}
		} else {
			s, ok := fresh[string(f)]
			if !ok {
				s = uint32(len(an.slots))
				text := string(f)
				fresh[text] = s
				an.slots = append(an.slots, slot{id: noTerm, text: text})
			}
			si = s
		}
		if flags == 0 && p < leadEnd {
			flags = inLead
		}
		an.slots[si].flags |= flags
		an.slots[si].count++
		an.occ = append(an.occ, occurrence{slot: si, pos: p})
		an.length++
	}
	t.each(a.Title, func(s, e int, f []byte) { add(s, e, f, inTitle) })
	an.titleLen = uint16(min(pos, 1<<16-1))
	pos += titleGap
	// The lead is most often the body's first paragraph: count its words
	// to know how far it reaches.
	lead := uint32(0)
	t.each(a.Lead, func(int, int, []byte) { lead++ })
	leadEnd = pos + lead
	t.each(a.Body, func(s, e int, f []byte) { add(s, e, f, 0) })

	// Group the occurrences by slot, keeping each slot's positions in
	// order: a counting sort.
	n := 0
	for i := range an.slots {
		an.slots[i].first = n
		n += int(an.slots[i].count)
	}
	grouped := slices.Grow(an.grouped, len(an.occ))[:len(an.occ)]
	next := slices.Grow(an.next, len(an.slots))[:len(an.slots)]
	for i := range an.slots {
		next[i] = an.slots[i].first
	}
	for _, o := range an.occ {
		grouped[next[o.slot]] = o
		next[o.slot]++
	}
	// Swap the buffers: occ now holds the grouped occurrences.
	an.occ, an.grouped, an.next = grouped, an.occ, next

	bucketGen := uint32(az.gen)
	addBucket := func(k uint32) {
		if az.bucketSeen[k] != bucketGen {
			az.bucketSeen[k] = bucketGen
			an.buckets = append(an.buckets, k)
		}
	}
	for _, sl := range an.slots {
		text := sl.text
		if sl.id != noTerm {
			text = ix.terms[sl.id].text
		}
		addBucket(bucketKey(text[:1]))
		if len(text) > 1 {
			addBucket(bucketKey(text[:2]))
		}
	}
}

// insert appends one analysed article to the postings. It needs the
// write lock.
func (ix *Index) insert(an *analysis) {
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
	})
	ix.ids[a.ID] = n
	ix.live++
	ix.totalLen += uint64(an.length)
	var scratch [binary.MaxVarintLen32 * 2]byte
	for i := range an.slots {
		s := &an.slots[i]
		id := s.id
		if id == noTerm {
			id = ix.termID(s.text)
		}
		tm := &ix.terms[id]
		ix.markSkip(id, tm)
		b := binary.AppendUvarint(scratch[:0], uint64(n-tm.last))
		b = binary.AppendUvarint(b, uint64(s.count)<<2|uint64(s.flags))
		tm.post = grow(tm.post, len(b)+int(s.count)*2)
		tm.post = append(tm.post, b...)
		prev := uint32(0)
		for _, o := range an.occ[s.first : s.first+int(s.count)] {
			tm.post = grow(tm.post, binary.MaxVarintLen32)
			tm.post = binary.AppendUvarint(tm.post, uint64(o.pos-prev))
			prev = o.pos
		}
		tm.df++
		tm.last = n
	}
	for _, k := range an.buckets {
		bk := ix.buckets[k]
		if bk == nil {
			bk = &bucket{}
			ix.buckets[k] = bk
		}
		bk.post = grow(bk.post, binary.MaxVarintLen32)
		bk.post = binary.AppendUvarint(bk.post, uint64(n-bk.last))
		bk.df++
		bk.last = n
	}
	if len(ix.recent) > max(2048, len(ix.sorted)/8) {
		ix.mergeRecent()
	}
}

// grow makes room for n more bytes, growing by an eighth rather than
// append's doubling: postings are the index's bulk, and slack is memory.
func grow(b []byte, n int) []byte {
	if cap(b)-len(b) >= n {
		return b
	}
	nb := make([]byte, len(b), len(b)+len(b)/8+n+8)
	copy(nb, b)
	return nb
}

// termID returns the ID of a term, adding it when it is new.
func (ix *Index) termID(text string) uint32 {
	if id, ok := ix.termIDs[text]; ok {
		return id
	}
	id := uint32(len(ix.terms))
	st := stem(text)
	g, ok := ix.groupIDs[st]
	if !ok {
		g = uint32(len(ix.groups))
		ix.groupIDs[st] = g
		ix.groups = append(ix.groups, nil)
	}
	ix.groups[g] = append(ix.groups[g], id)
	ix.terms = append(ix.terms, term{text: text, group: g})
	ix.termIDs[text] = id
	ix.recent = append(ix.recent, id)
	return id
}

// mergeRecent sorts the recent terms into the sorted list.
func (ix *Index) mergeRecent() {
	byText := func(a, b uint32) int { return strings.Compare(ix.terms[a].text, ix.terms[b].text) }
	slices.SortFunc(ix.recent, byText)
	merged := make([]uint32, 0, len(ix.sorted)+len(ix.recent))
	i, j := 0, 0
	for i < len(ix.sorted) && j < len(ix.recent) {
		if byText(ix.sorted[i], ix.recent[j]) <= 0 {
			merged = append(merged, ix.sorted[i])
			i++
		} else {
			merged = append(merged, ix.recent[j])
			j++
		}
	}
	merged = append(merged, ix.sorted[i:]...)
	merged = append(merged, ix.recent[j:]...)
	ix.sorted, ix.recent = merged, ix.recent[:0]
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
