package extract

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/mmcdole/gofeed"

	"github.com/broadsheet/broadsheet/feed"
)

// sniffFeed reports whether data is an RSS, Atom or JSON Feed document,
// judged by its first element or its JSON Feed version.
func sniffFeed(ext string, data []byte) bool {
	head := bytes.ToLower(firstBytes(skipSpaceAndBOM(data), 2048))
	if len(head) > 0 && head[0] == '{' {
		return bytes.Contains(head, []byte("jsonfeed.org/version"))
	}
	if len(head) == 0 || head[0] != '<' {
		return false
	}
	return firstElement(head, "rss", "feed", "rdf:rdf") || sniffXML(ext, data)
}

// firstElement reports whether the first element of an XML document,
// after its prolog, comments and doctype, is one of names.
func firstElement(head []byte, names ...string) bool {
	for len(head) > 0 {
		head = bytes.TrimLeft(head, " \t\r\n")
		switch {
		case bytes.HasPrefix(head, []byte("<?")):
			i := bytes.Index(head, []byte("?>"))
			if i < 0 {
				return false
			}
			head = head[i+2:]
		case bytes.HasPrefix(head, []byte("<!--")):
			i := bytes.Index(head, []byte("-->"))
			if i < 0 {
				return false
			}
			head = head[i+3:]
		case bytes.HasPrefix(head, []byte("<!")):
			i := skipDoctype(head)
			if i < 0 {
				return false
			}
			head = head[i:]
		case bytes.HasPrefix(head, []byte("<")):
			for _, n := range names {
				if bytes.HasPrefix(head[1:], []byte(n)) && len(head) > len(n)+1 && strings.ContainsRune(" \t\r\n>/", rune(head[len(n)+1])) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
	return false
}

// skipDoctype returns the index just past a <!DOCTYPE ...> declaration,
// which may hold an internal subset in brackets, or -1.
func skipDoctype(b []byte) int {
	depth := 0
	for i, c := range b {
		switch c {
		case '[':
			depth++
		case ']':
			depth--
		case '>':
			if depth <= 0 {
				return i + 1
			}
		}
	}
	return -1
}

// extractFeedFile reads each item of a feed as an article, its outlet the
// feed's title. When the feed is broken part way, the items that are
// whole are still read and the break is a problem.
func extractFeedFile(x *Extractor, src Source) ([]*feed.Article, []feed.Problem) {
	if d := skipSpaceAndBOM(src.Data); len(d) > 0 && d[0] == '{' {
		// A JSON Feed: bounded as any JSON is (see MaxJSONDepth).
		if err := checkStructured("JSON", d, 0, MaxJSONDepth); err != nil {
			return nil, []feed.Problem{{Path: src.Path, Reason: "feed: " + err.Error()}}
		}
	}
	if reason := notAFeed(src.Data); reason != "" {
		return nil, []feed.Problem{{Path: src.Path, Reason: reason}}
	}
	src.Data = prepareFeed(src.Data)
	f, err := gofeed.NewParser().Parse(bytes.NewReader(src.Data))
	if err == nil {
		mendItems(f, src.Data)
		return feedArticles(f), nil
	}
	reason := "feed: " + err.Error()
	items := salvageItems(src.Data)
	if len(items) == 0 {
		return nil, []feed.Problem{{Path: src.Path, Reason: reason}}
	}
	var arts []*feed.Article
	for _, it := range items {
		if f, err := gofeed.NewParser().Parse(bytes.NewReader(it)); err == nil {
			mendItems(f, it)
			arts = append(arts, feedArticles(f)...)
		}
	}
	return arts, []feed.Problem{{Path: src.Path, Reason: fmt.Sprintf("%s (read %d whole items)", reason, len(arts))}}
}

var (
	itemRE         = regexp.MustCompile(`(?s)<item[\s>].*?</item>|<entry[\s>].*?</entry>`)
	channelTitleRE = regexp.MustCompile(`(?s)<title[^>]*>(.*?)</title>`)
)

// salvageItems cuts the whole items out of a broken RSS or Atom document,
// each wrapped to stand as a feed of its own with the channel's title.
func salvageItems(data []byte) [][]byte {
	var title []byte
	if m := channelTitleRE.FindSubmatch(data); m != nil && bytes.Index(data, m[0]) < bytes.Index(data, []byte("<item")) {
		title = m[1]
	}
	var out [][]byte
	for _, m := range itemRE.FindAll(data, -1) {
		var b bytes.Buffer
		if bytes.HasPrefix(m, []byte("<entry")) {
			b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom"><title>`)
			b.Write(title)
			b.WriteString("</title>")
			b.Write(m)
			b.WriteString("</feed>")
		} else {
			b.WriteString(`<rss version="2.0"><channel><title>`)
			b.Write(title)
			b.WriteString("</title>")
			b.Write(m)
			b.WriteString("</channel></rss>")
		}
		out = append(out, b.Bytes())
	}
	return out
}

// feedArticles turns a parsed feed's items into articles.
func feedArticles(f *gofeed.Feed) []*feed.Article {
	outlet := feedTitle(f.Title)
	var arts []*feed.Article
	for _, it := range f.Items {
		a := &feed.Article{
			Format: feed.FormatFeed,
			Title:  feedTitle(it.Title),
			URL:    absoluteURL(it.Link),
		}
		content := it.Content
		if strings.TrimSpace(content) == "" {
			content = it.Description
		}
		a.Body = feedBody(content)
		if outlet != "" {
			a.Outlet, a.OutletSource = outlet, feed.OutletFromMetadata
		} else if o := outletFromURL(a.URL); o != "" {
			a.Outlet, a.OutletSource = o, feed.OutletFromURL
		}
		switch {
		case it.PublishedParsed != nil:
			a.Date = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			a.Date = *it.UpdatedParsed
		}
		var authors []string
		for _, p := range it.Authors {
			if p != nil && p.Name != "" {
				authors = append(authors, p.Name)
			}
		}
		if len(authors) == 0 && it.DublinCoreExt != nil {
			authors = it.DublinCoreExt.Creator
		}
		a.Byline = joinNames(authors)
		if a.Title == "" && a.Body == "" {
			continue
		}
		arts = append(arts, a)
	}
	return arts
}
