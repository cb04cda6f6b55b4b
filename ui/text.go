package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/broadsheet/broadsheet/feed"
)

// replacement is what the sanitizer puts for a control character or a
// broken byte.
const replacement = '\uFFFD'

// isControl reports whether r is a C0 or C1 control character or DEL:
// what a terminal might act on rather than draw. Links are checked for
// them (safeURL); text is made safe by clean and cleanLine.
func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f)
}

// Nothing the interface draws may drive the terminal: text from files,
// what a person types, error messages. feed's sanitizer is the one that
// makes it safe; clean and cleanLine name its two uses here.

// clean returns text made safe to draw, keeping its line breaks:
// article bodies. See feed.SanitizeText.
func clean(s string) string { return feed.SanitizeText(s) }

// cleanLine returns text made safe to draw on one line, each run of
// spaces one space: headlines, outlets, queries, notices. See
// feed.SanitizeLine.
func cleanLine(s string) string { return feed.SanitizeLine(s) }

// clip returns the start of s, long enough to fill width cells: a
// cheap cut before cleaning and truncating text that may be very long.
func clip(s string, width int) string {
	limit := 4*max(width, 0) + 16
	if len(s) <= limit {
		return s
	}
	for limit > 0 && !utf8.RuneStart(s[limit]) {
		limit--
	}
	return s[:limit]
}

// truncate cuts a (possibly styled) line to width cells, ending it with
// an ellipsis when something was cut.
func truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	return ansi.Truncate(s, width, "…")
}

// wrap sets s in from the edge by two cells and wraps it to width.
func wrap(s string, width int) string {
	lines := strings.Split(ansi.Wrap(s, max(1, width-2), ""), "\n")
	for i, l := range lines {
		lines[i] = "  " + l
	}
	return strings.Join(lines, "\n")
}
