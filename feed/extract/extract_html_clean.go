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

// wrapLooseText gives a paragraph of its own to text that sits loose
// among a container's paragraphs: the words, links and line breaks
// between two blocks of an element that holds <p> children. A browser
// shows such a run as a paragraph like its neighbours, and older pages
// often print the lead that way (the first lines before the first <p>,
// or the text after a dateline heading that closed the <p> it opened),
// but trafilatura reads only the elements, so it skipped the lead.
func wrapLooseText(n *html.Node) {
	hasP := false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			if tagOf(c) == atom.P && countWords(nodeText(c)) >= minLooseParaWords {
				hasP = true
			}
			if !skipTags[tagOf(c)] {
				wrapLooseText(c)
			}
		}
	}
	if !hasP || tagOf(n) == atom.P {
		return
	}
	var run []*html.Node
	wrap := func() {
		if len(run) > 0 && strings.TrimSpace(nodesText(run)) != "" {
			p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
			n.InsertBefore(p, run[0])
			for _, r := range run {
				n.RemoveChild(r)
				p.AppendChild(r)
			}
		}
		run = run[:0]
	}
	var next *html.Node
	for c := n.FirstChild; c != nil; c = next {
		next = c.NextSibling
		if c.Type == html.TextNode || c.Type == html.CommentNode || c.Type == html.ElementNode && !isBlock(c) && !holdsBlock(c) {
			run = append(run, c)
			continue
		}
		wrap()
	}
	wrap()
}

// minLooseParaWords is the fewest words a container's paragraph must
// have for the container to be taken as one of paragraphs: a <p> that
// holds only a picture does not make its neighbour, a caption, one.
const minLooseParaWords = 1

// holdsBlock reports whether an element holds a block element.
func holdsBlock(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if isBlock(c) || c.Type == html.ElementNode && holdsBlock(c) {
			return true
		}
	}
	return false
}

func nodesText(ns []*html.Node) string {
	var b strings.Builder
	for _, n := range ns {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		} else if n.Type == html.ElementNode && !skipTags[tagOf(n)] {
			b.WriteString(nodeText(n))
		}
	}
	return b.String()
}

// dropScripts removes the scripts, styles and <noscript> fallbacks
// from the page before trafilatura reads it, keeping JSON data (JSON-LD
// metadata). A reader never sees them as text, and trafilatura, which
// removes them itself, loses with them the text that follows them inside
// a paragraph: an advertisement's script in the middle of a <p> cost the
// paragraph's words.
func dropScripts(n *html.Node) {
	var next *html.Node
	for c := n.FirstChild; c != nil; c = next {
		next = c.NextSibling
		if c.Type != html.ElementNode {
			continue
		}
		switch tagOf(c) {
		case atom.Script:
			if !strings.Contains(strings.ToLower(attr(c, "type")), "json") {
				n.RemoveChild(c)
			}
			continue
		case atom.Noscript, atom.Style:
			n.RemoveChild(c)
			continue
		}
		dropScripts(c)
	}
}

// pruneCaptions removes the captions of a page's pictures before either
// reading of its body: <figcaption> elements and elements whose id or
// class names a caption or a cutline ("caption", "photo-caption",
// "imgCaption", "cutline"), when they are short (maxCaptionWords) and
// hold no article (see holdsArticle). Both readings keep a caption as a
// paragraph, often beside the lead or printed twice (under the picture
// and in a gallery), and it is not the article's text.
func pruneCaptions(n *html.Node) {
	var next *html.Node
	for c := n.FirstChild; c != nil; c = next {
		next = c.NextSibling
		if c.Type != html.ElementNode {
			continue
		}
		if tagOf(c) != atom.Body && tagOf(c) != atom.Html &&
			(tagOf(c) == atom.Figcaption || captionName(attr(c, "id")) || captionName(attr(c, "class"))) &&
			!holdsArticle(c) && countWords(nodeText(c)) <= maxCaptionWords {
			n.RemoveChild(c)
			continue
		}
		pruneCaptions(c)
	}
}

// maxCaptionWords is the most words an element named a caption may hold
// for pruneCaptions to take it for one.
const maxCaptionWords = 80

// captionName reports whether an id or class names a caption: a word of
// it holds "caption" or "cutline", in any case.
func captionName(name string) bool {
	l := strings.ToLower(name)
	return strings.Contains(l, "caption") || strings.Contains(l, "cutline")
}
