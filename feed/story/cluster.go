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
	at := newDocPlaces(n, s.serial)
	for i, d := range group {
		at.set(d, int32(i))
	}
	members := make([][]*doc, n)
	version := make([]int32, n)
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
	var links []link
	for i, d := range group {
		for _, l := range d.near {
			o, v := l.o, l.v
			if k, ok := at.get(o); ok && i < int(k) {
				j := int(k)
				links = append(links, link{int32(i), int32(j), v})
				if v >= copyLike {
					a, b := find(i), find(j)
					unit[max(a, b)] = min(a, b)
				}
			}
		}
	}
	// Sum in one order, so that the sums are the same to the last bit
	// whatever order the maps gave.
	slices.SortFunc(links, byClusters)
	for i := range n {
		if u := find(i); u != i {
			members[u] = append(members[u], group[i])
			continue
		}
		members[i] = append(members[i], group[i])
		alive[i] = true
	}
	floor := s.opt.Threshold * weakShare
	// The links between clusters, each pair's in the order above.
	between := links[:0]
	for _, l := range links {
		if a, b := find(int(l.i)), find(int(l.j)); a != b {
			// A pair kept for joining stories alone counts for
			// clustering as it would were it not: its likeness if
			// weakly alike, else nothing.
			v := l.v
			if v < 0 && -v >= floor {
				v = -v
			} else if v < 0 {
				v = 0
			}
			between = append(between, link{int32(min(a, b)), int32(max(a, b)), v})
		}
	}
	sum := newSums(n, between)
	var h pairs
	for i := range n {
		for _, c := range sum.rows[i] {
			if j := int(c.k); i < j {
				h = append(h, pair{avg: c.v / float64(len(members[i])*len(members[j])), i: int32(i), j: int32(j)})
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
		i, j := int(p.i), int(p.j)
		merge(i, j, members, alive, sum)
		version[i]++
		// The clusters merged away leave i's row; the others' sums
		// with i are i's.
		row := sum.rows[i][:0]
		for _, c := range sum.rows[i] {
			k := int(c.k)
			if !alive[k] {
				continue
			}
			row = append(row, c)
			sum.mirror(i, len(row)-1)
			avg := c.v / float64(len(members[i])*len(members[k]))
			a, b := min(i, k), max(i, k)
			h.push(pair{avg: avg, i: int32(a), j: int32(b), vi: version[a], vj: version[b]})
		}
		sum.rows[i] = row
	}
	joinStories(members, alive, sum, s.opt.Threshold, s.serial)
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

// link is a compared pair of a group's articles, or of its clusters, by
// their places, and their likeness.
type link struct {
	i, j int32
	v    float64
}

func byClusters(a, b link) int {
	if a.i != b.i {
		return int(a.i - b.i)
	}
	return int(a.j - b.j)
}

// sums holds the total likeness between every two clusters of a group
// that have a compared pair between them: for each cluster, by the
// place of its first article, a row of its neighbours and sums. A
// cluster merged away stays in its neighbours' rows, where it is passed
// over as dead: taking it out of each costs more. Each cell knows where
// its mirror is in the neighbour's row (the same pair's cell), so that
// a sum changed in one row is changed in the other without searching
// it: a cluster that many merge beside has a long row.
type sums struct {
	rows [][]cell
	// at is the place in the row being merged into of each neighbour,
	// or -1 (see merge).
	at []int32
}

type cell struct {
	k int32
	// twin is the place of the pair's cell in k's row: the cell of
	// this row's cluster, or of a cluster merged into it since.
	twin int32
	v    float64
}

// newSums returns the sums of the links between clusters, given with
// the lower cluster first, the links of each pair summed in the order
// given.
func newSums(n int, links []link) *sums {
	// Each pair's links together, in the order given: near-copies
	// made one cluster bring links out of order.
	if !slices.IsSortedFunc(links, byClusters) {
		type placed struct {
			link
			at int
		}
		ps := make([]placed, len(links))
		for x, l := range links {
			ps[x] = placed{l, x}
		}
		slices.SortFunc(ps, func(a, b placed) int {
			if c := byClusters(a.link, b.link); c != 0 {
				return c
			}
			return a.at - b.at
		})
		for x, p := range ps {
			links[x] = p.link
		}
	}
	degree := make([]int32, n)
	pairs := 0
	for x, l := range links {
		if x == 0 || byClusters(links[x-1], l) != 0 {
			degree[l.i]++
			degree[l.j]++
			pairs++
		}
	}
	s := &sums{rows: make([][]cell, n), at: make([]int32, n)}
	// Every row from one block, each with room for its own cells only:
	// a row that grows moves out of it.
	block := make([]cell, 0, 2*pairs)
	for i := range n {
		end := len(block) + int(degree[i])
		s.rows[i] = block[len(block):len(block):end]
		block = block[:end]
		s.at[i] = -1
	}
	for x := 0; x < len(links); {
		l, v := links[x], 0.0
		for ; x < len(links) && byClusters(links[x], l) == 0; x++ {
			v += links[x].v
		}
		ti, tj := int32(len(s.rows[l.j])), int32(len(s.rows[l.i]))
		s.rows[l.i] = append(s.rows[l.i], cell{l.j, ti, v})
		s.rows[l.j] = append(s.rows[l.j], cell{l.i, tj, v})
	}
	return s
}

// mirror copies the cell at place x of i's row into its neighbour's
// row: the neighbour's sum with i, in the cell its twin names, which
// held i or a cluster since merged into i.
func (s *sums) mirror(i, x int) {
	c := &s.rows[i][x]
	s.rows[c.k][c.twin] = cell{int32(i), int32(x), c.v}
}

// merge moves cluster j into cluster i: its members, and its sums of
// links to the clusters still alive, added to i's. Only i's row of sum
// changes; the caller mirrors it into the others'.
func merge(i, j int, members [][]*doc, alive []bool, sum *sums) {
	members[i] = append(members[i], members[j]...)
	alive[j] = false
	members[j] = nil
	row := sum.rows[i]
	for x, c := range row {
		sum.at[c.k] = int32(x)
	}
	for _, c := range sum.rows[j] {
		k := int(c.k)
		if k == i || !alive[k] {
			continue
		}
		if x := sum.at[k]; x >= 0 {
			row[x].v += c.v
		} else {
			sum.at[k] = int32(len(row))
			row = append(row, c)
		}
	}
	for _, c := range row {
		sum.at[c.k] = -1
	}
	sum.rows[i] = row
	sum.rows[j] = nil
}

// pair is two clusters, by the place of their first article, their
// average likeness, and the versions of the clusters it was taken at.
type pair struct {
	avg    float64
	i, j   int32
	vi, vj int32
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

// docPlaces maps articles of a group to numbers (their places in it, or
// their clusters). A group of a good share of the set's articles, such
// as the one linked group of a large library, is mapped in a slice by
// serial number: in a map, each of its articles' links would cost a
// lookup in a table of them all, a cache miss. A smaller group is
// mapped in a map, as a slice of every serial number would cost more.
type docPlaces struct {
	m map[*doc]int32
	s []int32 // by serial: the number plus one, or 0
}

// newDocPlaces returns an empty docPlaces for n articles of a set of
// serials serial numbers.
func newDocPlaces(n int, serials int32) docPlaces {
	if n >= 1024 && n >= int(serials)/8 {
		return docPlaces{s: make([]int32, serials)}
	}
	return docPlaces{m: make(map[*doc]int32, n)}
}

func (p docPlaces) set(d *doc, v int32) {
	if p.s != nil {
		p.s[d.serial] = v + 1
		return
	}
	p.m[d] = v
}

func (p docPlaces) get(d *doc) (int32, bool) {
	if p.s != nil {
		if int(d.serial) >= len(p.s) {
			return 0, false
		}
		v := p.s[d.serial]
		return v - 1, v != 0
	}
	v, ok := p.m[d]
	return v, ok
}
