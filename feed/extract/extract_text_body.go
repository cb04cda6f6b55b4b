package extract

import (
	"strings"
)

// This file writes the lines of an article as Markdown.

// keepCaptions reports whether photo captions inside the article are
// kept in the body (in italics, once).
const keepCaptions = true

// writeBody writes lines [start, end] as Markdown and reports which
// lines it kept.
func writeBody(lines []*textLine, start, end int) (string, []bool) {
	kept := make([]bool, len(lines))
	var out []string
	skipping := false // inside a list of other stories
	lastCaption := ""
	for i := start; i <= end; i++ {
		l := lines[i]
		if l.marker {
			skipping = true
			continue
		}
		if skipping {
			if l.class != classGood || teaser(lines, i) {
				continue
			}
			skipping = false
		}
		if l.cell {
			// A table's cells make one paragraph, in reading order.
			var cells []string
			for ; i <= end && lines[i].cell; i++ {
				cells = append(cells, lines[i].text)
				kept[i] = true
			}
			i--
			out = append(out, escapeMarkdown(strings.Join(cells, " · ")))
			continue
		}
		if l.credit || positionalCredit(lines, i) {
			// The line above, in the same place, was its caption.
			if n := len(out); n > 0 && kept[i-1] && lines[i-1].class != classGood && strings.HasPrefix(out[n-1], "*") {
				continue
			}
			if n := len(out); n > 0 && kept[i-1] && lines[i-1].class == classShort && !lines[i-1].bullet {
				out[n-1] = captionMarkdown(lines[i-1].text)
				if !keepCaptions {
					out = out[:n-1]
					kept[i-1] = false
				}
			}
			continue
		}
		md, ok := lineMarkdown(lines, i, out)
		if !ok {
			continue
		}
		if strings.HasPrefix(md, "*") && !l.bullet {
			// A caption: printed once, the version with its credit
			// replacing a bare one just above.
			if lastCaption != "" && strings.HasPrefix(l.text, lastCaption) && len(out) > 0 && out[len(out)-1] == captionMarkdown(lastCaption) {
				out = out[:len(out)-1]
			}
			lastCaption = l.text
			if !keepCaptions {
				continue
			}
		}
		out = append(out, md)
		kept[i] = true
	}
	return strings.Join(out, "\n\n"), kept
}

// positionalCredit reports whether a short line is the credit of the
// caption above it: a few capitalised words after a short sentence,
// before the text goes on ("Berkeley Earth", "NASA Worldview").
func positionalCredit(lines []*textLine, i int) bool {
	l := lines[i]
	if i == 0 || i+1 >= len(lines) || l.class != classShort || l.end || l.bullet || l.words > 6 {
		return false
	}
	p := lines[i-1]
	return p.class == classShort && p.end && !p.bullet && lines[i+1].class == classGood
}

// teaser reports whether running text at line i is the summary of
// another story: it follows that story's headline, printed twice close
// together as story lists print them.
func teaser(lines []*textLine, i int) bool {
	if i == 0 || lines[i-1].class != classShort {
		return false
	}
	k := lines[i-1].key
	for j := max(0, i-6); j < min(len(lines), i+4); j++ {
		if j != i-1 && lines[j].key == k {
			return true
		}
	}
	return false
}

// lineMarkdown writes line i of the article as Markdown, or reports
// false when it is furniture or a fragment.
func lineMarkdown(lines []*textLine, i int, out []string) (string, bool) {
	l := lines[i]
	sameBlockNext := i+1 < len(lines) && lines[i+1].block == l.block
	switch {
	case l.key == "updated":
		return "", false
	case strings.HasPrefix(l.lower, "updated ") && l.words <= 8 && strings.ContainsAny(l.text, "0123456789"):
		return "*" + l.text + "*", true
	case l.class == classBad:
		if strings.HasPrefix(l.text, "— ") || strings.HasPrefix(l.text, "- ") && strings.Contains(l.text, "(@") {
			return escapeMarkdown(l.text), true // an embedded post's attribution
		}
		return "", false
	case creditSuffix(l.lower) && !l.end || creditSuffix(l.lower) && l.words < 45:
		// A caption; when its block holds it twice or with alt text,
		// only the last line (the one with the credit) is printed.
		return captionMarkdown(l.text), true
	case sameBlockNext && creditSuffix(lines[i+1].lower) && l.class != classGood:
		return "", false
	case sameBlockNext && creditSuffix(lines[i+1].lower) && l.words < 60 && l.block == lines[i+1].block:
		return "", false
	}
	if l.bullet && l.words >= 2 {
		return "- " + escapeMarkdown(l.text), true
	}
	if l.class == classGood {
		return quoteIfIntroduced(escapeMarkdown(l.text), out), true
	}
	// Short lines.
	if i+1 < len(lines) && lines[i+1].bullet && !l.bullet && l.words <= 10 && !strings.HasSuffix(l.text, ".") &&
		!strings.HasSuffix(l.text, ":") {
		return "## " + l.text, true // "Key events", "Summary of the day …" over a list
	}
	if strings.HasPrefix(l.text, "— ") && strings.Contains(l.text, "(@") {
		return escapeMarkdown(l.text), true
	}
	if l.end && l.words >= 3 {
		return quoteIfIntroduced(escapeMarkdown(l.text), out), true
	}
	if strings.HasSuffix(l.text, ":") && l.words >= 3 {
		return escapeMarkdown(l.text), true
	}
	if inList(lines, i) {
		return "- " + escapeMarkdown(l.text), true
	}
	if l.words >= 1 && l.words <= 16 && headingNext(lines, i) && l.rep == 1 && !hasDate(l) && !strings.Contains(l.text, "**") {
		return "## " + strings.TrimRight(l.text, " "), true
	}
	return "", false
}

// headingNext reports whether the line after i is running text or a
// list, as it is after a sub-heading.
func headingNext(lines []*textLine, i int) bool {
	if i+1 >= len(lines) {
		return false
	}
	n := lines[i+1]
	if n.class == classGood || n.bullet {
		// Not the last of a list of headlines.
		p := lines[max(0, i-1)]
		return i == 0 || p.class != classShort || p.end || p.words < 4
	}
	return false
}

// inList reports whether line i is one of a run of at least three
// short, similar lines inside the article: a list printed without marks.
func inList(lines []*textLine, i int) bool {
	ok := func(l *textLine) bool {
		return l.class == classShort && l.words >= 3 && !l.end && !strings.HasSuffix(l.text, ":") && !l.credit
	}
	if !ok(lines[i]) {
		return false
	}
	n := 1
	for j := i - 1; j >= 0 && j >= i-2 && ok(lines[j]); j-- {
		n++
	}
	for j := i + 1; j < len(lines) && j <= i+2 && ok(lines[j]); j++ {
		n++
	}
	return n >= 3
}

// quoteIfIntroduced makes a paragraph a block quote when the paragraph
// before it introduced a quotation: "Tass writes:", "he said:".
func quoteIfIntroduced(md string, out []string) string {
	if len(out) == 0 {
		return md
	}
	prev := out[len(out)-1]
	if !strings.HasSuffix(prev, ":") || strings.HasPrefix(prev, "#") {
		return md
	}
	tail := strings.ToLower(prev)
	if len(tail) > 80 {
		tail = tail[len(tail)-80:]
	}
	for _, v := range []string{"said", "says", "writes", "wrote", "told", "reported", "reports", "added", "saying",
		"quoted", "continued", "tweeted", "posted", "statement", "declared", "announced", "stated", "adding", "asked"} {
		if strings.Contains(tail, v) {
			return "> " + md
		}
	}
	return md
}

// captionMarkdown writes a photo caption in italics.
func captionMarkdown(s string) string {
	return "*" + strings.Trim(escapeMarkdown(s), "*_ ") + "*"
}

// escapeMarkdown keeps a line of plain text from being read as Markdown
// structure: headings, quotes, list marks, numbered items.
func escapeMarkdown(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '>', '+', '=', '|':
		return `\` + s
	case '-', '*', '_':
		if len(s) > 1 && (s[1] == ' ' || s[1] == s[0]) {
			return `\` + s
		}
	}
	// "1. " at the start would begin a numbered list.
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' ' {
		return s[:i] + `\` + s[i:]
	}
	return s
}
