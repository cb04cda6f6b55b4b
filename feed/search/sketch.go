package search

import (
	"math/bits"

	"github.com/broadsheet/broadsheet/feed"
)

// A sketch of an article is a bitmap of the three-byte runs (trigrams)
// of its headline and text folded as TextPrefilter folds them: one bit
// per trigram, by a hash. A word the folded text holds sets every bit
// of its trigrams, so a query word whose bits are not all set cannot be
// there. A cache keeps sketches beside its records, and a one-shot
// search then rules out most articles in a few probes each, without
// folding their text again.
//
// The bitmap has about one bit per two bytes of text, a power of two
// between minSketch and maxSketch bytes, so that about a third of its
// bits are set: a word of five trigrams passes one article in a
// hundred that lacks it.
const (
	minSketch = 64
	maxSketch = 4096
)

// Sketch returns the sketch of a's headline and text; nil, which
// SketchFilter lets through, when their words cannot be told from the
// folded text (see foldBytes).
func Sketch(a *feed.Article) []byte {
	bp := foldBufs.Get().(*[]byte)
	defer foldBufs.Put(bp)
	folded, sure := foldText((*bp)[:0], a)
	*bp = folded
	if !sure {
		return nil
	}
	n := min(max(1<<bits.Len(uint(len(folded)/16)), minSketch), maxSketch)
	sk := make([]byte, n)
	shift := sketchShift(n)
	for i := 0; i+3 <= len(folded); i++ {
		h := trigramHash(folded[i:], shift)
		sk[h>>3] |= 1 << (h & 7)
	}
	return sk
}

// SketchFilter returns a test of a sketch that reports whether the
// article it sketches may match query. It never rules out an article
// that matches. It returns nil when no word of the query is long enough
// to rule any out, and lets through a sketch of a size Sketch never
// makes.
func SketchFilter(query string) func(sketch []byte) bool {
	var needles [][]byte
	for _, n := range needlesOf(query) {
		if len(n) >= 3 {
			needles = append(needles, n)
		}
	}
	if len(needles) == 0 {
		return nil
	}
	return func(sk []byte) bool {
		if len(sk) < minSketch || len(sk) > maxSketch || len(sk)&(len(sk)-1) != 0 {
			return true
		}
		shift := sketchShift(len(sk))
		for _, n := range needles {
			for i := 0; i+3 <= len(n); i++ {
				h := trigramHash(n[i:], shift)
				if sk[h>>3]&(1<<(h&7)) == 0 {
					return false
				}
			}
		}
		return true
	}
}

// sketchShift is the shift that cuts a 32-bit hash to a bit of a sketch
// of n bytes.
func sketchShift(n int) uint {
	return uint(32 - bits.Len(uint(n*8)-1))
}

// trigramHash hashes b's first three bytes to a bit number below
// 1<<(32-shift).
func trigramHash(b []byte, shift uint) uint32 {
	t := uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16
	return (t * 0x9E3779B1) >> shift
}
