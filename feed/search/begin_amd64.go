//go:build amd64 && !purego

package search

import "golang.org/x/sys/cpu"

// wide reports whether beginSet.next may look for its bytes 32 at a
// time (nextWide), which takes AVX2.
var wide = cpu.X86.HasAVX2

// nextWide returns the first at from i on, in the blocks of 32 bytes of
// s whose next byte is in s, where a byte w looks for (see wideSet)
// follows a byte that is not an ASCII letter or digit and comes before
// one that may come second, and true; or false and where the first
// block that would reach the end of s begins. It reads s[i-1], so i must
// be at least 1.
//
//go:noescape
func nextWide(s string, i int, w *wideSet) (at int, found bool)
