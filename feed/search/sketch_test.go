package search

import (
	"bytes"
	"math/bits"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestSketchNeverMissesAMatch checks, for every word of every reference
// article (generated ones, the samples, and one of accents, ligatures
// and apostrophes), that the sketch lets the article through for a query
// of that word whenever the article matches it.
func TestSketchNeverMissesAMatch(t *testing.T) {
	arts := referenceArticles(t, 60)
	checked := 0
	for _, a := range arts {
		sk := Sketch(a)
		seen := map[string]bool{}
		for _, w := range strings.FieldsFunc(a.Title+" "+a.Body, func(r rune) bool { return !isWordRune(r) }) {
			if seen[w] {
				continue
			}
			seen[w] = true
			may := SketchFilter(w)
			if may == nil {
				continue
			}
			if _, ok := NewMatcher(w).Match(a); !ok {
				continue
			}
			checked++
			if !may(sk) {
				t.Errorf("article %s: the sketch rules out %q, which it matches", a.ID, w)
			}
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d words checked", checked)
	}
}

// TestSketchRulesOut checks that sketches rule out most articles without
// a word, however long the articles are, and that sizes it never makes
// are let through.
func TestSketchRulesOut(t *testing.T) {
	arts := referenceArticles(t, 200)
	for _, q := range []string{"zeppelin", "quixotic harbour", "marzipan"} {
		may := SketchFilter(q)
		passed, without := 0, 0
		for _, a := range arts {
			if _, ok := NewMatcher(q).Match(a); ok {
				continue
			}
			without++
			if may(Sketch(a)) {
				passed++
			}
		}
		if without < 100 || passed*20 > without {
			t.Errorf("%q: %d of %d articles without it passed", q, passed, without)
		}
	}
	may := SketchFilter("zeppelin")
	for _, sk := range [][]byte{make([]byte, 0), make([]byte, 1), make([]byte, minSketch-1), make([]byte, minSketch), make([]byte, maxSketch*2),
		append(make([]byte, minSketch), 0x80), // a length cut short
		append(make([]byte, minSketch), 1, 2), // more than a length
		append(make([]byte, maxSketch*2), 1)} {
		if !may(sk) {
			t.Errorf("a sketch of %d bytes ruled an article out", len(sk))
		}
	}
	// A sketch whose bytes changed after it was made is let through,
	// whatever it now says: its checksum no longer holds.
	for _, a := range referenceArticles(t, 50) {
		sk := Sketch(a)
		if sk == nil || may(sk) {
			continue
		}
		damaged := slices.Clone(sk)
		damaged[0] ^= 1
		if !may(damaged) {
			t.Errorf("a damaged sketch ruled an article out")
		}
		clear(damaged[:len(damaged)-8])
		if !may(damaged) {
			t.Errorf("a sketch with its bitmap cleared ruled an article out")
		}
	}
	if SketchFilter("outlet:lantern to") != nil {
		t.Errorf("a query with no word of three letters or more gave a filter")
	}
}

func BenchmarkSketch(b *testing.B) {
	arts := referenceArticles(b, 200)
	var size int64
	for _, a := range arts {
		size += int64(len(a.Title) + len(a.Body))
	}
	b.SetBytes(size)
	for b.Loop() {
		for _, a := range arts {
			Sketch(a)
		}
	}
}

// TestSketchBitsAsTrigramBit checks that sketchBits sets the bits the
// plain way gives: trigramBit of each run of three word bytes, at
// sketchShift, for every size of bitmap.
func TestSketchBitsAsTrigramBit(t *testing.T) {
	texts := []string{"", "ab", "abc", "a1b2c3 d", "x\x00yz ab\xc3\xa9c\xff\xfe\x80q", "zz9 \n\t,.;zzzz"}
	for _, a := range referenceArticles(t, 40) {
		f, _ := foldText(nil, a)
		texts = append(texts, string(f))
	}
	for _, s := range texts {
		for n := minSketch; n <= maxSketch; n *= 2 {
			want := make([]byte, n)
			shift := sketchShift(n)
			run := 0
			var tri uint32
			for i := 0; i < len(s); i++ {
				c := s[i]
				if sketchMask[c] == 0 {
					run, tri = 0, 0
					continue
				}
				run++
				tri = tri<<8 | uint32(c)
				if run >= 3 {
					h := trigramBit(tri, shift)
					want[h>>3] |= 1 << (h & 7)
				}
			}
			got := make([]byte, n)
			sketchBits(got, []byte(s))
			if !bytes.Equal(got, want) {
				t.Fatalf("%d-byte bitmap of %.40q differs", n, s)
			}
		}
	}
}

// sketchBitsByByte is sketchBits as it was before it set bits in 64-bit
// words: a byte of the bitmap at a time, the bit shifted into place by
// its number. Kept to check the word-wise loop against and to measure
// it by (BenchmarkSketchBits).
func sketchBitsByByte(sk, folded []byte) {
	nbits := uint64(len(sk)) * 8
	last := uint32(len(sk) - 1)
	var t uint32
	for _, c := range folded {
		t = (t<<8 | uint32(c)) & sketchMask[c]
		h := uint32(uint64(t&0xffffff*0x9E3779B1) * nbits >> 32)
		var full byte
		if t&0xff0000 != 0 {
			full = 1
		}
		sk[h>>3&last] |= full << (h & 7)
	}
}

// TestSketchBitsAsByByte checks that sketchBits sets what the byte-wise
// loop does at every size of bitmap, over every byte value and random
// runs of word and other bytes, into a bitmap already holding bits, and
// leaves its spare words clear for the next call (a bitmap of another
// size after it comes out the same).
func TestSketchBitsAsByByte(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 7))
	var texts [][]byte
	all := make([]byte, 0, 3*256)
	for c := range 256 {
		all = append(all, byte(c), byte(c), 'a', byte(c))
	}
	texts = append(texts, all)
	for range 300 {
		s := make([]byte, r.IntN(40000))
		for i := range s {
			switch r.IntN(4) {
			case 0:
				s[i] = byte(r.IntN(256))
			case 1:
				s[i] = ' '
			default:
				s[i] = byte('a' + r.IntN(6))
			}
		}
		texts = append(texts, s)
	}
	for _, s := range texts {
		for n := minSketch; n <= maxSketch; n *= 2 {
			want := make([]byte, n)
			got := make([]byte, n)
			for i := range n {
				if r.IntN(8) == 0 {
					want[i] = byte(r.IntN(256))
					got[i] = want[i]
				}
			}
			sketchBitsByByte(want, s)
			sketchBits(got, s)
			if !bytes.Equal(got, want) {
				t.Fatalf("%d-byte bitmap of %d bytes differs", n, len(s))
			}
		}
	}
}

// BenchmarkSketchBits measures the trigram loop alone over the
// reference articles' folded text, word-wise (sketchBits) and byte-wise
// as before (sketchBitsByByte), in one binary so that the two can be
// alternated on a noisy machine.
func BenchmarkSketchBits(b *testing.B) {
	var texts [][]byte
	var size int64
	for _, a := range referenceArticles(b, 200) {
		f, _ := foldText(nil, a)
		texts = append(texts, f)
		size += int64(len(f))
	}
	for _, v := range []struct {
		name string
		fn   func(sk, folded []byte)
	}{{"words", sketchBits}, {"bytes", sketchBitsByByte}} {
		b.Run(v.name, func(b *testing.B) {
			b.SetBytes(size)
			sk := make([]byte, maxSketch)
			for b.Loop() {
				for _, f := range texts {
					n := min(max(1<<bits.Len(uint(len(f)/16)), minSketch), maxSketch)
					clear(sk[:n])
					v.fn(sk[:n], f)
				}
			}
		})
	}
}
