package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// siteMarks are the places a page's markup names its own site without
// saying so in metadata: the domain most of its links go to, the logo in
// a link to its home page, the titles of its feeds, and the names a few
// <meta> tags give (author, publisher, copyright, a phone's home-screen
// title). None of them is taken as the site alone: the domain confirms a
// name the page prints, and the names are candidates the domain or the
// <title> must confirm.
type siteMarks struct {
	host  string   // the domain most of the page's links go to, "" when none leads
	label string   // host's registered name, as siteLabel gives it
	logos []string // the alt or title of an image in a link to the site's home page
	names []string // feed titles' site parts and the <meta> tags' names
}

// Link counts a domain must reach to lead a page's links: at least
// minLeadLinks links, leadShare tenths of all links to other pages, and
// twice the next domain's. A page's own links are mostly relative, so
// the absolute ones also hold advertisers and partners; a lead this
// clear is the site's own (or its network's).
const (
	minLeadLinks = 5
	leadShare    = 4
)

// gatherSiteMarks reads a page's site marks in one walk of its tree.
func gatherSiteMarks(doc *html.Node) siteMarks {
	var m siteMarks
	counts := map[string]int{}
	hosts := map[string]string{} // label -> the shortest host seen under it
	total := 0
	type logo struct{ name, label string }
	var logos []logo
	// home is the registered name of the home page the enclosing link
	// points at: "" for none, "." for the page's own (a relative link).
	var walk func(n *html.Node, home string)
	walk = func(n *html.Node, home string) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.A:
				href := strings.TrimSpace(attr(n, "href"))
				if abs := absoluteURL(href); abs != "" {
					if h := bareHost(abs); strings.Contains(h, ".") {
						if l := siteLabel(h); l != "" {
							total++
							counts[l]++
							if s, ok := hosts[l]; !ok || len(h) < len(s) {
								hosts[l] = h
							}
						}
					}
				}
				home = ""
				if isHomeLink(href) {
					home = "."
					if abs := absoluteURL(href); abs != "" {
						home = siteLabel(bareHost(abs))
					}
					if t := logoName(attr(n, "title")); t != "" {
						logos = append(logos, logo{t, home})
					}
				}
			case atom.Img:
				if home != "" {
					for _, k := range []string{"alt", "title"} {
						if t := logoName(attr(n, k)); t != "" {
							logos = append(logos, logo{t, home})
							break
						}
					}
				}
			case atom.Link:
				rel := strings.ToLower(attr(n, "rel"))
				typ := strings.ToLower(attr(n, "type"))
				if strings.Contains(rel, "alternate") && (strings.Contains(typ, "rss") || strings.Contains(typ, "atom")) {
					if t := feedSite(attr(n, "title")); t != "" {
						m.names = append(m.names, t)
					}
				}
			case atom.Meta:
				switch strings.ToLower(firstOf(attr(n, "name"), attr(n, "property"))) {
				case "author", "publisher", "copyright", "apple-mobile-web-app-title", "twitter:site":
					if t := feedSite(strings.TrimPrefix(cleanSpace(html.UnescapeString(attr(n, "content"))), "@")); t != "" {
						m.names = append(m.names, t)
					}
				}
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, home)
		}
	}
	walk(doc, "")
	best, second := "", 0
	for l, n := range counts {
		if n > counts[best] || n == counts[best] && l < best {
			best = l
		}
	}
	for l, n := range counts {
		if l != best && n > second {
			second = n
		}
	}
	if n := counts[best]; best != "" && n >= minLeadLinks && n*10 >= total*leadShare && n >= 2*second {
		m.host, m.label = hosts[best], best
	}
	// A logo linking to another site's home page is that site's (a
	// partner's, a network's): only the page's own home counts.
	for _, l := range logos {
		if l.label == "." || l.label == m.label && m.label != "" {
			m.logos = append(m.logos, l.name)
		}
	}
	return m
}

// isHomeLink reports whether href points at a site's home page: "/",
// "index.html", "http://quayherald.example/", "/default.aspx".
func isHomeLink(href string) bool {
	if href == "" || strings.ContainsAny(href, "?#") || strings.HasPrefix(strings.ToLower(href), "javascript:") {
		return false
	}
	path := href
	if abs := absoluteURL(href); abs != "" {
		rest := abs[strings.Index(abs, "//")+2:]
		i := strings.IndexByte(rest, '/')
		if i < 0 {
			return true
		}
		path = rest[i:]
	}
	path = strings.TrimPrefix(strings.TrimPrefix(path, "."), "/")
	if path == "" {
		return true
	}
	base := strings.ToLower(path)
	for _, p := range []string{"index.", "default.", "home."} {
		if strings.HasPrefix(base, p) && !strings.Contains(base, "/") {
			return true
		}
	}
	return false
}

// logoName returns the name a logo's alt text gives, without the words
// that say it is a logo ("Quay Herald logo", "Quay Herald home"), or ""
// when the text is no name.
func logoName(s string) string {
	s = cleanSpace(s)
	for _, w := range []string{" logo", " home page", " homepage", " home"} {
		if len(s) > len(w) && strings.EqualFold(s[len(s)-len(w):], w) {
			s = strings.TrimSpace(s[:len(s)-len(w)])
		}
	}
	if s == "" || utf8.RuneCountInString(s) > 40 || len(strings.Fields(s)) > 5 || !isNameLike(s) {
		return ""
	}
	return s
}

// feedSite returns the site's part of a feed's title or of a <meta>
// name: "Quay Herald" in "Quay Herald - Sport Headlines", or "" when it
// is no name.
func feedSite(s string) string {
	s = cleanSpace(s)
	for _, sep := range titleSiteSeparators {
		if i := strings.Index(s, sep); i > 0 {
			s = strings.TrimSpace(s[:i])
		}
	}
	s = strings.TrimRight(s, ",;")
	if s == "" || utf8.RuneCountInString(s) > 40 || len(strings.Fields(s)) > 5 || !isNameLike(s) {
		return ""
	}
	return s
}

// confirms reports whether the marks show name is the site's: it spells
// the domain most links go to, or a logo in a link to the home page
// bears it.
func (m *siteMarks) confirms(name string) bool {
	if m == nil {
		return false
	}
	if m.label != "" && namesHost(name, m.label) {
		return true
	}
	k := wordKey(name)
	if len(k) < 3 {
		return false
	}
	for _, l := range m.logos {
		if wordKey(l) == k {
			return true
		}
	}
	return false
}

// printedName returns the site's name as the page gives it where it
// spells the domain most of the page's links go to: a logo's alt, a
// feed's title, a <meta> name, or a short line of the page's text
// outside the article ("WVKQ" on a page whose links go to wvkq.example).
// It is "" when the page prints no such name or no domain leads.
func (m *siteMarks) printedName(visible, body string) string {
	if m == nil || m.label == "" {
		return ""
	}
	for _, set := range [][]string{m.logos, m.names} {
		for _, n := range set {
			if namesHost(n, m.label) {
				return n
			}
		}
	}
	for l := range strings.SplitSeq(visible, "\n") {
		l = cleanSpace(l)
		if strings.Contains(l, "://") && !strings.Contains(l, " ") {
			l = bareHost(l) // an address printed whole: its domain
		}
		if l == "" || len(strings.Fields(l)) > 5 || !isNameLike(l) || strings.Contains(body, l) && len(strings.Fields(l)) > 1 {
			continue
		}
		if namesHost(l, m.label) {
			return l
		}
	}
	return ""
}
