package extract

import (
	"math/bits"
	"strings"
)

// substringSet finds which of up to 64 fixed phrases a text contains
// anywhere, as strings.Contains would for each, in one pass over the
// text. Every phrase is at least three bytes long; the first three
// bytes at each position of the text pick the few phrases that can
// start there, which are then compared in full.
type substringSet struct {
	phrases []string
	// at[k][b] has bit i set when byte k of phrase i is b.
	at [3][256]uint64
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
	return s
}

// match returns the set of phrases text contains, bit i for phrase i.
func (s *substringSet) match(text string) uint64 {
	// p0 and p1 are the phrases that can start one and two bytes back,
	// by the bytes read so far.
	var found, p0, p1 uint64
	for i := 0; i < len(text); i++ {
		b := text[i]
		c := p1 & s.at[2][b] &^ found
		p1 = p0 & s.at[1][b]
		p0 = s.at[0][b]
		for c != 0 {
			j := bits.TrailingZeros64(c)
			c &= c - 1
			if strings.HasPrefix(text[i-2:], s.phrases[j]) {
				found |= 1 << j
			}
		}
	}
	return found
}

// count returns how many of the phrases text contains.
func (s *substringSet) count(text string) int {
	return bits.OnesCount64(s.match(text))
}
