package load

import (
	"slices"
	"testing"
)

// TestPreloadedFound: files found in the order they were handed over are
// told apart without numbering them in a map; found out of that order,
// missing or not handed over at all, they are told as before.
func TestPreloadedFound(t *testing.T) {
	names := []string{"r/a/x.txt", "r/a-b.txt", "r/b.txt", "r/c.txt", "r/d.txt"}
	newPre := func() *preloaded {
		return &preloaded{names: slices.Clone(names), seen: make([]bool, len(names))}
	}
	pre := newPre()
	for i, n := range names {
		if at, ok := pre.found(n); !ok || at != i {
			t.Errorf("%s: handed over %v as %d, want %d", n, ok, at, i)
		}
	}
	if pre.paths != nil {
		t.Errorf("found in order, yet numbered in a map")
	}
	if gone := pre.gone(); len(gone) != 0 {
		t.Errorf("gone: %q", gone)
	}

	pre = newPre()
	for _, f := range []struct {
		path   string
		handed bool
	}{{"r/a/x.txt", true}, {"r/a/new.txt", false}, {"r/c.txt", true}, {"r/d.txt", true}, {"r/a-b.txt", true}, {"r/e.txt", false}} {
		if _, got := pre.found(f.path); got != f.handed {
			t.Errorf("%s: handed over %v, want %v", f.path, got, f.handed)
		}
	}
	if gone := pre.gone(); !slices.Equal(gone, []string{"r/b.txt"}) {
		t.Errorf("gone: %q, want r/b.txt", gone)
	}
}
