package ui

import (
	"strings"
	"testing"
	"time"

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

// TestNoColorEmphasis: without colors emphasis is bold and italic, and
// in plain text it is dropped; never shown as the marks that make it.
func TestNoColorEmphasis(t *testing.T) {
	for _, style := range []string{"mono", "notty"} {
		out, err := renderMarkdown("Some **strong** and *light* and ***both*** words.", 60, style)
		if err != nil {
			t.Fatal(err)
		}
		plain := ansi.Strip(out)
		if strings.ContainsAny(plain, "*_") || !strings.Contains(plain, "Some strong and light and both words.") {
			t.Errorf("%s: %q", style, plain)
		}
		if style == "mono" && (!strings.Contains(out, "\x1b[1m") || !strings.Contains(out, "\x1b[3m")) {
			t.Errorf("mono: emphasis is not bold and italic: %q", out)
		}
	}
}

// TestShortDateShowsOtherYears: a layout without a year gets one for a
// date outside this year, and keeps what it says otherwise.
func TestShortDateShowsOtherYears(t *testing.T) {
	now := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		layout string
		date   time.Time
		want   string
	}{
		{"2 Jan", time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC), "4 Mar"},
		{"2 Jan", time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC), "4 Mar 2025"},
		{"02/01", time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC), "04/03 2024"},
		{"2 Jan 2006", time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC), "4 Mar 2025"},
		{"02/01/06", time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC), "04/03/25"},
	} {
		if got := tt.date.Format(withYear(tt.layout, tt.date, now)); got != tt.want {
			t.Errorf("%q, %v: %q, want %q", tt.layout, tt.date, got, tt.want)
		}
	}
}
