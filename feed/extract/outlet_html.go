package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageText returns a page's visible text, one block of the page a line,
// as the text reader gets it from a scrape: menus, headline, article,
// footer.
func pageText(doc *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			if t := strings.Join(strings.Fields(n.Data), " "); t != "" {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(t)
			}
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Iframe:
				return
			}
		}
		block := n.Type == html.ElementNode && blockElements[n.DataAtom]
		if block {
			b.WriteString("\n\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteString("\n\n")
		}
	}
	walk(doc)
	return b.String()
}

// blockElements are the elements that start a line of a page's text.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Td: true, atom.Th: true, atom.Tr: true, atom.Br: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Nav: true, atom.Ul: true, atom.Ol: true,
	atom.Table: true, atom.Blockquote: true, atom.Figcaption: true, atom.Aside: true, atom.Main: true,
	atom.Dt: true, atom.Dd: true, atom.Form: true, atom.Center: true, atom.Address: true, atom.Pre: true,
}

// textOutlet finds the outlet of a page whose markup names none, from
// its visible text as the text reader would: the name its furniture
// repeats and its printed domain spells, the signature table, the
// copyright notice. body is the article text found in the page, whose
// mentions of outlets ("told Reuters") count for little.
func (x *Extractor) textOutlet(text, body string) outletGuess {
	sg := segmentPool.Get().(*segments)
	defer segmentPool.Put(sg)
	lines := sg.split(text)
	if len(lines) == 0 {
		return outletGuess{}
	}
	classifyLines(lines)
	markChrome(x, lines)
	inBody := make([]bool, len(lines))
	for i, l := range lines {
		inBody[i] = l.words >= 8 && strings.Contains(body, l.text)
	}
	g := x.outletOf(lines, inBody)
	// Only the name: an address read from the text is no page's own.
	return outletGuess{name: strings.Clone(g.name), source: g.source}
}
