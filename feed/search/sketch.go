package search

import (
	"encoding/binary"
	"hash/crc32"
	"math"
	"math/bits"
	"sync"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed"
)

// A sketch of an article is a bitmap of the three-byte runs (trigrams)
// within the words of its headline and text folded as TextPrefilter
// folds them: one bit per trigram, by a hash. A word the folded text holds sets every bit
// of its trigrams, so a query word whose bits are not all set cannot be
// there. A cache keeps sketches beside its records, and a one-shot
// search then rules out most articles in a few probes each, without
// folding their text again.
//
// The bitmap has between a half and one bit per byte of text, a power of
// two between minSketch and maxSketch bytes, so that about a quarter of
// its bits are set: a word of five trigrams passes about one article in
// a thousand that lacks it, a word of three letters one in four.
//
// The bitmap is followed by the article's length as the index counts it
// (see articleLength), a uvarint: an article that may match is then
// matched without counting its words again (see Matcher.matchCounted).
// Last come four bytes, the CRC-32C of the rest, little end first: a
// cache can then rule an article out by its sketch without checking the
// whole of its record, and a damaged sketch is let through, never taken
// to rule anything out.
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
	sketchBits(sk, folded)
	tk := tokenizers.Get().(*tokenizer)
	defer tokenizers.Put(tk)
	sk = binary.AppendUvarint(sk, uint64(articleLength(tk, a)))
	return binary.LittleEndian.AppendUint32(sk, crc32.Checksum(sk, castagnoli))
}

// sketchBits sets in sk, whose length is a power of two, the bit of
// every trigram of word bytes in folded (see trigramBit).
//
// t holds the last bytes of the word so far, at most three: a byte that
// is no word byte empties it. As no word byte is zero, t holds a whole
// trigram when its third byte is set. The loop has no branch, as a
// branch on bytes that go from word to space every few would mostly be
// mispredicted: it sets bits in 64-bit words, sketchWords, and what is
// no whole trigram sets a bit past the bitmap's (its bit number with
// the bitmap's size added), in words that are then cleared. The words
// are stored in sk little end first, which puts bit h of the bitmap in
// byte h/8 at bit h%8 as trigramBit's reading wants. Set this way, a
// bit costs no check of the index against the bitmap's length and no
// shift by a count in a register (a bit test and set instruction). The
// bit is trigramBit's: the hash times the bitmap's bits, over 2^32, is
// the hash shifted right by sketchShift.
func sketchBits(sk, folded []byte) {
	ws := sketchScratch.Get().(*sketchWords)
	defer sketchScratch.Put(ws)
	w := ws[:]
	mask := &sketchMask
	nbits := uint32(len(sk)) * 8
	scale := uint64(nbits)
	var t uint32
	for _, c := range folded {
		t = (t<<8 | uint32(c)) & mask[c]
		// All ones when t holds no third byte, which (t>>16 being
		// at most 0xFF) leaves the sign bit of t>>16 - 1 set.
		none := uint32(int32(t>>16-1) >> 31)
		h := uint32(uint64(t*0x9E3779B1)*scale>>32) | nbits&none
		w[h>>6&uint32(len(w)-1)] |= 1 << (h & 63)
	}
	spare := len(sk) / 8
	for i := range spare {
		p := sk[8*i : 8*i+8]
		binary.LittleEndian.PutUint64(p, binary.LittleEndian.Uint64(p)|w[i])
	}
	clear(w[:2*spare])
}

// sketchWords is sketchBits' bitmap as 64-bit words, with room for the
// largest bitmap's and as many spare words after it; a power of two long, so
// that an index is kept in it by a mask. It is all zeros between uses.
type sketchWords [2 * maxSketch / 8]uint64

var sketchScratch = sync.Pool{New: func() any { return new(sketchWords) }}

// sketchParts splits a sketch into its bitmap and the article's length;
// ok is false for what Sketch never makes, a sketch whose checksum does
// not hold among them.
func sketchParts(sk []byte) (bitmap []byte, length uint32, ok bool) {
	if len(sk) < minSketch+5 {
		return nil, 0, false
	}
	n := 1 << (bits.Len(uint(len(sk))) - 1)
	end := len(sk) - 4
	if n > maxSketch || n >= end {
		return nil, 0, false
	}
	v, k := binary.Uvarint(sk[n:end])
	if k != end-n || v > math.MaxUint32 || crc32.Checksum(sk[:end], castagnoli) != binary.LittleEndian.Uint32(sk[end:]) {
		return nil, 0, false
	}
	return sk[:n], uint32(v), true
}

// sketchMask is the low 24 bits set for the bytes a folded word may hold
// (lower-case letters and digits, and every byte of a character past
// ASCII), zero for others: and-ed with the last bytes it keeps three.
var sketchMask = func() (t [256]uint32) {
	for c := range t {
		if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c >= utf8.RuneSelf {
			t[c] = 0xffffff
		}
	}
	return t
}()

// SketchFilter returns a test of a sketch that reports whether the
// article it sketches may match query. It never rules out an article
// that matches. It returns nil when no word of the query is long enough
// to rule any out, and lets through a sketch Sketch never makes.
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
		sk, _, ok := sketchParts(sk)
		if !ok || len(sk) < minSketch || len(sk) > maxSketch || len(sk)&(len(sk)-1) != 0 {
			return true
		}
		shift := sketchShift(len(sk)) & 31
		for _, n := range needles {
			for i := 0; i+3 <= len(n); i++ {
				h := trigramBit(uint32(n[i])<<16|uint32(n[i+1])<<8|uint32(n[i+2]), shift)
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

// trigramBit hashes a trigram, its bytes in the low 24 bits of t, first
// byte highest, to a bit number below 1<<(32-shift).
func trigramBit(t uint32, shift uint) uint32 {
	return (t & 0xffffff * 0x9E3779B1) >> shift
}
