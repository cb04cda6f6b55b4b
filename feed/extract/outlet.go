package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/words"
)

// outletGuess is an outlet found in a file's text and where it came from.
type outletGuess struct {
	name   string
	source string // an OutletFrom constant
	url    string // the page's own address, when the text printed it
}

// metadataKeys are "key: value" header fields that name the outlet.
var metadataKeys = map[string]bool{
	"outlet": true, "source": true, "publisher": true, "publication": true, "site": true, "site_name": true,
	"site name": true, "og:site_name": true, "newspaper": true,
}

// outletOf finds the outlet of a text article, in order of trust: a
// metadata header, the page's own URL or domain, the signature table,
// the copyright holder. inBody marks the lines kept as article text,
// whose mentions of outlets ("told Reuters") count for little.
func (x *Extractor) outletOf(lines []*textLine, inBody []bool) outletGuess {
	var g outletGuess
	// Metadata: "Source: The Harbour Gazette" among the first lines.
	for i, l := range lines {
		if i >= 12 {
			break
		}
		k, v, ok := strings.Cut(l.text, ":")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		switch {
		case k == "url" || k == "link" || k == "canonical":
			if g.url == "" && looksLikeHost(v) {
				g.url = v
			}
		case metadataKeys[k] && v != "" && utf8.RuneCountInString(v) < 60:
			if g.name == "" {
				g.name, g.source = v, feed.OutletFromMetadata
			}
		}
	}
	if g.name != "" {
		return g
	}

	// The page's own address, printed alone on a line of the chrome.
	var host, printed string
	for i, l := range lines {
		if inBody[i] || strings.ContainsAny(l.text, " \t") {
			continue
		}
		if isPageURL(l.lower) {
			if g.url == "" {
				g.url = l.text
			}
			host = bareHost(l.text)
			break
		}
	}
	if host == "" {
		for i, l := range lines {
			if !inBody[i] && strings.HasPrefix(l.lower, "www.") && !strings.ContainsAny(l.text, " \t") &&
				!strings.Contains(l.text, "/") && looksLikeHost(l.text) && strings.Count(l.lower, ".") <= 3 {
				host = bareHost(l.text)
				break
			}
		}
		// A domain printed alone may be an advertiser's: the page's
		// own notice naming another domain ("© 2008 Quaysider.example")
		// is the site's.
		if own := lastHolder(lines, inBody); host != "" && looksLikeHost(own.name) && !strings.Contains(own.name, " ") &&
			hostLabel(bareHost(own.name)) != hostLabel(host) {
			host, printed = bareHost(own.name), own.name
		}
	}
	// Failing a bare address, the domain the chrome sells advertising
	// on, or stamps over the story with its date; the name the page
	// gives otherwise stands when it is that domain's ("Quay Herald"
	// over quayherald.example), as a printed name beats a bare address.
	if host == "" {
		if host = advertisedHost(lines, inBody); host == "" {
			host = datedHost(lines, inBody)
		}
		if host != "" {
			if n := x.namedOutlet(lines, inBody, g); sameOutlet(x, n.name, host) && !looksLikeHost(n.name) {
				return n
			}
		}
	}
	if host != "" {
		g.source = feed.OutletFromURL
		if x.Signatures != nil {
			if i, ok := x.Signatures.lookupHost(host); ok {
				g.name = x.Signatures.List[i].Outlet
				return g
			}
		}
		// The site's name as its chrome prints it, when it spells the
		// domain: "The Harbour Gazette" for harbourgazette.example.
		label := hostLabel(host)
		for i, l := range lines {
			if !inBody[i] && l.words <= 6 && hasNameKey(l.text, label) {
				g.name = l.text
				return g
			}
		}
		g.name = host
		if printed != "" {
			g.name = printed // as the page writes it: "Quaysider.example"
		}
		return g
	}
	return x.namedOutlet(lines, inBody, g)
}

// namedOutlet is outletOf's search when the page prints no address of
// its own: the names its chrome, the signature table and its notices
// give, in that order. g holds the page's URL, if any.
func (x *Extractor) namedOutlet(lines []*textLine, inBody []bool, g outletGuess) outletGuess {
	// The site's greeting at the top of the page names it: "Welcome to
	// The Quay Herald. Skip to content".
	if name := welcomeName(lines, inBody); name != "" {
		if x.Signatures != nil {
			name = x.Signatures.Canonical(name)
		}
		g.name, g.source = name, feed.OutletFromSignature
		return g
	}
	// The site says whose publication it is: "Quay Herald / A
	// publication of Harbour Media".
	if name := publicationName(lines, inBody); name != "" {
		g.name, g.source = name, feed.OutletFromSignature
		return g
	}
	// The name the page's furniture repeats and its printed domain
	// spells beats the table: a site that carries a wire story names the
	// agency in its text, not in its chrome.
	if name := chromeName(lines, inBody); name != "" {
		if x.Signatures != nil {
			name = x.Signatures.Canonical(name)
		}
		g.name, g.source = name, feed.OutletFromSignature
		return g
	}
	mast := masthead(lines)
	// The masthead a trade-mark notice names as the site's mark.
	if name := markedMasthead(lines, mast); name != "" {
		g.name, g.source = name, feed.OutletFromSignature
		return g
	}
	// The site's own "About" link names it over an agency the table
	// finds in the story, or when the table finds nothing.
	about := aboutName(lines, inBody)
	if x.Signatures != nil && about != "" {
		about = x.Signatures.Canonical(about)
	}
	if x.Signatures != nil {
		if name, site, ok := x.signatureOutlet(lines, inBody); ok {
			if about != "" {
				if !site && !sameOutlet(x, about, name) {
					name = about
				}
				g.name, g.source = name, feed.OutletFromSignature
				return g
			}
			// A site that carries an agency's story prints the agency's
			// name by the story and its own in the page's last notice:
			// a holder the table does not know, and no company, is the
			// site ("© 2008 The Quay Daily News" under an AP story),
			// unless the page's furniture shows the table's outlet is
			// the site (its domain, its chrome).
			// The table's own notice ("© 2008 The Associated Press. All
			// rights reserved.") under the story is no sign that the page
			// is the agency's when the page's last notice, after it, names
			// another holder: that notice is the site's.
			own := lastHolder(lines, inBody)
			story := !site || own.line != "" && noticeBefore(x, lines, own.line, name)
			if story && own.name != "" && !isCompanyName(own.line, own.name) {
				holder := ownOfTwoHolders(lines, inBody, own.name)
				if _, known := x.Signatures.lookup(holder); holder != "" && !known && !sameOutlet(x, holder, name) {
					g.name, g.source = holder, feed.OutletFromSignature
					return g
				}
			}
			// Failing a notice of its own, the site's name as the page
			// prints its one domain: "KQAY News" beside kqay.example.
			if story {
				if own := printedSiteName(x, lines, inBody); own != "" && !sameOutlet(x, own, name) {
					name = own
				}
			}
			g.name, g.source = name, feed.OutletFromSignature
			return g
		}
	}
	if about != "" {
		g.name, g.source = about, feed.OutletFromSignature
		return g
	}
	// A network bar's first home page ("Quay Herald Home | Quay
	// Business Home") is the site's: it beats an owner's notice.
	if name := networkHome(lines, inBody); name != "" {
		g.name, g.source = name, feed.OutletFromSignature
		return g
	}
	// The copyright holder last: it is often the company that owns the
	// site. A company ("X Media Group, Inc.") gives way to the site's
	// name printed before the notice ("Gazette © 2024 X Media") or to a
	// masthead the page repeats or whose domain it prints
	// ("Harbourline" on a page that links harbourline.example).
	for i, l := range lines {
		if inBody[i] {
			continue
		}
		name := copyrightHolder(l.text, l.lower)
		if _, _, sign := lowerCallSign(name[strings.LastIndexByte(name, ' ')+1:], ""); sign && strings.Contains(name, " and ") {
			name = ownOfTwoHolders(lines, inBody, name) // "Sitehost and kqay"
		}
		if name == "" {
			continue
		}
		if isCompanyName(l.text, name) {
			if pre := namedBeforeCopyright(l.text); pre != "" {
				name = pre
			} else if mast != "" && (repeatsInChrome(lines, mast) || mentionsHost(lines, hostLabel(strings.ToLower(mast)))) {
				name = mast
			} else if site := siteOfCompany(lines, inBody, name); site != "" {
				name = site
			} else if a := acronymOfDomain(lines, inBody); a != "" {
				name = a
			} else if d := brandedDomain(lines, inBody); d != "" && !sameOutlet(x, d, name) {
				name = d
			}
		}
		g.name, g.source = name, feed.OutletFromSignature
		return g
	}
	return g
}

// holderLine is a copyright holder and the notice that names it.
type holderLine struct{ name, line string }

// lastHolder returns the holder of the page's last copyright notice
// outside the article text, when it names one.
func lastHolder(lines []*textLine, inBody []bool) holderLine {
	for i := len(lines) - 1; i >= 0; i-- {
		l := lines[i]
		if inBody[i] || !isCopyrightLine(l.lower) && !signInShortLine(l.text) && copyrightLink(l.text) == "" && allContentName(l.text, l.lower) == "" {
			continue
		}
		return holderLine{copyrightHolder(l.text, l.lower), l.text}
	}
	return holderLine{}
}

// masthead returns the site's name as the top of a page may print it:
// the page's first line past links such as "Skip to content" and "Menu",
// when it is a few capitalised words. It is "" when
// the page opens otherwise. It is only a candidate, which the rest of
// the page must confirm.
func masthead(lines []*textLine) string {
	seen := 0
	for i, l := range lines {
		if i >= 12 || seen >= 1 {
			break
		}
		// A line with no letter ("?", "|") is a mark that lost its
		// picture, not the page's first words.
		if l.text == "" || isChromeExact(l.key) || !strings.ContainsFunc(l.text, unicode.IsLetter) || chromeRow(l.lower) {
			continue
		}
		seen++
		if l.words > 4 || hasNameBreaker(l.text) || endsSentence(l.text) || strings.ContainsAny(l.text, "@#©") {
			continue
		}
		capital := true
		for w := range strings.FieldsSeq(l.text) {
			// "&" joins a name's words: "Quay & Harbour".
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && w != "&" && !innerCapital(w) {
				capital = false
			}
		}
		if capital && !sectionNames[l.key] {
			return l.text
		}
	}
	return ""
}

// chromeRow reports whether a lower-cased line is a row of links that
// are all page furniture, joined by bars: "register | log in".
func chromeRow(lower string) bool {
	if !strings.Contains(lower, "|") {
		return false
	}
	for part := range strings.SplitSeq(lower, "|") {
		if p := strings.TrimSpace(part); p != "" && !isChromeExact(p) && !sectionNames[p] {
			return false
		}
	}
	return true
}

// sectionNames are the names of a news site's sections and links, which
// open its menus where a masthead would be.
var sectionNames = map[string]bool{
	"news": true, "latest news": true, "top stories": true, "sport": true, "sports": true, "business": true,
	"opinion": true, "politics": true, "world": true, "local": true, "entertainment": true, "lifestyle": true,
	"video": true, "videos": true, "weather": true, "tech": true, "technology": true, "health": true,
	"science": true, "home": true, "homepage": true, "frontpage": true, "menu": true, "search": true,
	"us": true, "uk": true, "u.s.": true, "arts": true, "culture": true, "travel": true, "food": true,
	"web": true, "more": true, "learn more": true, "about": true, "about us": true, "contact": true,
	"contact us": true, "help": true, "sign in": true, "log in": true, "register": true, "subscribe": true,
	"jobs": true, "shop": true, "store": true, "events": true, "blogs": true, "photos": true, "image": true, "images": true, "photo": true,
}

// mentionsHost reports whether the page prints a domain whose name part
// is label.
func mentionsHost(lines []*textLine, label string) bool {
	if len(label) < 3 {
		return false
	}
	for _, l := range lines {
		if !strings.Contains(l.lower, ".") {
			continue
		}
		for w := range hostCandidates(l.lower) {
			w = strings.Trim(w, "()[]<>,;\"'")
			if mayBeHost(w) && looksLikeHost(w) && siteLabel(bareHost(w)) == label {
				return true
			}
		}
	}
	return false
}

// repeatsInChrome reports whether name opens another line of the page
// than its first, as a whole word: "Gazette TV", "Gazette may earn a
// commission".
func repeatsInChrome(lines []*textLine, name string) bool {
	n := 0
	for _, l := range lines {
		if !strings.HasPrefix(l.text, name) {
			continue
		}
		if rest := l.text[len(name):]; rest == "" || rest[0] == ' ' {
			n++
		}
	}
	return n >= 2
}

// siteOfCompany returns a company's name without its company words
// ("India Post" for "India Post Media") when that is a site's name the
// page prints at least twice outside the article text and its copyright
// notice, as whole words ("BGR may receive a commission"). A single word in
// ordinary case ("Breaking" of "Breaking Media") is too common a word to
// be trusted.
func siteOfCompany(lines []*textLine, inBody []bool, company string) string {
	f := strings.Fields(company)
	for len(f) > 1 && companyWords[strings.ToLower(f[len(f)-1])] {
		f = f[:len(f)-1]
	}
	if len(f) == len(strings.Fields(company)) {
		return ""
	}
	site := strings.Join(f, " ")
	if len(f) == 1 && strings.ToUpper(site) != site {
		return ""
	}
	n := 0
	for i, l := range lines {
		if !inBody[i] && !isCopyrightLine(l.lower) && hasWords(l.text, site) {
			n++
		}
	}
	if n < 2 {
		return ""
	}
	return site
}

// hasWords reports whether s holds phrase as whole words.
func hasWords(s, phrase string) bool {
	return wordsAt(s, phrase, 0) >= 0
}

// wordsAt returns where s holds phrase as whole words, from byte from
// on, or -1.
func wordsAt(s, phrase string, from int) int {
	for i := from; i <= len(s); {
		j := strings.Index(s[i:], phrase)
		if j < 0 || phrase == "" {
			return -1
		}
		at, end := i+j, i+j+len(phrase)
		before, _ := utf8.DecodeLastRuneInString(s[:at])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if (at == 0 || !unicode.IsLetter(before) && !unicode.IsDigit(before)) &&
			(end == len(s) || !unicode.IsLetter(after) && !unicode.IsDigit(after)) {
			return at
		}
		i = at + 1
	}
	return -1
}

// brandedDomain returns a domain the page prints outside the article
// with capitals inside it, as a site writes its own name
// ("QuayDaily.example", "NEWS.quay.example"), when it prints only one
// such domain that is no platform's, and prints that domain, in any
// case, on two lines or more outside the article (a story's link is
// printed once). It is "" otherwise.
func brandedDomain(lines []*textLine, inBody []bool) string {
	found := ""
	for i, l := range lines {
		if inBody[i] || !strings.Contains(l.lower, ".") || l.text == l.lower {
			continue
		}
		for _, w := range strings.Fields(l.text) {
			w = strings.Trim(w, "()[]<>,;:\"'!?")
			w = strings.TrimSuffix(w, ".")
			if !mayBeHost(w) || !looksLikeHost(w) || strings.ContainsAny(w, "@/") || strings.ToLower(w) == w {
				continue
			}
			if lab := siteLabel(bareHost(w)); len(lab) < 3 || platformLabels[lab] {
				continue
			}
			if found != "" && !strings.EqualFold(found, w) {
				return ""
			}
			found = w
		}
	}
	if found == "" || !mentionsHostTwice(lines, inBody, siteLabel(bareHost(found))) {
		return ""
	}
	return found
}

// mentionsHostTwice reports whether two lines or more outside the
// article print a domain whose registered name is label.
func mentionsHostTwice(lines []*textLine, inBody []bool, label string) bool {
	n := 0
	for i, l := range lines {
		if inBody[i] || !strings.Contains(l.lower, ".") {
			continue
		}
		for w := range hostCandidates(l.lower) {
			w = strings.Trim(w, "()[]<>,;:\"'!?")
			if mayBeHost(w) && looksLikeHost(w) && siteLabel(bareHost(w)) == label {
				n++
				break
			}
		}
	}
	return n >= 2
}

// namedBeforeCopyright returns a name printed before a copyright sign:
// "Gazette © 2024 Holder Media LLC" gives "Gazette".
func namedBeforeCopyright(text string) string {
	i := strings.Index(text, "©")
	if i <= 0 {
		return ""
	}
	pre := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text[:i]), "Copyright"))
	words := strings.Fields(pre)
	if len(words) == 0 || len(words) > 4 || hasNameBreaker(pre) {
		return ""
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return ""
		}
	}
	return pre
}

// companyWords end the names of companies that own sites rather than of
// the sites themselves.
var companyWords = map[string]bool{
	"media": true, "group": true, "holdings": true, "publishing": true, "publications": true,
	"network": true, "networks": true, "communications": true, "enterprises": true, "digital": true,
	"interactive": true, "company": true, "corporation": true, "ventures": true, "brands": true, "ads": true,
}

// isCompanyName reports whether a copyright holder, as the notice line
// prints it, is a company: its name ends in a company word or the line
// gives it a corporate form ("Inc.", "LLC", "Ltd").
func isCompanyName(line, holder string) bool {
	f := strings.Fields(holder)
	if len(f) > 1 && companyWords[strings.ToLower(f[len(f)-1])] {
		return true
	}
	i := strings.Index(line, holder)
	if i < 0 {
		return false
	}
	tail := strings.TrimLeft(strings.ToLower(line[i+len(holder):]), " ,")
	// "Quay Press, a division of Harbour Holdings Inc.": a company's part.
	for _, part := range []string{"a division of ", "a subsidiary of ", "a unit of ", "part of "} {
		if strings.HasPrefix(tail, part) {
			return true
		}
	}
	rest := strings.Fields(tail)
	if len(rest) == 0 {
		return false
	}
	return trimCompanySuffix("x "+strings.Trim(rest[0], ".,")) == "x"
}

// hasNameKey reports whether nameKey(s) == key.
func hasNameKey(s, key string) bool {
	var buf [64]byte
	k, ok := appendNameKey(buf[:0], s, len(key))
	return ok && string(k) == key
}

// sameNameKey reports whether nameKey(a) == nameKey(b).
func sameNameKey(a, b string) bool {
	var buf [64]byte
	kb, _ := appendNameKey(buf[:0], b, -1)
	return hasNameKey(a, string(kb))
}

// isPageURL reports whether a lower-cased line is a web address of a
// page (not an image or a script).
func isPageURL(lower string) bool {
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		return false
	}
	for _, ext := range []string{".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".js", ".css", ".mp4", ".mp3"} {
		if strings.HasSuffix(lower, ext) {
			return false
		}
	}
	return true
}

// hostLabel returns the name part of a host: "harbourgazette" for
// "news.harbourgazette.co.uk".
func hostLabel(host string) string {
	parts := strings.Split(host, ".")
	best := ""
	for _, p := range parts[:max(1, len(parts)-1)] {
		switch p {
		case "co", "com", "org", "net", "ac", "gov", "news", "www", "m", "amp", "edition", "en", "uk", "us":
			continue
		}
		if len(p) > len(best) {
			best = p
		}
	}
	return nameKey(best)
}

// siteLabel returns the name a host is registered under, as a nameKey:
// "gazette" for "shop.gazette.co.uk", where hostLabel may pick "shop".
func siteLabel(host string) string {
	parts := strings.Split(host, ".")
	for i := len(parts) - 2; i >= 0; i-- {
		switch parts[i] {
		case "co", "com", "org", "net", "ac", "gov", "edu":
			if i < len(parts)-2 {
				return nameKey(parts[i])
			}
			continue
		}
		return nameKey(parts[i])
	}
	return ""
}

// signatureOutlet scores every known outlet by the evidence its
// signature finds in the text and returns the best supported one, and
// whether the page's furniture shows it is the site: a chrome phrase of
// its own, or its domain outside the article text.
func (x *Extractor) signatureOutlet(lines []*textLine, inBody []bool) (name string, site, ok bool) {
	ix := x.Signatures.index()
	// score is indexed by signature; a signature's evidence adds up the
	// same in any order, its parts being multiples of a quarter.
	score := make([]float64, len(x.Signatures.List))
	isSite := make([]bool, len(x.Signatures.List))
	for i, l := range lines {
		body := inBody[i]
		holder, holderRead := "", false
		// Chrome phrases and printed names, in one pass over the words.
		for k, sp := range l.spans {
			if ix.phrases.mayStart(sp.hash) {
				if ph, ok := ix.phrases.matchAt(l.lower, sp); ok {
					score[ph.sig] += 3
					isSite[ph.sig] = true
				}
			}
			if !ix.names.mayStart(sp.hash) {
				continue
			}
			ph, ok := ix.names.matchAt(l.lower, sp)
			if !ok {
				continue
			}
			at := int(sp.start)
			// "Lantern" in "National Lantern" is another outlet's name:
			// a name that capitalised words extend is no match.
			if partOfLongerName(l, k) {
				continue
			}
			whole := sameNameKey(l.text, ph.text)
			if !whole && at == 0 {
				// "The Guardian - AU", "BBC News | World"
				rest := strings.TrimSpace(l.lower[len(ph.text):])
				whole = rest == "" || strings.IndexAny(rest[:1], "-–—|:·") == 0
			}
			// One-word names ("Independent", "Express") are also
			// ordinary words: elsewhere than a line of their own they
			// count for little.
			multi := strings.Contains(ph.text, " ")
			switch {
			case whole:
				score[ph.sig] += 3
			case isCopyrightLine(l.lower) && x.holdsWhole(l, &holder, &holderRead, ph):
				score[ph.sig] += 3
			case body && multi:
				score[ph.sig] += 0.25
			case !body && multi:
				score[ph.sig] += 1.5
			case !body && len(ph.text) >= 4:
				score[ph.sig] += 0.5
			}
		}
		if strings.Contains(l.lower, ".") {
			for w := range hostCandidates(l.lower) {
				if !mayBeHost(w) {
					continue
				}
				w = strings.Trim(w, "()[]<>,;\"'")
				if !looksLikeHost(w) {
					continue
				}
				if si, ok := x.Signatures.lookupHost(bareHost(w)); ok {
					if body {
						score[si] += 1
					} else {
						score[si] += 3
						isSite[si] = true
					}
				}
			}
		}
	}
	best, bestScore := -1, 2.5
	for si, s := range score {
		if s > bestScore || s == bestScore && best >= 0 && si < best {
			best, bestScore = si, s
		}
	}
	if best < 0 {
		return "", false, false
	}
	return x.Signatures.List[best].Outlet, isSite[best], true
}

// holdsWhole reports whether the copyright notice l names the outlet of
// ph as its whole holder: "© 2024 The Lantern", not "© 2024 Lantern
// Books Ltd". The holder is read once a line, into holder.
func (x *Extractor) holdsWhole(l *textLine, holder *string, read *bool, ph phrase) bool {
	if !*read {
		*holder, *read = copyrightHolder(l.text, l.lower), true
	}
	return *holder != "" && (sameNameKey(*holder, ph.text) || sameNameKey(*holder, x.Signatures.List[ph.sig].Outlet))
}

// partOfLongerName reports whether the name found in line l at its
// word k is the end of a longer capitalised name: the word just before
// it, with only a space between, is capitalised ("National Lantern" is
// not The Lantern). A capitalised stop word ("By Lantern staff", "The
// Lantern") extends no name. A capitalised word after the name does not
// count: "Lantern TV" and "Lantern Store" are the outlet's own.
func partOfLongerName(l *textLine, k int) bool {
	if k == 0 {
		return false
	}
	prev := l.spans[k-1]
	return l.lower[prev.end:l.spans[k].start] == " " && !words.IsStop(l.lower[prev.start:prev.end]) &&
		upperIn(l, int(prev.start))
}

// upperIn reports whether the word at byte at of l.lower begins with a
// capital letter in l.text.
func upperIn(l *textLine, at int) bool {
	t := l.text
	if len(t) != len(l.lower) {
		// Lower-casing changed some byte lengths: count runes instead.
		n := utf8.RuneCountInString(l.lower[:at])
		for i := range t {
			if n == 0 {
				t = t[i:]
				break
			}
			n--
		}
		if n > 0 {
			return false
		}
	} else {
		t = t[at:]
	}
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r)
}

// mayBeHost reports whether a word might hold a host that looksLikeHost
// accepts: it has "://", or a dot followed by a letter or by a rune
// beyond ASCII, which may lower to one. Most words with a dot end a
// sentence.
func mayBeHost(w string) bool {
	for i := 0; ; {
		j := strings.IndexByte(w[i:], '.')
		if j < 0 {
			break
		}
		i += j + 1
		if i < len(w) {
			if c := w[i]; c >= utf8.RuneSelf || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				return true
			}
		}
	}
	return strings.Contains(w, "://")
}

// hostCandidates yields the space-separated words of a line (whose only
// white space is single spaces, as textLine.lower's) that hold a dot or
// a colon: the only ones that can be a host or a URL.
func hostCandidates(lower string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		// dot and colon are the next '.' and ':' at or after i, or -1.
		dot, colon := strings.IndexByte(lower, '.'), strings.IndexByte(lower, ':')
		for i := 0; i < len(lower); {
			if dot >= 0 && dot < i {
				if dot = strings.IndexByte(lower[i:], '.'); dot >= 0 {
					dot += i
				}
			}
			if colon >= 0 && colon < i {
				if colon = strings.IndexByte(lower[i:], ':'); colon >= 0 {
					colon += i
				}
			}
			at := dot
			if at < 0 || colon >= 0 && colon < at {
				at = colon
			}
			if at < 0 {
				return
			}
			start := strings.LastIndexByte(lower[:at], ' ') + 1
			end := strings.IndexByte(lower[at:], ' ')
			if end < 0 {
				end = len(lower)
			} else {
				end += at
			}
			if !yield(lower[start:end]) {
				return
			}
			i = end + 1
		}
	}
}

// copyrightHolder returns the name in a copyright line: "© 2019 The
// Paradigm. All Rights Reserved." gives "The Paradigm".
func copyrightHolder(text, lower string) string {
	if n := copyrightLink(text); n != "" {
		return n
	}
	if n := allContentName(text, lower); n != "" {
		return n
	}
	if !isCopyrightLine(lower) && !signInShortLine(text) {
		return ""
	}
	i := strings.Index(lower, "©")
	if i < 0 {
		i = strings.Index(lower, "copyright")
	}
	if i < 0 {
		i = strings.Index(lower, "(c)")
	}
	var s string
	switch {
	case i >= 0 && strings.TrimSpace(strings.TrimLeft(text[i:], "©")) == "":
		// The sign last: "Quay Times Newspaper, 2008 ©".
		s = text[:i]
	case i >= 0:
		s = text[i:]
	default:
		// No sign, only the rights: "Quay Times - All Rights Reserved".
		j := strings.Index(lower, "all rights")
		if j <= 0 {
			return ""
		}
		s = strings.TrimRight(text[:j], " -–—|:,.")
	}
	ls := strings.ToLower(s)
	if j := strings.Index(ls, "all rights"); j >= 0 {
		s = s[:j]
	}
	s = strings.TrimLeft(s, "©")
	s = strings.TrimSpace(s)
	// "Copyright © 2019", "© 2018 Copyright": the word, the sign and
	// the years in any order.
	for {
		t := strings.TrimLeftFunc(s, func(r rune) bool {
			return unicode.IsDigit(r) || unicode.IsSpace(r) || r == '©' || r == '-' || r == '–' || r == ',' || r == '.'
		})
		// "Copyright (c) by X", "© Copyright of X": the sign and the
		// words that join it to the holder.
		for _, w := range []string{"copyright", "(c)", "by ", "of "} {
			if len(t) >= len(w) && strings.EqualFold(t[:len(w)], w) {
				t = t[len(w):]
			}
		}
		if t == s {
			break
		}
		s = t
	}
	// "© - All content copyright Quay Network": the holder after the word.
	if j := strings.Index(strings.ToLower(s), "copyright "); j > 0 {
		s = strings.TrimSpace(s[j+len("copyright "):])
	}
	if j := holderEnd(s); j > 0 {
		s = s[:j]
	}
	for _, sep := range []string{" | ", " - ", ", ", ";", " ("} {
		if j := strings.Index(s, sep); j > 0 {
			s = s[:j]
		}
	}
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ".,"))
	s = trimYears(s)
	s = trimCompanySuffix(s)
	s = trimChromeTail(s)
	s = siteOfTwoHolders(s)
	// "Quay Times Newspaper": the name without what it is.
	if f := strings.Fields(s); len(f) > 2 && strings.EqualFold(f[len(f)-1], "newspaper") {
		s = strings.Join(f[:len(f)-1], " ")
	}
	if isYears(s) {
		return ""
	}
	// A name in lower case ("© quayside 2008. All rights reserved.")
	// is one word of letters in a notice that reserves the rights.
	if strings.Contains(lower, "rights reserved") && len(s) >= 3 &&
		strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) < 0 && !words.IsStop(strings.ToLower(s)) {
		return s
	}
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 6 || !strings.ContainsFunc(s, unicode.IsLetter) {
		return ""
	}
	// A domain in lower case is a name too: "© quayherald.example".
	if len(words) == 1 && !strings.Contains(s, "://") && looksLikeHost(s) {
		return s
	}
	// A holder is a name: its words are capitalised. A call sign in
	// lower case after a host's name ("Sitehost and kqay") is left for
	// ownOfTwoHolders to read against the page.
	caps := 0
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	if caps*2 < len(words) {
		a, b, ok := strings.Cut(s, " and ")
		if _, _, sign := lowerCallSign(strings.TrimSpace(b), a); !ok || !sign || !isNameLike(strings.TrimSpace(a)) {
			return ""
		}
	}
	return s
}

// holderEnd returns where the first full stop followed by a space ends
// a sentence in s, or -1: the stop of initials or a short title ("E.W.
// Harbour Co.", "J. Quayle Press") ends none (see abbreviation).
func holderEnd(s string) int {
	for from := 0; ; {
		j := strings.Index(s[from:], ". ")
		if j < 0 {
			return -1
		}
		j += from
		if !abbreviation(s[:j]) {
			return j
		}
		from = j + 2
	}
}

// siteOfTwoHolders returns the first of two holders a notice names
// when the second is a company: the site and its owner, "the Quay
// Herald and Quay Media" gives "Quay Herald". A leading "the" in lower
// case goes with it.
func siteOfTwoHolders(s string) string {
	a, b, ok := strings.Cut(s, " and ")
	if !ok || strings.Contains(b, " and ") {
		return s
	}
	a = strings.TrimPrefix(strings.TrimSpace(a), "the ")
	if a == "" || !isCompanyName(b, strings.TrimSpace(b)) {
		return s
	}
	return a
}

// noticeBefore reports whether a copyright notice before the page's
// last one, last, names outlet as its holder: an agency's notice under
// its story ("Copyright 2008 The Quay Wire. All rights reserved.")
// above the site's own ("© 2008 KQAY-TV").
func noticeBefore(x *Extractor, lines []*textLine, last, outlet string) bool {
	for _, l := range lines {
		if l.text == last {
			return false
		}
		if isCopyrightLine(l.lower) && sameOutlet(x, copyrightHolder(l.text, l.lower), outlet) {
			return true
		}
	}
	return false
}

// ownOfTwoHolders returns, of a notice's two holders joined by "and"
// ("Sitehost and KQAY"), the one in capitals (three letters or more, a
// station's call sign or a site's initials) that opens two lines or more
// of the page outside the article, as a site's name opens its links
// ("KQAY News", "KQAY Weather"), when the other opens none. It is ""
// when neither part is so, and the holder unchanged when it joins no
// two names ("Herald and Weekly Times" is one name: neither part is in
// capitals).
func ownOfTwoHolders(lines []*textLine, inBody []bool, holder string) string {
	a, b, ok := strings.Cut(holder, " and ")
	if !ok || strings.Contains(b, " and ") {
		return holder
	}
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	opens := func(name string) int {
		n := 0
		for i, l := range lines {
			if inBody[i] || isCopyrightLine(l.lower) || !strings.HasPrefix(l.text, name) {
				continue
			}
			if rest := l.text[len(name):]; rest == "" || rest[0] == ' ' {
				n++
			}
		}
		return n
	}
	// A call sign the notice writes in lower case ("Sitehost and kqay")
	// is in capitals where the page prints it outside the article
	// ("E-News from KQAY", "KQAY News Partners", "Find out when your
	// favourite KQAY shows hit the air"): three such lines, and none
	// printing the other part, make it the site's.
	if up, other, ok := lowerCallSign(b, a); ok {
		if chromeLinesHolding(lines, inBody, up) >= 3 && chromeLinesHolding(lines, inBody, other) == 0 {
			return up
		}
		return ""
	}
	caps := func(w string) bool { return len(w) >= 3 && isASCIIUpper(w) }
	if !caps(a) && !caps(b) {
		return holder
	}
	na, nb := opens(a), opens(b)
	switch {
	case caps(a) && na >= 2 && nb == 0:
		return a
	case caps(b) && nb >= 2 && na == 0:
		return b
	}
	return ""
}

// trimChromeTail drops the footer links a notice runs into: "© 2024
// Gazette Privacy Policy" gives "Gazette".
func trimChromeTail(s string) string {
	f := strings.Fields(s)
	// Two words at least: one ("Ads", "Video") may end a name.
	for n := 1; n < len(f)-1; n++ {
		if isChromeExact(strings.ToLower(strings.Join(f[n:], " "))) {
			return strings.Join(f[:n], " ")
		}
	}
	return s
}

// trimYears drops the years that end a copyright holder's name, as in
// "© The Daily Courier 2021" or "… 2019–2024", keeping a number that is
// part of the name ("Radio 4").
func trimYears(s string) string {
	for {
		i := strings.LastIndexByte(s, ' ')
		if i < 0 || !isYears(s[i+1:]) {
			return s
		}
		s = strings.TrimRight(s[:i], " ,")
	}
}

// isYears reports whether s is a year from 1900 on, or a range of them,
// in figures or in Roman numerals ("MMVIII").
func isYears(s string) bool {
	if len(s) >= 4 && strings.Trim(s, "MDCLXVI") == "" && (s[0] == 'M') {
		return true
	}
	year := func(y string) bool {
		return len(y) == 4 && (y[:2] == "19" || y[:2] == "20") &&
			strings.IndexFunc(y, func(r rune) bool { return r < '0' || r > '9' }) < 0
	}
	for _, dash := range []string{"-", "–"} {
		if a, b, ok := strings.Cut(s, dash); ok {
			return year(a) && year(b)
		}
	}
	return year(s)
}

// isCopyrightLine reports whether a lower-cased line is a copyright
// notice: it begins with one or reserves rights, and names a year.
func isCopyrightLine(lower string) bool {
	t := strings.TrimSpace(lower)
	start := strings.HasPrefix(t, "©") || strings.HasPrefix(t, "copyright") || strings.HasPrefix(t, "(c) ")
	reserved := strings.Contains(t, "rights reserved") || strings.Contains(t, "direitos reservados") ||
		strings.Contains(t, "derechos reservados") || strings.Contains(t, "droits réservés")
	// The sign last, after the year: "Quay Times, 2008 ©".
	last := strings.HasSuffix(t, "©") && strings.ContainsFunc(t, unicode.IsDigit)
	if !start && !reserved {
		return last
	}
	// Sign and word together need no year: "© Copyright by the Quay Herald".
	return reserved || strings.ContainsFunc(t, unicode.IsDigit) || strings.Contains(t, "©") && strings.Contains(t, "copyright")
}

// signInShortLine reports whether a line of ten words or fewer holds
// the copyright sign after a name, every word before it capitalised,
// and a year: the site's name before its owner's notice, "Quay Herald ©
// Harbour Media 2008" (not a credit such as "Tide tables © Quaystats
// 2018").
func signInShortLine(text string) bool {
	i := strings.Index(text, "©")
	if i <= 0 || len(strings.Fields(text)) > 10 || !strings.ContainsFunc(text[i:], unicode.IsDigit) {
		return false
	}
	before := strings.Fields(text[:i])
	if len(before) == 0 {
		return false
	}
	for _, w := range before {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// trimCompanySuffix removes a company form from a name: "Rogers Media
// Inc." gives "Rogers Media".
func trimCompanySuffix(s string) string {
	for {
		f := strings.Fields(s)
		if len(f) < 2 {
			return s
		}
		switch strings.ToLower(strings.Trim(f[len(f)-1], ".,")) {
		case "inc", "ltd", "limited", "llc", "plc", "corp", "corporation", "co", "gmbh", "sa", "s.a", "pvt", "ag", "bv", "nv":
			s = strings.TrimRight(strings.Join(f[:len(f)-1], " "), ".,")
		default:
			return s
		}
	}
}

// lowerCallSign reports whether a, a part of a notice's two holders, is
// one word of three to six ASCII letters in lower case, and returns it
// in capitals with the other part.
func lowerCallSign(a, b string) (up, other string, ok bool) {
	if len(a) < 3 || len(a) > 6 || strings.IndexFunc(a, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
		return "", "", false
	}
	return strings.ToUpper(a), b, true
}

// chromeLinesHolding counts the lines outside the article, notices
// aside, that hold name as whole words, as printed.
func chromeLinesHolding(lines []*textLine, inBody []bool, name string) int {
	n := 0
	for i, l := range lines {
		if !inBody[i] && !isCopyrightLine(l.lower) && wordsAt(l.text, name, 0) >= 0 {
			n++
		}
	}
	return n
}

// copyrightLink returns the name a footer's link to the site's notice
// gives: "Quay Herald Copyright Notice", "Quay Herald Ltd. Copyright &
// Disclaimer" give "Quay Herald". It is "" for any other line.
func copyrightLink(text string) string {
	f := strings.Fields(text)
	if len(f) < 3 || len(f) > 8 {
		return ""
	}
	k := -1
	for i, w := range f {
		if w == "Copyright" || w == "COPYRIGHT" {
			k = i
			break
		}
	}
	if k < 1 || k > 4 {
		return ""
	}
	switch strings.ToLower(strings.Join(f[k+1:], " ")) {
	case "notice", "policy", "information", "info", "statement", "& disclaimer", "and disclaimer", "disclaimer":
	default:
		return ""
	}
	for _, w := range f[:k] {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return ""
		}
	}
	return trimCompanySuffix(strings.TrimRight(strings.Join(f[:k], " "), ".,"))
}

// allContentName returns the site a notice names as its content's:
// "All Quay Herald materials copyright 1996-2008, Harbour Media" gives
// "Quay Herald". It is "" when the notice does not open so or names no
// year.
func allContentName(text, lower string) string {
	if !strings.HasPrefix(lower, "all ") || !strings.ContainsFunc(lower, unicode.IsDigit) {
		return ""
	}
	f := strings.Fields(text[4:])
	for i, w := range f {
		if i > 5 {
			return ""
		}
		switch strings.ToLower(w) {
		case "content", "contents", "material", "materials":
		default:
			continue
		}
		if i == 0 || i+1 >= len(f) {
			return ""
		}
		next := strings.ToLower(f[i+1])
		if next == "are" || next == "is" || next == "©" && i+2 < len(f) {
			if i+2 < len(f) {
				next = strings.ToLower(f[i+2])
			}
		}
		if next != "copyright" && next != "©" && next != "(c)" {
			return ""
		}
		for _, n := range f[:i] {
			if r, _ := utf8.DecodeRuneInString(n); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
				return ""
			}
		}
		return strings.Join(f[:i], " ")
	}
	return ""
}
