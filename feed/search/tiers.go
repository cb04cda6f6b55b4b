package search

import (
	"encoding/binary"
	"math"
	"slices"
)

// A very common word alone: its best articles, listed.
//
// The impact tables (block.go) bound a word's articles by segment, which
// separates nothing when the word is in most articles: "flood", in nine
// articles of ten, has articles near its best in every segment, so its
// bounds send a search through every segment, and its postings are read
// whole. So for each common stem group the tables also list its best
// articles in tiers: the first holds the 512 or so with the highest g
// (the table's measure: the group's weighted count, saturated), the next
// the following 2,048, then 8,192 and 32,768, as far as a quarter of the
// group's articles; with each tier, the highest g of the articles in no
// tier up to it (rest). A search of one positive word (in half the
// articles or more, or with a filter, an exclusion or title:) scores the
// articles of the first tier of each of its groups exactly, by seeking
// them in the word's postings, as the full read would; when the worst of
// the results kept beats what the rest bound allows any other article,
// those are the results; otherwise the next tier is scored, and after
// the last the search reads every posting as before. An article in no
// tier scores below the results, so the results, scores, ties and order
// are those of reading everything. A filter, an exclusion or deletions
// only drop articles from the tiers, which is why there are several.
//
// Articles added after the tiers were made go into the first tier whose
// rest they exceed, so that each rest stays a bound; the articles past
// the tables' cover are scored exactly whatever they hold.

// tierSizes are how many articles each tier holds, about (ties at its
// last g stay with it).
var tierSizes = []int{512, 2048, 8192, 32768}

// tierShare is the part of a group's articles, 1/tierShare, its tiers
// may hold in all: they are for words in many articles.
const tierShare = 4

// useTiers lets tests and benchmarks compare searches with the tiers
// and without.
var useTiers = true

// tiersFrom is the share of the articles, 1/tiersFrom, a word alone and
// unfiltered must be in for a search to try its tiers (a variable for
// measuring).
var tiersFrom uint64 = 2

// tiersAlways lets tests try the tiers for every lone word.
var tiersAlways = false

// tierTail is how many articles past the tables' cover a search by
// tiers scores in full, at most.
const tierTail = 1 << 12

// tier is one tier of a group's best articles.
type tier struct {
	rest uint16 // the highest g (times impactScale) of articles in no tier up to this one
	n    uint32 // articles listed
	last uint32 // the last of them
	docs string // their numbers, as uvarint deltas
}

// tierDocs appends the articles listed in t to dst.
func (t *tier) tierDocs(dst []uint32) []uint32 {
	var d uint32
	for off := 0; off < len(t.docs); {
		x, k := strUvarint(t.docs, off)
		if k <= off {
			break
		}
		off = k
		d += x
		dst = append(dst, d)
	}
	return dst
}

// strUvarint decodes the uvarint at s[off], returning it and the offset
// after it, or off when there is none.
func strUvarint(s string, off int) (uint32, int) {
	var x uint32
	for i, sh := off, uint(0); i < len(s) && sh < 35; i, sh = i+1, sh+7 {
		c := s[i]
		if c < 0x80 {
			return x | uint32(c)<<sh, i + 1
		}
		x |= uint32(c&0x7f) << sh
	}
	return 0, off
}

// valid reports whether t lists n articles in increasing order, below
// covered, the last of them last.
func (t *tier) valid(covered uint32) bool {
	var d uint32
	n := uint32(0)
	for off := 0; off < len(t.docs); n++ {
		x, k := strUvarint(t.docs, off)
		if k <= off || x > covered || (n > 0 && x == 0) {
			return false
		}
		off = k
		d += x
		if d >= covered {
			return false
		}
	}
	return n == t.n && (n == 0 || d == t.last)
}

// appendDocs returns t with docs, in increasing order and all after
// t.last, added.
func (t tier) appendDocs(docs []uint32) tier {
	if len(docs) == 0 {
		return t
	}
	b := make([]byte, 0, len(t.docs)+2*len(docs))
	b = append(b, t.docs...)
	prev := t.last
	if t.n == 0 {
		prev = 0
	}
	for _, d := range docs {
		b = binary.AppendUvarint(b, uint64(d-prev))
		prev = d
	}
	t.docs, t.n, t.last = string(b), t.n+uint32(len(docs)), prev
	return t
}

// makeTiers returns a group's tiers from its articles' g (times
// impactScale, rounded up), qs[i] being that of docs[i]; hist counts the
// articles at each g, and is cleared.
func makeTiers(docs []uint32, qs []uint16, hist []uint32) []tier {
	limit := len(docs) / tierShare
	var tiers []tier
	// Each tier's lowest g: the highest at which the articles from the
	// top reach its cumulative size.
	var lows []int
	cum, want := 0, 0
	q := impactScale
	for _, size := range tierSizes {
		want += size
		if want > limit {
			break
		}
		for ; q > 0 && cum < want; q-- {
			cum += int(hist[q])
		}
		if cum < want {
			break
		}
		lows = append(lows, q+1)
		// The rest's highest g: the next one held by any article.
		r := q
		for r > 0 && hist[r] == 0 {
			r--
		}
		tiers = append(tiers, tier{rest: uint16(r)})
	}
	clear(hist)
	if len(tiers) == 0 {
		return nil
	}
	lists := make([][]uint32, len(tiers))
	for i, d := range docs {
		for t, low := range lows {
			if int(qs[i]) >= low {
				lists[t] = append(lists[t], d)
				break
			}
		}
	}
	for t := range tiers {
		slices.Sort(lists[t])
		tiers[t] = tiers[t].appendDocs(lists[t])
	}
	return tiers
}

// extendTiers returns tiers with the articles added since they were
// made, docs with g qs, each in the first tier whose rest it exceeds.
func extendTiers(tiers []tier, docs []uint32, qs []uint16) []tier {
	lists := make([][]uint32, len(tiers))
	for i, d := range docs {
		for t := range tiers {
			if qs[i] > tiers[t].rest {
				lists[t] = append(lists[t], d)
				break
			}
		}
	}
	out := make([]tier, len(tiers))
	for t := range tiers {
		slices.Sort(lists[t])
		out[t] = tiers[t].appendDocs(lists[t])
	}
	return out
}

// Stage marks of a search by tiers, in scratch.stage: an article of the
// tier being scored, and one already scored.
const (
	tierScored  = 1
	tierPending = 2
)

// tierWord is a positive word of a search by tiers: its groups with
// tiers, and its forms in groups without, whose articles are all scored.
type tierWord struct {
	r      *resolved
	groups []groupWeight
	small  []form
	pre    []tier // a prefix's own tiers, in place of groups'
}

// evalTiers returns the best limit results of a search of common words
// by scoring their groups' tiers (see above), and false when it could
// not settle them so, having put back what it did to s.
func (ix *Index) evalTiers(s *scratch, q *query, pos, neg []resolved, limit int) ([]hit, bool) {
	n := len(ix.docs)
	if !useBounds || !useTiers || limit <= 0 || len(pos) == 0 || len(pos) > maxTierWords || q.phrases() {
		return nil, false
	}
	// Of several words, only two without title: try, and only their
	// first tiers (see tiersPairs).
	pair := len(pos) > 1 && !tiersMulti && !tiersAlways
	if pair && (!tiersPairs || len(pos) > 2 || pos[0].title || pos[1].title) {
		return nil, false
	}
	// Nor a word and a short prefix of dozens of completions ("energy
	// p"): sorting their forms into groups would cost more than the
	// rare search it might settle saves.
	if pair && len(pos[0].forms)+len(pos[1].forms) > maxSweepForms {
		return nil, false
	}
	it := &ix.impacts
	if it.bits != impactBits || n-int(it.covered) > tierTail || len(it.tiers) == 0 {
		return nil, false
	}
	// A word in fewer than half the articles, alone, unfiltered, is
	// read by segments for less (evalBlocks): its tiers' articles are
	// spread over so much of its postings that seeking them decodes
	// about as many as the segments hold (at 100,000 articles,
	// "harbour" 0.42 ms by segments, 0.71 ms by its first tier).
	filtered := q.dated || len(q.outlets) > 0 || len(neg) > 0 || pos[0].title
	if len(pos) == 1 && !tiersAlways && !filtered && uint64(pos[0].df)*tiersFrom < uint64(n) {
		return nil, false
	}
	words := make([]tierWord, len(pos))
	var forms, postingsAll uint64
	for i := range pos {
		r := &pos[i]
		if r.bucket != nil || r.df < ix.impactMin() {
			return nil, false
		}
		w := &words[i]
		w.r = r
		// A prefix with tiers of its own (see prefixtiers.go): the
		// forms made since are scored whole.
		if pt, ok := it.prefixes[r.text]; ok && r.prefix && usePrefixTiers {
			w.pre = pt.tiers
			for _, f := range r.forms {
				forms++
				postingsAll += uint64(ix.terms[f.id].df)
				if f.id >= pt.terms {
					w.small = append(w.small, f)
				}
			}
			continue
		}
		for _, f := range r.forms {
			g := ix.terms[f.id].group
			forms++
			postingsAll += uint64(ix.terms[f.id].df)
			if _, table := it.groups[g]; !table {
				w.small = append(w.small, f)
				continue
			}
			if len(it.tiers[g]) == 0 {
				return nil, false
			}
			j := slices.IndexFunc(w.groups, func(t groupWeight) bool { return t.g == g })
			if j < 0 {
				j = len(w.groups)
				w.groups = append(w.groups, groupWeight{g: g})
			}
			w.groups[j].add(f.weight)
		}
		if len(w.groups) == 0 {
			return nil, false
		}
		// A word without a form of its own (a prefix: its forms weigh
		// 0.9 or 0.6) is bounded up to 1.5 times above the tiers'
		// measure, too loosely to settle ("elect": not by three tiers
		// at 100,000).
		for _, g := range w.groups {
			if g.factor() > 1.001 && !tiersAlways { // above rounding
				return nil, false
			}
		}
	}
	if pair {
		// The first tier of the rarer word, sought in the two words'
		// lists, against reading those: at 100,000 articles, seeking
		// 512 articles in lists of some 35,000 postings decodes about
		// all of them, and costs the searches it does not settle as
		// much as the sweep saves the others ("housing rent" 1.7 →
		// 2.2 ms); at a million the lists are ten times longer and
		// the tier as long.
		n0 := uint64(0)
		for _, g := range words[0].groups {
			if ts := it.tiers[g.g]; len(ts) > 0 {
				n0 += uint64(ts[0].n)
			}
		}
		if len(words[0].pre) > 0 {
			n0 += uint64(words[0].pre[0].n)
		}
		if n0*seekCost*forms > 2*postingsAll {
			return nil, false
		}
	}
	avgdl := float64(ix.totalLen) / float64(ix.live)
	corr := 1.0
	if e := k1 * b / avgdl; it.eRef > e {
		corr = it.eRef / e
	}
	stage := s.stage
	var all, batch []uint32 // every article put in a batch; the batch
	var found []uint32
	best := make([]float32, 0, limit) // a min-heap of the best scores
	put := func(d uint32) {
		if stage[d] == 0 {
			stage[d] = tierPending
			batch = append(batch, d)
		}
	}
	// The first batch: the articles past the tables' cover and those
	// holding a form without tiers.
	for d := it.covered; d < uint32(n); d++ {
		put(d)
	}
	for _, w := range words {
		for _, f := range w.small {
			p := postings{b: ix.terms[f.id].post}
			for p.next() {
				put(p.doc)
			}
		}
	}
	var tds []uint32
	half := pair
	for t := 0; ; t++ {
		more := false
		for i, w := range words {
			if half && i > 0 {
				break
			}
			if ts := w.pre; t < len(ts) {
				tds = ts[t].tierDocs(tds[:0])
				for _, d := range tds {
					put(d)
				}
				more = more || t+1 < len(ts)
			}
			for _, g := range w.groups {
				ts := it.tiers[g.g]
				if t < len(ts) {
					tds = ts[t].tierDocs(tds[:0])
					for _, d := range tds {
						put(d)
					}
					more = more || t+1 < len(ts)
				}
			}
		}
		slices.Sort(batch)
		all = append(all, batch...)
		// Each word in turn, as the full read scores them: an article
		// without it is dropped.
		matched := batch
		for _, w := range words {
			matched = ix.scoreBatch(s, w.r, matched)
		}
		for _, d := range matched {
			stage[d] = tierScored
		}
		sorted := true
		ix.markNegatives(s, neg, matched, &sorted)
		for _, d := range ix.admit(s, q, matched, nil) {
			found = append(found, d)
			best = keepBest(best, s.score[d], limit)
		}
		batch = batch[:0]
		if len(best) == limit {
			// What an article in no tier so far may score.
			bound := 0.0
			for _, w := range words {
				g := 0.0
				if ts := w.pre; len(ts) > 0 {
					x := float64(ts[min(t, len(ts)-1)].rest) / impactScale
					g += corr * x / (1 + (corr-1)*x)
				}
				for _, gw := range w.groups {
					ts := it.tiers[gw.g]
					k := gw.factor() * corr
					x := float64(ts[min(t, len(ts)-1)].rest) / impactScale
					g += k * x / (1 + (k-1)*x)
				}
				bound += float64(w.r.idf) * (k1 + 1) * min(g, 1)
			}
			if half && reachRel(bound) < float64(best[0]) {
				// The first word's first tier alone beats what the
				// rest allows: with the second's, whose articles
				// only raise the results, the search settles.
				half = false
				t--
				continue
			}
			if !half && reachRel(bound) < float64(best[0]) {
				if bs := countBlocks; bs != nil {
					bs.tiered++
					bs.tierArticles += len(all)
					if words[0].pre != nil {
						bs.prefixTiered++
					}
					if pair {
						bs.pairTiered++
					}
				}
				return ix.top(s, found, limit), true
			}
		}
		if !more || pair {
			break
		}
		// Seeking more articles than about half the words' postings
		// would cost more than the full read the search may need in
		// the end: give up ("elect", whose forms all weigh less than
		// 1, is bounded loosely and would read three tiers for
		// nothing).
		if uint64(len(all))*seekCost*forms > postingsAll/2 {
			break
		}
	}
	// Not settled: put s back for the full read.
	for _, d := range all {
		if stage[d] != excluded {
			stage[d] = 0
		}
		s.score[d] = 0
	}
	if bs := countBlocks; bs != nil {
		bs.tierFailed++
	}
	return nil, false
}

// maxTierWords is how many positive words a search by tiers may have.
const maxTierWords = 4

// tiersMulti lets searches of several words try their tiers. Off: at
// a million articles, the articles of two or three words' first tiers
// cost more to look up than the segments' sweep reads ("hospital
// nurses" 7.3 → 11.2 ms, settled after 5,119 articles; "court verdict
// appeal", not settled, 17.9 → 21.7 ms; BENCHMARKS.md, "Search at a
// million: a very common word's best articles").
var tiersMulti = false

// tiersPairs lets a search of two words (neither title:) try their first
// tiers: the union of both words' best ~512 articles scored exactly
// settles a search of two common words that are often together ("energy
// prices", whose segments' sweep read 40% of the segments at 100,000
// articles and 20% at a million). The rarer word's first tier is scored
// first (both words, exactly): unless its results already beat what an
// article in neither first tier may score, the search gives up there,
// having paid half; when they do, the other word's first tier is scored
// too, which only raises the results, and the search settles. The later
// tiers (thousands of articles) and three words or title: (bounded too
// loosely to settle: "court verdict appeal", "title:election council")
// cost more than they save (BENCHMARKS.md, "Search at a million: two
// common words' first tiers").
var tiersPairs = true

// reachRel is reach without its absolute margin: a word in nearly every
// article has an idf, and scores, near 1e-5, against which reach's 1e-6
// is a tenth; float32 rounding of a score errs by less than a millionth
// of it (a few operations, each within 2^-24), which the factor covers.
func reachRel(bound float64) float64 { return bound * 1.001 }

// scoreBatch adds the word r's score to the articles of batch (in
// order, all marked tierPending) exactly as scoreWord would, looking each
// up in the forms' postings, and returns, in place, those holding it; the
// others are marked tierScored.
func (ix *Index) scoreBatch(s *scratch, r *resolved, batch []uint32) []uint32 {
	if len(batch) == 0 {
		return batch
	}
	titleOnly := uint32(0)
	if r.title {
		titleOnly = inTitle
	}
	tfs, stage := s.tf, s.stage
	for _, f := range r.forms {
		w := f.weight
		p := postings{b: ix.terms[f.id].post}
		if sk := ix.skips[f.id]; len(sk) > 0 && useSkips && uint64(len(batch))*seekCost < uint64(ix.terms[f.id].df) {
			if !p.next() {
				continue
			}
			for _, d := range batch {
				if !p.seek(d, sk) {
					break
				}
				if p.doc == d && uint32(p.flags)&titleOnly == titleOnly {
					tfs[d] += w * weighted(p.count<<2|uint32(p.flags))
				}
			}
			continue
		}
		for p.next() {
			if stage[p.doc] == tierPending && uint32(p.flags)&titleOnly == titleOnly {
				tfs[p.doc] += w * weighted(p.count<<2|uint32(p.flags))
			}
		}
	}
	idf := r.idf
	out := batch[:0]
	for _, d := range batch {
		if tf := tfs[d]; tf != 0 {
			tfs[d] = 0
			s.score[d] += idf * tf * (k1 + 1) / (tf + s.norm[d])
			out = append(out, d)
			continue
		}
		stage[d] = tierScored
	}
	return out
}

// tierQ is an article's g, times impactScale and rounded up, as the
// tables hold it.
func tierQ(w, c, e float64) uint16 {
	return max(uint16(math.Ceil(impactScale*w/(w+c+e))), 1)
}
