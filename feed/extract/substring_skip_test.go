package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestSubstringSetSkips checks the sets the extractor uses, and sets of
// phrases of different lengths, against strings.Contains over texts made
// of pieces of their phrases, letters and spaces, where skipping ahead
// by too much would miss a phrase.
func TestSubstringSetSkips(t *testing.T) {
	sets := [][]string{
		strongMarkers, endMarkerParts, socialNames.phrases,
		{"abc", "bcd", "cab", "ab c"},
		{"harbour ferry", "ferry", "fer", "y h", "rry strike"},
		{"aaaa", "aab", "aaab"},
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, phrases := range sets {
		set := newSubstringSet(phrases...)
		for range 3000 {
			var b strings.Builder
			for range r.IntN(12) {
				switch r.IntN(4) {
				case 0:
					p := phrases[r.IntN(len(phrases))]
					i, j := r.IntN(len(p)), r.IntN(len(p)+1)
					b.WriteString(p[min(i, j):max(i, j)])
				case 1:
					b.WriteString(phrases[r.IntN(len(phrases))])
				case 2:
					b.WriteByte(" abcdefghijklmnopqrstuvwxyz"[r.IntN(27)])
				default:
					b.WriteString([]string{" ", "é", "’", "  ", "\xe2\x80"}[r.IntN(5)])
				}
			}
			text := b.String()
			var want uint64
			for i, p := range phrases {
				if strings.Contains(text, p) {
					want |= 1 << i
				}
			}
			if got := set.match(text); got != want {
				t.Fatalf("%q: match(%q) = %b, want %b", phrases, text, got, want)
			}
		}
	}
}
