package search

import (
	"encoding/binary"
	"math/bits"
)

// Skip tables. A long postings list is read in blocks of skipEvery
// articles; for each block after the first, the term's skip table holds
// where the block begins and the article number before it. Only lists
// of skipFrom articles or more have one. A word
// matched against a few candidates then jumps to the block that may hold
// each one instead of reading the whole list: "Bani Dor" reads the
// postings of dor* only near the articles that hold "bani".

// skipEvery is how many articles of a postings list one skip entry
// covers. Decoding half a block costs about as much as a seek.
const skipEvery = 64

// skip marks the start of a block of a postings list.
type skip struct {
	prev uint32 // the article number before the block, its delta's base
	off  uint32 // the byte offset of the block's first posting
}

// skipFrom is how long a postings list grows before it gets a skip
// table: a shorter one costs little to read in full, and most terms
// never grow so long.
const skipFrom = 1024

// markSkip records a skip entry when the posting about to be appended
// to tm (term id) begins a block, once the list is skipFrom long. It
// needs the write lock, and is called before the posting is appended.
func (ix *Index) markSkip(id uint32, tm *term) {
	if tm.df < skipFrom || tm.df%skipEvery != 0 {
		return
	}
	if ix.skips == nil {
		ix.skips = make(map[uint32][]skip)
	}
	if tm.df == skipFrom {
		// The table begins: read the blocks so far, and the entry of
		// the one about to begin after them.
		sk := make([]skip, 0, 2*skipFrom/skipEvery)
		p := postings{b: tm.post}
		for i := 0; ; i++ {
			if i > 0 && i%skipEvery == 0 {
				sk = append(sk, skip{prev: p.doc, off: uint32(p.off)})
			}
			if !p.next() {
				break
			}
		}
		ix.skips[id] = sk
		return
	}
	sk := ix.skips[id]
	if len(sk) == cap(sk) {
		// Grow by a quarter: slack is memory.
		sk = append(make([]skip, 0, len(sk)+len(sk)/4+4), sk...)
	}
	ix.skips[id] = append(sk, skip{prev: tm.last, off: uint32(len(tm.post))})
}

// useSkips lets tests compare seeking with reading lists in full.
var useSkips = true

// seekCost is, in postings read, about what finding one candidate costs
// by seeking: half a block, and the jump.
const seekCost = skipEvery/2 + 8

// seek moves p, which must stand on a posting, to the first article
// numbered d or more, reporting whether there is one. p.blk is the index
// in sk of the next block not yet jumped to. Articles must be sought in
// increasing order.
func (p *postings) seek(d uint32, sk []skip) bool {
	if p.doc >= d {
		return true
	}
	// Jump to the last block whose base is below d, if that is ahead:
	// the next few blocks looked at in turn, farther ones by galloping
	// and halving.
	i := p.blk
	for step := 0; i < len(sk) && sk[i].prev < d; step++ {
		if step == 4 {
			i = firstBlockFrom(sk, i, d)
			break
		}
		i++
	}
	if i > p.blk {
		s := sk[i-1]
		if int(s.off) > p.off {
			p.off, p.doc = int(s.off), s.prev
		}
		p.blk = i
	}
	for p.next() {
		if p.doc >= d {
			return true
		}
	}
	return false
}

// firstBlockFrom returns the index of the first entry of sk at or after
// i whose base is d or more (len(sk) if none), sk[i]'s base being below d.
func firstBlockFrom(sk []skip, i int, d uint32) int {
	lo, hi := i, i+1 // sk[lo].prev < d; the answer is above lo
	for step := 1; hi < len(sk) && sk[hi].prev < d; step *= 2 {
		lo, hi = hi, hi+step
	}
	hi = min(hi, len(sk))
	for lo+1 < hi {
		m := int(uint(lo+hi) >> 1)
		if sk[m].prev < d {
			lo = m
		} else {
			hi = m
		}
	}
	return hi
}

// skipVarints returns the offset after the n varints that begin at
// b[off], counting the bytes that end a varint eight at a time.
func skipVarints(b []byte, off int, n uint32) int {
	for n > 0 {
		if off+8 > len(b) {
			if b[off] < 0x80 {
				n--
			}
			off++
			continue
		}
		ends := ^binary.LittleEndian.Uint64(b[off:]) & 0x8080808080808080
		c := uint32(bits.OnesCount64(ends))
		if c < n {
			n -= c
			off += 8
			continue
		}
		for ; n > 1; n-- {
			ends &= ends - 1
		}
		return off + bits.TrailingZeros64(ends)/8 + 1
	}
	return off
}

// skipsFor returns the skip table of term id when reading its postings
// by seeking to n candidates is cheaper than reading them in full, and
// nil otherwise, or when k, the number of words already matched, is 0:
// then every article is a candidate.
func (ix *Index) skipsFor(id uint32, k, n int) []skip {
	if !useSkips || k == 0 || uint64(n)*seekCost >= uint64(ix.terms[id].df) {
		return nil
	}
	return ix.skips[id]
}

// skipsIn is skipsFor within sp's segment, when sp is set: the
// candidates are weighed against the postings the segment may hold.
func (ix *Index) skipsIn(id uint32, k, n int, sp *segSpan) []skip {
	if sp == nil {
		return ix.skipsFor(id, k, n)
	}
	if !useSkips || k == 0 {
		return nil
	}
	in := uint64(ix.terms[id].df) * uint64(sp.hi-sp.lo) / uint64(max(len(ix.docs), 1))
	if uint64(n)*seekCost >= in+skipEvery {
		return nil
	}
	return ix.skips[id]
}
