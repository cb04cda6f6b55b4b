package extract

import (
	"bytes"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/broadsheet/broadsheet/feed"
)

// sniffHTML reports whether data is a web page: an .html file, or text
// whose first tag is a doctype, <html>, <head> or <body>.
func sniffHTML(ext string, data []byte) bool {
	switch ext {
	case "html", "htm", "xhtml", "shtml":
		return true
	}
	return looksLikeHTML(data) || isMHTML(ext, data)
}

// looksLikeHTML reports whether the start of data is HTML markup.
func looksLikeHTML(data []byte) bool {
	head := bytes.ToLower(firstBytes(skipSpaceAndBOM(data), 1024))
	if bytes.HasPrefix(head, []byte("<?xml")) {
		// XHTML declares itself XML; feeds do too and are not pages.
		return bytes.Contains(head, []byte("<html"))
	}
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<!--", "<meta", "<title"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return p != "<!--" || bytes.Contains(head, []byte("<html"))
		}
	}
	return false
}

// extractHTMLFile reads a web page saved from a browser: its main text
// as Markdown and its headline, outlet, date, byline and address from its
// metadata.
func extractHTMLFile(x *Extractor, src Source) ([]*feed.Article, []feed.Problem) {
	var savedFrom string
	if isMHTML(Extension(src.Path), src.Data) {
		page, loc, err := mhtmlPage(src.Data)
		if err == nil {
			page, err = toUTF8(page)
		}
		if err != nil {
			return nil, []feed.Problem{{Path: src.Path, Reason: err.Error()}}
		}
		src.Data, savedFrom = page, absoluteURL(loc)
	}
	doc, err := parseHTML(src.Data)
	if err != nil {
		reason := err.Error()
		if !strings.HasPrefix(reason, "html:") {
			reason = "html: " + reason
		}
		return nil, []feed.Problem{{Path: src.Path, Reason: reason}}
	}
	capHeadText(doc)
	meta := readPageMeta(doc)
	if meta.url == "" {
		meta.url = savedFrom
	}
	// Where the markup names no site, its links and logo may (read
	// before the page is pruned).
	var marks siteMarks
	if meta.site == "" && outletFromURL(meta.url) == "" {
		marks = gatherSiteMarks(doc)
	}
	// The page as a scrape of it would read, and its title candidates,
	// are taken before mainText, which may change the tree. The text
	// serves a second reading of the body and the outlet of a page whose
	// markup and address name none.
	pruneComments(doc)
	pruneCaptions(doc)
	visible := pageText(doc)
	facts := gatherFacts(doc)
	titles := gatherHTMLTitles(doc, facts, meta)
	body, found := mainText(doc, meta)
	meta.title = pickHTMLTitle(x, titles, body)
	if meta.date.IsZero() && !found.Date.IsZero() {
		meta.date, meta.dateSource = found.Date, feed.DateFromMarkup
	}
	// A date read from the page's elements may be its "Updated" line:
	// the published day printed beside it wins.
	if meta.dateSource == feed.DateFromMarkup {
		if t, ok := publishedOverUpdate(x, visible, meta.date); ok {
			meta.date = t
		}
	}
	if found.Author != "" {
		// trafilatura reads bylines from the page's text as well as its
		// metadata, and tells people from publishers better.
		meta.byline = joinNames(strings.Split(found.Author, "; "))
	}
	body = dropFurniture(dropHeadline(dropRepeats(splitJoined(body, visible)), meta.title, meta.byline))
	reading := textReading(x, src.Path, visible)
	body = dropTail(preferReading(reading, body))
	// A headline run into the first paragraph is looked for only now:
	// cut before the readings are compared, it would tip their balance.
	body = dropRunInHeadline(body, meta.title)
	meta.date, meta.dateSource = datelineOverMarkup(meta.date, meta.dateSource, reading)
	if countWords(body) < minArticleWords {
		return nil, []feed.Problem{{Path: src.Path, Reason: errNotArticle.Error()}}
	}
	var probs []feed.Problem
	if truncatedHTML(src.Data) {
		probs = append(probs, feed.Problem{Path: src.Path, Reason: "html: the file ends before </html>, so the page may be cut short"})
	}
	a := &feed.Article{
		Format:     feed.FormatHTML,
		Title:      meta.title,
		Date:       meta.date,
		DateSource: meta.dateSource,
		Byline:     tidyByline(meta.byline),
		URL:        meta.url,
		Body:       body,
	}
	switch {
	case meta.site != "":
		a.Outlet, a.OutletSource = meta.site, feed.OutletFromMetadata
	case a.URL != "" && outletFromURL(a.URL) != "":
		a.Outlet, a.OutletSource = outletFromURL(a.URL), feed.OutletFromURL
	default:
		g := x.textOutlet(visible, body)
		a.Outlet, a.OutletSource = g.name, g.source
		// The site's name beside the headline in <title> beats one read
		// from the text, unless the two are one outlet: the text's
		// reading then holds the table's one name for it, or the
		// title's spells less of it. The site's name beats its bare
		// domain ("Quay Herald" over quayherald.example).
		site := titleSite(facts.title, meta.title, visible, body, &marks)
		if site != "" && (!sameOutlet(x, site, g.name) || longerName(x, site, g.name) || bareDomainOf(site, g.name)) {
			if x.Signatures != nil {
				site = x.Signatures.Canonical(site)
			}
			a.Outlet, a.OutletSource = site, feed.OutletFromMetadata
		}
		// Failing the title, the name the page prints that spells the
		// domain most of its links go to beats a name read from the
		// text that does not (an agency's, an owner's), and the domain
		// itself stands in for none.
		if site == "" {
			if p := marks.printedName(visible, body); p != "" && !sameOutlet(x, p, g.name) {
				if x.Signatures != nil {
					p = x.Signatures.Canonical(p)
				}
				a.Outlet, a.OutletSource = p, feed.OutletFromMetadata
			} else if a.Outlet == "" && marks.host != "" {
				a.Outlet, a.OutletSource = marks.host, feed.OutletFromURL
			}
		}
	}
	a.Byline = readingByline(x, a.Byline, a.Title, a.Outlet, reading, visible)
	return []*feed.Article{a}, probs
}

// parseHTML parses a page, mending a <title> left unclosed: a title is
// raw text up to "</title>", so a page whose title lacks it (or whose
// closing tag is misspelt, "</titlex>") would otherwise be read as one
// long title with no body at all. A title that holds markup is cut at its
// first "<", where its closing tag belongs.
func parseHTML(data []byte) (*html.Node, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return doc, err
	}
	if at := swallowedTitle(doc, data); at >= 0 {
		mended := make([]byte, 0, len(data)+len("</title>"))
		mended = append(append(append(mended, data[:at]...), "</title>"...), data[at:]...)
		if fixed, err := html.Parse(bytes.NewReader(mended)); err == nil {
			return fixed, nil
		}
	}
	return doc, nil
}

// swallowedTitle returns where in data the page's <title> should have
// closed, when the parsed title holds markup, or -1 when it does not.
func swallowedTitle(doc *html.Node, data []byte) int {
	t := findElement(doc, "title")
	if t == nil || t.FirstChild == nil || !titleHoldsMarkup(t.FirstChild.Data) {
		return -1
	}
	lower := bytes.ToLower(data)
	open := bytes.Index(lower, []byte("<title"))
	if open < 0 {
		return -1
	}
	end := bytes.IndexByte(data[open:], '>')
	if end < 0 {
		return -1
	}
	start := open + end + 1
	lt := bytes.IndexByte(data[start:], '<')
	if lt < 0 {
		return -1
	}
	return start + lt
}

// titleHoldsMarkup reports whether a title's text has swallowed markup:
// it holds a tag ("<p", "</div") and is longer than any headline.
func titleHoldsMarkup(s string) bool {
	if len(s) < 200 {
		return false
	}
	for i := strings.IndexByte(s, '<'); i >= 0 && i+1 < len(s); {
		if c := s[i+1]; c == '/' || c == '!' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			return true
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// findElement returns the first element named tag in n, depth first.
func findElement(n *html.Node, tag string) *html.Node {
	if n.Type == html.ElementNode && n.Data == tag {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, tag); f != nil {
			return f
		}
	}
	return nil
}

// minArticleWords is the fewest words of text a page must have to be
// read as an article; fewer is an index or an error page's furniture.
const minArticleWords = 12

// truncatedHTML reports whether a page that opens as a whole document
// stops before its closing tags, as a download cut short does.
func truncatedHTML(data []byte) bool {
	head := bytes.ToLower(firstBytes(skipSpaceAndBOM(data), 512))
	if !bytes.HasPrefix(head, []byte("<!doctype html")) && !bytes.HasPrefix(head, []byte("<html")) {
		return false
	}
	tail := bytes.ToLower(data[max(0, len(data)-4096):])
	return !bytes.Contains(tail, []byte("</html")) && !bytes.Contains(tail, []byte("</body"))
}

// shortText is the length, in characters of plain text, below which a
// precise extraction is checked against a fuller one.
const shortText = 1500

// mainText finds the page's article text with trafilatura and returns it
// as Markdown. It asks for precision first, which on news pages keeps
// out most related-story teasers and promotions; when that finds little
// text, a balanced extraction is tried too and kept if it finds at least
// twice as much, since precision sometimes discards a whole article.
// Before either, scripts go and text loose among paragraphs gets a
// paragraph of its own (dropScripts, wrapLooseText), so trafilatura
// keeps the words it would lose with them.
// The date returned is the one trafilatura found in the markup, if any.
func mainText(doc *html.Node, meta pageMeta) (string, trafilatura.Metadata) {
	opts := trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
		Focus:           trafilatura.FavorPrecision,
	}
	if meta.date.IsZero() {
		// No date in the page's metadata: search its markup (time
		// elements, dated addresses, date-like classes) for one. Fast
		// mode: the extensive one parses free text with go-dateparser,
		// which can take a third of a second on one odd date.
		opts.HtmlDateMode = trafilatura.Fast
	}
	if u, err := url.Parse(meta.url); err == nil && u.Host != "" {
		opts.OriginalURL = u
	}
	pruneSourceLinks(doc, false)
	dropScripts(doc)
	wrapLooseText(doc)
	body, found := extractWith(doc, opts)
	if n := plainLen(body); n < shortText {
		opts.Focus = trafilatura.Balanced
		opts.HtmlDateMode = trafilatura.Disabled
		if fuller, _ := extractWith(doc, opts); plainLen(fuller) > 2*n {
			body = fuller
		}
	}
	return body, found
}

// extractWith runs trafilatura on doc, which it leaves as it was, and
// returns the text it finds as Markdown, or "" when it finds none.
func extractWith(doc *html.Node, opts trafilatura.Options) (string, trafilatura.Metadata) {
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return "", trafilatura.Metadata{}
	}
	return toMarkdown(res.ContentNode), res.Metadata
}

func plainLen(md string) int { return len(feed.PlainText(md)) }

// outletFromURL names an outlet by its web address's domain, without
// "www." : "https://www.example.com/a" gives "example.com".
func outletFromURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	for _, p := range []string{"www.", "m.", "amp."} {
		host = strings.TrimPrefix(host, p)
	}
	if !strings.Contains(host, ".") {
		return ""
	}
	return host
}

func skipSpaceAndBOM(b []byte) []byte {
	b = bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
	return bytes.TrimLeft(b, " \t\r\n")
}

func firstBytes(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}

// dropHeadline removes the headline from the top of the body, with
// whatever the extraction caught above it (kickers, teasers for other
// stories) and the byline or dateline just below it: the title and byline
// are shown on their own.
func dropHeadline(body, title, byline string) string {
	blocks := strings.Split(body, "\n\n")
	seen := 0
	for i, b := range blocks {
		if seen > len(body)/2 {
			break
		}
		seen += len(b)
		if headlineBlock(strings.TrimLeft(b, "# "), title, byline) {
			blocks = blocks[i+1:]
			break
		}
	}
	for len(blocks) > 1 && isBylineBlock(blocks[0], byline) {
		blocks = blocks[1:]
	}
	return strings.Join(blocks, "\n\n")
}

// dropRunInHeadline cuts a body's first block from after the headline
// run into it (see afterRunInHeadline), once the date lines standing
// first have gone (see dateOnlyBlock).
func dropRunInHeadline(body, title string) string {
	for range 2 {
		first, rest, more := strings.Cut(body, "\n\n")
		if !more || !dateOnlyBlock(first) {
			break
		}
		body = rest
	}
	first, rest, more := strings.Cut(body, "\n\n")
	cut := afterRunInHeadline(first, title)
	if cut == first {
		return body
	}
	if !more {
		return cut
	}
	return cut + "\n\n" + rest
}

// dateOnlyBlock reports whether a block is a date line and no more: a
// few words, not a sentence, at least two of them with digits, one a
// year or a numeric date ("Mon, 3 March 2031", "Updated 9:05am on
// 03.03.31"). isBylineBlock, which weighs such lines under a headline,
// takes neither headings nor dotted dates.
func dateOnlyBlock(blk string) bool {
	text := strings.TrimSpace(feed.PlainText(strings.TrimLeft(blk, "# ")))
	words := strings.Fields(text)
	if len(words) == 0 || len(words) > 8 || endsSentence(text) {
		return false
	}
	digits := 0
	for _, w := range words {
		if strings.ContainsFunc(w, unicode.IsDigit) {
			digits++
		}
	}
	return digits >= 2 && dateLike.MatchString(text)
}

// dateLike matches a year or a date written in numbers.
var dateLike = regexp.MustCompile(`\b(1[89]|20)\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b`)

// afterRunInHeadline returns a first block from after the headline, when
// the headline is run into it among its first words: a page that sets
// its date line, headline and story apart with line breaks alone comes
// out as one paragraph ("Posted 3 May Library stays open HARBOURTON —
// The council …"). The headline must be three words or more, and at
// least a sentence's worth of words (minArticleWords) must follow it.
func afterRunInHeadline(blk, title string) string {
	tw := strings.FieldsFunc(strings.ToLower(title), notWordRune)
	if len(tw) < 3 {
		return blk
	}
	type span struct{ start, end int }
	var spans []span
	start := -1
	for i, r := range blk {
		if notWordRune(r) {
			if start >= 0 {
				spans = append(spans, span{start, i})
				start = -1
			}
			if len(spans) >= maxRunInWords+len(tw) {
				break
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		spans = append(spans, span{start, len(blk)})
	}
	for i := 0; i < maxRunInWords && i+len(tw) <= len(spans); i++ {
		match := true
		for j, w := range tw {
			s := spans[i+j]
			if strings.ToLower(blk[s.start:s.end]) != w {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		rest := strings.TrimLeft(blk[spans[i+len(tw)-1].end:], " *_.:,;-–—\n")
		if countWords(feed.PlainText(rest)) < minArticleWords {
			return blk
		}
		return rest
	}
	return blk
}

// maxRunInWords is how far into a first block afterRunInHeadline looks
// for the headline: past a date line and a kicker, not into the story.
const maxRunInWords = 40

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// headlineBlock reports whether a block of the body is the headline: its
// words, or its words then the byline ("Headline by Jane Doe, 3 March"),
// as a page prints them in one heading.
func headlineBlock(b, title, byline string) bool {
	kb, kt := wordKey(b), wordKey(title)
	if kt == "" || !strings.HasPrefix(kb, kt) {
		return false
	}
	rest := strings.TrimPrefix(kb[len(kt):], "by")
	if rest == "" {
		return true
	}
	for _, name := range strings.Split(byline, ", ") {
		if k := wordKey(name); k != "" && strings.HasPrefix(rest, k) {
			return true
		}
	}
	return false
}

// isBylineBlock reports whether a block at the top of the body is only a
// byline or a dateline: short, and naming the author, opening "By", or
// made mostly of a date.
func isBylineBlock(b, byline string) bool {
	text := feed.PlainText(b)
	words := strings.Fields(text)
	if len(words) == 0 || len(words) > 12 || strings.HasPrefix(b, "#") {
		return false
	}
	if strings.EqualFold(words[0], "by") {
		return true
	}
	for _, name := range strings.Split(byline, ", ") {
		if name != "" && strings.Contains(strings.ToLower(text), strings.ToLower(name)) {
			return true
		}
	}
	digits := 0
	for _, r := range text {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return len(words) <= 8 && digits >= 4 && !strings.ContainsAny(text, ".!?") || len(words) <= 8 && dateLine.MatchString(text)
}

// dateLine matches a line that is a date and time, as pages print them.
var dateLine = regexp.MustCompile(`(?i)^(updated|published|posted)?[:\s]*((mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(\d{1,2}\s+[a-z]+|[a-z]+\s+\d{1,2}),?\s+\d{4}`)
