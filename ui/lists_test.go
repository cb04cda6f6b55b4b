package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestListItemsHang: a list item's wrapped lines start under its text,
// not under its bullet or number, and fit the width.
func TestListItemsHang(t *testing.T) {
	long := "runs on for long enough about ferries and gulls to need wrapping onto more lines"
	md := "Intro.\n\n- First item " + long + ".\n- Short.\n  - Nested item " + long + ".\n\n1. Ordered item " + long + ".\n2. Two.\n\nAfter.\n"
	for _, style := range []string{"dark", "light", "notty", "mono"} {
		for _, width := range []int{40, 60, 80} {
			out, err := renderMarkdown(md, width, style)
			if err != nil {
				t.Fatal(err)
			}
			textAt, items := -1, 0
			for _, l := range strings.Split(ansi.Strip(out), "\n") {
				if ansi.StringWidth(l) > width {
					t.Errorf("%s %d: wider than the width: %q", style, width, l)
				}
				text := strings.TrimLeft(l, " ")
				n := len(l) - len(text)
				switch m := itemMarker(text); {
				case strings.TrimSpace(text) == "":
					textAt = -1
				case m > 0:
					textAt = n + m
					items++
				case textAt >= 0 && n != textAt:
					t.Errorf("%s %d: wrapped line starts at column %d, its item's text at %d: %q", style, width, n, textAt, l)
				}
			}
			if items != 5 {
				t.Errorf("%s %d: %d items, want 5:\n%s", style, width, items, ansi.Strip(out))
			}
		}
	}
}
