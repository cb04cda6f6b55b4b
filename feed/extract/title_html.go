package extract

import (
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlTitleFeatures name the features of a headline candidate on a web
// page: a heading or bold line of the page, or a title its markup states.
var htmlTitleFeatures = [...]string{
	"fallback",     // the "none of these" candidate
	"rule",         // the hand-set rule's pick (pageFacts.headline)
	"src_h1",       // an <h1>
	"src_h2",       // an <h2>
	"src_h3",       // an <h3>
	"src_h4",       // an <h4> to <h6>
	"src_class",    // an element whose class or id says title or headline
	"src_bold",     // <b>, <strong>, <font> or <big>
	"src_social",   // og:title or twitter:title
	"src_ld",       // JSON-LD headline or name
	"src_title",    // the whole <title>
	"src_part",     // a part of <title> split at a separator
	"src_meta",     // <meta name=title>
	"f1_title",     // token F1 with <title> less the site's name
	"f1_meta",      // best token F1 with og:, twitter: and JSON-LD titles
	"f1_h1",        // best token F1 with another <h1>
	"lead_share",   // share of its words in the article's opening
	"before_body",  // printed before the article's opening
	"near_body",    // how near before it, exp(-chars/500)
	"after_body",   // printed after the article's opening
	"words_short",  // 1 to 3 words
	"words_mid",    // 5 to 22 words
	"words_long",   // more than 22 words
	"cap_share",    // share of capitalised words
	"all_caps",     // no lower-case letter
	"end_period",   // ends with a full stop
	"end_mark",     // ends with ? or !
	"in_link",      // a link, or inside one
	"repeats",      // printed more than once on the page
	"digits",       // share of digits
	"byline",       // opens with "By"
	"date",         // reads as a date
	"standalone",   // the whole text of its block
	"first_h1",     // the page's first <h1>
	"in_title",     // its words run inside <title>
	"printed",      // printed on the page, not only in the markup
	"separator",    // holds " | ", " - " or " :: "
	"title_words",  // share of its words in <title>
	"link_density", // share of its block's text inside links
	"home_link",    // a link to the site's front page
	"src_above",    // one of the lines printed just above the article's opening
	"above_rank",   // 1 for the line just above the opening, 1/2 for the one above it, …
}

const (
	srcH1 = 1 << iota
	srcH2
	srcH3
	srcH4
	srcClass
	srcBold
	srcSocial
	srcLD
	srcTitle
	srcPart
	srcMeta
	srcRule
	srcAbove
)

// htmlTitleCand is a candidate headline gathered from a page.
type htmlTitleCand struct {
	text       string
	key        string
	src        int
	offset     int // where the page's text prints it first; -1 if it does not
	count      int // how many times the page prints it
	inLink     bool
	standalone bool
	firstH1    bool
	linkShare  float64
	homeLink   bool
	aboveRank  float64 // 1/k for the k-th line above the article's opening
}

// htmlTitles are the candidate headlines of a page, gathered before its
// body is extracted (which changes the tree).
type htmlTitles struct {
	cands    []*htmlTitleCand
	byKey    map[string]*htmlTitleCand
	pageText string // the page's printed text, spaces folded
	title    string // <title> less the site's name
	rawTitle string
	metas    []string
	h1s      []string
	site     string
	lines    []htmlLine // the page's printed text cut at blocks and breaks
}

// htmlLine is a run of the page's printed text between two block
// boundaries or line breaks: where it starts in pageText, and how many
// of its characters lie in links.
type htmlLine struct {
	start, linked int
}

// breakLine starts a new line of the page's text at offset at.
func (t *htmlTitles) breakLine(at int) {
	if n := len(t.lines); n > 0 && t.lines[n-1].start == at {
		return
	}
	t.lines = append(t.lines, htmlLine{start: at})
}

// lineBreaks reports whether n starts a new line of printed text.
func lineBreaks(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.Br, atom.Td, atom.Th:
		return true
	}
	return isBlock(n)
}

// maxTitleElements bounds the elements looked at on a page.
const maxTitleElements = 600

// gatherHTMLTitles collects a page's candidate headlines: its headings,
// bold lines and elements classed as titles, with where they print, and
// the titles its markup states.
func gatherHTMLTitles(doc *html.Node, f *pageFacts, m pageMeta) *htmlTitles {
	t := &htmlTitles{byKey: make(map[string]*htmlTitleCand), site: m.site}
	t.rawTitle = cleanSpace(f.title)
	t.title = stripSiteName(f.title, m.site, m.url)
	var text strings.Builder
	seen := 0
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		if n.Type == html.TextNode {
			if s := cleanSpace(n.Data); s != "" {
				text.WriteString(s)
				text.WriteByte(' ')
				if inLink && len(t.lines) > 0 {
					t.lines[len(t.lines)-1].linked += len(s)
				}
			}
			return
		}
		if lineBreaks(n) {
			t.breakLine(text.Len())
			defer func() { t.breakLine(text.Len()) }()
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Select, atom.Option:
				return
			case atom.A:
				inLink = true
			}
			src := 0
			switch n.DataAtom {
			case atom.H1:
				src = srcH1
			case atom.H2:
				src = srcH2
			case atom.H3:
				src = srcH3
			case atom.H4, atom.H5, atom.H6:
				src = srcH4
			case atom.B, atom.Strong, atom.Font, atom.Big:
				src = srcBold
			}
			if c := strings.ToLower(attr(n, "class") + " " + attr(n, "id")); strings.Contains(c, "title") || strings.Contains(c, "headline") {
				src |= srcClass
			}
			// A title is short: read no further than 250 characters
			// would need, so that big containers cost little.
			if src != 0 && seen < maxTitleElements {
				if long, _ := blockText(n, 251); long > 250 {
					src = 0
				}
			}
			if src != 0 && seen < maxTitleElements {
				seen++
				s := cleanSpace(nodeText(n))
				if w := len(strings.Fields(s)); w >= 1 && w <= 30 && utf8.RuneCountInString(s) <= 250 {
					c := t.add(s, src)
					if c != nil && c.offset < 0 {
						c.offset = text.Len()
						ns := utf8.RuneCountInString(s) - strings.Count(s, " ")
						c.inLink = inLink || linkText(n)*2 > ns
						c.homeLink = linksHome(n)
						// The block's text, read no further than needed.
						bt, lt := blockText(blockOf(n), 4*ns+200)
						c.standalone = bt <= ns*5/4+2
						if bt > 0 {
							c.linkShare = float64(lt) / float64(bt)
						}
						c.firstH1 = src&srcH1 != 0 && len(t.h1s) == 0
					}
					if c != nil {
						c.count++
					}
					if src&srcH1 != 0 {
						t.h1s = append(t.h1s, s)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	t.breakLine(0)
	walk(doc, false)
	t.pageText = text.String()
	for _, s := range []string{f.metaValue("og:title"), f.metaValue("twitter:title")} {
		t.add(s, srcSocial)
		t.add(stripSiteName(s, m.site, m.url), srcSocial)
	}
	for _, s := range []string{f.ldString("headline"), f.ldString("name")} {
		t.add(s, srcLD)
		t.add(stripSiteName(s, m.site, m.url), srcLD)
	}
	t.add(f.metaValue("title"), srcMeta)
	t.add(t.rawTitle, srcTitle)
	t.add(t.title, srcPart)
	for _, part := range titleParts(t.rawTitle) {
		t.add(part, srcPart)
	}
	t.add(m.title, srcRule)
	t.metas = []string{f.metaValue("og:title"), f.metaValue("twitter:title"), f.ldString("headline")}
	return t
}

// maxAboveLines is how many lines above the article's opening are
// taken as candidates.
const maxAboveLines = 5

// addAbove adds the short lines printed just above bodyAt, where the
// article's opening prints, as candidates: a headline printed in a plain
// block, with no heading tag or class to tell it, sits there.
func (t *htmlTitles) addAbove(bodyAt int) {
	i, _ := slices.BinarySearchFunc(t.lines, bodyAt+1, func(l htmlLine, at int) int { return l.start - at })
	k := 0
	for i--; i >= 0 && k < maxAboveLines; i-- {
		l := t.lines[i]
		end := len(t.pageText)
		if i+1 < len(t.lines) {
			end = t.lines[i+1].start
		}
		if end > bodyAt {
			continue // the line the opening starts in
		}
		s := strings.TrimSpace(t.pageText[l.start:end])
		if s == "" {
			continue
		}
		k++
		if w := len(strings.Fields(s)); w > 30 || utf8.RuneCountInString(s) > 250 {
			continue
		}
		c := t.add(s, srcAbove)
		if c == nil {
			continue
		}
		if c.aboveRank == 0 {
			c.aboveRank = 1 / float64(k)
		}
		if c.offset < 0 {
			c.offset = l.start
			c.count = strings.Count(t.pageText, s)
			n := len(s) - strings.Count(s, " ") // bytes, as linked counts them
			c.inLink = l.linked*2 > n
			c.linkShare = min(1, float64(l.linked)/float64(max(1, n)))
			c.standalone = true
		}
	}
}

// runningLine returns where the first line of running text at or after
// offset at starts: a line of openingMinWords words or more, within the
// few lines that follow. The article's first paragraph as the extraction
// gives it may join short lines the page prints apart (a headline and
// the lead in one cell, split by a line break); it returns at when none
// is found.
func (t *htmlTitles) runningLine(at int) int {
	i, _ := slices.BinarySearchFunc(t.lines, at+1, func(l htmlLine, at int) int { return l.start - at })
	for i--; i >= 0 && i < len(t.lines) && t.lines[i].start <= at+2000; i++ {
		end := len(t.pageText)
		if i+1 < len(t.lines) {
			end = t.lines[i+1].start
		}
		n := 0
		for _, w := range strings.Fields(t.pageText[max(t.lines[i].start, at):end]) {
			if strings.IndexFunc(w, isAlnum) >= 0 {
				n++
			}
		}
		if n >= openingMinWords {
			return max(t.lines[i].start, at)
		}
	}
	return at
}

// titleParts splits a page title at its separators.
func titleParts(title string) []string {
	parts := []string{title}
	for _, sep := range titleSeparators {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	if len(parts) == 1 {
		return nil
	}
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// add records s as a candidate from src, merging it with an equal one.
func (t *htmlTitles) add(s string, src int) *htmlTitleCand {
	s = cleanSpace(s)
	k := wordKey(s)
	if k == "" || strings.Contains(s, "</") {
		return nil // no words, or markup written out as text
	}
	if c := t.byKey[k]; c != nil {
		c.src |= src
		return c
	}
	c := &htmlTitleCand{text: s, key: k, src: src, offset: -1}
	t.byKey[k] = c
	t.cands = append(t.cands, c)
	return c
}

// blockOf returns the nearest block element holding n.
func blockOf(n *html.Node) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		switch p.DataAtom {
		case atom.P, atom.Div, atom.Td, atom.Th, atom.Li, atom.Section, atom.Article, atom.Header, atom.Body, atom.Center, atom.Table, atom.Span:
			if p.DataAtom == atom.Span {
				continue
			}
			return p
		}
	}
	return n
}

// linkText returns how many characters of text under n lie in links.
func linkText(n *html.Node) int {
	_, in := blockText(n, math.MaxInt)
	return in
}

// linksHome reports whether n is inside or holds a link to a site's
// front page: "/", "index.html", or an address with no path.
func linksHome(n *html.Node) bool {
	home := func(a *html.Node) bool {
		h := strings.TrimSpace(attr(a, "href"))
		if h == "" {
			return false
		}
		if i := strings.Index(h, "://"); i >= 0 {
			h = h[i+3:]
			if j := strings.IndexByte(h, '/'); j >= 0 {
				h = h[j:]
			} else {
				h = "/"
			}
		}
		h = strings.TrimPrefix(h, "/")
		return h == "" || strings.HasPrefix(h, "index.") || h == "default.asp" || h == "default.aspx"
	}
	for p := n; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom == atom.A {
			return home(p)
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.A && home(c) {
			return true
		}
	}
	return false
}

// blockText returns how many characters of text, not counting white
// space, lie under n and how many of them in links, reading no more
// than limit characters.
func blockText(n *html.Node, limit int) (total, inLinks int) {
	var walk func(n *html.Node, in bool)
	walk = func(n *html.Node, in bool) {
		if total >= limit {
			return
		}
		if n.Type == html.TextNode {
			k := 0
			for _, r := range n.Data {
				if !unicode.IsSpace(r) {
					k++
				}
			}
			total += k
			if in {
				inLinks += k
			}
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			in = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, in)
		}
	}
	walk(n, false)
	return total, inLinks
}

// htmlTitleCandidates describes each candidate of t with the features
// htmlTitleFeatures name, given the article's body as Markdown.
func htmlTitleCandidates(t *htmlTitles, body string) []TitleCandidate {
	nf := len(htmlTitleFeatures)
	// The opening is the article's running text: whether the extraction
	// kept a heading over it should not move it.
	running := runningText(body)
	plain := feed.PlainText(running)
	words := strings.Fields(plain)
	lead := wordSet(strings.Join(words[:min(len(words), 80)], " "))
	// Where the article's opening prints on the page: by its first words
	bodyAt := -1
	// where its first paragraph of running text prints, so that a menu
	// or a kicker the extraction kept over it does not count as the
	// article (a headline it kept as a paragraph prints before it).
	probe := openingWords(running)
	if probe == nil {
		probe = words
	}
	for _, n := range []int{6, 3} {
		if len(probe) >= n {
			if i := strings.Index(t.pageText, strings.Join(probe[:n], " ")); i >= 0 {
				bodyAt = i
				break
			}
		}
	}
	if bodyAt >= 0 {
		bodyAt = t.runningLine(bodyAt)
		t.addAbove(bodyAt)
	}
	titleToks := titleTokens(t.rawTitle)
	titleSet := make(map[string]bool, len(titleToks))
	for _, w := range titleToks {
		titleSet[w] = true
	}
	titleKey := wordKey(t.rawTitle)
	cands := make([]TitleCandidate, 0, len(t.cands)+1)
	feats := make([]float64, nf*(len(t.cands)+1))
	for _, c := range t.cands {
		if t.isSiteName(c, titleKey) {
			continue
		}
		i := len(cands)
		f := feats[i*nf : (i+1)*nf : (i+1)*nf]
		for b, k := range []int{srcRule, srcH1, srcH2, srcH3, srcH4, srcClass, srcBold, srcSocial, srcLD, srcTitle, srcPart, srcMeta} {
			f[1+b] = b2f(c.src&k != 0)
		}
		f[13] = TitleF1(c.text, t.title)
		for _, m := range t.metas {
			if m != "" {
				f[14] = max(f[14], TitleF1(c.text, m))
			}
		}
		for _, h := range t.h1s {
			if wordKey(h) != c.key {
				f[15] = max(f[15], TitleF1(c.text, h))
			}
		}
		toks := titleTokens(c.text)
		f[16] = shareIn(c.text, lead)
		if c.offset >= 0 && bodyAt >= 0 {
			if c.offset <= bodyAt {
				f[17] = 1
				f[18] = math.Exp(-float64(bodyAt-c.offset) / 500)
			} else {
				f[19] = 1
			}
		}
		n := len(toks)
		f[20] = b2f(n <= 3)
		f[21] = b2f(n >= 5 && n <= 22)
		f[22] = b2f(n > 22)
		f[23], _ = caseShape(c.text)
		_, caps := caseShape(c.text)
		f[24] = b2f(caps)
		f[25] = b2f(strings.HasSuffix(c.text, ".") && !strings.HasSuffix(c.text, "..."))
		f[26] = b2f(strings.HasSuffix(c.text, "?") || strings.HasSuffix(c.text, "!"))
		f[27] = b2f(c.inLink)
		f[28] = b2f(c.count > 1)
		f[29] = digitShare(c.text)
		f[30] = b2f(len(toks) > 0 && toks[0] == "by")
		if _, ok := parseDate(c.text, time.Time{}); ok {
			f[31] = 1
		}
		f[32] = b2f(c.standalone)
		f[33] = b2f(c.firstH1)
		f[34] = b2f(n >= 2 && c.src&(srcTitle|srcPart) == 0 && strings.Contains(titleKey, c.key))
		f[35] = b2f(c.offset >= 0)
		f[36] = b2f(strings.Contains(c.text, " | ") || strings.Contains(c.text, " - ") || strings.Contains(c.text, " :: "))
		if n > 0 {
			in := 0
			for _, w := range toks {
				if titleSet[w] {
					in++
				}
			}
			f[37] = float64(in) / float64(n)
		}
		f[38] = c.linkShare
		f[39] = b2f(c.homeLink)
		f[40] = b2f(c.src&srcAbove != 0)
		f[41] = c.aboveRank
		cands = append(cands, TitleCandidate{Text: c.text, Features: f})
	}
	fb := feats[len(cands)*nf : (len(cands)+1)*nf]
	fb[0] = 1
	return append(cands, TitleCandidate{Fallback: true, Features: fb})
}

// isSiteName reports whether c is the site's name, which is no headline:
// the name the markup gives the site (or up to four words of it), or the
// masthead, a link to the front page that reads as the whole <title>.
func (t *htmlTitles) isSiteName(c *htmlTitleCand, titleKey string) bool {
	if t.site != "" {
		site := wordKey(t.site)
		if c.key == site || strings.Contains(site, c.key) && len(titleTokens(c.text)) <= 4 {
			return true
		}
	}
	return c.homeLink && c.key == titleKey
}

// pickHTMLTitle returns the headline chosen among a page's candidates,
// or "" when none is and it is to be made from the article.
func pickHTMLTitle(x *Extractor, t *htmlTitles, body string) string {
	cands := htmlTitleCandidates(t, body)
	if x.trace != nil {
		x.recordTitles(cands)
		return "" // as if the fallback won (see TitleCandidates)
	}
	k := DefaultTitleModel().HTML.Pick(cands)
	if k < 0 || cands[k].Fallback {
		return ""
	}
	return cands[k].Text
}

// runningText returns the body's blocks less its headings.
func runningText(body string) string {
	if !strings.Contains(body, "#") {
		return body
	}
	blocks := strings.Split(body, "\n\n")
	out := blocks[:0]
	for _, b := range blocks {
		if !strings.HasPrefix(b, "#") {
			out = append(out, b)
		}
	}
	return strings.Join(out, "\n\n")
}

// openingWords returns the words of the body's first paragraph of
// running text: a block of openingMinWords words or more.
func openingWords(body string) []string {
	for _, b := range strings.Split(body, "\n\n") {
		if strings.HasPrefix(b, "|") {
			continue // a table's rows are no running text
		}
		w := strings.Fields(feed.PlainText(b))
		n := 0
		for _, s := range w {
			if strings.IndexFunc(s, isAlnum) >= 0 {
				n++
			}
		}
		if n >= openingMinWords {
			return w
		}
	}
	return nil
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// openingMinWords is the fewest words of a paragraph of running text.
const openingMinWords = 12
