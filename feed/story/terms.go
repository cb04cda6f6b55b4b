package story

import (
	"bytes"
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/words"
)

// How much each part of an article says about what it is about. The
// title and lead name the event; the body's opening carries the facts,
// and its tail (background, live-blog asides) mostly does not.
const (
	titleWeight = 3.0
	leadWeight  = 2.0
	bodyWeight  = 1.0
	// bodyWords is how much of the body is read for the vector.
	bodyWords = 1500
	// maxTerms is how many of an article's strongest terms it keeps.
	maxTerms = 80
)

// How much a kind of term counts. Weights are fixed rather than learnt
// from the corpus (no IDF), so that an article's vector never changes as
// others arrive: that is what lets stories be built incrementally and
// still come out exactly as a batch build would.
const (
	nameWeight   = 2.0  // a word written capitalised mid-sentence: a person, place, body
	wordWeight   = 1.0  // any other content word
	commonWeight = 0.35 // words every news story uses
	numberWeight = 0.5
	pairWeight   = 1.5 // two content words in a row: "strategic partnership"
)

// vector is an article's strongest terms, sorted by hash, each with its
// weight in two vectors of unit length: of all the article's strongest
// terms, and of its strongest that are not names (zero where a term is
// not in one), so that the dot products of two are their cosines. Terms
// are kept as hashes: comparing numbers is quicker than comparing words,
// and a hash, unlike a number handed out as terms arrive, is the same
// whatever order articles come in, so sums run in the same order too.
// Hashes and weights are 32 bits: a hundred thousand articles keep
// millions of them, and the cosines need no more. The hashes are kept
// apart from the weights: comparing an article with another reads every
// hash of the other's, but the weights only of the terms they share,
// and a vector read from memory costs more than the sums.
type vector struct {
	hash []uint32
	w    []weight // w[i] is hash[i]'s
}

// weight is a term's weight in the two vectors.
type weight struct{ all, words float32 }

// len returns the number of terms.
func (v vector) len() int { return len(v.hash) }

// add appends a term, of a hash above the others'.
func (v *vector) add(h uint32, w weight) {
	v.hash = append(v.hash, h)
	v.w = append(v.w, w)
}

// clone returns a copy of v that shares nothing with it.
func (v vector) clone() vector { return vector{slices.Clone(v.hash), slices.Clone(v.w)} }

// dot returns the cosines of two articles' vectors: of all their terms,
// and of those that are not names.
func (v vector) dot(w vector) (all, words float64) {
	// Without branches: which side steps on is all but random, and a
	// mispredicted branch costs more than the sums.
	vh, wh := v.hash, w.hash
	vw, ww := v.w[:len(vh)], w.w[:len(wh)]
	i, j := 0, 0
	for i < len(vh) && j < len(wh) {
		x, y := &vw[i], &ww[j]
		d := int64(vh[i]) - int64(wh[j])
		same := float64(1 - (uint64(d)|uint64(-d))>>63)
		all += float64(x.all) * float64(y.all) * same
		words += float64(x.words) * float64(y.words) * same
		i += int(uint64(d-1) >> 63)  // x's hash <= y's
		j += int(uint64(-d-1) >> 63) // y's hash <= x's
	}
	return all, words
}

// termIndex holds one vector's terms by hash, to compare it with many
// others: a lookup for each of the other's terms costs less than merging
// the two. Matches come in hash order either way, so the sums are the
// same to the last bit.
type termIndex struct {
	round uint32
	shift uint8
	slots []indexSlot
	// bits has a bit set for each loaded term (see filterBit): most of
	// the other's terms are not loaded, and one bit tells so without
	// probing the table. A vector of more than 512 terms (a story's
	// centroid may have thousands, which would set every bit) has
	// wide instead, of at least eight bits a term, whose word wshift
	// picks: the fixed filter of an article's vector is the quicker to
	// read.
	bits   [64]uint64
	wide   []uint64
	wshift uint8
	spare  []uint64 // wide's room, kept while an article's vector is loaded
}

// filterBit returns the word and bit of termIndex.bits for a term's
// hash, mixed as the table mixes it.
func filterBit(mixed uint32) (int, uint64) { return int(mixed >> 26), 1 << (mixed >> 20 & 63) }

// wideBit is filterBit for termIndex.wide.
func (t *termIndex) wideBit(mixed uint32) (int, uint64) {
	return int(mixed >> t.wshift), 1 << (mixed >> (t.wshift - 6) & 63)
}

type indexSlot struct {
	round uint32
	hash  uint32
	weight
}

// load empties the table and fills it with v's terms.
func (t *termIndex) load(v vector) {
	t.round++
	if n := max(4*v.len(), 64); len(t.slots) < n || t.round == 0 {
		size, shift := 64, uint8(32-6)
		for size < n {
			size, shift = 2*size, shift-1
		}
		t.slots, t.shift, t.round = make([]indexSlot, size), shift, 1
	}
	mask := uint32(len(t.slots) - 1)
	t.wide = nil
	if words, wshift := 64, uint8(32-6); 8*v.len() > words*64 {
		for words*64 < 8*v.len() {
			words, wshift = 2*words, wshift-1
		}
		if cap(t.spare) < words {
			t.spare = make([]uint64, words)
		}
		t.wide, t.wshift = t.spare[:words], wshift
		clear(t.wide)
	} else {
		t.bits = [64]uint64{}
	}
	ws := v.w[:len(v.hash)]
	for k, h := range v.hash {
		m := h * 0x9e3779b1
		if t.wide != nil {
			w, bit := t.wideBit(m)
			t.wide[w] |= bit
		} else {
			w, bit := filterBit(m)
			t.bits[w] |= bit
		}
		i := m >> t.shift
		for t.slots[i].round == t.round {
			i = (i + 1) & mask
		}
		t.slots[i] = indexSlot{t.round, h, ws[k]}
	}
}

// maybe reports whether a term, mixed as the table mixes it, may be
// loaded: false when the filter says it is not.
func (t *termIndex) maybe(m uint32) bool {
	if t.wide != nil {
		w, bit := t.wideBit(m)
		return t.wide[w]&bit != 0
	}
	w, bit := filterBit(m)
	return t.bits[w]&bit != 0
}

// dot returns what v.dot(w) returns for the loaded vector v.
func (t *termIndex) dot(w vector) (all, words float64) {
	if t.wide != nil {
		return t.wideDot(w)
	}
	mask := uint32(len(t.slots) - 1)
	ws := w.w[:len(w.hash)]
	for k, h := range w.hash {
		m := h * 0x9e3779b1
		if w, bit := filterBit(m); t.bits[w]&bit == 0 {
			continue
		}
		for i := m >> t.shift; t.slots[i].round == t.round; i = (i + 1) & mask {
			if x := &t.slots[i]; x.hash == h {
				y := &ws[k]
				all += float64(x.all) * float64(y.all)
				words += float64(x.words) * float64(y.words)
				break
			}
		}
	}
	return all, words
}

// wideDot is dot for a loaded vector of many terms (see wide).
func (t *termIndex) wideDot(w vector) (all, words float64) {
	mask := uint32(len(t.slots) - 1)
	ws := w.w[:len(w.hash)]
	for k, h := range w.hash {
		m := h * 0x9e3779b1
		if !t.maybe(m) {
			continue
		}
		for i := m >> t.shift; t.slots[i].round == t.round; i = (i + 1) & mask {
			if x := &t.slots[i]; x.hash == h {
				y := &ws[k]
				all += float64(x.all) * float64(y.all)
				words += float64(x.words) * float64(y.words)
				break
			}
		}
	}
	return all, words
}

// namesDot returns what namesDot returns for the loaded vector v and w:
// the products of the terms both hold as names (see namesLike), summed
// in hash order.
func (t *termIndex) namesDot(w vector) (dot float64) {
	mask := uint32(len(t.slots) - 1)
	ws := w.w[:len(w.hash)]
	for k, h := range w.hash {
		if ws[k].words != 0 {
			continue
		}
		m := h * 0x9e3779b1
		if !t.maybe(m) {
			continue
		}
		for i := m >> t.shift; t.slots[i].round == t.round; i = (i + 1) & mask {
			if x := &t.slots[i]; x.hash == h {
				if x.words == 0 {
					dot += float64(x.all) * float64(ws[k].all)
				}
				break
			}
		}
	}
	return dot
}

// counter counts an article's terms. Its buffers are reused from one
// article to the next.
type counter struct {
	tz tokenizer
	// forms maps the article's words as written to what they read as
	// in it (see read); words maps word terms by hash, and pairs pair
	// terms by their two words, to the terms.
	forms formTable
	words termTable
	pairs termTable
	terms []counted
	text  []byte // every word term's text, one after another
	ts    []byte // two terms' texts, for byText
	ws    []weighted
	top   []weighted
	tied  []weighted
	order []uint64
	logs  [64]struct{ f, log float64 }
	sq    []float64
	// heapAll and heapWords find the cuts (see weigh).
	heapAll, heapWords []float64
	hs                 []hashed
	vec                vector
	// n counts the words of the part being read.
	n int

	// topWords and tiedWords are top and tied for the terms that are
	// not names; norms holds the sorted weights keysOf takes, scratch
	// is sortHigh32's.
	topWords, tiedWords []weighted
	norms               []float64
	scratch             []uint64
	// yrs holds the years the article's word terms name (see years),
	// noted as each term is first read.
	yrs []int16
}

// counted is one term of an article: a word or a pair of words. A pair's
// hash and text are its words', made only for the terms weigh keeps.
type counted struct {
	hash       uint64  // a word's hash (words.Hash of its text)
	key        uint64  // the first eight bytes of its text, to sort by
	start, end int32   // a word's text in counter.text
	a, b       int32   // a pair's words, or -1
	kind       float64 // how much a word counts by its kind
	f          float64 // its weighted count
	seen       int32   // times a word was read
	names      int32   // times a word was written as a name
}

// count reads an article's terms.
func (c *counter) count(a *feed.Article) {
	c.forms.reset()
	c.words.reset()
	c.pairs.reset()
	c.terms, c.text, c.yrs = c.terms[:0], c.text[:0], c.yrs[:0]
	if !a.TitleSynthesized {
		c.n = 0
		c.add(a.Title, titleWeight, 0)
	}
	c.n = 0
	c.add(a.Lead, leadWeight, 0)
	c.n = 0
	eachParagraph(a.Body, true, func(p string) bool { return c.add(p, bodyWeight, bodyWords) })
}

// years returns the years, from 1900 to 2099, that the counted words
// name, sorted.
func (c *counter) years() []int16 {
	if len(c.yrs) == 0 {
		return nil
	}
	ys := slices.Clone(c.yrs)
	slices.Sort(ys)
	return slices.Compact(ys)
}

// year returns the year, from 1900 to 2099, that a word term names, or 0.
func year(w []byte) int16 {
	if len(w) != 4 || (w[0] != '1' || w[1] != '9') && (w[0] != '2' || w[1] != '0') || !isDigit(w[2]) || !isDigit(w[3]) {
		return 0
	}
	return int16(int(w[0]-'0')*1000 + int(w[1]-'0')*100 + int(w[2]-'0')*10 + int(w[3]-'0'))
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// add counts the words of text, each at weight, and pairs of words in a
// row within a sentence, until limit words (all of them for 0); it
// reports whether it read them all.
//
// It reads the text once, splitting it into words as nextWord does and
// into sentences where appendSentences would (see sentenceEnd): a
// sentence's first word is not a name for being capitalised, and no
// pair spans two sentences.
func (c *counter) add(text string, weight float64, limit int) bool {
	prev, first := int32(-1), true
	// The current sentence's start, and whether it is a line's.
	sent, line := 0, true
	for i := 0; ; {
		// Past what is not a word, noting where sentences end.
		for i < len(text) {
			b := text[i]
			if b >= utf8.RuneSelf {
				word, size := isWordRune(text, i)
				if word {
					break
				}
				i += size
				continue
			}
			switch byteClass[b] {
			case wordByte:
				goto word
			case stopByte:
				if end, ok := sentenceEnd(text, i, sent, line); ok {
					prev, first = -1, true
					sent, line = end, false
				}
			case lineByte:
				prev, first = -1, true
				sent, line = i+1, true
			}
			i++
		}
		if i >= len(text) {
			return true
		}
	word:
		start := i
		for {
			for i < len(text) && asciiWord[text[i]] {
				i++
			}
			if i >= len(text) || text[i] < utf8.RuneSelf {
				break
			}
			word, size := isWordRune(text, i)
			if !word {
				break
			}
			i += size
		}
		r := c.read(text, start, i)
		if r == skippedRead {
			continue
		}
		if limit > 0 && c.n >= limit {
			return false
		}
		c.n++
		mid := !first
		first = false
		if r == stopRead {
			prev = -1
			continue
		}
		k := r >> 1
		t := &c.terms[k]
		t.seen++
		if r&1 == 1 && mid {
			t.names++
		}
		t.f += weight * t.kind
		if prev >= 0 {
			kind := min(c.terms[prev].kind, t.kind)
			p := c.pair(prev, k)
			c.terms[p].f += weight * pairWeight * kind
		}
		prev = k
	}
}

// sentenceEnd reports whether the full stop, question or exclamation
// mark at text[i] ends a sentence, as appendSentences splits them, and
// where the next sentence starts. The current sentence starts at sent;
// line says whether that is a line's start, where appendSentences trims
// the line's leading space.
func sentenceEnd(text string, i, sent int, line bool) (int, bool) {
	end := i + 1
	for end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		if !strings.ContainsRune(`"'”’)]`, r) {
			break
		}
		end += size
	}
	// A line's trailing space (appendSentences trims it) is followed by
	// no capital, digit or quote on that line, so it ends nothing here
	// either.
	if end >= len(text) || text[end] != ' ' {
		return 0, false
	}
	j := end + 1
	for j < len(text) && text[j] == ' ' {
		j++
	}
	next, _ := utf8.DecodeRuneInString(text[j:])
	if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune(`"'“‘(`, next) {
		return 0, false
	}
	if text[i] == '.' {
		before := text[sent:i]
		if line {
			before = strings.TrimLeftFunc(before, unicode.IsSpace)
		}
		if shortWord(before) {
			return 0, false
		}
	}
	return end, true
}

// What read returns for a word that is not a term.
const (
	stopRead    = -1
	skippedRead = -2
)

// read returns what a word as written, text[start:end], is in the
// article: its term, times two, plus one if it is capitalised; or
// stopRead or skippedRead.
func (c *counter) read(text string, start, end int) int32 {
	w := text[start:end]
	if len(w) > 16 {
		return c.learn(w)
	}
	a, b := formKeyIn(text, start, end)
	s, ok := c.forms.findKey(a, b, len(w))
	if ok {
		return s.v
	}
	r := c.learn(w)
	c.forms.put(s, a, b, len(w), r)
	return r
}

// learn returns what read returns for a word the article has not used.
func (c *counter) learn(w string) int32 {
	term, kind := c.tz.term(w)
	switch kind {
	case skipped:
		return skippedRead
	case stopWord:
		return stopRead
	}
	r := 2 * c.word(term)
	if first, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(first) {
		r++
	}
	return r
}

// word returns a word's term, adding it when new.
func (c *counter) word(term []byte) int32 {
	h := words.Hash(term)
	slot, ok := c.words.lookup(h)
	if ok {
		return slot.term
	}
	kind := wordWeight
	switch {
	case words.IsNumber(term):
		kind = numberWeight
	case commonSet.has(term):
		kind = commonWeight
	}
	if y := year(term); y != 0 {
		c.yrs = append(c.yrs, y)
	}
	start := len(c.text)
	c.text = append(c.text, term...)
	i := int32(len(c.terms))
	c.terms = append(c.terms, counted{hash: h, key: keyOf(term), start: int32(start), end: int32(len(c.text)), a: -1, b: -1, kind: kind})
	c.words.putAt(slot, h, i)
	return i
}

// keyOf returns the first eight bytes of a text, the first in the
// highest byte, so that keys sort as their texts begin.
func keyOf(text []byte) uint64 {
	var k uint64
	for i, b := range text[:min(len(text), 8)] {
		k |= uint64(b) << (56 - 8*i)
	}
	return k
}

// pair returns the term of two words in a row, adding it when new. Its
// text is the two words with a space between.
func (c *counter) pair(a, b int32) int32 {
	ab := uint64(uint32(a))<<32 | uint64(uint32(b))
	slot, ok := c.pairs.lookup(ab)
	if ok {
		return slot.term
	}
	// The pair's first eight bytes: a's, a space and b's.
	ta := &c.terms[a]
	key := ta.key
	if n := ta.end - ta.start; n < 8 {
		key |= uint64(' ')<<(56-8*n) | c.terms[b].key>>(8*(n+1))
	}
	i := int32(len(c.terms))
	c.terms = append(c.terms, counted{key: key, a: a, b: b})
	c.pairs.putAt(slot, ab, i)
	return i
}

// textOf appends a term's text to dst.
func (c *counter) textOf(dst []byte, t *counted) []byte {
	if t.a < 0 {
		return append(dst, c.text[t.start:t.end]...)
	}
	a, b := &c.terms[t.a], &c.terms[t.b]
	dst = append(dst, c.text[a.start:a.end]...)
	dst = append(dst, ' ')
	return append(dst, c.text[b.start:b.end]...)
}

// hashOf returns a term's hash: of its text (see words.Hash).
func (c *counter) hashOf(t *counted) uint64 {
	if t.a < 0 {
		return t.hash
	}
	a, b := &c.terms[t.a], &c.terms[t.b]
	h := words.HashOn(a.hash, []byte{' '})
	return words.HashOn(h, c.text[b.start:b.end])
}

// weighted is a term, its weight and whether it is, or holds, a name,
// with the first eight bytes of its text (counted.key) to break ties
// without looking the term up.
type weighted struct {
	term int32
	name bool
	w    float64
	key  uint64
}

// weigh makes an article's vector from its counted terms, and returns it
// with its key terms and copy keys (see keysOf).
func (c *counter) weigh() (vec vector, keys, copyKeys []uint64) {
	// A word is a name when written capitalised mid-sentence at least
	// half the times it was read.
	isName := func(i int32) bool {
		t := &c.terms[i]
		return t.names > 0 && t.names*2 >= t.seen
	}
	// The maxTerms strongest weights so far, and of terms that are not
	// names, are kept on two heaps as the terms are weighed: most terms
	// are weaker than those already kept and cost a comparison.
	all, ha, hw := c.ws[:0], c.heapAll[:0], c.heapWords[:0]
	notNames := 0
	for i, t := range c.terms {
		w := t.f
		if t.f >= 1 {
			w = 1 + c.log(t.f)
		}
		x := weighted{term: int32(i), w: w, key: t.key}
		if t.a >= 0 {
			x.name = isName(t.a) || isName(t.b)
		} else if isName(int32(i)) {
			x.name = true
			x.w *= nameWeight
		}
		all = append(all, x)
		// Most terms are no stronger than the weakest kept: one
		// comparison here rather than a call.
		if len(ha) < maxTerms || x.w > ha[0] {
			ha = keepStrongest(ha, x.w)
		}
		if !x.name {
			if len(hw) < maxTerms || x.w > hw[0] {
				hw = keepStrongest(hw, x.w)
			}
			notNames++
		}
	}
	c.ws, c.heapAll, c.heapWords = all, ha, hw
	// The maxTerms strongest terms, and the maxTerms strongest that are
	// not names; of those tied at the cut, the first by text, so the cut
	// never depends on the order terms came in. The cuts are the weights
	// of the maxTerms-th strongest (0 when there are fewer).
	var cutAll, cutWords float64
	if len(all) > maxTerms {
		cutAll = ha[0]
	}
	if notNames > maxTerms {
		cutWords = hw[0]
	}
	top, topWords := c.strongest(all, cutAll, cutWords)
	hs, norm := c.unit(c.hs[:0], top, false)
	// keysOf takes the weights of the vector of all terms sorted: those
	// unit sorted, scaled as it scaled them (which keeps their order).
	sorted := c.norms[:0]
	for _, w := range c.sq {
		sorted = append(sorted, w/norm)
	}
	c.norms = sorted
	keys, copyKeys = keysOf(hs, sorted)
	hs, _ = c.unit(hs, topWords, true)
	c.hs = hs
	// The two, in one vector by hash: each short hash and its place in
	// hs, sorted as numbers.
	order := c.order[:0]
	for i, h := range hs {
		order = append(order, uint64(uint32(h.h))<<32|uint64(i))
	}
	order, c.scratch = sortHigh32(order, c.scratch)
	c.order = order
	vec = vector{c.vec.hash[:0], c.vec.w[:0]}
	for _, o := range order {
		h := &hs[uint32(o)]
		if n := len(vec.hash); n == 0 || vec.hash[n-1] != uint32(h.h) {
			vec.add(uint32(h.h), weight{})
		}
		// A term in both vectors, or two terms with one short hash.
		if t := &vec.w[len(vec.w)-1]; h.words {
			t.words += float32(h.w)
		} else {
			t.all += float32(h.w)
		}
	}
	c.vec = vec
	return vec.clone(), keys, copyKeys
}

// log returns math.Log(f). Most of an article's terms share a few
// weighted counts (a pair of words read once in the body, a word read
// twice), so the last of each is kept.
func (c *counter) log(f float64) float64 {
	bits := math.Float64bits(f)
	e := &c.logs[(bits^bits>>29^bits>>47)&uint64(len(c.logs)-1)]
	if e.f != f {
		e.f, e.log = f, math.Log(f)
	}
	return e.log
}

// strongest returns the maxTerms strongest of the terms, and of those
// that are not names, each in no order; cutAll and cutWords are the
// weights of the maxTerms-th of each (see weigh). Of the terms at a cut
// (often a hundred pairs of words read once) the first by text are
// taken.
func (c *counter) strongest(ts []weighted, cutAll, cutWords float64) (top, topWords []weighted) {
	top, topWords = c.top[:0], c.topWords[:0]
	tied, tiedWords := c.tied[:0], c.tiedWords[:0]
	for _, x := range ts {
		switch {
		case x.w > cutAll:
			top = append(top, x)
		case x.w == cutAll:
			tied = append(tied, x)
		}
		switch {
		case x.name:
		case x.w > cutWords:
			topWords = append(topWords, x)
		case x.w == cutWords:
			tiedWords = append(tiedWords, x)
		}
	}
	c.tied, c.tiedWords = tied, tiedWords
	top = c.fillTied(top, tied)
	topWords = c.fillTied(topWords, tiedWords)
	c.top, c.topWords = top, topWords
	return top, topWords
}

// fillTied appends to dst, which holds the terms above a cut, the first
// by text of those tied at it, up to maxTerms in all.
func (c *counter) fillTied(dst, tied []weighted) []weighted {
	if k := maxTerms - len(dst); k > 0 && len(tied) > 0 {
		k = min(k, len(tied))
		c.firstByText(tied, k)
		dst = append(dst, tied[:k]...)
	}
	return dst
}

// firstByText puts the first k of ts by text, in any order, before the
// others.
func (c *counter) firstByText(ts []weighted, k int) {
	lo, hi := 0, len(ts)-1
	for lo < hi {
		// Quickselect on a middle pivot: texts differ, so the order is
		// total.
		p := ts[lo+(hi-lo)/2]
		i, j := lo, hi
		for i <= j {
			for c.byText(ts[i], p) < 0 {
				i++
			}
			for c.byText(ts[j], p) > 0 {
				j--
			}
			if i <= j {
				ts[i], ts[j] = ts[j], ts[i]
				i++
				j--
			}
		}
		switch {
		case k-1 <= j:
			hi = j
		case k-1 >= i:
			lo = i
		default:
			return
		}
	}
}

// byText orders terms by their text.
func (c *counter) byText(x, y weighted) int {
	if x.key != y.key {
		return cmp.Compare(x.key, y.key)
	}
	c.ts = c.textOf(c.ts[:0], &c.terms[x.term])
	n := len(c.ts)
	c.ts = c.textOf(c.ts, &c.terms[y.term])
	return bytes.Compare(c.ts[:n], c.ts[n:])
}

// keepStrongest adds w to h, a min-heap of at most maxTerms weights,
// when it is among the maxTerms strongest so far.
func keepStrongest(h []float64, w float64) []float64 {
	if len(h) < maxTerms {
		h = append(h, w)
		for j := len(h) - 1; j > 0; {
			i := (j - 1) / 2
			if h[i] <= h[j] {
				break
			}
			h[i], h[j] = h[j], h[i]
			j = i
		}
		return h
	}
	if w <= h[0] {
		return h
	}
	h[0] = w
	for i := 0; ; {
		j := 2*i + 1
		if j >= len(h) {
			break
		}
		if j+1 < len(h) && h[j+1] < h[j] {
			j++
		}
		if h[i] <= h[j] {
			break
		}
		h[i], h[j] = h[j], h[i]
		i = j
	}
	return h
}

// hashed is a term's hash and its weight in a vector of length one: of
// all terms, or of words.
type hashed struct {
	h     uint64
	w     float64
	words bool
}

// unit appends the terms to hs, weighed to a vector of length one, and
// returns the length they were divided by. It leaves their weights
// sorted in c.sq.
func (c *counter) unit(hs []hashed, ts []weighted, words bool) ([]hashed, float64) {
	// The squares are summed strongest first, as they always were, so
	// that the weights are the same to the last bit: only the order of
	// the weights matters, not which of a tie comes first.
	ws := c.sq[:0]
	for _, t := range ts {
		ws = append(ws, t.w)
	}
	slices.Sort(ws)
	c.sq = ws
	norm2 := 0.0
	for i := len(ws) - 1; i >= 0; i-- {
		norm2 += ws[i] * ws[i]
	}
	norm := math.Sqrt(norm2)
	for _, t := range ts {
		hs = append(hs, hashed{c.hashOf(&c.terms[t.term]), t.w / norm, words})
	}
	return hs, norm
}

// sortHigh32 sorts numbers by their high 32 bits, keeping the order of
// those with equal high bits: for numbers made of a hash above and their
// place below, as slices.Sort would. It is a radix sort, a byte at a
// time, through scratch, and returns the sorted numbers and scratch,
// either of which may be the other's buffer.
func sortHigh32(xs, scratch []uint64) (sorted, rest []uint64) {
	if cap(scratch) < len(xs) {
		scratch = make([]uint64, len(xs))
	}
	// Where each byte's numbers start, for the four bytes at once.
	var at [4][256]int32
	for _, x := range xs {
		at[0][x>>32&0xff]++
		at[1][x>>40&0xff]++
		at[2][x>>48&0xff]++
		at[3][x>>56]++
	}
	for k := range at {
		var sum int32
		for b, n := range at[k] {
			at[k][b] = sum
			sum += n
		}
	}
	from, to := xs, scratch[:len(xs)]
	for k := range at {
		shift := 32 + 8*k
		for _, x := range from {
			b := x >> shift & 0xff
			to[at[k][b]] = x
			at[k][b]++
		}
		from, to = to, from
	}
	return from, to
}

// stop words carry no subject: the English stop words (see
// words.StopWords) but "don", which grouping has always read as a word
// (the "don" of "don't", split at the apostrophe, and Don the name),
// and some more of news English. Each is there stemmed too. (Words of
// one letter are never terms, stop words or not: see tokenizer.term.)
var stop = func() map[string]bool {
	m := setOf(`also would may might must shall yet upon via per among amid could
it's don't won't can't isn't aren't wasn't weren't hasn't haven't hadn't doesn't didn't
mr mrs ms dr st`)
	for _, w := range words.StopWords() {
		if w != "don" {
			m[w] = true
			m[stem(w)] = true
		}
	}
	return m
}()

// abbreviations are the short forms of the words that begin place
// names, as one outlet's style writes them ("Mt Ashby", "Ft Carrow"),
// with the words others write in full ("Mount Ashby"): one event's
// reports then share the place's name. Only the capitalised forms, as
// written: "ft" and "mt" in lower case are measures, and "MT" a state.
// (Titles, "Gov." for "Governor", were tried too: see BENCHMARKS.md.)
var abbreviations = map[string]string{
	"Mt": "Mount", "Mts": "Mountains", "Ft": "Fort",
}

// stopSet and commonSet are stop and common, for reading.
var stopSet, commonSet = newWordSet(stop), newWordSet(common)

// common words appear in most news stories whatever they are about, so
// sharing them says little. Capitalised days and months are here too:
// two stories on a Tuesday are not one story.
var common = setOf(`said say says told tell according report reported reporting reports news
year years month months week weeks day days today yesterday tomorrow time times new old first last
next one two three four five six seven eight nine ten hundred thousand million billion percent
people person man men woman women child children government official officials minister president
country countries state states city world national international public local group leader leaders
include including includ make made take taken took come came go went going get got give gave
know known think thought want wanted use used work worked call called ask asked show shown
part place case point way well back still even just many much more most less least other another
monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
morning afternoon evening night early late earlier later ago since statement added
photograph photo image video getty reuters ap afp pa`)

func setOf(list string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(list) {
		m[w] = true
		m[stem(w)] = true
	}
	return m
}
