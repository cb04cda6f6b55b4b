package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed/words"
)

// platformLabels are the registered names of platforms that pages link
// to, embed or share on. Their names fill page furniture ("Share on
// Twitter", "Follow us on Facebook") without being the site's own.
var platformLabels = map[string]bool{
	"twitter": true, "facebook": true, "google": true, "youtube": true, "instagram": true, "linkedin": true,
	"pinterest": true, "reddit": true, "whatsapp": true, "tiktok": true, "apple": true, "amazon": true,
	"wordpress": true, "tumblr": true, "flickr": true, "disqus": true, "gravatar": true, "vimeo": true,
	"soundcloud": true, "spotify": true, "snapchat": true, "telegram": true, "medium": true, "github": true,
	"feedburner": true, "addthis": true, "sharethis": true, "taboola": true, "outbrain": true, "doubleclick": true,
	"googleapis": true, "gstatic": true, "cloudfront": true, "akamaihd": true, "w3": true, "schema": true,
	"creativecommons": true, "adobe": true, "gettyimages": true, "flipboard": true, "mailchimp": true,
	"youtu": true, "bit": true, "goo": true, "wikipedia": true, "paypal": true, "patreon": true,
}

// chromeName returns the site's own name as the page's furniture prints
// it, when the page confirms it by printing the site's domain: a name of
// one to four capitalised words, printed at least twice outside the
// article text, whose letters spell a printed domain's registered name
// ("Sportsnet" and sportsnet.ca) or whose initials do ("The Wall Street
// Journal" and wsj.com). It is "" when no name is so confirmed. Domains of
// platforms (twitter.com, facebook.com) confirm nothing.
func chromeName(lines []*textLine, inBody []bool) string {
	labels := printedSiteLabels(lines, inBody)
	if len(labels) == 0 {
		return ""
	}
	type seen struct{ n, words, first int }
	names := map[string]*seen{}
	for i, l := range lines {
		if inBody[i] || l.words > 15 {
			continue
		}
		// Each word without the punctuation around it; punctuation ends
		// a name ("Sportsnet," "(BGR)").
		var words []string
		var cut []bool // cut[j]: a name cannot go on past word j
		for w := range strings.FieldsSeq(l.text) {
			core := strings.TrimLeft(w, "([\"'‘“")
			if core != w && len(cut) > 0 {
				cut[len(cut)-1] = true
			}
			t := strings.TrimRight(core, ",.:;!?)]|'\"’”")
			words, cut = append(words, t), append(cut, t != core)
		}
		for a := range words {
			for b := a; b < min(a+4, len(words)); b++ {
				if !isNameWord(words[b]) {
					break
				}
				phrase := strings.Join(words[a:b+1], " ")
				low := strings.ToLower(phrase)
				if !sectionNames[low] && !isChromeExact(low) {
					if k := nameKey(phrase); labels[k] || b > a && labels[initials(phrase)] {
						s := names[phrase]
						if s == nil {
							s = &seen{words: b - a + 1, first: i}
							names[phrase] = s
						}
						s.n++
					}
				}
				if cut[b] {
					break
				}
			}
		}
	}
	best, bs := "", (*seen)(nil)
	for name, s := range names {
		if s.n < 2 {
			continue
		}
		if bs == nil || s.n > bs.n || s.n == bs.n && (s.words > bs.words || s.words == bs.words && s.first < bs.first) {
			best, bs = name, s
		}
	}
	return best
}

// isNameWord reports whether a word may be part of a site's name: it
// starts with a capital or a digit and holds no dot, at sign or slash.
func isNameWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	return !strings.ContainsAny(w, ".@/#©")
}

// initials returns the first letters of a name's words, in lower case,
// leaving out "the", "of" and "and": "wsj" for "The Wall Street Journal".
func initials(name string) string {
	var b strings.Builder
	for w := range strings.FieldsSeq(name) {
		switch strings.ToLower(w) {
		case "the", "of", "and", "&":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// aboutName returns the site's name as its own "About" link prints it
// ("About the Quay Herald", "About Quayside.example |"), outside the
// article: before its first line of text or after its last, where a
// press release's own "About" heading is not. The name must read as a
// name (capitalised words, or a domain), be no company, section or
// platform, and be confirmed by the page: it is a domain, or another
// line outside the article that is no byline prints it, or the page's
// copyright holder spells it. It is "" when no link qualifies.
func aboutName(lines []*textLine, inBody []bool) string {
	first, last := -1, -1
	for i := range lines {
		if inBody[i] {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	for i, l := range lines {
		if first >= 0 && i >= first && i <= last || !strings.HasPrefix(l.lower, "about ") {
			continue
		}
		name := strings.TrimSpace(strings.TrimRight(l.text[len("about "):], " |"))
		if name == "" || len(name) > 60 {
			continue
		}
		if strings.HasPrefix(name, "the ") {
			name = "The " + name[4:]
		}
		if !aboutNameReads(name) || !aboutConfirmed(lines, inBody, i, name) {
			continue
		}
		return name
	}
	return ""
}

// aboutNameReads reports whether the words after "About" read as a
// site's name.
func aboutNameReads(name string) bool {
	f := strings.Fields(name)
	if len(f) == 1 && looksLikeHost(name) {
		return !platformLabels[siteLabel(bareHost(name))]
	}
	rest := f
	if len(f) > 1 && f[0] == "The" {
		rest = f[1:]
	}
	if len(rest) == 0 || len(rest) > 4 || isCompanyName(name, name) || trimCompanySuffix(name) != name {
		return false
	}
	generic := true
	for _, w := range rest {
		lw := strings.ToLower(w)
		if !isNameWord(w) || words.IsStop(lw) {
			return false
		}
		if !sectionNames[lw] && !aboutGeneric[lw] {
			generic = false
		}
	}
	low := strings.ToLower(name)
	return !generic && !isChromeExact(low) && !platformLabels[nameKey(name)]
}

// aboutConfirmed reports whether the page confirms name, read from its
// "About" line at, as the site's own.
func aboutConfirmed(lines []*textLine, inBody []bool, at int, name string) bool {
	if !strings.Contains(name, " ") && looksLikeHost(name) {
		return true
	}
	k := nameKey(name)
	for i, l := range lines {
		if i == at || inBody[i] {
			continue
		}
		if isCopyrightLine(l.lower) {
			if h := nameKey(copyrightHolder(l.text, l.lower)); len(h) >= 3 && (strings.Contains(h, k) || strings.Contains(k, h)) {
				return true
			}
			continue
		}
		if strings.HasPrefix(l.lower, "by ") || strings.HasPrefix(l.lower, "about ") {
			continue
		}
		if hasWords(l.text, strings.TrimPrefix(name, "The ")) {
			return true
		}
	}
	return false
}

// aboutGeneric are the words an "About" link takes when it is about a
// page's parts or people rather than the site: "About the Author",
// "About this Blog".
var aboutGeneric = map[string]bool{
	"author": true, "authors": true, "writer": true, "writers": true, "editor": true, "editors": true,
	"team": true, "staff": true, "project": true, "site": true, "website": true, "blog": true, "page": true,
	"newsletter": true, "podcast": true, "ads": true, "advertising": true, "cookies": true, "company": true,
	"service": true, "services": true, "program": true, "programme": true, "feeds": true, "rss": true,
}

// welcomeName returns the site's name as its greeting at the top of the
// page prints it ("Welcome to The Quay Herald. Skip to content", "Welcome
// to Quayside.example - the harbour's news"): the greeting must open one
// of the page's first three lines, outside the article, and the name end
// there at a full stop, a dash, a bar or a comma. The name must read as a
// site's and be confirmed by the page, as an "About" link's name is
// (aboutNameReads, aboutConfirmed). It is "" otherwise: "Welcome to the
// Source for harbour news" names no site.
func welcomeName(lines []*textLine, inBody []bool) string {
	const greeting = "welcome to "
	for i, l := range lines {
		if i >= 3 {
			break
		}
		if inBody[i] || !strings.HasPrefix(l.lower, greeting) || len(l.text) <= len(greeting) ||
			!strings.EqualFold(l.text[:len(greeting)], greeting) {
			continue
		}
		name := l.text[len(greeting):]
		for _, sep := range []string{". ", "! ", " - ", " – ", " — ", " | ", ", ", ": "} {
			if j := strings.Index(name, sep); j >= 0 {
				name = name[:j]
			}
		}
		name = strings.TrimRight(strings.TrimSpace(name), ".!,:")
		if strings.HasPrefix(name, "the ") {
			name = "The " + name[4:]
		}
		if name == "" || len(name) > 60 || !aboutNameReads(name) || !aboutConfirmed(lines, inBody, i, name) {
			continue
		}
		return name
	}
	return ""
}

// printedSiteName returns the site's name when the page prints one
// domain outside the article that the signature table does not know, and
// writes its name outside the article as a word of capitals ("KQAY
// News" beside kqay.example) or the domain itself with capitals
// ("KQAY.example: Your station"). It is "" when the page prints no such
// domain, or two, or never writes its name so.
func printedSiteName(x *Extractor, lines []*textLine, inBody []bool) string {
	labels := printedSiteLabels(lines, inBody)
	label := ""
	for lab := range labels {
		if _, known := x.Signatures.lookup(lab); known {
			continue
		}
		if label != "" {
			return ""
		}
		label = lab
	}
	if label == "" {
		return ""
	}
	domain := ""
	for i, l := range lines {
		if inBody[i] || !strings.Contains(l.lower, label) {
			continue
		}
		for w := range strings.FieldsSeq(l.text) {
			w = strings.Trim(w, "()[]<>,;:\"'!?")
			if strings.ToLower(w) == w {
				continue
			}
			if !strings.Contains(w, ".") {
				if nameKey(w) == label && isASCIIUpper(strings.ReplaceAll(w, "-", "")) {
					return w
				}
				continue
			}
			if domain == "" && mayBeHost(w) && looksLikeHost(w) && siteLabel(bareHost(w)) == label {
				domain = w
			}
		}
	}
	return domain
}

// publicationName returns the name a site gives itself outside the
// article where it says whose publication it is: on the line before "A
// publication of Harbour Media" (or "A publication by the"), or before
// ", a publication of" or " is a publication of" on the same line
// ("The Quay Herald is a publication of Harbour Media"). The owner is
// not the site. It is "" when no such line names a name that reads as
// a site's.
func publicationName(lines []*textLine, inBody []bool) string {
	const pub = "a publication "
	for i, l := range lines {
		if inBody[i] {
			continue
		}
		var name string
		j := strings.Index(l.lower, pub)
		switch {
		case j < 0:
			continue
		case j == 0:
			if i == 0 || inBody[i-1] || lines[i-1].words > 5 {
				continue
			}
			name = lines[i-1].text
		case strings.HasSuffix(l.lower[:j], " is ") || strings.HasSuffix(l.lower[:j], ", "):
			name = strings.TrimSuffix(strings.TrimSuffix(l.text[:j], " is "), ", ")
		default:
			continue
		}
		rest := l.lower[j+len(pub):]
		if !strings.HasPrefix(rest, "of") && !strings.HasPrefix(rest, "by") {
			continue
		}
		name = strings.TrimSpace(name)
		if strings.HasPrefix(name, "the ") {
			name = "The " + name[4:]
		}
		if name != "" && len(name) <= 60 && aboutNameReads(name) {
			return name
		}
	}
	return ""
}

// acronymOfDomain returns a word in capitals that opens two lines or
// more outside the article ("QBN Mobile", "QBN Radio") when a domain the
// page prints outside the article begins with it ("qbnharbour.example"):
// the site's short name, as its masthead prints it. It is "" when no word
// qualifies, or when two do. Domains of platforms confirm nothing.
func acronymOfDomain(lines []*textLine, inBody []bool) string {
	labels := printedSiteLabels(lines, inBody)
	if len(labels) == 0 {
		return ""
	}
	opens := map[string]int{}
	for i, l := range lines {
		if inBody[i] || isCopyrightLine(l.lower) {
			continue
		}
		w, _, _ := strings.Cut(l.text, " ")
		if len(w) >= 3 && isASCIIUpper(w) && !sectionNames[strings.ToLower(w)] {
			opens[w]++
		}
	}
	found := ""
	for w, n := range opens {
		if n < 2 {
			continue
		}
		k := strings.ToLower(w)
		for lab := range labels {
			if len(lab) > len(k) && strings.HasPrefix(lab, k) {
				if found != "" && found != w {
					return ""
				}
				found = w
			}
		}
	}
	return found
}

// printedSiteLabels returns the registered names (of three letters or
// more) of the domains the page prints outside the article text, less
// those of platforms, and the site's own social handles ("Follow us
// @quayherald"; see usHandles).
func printedSiteLabels(lines []*textLine, inBody []bool) map[string]bool {
	labels := map[string]bool{}
	for i, l := range lines {
		if inBody[i] {
			continue
		}
		usHandles(l.lower, labels)
		if !strings.Contains(l.lower, ".") {
			continue
		}
		for w := range hostCandidates(l.lower) {
			w = strings.Trim(w, "()[]<>,;:\"'.!?")
			if !mayBeHost(w) || !looksLikeHost(w) || strings.Contains(w, "@") {
				continue
			}
			if lab := siteLabel(bareHost(w)); utf8.RuneCountInString(lab) >= 3 && !platformLabels[lab] {
				labels[lab] = true
			}
		}
	}
	return labels
}

// usHandles adds to labels the social handles a lower-cased line
// outside the article gives as the site's own: one that speaks as "us"
// ("Follow us on the network: @quayherald"), not a writer's ("Follow
// Jane @janedoe"). Handles of platforms are left out.
func usHandles(lower string, labels map[string]bool) {
	if !strings.Contains(lower, "@") || wordsAt(lower, "us", 0) < 0 {
		return
	}
	for w := range strings.FieldsSeq(lower) {
		h, ok := strings.CutPrefix(strings.TrimLeft(w, "(\"'"), "@")
		if !ok {
			continue
		}
		h = strings.TrimRight(h, ".,;:!?)\"'")
		if utf8.RuneCountInString(h) < 3 || platformLabels[h] || strings.ContainsFunc(h, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_')
		}) {
			continue
		}
		labels[strings.ReplaceAll(h, "_", "")] = true
	}
}

// isASCIIUpper reports whether s is made of ASCII capital letters only.
func isASCIIUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// markedMasthead returns the page's masthead (its first line, see
// masthead) when a trade-mark notice names it as the site's mark:
// "Quayside™ is a trade mark of Harbour Newspapers Ltd", "Quayside is a
// registered trademark of …". The company that holds the mark owns the
// site; the mark is the site's own name. The notice may stand where the
// text reader's article runs on into the footer: the masthead it must
// name is confirmation enough. It is "" when the page opens otherwise or
// no notice names the masthead.
func markedMasthead(lines []*textLine, mast string) string {
	if mast == "" {
		return ""
	}
	for _, l := range lines {
		if !strings.Contains(l.text, mast) || !strings.Contains(l.lower, "trade") && !strings.Contains(l.text, "™") {
			continue
		}
		for at := wordsAt(l.text, mast, 0); at >= 0; at = wordsAt(l.text, mast, at+1) {
			rest := strings.ToLower(l.text[at+len(mast):])
			if strings.HasPrefix(rest, "™") || strings.HasPrefix(rest, "(tm)") {
				return mast
			}
			for _, p := range []string{" is a trade mark", " is a trademark", " is a registered trade"} {
				if strings.HasPrefix(rest, p) {
					return mast
				}
			}
		}
	}
	return ""
}
