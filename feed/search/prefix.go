package search

import (
	"cmp"
	"slices"
	"strings"
	"sync"
)

// recentHeads holds the first four bytes of each term of Index.recent,
// the terms not yet merged into the sorted list, so that a prefix search
// passes over them without reading each term's text. Searches extend it
// as terms arrive.
type recentHeads struct {
	mu    sync.Mutex
	heads []uint32 // of recent[:len(heads)]
	first uint32   // recent[0] when heads was begun: a merge changes it
}

// head returns the first four bytes of s, big-endian, zero-padded.
func head(s string) uint32 {
	var h uint32
	for i := range 4 {
		h <<= 8
		if i < len(s) {
			h |= uint32(s[i])
		}
	}
	return h
}

// recentHeads returns the heads of ix.recent. It needs the read lock.
// The slice returned is not changed afterwards, only appended to.
func (ix *Index) recentHeads() []uint32 {
	rh := &ix.heads
	rh.mu.Lock()
	defer rh.mu.Unlock()
	if len(ix.recent) < len(rh.heads) || len(rh.heads) > 0 && rh.first != ix.recent[0] {
		rh.heads = nil // merged since: begin again, leaving the old to its readers
	}
	if len(ix.recent) > 0 {
		rh.first = ix.recent[0]
	}
	for _, id := range ix.recent[len(rh.heads):] {
		rh.heads = append(rh.heads, head(ix.terms[id].text))
	}
	return rh.heads
}

// completion is a term a prefix completes to.
type completed struct {
	df uint32
	id uint32
}

// completions returns the first n terms beginning with prefix, most
// common first (then in the order they were added). It needs the read
// lock.
func (ix *Index) completions(prefix string, n int) []completed {
	var comps []completed
	lo, _ := slices.BinarySearchFunc(ix.sorted, prefix, func(id uint32, t string) int {
		return strings.Compare(ix.terms[id].text, t)
	})
	for _, id := range ix.sorted[lo:] {
		if !strings.HasPrefix(ix.terms[id].text, prefix) {
			break
		}
		comps = append(comps, completed{ix.terms[id].df, id})
	}
	want, mask := head(prefix), ^uint32(0)
	if len(prefix) < 4 {
		mask <<= 8 * (4 - len(prefix))
	}
	for i, h := range ix.recentHeads() {
		if h&mask == want {
			if id := ix.recent[i]; strings.HasPrefix(ix.terms[id].text, prefix) {
				comps = append(comps, completed{ix.terms[id].df, id})
			}
		}
	}
	if n <= 0 {
		return nil
	}
	order := func(a, b completed) int {
		return cmp.Or(cmp.Compare(b.df, a.df), cmp.Compare(a.id, b.id))
	}
	if len(comps) > n {
		// Only the first n are wanted: keep them in a heap, the last
		// of them on top, rather than sorting thousands.
		h := comps[:n]
		for i := n/2 - 1; i >= 0; i-- {
			siftDown(h, i, order)
		}
		for _, c := range comps[n:] {
			if order(c, h[0]) < 0 {
				h[0] = c
				siftDown(h, 0, order)
			}
		}
		comps = h
	}
	slices.SortFunc(comps, order)
	return comps
}

// siftDown restores the heap of h below i, whose top is the element
// that comes last in order.
func siftDown(h []completed, i int, order func(a, b completed) int) {
	for {
		j := 2*i + 1
		if j >= len(h) {
			return
		}
		if j+1 < len(h) && order(h[j+1], h[j]) > 0 {
			j++
		}
		if order(h[j], h[i]) <= 0 {
			return
		}
		h[i], h[j] = h[j], h[i]
		i = j
	}
}
