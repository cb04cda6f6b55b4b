// Package search finds articles by the words in them and ranks them: an
// in-memory inverted index with folded and stemmed words, BM25 ranking,
// phrases, exclusions, filters and prefix matching for search as you type.
package search

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/words"
)

// Result is one article that matches a query.
type Result struct {
	Article *feed.Article
	Score   float64
	// Snippet is a short passage of the article around its best match,
	// and Matches the byte ranges within it of the matched words.
	Snippet string
	Matches [][2]int

	// hl finds the matched words for a snippet not made yet (see Fill).
	hl *highlighter
}

// Fill makes the result's snippet and matches when they were left to be
// made (see Results); otherwise it does nothing.
func (r *Result) Fill() {
	if r.hl != nil {
		r.Snippet, r.Matches = snippet(r.Article, r.hl)
		r.hl = nil
	}
}

// Ranking weights.
const (
	k1 = 1.2
	b  = 0.75
	// titleBoost and leadBoost are added to a word's count in an
	// article whose title or lead holds it.
	titleBoost = 3
	leadBoost  = 1
	// otherForm weighs a word that only shares the query word's stem,
	// "elected" for "elections", against the exact form.
	otherForm = 0.6
	// completion weighs a word the prefix being typed completes to.
	completion = 0.9
	// maxCompletions bounds how many words a prefix expands to, most
	// common first, and prefixPostings how many postings they may hold
	// as a multiple of the article count: a one-letter prefix would
	// otherwise read the whole index on every keystroke.
	maxCompletions = 256
	prefixPostings = 2
	// bucketWeight is the count given to an article holding a word
	// that only begins with a one- or two-letter prefix being typed.
	bucketWeight = 0.5
)

// form is one indexed term a query word matches, and its weight.
type form struct {
	id     uint32
	weight float32
}

// resolved is a query word looked up in the index.
type resolved struct {
	forms  []form
	bucket *bucket // for a prefix of one or two bytes
	df     uint32  // sum of the forms' article counts
	idf    float32
	title  bool
	clause int
	text   string // the word as typed, folded
	prefix bool   // whether its completions are among the forms
}

// scratch is per-search working memory, one slot per article.
type scratch struct {
	stage []uint16  // how many words an article has matched so far
	score []float32 // BM25 score so far
	tf    []float32 // the current word's weighted count
	list  []uint32
	next  []uint32
	pos   [][]uint32
	// norm holds each article's length normalisation for the index
	// and its size named by normKey.
	someExcluded bool // whether exclude ruled any article out
	norm         []float32
	date         []int32
	outlet       []uint16
	normKey      normKey
}

type normKey struct {
	serial     uint64
	docs, live int
	totalLen   uint64
	changes    uint64
}

var scratches sync.Pool

func getScratch(n int) *scratch {
	s, _ := scratches.Get().(*scratch)
	if s == nil {
		s = &scratch{}
	}
	if len(s.stage) < n {
		n2 := n + n/4
		s.stage = make([]uint16, n2)
		s.score = make([]float32, n2)
		s.tf = make([]float32, n2)
	}
	return s
}

func putScratch(s *scratch, n int) {
	clear(s.stage[:n])
	clear(s.score[:n])
	scratches.Put(s)
}

// excluded marks an article in scratch.stage that a negated clause or a
// filter rules out.
const excluded = ^uint16(0)

// Search returns up to limit articles matching query, best first; a limit
// of 0 or less returns them all. See parseQuery for the syntax.
func (ix *Index) Search(query string, limit int) []Result {
	out := ix.Results(query, limit)
	for i := range out {
		out[i].Fill()
	}
	return out
}

// Results is Search without the snippets, which cost more than finding
// the results: call Fill on the results that are shown.
func (ix *Index) Results(query string, limit int) []Result {
	q := parseQuery(query)
	ix.mu.RLock()
	hits, hl := ix.eval(&q, limit)
	ix.mu.RUnlock()
	hl.index()
	out := make([]Result, len(hits))
	for i, h := range hits {
		out[i] = Result{Article: h.art, Score: float64(h.score), hl: hl}
	}
	return out
}

type hit struct {
	art   *feed.Article
	doc   uint32
	score float32
	date  int32
}

// eval runs a parsed query. It needs the read lock.
func (ix *Index) eval(q *query, limit int) ([]hit, *highlighter) {
	n := len(ix.docs)
	hl := &highlighter{}
	if n == 0 || ix.live == 0 || q.empty {
		return nil, hl
	}
	var pos, neg []resolved
	for ci, c := range q.clauses {
		for _, w := range c.words {
			r := ix.resolve(w, c.negate)
			r.title, r.clause = c.title, ci
			if len(r.forms) == 0 && r.bucket == nil {
				if w.prefix && words.IsStop(w.text) && len(q.clauses) > 1 {
					continue // "putin the|": the may become "theatre", or stay a stop word
				}
				if !c.negate {
					return nil, hl
				}
				continue
			}
			if c.negate {
				if !c.phrase {
					neg = append(neg, r)
				}
				continue
			}
			pos = append(pos, r)
			for _, f := range r.forms {
				hl.forms = append(hl.forms, ix.terms[f.id].text)
			}
			if w.prefix {
				hl.prefix = append(hl.prefix, w.text)
			}
		}
	}
	s := getScratch(n)
	defer putScratch(s, n)
	// Filters and deletions first: a word's postings then skip the
	// articles they rule out instead of scoring them.
	ix.prepare(s)
	ix.exclude(s, q)

	N := float32(ix.live)
	for i := range pos {
		df := float32(min(pos[i].df, uint32(ix.live)))
		pos[i].idf = float32(math.Log(1 + float64((N-df+0.5)/(df+0.5))))
	}
	// The rarest word first: later words then only touch the articles
	// that still match.
	slices.SortStableFunc(pos, func(a, b resolved) int { return cmp.Compare(a.df, b.df) })

	var cands []uint32 // the articles at the current stage, once known
	if len(pos) == 0 {
		cands = s.list[:0]
		for d := range ix.docs {
			if !ix.docs[d].deleted {
				cands = append(cands, uint32(d))
			}
		}
	}
	sorted := true // whether cands is in article order
	negDone := false
	bounded := useBounds && limit > 0 && len(pos) >= 2 && pos[len(pos)-1].bucket == nil && !q.phrases()
	if hits, ok := ix.evalTiers(s, q, pos, neg, limit); ok {
		return hits, hl
	}
	if len(pos) > 0 {
		if hits, ok := ix.evalBlocks(s, q, pos, neg, limit); ok {
			return hits, hl
		}
	}
	for k, r := range pos {
		if bounded && k == len(pos)-1 {
			ix.markNegatives(s, neg, cands, &sorted)
			negDone = true
			if hits, ok := ix.topBounded(s, &pos[k], cands, limit); ok {
				return hits, hl
			}
		}
		touched := ix.scoreWord(s, k, &r, cands, &sorted, nil)
		s.next, s.list = s.list, touched
		cands = touched
		if len(cands) == 0 {
			return nil, hl
		}
	}
	if !negDone {
		ix.markNegatives(s, neg, cands, &sorted)
	}
	return ix.top(s, ix.admit(s, q, cands, nil), limit), hl
}

// admit returns the candidates, in place, that pass what stage marks by
// now (filters, deletions and exclusions) and then the query's phrases,
// read within sp (nil: everywhere).
func (ix *Index) admit(s *scratch, q *query, cands []uint32, sp *segSpan) []uint32 {
	out := cands[:0]
	for _, d := range cands {
		if s.stage[d] != excluded {
			out = append(out, d)
		}
	}
	cands = out
	for ci, c := range q.clauses {
		if c.phrase && len(cands) > 0 {
			cands = ix.phrase(s, q, ci, cands, sp)
		}
	}
	return cands
}

// markNegatives marks in s.stage the articles holding a negated word,
// looking only for the candidates in a long postings list.
func (ix *Index) markNegatives(s *scratch, neg []resolved, cands []uint32, sorted *bool) {
	for _, r := range neg {
		for _, f := range r.forms {
			p := postings{b: ix.terms[f.id].post}
			if sk := ix.skipsFor(f.id, 1, len(cands)); len(sk) > 0 {
				if !*sorted {
					slices.Sort(cands)
					*sorted = true
				}
				if !p.next() {
					continue
				}
				for _, d := range cands {
					if !p.seek(d, sk) {
						break
					}
					if p.doc == d {
						s.stage[d] = excluded
					}
				}
				continue
			}
			for p.next() {
				s.stage[p.doc] = excluded
			}
		}
	}
}

// scoreWord adds the k-th positive word's score to the articles that
// matched the words before it (stage k), moves those holding it to stage
// k+1 and returns them. cands lists the articles at stage k (nil for the
// first word); a form whose postings are long against them is read by
// seeking to each candidate rather than in full, and cands is sorted
// for that when *sorted is false. With sp set, only the articles of its
// segment are read (see evalBlocks).
func (ix *Index) scoreWord(s *scratch, k int, r *resolved, cands []uint32, sorted *bool, sp *segSpan) []uint32 {
	touched := s.next[:0]
	stage := uint16(k)
	norm, score, tfs, stages := s.norm, s.score, s.tf, s.stage
	idf := r.idf
	// A word of one form is scored as its postings are read; the counts
	// of several forms are summed first.
	direct := len(r.forms) == 1 && r.bucket == nil
	var titleOnly uint32
	if r.title {
		titleOnly = inTitle
	}
	// A common first word of several forms touches most articles: its
	// counts are summed without listing the articles, which are then
	// found in order by one pass over them all.
	// So is a first word of several forms within a segment read by a
	// split search: a pass over the segment costs less than sorting.
	dense := useBounds && k == 0 && !direct && (uint64(r.df)*4 >= uint64(len(ix.docs)) || sp != nil && sweepBlocks)
	lo, hi := uint32(0), uint32(len(ix.docs))
	if sp != nil {
		lo, hi = sp.lo, sp.hi
	}
	// Every article is at stage 0 unless a filter or deletion ruled
	// some out: then the first word need not look.
	check := k > 0 || s.someExcluded
	for _, f := range r.forms {
		w := f.weight
		if sk := ix.skipsIn(f.id, k, len(cands), sp); len(sk) > 0 {
			if !*sorted {
				slices.Sort(cands)
				*sorted = true
			}
			p, ok := ix.postingsAt(f.id, sp)
			if !ok || !p.next() {
				continue
			}
			for _, d := range cands {
				if !p.seek(d, sk) {
					break
				}
				// A candidate may have been excluded since it was listed.
				if p.doc != d || stages[d] != stage || uint32(p.flags)&titleOnly != titleOnly {
					continue
				}
				tf := w * weighted(uint32(p.count)<<2|uint32(p.flags))
				if direct {
					score[d] += idf * tf * (k1 + 1) / (tf + norm[d])
					stages[d] = stage + 1
					touched = append(touched, d)
					continue
				}
				if tfs[d] == 0 {
					touched = append(touched, d)
				}
				tfs[d] += tf
			}
			continue
		}
		// The postings read in full, decoded here rather than through
		// postings.next: this loop is most of a search's time.
		p, ok := ix.postingsAt(f.id, sp)
		if !ok {
			continue
		}
		b, off, doc := p.b, p.off, p.doc
		stop := listPos{off: len(b)}
		for off < len(b) {
			at, before := off, doc
			var delta, v uint32
			if c := b[off]; c < 0x80 {
				delta, off = uint32(c), off+1
			} else {
				delta, off = uvarintAt(b, off)
			}
			doc += delta
			if c := b[off]; c < 0x80 {
				v, off = uint32(c), off+1
			} else {
				v, off = uvarintAt(b, off)
			}
			if n := v >> 2; n == 1 && b[off] < 0x80 {
				off++
			} else {
				off = skipVarints(b, off, n)
			}
			if doc >= hi {
				stop = listPos{off: at, doc: before}
				break
			}
			if doc < lo || check && stages[doc] != stage || v&titleOnly != titleOnly {
				continue
			}
			tf := w * weighted(v)
			if direct {
				score[doc] += idf * tf * (k1 + 1) / (tf + norm[doc])
				stages[doc] = stage + 1
				touched = append(touched, doc)
				continue
			}
			if !dense && tfs[doc] == 0 {
				touched = append(touched, doc)
			}
			tfs[doc] += tf
		}
		if sp != nil && sp.at != nil {
			if stop.off == len(b) {
				stop.doc = doc
			}
			sp.at[f.id] = stop
		}
	}
	if direct {
		// In article order, whether read in full or by seeking.
		*sorted = true
		return touched
	}
	if r.bucket != nil {
		// Words in a bucket count once, weakly: their counts are
		// not kept.
		p := postings{b: r.bucket.post}
		for p.off < len(p.b) {
			d := p.doc + p.uvarint()
			p.doc = d
			if stages[d] == stage && tfs[d] == 0 {
				if !dense {
					touched = append(touched, d)
				}
				tfs[d] = bucketWeight
			}
		}
	}
	if dense {
		for i, tf := range tfs[lo:hi] {
			if tf != 0 {
				d := lo + uint32(i)
				tfs[d] = 0
				score[d] += idf * tf * (k1 + 1) / (tf + norm[d])
				stages[d] = stage + 1
				touched = append(touched, d)
			}
		}
		*sorted = true
		return touched
	}
	for _, d := range touched {
		tf := tfs[d]
		tfs[d] = 0
		score[d] += idf * tf * (k1 + 1) / (tf + norm[d])
		stages[d] = stage + 1
	}
	*sorted = len(r.forms) == 0 // a bucket alone is read in order
	return touched
}

// weighted returns the count a posting gives its word, from its
// count<<2 | flags: the count, plus titleBoost in the title and
// leadBoost in the lead.
func weighted(v uint32) float32 {
	tf := float32(v >> 2)
	if v&inTitle != 0 {
		tf += titleBoost
	}
	if v&inLead != 0 {
		tf += leadBoost
	}
	return tf
}

// uvarintAt decodes the uvarint at b[off], returning it and the offset
// after it.
func uvarintAt(b []byte, off int) (uint32, int) {
	var x uint32
	var s uint
	for {
		c := b[off]
		off++
		if c < 0x80 {
			return x | uint32(c)<<s, off
		}
		x |= uint32(c&0x7f) << s
		s += 7
	}
}

// prepare fills s's copies of what searching reads of every article,
// unless they already hold them for the index as it is: the length
// normalisation k1·(1 − b + b·length/avgdl), the date (deletedDate for a
// deleted article) and the outlet.
func (ix *Index) prepare(s *scratch) {
	key := normKey{serial: ix.serial, docs: len(ix.docs), live: ix.live, totalLen: ix.totalLen, changes: ix.changes}
	if s.normKey == key && len(s.norm) == len(ix.docs) {
		return
	}
	s.normKey = key
	avgdl := float32(ix.totalLen) / float32(ix.live)
	n := len(ix.docs)
	if cap(s.norm) < n {
		c := n + n/4
		s.norm, s.date, s.outlet = make([]float32, 0, c), make([]int32, 0, c), make([]uint16, 0, c)
	}
	s.norm, s.date, s.outlet = s.norm[:n], s.date[:n], s.outlet[:n]
	for d := range ix.docs {
		doc := &ix.docs[d]
		dl := float32(doc.length)
		s.norm[d] = float32(k1 * (1 - b + b*dl/avgdl))
		s.date[d], s.outlet[d] = doc.date, doc.outlet
		if doc.deleted {
			s.date[d] = deletedDate
		}
	}
}

// deletedDate marks a deleted article in scratch.date.
const deletedDate = noDate + 1

// exclude marks in s.stage the articles that are deleted or fail the
// query's filters. It needs the read lock.
func (ix *Index) exclude(s *scratch, q *query) {
	s.someExcluded = ix.live < len(ix.docs) || q.dated || len(q.outlets) > 0
	if !q.dated && len(q.outlets) == 0 {
		if ix.live == len(ix.docs) {
			return
		}
		for d := range ix.docs {
			if ix.docs[d].deleted {
				s.stage[d] = excluded
			}
		}
		return
	}
	// Decide each outlet once rather than each article.
	var outletOK []bool
	if len(q.outlets) > 0 {
		outletOK = make([]bool, len(ix.outlets))
		for i, name := range ix.outlets {
			for _, o := range q.outlets {
				if name == o || strings.Contains(" "+name+" ", " "+o) {
					outletOK[i] = true
					break
				}
			}
		}
	}
	// From the compact copies prepare made: the dates, with deleted
	// articles marked, and the outlets.
	lo, hi := int32(deletedDate+1), int32(math.MaxInt32)
	if !q.dated {
		lo = noDate // undated articles too
	}
	if q.after != noDate {
		lo = max(lo, q.after)
	}
	if q.before != noDate {
		hi = q.before
	}
	stage := s.stage[:len(s.date)]
	if outletOK == nil && lo > deletedDate {
		// Dates alone, deleted and undated articles below lo: one
		// unsigned comparison and a store per article, no branch to
		// mispredict on dates in no order.
		width := uint64(max(int64(hi)-int64(lo), 0))
		for d, dt := range s.date {
			out := uint16(0)
			if uint64(int64(dt)-int64(lo)) >= width {
				out = excluded
			}
			stage[d] = out
		}
		return
	}
	for d, dt := range s.date {
		ok := dt >= lo && dt < hi && dt != deletedDate
		if ok && outletOK != nil {
			ok = outletOK[s.outlet[d]]
		}
		if !ok {
			stage[d] = excluded
		}
	}
}

// resolve looks a query word up: its own term and the terms sharing its
// stem, or for a prefix, the terms it completes to.
func (ix *Index) resolve(w qword, negate bool) resolved {
	if w.prefix && !negate && len(w.text) <= 2 {
		r := ix.formsOf(w.text, false, 0, 0)
		r.bucket = ix.buckets[bucketKey(w.text)]
		if r.bucket != nil {
			r.df = r.bucket.df
		}
		return r
	}
	// Completions, most common first, within the postings budget.
	return ix.formsOf(w.text, w.prefix && !negate, maxCompletions, uint32(prefixPostings*max(ix.live, 1000)))
}

// formsOf returns the forms of the word text: its own term, weighing 1,
// the terms sharing its stem, otherForm, and for a prefix the terms it
// completes to, completion, the most common first, up to comps of them
// and while their articles, summed, stay within budget. Every form's
// weight follows from its text alone, whatever the limits (prefixTiers
// relies on that).
func (ix *Index) formsOf(text string, prefix bool, comps int, budget uint32) resolved {
	r := resolved{text: text, prefix: prefix}
	seen := make(map[uint32]bool)
	addForm := func(id uint32, weight float32) {
		if seen[id] {
			return
		}
		seen[id] = true
		r.forms = append(r.forms, form{id: id, weight: weight})
		r.df += ix.terms[id].df
	}
	exact, ok := ix.termOf(text)
	if ok {
		addForm(exact, 1)
	}
	if g, ok := ix.groupIDs[words.Stem(text)]; ok {
		for _, id := range ix.groups[g] {
			addForm(id, otherForm)
		}
	}
	if !prefix {
		return r
	}
	for i, c := range ix.completions(text, comps) {
		if i >= comps || len(r.forms) > 0 && r.df+c.df > budget {
			break
		}
		addForm(c.id, completion)
	}
	return r
}

// phrase keeps the candidates in which clause ci's words stand together.
// With sp set, the candidates are all in its segment.
func (ix *Index) phrase(s *scratch, q *query, ci int, cands []uint32, sp *segSpan) []uint32 {
	c := q.clauses[ci]
	slices.Sort(cands)
	type wordPostings struct {
		its    []postings
		offset uint32
	}
	var ws []wordPostings
	for _, w := range c.words {
		r := ix.resolve(w, c.negate)
		if r.bucket != nil {
			continue // a short prefix only filters, by its bucket
		}
		wp := wordPostings{offset: w.offset}
		for _, f := range r.forms {
			if p, ok := ix.postingsAt(f.id, sp); ok && p.next() {
				wp.its = append(wp.its, p)
			}
		}
		ws = append(ws, wp)
	}
	if len(ws) < 2 {
		return cands // one word stands together with itself
	}
	if len(s.pos) < len(ws) {
		s.pos = make([][]uint32, len(ws))
	}
	out := cands[:0]
	for _, d := range cands {
		for i := range ws {
			ps := s.pos[i][:0]
			for j := range ws[i].its {
				it := &ws[i].its[j]
				for it.doc < d && it.off < len(it.b) {
					it.next()
				}
				if it.doc == d {
					ps = it.positions(ps)
				}
			}
			slices.Sort(ps)
			s.pos[i] = ps
		}
		titleLen := uint32(ix.docs[d].titleLen)
		found := false
		for _, p0 := range s.pos[0] {
			if c.title && p0 >= titleLen {
				break
			}
			all := true
			for i := 1; i < len(ws); i++ {
				want := p0 + ws[i].offset
				if _, ok := slices.BinarySearch(s.pos[i], want); !ok || c.title && want >= titleLen {
					all = false
					break
				}
			}
			if all {
				found = true
				break
			}
		}
		if found != c.negate {
			out = append(out, d)
		}
	}
	return out
}

// top returns the best limit candidates, best first: by score, then
// newest, then in the order they were added.
func (ix *Index) top(s *scratch, cands []uint32, limit int) []hit {
	mk := func(d uint32) hit {
		return hit{art: ix.docs[d].art, doc: d, score: s.score[d], date: ix.docs[d].date}
	}
	var hs []hit
	if limit <= 0 || len(cands) <= limit {
		hs = make([]hit, 0, len(cands))
		for _, d := range cands {
			hs = append(hs, mk(d))
		}
	} else {
		// A heap of the best hits seen, the worst of them on top.
		hs = make([]hit, 0, limit)
		for _, d := range cands {
			if len(hs) == limit && s.score[d] < hs[0].score {
				continue // cannot beat the worst kept
			}
			x := mk(d)
			if len(hs) < limit {
				hs = append(hs, x)
				worseUp(hs, len(hs)-1)
			} else if better(x, hs[0]) {
				hs[0] = x
				worseDown(hs, 0)
			}
		}
	}
	slices.SortFunc(hs, func(a, b hit) int {
		if better(a, b) {
			return -1
		}
		if better(b, a) {
			return 1
		}
		return 0
	})
	return hs
}

// better orders hits: higher score, then newer, then added first.
func better(a, b hit) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if a.date != b.date {
		return a.date > b.date
	}
	return a.doc < b.doc
}

// worseUp and worseDown keep hs a heap with the worst hit at the root,
// after the hit at i was added or replaced.
func worseUp(hs []hit, i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !better(hs[p], hs[i]) {
			return
		}
		hs[p], hs[i] = hs[i], hs[p]
		i = p
	}
}

func worseDown(hs []hit, i int) {
	for {
		w := i
		if l := 2*i + 1; l < len(hs) && better(hs[w], hs[l]) {
			w = l
		}
		if r := 2*i + 2; r < len(hs) && better(hs[w], hs[r]) {
			w = r
		}
		if w == i {
			return
		}
		hs[i], hs[w] = hs[w], hs[i]
		i = w
	}
}
