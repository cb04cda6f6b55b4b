package search

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed/words"
)

// A word is a run of letters, digits and combining marks. An apostrophe
// between two letters belongs to the word ("don't", "Putin’s"); a final
// "'s" is dropped and other apostrophes removed, so "Putin’s" folds to
// "putin" and "O'Brien" to "obrien". Everything else separates words,
// so "Jong-un" is two words.

// wordByte reports, for each ASCII byte, whether it is part of a word.
var wordByte = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return wordByte[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenizer splits text into folded words. Its buffers are reused, so a
// tokenizer is for one goroutine at a time.
type tokenizer struct {
	buf []byte
	// only, when set, passes over the words whose first byte is not
	// marked in it without folding them, handing a nil folded form to
	// each's callback: a shortcut for finding a few words in a text.
	// Words that may be stop words are folded all the same, so that
	// a nil form is never a stop word's.
	only *[256]bool
	// blind, with only, hands a nil form for every word passed over
	// that is plain ASCII (always a word), without telling stop words
	// from others: for a matcher that knows the article's length.
	blind bool
}

var tokenizers = sync.Pool{New: func() any { return newTokenizer() }}

func newTokenizer() *tokenizer {
	return &tokenizer{
		// Room for key's 16-byte loads.
		buf: make([]byte, 0, 64),
	}
}

// foldByte maps each ASCII byte that is part of a word to its lower
// case, and every other byte to 0: one look-up both classifies and folds
// a byte of a plain ASCII word.
var foldByte = func() (t [256]byte) {
	for c := 0; c < utf8.RuneSelf; c++ {
		if wordByte[c] {
			t[c] = lower[c]
		}
	}
	return t
}()

// each calls fn for each word of s with its byte range in s and its
// folded form, which is only valid during the call; for a word passed
// over (see only), nil, or stopWord for a stop word.
func (t *tokenizer) each(s string, fn func(start, end int, folded []byte)) {
	t.eachN(s, -1, fn)
}

// eachN is each for the first n words of s (all when n < 0), as each
// counts them (one a call of fn); it returns where in s the words after
// them start.
func (t *tokenizer) eachN(s string, n int, fn func(start, end int, folded []byte)) int {
	if n == 0 {
		return 0
	}
	calls := 0
	call := func(start, end int, f []byte) bool {
		fn(start, end, f)
		calls++
		return calls == n
	}
	if t.only == nil {
		for i := 0; ; {
			f, start, end := t.next(s, i)
			if f == nil {
				return len(s)
			}
			if call(start, end, f) {
				return end
			}
			i = end
		}
	}
	for i := 0; i < len(s); {
		start, end, ascii := span(s, i)
		if start == end {
			return len(s)
		}
		i = end
		if !t.only[s[start]|0x20] {
			if t.blind && ascii {
				if call(start, end, nil) {
					return end
				}
				continue
			}
			switch t.stopKind(s[start:end], ascii) {
			case notStop:
				if call(start, end, nil) {
					return end
				}
			case isStop:
				if call(start, end, stopWord) {
					return end
				}
			}
			continue
		}
		if f := t.foldWord(s[start:end], ascii); len(f) > 0 {
			if call(start, end, f) {
				return end
			}
		}
	}
	return len(s)
}

// marked calls fn with the start and folded form of each word of s that
// begins with a byte begins marks (see beginsOf), the words each would
// find: it looks only at those bytes rather than walking every word.
func (t *tokenizer) marked(s string, begins *beginSet, fn func(start int, folded []byte)) {
	for i := 0; i < len(s); i++ {
		if i = begins.next(s, i); i == len(s) {
			break
		}
		if !begins.is[s[i]] {
			continue
		}
		if c := s[i]; c >= 0xC2 && c < 0xCA && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// A Latin letter past ASCII folds to the same letters
			// alone as at the start of a word: a word cannot be the
			// query's when its first folds to another ASCII letter.
			if r := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F); r < words.LatinEnd {
				if f := latinFirst[r]; f == 0 || f < utf8.RuneSelf && !begins.is[f] {
					continue
				}
			}
		}
		if i > 0 && !wordStart(s, i) {
			continue
		}
		if begins.second != nil && (i+1 == len(s) || !begins.second[s[i+1]]) {
			continue // the next word begins after a byte no word holds
		}
		if c := s[i]; c >= utf8.RuneSelf {
			if r, _ := utf8.DecodeRuneInString(s[i:]); !isWordRune(r) {
				continue
			}
		}
		end, ascii := wordEnd(s, i)
		if f := t.foldWord(s[i:end], ascii); len(f) > 0 {
			fn(i, f)
		}
		i = end - 1
	}
}

// latinFirst holds, for each character from U+0080 to words.LatinEnd,
// the first byte of its folded form when that is ASCII (which is then
// the first byte of any word's folded form that begins with it), 0 when
// it is not part of a word, and 0xFF otherwise.
var latinFirst = func() (t [words.LatinEnd]byte) {
	for r := rune(utf8.RuneSelf); r < words.LatinEnd; r++ {
		f := words.FoldLatin(r)
		switch {
		case !isWordRune(r):
			t[r] = 0
		case f == "" || f[0] >= utf8.RuneSelf:
			t[r] = 0xFF
		default:
			t[r] = f[0]
		}
	}
	return t
}()

// beginSet is the bytes that may begin a word the tokenizer would fold
// with only as its only (see beginsOf), and, for finding them eight at
// a time, the ASCII ones among them lower-cased, each repeated in every
// byte of a word (none: one byte at a time).
type beginSet struct {
	is    [256]bool
	eight []uint64
	// wide is what nextWide looks for 32 bytes at a time, when eight
	// is set.
	wide *wideSet
	// second, when set, marks the bytes that may follow the first of a
	// word worth handing over: marked passes over the others.
	second *[256]bool
}

// maxEight is how many ASCII bytes, lower-cased, a beginSet looks for
// eight bytes at a time; with more, one at a time is as quick.
const maxEight = 4

// beginsOf returns the bytes that may begin a word the tokenizer would
// fold with only as its only: an ASCII letter or digit only marks in
// either case, or the lead byte of a character past ASCII.
func beginsOf(only *[256]bool) (b beginSet) {
	for c := range len(b.is) {
		b.is[c] = c < utf8.RuneSelf && wordByte[c] && only[c|0x20] || c >= 0xC0
	}
	var lowered []uint64
	for c := range utf8.RuneSelf {
		if b.is[c] && (c < 'A' || c > 'Z') {
			lowered = append(lowered, uint64(c)*lowBits)
		}
	}
	if len(lowered) <= maxEight {
		b.eight = lowered
	}
	if len(lowered) > 0 && b.eight != nil {
		b.wide = new(wideSet)
		for i := range b.wide.first {
			b.wide.first[i] = row(byte(lowered[min(i, len(lowered)-1)]))
		}
		b.wide.apos = row('\'')
		b.setSecond(nil)
	}
	return b
}

// wideSet is what nextWide looks for, each byte repeated in a row of
// 32: the bytes that may begin a word (lower-cased ASCII: lead bytes
// past ASCII are always looked for), and those that may come second.
// nextWide knows its layout.
type wideSet struct {
	first  [4][32]byte // eight's bytes, the last repeated to fill four
	second [4][32]byte // lower-cased ASCII bytes that may come second
	apos   [32]byte    // an apostrophe, which may always come second
	least  [32]byte    // any byte from this one up may come second
}

// row returns c repeated 32 times.
func row(c byte) (r [32]byte) {
	for i := range r {
		r[i] = c
	}
	return r
}

// setSecond sets b.second, and the bytes nextWide lets come second:
// when four rows of lower-cased ASCII bytes, the apostrophe and the
// bytes past ASCII hold every byte second marks, those; otherwise (or
// with second nil) any.
func (b *beginSet) setSecond(second *[256]bool) {
	b.second = second
	if b.wide == nil {
		return
	}
	w := b.wide
	w.least = row(0)
	if second == nil {
		return
	}
	var lowered []byte
	for c := range byte(utf8.RuneSelf) {
		if second[c] && c != '\'' && !slices.Contains(lowered, c|0x20) {
			lowered = append(lowered, c|0x20)
		}
	}
	if len(lowered) == 0 || len(lowered) > len(w.second) {
		return
	}
	for i := range w.second {
		w.second[i] = row(lowered[min(i, len(lowered)-1)])
	}
	w.least = row(utf8.RuneSelf)
}

// next returns the first i at or after from where a word may begin with
// a byte of the set, or len(s): a byte of the set (or, eight at a time,
// a few bytes that are not) that does not follow an ASCII letter or
// digit, which no word begins after.
func (b *beginSet) next(s string, from int) int {
	i := from
	if b.eight != nil {
		if wide && b.wide != nil && len(s)-i >= 34 {
			// 32 at a time, from a byte with one before it.
			if i == 0 {
				if b.is[s[0]] {
					return 0
				}
				i = 1
			}
			at, found := nextWide(s, i, b.wide)
			if found {
				return at
			}
			i = at
		}
		var prev uint64 // the high bit set when the byte before i is a letter or digit
		if i > 0 && s[i-1] < utf8.RuneSelf && wordByte[s[i-1]] {
			prev = 0x80
		}
		for ; i+8 <= len(s); i += 8 {
			x := load8(s, i)
			// Bytes past 0xBF: the lead bytes of characters past ASCII.
			m := x & (x << 1) & highBits
			y := x | 0x20*lowBits // ASCII letters lower-cased (and a few others moved)
			for _, e := range b.eight {
				v := y ^ e
				m |= (v - lowBits) &^ v & highBits // a zero byte, and maybe some after it
			}
			_, word := wordBytes(x)
			m &^= word<<8 | prev
			if m != 0 {
				return i + bits.TrailingZeros64(m)/8
			}
			prev = word >> 56
		}
	}
	for ; i < len(s); i++ {
		if b.is[s[i]] {
			return i
		}
	}
	return len(s)
}

// next returns the first word of s at or after byte i: its folded form,
// valid until the next call, and its byte range. The folded form is nil
// when there is none.
//
// A word of ASCII letters and digits ending in ASCII punctuation or
// space, the most common kind, is folded as it is scanned, one table
// look-up a byte; anything else goes through span and foldWord.
func (t *tokenizer) next(s string, i int) (folded []byte, start, end int) {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if foldByte[c] == 0 {
				i++
				continue
			}
			start := i
			b := t.buf[:0]
			for i < len(s) {
				x := foldByte[s[i]]
				if x == 0 {
					break
				}
				b = append(b, x)
				i++
			}
			if i == len(s) || s[i] != '\'' && s[i] < utf8.RuneSelf {
				t.buf = b
				return b, start, i
			}
			// An apostrophe or a non-ASCII letter may continue the word.
			i = start
		}
		start, end, ascii := span(s, i)
		if start == end {
			break
		}
		i = end
		if f := t.foldWord(s[start:end], ascii); len(f) > 0 {
			return f, start, end
		}
	}
	return nil, len(s), len(s)
}

// nextWord is next for the index, without the word's start. It reads
// words of ASCII letters and digits eight bytes at a time, and Latin
// letters and punctuation through tables; anything else goes the general
// way.
func (t *tokenizer) nextWord(s string, i int) (folded []byte, end int) {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if foldByte[c] == 0 {
				i++
				continue
			}
		} else if class, _, n := latinAt(s, i); class == latinSep {
			i += n
			continue
		} else if class != latinLetter {
			break
		}
		return t.fastWord(s, i)
	}
	f, _, end := t.next(s, i)
	return f, end
}

// fastWord folds the word starting at i, a letter or a digit.
func (t *tokenizer) fastWord(s string, i int) (folded []byte, end int) {
	start := i
	b := t.buf[:cap(t.buf)]
	n := 0
	for {
		if n+16 > len(b) {
			b = append(b[:n], make([]byte, len(b))...)
			b = b[:cap(b)]
		}
		if i+8 <= len(s) {
			lowered, word := wordBytes(load8(s, i))
			binary.LittleEndian.PutUint64(b[n:], lowered)
			if word == highBits {
				n += 8
				i += 8
				continue
			}
			m := bits.TrailingZeros64(^word&highBits) / 8
			n += m
			i += m
		} else {
			for i < len(s) && foldByte[s[i]] != 0 {
				b[n] = foldByte[s[i]]
				n++
				i++
			}
		}
		// s[i] is not an ASCII letter or digit.
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '\'' {
				t.buf = b[:0]
				f, _, end := t.next(s, start) // an apostrophe may be in the word
				return f, end
			}
			break
		}
		class, r, w := latinAt(s, i)
		if class == latinLetter {
			n += copy(b[n:], words.FoldLatin(r))
			i += w
			continue
		}
		if class == latinSep {
			break
		}
		t.buf = b[:0]
		f, _, end := t.next(s, start)
		return f, end
	}
	t.buf = b[:n]
	return t.buf, i
}

// Classes of the non-ASCII characters latinAt tells apart.
const (
	latinOther  = iota // anything else: go the general way
	latinLetter        // a letter below U+0250, folded by the latin table
	latinSep           // a character that is neither a word's nor an apostrophe
)

// latinClass classifies the characters below U+0250.
var latinClass = func() (tab [words.LatinEnd]uint8) {
	for r := rune(utf8.RuneSelf); r < rune(len(tab)); r++ {
		switch {
		case isWordRune(r) && words.FoldLatin(r) != "" && !strings.Contains(words.FoldLatin(r), "'"):
			tab[r] = latinLetter
		case !isWordRune(r) && !words.IsApostrophe(r):
			tab[r] = latinSep
		}
	}
	return tab
}()

// latinAt classifies the non-ASCII character at s[i]: a letter below
// U+0250 or one of the punctuation marks U+2000 to U+203F but the
// apostrophe U+2019 (dashes, quotation marks, ellipsis), which separate
// words. It returns the character and its length.
func latinAt(s string, i int) (class uint8, r rune, n int) {
	c := s[i]
	switch {
	case 0xc2 <= c && c <= 0xc9 && i+1 < len(s) && s[i+1]&0xc0 == 0x80:
		r = rune(c&0x1f)<<6 | rune(s[i+1]&0x3f)
		if r < rune(len(latinClass)) {
			return latinClass[r], r, 2
		}
	case c == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2]&0xc0 == 0x80 && s[i+2] != 0x99:
		return latinSep, 0, 3
	}
	return latinOther, 0, 0
}

const (
	lowBits  = 0x0101010101010101
	highBits = 0x8080808080808080
)

// wordBytes classifies eight bytes at once: it returns them with ASCII
// letters lower-cased, and word with the high bit set in each byte that
// is an ASCII letter or digit.
func wordBytes(x uint64) (lowered, word uint64) {
	v := x &^ highBits // seven bits a byte, so that no sum below carries
	y := v | 0x20*lowBits
	letter := (y + (0x80-'a')*lowBits) &^ (y + (0x7f-'z')*lowBits) & highBits
	digit := (v + (0x80-'0')*lowBits) &^ (v + (0x7f-'9')*lowBits) & highBits
	return v | letter>>2, (letter | digit) &^ x
}

// load8 returns the eight bytes of s from i as a little-endian number.
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// span returns the byte range of the first word of s at or after byte
// i, empty when there is none, and whether the word is all ASCII.
func span(s string, i int) (start, end int, ascii bool) {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if wordByte[c] {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			break
		}
		i += n
	}
	if i == len(s) {
		return i, i, true
	}
	end, ascii = wordEnd(s, i)
	return i, end, ascii
}

func nextIsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// foldWord returns the folded form of one word in t's buffer.
func (t *tokenizer) foldWord(w string, ascii bool) []byte {
	b := t.buf[:0]
	apostrophe := false
	if ascii {
		b = slices.Grow(b, len(w))[:len(w)]
		for i := 0; i < len(w); i++ {
			c := w[i]
			apostrophe = apostrophe || c == '\''
			b[i] = lower[c]
		}
	} else {
		b = words.AppendFold(b, w)
		apostrophe = true
	}
	t.buf = b
	if !apostrophe {
		return b
	}
	if n := len(b); n > 2 && b[n-1] == 's' && b[n-2] == '\'' {
		b = b[:n-2]
	}
	// Remove the remaining apostrophes in place.
	out := b[:0]
	for _, c := range b {
		if c != '\'' {
			out = append(out, c)
		}
	}
	return out
}

// stopWord is the folded form each hands for a stop word passed over
// (see tokenizer.only): empty, but not nil.
var stopWord = []byte{}

// What a word passed over is, as stopKind tells.
const (
	notStop = iota
	isStop
	noWord // folds to nothing: not a word
)

// stopKind tells whether a word passed over (see tokenizer.only) folds
// to a stop word, without folding it when it can tell otherwise: a word
// of ASCII letters and digits folds to its lower case, which is a stop
// word only if its length, first and last letter are a stop word's.
func (t *tokenizer) stopKind(w string, ascii bool) int {
	n := len(w)
	if ascii && strings.IndexByte(w, '\'') < 0 {
		if n > maxStop || stopShape[w[0]|0x20]&stopShape[256+int(w[n-1]|0x20)]&(1<<n) == 0 {
			return notStop
		}
		if stopTable.has(w) {
			return isStop
		}
		return notStop
	}
	f := t.foldWord(w, ascii)
	switch {
	case len(f) == 0:
		return noWord
	case words.IsStop(string(f)):
		return isStop
	}
	return notStop
}

// maxStop is the length of the longest stop word, and stopShape holds,
// for each byte, the lengths of the stop words that begin with it (bit
// n for n bytes), and at 256 on, of those that end with it.
const maxStop = 10

var stopShape = func() (t [512]uint16) {
	for _, w := range words.StopWords() {
		if len(w) > maxStop {
			panic("search: stop word longer than maxStop: " + w)
		}
		t[w[0]] |= 1 << len(w)
		t[256+int(w[len(w)-1])] |= 1 << len(w)
	}
	return t
}()

// stopSet holds the stop words for stopKind, which asks it of every
// word that may be one: quicker than words.IsStop, which reads a switch.
// A word of up to maxStop bytes is packed into two numbers, a byte
// each, in lower case.
type stopSet struct {
	e [1024]struct{ lo, hi uint64 }
}

var stopTable = func() *stopSet {
	t := &stopSet{}
	for _, w := range words.StopWords() {
		lo, hi := packLower(w)
		i := stopSlot(lo, hi)
		for t.e[i].lo != 0 {
			i = (i + 1) % uint64(len(t.e))
		}
		t.e[i].lo, t.e[i].hi = lo, hi
	}
	return t
}()

// packLower packs a word of ASCII letters and digits of up to maxStop
// bytes, in lower case: the first eight bytes in lo, the rest in hi.
func packLower(w string) (lo, hi uint64) {
	for i := 0; i < len(w) && i < 8; i++ {
		lo |= uint64(w[i]|0x20) << (8 * i)
	}
	for i := 8; i < len(w); i++ {
		hi |= uint64(w[i]|0x20) << (8 * (i - 8))
	}
	return lo, hi
}

func stopSlot(lo, hi uint64) uint64 { return ((lo ^ hi*0x9e3779b1) * 0x9e3779b97f4a7c15) >> 54 }

// has reports whether w, of ASCII letters and digits and at most maxStop
// bytes, is a stop word in any case.
func (t *stopSet) has(w string) bool {
	lo, hi := packLower(w)
	return t.hasPacked(lo, hi)
}

// hasAt is has of s[start:end], packing a word of up to eight bytes with
// eight bytes of s read at once when s holds them from start.
func (t *stopSet) hasAt(s string, start, end int) bool {
	m := end - start
	if m > 8 || start+8 > len(s) {
		return t.has(s[start:end])
	}
	return t.hasPacked((load8(s, start)|0x20*lowBits)&(^uint64(0)>>(64-8*m)), 0)
}

// hasPacked reports whether the word packLower packs to lo and hi is a
// stop word.
func (t *stopSet) hasPacked(lo, hi uint64) bool {
	for i := stopSlot(lo, hi); ; i = (i + 1) % uint64(len(t.e)) {
		e := &t.e[i]
		if e.lo == lo && e.hi == hi {
			return true
		}
		if e.lo == 0 {
			return false
		}
	}
}
