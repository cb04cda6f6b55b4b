package extract

import (
	"math/bits"
	"strings"
)

// substringSet finds which of up to 64 fixed phrases a text contains
// anywhere, as strings.Contains would for each, in one pass over the
// text. Every phrase is at least three bytes long; the first three
// bytes at a position of the text pick the few phrases that can start
// there, which are then compared in full. Positions are skipped as in
// Wu and Manber's search for many patterns: with the text read through
// a window as long as the shortest phrase, the two bytes that end the
// window tell how far it can move on before a phrase could start in
// it (shift), most often several bytes.
type substringSet struct {
	phrases []string
	// at[k][b] has bit i set when byte k of phrase i is b.
	at [3][256]uint64
	// m is the length of the shortest phrase, the window's.
	m int
	// shift[blockIndex(a, b)] is how far the window may move when its
	// last two bytes are a and b: the least, over the phrases and the
	// places the pair holds among their first m bytes, of the bytes
	// from that place to the window's end; m-1 for a pair none holds.
	// Pairs that share an index share the least shift.
	shift [4096]uint8
}

// blockIndex is where shift keeps the pair of bytes a, b.
func blockIndex(a, b byte) int {
	return (int(a)<<6 ^ int(b)) & 4095
}

// newSubstringSet indexes phrases. It panics on more than 64 phrases or
// on one shorter than three bytes: the sets are fixed at start-up.
func newSubstringSet(phrases ...string) *substringSet {
	if len(phrases) > 64 {
		panic("feed: substringSet holds at most 64 phrases")
	}
	s := &substringSet{phrases: phrases}
	for i, p := range phrases {
		if len(p) < 3 {
			panic("feed: substringSet phrase shorter than three bytes: " + p)
		}
		for k := range 3 {
			s.at[k][p[k]] |= 1 << i
		}
	}
	s.m = len(phrases[0])
	for _, p := range phrases {
		s.m = min(s.m, len(p))
	}
	if s.m > 255 {
		s.m = 255 // a shift is a byte
	}
	for k := range s.shift {
		s.shift[k] = uint8(s.m - 1)
	}
	for _, p := range phrases {
		for q := 1; q < s.m; q++ {
			k := blockIndex(p[q-1], p[q])
			s.shift[k] = min(s.shift[k], uint8(s.m-1-q))
		}
	}
	return s
}

// match returns the set of phrases text contains, bit i for phrase i.
func (s *substringSet) match(text string) uint64 {
	var found uint64
	m := s.m
	for pos := 0; pos+m <= len(text); {
		if sh := s.shift[blockIndex(text[pos+m-2], text[pos+m-1])]; sh > 0 {
			pos += int(sh)
			continue
		}
		c := s.at[0][text[pos]] & s.at[1][text[pos+1]] & s.at[2][text[pos+2]] &^ found
		for c != 0 {
			j := bits.TrailingZeros64(c)
			c &= c - 1
			if strings.HasPrefix(text[pos:], s.phrases[j]) {
				found |= 1 << j
			}
		}
		pos++
	}
	return found
}

// count returns how many of the phrases text contains.
func (s *substringSet) count(text string) int {
	return bits.OnesCount64(s.match(text))
}
