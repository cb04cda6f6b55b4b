package ui

import (
	"strings"

	gansi "charm.land/glamour/v2/ansi"
	"github.com/charmbracelet/x/ansi"
)

// listHang is the room, in columns, a list keeps free at its right for
// its items' wrapped lines to be set in under their text, past the
// bullet or number: "• " is two columns, "9. " three.
const listHang = 3

// hangingLists sets the style's lists to wrap listHang columns short, so
// that hangItems can set their wrapped lines in. Glamour sets a list's
// margin in on the left as well, and nests each list a margin in from
// its parent, so the level indent goes.
func hangingLists(c *gansi.StyleConfig) {
	if c.List.Margin != nil {
		return
	}
	hang, none := uint(listHang), uint(0)
	c.List.Margin = &hang
	c.List.Indent = &none
	c.List.LevelIndent = 0
}

// hangItems sets each wrapped line of a list item in under the item's
// text, where Glamour starts it under the bullet: the lines that follow
// a line opening with "• " or "12. ", as far in as it is. An item line
// is set in at least minIndent columns (the document's margin and the
// list's) and follows a blank line or another line of the list, so
// that a paragraph's line that happens to start "2026. " is none. A
// line that would no longer fit in width stays as it is.
func hangItems(out string, width, minIndent int) string {
	if !strings.Contains(out, "• ") && !strings.Contains(out, ". ") {
		return out
	}
	lines := strings.Split(out, "\n")
	indent, hang := -1, 0
	inList := false // the line before is blank or of a list
	for i, l := range lines {
		plain := ansi.Strip(l)
		text := strings.TrimLeft(plain, " ")
		n := len(plain) - len(text)
		switch m := itemMarker(text); {
		case strings.TrimSpace(text) == "":
			indent, inList = -1, true
			continue
		case m > 0 && n >= minIndent && (inList || indent >= 0):
			indent, hang = n, m
		case indent >= 0 && n == indent:
			if set := strings.Repeat(" ", hang) + trimEnd(l, plain, hang); ansi.StringWidth(set) <= width {
				lines[i] = set
			}
		default:
			indent = -1
		}
		inList = indent >= 0
	}
	return strings.Join(lines, "\n")
}

// itemMarker returns the width of the bullet or number that opens a
// list item's first line, with its space, or 0.
func itemMarker(text string) int {
	if strings.HasPrefix(text, "• ") {
		return 2
	}
	d := 0
	for d < len(text) && d < 9 && text[d] >= '0' && text[d] <= '9' {
		d++
	}
	if d > 0 && strings.HasPrefix(text[d:], ". ") {
		return d + 2
	}
	return 0
}

// trimEnd drops up to n columns of the spaces that pad line (whose text
// without styles is plain) at its end.
func trimEnd(line, plain string, n int) string {
	cut := min(n, len(plain)-len(strings.TrimRight(plain, " ")))
	if cut == 0 {
		return line
	}
	return ansi.Truncate(line, ansi.StringWidth(line)-cut, "")
}
