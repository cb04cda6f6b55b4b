package extract

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// markupTag matches the start of an HTML tag or comment. A feed's text
// holding one is read as HTML whatever else it holds, so that a script,
// frame or style it carries is dropped, not shown as text.
var markupTag = regexp.MustCompile(`<(?:/?[A-Za-z][A-Za-z0-9:-]*(?:[\s/>]|$)|!--)`)

// blockTag matches a tag that breaks text into paragraphs or lines.
var blockTag = regexp.MustCompile(`(?i)<(?:p|div|br|ul|ol|li|h[1-6]|blockquote|pre|table|section|article|figure|hr)[\s/>]`)

// feedBody turns an item's content or description into a Markdown body.
// Markup of any shape goes through the same HTML-to-Markdown conversion
// and furniture cleaning as pages; text with tags but no block element
// keeps its paragraphs.
func feedBody(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if !markupTag.MatchString(s) {
		return dropFurniture(textToMarkdown(s))
	}
	if !blockTag.MatchString(s) {
		s = paragraphsToHTML(s)
	}
	return dropFurniture(htmlFragmentToMarkdown(s))
}

// paragraphsToHTML marks the paragraph breaks of text as HTML
// paragraphs, by the rule textToMarkdown follows for plain text. A break
// inside a script or style stays inside it: their content is raw text.
func paragraphsToHTML(s string) string {
	sep := "\n\n"
	if !strings.Contains(s, sep) {
		sep = "\n"
	}
	return strings.ReplaceAll(strings.TrimSpace(s), sep, "<p>")
}

// feedTitle returns the plain text of an item's title: markup is read as
// HTML and only its visible text kept, with no Markdown marks.
func feedTitle(s string) string {
	if !markupTag.MatchString(s) {
		return cleanSpace(s)
	}
	doc, err := html.Parse(strings.NewReader("<html><body>" + s))
	if err != nil {
		return cleanSpace(s)
	}
	return cleanSpace(visibleText(doc))
}

// visibleText returns the text under n a reader would see: that of
// scripts, styles, frames and other skipped elements is left out.
func visibleText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
			return
		case n.Type == html.ElementNode && skipTags[tagOf(n)]:
			return
		case n.Type == html.ElementNode && isBlock(n):
			b.WriteString(" ")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
