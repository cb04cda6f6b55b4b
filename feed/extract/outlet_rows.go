package extract

import (
	"strings"
	"unicode"
)

// Scraped text has no links or logo, but the page's chrome rows still
// name the site: "Advertise with quayherald.example" at the foot, the
// page's domain printed with its date over the story, and a network bar
// of its own and its sisters' home pages.

// advertisedHost returns the domain a chrome line offers advertising on
// ("… | Advertise with quayherald.example"): a site sells space on
// itself, so the domain is the page's own. "Advertise with us" names
// nothing. It is "" when no line outside the article says so.
func advertisedHost(lines []*textLine, inBody []bool) string {
	for i, l := range lines {
		if inBody[i] {
			continue
		}
		for at := 0; ; {
			k := strings.Index(l.lower[at:], "advertise with ")
			if k < 0 {
				break
			}
			at += k + len("advertise with ")
			w, _, _ := strings.Cut(l.text[at:], " ")
			w = strings.TrimRight(w, ".,;|")
			if looksLikeHost(w) && !strings.Contains(w, "@") {
				return bareHost(w)
			}
		}
	}
	return ""
}

// datedHost returns the domain printed at the head of a line whose rest
// is the story's date and time ("www.quayherald.example 2008-01-02
// 10:30:00"): the site stamping its own story. Only lines outside the
// article, among the page's first 12, count.
func datedHost(lines []*textLine, inBody []bool) string {
	for i, l := range lines {
		if i >= 12 {
			break
		}
		if inBody[i] || !strings.HasPrefix(l.lower, "www.") {
			continue
		}
		h, rest, ok := strings.Cut(l.text, " ")
		rest = strings.TrimSpace(rest)
		if !ok || rest == "" || !looksLikeHost(h) || strings.Contains(h, "/") {
			continue
		}
		digits := 0
		for _, r := range rest {
			switch {
			case unicode.IsDigit(r):
				digits++
			case strings.ContainsRune(" -/:.", r):
			default:
				digits = -1000
			}
		}
		if digits >= 6 {
			return bareHost(h)
		}
	}
	return ""
}

// networkHome returns the site's name from a chrome row that links its
// home page and its sisters' ("Blogs | Quay Herald Home | Quay Business
// Home | News | Sport"): two or more items that are a name of
// capitalised words and "Home", with different names; the first is the
// site's. A single "X Home" item is a section's ("Sport Home") as often
// as a site's, so it names nothing. It is "" when no row qualifies.
func networkHome(lines []*textLine, inBody []bool) string {
	for i, l := range lines {
		if inBody[i] || !strings.Contains(l.text, "|") {
			continue
		}
		var names []string
		for item := range strings.SplitSeq(l.text, "|") {
			name, ok := strings.CutSuffix(strings.TrimSpace(item), " Home")
			if !ok {
				continue
			}
			ws := strings.Fields(name)
			if len(ws) < 2 || len(ws) > 4 {
				continue
			}
			good := true
			for _, w := range ws {
				good = good && isNameWord(w)
			}
			if good && (len(names) == 0 || !sameNameKey(names[0], name)) {
				names = append(names, name)
			}
		}
		if len(names) >= 2 {
			return names[0]
		}
	}
	return ""
}
