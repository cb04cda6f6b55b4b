package extract

import "testing"

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
