package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageText renders a page as plain text the way a browser's "save as
// text" or a scrape does: one block of the page (paragraph, heading, list
// item, table cell, line broken by <br>) to a line, blank lines between
// them, scripts, styles and forms left out. The text extractor reads it
// as it reads any scraped page.
func pageText(doc *html.Node) string {
	var r textRenderer
	r.walk(doc)
	r.flush()
	return strings.Join(r.out, "\n\n")
}

type textRenderer struct {
	out  []string
	line strings.Builder
	pre  int // depth inside <pre>
}

func (r *textRenderer) flush() {
	text := r.line.String()
	r.line.Reset()
	if r.pre == 0 {
		text = strings.Join(strings.Fields(text), " ")
	} else {
		text = strings.TrimSpace(text)
	}
	if text != "" {
		r.out = append(r.out, text)
	}
}

func (r *textRenderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.line.WriteString(n.Data)
		return
	case html.ElementNode:
		a := tagOf(n)
		if skipTags[a] && a != atom.Img {
			return
		}
		switch a {
		case atom.Br, atom.Hr:
			r.flush()
			return
		case atom.Img:
			return
		}
		block := isBlock(n) || a == atom.Td || a == atom.Th || a == atom.Caption
		if block {
			r.flush()
		}
		if a == atom.Pre {
			r.pre++
			defer func() { r.pre-- }()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			r.walk(c)
		}
		if block {
			r.flush()
		}
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
}
