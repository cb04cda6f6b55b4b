package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// A line counts as echoed only when a longer line prints it; the same
// line again on its own, or a short one, does not.
func TestTitleEchoed(t *testing.T) {
	lines := segmentText("Home > Local council votes to close the library\n\nLocal council votes to close the library\n\nThe vote\n\nA line said twice here\n\nA line said twice here\n")
	for _, c := range []struct {
		lower string
		want  bool
	}{
		{"local council votes to close the library", true},
		{"a line said twice here", false},
		{"the vote", false},
		{"home > local council votes to close the library", false},
	} {
		if got := echoed(lines, c.lower); got != c.want {
			t.Errorf("echoed(%q) = %v, want %v", c.lower, got, c.want)
		}
	}
}

// echoed finds what the plain search over every longer line finds:
// lines and texts drawn from a few words and bytes, so that texts occur
// inside lines at every offset, at line ends, and nearly (one byte off).
func TestTitleEchoedAsContains(t *testing.T) {
	reference := func(lines []*textLine, lower string) bool {
		if len(lower) < 12 {
			return false
		}
		for _, l := range lines {
			if len(l.lower) > len(lower) && strings.Contains(l.lower, lower) {
				return true
			}
		}
		return false
	}
	rng := rand.New(rand.NewPCG(7, 11))
	pieces := []string{"the ", "harbour", " ", "z", "q", "e", "tt", "council ", "x9", "é", ", ", "."}
	gen := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	found := 0
	for range 3000 {
		var lines []*textLine
		for range 1 + rng.IntN(6) {
			lines = append(lines, &textLine{lower: gen(rng.IntN(30))})
		}
		var lower string
		switch l := lines[rng.IntN(len(lines))].lower; rng.IntN(3) {
		case 0:
			if len(l) > 0 {
				i := rng.IntN(len(l))
				lower = l[i:min(len(l), i+12+rng.IntN(20))]
			}
		case 1:
			lower = gen(3 + rng.IntN(8))
		default:
			if len(l) > 13 {
				i := rng.IntN(len(l) - 13)
				b := []byte(l[i : i+13])
				b[rng.IntN(len(b))] ^= 1
				lower = string(b)
			}
		}
		want := reference(lines, lower)
		if want {
			found++
		}
		if got := echoed(lines, lower); got != want {
			t.Fatalf("echoed(%q) = %v, want %v; lines %q", lower, got, want, func() (s []string) {
				for _, l := range lines {
					s = append(s, l.lower)
				}
				return
			}())
		}
	}
	if found < 300 {
		t.Fatalf("only %d texts echoed: the test does not try the match", found)
	}
}
