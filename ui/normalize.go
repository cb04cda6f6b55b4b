package ui

import (
	"regexp"
	"strings"
)

// Glamour's renderer recurses once per level of nesting and some of its
// work grows with the square of the nesting or of a paragraph's
// unmatched marks: a file of a few hundred kilobytes can overflow the
// stack (which no recover catches) or keep it busy for minutes.
// normalizeMarkdown bounds what Glamour is given, by rules that hold on
// any input and leave ordinary articles as they are.
const (
	// maxNesting is how many block quotes and list items may hold one
	// another; the markers of deeper ones are dropped, so their text
	// joins the deepest kept level.
	maxNesting = 8
	// maxIndent is how far, in columns, a line may be set in.
	maxIndent = 2 * maxNesting
	// maxMarkRun is the longest run of one emphasis mark ('*' or '_')
	// kept: three marks say bold italic, more add nothing.
	maxMarkRun = 3
	// maxPunctRun is the longest run of any other punctuation kept: a
	// longer code fence or rule draws the same.
	maxPunctRun = 16
	// maxMarks is how many runs of emphasis marks, and separately how
	// many link, code and HTML openers, a paragraph may have before the
	// rest are escaped to stand as plain text.
	maxMarks = 64
	// maxColumns is how many cells a table row may have; the bars
	// beyond are escaped.
	maxColumns = 32
)

// normalizeMarkdown returns md with its nesting, its runs of marks and
// its tables bounded (see the constants above). Fenced code keeps its
// marks.
func normalizeMarkdown(md string) string {
	var b strings.Builder
	b.Grow(len(md) + len(md)/16)
	var p para
	fence := ""
	urls := !strings.ContainsAny(md, urlSentinels)
	for line := range strings.SplitSeq(md, "\n") {
		prefix, rest := capContainers(line)
		b.WriteString(prefix)
		if f := fenceOf(rest); f != "" {
			switch {
			case fence == "":
				fence = f
			case strings.HasPrefix(f, fence):
				fence = ""
			}
			b.WriteString(capRuns(rest))
			b.WriteByte('\n')
			continue
		}
		if fence != "" {
			b.WriteString(rest)
			b.WriteByte('\n')
			continue
		}
		if strings.TrimSpace(rest) == "" {
			p = para{}
		}
		rest = capRuns(rest)
		if urls {
			rest = protectURLs(rest)
		}
		p.write(&b, rest)
		b.WriteByte('\n')
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// Glamour wraps a list's lines at spaces and also after any of
// ".,;+|-", so a web address in a list item breaks at a dot, and one in
// a paragraph at a hyphen. While Glamour wraps, each of those inside an
// address stands in for a character of Unicode's private use area
// (urlSentinels, put back by restoreURLs), so that an address that does
// not fit moves whole to the next line, or, longer than a line, is cut
// at the width. A text that holds any of those characters itself is
// left as it is.
const urlSentinels = "\ue000\ue001\ue002\ue003\ue004\ue005"

var (
	urlProtect = strings.NewReplacer(".", "\ue000", ",", "\ue001", ";", "\ue002", "+", "\ue003", "|", "\ue004", "-", "\ue005")
	urlRestore = strings.NewReplacer("\ue000", ".", "\ue001", ",", "\ue002", ";", "\ue003", "+", "\ue004", "|", "\ue005", "-")
	// webAddress matches a web address in Markdown text, up to what
	// ends one there.
	webAddress = regexp.MustCompile(`https?://[^\s<>()\[\]"'\x60]+`)
)

// protectURLs puts the stand-ins in the web addresses of a line. A bare
// address, outside a link, becomes an autolink (<https://…>), which,
// unlike the bare form, Glamour still recognises with the stand-ins in
// it.
func protectURLs(line string) string {
	if !strings.Contains(line, "://") {
		return line
	}
	var b strings.Builder
	last := 0
	for _, m := range webAddress.FindAllStringIndex(line, -1) {
		start, end := m[0], m[1]
		// Punctuation that ends a sentence is not part of the address.
		for end > start && strings.IndexByte(".,;:!?*_~", line[end-1]) >= 0 {
			end--
		}
		b.WriteString(line[last:start])
		u := urlProtect.Replace(line[start:end])
		switch {
		case start > 0 && line[start-1] == '<',
			start > 1 && line[start-2:start] == "](",
			strings.Count(line[:start], "[") > strings.Count(line[:start], "]"): // in a link's text
			b.WriteString(u)
		default:
			b.WriteString("<" + u + ">")
		}
		last = end
	}
	b.WriteString(line[last:])
	return b.String()
}

// restoreURLs puts back what protectURLs stood in for, unless md, the
// text rendered, held stand-ins itself.
func restoreURLs(out, md string) string {
	if strings.ContainsAny(md, urlSentinels) {
		return out
	}
	return urlRestore.Replace(out)
}

// fenceOf returns the run of backticks or tildes that opens or closes a
// fenced code block on the line, or "".
func fenceOf(line string) string {
	s := strings.TrimLeft(line, " ")
	if len(line)-len(s) > 3 || len(s) < 3 || (s[0] != '`' && s[0] != '~') {
		return ""
	}
	n := 0
	for n < len(s) && s[n] == s[0] {
		n++
	}
	if n < 3 {
		return ""
	}
	return s[:n]
}

// capContainers splits a line into the markers of the block quotes and
// list items it opens, with the space around them, and the rest. It
// drops the markers beyond maxNesting and sets the line in no further
// than maxIndent columns.
func capContainers(line string) (prefix, rest string) {
	i, depth, col := 0, 0, 0
	var b strings.Builder // the prefix, rebuilt once over a limit
	over := false
	for i < len(line) {
		j := i
		for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
			j++
		}
		n := markerLen(line[j:])
		ws := line[i:j]
		w := width(ws)
		if !over && (col+w > maxIndent || (n > 0 && depth+1 > maxNesting)) {
			over = true
			b.WriteString(line[:i])
		}
		if over {
			// Keep no more space than the budget allows, and at least
			// one between a kept marker and what follows.
			keep := min(w, maxIndent-col)
			if keep <= 0 && i > 0 && line[i-1] != ' ' {
				keep = 1
			}
			b.WriteString(strings.Repeat(" ", max(keep, 0)))
			col += max(keep, 0)
		} else {
			col += w
		}
		if n == 0 {
			if over {
				return b.String(), line[j:]
			}
			return line[:i], line[i:]
		}
		depth++
		if over && depth <= maxNesting {
			b.WriteString(line[j : j+n])
			col += n
		} else if !over {
			col += n
		}
		i = j + n
	}
	if over {
		return b.String(), ""
	}
	return line, ""
}

// width returns the columns a run of spaces and tabs takes, a tab
// taken as four.
func width(ws string) int {
	return len(ws) + 3*strings.Count(ws, "\t")
}

// markerLen returns the length of the block quote or list marker at the
// start of s, with the space after it, or 0 when s starts with none.
func markerLen(s string) int {
	if s == "" {
		return 0
	}
	switch s[0] {
	case '>':
		if len(s) > 1 && s[1] == ' ' {
			return 2
		}
		return 1
	case '-', '*', '+':
		if len(s) == 1 {
			return 1
		}
		if s[1] == ' ' || s[1] == '\t' {
			return 2
		}
		return 0
	}
	n := 0
	for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 || n == len(s) || (s[n] != '.' && s[n] != ')') {
		return 0
	}
	if n+1 == len(s) {
		return n + 1
	}
	if s[n+1] == ' ' || s[n+1] == '\t' {
		return n + 2
	}
	return 0
}

// capRuns shortens each run of one ASCII punctuation character: emphasis
// marks to maxMarkRun, others to maxPunctRun.
func capRuns(s string) string {
	var b strings.Builder
	changed := false
	for i := 0; i < len(s); {
		c := s[i]
		j := i + 1
		for j < len(s) && s[j] == c {
			j++
		}
		limit := j - i
		if isPunct(c) {
			if c == '*' || c == '_' {
				limit = min(limit, maxMarkRun)
			} else {
				limit = min(limit, maxPunctRun)
			}
		}
		if limit < j-i && !changed {
			changed = true
			b.Grow(len(s))
			b.WriteString(s[:i])
		}
		if changed {
			b.WriteString(s[i : i+limit])
		}
		i = j
	}
	if !changed {
		return s
	}
	return b.String()
}

func isPunct(c byte) bool {
	return c > ' ' && c < 0x7f && !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z')
}

// para counts the marks of the paragraph being written.
type para struct {
	marks, openers int
}

// write writes a line of the paragraph, escaping the marks beyond
// maxMarks and the table bars beyond maxColumns.
func (p *para) write(b *strings.Builder, line string) {
	bars := 0
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c == '\\' && i+1 < len(line) {
			b.WriteByte(c)
			b.WriteByte(line[i+1])
			i++
			continue
		}
		escape := false
		switch c {
		case '*', '_':
			if i == 0 || line[i-1] != c {
				p.marks++
			}
			escape = p.marks > maxMarks
		case '[', ']', '<', '`', '!':
			p.openers++
			escape = p.openers > maxMarks
		case '|':
			bars++
			escape = bars > maxColumns
		}
		if escape {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
}
