//go:build !amd64 || purego

package search

// wide is false: beginSet.next looks eight bytes at a time at most.
var wide = false

func nextWide(s string, i int, w *wideSet) (at int, found bool) {
	panic("search: nextWide without AVX2")
}
