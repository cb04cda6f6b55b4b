package extract

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html"
	"regexp"
	"strings"

	"golang.org/x/net/html/atom"
)

// xmlRoot returns the name of an XML document's root element, as it is
// written (with any prefix), and where its start tag begins; the prolog,
// comments and doctype before it are skipped. It returns "" and -1 when
// the data does not open with an element.
func xmlRoot(data []byte) (name string, at int) {
	i := 0
	for i < len(data) {
		rest := data[i:]
		trimmed := bytes.TrimLeft(rest, " \t\r\n\ufeff")
		i += len(rest) - len(trimmed)
		rest = trimmed
		var end int
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			end = bytes.Index(rest, []byte("?>")) + 2
		case bytes.HasPrefix(rest, []byte("<!--")):
			end = bytes.Index(rest, []byte("-->")) + 3
		case bytes.HasPrefix(rest, []byte("<!")):
			end = skipDoctype(rest)
		case bytes.HasPrefix(rest, []byte("<")):
			n := 1
			for n < len(rest) && !strings.ContainsRune(" \t\r\n>/", rune(rest[n])) {
				n++
			}
			if n == 1 || n == len(rest) {
				return "", -1
			}
			return string(rest[1:n]), i
		default:
			return "", -1
		}
		if end <= 1 {
			return "", -1
		}
		i += end
	}
	return "", -1
}

// localName returns an element name without its namespace prefix,
// lower-cased.
func localName(name string) string {
	if i := strings.LastIndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	return strings.ToLower(name)
}

// feedRoots are the local names of the root elements feeds have: RSS,
// RSS 1.0's RDF, Atom and a lone Atom entry.
var feedRoots = map[string]bool{"rss": true, "rdf": true, "feed": true, "entry": true}

// sniffXML reports whether data is an XML document that is not a page:
// a feed whose root gofeed does not know by itself (a prefixed <r:rss>,
// a lone <entry>), or any document that declares itself XML or has an
// XML extension, which is read as a feed so that one that is not gives
// a problem rather than an article made of its tags.
func sniffXML(ext string, data []byte) bool {
	name, _ := xmlRoot(firstBytes(data, 4096))
	if name == "" || strings.EqualFold(name, "html") {
		return false
	}
	if feedRoots[localName(name)] {
		return true
	}
	switch ext {
	case "xml", "rss", "atom", "rdf":
	default:
		if !declaresXML(data, name) {
			return false
		}
	}
	return !sniffHTML(ext, data)
}

// declaresXML reports whether data, whose root element is name, shows
// itself XML: by an XML declaration, or by a comment or a namespace
// before a root that is no HTML element.
func declaresXML(data []byte, name string) bool {
	start := skipSpaceAndBOM(data)
	if bytes.HasPrefix(start, []byte("<?xml")) {
		return true
	}
	if atom.Lookup([]byte(strings.ToLower(name))) != 0 {
		return false
	}
	return bytes.HasPrefix(start, []byte("<!--")) || bytes.Contains(firstBytes(start, 1024), []byte("xmlns"))
}

// notAFeed returns why an XML document cannot be read as a feed, or "".
func notAFeed(data []byte) string {
	if bytes.HasPrefix(skipSpaceAndBOM(data), []byte("{")) {
		return ""
	}
	name, _ := xmlRoot(firstBytes(data, 4096))
	if name != "" && !feedRoots[localName(name)] {
		return fmt.Sprintf("not a feed: an XML document whose root is <%s>", name)
	}
	return ""
}

// prepareFeed rewrites the feed syntax gofeed does not read into syntax
// it does: RSS whose elements carry a namespace prefix, an Atom entry
// standing as a document of its own, and Atom 0.3 content in base64.
func prepareFeed(data []byte) []byte {
	name, at := xmlRoot(firstBytes(data, 4096))
	switch {
	case at < 0:
		return data
	case localName(name) == "rss" && strings.Contains(name, ":"):
		prefix := name[:strings.IndexByte(name, ':')+1]
		data = bytes.ReplaceAll(data, []byte("<"+prefix), []byte("<"))
		data = bytes.ReplaceAll(data, []byte("</"+prefix), []byte("</"))
	case localName(name) == "entry":
		var b bytes.Buffer
		b.Write(data[:at])
		b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom">`)
		b.Write(data[at:])
		b.WriteString("</feed>")
		data = b.Bytes()
	}
	if bytes.Contains(data, []byte("base64")) {
		data = base64Content.ReplaceAllFunc(data, decodeBase64Content)
	}
	return data
}

// base64Content matches an Atom 0.3 content element in base64 mode.
var base64Content = regexp.MustCompile(`(?s)<content(\s[^>]*?)\bmode\s*=\s*["']base64["']([^>]*)>(.*?)</content>`)

// decodeBase64Content turns one base64 content element into an escaped
// one holding the same text; content that is not base64 is left.
func decodeBase64Content(m []byte) []byte {
	sub := base64Content.FindSubmatch(m)
	if sub == nil {
		return m
	}
	raw := bytes.Join(bytes.Fields(sub[3]), nil)
	text, err := base64.StdEncoding.DecodeString(string(raw))
	if err != nil {
		return m
	}
	return []byte("<content" + string(sub[1]) + `mode="escaped"` + string(sub[2]) + ">" + html.EscapeString(string(text)) + "</content>")
}
