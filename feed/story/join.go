package story

import (
	"math"
	"slices"
	"time"
)

// Stories of one event that clustering left apart are joined by what
// each story is about as a whole. Articles are compared in pairs, and
// two reports of one event may share little but the event's names: an
// arrest and the charges a week on, a fire and the arson inquiry. A
// story's centroid (the sum of its articles' vectors) keeps what its
// reports share and lets what each alone tells fade, so two stories'
// centroids are alike when they tell of one event, and less so when they
// only share a subject.
const (
	// storyLike is how alike two stories with dated articles must be
	// to join: the weighted geometric mean of the cosines of their
	// whole centroids and of their centroids without names (as alike
	// weighs two articles), so that shared names alone are not enough.
	storyLike = 0.45
	// undatedStoryLike is how alike two stories of undated articles
	// must be to join: the cosine of their whole centroids, where the
	// names, numbers and places they share count double (as for two
	// undated articles, see undatedLikeness). A story of undated
	// articles never joins one with a date: nothing places it in that
	// story's time. Nor do the years two undated stories name keep
	// them apart, as they keep apart two dated stories (or any two
	// articles, see yearsShared): with no date, the years a story names
	// are those its reports look back to (a record, a former trial, a
	// past uprising), and the more reports a story gathers, the more
	// pasts it names; two stories of one event may recall different
	// ones. The bars above, in names too, must still be met.
	undatedStoryLike = 0.4
	// storyNames is how alike two stories' names (people, places,
	// bodies: the terms of their centroids that are names, or pairs
	// holding one) must be for the stories to join, whatever else they
	// share. A large story's centroid leans towards the words every
	// report of its kind uses, so two stories of one subject, a town's
	// or a league's, may read alike as a whole; one event's reports
	// name the same people and places.
	storyNames = 0.4
	// storyReach is how far apart in time two stories' dated articles
	// may be for the stories to join: the reports of one event run on
	// for weeks (a trial, a recall, an inquiry), beyond the window in
	// which two single articles are compared.
	storyReach = 60 * 24 * time.Hour
)

// loneShare names a rule, not a number: a lone article joins a story of
// its linked group, whatever their centroids, when it is at least
// joinShare times Threshold alike to one of the story's reports (twice
// what linking asks, as for two undated articles) and the bars on time,
// years and names (storyNames) are met; commentary never joins so. A
// brief tells the one moment of an event that one of its reports tells,
// and the story's other reports, of other moments, pull its average
// likeness to them, and its likeness to their centroid, under the bars.
const loneShare = joinShare

// joinStories merges, best first, the clusters of one linked group
// that tell of one event by their centroids (see the constants above),
// until no two do. Only clusters with at least one compared pair between
// them (a weak link, see weakShare, or a pair kept for joining, see
// likeness) are candidates, so that the stories a group makes depend on
// the group alone. members, alive and sum are
// cluster's, updated in place.
//
// A lone article may also join a story by its own links, whatever the
// centroids: see lone.
func joinStories(members [][]*doc, alive []bool, sum *sums, threshold float64, serials int32) {
	n := len(members)
	cents := make([]vector, n)
	spans := make([]span, n)
	version := make([]int32, n)
	for i := range n {
		if alive[i] {
			spans[i] = spanOf(members[i])
		}
	}
	centre := func(i int) vector {
		if cents[i].hash == nil {
			cents[i] = centroid(members[i])
		}
		return cents[i]
	}
	// norms holds each centroid's namesNorm, or -1 until asked for.
	norms := make([]float64, n)
	for i := range norms {
		norms[i] = -1
	}
	norm := func(i int) float64 {
		if norms[i] < 0 {
			norms[i] = namesNorm(centre(i))
		}
		return norms[i]
	}
	// of holds each article's cluster, made when lone first asks.
	var of docPlaces
	ofMade := false
	// lone reports whether cluster i is one article at least joinShare
	// times threshold alike to one of cluster j's (see loneShare).
	lone := func(i, j int) bool {
		if len(members[i]) != 1 {
			return false
		}
		if !ofMade {
			size := 0
			for k := range n {
				if alive[k] {
					size += len(members[k])
				}
			}
			of, ofMade = newDocPlaces(size, serials), true
			for k := range n {
				if alive[k] {
					for _, d := range members[k] {
						of.set(d, int32(k))
					}
				}
			}
		}
		for _, l := range members[i][0].near {
			if l.v >= threshold*loneShare {
				if k, ok := of.get(l.o); ok && int(k) == j {
					return true
				}
			}
		}
		return false
	}
	// A cluster is scored against its neighbours in turn: its centroid
	// is loaded in ti (see termIndex), which gives the same sums.
	var ti termIndex
	loaded := -1
	load := func(i int) {
		if loaded != i {
			ti.load(centre(i))
			loaded = i
		}
	}
	// score returns how far over its bar two clusters' likeness is (1
	// at the bar), or 0 when they may not join.
	score := func(i, j int) float64 {
		a, b := &spans[i], &spans[j]
		if a.dated != b.dated || a.dated && yearsShared(a.years, b.years) < 0 {
			return 0
		}
		if a.dated && max(a.lo, b.lo)-min(a.hi, b.hi) > int64(storyReach/time.Second) {
			return 0
		}
		var all, words float64
		switch loaded {
		case i:
			all, words = ti.dot(centre(j))
		case j:
			all, words = ti.dot(centre(i))
		default:
			all, words = centre(i).dot(centre(j))
		}
		if all <= 0 || words <= 0 {
			return 0
		}
		v := all / undatedStoryLike
		if a.dated {
			v = math.Pow(all, namesShare) * math.Pow(words, 1-namesShare) / storyLike
		}
		if v < 1 && (lone(i, j) || lone(j, i)) {
			v = 1 // see loneShare
		}
		if a.comment || b.comment {
			v *= commentShare // see commentShare
		}
		if v < 1 {
			return 0
		}
		var names float64
		switch loaded {
		case i:
			names = ti.namesDot(centre(j))
		case j:
			names = ti.namesDot(centre(i))
		default:
			names = namesDot(centre(i), centre(j))
		}
		if namesCosine(names, norm(i), norm(j)) < storyNames {
			return 0
		}
		return v
	}
	var h pairs
	for i := range n {
		if !alive[i] {
			continue
		}
		for _, c := range sum.rows[i] {
			if j := int(c.k); i < j && alive[j] {
				load(i)
				if v := score(i, j); v >= 1 {
					h = append(h, pair{avg: v, i: int32(i), j: int32(j)})
				}
			}
		}
	}
	if len(h) == 0 {
		return
	}
	h.init()
	for len(h) > 0 {
		p := h.pop()
		if !alive[p.i] || !alive[p.j] || version[p.i] != p.vi || version[p.j] != p.vj {
			continue
		}
		i, j := int(p.i), int(p.j)
		if ofMade {
			for _, d := range members[j] {
				of.set(d, int32(i))
			}
		}
		merge(i, j, members, alive, sum)
		version[i]++
		cents[i], cents[j] = vector{}, vector{}
		norms[i], norms[j] = -1, -1
		if loaded == i || loaded == j {
			loaded = -1
		}
		spans[i] = spanOf(members[i])
		// Visit the neighbours in order, so that ties fall the same way
		// whatever order the sums are in.
		ks := make([]int, 0, len(sum.rows[i]))
		for x, c := range sum.rows[i] {
			if k := int(c.k); alive[k] {
				sum.mirror(i, x)
				ks = append(ks, k)
			}
		}
		slices.Sort(ks)
		if len(ks) > 0 {
			load(i)
		}
		for _, k := range ks {
			a, b := min(i, k), max(i, k)
			if v := score(a, b); v >= 1 {
				h.push(pair{avg: v, i: int32(a), j: int32(b), vi: version[a], vj: version[b]})
			}
		}
	}
}

// centroid returns the sum of a story's vectors, its whole part and its
// part without names each made of unit length, so that the dot products
// of two are their cosines.
func centroid(ms []*doc) vector {
	if len(ms) == 1 {
		return ms[0].vec // of unit length already
	}
	if !slices.IsSortedFunc(ms, byID) {
		ms = slices.Clone(ms)
		slices.SortFunc(ms, byID) // sum in one order, to the last bit
	}
	// Sum the vectors, sorted by hash, two at a time, in rounds: a
	// merge of sorted runs costs less than sorting them all.
	runs := make([]vector, len(ms))
	for i, m := range ms {
		runs[i] = m.vec
	}
	for len(runs) > 1 {
		next := runs[:0]
		for i := 0; i < len(runs); i += 2 {
			if i+1 == len(runs) {
				next = append(next, runs[i])
				continue
			}
			next = append(next, addVectors(runs[i], runs[i+1]))
		}
		runs = next
	}
	out := runs[0]
	var na, nw float64
	for _, t := range out.w {
		na += float64(t.all) * float64(t.all)
		nw += float64(t.words) * float64(t.words)
	}
	na, nw = math.Sqrt(na), math.Sqrt(nw)
	for i := range out.w {
		t := &out.w[i]
		if na > 0 {
			t.all = float32(float64(t.all) / na)
		}
		if nw > 0 {
			t.words = float32(float64(t.words) / nw)
		}
	}
	return out
}

// addVectors returns the sum of two vectors sorted by hash, sorted by
// hash, in a new vector.
func addVectors(v, w vector) vector {
	n := v.len() + w.len()
	out := vector{make([]uint32, 0, n), make([]weight, 0, n)}
	i, j := 0, 0
	for i < v.len() && j < w.len() {
		switch {
		case v.hash[i] < w.hash[j]:
			out.add(v.hash[i], v.w[i])
			i++
		case v.hash[i] > w.hash[j]:
			out.add(w.hash[j], w.w[j])
			j++
		default:
			out.add(v.hash[i], weight{all: v.w[i].all + w.w[j].all, words: v.w[i].words + w.w[j].words})
			i++
			j++
		}
	}
	out.hash = append(append(out.hash, v.hash[i:]...), w.hash[j:]...)
	out.w = append(append(out.w, v.w[i:]...), w.w[j:]...)
	return out
}

// span is when a story's dated articles are, and the years its articles
// name or are dated in.
type span struct {
	lo, hi int64 // seconds of the earliest and latest dated article
	dated  bool
	years  []int16
	// comment marks a story of commentary alone (see commentShare).
	comment bool
}

func spanOf(ms []*doc) span {
	sp := span{comment: true}
	for _, m := range ms {
		sp.comment = sp.comment && m.comment
		if m.sec != undatedSec {
			if !sp.dated || m.sec < sp.lo {
				sp.lo = m.sec
			}
			if !sp.dated || m.sec > sp.hi {
				sp.hi = m.sec
			}
			sp.dated = true
		}
		sp.years = append(sp.years, m.years...)
	}
	slices.Sort(sp.years)
	sp.years = slices.Compact(sp.years)
	return sp
}

// namesLike returns the cosine of two centroids' names: their terms
// that are in the whole vectors only (see vector), which are names and
// pairs of words holding one.
func namesLike(v, w vector) float64 {
	return namesCosine(namesDot(v, w), namesNorm(v), namesNorm(w))
}

// namesNorm returns the sum of the squares of a vector's names' weights.
func namesNorm(v vector) float64 {
	var n float64
	for _, t := range v.w {
		if t.words == 0 {
			n += float64(t.all) * float64(t.all)
		}
	}
	return n
}

// namesDot returns the dot product of two vectors' names, summed in hash
// order.
func namesDot(v, w vector) float64 {
	var dot float64
	for i, j := 0, 0; i < v.len() && j < w.len(); {
		switch {
		case v.hash[i] < w.hash[j]:
			i++
		case v.hash[i] > w.hash[j]:
			j++
		default:
			if v.w[i].words == 0 && w.w[j].words == 0 {
				dot += float64(v.w[i].all) * float64(w.w[j].all)
			}
			i++
			j++
		}
	}
	return dot
}

// namesCosine returns the cosine of two vectors' names from their dot
// product and their namesNorms.
func namesCosine(dot, nv, nw float64) float64 {
	if nv == 0 || nw == 0 {
		return 0
	}
	return dot / math.Sqrt(nv*nw)
}

// likeness returns sim's likeness of two articles (a's terms read from
// ta, see simWith), negated when they
// do not link but the stories they are in are to be weighed for joining
// (see joinStories): two dated articles that would link but for the
// days between them, at least joinShare times Threshold alike before
// their time apart eases it. The reports of one event run on for days,
// and the later ones tell more of what followed than of what happened,
// so that two articles a few days apart may not link while the stories
// they are in, as a whole, tell of one event. An undated article must
// link to bring its story to be weighed: nothing places it in time.
func (s *Set) likeness(a, b *doc, ta *termIndex) float64 {
	if a.sec == undatedSec || b.sec == undatedSec {
		return commented(a, b, s.simWith(a, b, ta))
	}
	d, ok := s.apart(a, b)
	if !ok {
		return 0
	}
	var v float64
	if ta != nil {
		v = alikeBy(ta.dot(b.vec))
	} else {
		v = alike(a, b)
	}
	v = commented(a, b, v)
	near := v * s.nearness(d)
	if near < s.opt.Threshold && v >= s.opt.Threshold*joinShare {
		return -max(near, math.SmallestNonzeroFloat64)
	}
	return near
}

// joinShare is how many times Threshold two dated articles must be
// alike, before their time apart eases it, for their stories to be
// weighed for joining: twice, as two undated articles must be to link
// (see undatedShare), since time then counts for nothing.
const joinShare = 1 / undatedShare

// commented returns the likeness v of two articles, of which one or
// both may read as commentary: then it counts for commentShare of
// itself, unless they are near-copies.
func commented(a, b *doc, v float64) float64 {
	if (a.comment || b.comment) && v < copyLike {
		return v * commentShare
	}
	return v
}
