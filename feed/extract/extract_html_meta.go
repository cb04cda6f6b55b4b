package extract

import (
	"encoding/json"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/broadsheet/broadsheet/feed"
)

// pageMeta is what a web page says of itself in its markup.
type pageMeta struct {
	title, site, byline, url string
	date                     time.Time
	dateSource               string // a feed.DateFrom constant
}

// pageFacts are the raw places a page states its metadata, gathered in
// one walk of the tree.
type pageFacts struct {
	meta      map[string][]string // lower-cased name or property -> contents
	ld        []map[string]any    // JSON-LD objects, flattened from @graph
	h1        []string
	title     string // the <title> element
	canonical string
	timeTag   string // the first <time datetime> in the page
}

// readPageMeta reads a page's headline, outlet, date, byline and address
// from its <meta> tags, JSON-LD, <h1>, <title> and canonical link.
func readPageMeta(doc *html.Node) pageMeta {
	f := gatherFacts(doc)
	var m pageMeta
	m.url = firstOf(absoluteURL(f.canonical), absoluteURL(f.metaValue("og:url")), absoluteURL(f.ldString("url")), absoluteURL(f.ldString("mainEntityOfPage")))
	// The site's own name before its owner's: the publisher in JSON-LD
	// is often the company that owns the site, so a <title> affix that
	// spells the domain wins over it.
	m.site = siteName(firstOf(f.metaValue("og:site_name"), f.metaValue("application-name"),
		titleSiteName(f.title, m.url), f.ldPublisher()))
	m.title = f.headline(m.site, m.url)
	m.byline = f.byline()
	// The published date before the modified one, wherever each is; the
	// day in the page's address before the first <time> of the page,
	// which may be a clock or another story's.
	for _, c := range []struct{ value, source string }{
		{f.metaValue("article:published_time"), feed.DateFromMeta}, {f.ldString("datePublished"), feed.DateFromJSONLD},
		{f.metaValue("og:article:published_time"), feed.DateFromMeta}, {f.metaValue("datepublished"), feed.DateFromMeta},
		{f.metaValue("pubdate"), feed.DateFromMeta}, {f.metaValue("publishdate"), feed.DateFromMeta},
		{f.metaValue("publish-date"), feed.DateFromMeta}, {f.metaValue("parsely-pub-date"), feed.DateFromMeta},
		{f.metaValue("sailthru.date"), feed.DateFromMeta}, {f.metaValue("dc.date.issued"), feed.DateFromMeta},
		{f.metaValue("dcterms.date"), feed.DateFromMeta}, {f.metaValue("dc.date"), feed.DateFromMeta},
		{f.metaValue("date"), feed.DateFromMeta}, {f.metaValue("article.published"), feed.DateFromMeta},
		{f.ldString("dateCreated"), feed.DateFromJSONLD}, {urlDay(m.url), feed.DateFromURL}, {f.timeTag, feed.DateFromMarkup},
		{f.metaValue("article:modified_time"), feed.DateFromMeta}, {f.ldString("dateModified"), feed.DateFromJSONLD},
	} {
		if t := ParseDate(c.value); !t.IsZero() {
			m.date, m.dateSource = t, c.source
			break
		}
	}
	return m
}

// urlDay returns the day a page's address names as YYYY-MM-DD, or "".
func urlDay(u string) string {
	if t, ok := dateInURL(u, time.Now()); ok {
		return t.Format(time.DateOnly)
	}
	return ""
}

func gatherFacts(doc *html.Node) *pageFacts {
	f := &pageFacts{meta: make(map[string][]string)}
	var bodyTitle string
	var walk func(n *html.Node, inBody bool)
	walk = func(n *html.Node, inBody bool) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Body:
				inBody = true
			case atom.Meta:
				content := strings.TrimSpace(attr(n, "content"))
				if content == "" {
					break
				}
				for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
					if key := strings.ToLower(strings.TrimSpace(attr(n, k))); key != "" {
						f.meta[key] = append(f.meta[key], html.UnescapeString(content))
					}
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && f.canonical == "" {
					f.canonical = attr(n, "href")
				}
			case atom.Title:
				// An svg's <title> names a picture, not the page.
				if n.Namespace != "" {
					return
				}
				if !inBody && f.title == "" {
					f.title = cleanSpace(nodeText(n))
				} else if inBody && bodyTitle == "" {
					bodyTitle = cleanSpace(nodeText(n))
				}
			case atom.H1:
				if t := cleanSpace(nodeText(n)); t != "" {
					f.h1 = append(f.h1, t)
				}
				return
			case atom.Time:
				if f.timeTag == "" {
					f.timeTag = attr(n, "datetime")
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
					f.addLD(nodeText(n))
				}
				return
			case atom.Style, atom.Noscript, atom.Template:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inBody)
		}
	}
	walk(doc, false)
	// A stray mark before <!DOCTYPE> ("?" where a byte-order mark was
	// lost) opens the body, and the page's <title> is parsed into it. A
	// browser still shows it as the page's title: the document's first
	// <title>, wherever it stands, when the head holds none.
	if f.title == "" {
		f.title = bodyTitle
	}
	return f
}

// addLD parses one JSON-LD script, keeping the objects that describe the
// page's article (or, failing any, all of them).
func (f *pageFacts) addLD(text string) {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(text)), &v) != nil {
		return
	}
	var objs []map[string]any
	var flatten func(v any)
	flatten = func(v any) {
		switch t := v.(type) {
		case []any:
			for _, e := range t {
				flatten(e)
			}
		case map[string]any:
			if g, ok := t["@graph"]; ok {
				flatten(g)
			}
			objs = append(objs, t)
		}
	}
	flatten(v)
	for _, o := range objs {
		if isArticleType(o["@type"]) {
			f.ld = append([]map[string]any{o}, f.ld...)
		} else {
			f.ld = append(f.ld, o)
		}
	}
}

// isArticleType reports whether a JSON-LD @type names a kind of article.
func isArticleType(t any) bool {
	switch v := t.(type) {
	case string:
		return strings.Contains(v, "Article") || v == "BlogPosting" || v == "Report" || v == "LiveBlogPosting"
	case []any:
		for _, e := range v {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// ldString returns the first article-like JSON-LD object's value of key
// as text.
func (f *pageFacts) ldString(key string) string {
	for _, o := range f.ld {
		if !isArticleType(o["@type"]) {
			continue
		}
		switch v := o[key].(type) {
		case string:
			return strings.TrimSpace(html.UnescapeString(v))
		case map[string]any:
			if s, ok := v["@id"].(string); ok {
				return s
			}
		}
	}
	return ""
}

// ldPublisher returns the article's publisher's name from JSON-LD.
func (f *pageFacts) ldPublisher() string {
	for _, o := range f.ld {
		if !isArticleType(o["@type"]) {
			continue
		}
		if n := names(o["publisher"]); len(n) > 0 {
			return n[0]
		}
	}
	return ""
}

// names returns the names in a JSON-LD person or organisation value,
// which may be a string, an object or a list of either.
func names(v any) []string {
	switch t := v.(type) {
	case string:
		if s := strings.TrimSpace(t); s != "" && !strings.Contains(s, "://") {
			return []string{s}
		}
	case map[string]any:
		return names(t["name"])
	case []any:
		var out []string
		for _, e := range t {
			out = append(out, names(e)...)
		}
		return out
	}
	return nil
}

func (f *pageFacts) metaValue(key string) string {
	for _, v := range f.meta[key] {
		if v = cleanSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// byline returns the article's authors, joined with commas.
func (f *pageFacts) byline() string {
	for _, o := range f.ld {
		if !isArticleType(o["@type"]) {
			continue
		}
		if n := names(o["author"]); len(n) > 0 {
			return joinNames(n)
		}
	}
	for _, k := range []string{"author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"} {
		var n []string
		for _, v := range f.meta[k] {
			if v = cleanSpace(v); v != "" && !strings.Contains(v, "://") && !strings.HasPrefix(v, "@") {
				n = append(n, v)
			}
		}
		if len(n) > 0 {
			return joinNames(n)
		}
	}
	return ""
}

func joinNames(n []string) string {
	seen := make(map[string]bool)
	var out []string
	for _, s := range n {
		s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "By "))
		if s != "" && !seen[strings.ToLower(s)] {
			seen[strings.ToLower(s)] = true
			out = append(out, s)
		}
	}
	return strings.Join(out, ", ")
}

// headline returns the page's own headline: the <h1> when it agrees with
// the page's metadata, else the metadata title, else <title>, each with
// any " | Site" part removed.
func (f *pageFacts) headline(site, pageURL string) string {
	metaTitle := firstOf(f.metaValue("og:title"), f.ldString("headline"), f.metaValue("twitter:title"), f.ldString("name"), f.metaValue("title"))
	pageTitle := stripSiteName(f.title, site, pageURL)
	// An <h1> that agrees with any of the page's titles is the headline
	// as printed; social titles are often rewritten.
	agrees := []string{f.metaValue("og:title"), f.ldString("headline"), f.metaValue("twitter:title"), f.metaValue("title"), f.title, pageTitle}
	for _, h := range f.h1 {
		for _, t := range agrees {
			if t == "" {
				continue
			}
			if sameWords(h, t) || len(h) > 15 && strings.HasPrefix(wordKey(t), wordKey(h)) {
				return h
			}
		}
	}
	if metaTitle != "" {
		return stripSiteName(metaTitle, site, pageURL)
	}
	if len(f.h1) == 1 {
		return f.h1[0]
	}
	if pageTitle != "" {
		return pageTitle
	}
	if len(f.h1) > 0 {
		return f.h1[0]
	}
	return ""
}

// siteName returns a site's name without the tagline some pages add to
// it: "Gazette | News, Sport, Weather" gives "Gazette".
func siteName(s string) string {
	for _, sep := range []string{" | ", " – ", " — ", " :: ", " · "} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	// "Quay Herald - News for the harbour since 1890"; a hyphen alone
	// may join a name's words, so only before a tagline.
	if i := strings.Index(s, " - "); i > 0 && isTagline(s[i+3:]) {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// titleSiteName returns the part of a page title, before or after a
// separator, that names the page's domain: "WIRED" in "Headline |
// WIRED" on wired.com. It is "" when the title names no such part.
func titleSiteName(title, pageURL string) string {
	if pageURL == "" {
		return ""
	}
	label := hostLabel(bareHost(pageURL))
	if label == "" {
		return ""
	}
	title = cleanSpace(title)
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(title, sep); i > 0 {
			if tail := strings.TrimSpace(title[i+len(sep):]); namesHost(tail, label) {
				return tail
			}
		}
		if i := strings.Index(title, sep); i > 0 {
			if head := strings.TrimSpace(title[:i]); namesHost(head, label) {
				return head
			}
		}
	}
	return ""
}

// namesHost reports whether name spells a domain's name part, label (a
// nameKey, as hostLabel gives): "The Verge" for "theverge", "WIRED" for
// "wired".
func namesHost(name, label string) bool {
	if name == "" || label == "" || utf8.RuneCountInString(name) > 60 {
		return false
	}
	if !strings.Contains(name, " ") && strings.Contains(name, ".") {
		return hostLabel(strings.ToLower(name)) == label // "Space.com"
	}
	k := nameKey(name)
	return k != "" && (k == label || "the"+k == label)
}

// titleSeparators split a page title into its headline and the site's
// name.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " « ", " / "}

// stripSiteName removes the site's name from a title such as
// "Headline | Site" or "Site - Headline".
func stripSiteName(title, site, pageURL string) string {
	title = cleanSpace(title)
	host := outletFromURL(pageURL)
	if i := max(strings.LastIndex(title, " » "), strings.LastIndex(title, " > ")); i > 0 {
		// A breadcrumb trail: "Site » Section » Headline".
		if last := strings.TrimSpace(title[i+3:]); len(strings.Fields(last)) >= 3 {
			title = last
		}
	}
	isSite := func(part string) bool {
		k := wordKey(part)
		if len(k) < 3 {
			return false
		}
		if site != "" && (k == wordKey(site) || strings.Contains(wordKey(site), k) || strings.Contains(k, wordKey(site))) {
			return true
		}
		if host != "" {
			hk := wordKey(strings.Split(host, ".")[0])
			if hk != "" && (strings.Contains(k, hk) || strings.Contains(hk, k)) {
				return true
			}
		}
		return false
	}
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(title, sep); i > 0 {
			head, tail := title[:i], title[i+len(sep):]
			if isSite(tail) || len(strings.Fields(tail)) <= 4 && len(strings.Fields(head)) >= 4 && sep != " - " {
				return strings.TrimSpace(head)
			}
		}
		if i := strings.Index(title, sep); i > 0 {
			head, tail := title[:i], title[i+len(sep):]
			if isSite(head) && len(strings.Fields(tail)) >= 2 ||
				sep == " | " && len(strings.Fields(head)) <= 4 && len(strings.Fields(tail)) >= 6 {
				return strings.TrimSpace(tail)
			}
		}
	}
	return title
}

// sameWords reports whether two titles have the same words, ignoring
// case and punctuation.
func sameWords(a, b string) bool {
	ka := wordKey(a)
	return ka != "" && ka == wordKey(b)
}

// wordKey lower-cases s and keeps only its letters and digits.
func wordKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// dateLayouts are the ways pages write publication dates.
var dateLayouts = []string{
	time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05.000Z0700",
	"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 Z0700",
	"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02", "2006/01/02", "20060102",
	time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822, "Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST", "January 2, 2006", "Jan 2, 2006", "2 January 2006", "2 Jan 2006",
}

// ParseDate reads a date written as pages, feeds and sidecar files write
// them (RFC 3339, RFC 1123, "2 January 2006", …); the zero time means it
// could not.
func ParseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t
		}
	}
	// A date followed by anything: "2024-06-19T10:00:00+0100 (BST)".
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t
		}
	}
	return time.Time{}
}

// absoluteURL returns raw when it is an absolute web address.
func absoluteURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if strings.HasPrefix(raw, "http://") || strings.HasPrefix(raw, "https://") {
		return raw
	}
	if strings.HasPrefix(raw, "//") {
		return "https:" + raw
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// nodeText returns all the text under n.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// cleanSpace collapses runs of white space to one space and drops the
// invisibleChars characters pages use for hyphenation and layout.
func cleanSpace(s string) string { return strings.Join(strings.Fields(dropInvisible(s)), " ") }

// invisibleChars are soft hyphens, zero-width spaces and joiners and stray
// byte-order marks.
var invisibleChars = strings.NewReplacer("\u00ad", "", "\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "")

func dropInvisible(s string) string {
	if !strings.ContainsAny(s, "\u00ad\u200b\u200c\u200d\u2060\ufeff") {
		return s
	}
	return invisibleChars.Replace(s)
}

func firstOf(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
