package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// replacement stands in for a control character or broken byte from a
// file, so that nothing read from disk can drive the terminal.
const replacement = '\uFFFD'

// isControl reports whether r is a C0 or C1 control character or DEL:
// what a terminal might act on rather than draw.
func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f)
}

// clean returns text from a file made safe to draw: control characters
// other than newline and tab, and invalid UTF-8, become U+FFFD.
func clean(s string) string {
	if !needsCleaning(s, true) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	// Ranging over a string yields U+FFFD for each invalid byte.
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == '\r':
			// A lone carriage return would overwrite the line.
		case isControl(r):
			b.WriteRune(replacement)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cleanLine is clean for text drawn on one line: newlines and tabs
// become spaces and runs of spaces are collapsed into one.
func cleanLine(s string) string {
	if !needsCleaning(s, false) && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range clean(s) {
		if r == ' ' || r == '\n' || r == '\t' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// needsCleaning reports whether s holds anything clean or cleanLine
// would change; most text does not, and is drawn as it is.
func needsCleaning(s string, multiline bool) bool {
	if !utf8.ValidString(s) {
		return true
	}
	for _, r := range s {
		if r == '\n' || r == '\t' {
			if !multiline {
				return true
			}
			continue
		}
		if isControl(r) {
			return true
		}
	}
	return false
}

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
