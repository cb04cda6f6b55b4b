package story

import "slices"

// cluster splits a linked group, sorted by ID, into stories by
// group-average agglomerative clustering: the two most alike clusters
// merge until no two average Threshold. Ties go to the pair that comes
// first in ID order. Each cluster comes back sorted by ID.
//
// Likeness is known only for the pairs the index compared and found at
// least weakly alike; every other pair counts as not alike at all. A
// linked group also holds the pairs kept for joining stories (see
// likeness), which count here as any other pair that far apart. So
// the sums between clusters are sparse, kept per cluster by neighbour,
// and the best pair comes off a heap: the work grows with the links in
// the group, not with the square or cube of its size.
//
// Near-copies (at least copyLike alike) start out as one cluster: the
// index compares a crowd of copies only with a few of them, and
// counting the pairs it skipped as not alike would split the crowd.
//
// Then clusters that tell of one event as a whole are joined (see
// joinStories).
func (s *Set) cluster(group []*doc) [][]*doc {
	n := len(group)
	if n == 1 {
		return [][]*doc{group}
	}
	at := make(map[*doc]int, n)
	for i, d := range group {
		at[d] = i
	}
	// sum[i][j] is the total likeness between clusters i and j.
	sum := make([]map[int]float64, n)
	members := make([][]*doc, n)
	version := make([]int, n)
	alive := make([]bool, n)
	// unit[i] is the first article of i's near-copies.
	unit := make([]int, n)
	for i := range unit {
		unit[i] = i
	}
	find := func(i int) int {
		for unit[i] != i {
			unit[i] = unit[unit[i]]
			i = unit[i]
		}
		return i
	}
	type link struct {
		i, j int
		v    float64
	}
	var links []link
	for i, d := range group {
		for _, l := range d.near {
			o, v := l.o, l.v
			if j, ok := at[o]; ok && i < j {
				links = append(links, link{i, j, v})
				if v >= copyLike {
					a, b := find(i), find(j)
					unit[max(a, b)] = min(a, b)
				}
			}
		}
	}
	// Sum in one order, so that the sums are the same to the last bit
	// whatever order the maps gave.
	slices.SortFunc(links, func(a, b link) int {
		if a.i != b.i {
			return a.i - b.i
		}
		return a.j - b.j
	})
	for i := range n {
		sum[i] = make(map[int]float64)
		if u := find(i); u != i {
			members[u] = append(members[u], group[i])
			continue
		}
		members[i] = append(members[i], group[i])
		alive[i] = true
	}
	floor := s.opt.Threshold * weakShare
	for _, l := range links {
		if a, b := find(l.i), find(l.j); a != b {
			// A pair kept for joining stories alone counts for
			// clustering as it would were it not: its likeness if
			// weakly alike, else nothing.
			v := l.v
			if v < 0 && -v >= floor {
				v = -v
			} else if v < 0 {
				v = 0
			}
			sum[a][b] += v
			sum[b][a] = sum[a][b]
		}
	}
	var h pairs
	for i := range n {
		for j, v := range sum[i] {
			if i < j {
				h = append(h, pair{avg: v / float64(len(members[i])*len(members[j])), i: i, j: j})
			}
		}
	}
	h.init()
	for len(h) > 0 {
		p := h.pop()
		if p.avg < s.opt.Threshold {
			break
		}
		if !alive[p.i] || !alive[p.j] || version[p.i] != p.vi || version[p.j] != p.vj {
			continue
		}
		i, j := p.i, p.j
		merge(i, j, members, alive, sum)
		version[i]++
		for k, v := range sum[i] {
			if !alive[k] {
				delete(sum[i], k)
				continue
			}
			sum[k][i] = v
			avg := v / float64(len(members[i])*len(members[k]))
			a, b := min(i, k), max(i, k)
			h.push(pair{avg: avg, i: a, j: b, vi: version[a], vj: version[b]})
		}
	}
	joinStories(members, alive, sum)
	var out [][]*doc
	for i := range n {
		if alive[i] {
			slices.SortFunc(members[i], byID)
			out = append(out, members[i])
		}
	}
	return out
}

// copyLike is the likeness from which two articles are near-copies.
const copyLike = 0.6

// pair is two clusters, by the index of their first article, their
// average likeness, and the versions of the clusters it was taken at.
// merge moves cluster j into cluster i: its members, and its sums of
// links to the clusters still alive, added to i's. Only i's row of sum
// changes; the caller mirrors it into the others'. A cluster merged away
// stays in its neighbours' sums, where it is passed over as dead:
// taking it out of each costs more.
func merge(i, j int, members [][]*doc, alive []bool, sum []map[int]float64) {
	members[i] = append(members[i], members[j]...)
	alive[j] = false
	members[j] = nil
	delete(sum[i], j)
	for k, v := range sum[j] {
		if k != i && alive[k] {
			sum[i][k] += v
		}
	}
	sum[j] = nil
}

type pair struct {
	avg    float64
	i, j   int
	vi, vj int
}

// pairs is a heap of pairs, most alike first, ties in ID order. It is
// container/heap's algorithm on pairs themselves, without an interface
// or a pair boxed at every push and pop.
type pairs []pair

func (h pairs) less(a, b int) bool {
	x, y := &h[a], &h[b]
	if x.avg != y.avg {
		return x.avg > y.avg
	}
	if x.i != y.i {
		return x.i < y.i
	}
	return x.j < y.j
}

func (h pairs) init() {
	n := len(h)
	for i := n/2 - 1; i >= 0; i-- {
		h.down(i, n)
	}
}

func (h *pairs) push(p pair) {
	*h = append(*h, p)
	h.up(len(*h) - 1)
}

func (h *pairs) pop() pair {
	old := *h
	n := len(old) - 1
	old[0], old[n] = old[n], old[0]
	old.down(0, n)
	p := old[n]
	*h = old[:n]
	return p
}

func (h pairs) up(j int) {
	for {
		i := (j - 1) / 2 // parent
		if i == j || !h.less(j, i) {
			break
		}
		h[i], h[j] = h[j], h[i]
		j = i
	}
}

func (h pairs) down(i, n int) {
	for {
		j1 := 2*i + 1
		if j1 >= n || j1 < 0 { // j1 < 0 after int overflow
			break
		}
		j := j1 // left child
		if j2 := j1 + 1; j2 < n && h.less(j2, j1) {
			j = j2 // right child
		}
		if !h.less(j, i) {
			break
		}
		h[i], h[j] = h[j], h[i]
		i = j
	}
}
