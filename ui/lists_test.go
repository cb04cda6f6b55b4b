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

// TestURLsNotBrokenAtADot: a web address that fits on a line is not
// broken at one of its dots or hyphens, in a list item, a quote or a
// paragraph, and its hyperlink keeps the whole address.
func TestURLsNotBrokenAtADot(t *testing.T) {
	u := "https://news.example.com/2026/dec/07/ferry-strike.html"
	for _, md := range []string{
		"- An item with words enough before the address " + u + " and after.\n- Two.\n",
		"> A quote with words enough before the address " + u + " and after.\n",
		"A paragraph with words enough before the address " + u + ". After.\n",
		"- A linked [address " + u + "](" + u + ") in an item with words.\n",
	} {
		for _, style := range []string{"dark", "notty"} {
			out, err := renderMarkdown(md, 80, style)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(ansi.Strip(out), u) {
				t.Errorf("%s: the address is broken:\n%s", style, ansi.Strip(out))
			}
			if strings.Contains(out, "\x1b]8;") && !strings.Contains(out, ";"+u+"\x07") {
				t.Errorf("%s: the hyperlink lost its address: %q", style, out)
			}
			if strings.ContainsAny(out, urlSentinels) {
				t.Errorf("%s: stand-ins left in: %q", style, out)
			}
		}
	}
}

// TestParagraphLineLikeAnItem: a paragraph whose wrapped line happens to
// start with a number and a dot is not taken for a list.
func TestParagraphLineLikeAnItem(t *testing.T) {
	md := "Intro.\n\nThe crews said the strike would last at least until the end of the year 2026. Talks resume in spring, both sides said on Monday evening after the meeting.\n"
	for width := 40; width <= 100; width++ {
		out, err := renderMarkdown(md, width, "notty")
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(ansi.Strip(out), "\n") {
			if strings.TrimSpace(l) != "" && (!strings.HasPrefix(l, "  ") || strings.HasPrefix(l, "   ")) {
				t.Errorf("width %d: line set in: %q", width, l)
			}
		}
	}
}
