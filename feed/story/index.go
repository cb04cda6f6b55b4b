package story

import (
	"math"
	"slices"
	"time"

	"github.com/broadsheet/broadsheet/feed/words"
)

// Which articles are compared at all. Comparing every article with every
// other in its window is quadratic, and at a hundred thousand articles
// it never ends, so articles are compared only when they share one of
// their strongest terms on days where few articles use it (blocking),
// or are near-copies of one another.
const (
	// keyTerms is how many of an article's strongest terms block: two
	// articles are compared only when they share one of them.
	keyTerms = 24
	// crowded is how many articles of one day may share a key term
	// before it stops pairing them: a term that many articles of a day
	// use says little about which event each reports, and pairing them
	// all is quadratic.
	crowded = 8
	// copyTerms is how many of an article's strongest terms make its
	// copy keys, one for each two of them: articles sharing a copy key,
	// on one day, may be near-copies. A light edit may reorder an
	// article's strongest terms, but seldom all of them.
	copyTerms = 4
	// anchors is how many near-copies of a day (the first by ID) every
	// other near-copy is compared with, so that a thousand copies of one
	// wire story cost thousands of comparisons, not millions.
	anchors = 8
	// weakShare is the share of Threshold from which a likeness is kept
	// for the averages clustering takes, though it links nothing.
	weakShare = 0.25
	// undated is the day of articles without a date.
	undated = math.MinInt32
)

// bucket names the articles of one day that have one copy key.
type bucket struct {
	term uint64
	day  int32
}

// dayBucket holds the articles of one day that have one key term.
type dayBucket struct {
	day  int32
	docs []*doc // in ID order
}

// index finds the articles worth comparing with an article. Whether two
// articles are compared depends on the two and on how crowded their own
// buckets are, never on the order articles came in, and when a bucket
// crosses the crowded line its articles are compared afresh, so stories
// built one article at a time are those of a batch build.
type index struct {
	window int32                  // days
	terms  map[uint64][]dayBucket // articles by key term, a bucket a day, in day order
	copies map[bucket][]*doc      // near-copies by copy key and day, in ID order
}

func newIndex(window time.Duration) *index {
	return &index{
		window: int32((window + 24*time.Hour - 1) / (24 * time.Hour)),
		terms:  make(map[uint64][]dayBucket),
		copies: make(map[bucket][]*doc),
	}
}

// dayOf returns the article's day number, or undated.
func dayOf(t time.Time) int32 {
	if t.IsZero() {
		return undated
	}
	return int32(t.Unix() / 86400)
}

// keysOf returns an article's key terms, sorted, and its copy keys,
// from its vector of all terms, in any order, and their weights, sorted:
// its keyTerms strongest terms, and twos of its copyTerms strongest. Of
// terms of one weight at the cut, those of the lowest hashes count.
func keysOf(vec []hashed, ws []float64) (keys, copyKeys []uint64) {
	keys = strongestHashes(make([]uint64, 0, keyTerms), vec, ws, keyTerms)
	slices.Sort(keys)
	top := strongestHashes(make([]uint64, 0, copyTerms), vec, ws, copyTerms)
	slices.Sort(top)
	for i, a := range top {
		for _, b := range top[i+1:] {
			copyKeys = append(copyKeys, ((words.HashStart^a)*words.HashPrime^b)*words.HashPrime)
		}
	}
	return keys, copyKeys
}

// strongestHashes appends to dst the hashes of the n strongest of ts,
// whose weights ws holds sorted; of those of one weight at the cut, the
// lowest hashes.
func strongestHashes(dst []uint64, ts []hashed, ws []float64, n int) []uint64 {
	if len(ts) <= n {
		for _, t := range ts {
			dst = append(dst, t.h)
		}
		return dst
	}
	cut := ws[len(ws)-n]
	for _, t := range ts {
		if t.w > cut {
			dst = append(dst, t.h)
		}
	}
	start := len(dst)
	for _, t := range ts {
		if t.w == cut {
			dst = append(dst, t.h)
		}
	}
	slices.Sort(dst[start:])
	return dst[:n]
}

// insert adds d to its buckets. It returns the articles whose
// comparisons changed with it: those of buckets that became crowded, and
// a near-copy anchor d displaced.
func (x *index) insert(d *doc, changed map[*doc]bool) {
	for _, t := range d.keys {
		days := x.terms[t]
		i, ok := findDay(days, d.day)
		if !ok {
			days = slices.Insert(days, i, dayBucket{day: d.day})
			x.terms[t] = days
		}
		b, _ := insertByID(days[i].docs, d)
		days[i].docs = b
		if len(b) == crowded+1 {
			for _, o := range b {
				changed[o] = true
			}
		}
	}
	for _, key := range d.copyKeys {
		k := bucket{key, d.day}
		c, i := insertByID(x.copies[k], d)
		x.copies[k] = c
		if i < anchors && len(c) > anchors {
			changed[c[anchors]] = true
		}
	}
}

// remove takes d out of its buckets, noting the articles whose
// comparisons changed: those of buckets no longer crowded, and the
// near-copy that became an anchor in d's place.
func (x *index) remove(d *doc, changed map[*doc]bool) {
	for _, t := range d.keys {
		days := x.terms[t]
		i, ok := findDay(days, d.day)
		if !ok {
			continue
		}
		b := slices.DeleteFunc(days[i].docs, func(o *doc) bool { return o == d })
		if len(b) == 0 {
			if days = slices.Delete(days, i, i+1); len(days) == 0 {
				delete(x.terms, t)
			} else {
				x.terms[t] = days
			}
			continue
		}
		days[i].docs = b
		if len(b) == crowded {
			for _, o := range b {
				changed[o] = true
			}
		}
	}
	for _, key := range d.copyKeys {
		k := bucket{key, d.day}
		c := x.copies[k]
		i := slices.Index(c, d)
		c = slices.Delete(c, i, i+1)
		if len(c) == 0 {
			delete(x.copies, k)
			continue
		}
		x.copies[k] = c
		if i < anchors && len(c) >= anchors {
			changed[c[anchors-1]] = true
		}
	}
}

// findDay returns where day's bucket is, or would be, in days, and
// whether it is there.
//
// A term of a large library has a bucket on most days, so the day's
// place is guessed from the first and last days, and the search starts
// there, widening until it holds the place: a few buckets read rather
// than a binary search's ten, each a cache miss.
func findDay(days []dayBucket, day int32) (int, bool) {
	lo, hi := 0, len(days)
	if hi > 16 {
		if days[0].day == undated {
			if day == undated {
				return 0, true
			}
			lo = 1
		}
		first, last := int64(days[lo].day), int64(days[hi-1].day)
		if d := int64(day); d > first && d < last {
			g := lo + int((d-first)*int64(hi-1-lo)/(last-first))
			// days[lo].day < day < days[hi-1].day, so the place is in
			// (lo, hi-1].
			if days[g].day < day {
				lo, hi = g, hi-1
				for step := 1; g+step < hi; step *= 2 {
					if days[g+step].day >= day {
						hi = g + step
						break
					}
					lo = g + step
				}
			} else {
				hi = g
				for step := 1; g-step > lo; step *= 2 {
					if days[g-step].day < day {
						lo = g - step
						break
					}
					hi = g - step
				}
			}
			// days[lo].day < day <= days[hi].day: the place is in (lo, hi].
			lo++
			hi++
		}
	}
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if days[m].day < day {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(days) && days[lo].day == day
}

// insertByID inserts d into ds, sorted by ID, and returns it with d's
// place. Articles added at once are filed in ID order (see Set.Add), so
// most go last.
func insertByID(ds []*doc, d *doc) ([]*doc, int) {
	if n := len(ds); n == 0 || byID(ds[n-1], d) < 0 {
		return append(ds, d), n
	}
	i, _ := slices.BinarySearchFunc(ds, d, byID)
	return slices.Insert(ds, i, d), i
}

// candidates calls fn once for every article d is to be compared with:
// those sharing a key term with it, in uncrowded buckets of days within
// the window, and its near-copies' anchors (all its near-copies when d is
// an anchor itself). It notes them in seen, which it clears first. It
// only reads the index, so several searches may run at once, each with
// its own seen.
func (x *index) candidates(d *doc, seen *seen, fn func(o *doc)) {
	seen.clear()
	see := func(o *doc) {
		if o != d && seen.add(o) {
			fn(o)
		}
	}
	for _, t := range d.keys {
		days := x.terms[t]
		at, ok := findDay(days, d.day)
		if !ok || len(days[at].docs) > crowded {
			continue
		}
		near := func(b dayBucket) {
			if len(b.docs) <= crowded {
				for _, o := range b.docs {
					see(o)
				}
			}
		}
		if d.day == undated {
			// Undated articles are in every article's window.
			for _, b := range days {
				near(b)
			}
			continue
		}
		if days[0].day == undated {
			near(days[0])
		}
		// The window's first day, a few buckets at most before d's own.
		i := at
		for i > 0 && days[i-1].day >= d.day-x.window {
			i--
		}
		for ; i < len(days) && days[i].day <= d.day+x.window; i++ {
			near(days[i])
		}
	}
	for _, key := range d.copyKeys {
		c := x.copies[bucket{key, d.day}]
		if i, _ := slices.BinarySearchFunc(c, d, byID); i >= anchors {
			c = c[:anchors]
		}
		for _, o := range c {
			see(o)
		}
	}
}

// seen marks the articles one search met, by serial number. Clearing it
// costs nothing: a mark counts only when it holds the current round.
type seen struct {
	round uint32
	at    []uint32 // by serial: the round an article was last met in
}

// grow makes room for n serial numbers.
func (s *seen) grow(n int32) {
	if int(n) > len(s.at) {
		s.at = append(s.at, make([]uint32, int(n)-len(s.at)+int(n)/4)...)
	}
}

// clear starts a new round.
func (s *seen) clear() {
	s.round++
	if s.round == 0 { // wrapped: forget every old round
		clear(s.at)
		s.round = 1
	}
}

// has reports whether o was marked this round.
func (s *seen) has(o *doc) bool { return s.at[o.serial] == s.round }

// add marks o, reporting whether it was not yet marked this round.
func (s *seen) add(o *doc) bool {
	if s.at[o.serial] == s.round {
		return false
	}
	s.at[o.serial] = s.round
	return true
}
