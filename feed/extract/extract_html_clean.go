package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/broadsheet/broadsheet/feed"
)

// linkDensityLimit is the share of a block's text inside links above
// which the block is navigation, a promotion or a list of related
// stories rather than article text.
const linkDensityLimit = 0.75

// linkHeavy reports whether most of n's text sits inside links.
func linkHeavy(n *html.Node) bool {
	total, linked := textLengths(n, false)
	return total > 0 && float64(linked) > linkDensityLimit*float64(total)
}

// textLengths counts the letters of n's text, and of that inside links.
func textLengths(n *html.Node, inLink bool) (total, linked int) {
	if n.Type == html.TextNode {
		l := utf8.RuneCountInString(cleanSpace(n.Data))
		if inLink {
			return l, l
		}
		return l, 0
	}
	if n.Type == html.ElementNode && tagOf(n) == atom.A && !looksLikeAddress(nodeText(n)) {
		inLink = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t, l := textLengths(c, inLink)
		total += t
		linked += l
	}
	return total, linked
}

// pruneSourceLinks removes, before extraction, the parts of a page that
// are links dressed as text: paragraphs, list items and sub-headings
// that are mostly links ("Read more: …", related stories), and pop-up
// cards hidden inside a paragraph that hold several links of their own.
func pruneSourceLinks(n *html.Node, inPara bool) {
	var next *html.Node
	for c := n.FirstChild; c != nil; c = next {
		next = c.NextSibling
		if c.Type != html.ElementNode {
			continue
		}
		switch t := tagOf(c); {
		case t == atom.P || t == atom.Li || t == atom.H2 || t == atom.H3 || t == atom.H4 || t == atom.H5 || t == atom.H6 || t == atom.Dd || t == atom.Dt:
			// Cards inside a paragraph go first: their links must not
			// count against the paragraph's own text.
			pruneSourceLinks(c, t == atom.P)
			if linkHeavy(c) {
				n.RemoveChild(c)
			}
			continue
		case inPara && t != atom.A:
			// The smallest card goes, not a span that wraps a whole
			// paragraph around one.
			pruneSourceLinks(c, inPara)
			if linkCard(c) {
				n.RemoveChild(c)
			}
			continue
		}
		pruneSourceLinks(c, inPara)
	}
}

// linkCard reports whether an element inside a paragraph is a block of
// links of its own, such as a pop-up card about a person named in the
// text, rather than part of the sentence.
func linkCard(n *html.Node) bool {
	links := 0
	var count func(*html.Node)
	count = func(n *html.Node) {
		if n.Type == html.ElementNode && tagOf(n) == atom.A {
			links++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			count(c)
		}
	}
	count(n)
	total, linked := textLengths(n, false)
	return links >= 2 && total > 80 && float64(linked) > linkDensityLimit*float64(total)
}

// looksLikeAddress reports whether a link's text is a web address: an
// address written out is part of the text, not navigation.
func looksLikeAddress(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")
}

// dropFurniture removes blocks of the extracted body that are page
// furniture by their shape rather than their words: unrendered
// shortcodes such as "[button …]…[/button]".
func dropFurniture(body string) string {
	blocks := strings.Split(body, "\n\n")
	out := blocks[:0]
	for _, b := range blocks {
		if shortcode.MatchString(strings.TrimSpace(feed.PlainText(b))) {
			continue
		}
		out = append(out, b)
	}
	return strings.Join(out, "\n\n")
}

// shortcode matches a block wrapped in a content system's unrendered
// [name …] … [/name] markup.
var shortcode = regexp.MustCompile(`^\[(\w+)[^\]]*\].*\[/(\w+)\]$`)

// maxHeadText is the most bytes of a page title or meta value kept. Real
// ones are far shorter; a huge one makes the title matching inside
// trafilatura slow down faster than linearly.
const maxHeadText = 2048

// capHeadText cuts over-long <title> text and <meta> values to
// maxHeadText bytes, at a UTF-8 boundary.
func capHeadText(n *html.Node) {
	if n.Type == html.ElementNode {
		switch n.Data {
		case "title":
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					c.Data = cutUTF8(c.Data, maxHeadText)
				}
			}
		case "meta":
			for i := range n.Attr {
				n.Attr[i].Val = cutUTF8(n.Attr[i].Val, maxHeadText)
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		capHeadText(c)
	}
}

// cutUTF8 returns s cut to at most n bytes without splitting a rune.
func cutUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// pruneComments removes a page's readers' comments before either reading
// of its body: the elements whose id or class names them a comment
// section or a comment ("comments", "comment-list", "commentBody"; not
// "commentary"), and, on older pages that only mark where the comments
// begin with a named anchor (<a name="comments">), that anchor and all
// that follows it within its parent. trafilatura drops such elements
// itself only in its precise mode and only from its own reading, not
// from the fallback readers it compares with or from the balanced retry.
func pruneComments(n *html.Node) {
	var next *html.Node
	for c := n.FirstChild; c != nil; c = next {
		next = c.NextSibling
		if c.Type != html.ElementNode {
			continue
		}
		if tagOf(c) == atom.A && attr(c, "href") == "" && c.Parent != nil && tagOf(c.Parent) != atom.Body &&
			(commentName(attr(c, "name")) || commentName(attr(c, "id"))) && !articleAfter(c) {
			for d := c; d != nil; d = next {
				next = d.NextSibling
				n.RemoveChild(d)
			}
			return
		}
		if tagOf(c) != atom.Body && tagOf(c) != atom.Html && (commentName(attr(c, "id")) || commentClass(attr(c, "class"))) && !holdsArticle(c) {
			n.RemoveChild(c)
			continue
		}
		pruneComments(c)
	}
}

// holdsArticle reports whether n is, or holds, an <article>, a <main> or
// the page's <h1>: a comment section holds none of them, while an
// article's own element may carry a class about its comments
// ("post comments-open").
func holdsArticle(n *html.Node) bool {
	switch tagOf(n) {
	case atom.Article, atom.Main, atom.H1:
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && holdsArticle(c) {
			return true
		}
	}
	return false
}

// articleAfter reports whether n or a sibling after it holds the article
// (see holdsArticle).
func articleAfter(n *html.Node) bool {
	for ; n != nil; n = n.NextSibling {
		if n.Type == html.ElementNode && holdsArticle(n) {
			return true
		}
	}
	return false
}

func commentClass(class string) bool {
	for _, f := range strings.Fields(class) {
		if commentName(f) {
			return true
		}
	}
	return false
}

// commentName reports whether an id, class or anchor name names a comment
// or a comment section: it begins with "comment", followed by nothing, an
// "s", a separator or a capital ("commentBody"), so "commentary" is not
// one.
func commentName(name string) bool {
	if len(name) < len("comment") || !strings.EqualFold(name[:len("comment")], "comment") {
		return false
	}
	rest := name[len("comment"):]
	rest = strings.TrimPrefix(rest, "s")
	return rest == "" || !(rest[0] >= 'a' && rest[0] <= 'z')
}
