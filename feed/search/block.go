package search

import (
	"cmp"
	"container/heap"
	"encoding/binary"
	"slices"
)

// Top results without reading every posting of common words.
//
// BM25 gives a word in an article idf·(k1+1)·g, g = tf/(tf + k1·(1−b) +
// k1·b·length/avgdl), which grows with the weighted count tf and stays
// below 1. For each common stem group the index keeps, for every
// segment of 1<<impactBits consecutive articles, the highest g of its
// articles (impactTables), made when a load is done (Compact) and kept
// in the index's file. A query word's g in an article is at most the sum
// of the tables' g of the groups its forms belong to (g(x+y) ≤ g(x) +
// g(y)), raised where the word weighs the forms more than the table did
// (groupWeight); the forms of groups too small for a table are read and
// bounded exactly, article by article.
//
// A search for the top few results whose rarest word is common bounds
// each segment's scores as the sum over the query's words of those
// bounds, and scores whole segments exactly as a full search would,
// best bound first, until the next bound is below the worst of the
// results kept. Articles in the segments never read score below that,
// so the results, their scores and their order are those of reading
// every posting: "election", in half the articles, reads about as many
// segments as it finds results.
//
// Past the first 2k+8 segments (k results), the rest are read in
// article order, in runs of segments whose bound still reaches the
// results, each list read on from where the last run left it rather
// than sought anew; between words, an article whose score so far plus
// the bounds of the words still to read (their segment's) cannot reach
// the results is dropped before the next word is looked up (MaxScore,
// by segment). Filters are applied first: a segment none of whose
// articles passes them is not read. So a search of several words, a
// filtered one, a phrase, title: or a prefix's completions, whatever
// it prunes, costs at most about a full read plus the first segments.
// (Before sweepBlocks, searches of more than one word, or filtered,
// were not split, and a split that read too many segments started
// again and read every posting.)

// Tuning, variables so that tests can make every search split.
var (
	// impactBits sets the segments' size: 1<<impactBits articles.
	impactBits = uint(6)
	// impactFrom is how many postings a stem group must have, at
	// least, before it has a table (and how many the rarest word of a
	// search must have before it is split), and impactShare the part
	// of the articles, 1/impactShare, it must be in.
	impactFrom  = uint32(2048)
	impactShare = 64
)

// useBoundsAlways lets tests keep to split searches that would be
// cheaper read whole.
var useBoundsAlways = false

// useBoundsUncovered lets tests split searches on an index with too
// few of its articles in the tables for it to pay.
var useBoundsUncovered = false

// impactScale is what a table's g is multiplied by.
const impactScale = 1<<16 - 1

// impactTables bound the articles' scores by segment (see above).
type impactTables struct {
	bits uint    // impactBits when they were made
	eRef float64 // k1·b/avgdl when the tables were begun
	// covered is how many articles they cover, whole segments only.
	covered uint32
	// groups holds each common group's table: for each segment, the
	// highest g there, times impactScale and rounded up, as two bytes,
	// little-endian; 0 where the group is not. The weighted count g is
	// made of is that of the article's most frequent form, plus
	// otherForm times the others': what a query for any one form of the
	// group counts.
	groups map[uint32]string
	// tiers lists each common group's best articles (see tiers.go).
	tiers map[uint32][]tier
	// prefixes lists a common prefix's best articles, when the groups'
	// tiers cannot bound it (see prefixtiers.go).
	prefixes map[string]prefixTiers
}

// impactMin returns how many postings a group needs for a table.
func (ix *Index) impactMin() uint32 {
	return max(impactFrom, uint32(len(ix.docs)/impactShare))
}

// groupDF returns the articles holding each group's forms, summed.
func (ix *Index) groupDF(g uint32) uint32 {
	var df uint32
	for _, id := range ix.groups[g] {
		df += ix.terms[id].df
	}
	return df
}

// refreshImpacts extends the tables to the articles added since they
// were made, whole segments only, and makes tables for the groups grown
// common since. It reads under the read lock, so that searches go on,
// and takes the write lock only to put the new tables in place.
func (ix *Index) refreshImpacts() {
	ix.mu.RLock()
	old := ix.impacts
	nt, ok := ix.extendImpacts(old)
	ix.mu.RUnlock()
	if !ok {
		return
	}
	ix.mu.Lock()
	if ix.impacts.covered == old.covered {
		ix.impacts = nt
	}
	ix.mu.Unlock()
}

// extendImpacts returns the tables it extended to the index as it is,
// and false when there is nothing to add. It needs the read lock.
func (ix *Index) extendImpacts(it impactTables) (impactTables, bool) {
	n := len(ix.docs)
	covered := uint32(n>>impactBits) << impactBits
	if it.bits != impactBits {
		it = impactTables{bits: impactBits}
	}
	if ix.live == 0 || covered == 0 || covered <= it.covered {
		return it, false
	}
	old, oldTiers := it.groups, it.tiers
	it.groups = make(map[uint32]string, len(old))
	it.tiers = make(map[uint32][]tier, len(old))
	if it.eRef == 0 {
		it.eRef = k1 * b * float64(ix.live) / float64(ix.totalLen)
	}
	nseg := int(covered >> impactBits)
	tf, most := make([]float32, n), make([]float32, n)
	var touched []uint32
	var qs []uint16
	hist := make([]uint32, impactScale+1)
	need := ix.impactMin()
	c := float64(k1 * (1 - b))
	for g := range ix.groups {
		tab, ok := old[uint32(g)]
		from := it.covered
		if !ok {
			if ix.groupDF(uint32(g)) < need {
				continue
			}
			from = 0
		}
		t := make([]byte, 2*nseg)
		copy(t, tab)
		touched = touched[:0]
		for _, id := range ix.groups[g] {
			p, _ := ix.postingsAt(id, &segSpan{lo: from, hi: covered})
			for p.next() && p.doc < covered {
				if p.doc < from {
					continue
				}
				if tf[p.doc] == 0 {
					touched = append(touched, p.doc)
				}
				w := float32(weightedCount(p.count<<2 | uint32(p.flags)))
				tf[p.doc] += w
				most[p.doc] = max(most[p.doc], w)
			}
		}
		qs = qs[:0]
		for _, d := range touched {
			w := otherForm*float64(tf[d]) + (1-otherForm)*float64(most[d])
			tf[d], most[d] = 0, 0
			q := tierQ(w, c, it.eRef*float64(ix.docs[d].length))
			qs = append(qs, q)
			hist[q]++
			i := 2 * (d >> impactBits)
			binary.LittleEndian.PutUint16(t[i:], max(binary.LittleEndian.Uint16(t[i:]), q))
		}
		it.groups[uint32(g)] = string(t)
		if ok {
			for _, q := range qs {
				hist[q] = 0
			}
			if ts := oldTiers[uint32(g)]; len(ts) > 0 {
				it.tiers[uint32(g)] = extendTiers(ts, touched, qs)
			}
		} else if ts := makeTiers(touched, qs, hist); len(ts) > 0 {
			it.tiers[uint32(g)] = ts
		}
	}
	if makePrefixTiers {
		it.prefixes = ix.extendPrefixTiers(&it, it.groups, covered, tf, hist)
	} else {
		it.prefixes = nil
	}
	it.covered = covered
	return it, true
}

// segStart is where a short postings list's articles in one segment
// begin: the offset of the first, and the article number before it.
type segStart struct {
	seg, off, prev uint32
}

// segSpan is the segment a search reads: articles lo to hi-1.
type segSpan struct {
	lo, hi uint32
	seg    uint32
	// starts holds, for the lists without a skip table, where each
	// segment's postings begin (see segStart).
	starts map[uint32][]segStart
	// at holds, when set, where each list read in full within an
	// earlier span of a search that reads spans in article order
	// stopped: before the first posting past it.
	at map[uint32]listPos
}

// listPos is a position in a postings list: the offset of a posting
// and the article number before it.
type listPos struct {
	off int
	doc uint32
}

// resume moves p, positioned before sp's articles, on to where an
// earlier span's read of the list stopped, when that is further on.
func (sp *segSpan) resume(id uint32, p *postings) {
	if c, ok := sp.at[id]; ok && c.off > p.off && c.doc < sp.lo {
		p.off, p.doc = c.off, c.doc
	}
}

// postingsAt returns term id's postings, positioned before the first
// posting of sp's segment (or of the list, when sp is nil), and whether
// the list may have any there.
func (ix *Index) postingsAt(id uint32, sp *segSpan) (postings, bool) {
	p := postings{b: ix.terms[id].post}
	if sp == nil || sp.lo == 0 {
		return p, true
	}
	if sk := ix.skips[id]; len(sk) > 0 {
		j := 0
		if sk[0].prev < sp.lo {
			j = firstBlockFrom(sk, 0, sp.lo)
		}
		if j > 0 {
			p.off, p.doc = int(sk[j-1].off), sk[j-1].prev
		}
		p.blk = j
		sp.resume(id, &p)
		return p, true
	}
	if st, ok := sp.starts[id]; ok {
		// The first segment of the span the list has postings in.
		i, _ := slices.BinarySearchFunc(st, sp.seg, func(s segStart, seg uint32) int { return cmp.Compare(s.seg, seg) })
		if i == len(st) || st[i].seg<<impactBits >= sp.hi {
			return p, false
		}
		p.off, p.doc = int(st[i].off), st[i].prev
		sp.resume(id, &p)
		return p, true
	}
	sp.resume(id, &p)
	return p, true
}

// groupWeight is a group with a table among a query word's forms: how
// many of them weigh 1, and the most the others weigh.
type groupWeight struct {
	g     uint32
	ones  int
	other float32
}

func (t *groupWeight) add(w float32) {
	if w == 1 && t.ones == 0 {
		t.ones++
		return
	}
	t.other = max(t.other, w)
}

// factor returns by how much the word's weighted count may exceed the
// one the group's table was made of: the table counts one form weighing
// 1 and the others otherForm; a word weighing them more counts up to
// that many times more.
func (t *groupWeight) factor() float64 {
	return max(1, float64(t.other)/otherForm)
}

// segment is a segment to read and the bound of its articles' scores.
type segment struct {
	g     uint32
	bound float64
}

// weightedCount is weighted for a count<<2 | flags, as an integer.
func weightedCount(v uint32) uint64 {
	return uint64(v>>2) + titleBoost*uint64(v&inTitle) + leadBoost*uint64(v&inLead>>1)
}

// evalBlocks returns the best limit results of the positive words pos
// (rarest first, none with a bucket) by reading only the segments whose
// bound reaches them, the negated words neg, filters and deletions
// having been marked in s. It reports false when the search is not
// worth splitting.
func (ix *Index) evalBlocks(s *scratch, q *query, pos, neg []resolved, limit int) ([]hit, bool) {
	n := len(ix.docs)
	if !useBounds || limit <= 0 || len(pos) == 0 || pos[0].df < ix.impactMin() {
		return nil, false
	}
	for i := range pos {
		if pos[i].bucket != nil {
			return nil, false
		}
	}
	// Without the sweep (BENCHMARKS.md, "Search at a million: bounds
	// on common words' scores"): one common word with a form of its
	// own reads a few segments in a hundred, but segments of 64
	// articles rarely hold two or three words' best together, nor the
	// best of a word whose forms all weigh less than 1 ("presid"), so
	// that such searches read whole in the end, having read part of it
	// before (p99 4.1 → 5.2 ms of CPU when they split).
	// One word in half the articles or more, alone, splits as before
	// the sweep: its best articles are in nearly every segment, and
	// reading them in runs cost more than reading its lists whole
	// ("elect" at a million, 20 → 28 ms of CPU).
	// Nor does a search of many forms (a prefix's completions, up to
	// maxCompletions): resuming each list at each run costs more than
	// looking its candidates up ("Vebo Marin" at a million, marin*
	// completing to dozens of words: 8 → 19–25 ms with the sweep).
	filtered := q.dated || len(q.outlets) > 0
	forms := 0
	for i := range pos {
		forms += len(pos[i].forms)
	}
	sweep := sweepBlocks && forms <= maxSweepForms && (len(pos) > 1 || len(neg) > 0 || filtered || uint64(pos[0].df)*2 < uint64(n))
	if !sweep && !useBoundsAlways && (len(pos) > 1 || pos[0].forms[0].weight != 1) {
		return nil, false
	}
	// Nor does a filter pay: the results to beat are then those of
	// the few articles it keeps, and rise slowly (an outlet's flood
	// 3.5 → 4.3 ms, after:DATE strike 1.0 → 1.3 ms).
	if !sweep && !useBoundsAlways && filtered {
		return nil, false
	}
	it := &ix.impacts
	sb := impactBits
	if it.bits != sb {
		it = &impactTables{}
	}
	if it.covered < uint32(n/2) && !useBoundsUncovered {
		// Tables for less than half the articles (until a first load
		// is done): bounding would read nearly every list.
		return nil, false
	}
	nseg := (n-1)>>sb + 1
	if !useBoundsAlways && (2*limit+8)*16 > nseg {
		// A search that splits well reads about as many segments as
		// it finds results: not worth it unless those are few of the
		// segments (the reader's 200 results below 400,000 articles).
		return nil, false
	}
	covSeg := int(it.covered >> sb)
	avgdl := float64(ix.totalLen) / float64(ix.live)
	c, e := k1*(1-b), k1*b/avgdl
	// Tables made when articles were shorter on average bound less: a
	// g of x/(x + c + e·length) with e smaller by some factor is at
	// most that of x that many times greater.
	corr := 1.0
	if it.eRef > e {
		corr = it.eRef / e
	}
	bound := make([]float64, nseg)
	wordBounds := make([][]float32, len(pos)) // each word's share of bound
	word := make([]float64, nseg)             // the word's g, bounded, per segment
	small := make([]float64, nseg)            // that of its forms in groups without a table
	starts := make(map[uint32][]segStart)
	var touched []uint32
	for i := range pos {
		r := &pos[i]
		clear(word)
		clear(small)
		touched = touched[:0]
		var tables []groupWeight
		for _, f := range r.forms {
			g := ix.terms[f.id].group
			_, table := it.groups[g]
			if table {
				i := slices.IndexFunc(tables, func(t groupWeight) bool { return t.g == g })
				if i < 0 {
					i = len(tables)
					tables = append(tables, groupWeight{g: g})
				}
				tables[i].add(f.weight)
			}
			short := len(ix.skips[f.id]) == 0
			if table && !short {
				continue
			}
			// Read the list: where each segment begins in it, and the
			// weighted counts of the forms without a table.
			var st []segStart
			p := postings{b: ix.terms[f.id].post}
			for {
				off, prev := p.off, p.doc
				if !p.next() {
					break
				}
				if sg := p.doc >> sb; short && (len(st) == 0 || st[len(st)-1].seg != sg) {
					st = append(st, segStart{seg: sg, off: uint32(off), prev: prev})
				}
				if !table {
					if s.tf[p.doc] == 0 {
						touched = append(touched, p.doc)
					}
					s.tf[p.doc] += f.weight * weighted(p.count<<2|uint32(p.flags))
				}
			}
			if short {
				starts[f.id] = st
			}
		}
		for _, d := range touched {
			t := float64(s.tf[d])
			s.tf[d] = 0
			sg := d >> sb
			small[sg] = max(small[sg], t/(t+c+e*float64(ix.docs[d].length)))
		}
		for _, t := range tables {
			tab, k := it.groups[t.g], t.factor()*corr
			for sg := range covSeg {
				if q := uint16(tab[2*sg]) | uint16(tab[2*sg+1])<<8; q != 0 {
					// g = x/(x+a) at x·k is k·g/(1+(k−1)·g).
					g := float64(q) / impactScale
					word[sg] += k * g / (1 + (k-1)*g)
				}
			}
			for sg := covSeg; sg < nseg; sg++ {
				word[sg]++ // not covered: anything up to 1
			}
		}
		top := float64(r.idf) * (k1 + 1)
		wb := make([]float32, nseg)
		for sg := range nseg {
			w := min(word[sg]+small[sg], 1)
			wb[sg] = float32(top * w)
			if w == 0 || bound[sg] < 0 {
				bound[sg] = -1 // a word not there: nothing in the segment matches
				continue
			}
			bound[sg] += top * w
		}
		wordBounds[i] = wb
	}
	// Filters first: a segment none of whose articles a filter keeps
	// holds no result.
	if sweep && filtered {
		for sg := range nseg {
			if bound[sg] < 0 {
				continue
			}
			kept := false
			for _, st := range s.stage[sg<<sb : min((sg+1)<<sb, n)] {
				if st != excluded {
					kept = true
					break
				}
			}
			if !kept {
				bound[sg] = -1
			}
		}
	}
	// rest[k] bounds, per segment, what the words after the k-th can
	// add to an article's score (see prune).
	rest := make([][]float32, len(pos))
	if sweep {
		for k := len(pos) - 2; k >= 0; k-- {
			rest[k] = make([]float32, nseg)
			for sg := range nseg {
				r := wordBounds[k+1][sg]
				if rest[k+1] != nil {
					r += rest[k+1][sg]
				}
				rest[k][sg] = r
			}
		}
	}
	segs := make(bestBound, 0, nseg)
	for g, bnd := range bound {
		if bnd > 0 {
			segs = append(segs, segment{uint32(g), bnd})
		}
	}
	heap.Init(&segs)

	// Negated words without a skip table are marked once; the others,
	// in each segment, only at its candidates.
	var longNeg []form
	for _, r := range neg {
		for _, f := range r.forms {
			if len(ix.skips[f.id]) > 0 {
				longNeg = append(longNeg, f)
				continue
			}
			p := postings{b: ix.terms[f.id].post}
			for p.next() {
				s.stage[p.doc] = excluded
				s.someExcluded = true
			}
		}
	}

	// What reading every posting would cost, in postings (the words
	// after the first are read in full too when common), and what
	// reading a segment costs: its share of each list, and finding
	// where that begins.
	var whole, perSeg float64
	for i := range pos {
		for _, f := range pos[i].forms {
			df := float64(ix.terms[f.id].df)
			whole += df
			perSeg += df * float64(uint32(1)<<sb) / float64(n)
			if len(ix.skips[f.id]) > 0 {
				perSeg += skipEvery / 2 // from the block's start
			}
		}
	}
	var found, read []uint32
	best := make([]float32, 0, limit) // a min-heap of the best scores
	// reachable reports whether an article bounded by bnd may still
	// enter the results.
	reachable := func(bnd float64) bool {
		return len(best) < limit || reach(bnd) >= float64(best[0])
	}
	// evalSpan scores the articles of sp exactly as a full search does,
	// and keeps those that match.
	evalSpan := func(sp *segSpan) {
		if bs := countBlocks; bs != nil {
			bs.segments += int((sp.hi - sp.lo + 1<<sb - 1) >> sb)
			bs.articles += int(sp.hi - sp.lo)
		}
		var cands []uint32
		sorted := true
		for k := range pos {
			touched := ix.scoreWord(s, k, &pos[k], cands, &sorted, sp)
			s.next, s.list = s.list, touched
			cands = touched
			if sp.at != nil && k+1 < len(pos) && len(best) == limit {
				before := len(cands)
				cands = prune(s, cands, rest[k], sb, best[0])
				s.list = cands
				if bs := countBlocks; bs != nil {
					bs.pruned += before - len(cands)
				}
			}
			if len(cands) == 0 {
				break
			}
		}
		if len(cands) == 0 {
			return
		}
		if !sorted {
			slices.Sort(cands)
		}
		for _, f := range longNeg {
			p, _ := ix.postingsAt(f.id, sp)
			if !p.next() {
				continue
			}
			sk := ix.skips[f.id]
			for _, d := range cands {
				if !p.seek(d, sk) {
					break
				}
				if p.doc == d {
					s.stage[d] = excluded
				}
			}
		}
		cands = ix.admit(s, q, cands, sp)
		for _, d := range cands {
			found = append(found, d)
			best = keepBest(best, s.score[d], limit)
		}
	}
	// abandon puts back what reading the segments read did to s, for
	// the search to read every posting instead.
	abandon := func(read []uint32) {
		for _, g := range read {
			for d := g << sb; d < min((g+1)<<sb, uint32(n)); d++ {
				if s.stage[d] != excluded {
					s.stage[d] = 0
				}
				s.score[d] = 0
			}
		}
		if bs := countBlocks; bs != nil {
			bs.abandoned++
		}
	}
	// The segments with the highest bounds first, which raise the
	// results to beat fastest.
	first := len(segs)
	if sweep {
		first = 2*limit + 8
		if firstSegments > 0 {
			first = firstSegments
		}
	}
	done := false
	for len(segs) > 0 && len(read) < first {
		sg := heap.Pop(&segs).(segment)
		if !reachable(sg.bound) {
			done = true
			break // no article left can reach the results
		}
		if !useBoundsAlways && !sweep {
			// When the segments read have cost a sixth of reading
			// every posting, or are more than twice as many as the
			// results (a search that splits well reads about as
			// many segments as it finds results, at any size), the
			// bounds are not paying: read every posting instead.
			if float64(len(read)+1)*perSeg > whole/6 || len(read) >= 2*limit+8 {
				abandon(read)
				return nil, false
			}
		}
		read = append(read, sg.g)
		evalSpan(&segSpan{lo: sg.g << sb, hi: min((sg.g+1)<<sb, uint32(n)), seg: sg.g, starts: starts})
		bound[sg.g] = -1 // read
	}
	if !done && len(segs) > 0 {
		at := make(map[uint32]listPos)
		// Then the rest in article order, each list read onwards from
		// where the last run left it rather than sought anew for every
		// segment: runs of segments that may reach the results, up to
		// maxRun segments each, and the bar raised between runs.
		for sg := 0; sg < nseg; {
			if bound[sg] < 0 || !reachable(bound[sg]) {
				sg++
				continue
			}
			end := sg + 1
			for end < nseg && end-sg < maxRun && bound[end] >= 0 && reachable(bound[end]) {
				end++
			}
			if bs := countBlocks; bs != nil {
				bs.runs++
			}
			evalSpan(&segSpan{lo: uint32(sg) << sb, hi: min(uint32(end)<<sb, uint32(n)), seg: uint32(sg), starts: starts, at: at})
			sg = end
		}
	}
	if bs := countBlocks; bs != nil {
		bs.split++
		bs.total += n
	}
	return ix.top(s, found, limit), true
}

// maxRun is how many segments in a row a split search reads at once
// once past those with the highest bounds.
const maxRun = 16

// maxSweepForms is how many forms a search's words may have in all
// for it to read the rest of its segments in order (see evalBlocks).
const maxSweepForms = 16

// sweepBlocks makes split searches read, after the segments with the
// highest bounds, the rest in article order where they may reach the
// results, pruning articles that cannot between words, instead of
// starting again to read every posting; and lets every search of
// common words split, whatever its words, filters and phrases. Off, the
// searches split as before it was (for measuring one against the other).
var sweepBlocks = true

// firstSegments, when set (by tests), is how many segments a split
// search reads best bound first before it reads the rest in order.
var firstSegments = 0

// prune returns the candidates, in place, that the words after the
// current one may still bring up to the worst of the results, bar:
// rest bounds, per segment of 1<<sb articles, what those words can add.
// The others are marked excluded.
func prune(s *scratch, cands []uint32, rest []float32, sb uint, bar float32) []uint32 {
	out := cands[:0]
	for _, d := range cands {
		if reach(float64(s.score[d])+float64(rest[d>>sb])) < float64(bar) {
			s.stage[d] = excluded
			continue
		}
		out = append(out, d)
	}
	return out
}

// bestBound is a heap of segments, the highest bound on top, then the
// first.
type bestBound []segment

func (h bestBound) Len() int { return len(h) }
func (h bestBound) Less(i, j int) bool {
	return h[i].bound > h[j].bound || h[i].bound == h[j].bound && h[i].g < h[j].g
}
func (h bestBound) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *bestBound) Push(x any)   { *h = append(*h, x.(segment)) }
func (h *bestBound) Pop() any {
	x := (*h)[len(*h)-1]
	*h = (*h)[:len(*h)-1]
	return x
}

// reach returns a bound computed in float64 raised past what float32
// rounding of the scores it bounds could add.
func reach(bound float64) float64 { return bound*1.001 + 1e-6 }

// keepBest adds sc to best, a min-heap of the limit best scores so far,
// if it is among them, and returns the heap.
func keepBest(best []float32, sc float32, limit int) []float32 {
	if len(best) < limit {
		best = append(best, sc)
		upF32(best, len(best)-1)
	} else if sc > best[0] {
		best[0] = sc
		downF32(best, 0)
	}
	return best
}

// upF32 and downF32 keep h a min-heap after h[i] was added or raised.
func upF32(h []float32, i int) {
	for i > 0 {
		p := (i - 1) / 2
		if h[p] <= h[i] {
			return
		}
		h[p], h[i] = h[i], h[p]
		i = p
	}
}

func downF32(h []float32, i int) {
	for {
		m := i
		if l := 2*i + 1; l < len(h) && h[l] < h[m] {
			m = l
		}
		if r := 2*i + 2; r < len(h) && h[r] < h[m] {
			m = r
		}
		if m == i {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

// countBlocks, when set (by tests and benchmarks, never while searches
// run concurrently), counts what split searches read.
var countBlocks *blockStats

// blockStats counts what split searches read.
type blockStats struct {
	abandoned int // searches split, then read whole
	split     int // searches split into segments
	segments  int // segments read
	articles  int // articles in the segments read
	total     int // articles in the index, summed over split searches
	runs      int // runs of segments read in article order
	pruned    int // articles left out between words

	tiered       int // searches settled by tiers (see tiers.go)
	tierArticles int // articles they scored
	tierFailed   int // searches the tiers did not settle
	prefixTiered int // searches of a prefix settled by its own tiers
	pairTiered   int // searches of two words settled by their first tiers
}
