package story

import "testing"

// TestDocPlaces checks both ways docPlaces maps articles: a slice by
// serial number for a group of a good share of the set, a map for a
// small one; articles out of the group are not found either way.
func TestDocPlaces(t *testing.T) {
	const serials = 4000
	docs := make([]*doc, serials)
	for i := range docs {
		docs[i] = &doc{serial: int32(i)}
	}
	for _, n := range []int{3000, 20} {
		p := newDocPlaces(n, serials)
		if (p.s != nil) != (n == 3000) {
			t.Fatalf("group of %d: slice %v", n, p.s != nil)
		}
		// Every other article from the end, numbered from 0.
		var in []*doc
		for i := serials - 1; i >= 0 && len(in) < n; i -= 2 {
			in = append(in, docs[i])
		}
		for k, d := range in {
			p.set(d, int32(k))
		}
		p.set(in[1], 0) // a number set again
		for k, d := range in {
			want := int32(k)
			if k == 1 {
				want = 0
			}
			if got, ok := p.get(d); !ok || got != want {
				t.Errorf("group of %d: article %d: got %d, %v, want %d", n, d.serial, got, ok, want)
			}
		}
		if _, ok := p.get(docs[serials-2]); ok {
			t.Errorf("group of %d: an article out of the group found", n)
		}
		if _, ok := p.get(&doc{serial: serials + 5}); ok {
			t.Errorf("group of %d: an article past the serial numbers found", n)
		}
	}
}
