package search

import (
	"cmp"
	"container/heap"
	"slices"
)

// Top results without reading a common last word in full.
//
// Words are scored rarest first, so by the last word the candidates hold
// nearly all of their score: a word in most articles has an idf near
// zero, and no article's share of a word can reach idf·(k1+1). The
// candidates with the best scores so far are looked up in the last
// word's postings by seeking; when the worst of the best results found
// that way beats what any other candidate could reach with the last
// word's best, those are the results. Otherwise the last word is read
// in full as usual. The results, scores and order are the same either
// way: "weather forecast war" reads war* near a few dozen articles
// instead of 200,000 postings.

// useBounds lets tests compare topBounded, and scoreWord's pass for a
// dense first word, with the plain way.
var useBounds = true

// phrases reports whether any clause is a phrase.
func (q *query) phrases() bool {
	for _, c := range q.clauses {
		if c.phrase {
			return true
		}
	}
	return false
}

// scored is a candidate and its score so far.
type scored struct {
	doc   uint32
	score float32
}

// worstFirst is a min-heap of scored candidates.
type worstFirst []scored

func (h worstFirst) Len() int           { return len(h) }
func (h worstFirst) Less(i, j int) bool { return h[i].score < h[j].score }
func (h worstFirst) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *worstFirst) Push(x any)        { *h = append(*h, x.(scored)) }
func (h *worstFirst) Pop() any {
	x := (*h)[len(*h)-1]
	*h = (*h)[:len(*h)-1]
	return x
}

// topBounded returns the best limit results when the last positive word
// r, whose candidates are cands (stage k), can be settled by looking up
// only the best of them, and reports whether it could. It changes
// nothing in s unless it succeeds.
func (ix *Index) topBounded(s *scratch, r *resolved, cands []uint32, limit int) ([]hit, bool) {
	m := 2*limit + 16
	if len(cands) <= 2*m {
		return nil, false // few enough to read by seeking anyway
	}
	// The m+1 best candidates so far: the best m are looked up, and the
	// one after them bounds all the others.
	best := make(worstFirst, 0, m+1)
	for _, d := range cands {
		if s.stage[d] == excluded {
			continue
		}
		sc := s.score[d]
		if len(best) <= m {
			heap.Push(&best, scored{d, sc})
		} else if sc > best[0].score {
			best[0] = scored{d, sc}
			heap.Fix(&best, 0)
		}
	}
	if len(best) <= m {
		return nil, false
	}
	next := float64(heap.Pop(&best).(scored).score)
	// An article's share of the word is idf·(k1+1)·tf/(tf+norm) < idf·(k1+1);
	// the margins cover float32 rounding.
	reach := func(score float64) float64 { return score + float64(r.idf)*(k1+1)*1.001 + 1e-6*(1+score) }
	slices.SortFunc(best, func(a, b scored) int { return cmp.Compare(a.doc, b.doc) })
	// Not worth the lookups unless the best limit can stand off the rest.
	scores := make([]float32, len(best))
	for i, c := range best {
		scores[i] = c.score
	}
	slices.Sort(scores)
	if reach(next) >= float64(scores[len(scores)-limit]) {
		return nil, false
	}
	// Look the best up in the word's postings, in article order.
	tfs := make([]float32, len(best))
	var titleOnly uint8
	if r.title {
		titleOnly = inTitle
	}
	for _, f := range r.forms {
		p := postings{b: ix.terms[f.id].post}
		if !p.next() {
			continue
		}
		sk := ix.skips[f.id]
		for i, c := range best {
			if !p.seek(c.doc, sk) {
				break
			}
			if p.doc == c.doc && p.flags&titleOnly == titleOnly {
				tfs[i] += f.weight * weighted(p.count<<2|uint32(p.flags))
			}
		}
	}
	found := best[:0]
	for i, c := range best {
		if tf := tfs[i]; tf != 0 {
			c.score += r.idf * tf * (k1 + 1) / (tf + s.norm[c.doc])
			found = append(found, c)
		}
	}
	if len(found) < limit {
		return nil, false
	}
	scores = scores[:0]
	for _, c := range found {
		scores = append(scores, c.score)
	}
	slices.Sort(scores)
	if reach(next) >= float64(scores[len(scores)-limit]) {
		return nil, false
	}
	docs := make([]uint32, len(found))
	for i, c := range found {
		s.score[c.doc] = c.score
		docs[i] = c.doc
	}
	return ix.top(s, docs, limit), true
}
