package extract

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// toMarkdown writes the HTML under n as Markdown: paragraphs, headings,
// lists, quotes, code and tables kept, links reduced to their text, and
// everything else (scripts, forms, images) dropped.
func toMarkdown(n *html.Node) string {
	if n == nil {
		return ""
	}
	var m mdWriter
	m.blocks(n, "")
	m.flush("")
	return strings.Join(m.out, "\n\n")
}

// mdWriter gathers Markdown blocks as a tree is walked.
type mdWriter struct {
	out    []string
	inline strings.Builder // the paragraph being gathered
}

// blockTags break the flow of text into a new block.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Nav: true, atom.Body: true, atom.Html: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Li: true, atom.Dd: true, atom.Dt: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Figure: true,
	atom.Figcaption: true, atom.Hr: true, atom.Address: true, atom.Details: true, atom.Summary: true,
	atom.Center: true, atom.Form: true, atom.Fieldset: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
}

// skipTags hold nothing a reader wants.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Head: true,
	atom.Button: true, atom.Select: true, atom.Input: true, atom.Textarea: true, atom.Svg: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Img: true,
	atom.Picture: true, atom.Video: true, atom.Audio: true, atom.Map: true,
}

func isBlock(n *html.Node) bool {
	return n.Type == html.ElementNode && (blockTags[tagOf(n)] || n.Data == "graphic" || n.Data == "list" || n.Data == "item")
}

// flush ends the paragraph being gathered, writing it with prefix before
// each of its lines.
func (m *mdWriter) flush(prefix string) {
	text := cleanInline(m.inline.String())
	m.inline.Reset()
	if text == "" {
		return
	}
	for _, para := range strings.Split(text, "\n\n") {
		m.emit(prefix, escapeLineStart(para))
	}
}

func (m *mdWriter) emit(prefix, text string) {
	if prefix != "" {
		lines := strings.Split(text, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight(prefix+l, " ")
		}
		text = strings.Join(lines, "\n")
	}
	m.out = append(m.out, text)
}

// blocks writes n's children, each block element as its own block.
func (m *mdWriter) blocks(n *html.Node, prefix string) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && skipTags[tagOf(c)] {
			continue
		}
		if !isBlock(c) {
			m.writeInline(c)
			continue
		}
		m.flush(prefix)
		m.block(c, prefix)
	}
}

func (m *mdWriter) block(n *html.Node, prefix string) {
	switch tagOf(n) {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		level := max(2, int(n.Data[1]-'0'))
		if t := inlineText(n); t != "" {
			m.emit(prefix, strings.Repeat("#", level)+" "+t)
		}
	case atom.Ul, atom.Ol:
		m.list(n, prefix, tagOf(n) == atom.Ol, "")
	case atom.Blockquote:
		var inner mdWriter
		inner.blocks(n, "")
		inner.flush("")
		if len(inner.out) > 0 {
			m.emit(prefix, quote(strings.Join(inner.out, "\n\n")))
		}
	case atom.Pre:
		code := strings.Trim(nodeText(n), "\n")
		if strings.TrimSpace(code) != "" {
			m.emit(prefix, "```\n"+code+"\n```")
		}
	case atom.Table:
		m.table(n, prefix)
	case atom.Figcaption:
		if t := inlineText(n); t != "" {
			m.emit(prefix, "*"+strings.Trim(t, "*")+"*")
		}
	case atom.Hr:
	default:
		if n.Data == "list" { // trafilatura's own list element
			m.list(n, prefix, false, "")
			return
		}
		m.blocks(n, prefix)
		m.flush(prefix)
	}
}

// list writes a list's items, nesting inner lists under their item.
func (m *mdWriter) list(n *html.Node, prefix string, ordered bool, indent string) {
	num := 1
	if s, err := strconv.Atoi(attr(n, "start")); err == nil {
		num = s
	}
	var lines []string
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || (tagOf(c) != atom.Li && c.Data != "item" && tagOf(c) != atom.Dd && tagOf(c) != atom.Dt) {
			continue
		}
		marker := "- "
		if ordered {
			marker = strconv.Itoa(num) + ". "
			num++
		}
		var text strings.Builder
		var nested []string
		for cc := c.FirstChild; cc != nil; cc = cc.NextSibling {
			if cc.Type == html.ElementNode && (tagOf(cc) == atom.Ul || tagOf(cc) == atom.Ol) {
				var inner mdWriter
				inner.list(cc, "", tagOf(cc) == atom.Ol, indent+"  ")
				nested = append(nested, inner.out...)
				continue
			}
			if cc.Type == html.ElementNode && skipTags[tagOf(cc)] {
				continue
			}
			if isBlock(cc) {
				text.WriteString(" ")
			}
			text.WriteString(inlineOf(cc))
			if isBlock(cc) {
				text.WriteString(" ")
			}
		}
		t := cleanSpace(cleanInline(text.String()))
		if t == "" && len(nested) == 0 {
			continue
		}
		lines = append(lines, indent+marker+t)
		lines = append(lines, nested...)
	}
	if len(lines) > 0 {
		m.emit(prefix, strings.Join(lines, "\n"))
	}
}

// table writes each row as a line of cells; a first row of headers gets
// the rule Markdown tables need.
func (m *mdWriter) table(n *html.Node, prefix string) {
	var rows [][]string
	var header bool
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if tagOf(c) == atom.Tr || c.Data == "row" {
				var cells []string
				for td := c.FirstChild; td != nil; td = td.NextSibling {
					if td.Type == html.ElementNode && (tagOf(td) == atom.Td || tagOf(td) == atom.Th || td.Data == "cell") {
						if len(rows) == 0 && tagOf(td) == atom.Th {
							header = true
						}
						cells = append(cells, strings.ReplaceAll(inlineText(td), "|", "\\|"))
					}
				}
				if strings.TrimSpace(strings.Join(cells, "")) != "" {
					rows = append(rows, cells)
				}
				continue
			}
			if tagOf(c) != atom.Table {
				walk(c)
			}
		}
	}
	walk(n)
	if len(rows) == 0 {
		return
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	if width == 1 {
		// A one-column table is layout, not data: write its cells as text.
		for _, r := range rows {
			m.emit(prefix, escapeLineStart(r[0]))
		}
		return
	}
	var lines []string
	for i, r := range rows {
		for len(r) < width {
			r = append(r, "")
		}
		lines = append(lines, "| "+strings.Join(r, " | ")+" |")
		if i == 0 {
			if !header {
				lines = append([]string{"| " + strings.Repeat(" | ", width-1) + " |"}, lines...)
			}
			lines = append(lines, "|"+strings.Repeat(" --- |", width))
		}
	}
	m.emit(prefix, strings.Join(lines, "\n"))
}

// writeInline adds an inline node to the paragraph being gathered.
func (m *mdWriter) writeInline(n *html.Node) { m.inline.WriteString(inlineOf(n)) }

// inlineText returns n's content as one line of inline Markdown.
func inlineText(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if isBlock(c) {
			b.WriteString(" ")
		}
		b.WriteString(inlineOf(c))
	}
	return cleanSpace(cleanInline(b.String()))
}

// inlineOf renders one inline node: text, emphasis, code and line breaks.
func inlineOf(n *html.Node) string {
	switch n.Type {
	case html.TextNode:
		// A literal asterisk must not read as emphasis; a line break in
		// the source is white space, as a browser shows it.
		return strings.ReplaceAll(strings.ReplaceAll(dropInvisible(n.Data), "*", "\\*"), "\n", " ")
	case html.ElementNode:
	default:
		return ""
	}
	if skipTags[tagOf(n)] {
		return ""
	}
	switch tagOf(n) {
	case atom.Br:
		return "\n"
	case atom.Strong, atom.B:
		return wrapInline(n, "**")
	case atom.Em, atom.I:
		return wrapInline(n, "*")
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		t := cleanSpace(nodeText(n))
		if t == "" {
			return ""
		}
		return "`" + strings.ReplaceAll(t, "`", "'") + "`"
	}
	if n.Data == "lb" {
		return "\n"
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(inlineOf(c))
	}
	return b.String()
}

// wrapInline puts marks around n's text, keeping its surrounding spaces
// outside them so the Markdown stays valid.
func wrapInline(n *html.Node, mark string) string {
	raw := nodeText(n)
	text := inlineText(n)
	if text == "" {
		return raw
	}
	var before, after string
	if strings.TrimLeft(raw, " \t\n\r") != raw {
		before = " "
	}
	if strings.TrimRight(raw, " \t\n\r") != raw {
		after = " "
	}
	if strings.Contains(text, "*") || strings.Contains(text, "\n") {
		return before + text + after
	}
	return before + mark + text + mark + after
}

// cleanInline collapses white space within each line of a paragraph,
// keeping the line breaks <br> made; two breaks in a row, as pages
// without <p> separate paragraphs, become a blank line.
func cleanInline(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := false
	for _, l := range lines {
		if l = cleanSpace(l); l == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, l)
	}
	// Emphasis in adjacent elements runs together: "**a****b**".
	return strings.ReplaceAll(strings.Join(out, "\n"), "****", "")
}

// quote prefixes every line of text with "> ".
func quote(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if l == "" {
			lines[i] = ">"
		} else {
			lines[i] = "> " + l
		}
	}
	return strings.Join(lines, "\n")
}

// escapeLineStart escapes what would make a line of text read as
// Markdown structure: a leading "#", ">", list marker or "1.".
func escapeLineStart(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "#"), strings.HasPrefix(l, ">"),
			strings.HasPrefix(l, "- "), strings.HasPrefix(l, "+ "), strings.HasPrefix(l, "* "):
			lines[i] = "\\" + l
		default:
			j := 0
			for j < len(l) && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j > 0 && j < len(l)-1 && (l[j] == '.' || l[j] == ')') && l[j+1] == ' ' {
				lines[i] = l[:j] + "\\" + l[j:]
			}
		}
	}
	return strings.Join(lines, "\n")
}

// tagOf returns an element's tag as an atom. Trees built by code rather
// than the parser (trafilatura's output) may leave DataAtom unset.
func tagOf(n *html.Node) atom.Atom {
	if n.DataAtom != 0 || n.Type != html.ElementNode {
		return n.DataAtom
	}
	return atom.Lookup([]byte(n.Data))
}
