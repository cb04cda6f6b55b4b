package extract

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// wordHashes is a set of word hashes (hashWord) for many lookups: an
// open-addressed table, made again for each page in the same memory.
// It answers as a sorted wordBag does, without the sort, which took
// more time than all the lookups of a page's headline candidates.
type wordHashes struct {
	slots []uint64 // 0 marks a free slot
	zero  bool     // whether the hash 0 is in the set
}

// reset empties the set and sizes it for n hashes.
func (s *wordHashes) reset(n int) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	if cap(s.slots) < size {
		s.slots = make([]uint64, size)
	} else {
		s.slots = s.slots[:size]
		clear(s.slots)
	}
	s.zero = false
}

// slot is where the probe for h starts.
func (s *wordHashes) slot(h uint64) int {
	return int((h^h>>29)*0x9E3779B97F4A7C15>>32) & (len(s.slots) - 1)
}

// add puts h in the set, which must have been sized for it by reset.
func (s *wordHashes) add(h uint64) {
	if h == 0 {
		s.zero = true
		return
	}
	mask := len(s.slots) - 1
	for i := s.slot(h); ; i = (i + 1) & mask {
		switch s.slots[i] {
		case 0:
			s.slots[i] = h
			return
		case h:
			return
		}
	}
}

// has reports whether h is in the set.
func (s *wordHashes) has(h uint64) bool {
	if h == 0 {
		return s.zero
	}
	if len(s.slots) == 0 {
		return false
	}
	mask := len(s.slots) - 1
	for i := s.slot(h); ; i = (i + 1) & mask {
		switch s.slots[i] {
		case 0:
			return false
		case h:
			return true
		}
	}
}

// shareInSet is wordScanner.shareIn for a wordHashes set.
func (w *wordScanner) shareInSet(s string, set *wordHashes) float64 {
	w.start(s)
	n, in := 0, 0
	for k, h, ok := w.nextHash(); ok; k, h, ok = w.nextHash() {
		if k < 3 {
			continue
		}
		n++
		if set.has(h) {
			in++
		}
	}
	return shareOf(in, n)
}

// nextHash is next that gives the word's length in bytes and its
// hashWord rather than the word: the same words, not copied.
func (w *wordScanner) nextHash() (n int, h uint64, ok bool) {
	const offset, prime = 14695981039346656037, 1099511628211
	h = offset
	s := w.s
	for w.i < len(s) {
		c := s[w.i]
		if c < utf8.RuneSelf {
			w.i++
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_':
				h = (h ^ uint64(c)) * prime
				n++
				continue
			case c >= 'A' && c <= 'Z':
				h = (h ^ uint64(c+'a'-'A')) * prime
				n++
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(s[w.i:])
			w.i += size
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
				var b [utf8.UTFMax]byte
				k := utf8.EncodeRune(b[:], unicode.ToLower(r))
				for _, c := range b[:k] {
					h = (h ^ uint64(c)) * prime
				}
				n += k
				continue
			}
		}
		if n > 0 {
			return n, h, true
		}
	}
	return n, h, n > 0
}

// addHashes appends the hashes of the words of s of three letters or
// more to hs, as addWords does.
func (w *wordScanner) addHashes(hs []uint64, s string) []uint64 {
	w.start(s)
	for n, h, ok := w.nextHash(); ok; n, h, ok = w.nextHash() {
		if n >= 3 {
			hs = append(hs, h)
		}
	}
	return hs
}

// contentPrefix is how many bytes of a content word stand for it, a
// crude stem that holds in any language written with spaces:
// "settled" and "settlement" are one word, "settl".
const contentPrefix = 5

// bodyContentWords is how many content words of the article's running
// text a headline candidate is compared with.
const bodyContentWords = 600

// nextContent returns the hash of the next content word of the scanned
// text: a word of three letters or more that is no function word
// (stopTable), cut to its first contentPrefix bytes.
func (w *wordScanner) nextContent() (uint64, bool) {
	for {
		b, ok := w.next()
		if !ok {
			return 0, false
		}
		if len(b) < 3 {
			continue
		}
		h := uint32(fnvOffset)
		for _, c := range b {
			h = (h ^ uint32(c)) * fnvPrime
		}
		if stopTable.hasBytes(b, h) {
			continue
		}
		return hashWord(b[:min(len(b), contentPrefix)]), true
	}
}

// addContent appends the hashes of the content words of s (see
// nextContent) to hs.
func (w *wordScanner) addContent(hs []uint64, s string) []uint64 {
	w.start(s)
	for h, ok := w.nextContent(); ok; h, ok = w.nextContent() {
		hs = append(hs, h)
	}
	return hs
}

// contentShare returns the share of the content words of s (see
// nextContent) found in set; 0 when s holds none.
func (w *wordScanner) contentShare(s string, set *wordHashes) float64 {
	w.start(s)
	n, in := 0, 0
	for h, ok := w.nextContent(); ok; h, ok = w.nextContent() {
		n++
		if set.has(h) {
			in++
		}
	}
	return shareOf(in, n)
}

// spansAreWords reports whether the word spans of a line's lower case
// (see scanLine) are the words a wordScanner reads in it, byte for byte,
// so that the title features may take the words the line's reading
// split and hashed rather than split them again. They are when every
// character is one runeSpanSafe passes: then NFKC leaves the text as it
// is, and the scanner and the spans break words at the same places.
func spansAreWords(lower string) bool {
	for i := 0; i < len(lower); {
		for i+8 <= len(lower) && plainLower8(lower[i:i+8]) {
			i += 8
		}
		if i == len(lower) {
			break
		}
		size, ok := spanCharSafe(lower, i)
		if !ok {
			return false
		}
		i += size
	}
	return true
}

// spanCharSafe reports whether the character at lower[i] is one
// spansAreWords passes, and its size in bytes.
func spanCharSafe(lower string, i int) (size int, ok bool) {
	c := lower[i]
	if c < utf8.RuneSelf {
		return 1, c != '_' && !('A' <= c && c <= 'Z')
	}
	r, size := utf8.DecodeRuneInString(lower[i:])
	if r < spanSafeRunes {
		return size, spanSafe()[r>>6]&(1<<(r&63)) != 0
	}
	return size, runeSpanSafe(lower[i : i+size])
}

// plainLower8 reports whether the eight bytes of s are ASCII and none of
// them is a capital letter or '_' (it may report false for some that
// are neither: '[', '\', ']' and '^', which lie between them).
func plainLower8(s string) bool {
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	if w&tops != 0 {
		return false
	}
	// With no top bit set, a byte from 'A' (0x41) to '_' (0x5f) sets
	// the top bit of w+0x3f… and not that of w+0x20…; no sum carries
	// past a byte.
	return (w+(0x80-'A')*ones)&^(w+(0x7f-'_')*ones)&tops == 0
}

// runeSpanSafe reports whether the one character beyond ASCII of s is
// read alike by the scanner and the spans wherever it stands: NFKC
// keeps it and combines nothing with it (a starter, normal alone, that
// combines with nothing before it), it is no combining mark (which the
// scanner keeps in words) and, if a letter, it is in lower case.
func runeSpanSafe(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return false
	}
	p := norm.NFKC.PropertiesString(s)
	if p.CCC() != 0 || p.LeadCCC() != 0 || !p.BoundaryBefore() || norm.NFKC.QuickSpanString(s) != len(s) {
		return false
	}
	switch {
	case unicode.IsLetter(r):
		return unicode.ToLower(r) == r
	case unicode.Is(unicode.Mn, r):
		return false
	}
	return true
}

// spanSafeRunes is how many characters spanSafe holds runeSpanSafe's
// answers for: the alphabets and punctuation most text is written in.
const spanSafeRunes = 0x3000

// spanSafe is runeSpanSafe of each character below spanSafeRunes, one
// bit each, made when first asked.
var spanSafe = sync.OnceValue(func() *[spanSafeRunes / 64]uint64 {
	var t [spanSafeRunes / 64]uint64
	for r := rune(utf8.RuneSelf); r < spanSafeRunes; r++ {
		if runeSpanSafe(string(r)) {
			t[r>>6] |= 1 << (r & 63)
		}
	}
	return &t
})

// lineWords is a classified line with whether its spans are its words
// (see spansAreWords), asked once for the features that read it.
type lineWords struct {
	*textLine
	spans bool
}

// wordsOf returns l as lineWords.
func wordsOf(l *textLine) lineWords {
	return lineWords{l, spansAreWords(l.lower)}
}

// spanContent returns the hash of the word sp of lower as nextContent
// gives it, and false when it is no content word.
func spanContent(lower string, sp wordSpan) (uint64, bool) {
	if sp.end-sp.start < 3 {
		return 0, false
	}
	b := lower[sp.start:sp.end]
	if stopTable.mayHave(sp.hash) && stopTable.has(b, sp.hash) {
		return 0, false
	}
	return hashWord(b[:min(len(b), contentPrefix)]), true
}

// addLineHashes is addHashes for a line.
func (w *wordScanner) addLineHashes(hs []uint64, l lineWords) []uint64 {
	if !l.spans {
		return w.addHashes(hs, l.lower)
	}
	for _, sp := range l.textLine.spans {
		if sp.end-sp.start >= 3 {
			hs = append(hs, hashWord(l.lower[sp.start:sp.end]))
		}
	}
	return hs
}

// addLineContent is addContent for a line.
func (w *wordScanner) addLineContent(hs []uint64, l lineWords) []uint64 {
	if !l.spans {
		return w.addContent(hs, l.lower)
	}
	for _, sp := range l.textLine.spans {
		if h, ok := spanContent(l.lower, sp); ok {
			hs = append(hs, h)
		}
	}
	return hs
}

// lineShareInSet is shareInSet for a line.
func (w *wordScanner) lineShareInSet(l lineWords, set *wordHashes) float64 {
	if !l.spans {
		return w.shareInSet(l.lower, set)
	}
	n, in := 0, 0
	for _, sp := range l.textLine.spans {
		if sp.end-sp.start < 3 {
			continue
		}
		n++
		if set.has(hashWord(l.lower[sp.start:sp.end])) {
			in++
		}
	}
	return shareOf(in, n)
}

// lineContentShare is contentShare for a line.
func (w *wordScanner) lineContentShare(l lineWords, set *wordHashes) float64 {
	if !l.spans {
		return w.contentShare(l.lower, set)
	}
	n, in := 0, 0
	for _, sp := range l.textLine.spans {
		h, ok := spanContent(l.lower, sp)
		if !ok {
			continue
		}
		n++
		if set.has(h) {
			in++
		}
	}
	return shareOf(in, n)
}

// shareOf returns in as a share of n, 0 when n is 0: the share of a
// line's words found in a set.
func shareOf(in, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(in) / float64(n)
}
