package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestLongQuoteWrapsInsideTheQuote: every line of a long quote, nested
// or not, carries the quote's bar and fits the width; none is a stray
// word at the margin.
func TestLongQuoteWrapsInsideTheQuote(t *testing.T) {
	words := strings.Repeat("Plenty of grey harbour gulls circle, one way or another, over the ferry pier ", 8)
	for _, md := range []string{"Intro.\n\n> " + words + "\n\nAfter.\n", "Intro.\n\n> > " + words + "\n\nAfter.\n"} {
		for _, style := range []string{"dark", "light", "notty"} {
			for _, width := range []int{40, 80, 100} {
				out, err := renderMarkdown(md, width, style)
				if err != nil {
					t.Fatal(err)
				}
				quoted := 0
				for _, l := range strings.Split(ansi.Strip(out), "\n") {
					if ansi.StringWidth(l) > width {
						t.Errorf("%s %d: line wider than the width: %q", style, width, l)
					}
					text := strings.TrimSpace(l)
					if text == "" || text == "Intro." || text == "After." {
						continue
					}
					if !strings.HasPrefix(text, "│") && !strings.HasPrefix(text, "|") {
						t.Errorf("%s %d: quoted line without the bar: %q", style, width, l)
					}
					quoted++
				}
				if quoted < 3 {
					t.Errorf("%s %d: quote not found in %q", style, width, out)
				}
			}
		}
	}
}
