package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// textOutlet finds the outlet of a page whose markup names none, from
// its visible text as the text reader would: the name its furniture
// repeats and its printed domain spells, the signature table, the
// copyright notice. body is the article text found in the page, whose
// mentions of outlets ("told Reuters") count for little.
func (x *Extractor) textOutlet(text, body string) outletGuess {
	sg := segmentPool.Get().(*segments)
	defer segmentPool.Put(sg)
	lines := sg.split(text)
	if len(lines) == 0 {
		return outletGuess{}
	}
	classifyLines(lines)
	markChrome(x, lines)
	inBody := make([]bool, len(lines))
	for i, l := range lines {
		inBody[i] = l.words >= 8 && strings.Contains(body, l.text)
	}
	g := x.outletOf(lines, inBody)
	// Only the name: an address read from the text is no page's own.
	return outletGuess{name: strings.Clone(g.name), source: g.source}
}

// titleSite returns the site's name as a page's <title> prints it beside
// the headline, for a page whose markup names no site: "Gazette" in
// "Ferry returns - Gazette", "Gazette.example" in "Gazette.example:
// Ferry returns", "Gazette" in "Gazette > News > Ferry returns". A part
// is taken only when the page confirms it is the site's name: it is a
// domain, or the page's copyright notice or a domain it prints spells it.
// Failing that, the title's last part is taken when the page's text
// outside the article prints it, unless the title repeats it (a section:
// "Ferry - Breaking News - Local - Breaking News"). It is "" when no part
// qualifies. The page's markup confirms a part too (marks, which may be
// nil): a part that spells the domain most of its links go to, or that
// its home link's logo bears.
func titleSite(title, headline, visible, body string, marks *siteMarks) string {
	title = cleanSpace(title)
	if title == "" {
		return ""
	}
	hk := wordKey(headline)
	type cand struct {
		name        string
		last, first bool
	}
	var cands []cand
	var addPart func(c string, last, first bool)
	// add takes a part as a candidate; last marks the title's last part,
	// which the page may confirm by printing it outside the article.
	add := func(c string, last bool) {
		addPart(c, last, false)
	}
	addPart = func(c string, last, first bool) {
		c = strings.TrimSpace(c)
		// "ABC News (Australian Broadcasting Corporation)": the name
		// before its gloss.
		if i := strings.Index(c, " ("); i > 0 && strings.HasSuffix(c, ")") {
			c = strings.TrimSpace(c[:i])
		}
		k := wordKey(c)
		if len(k) < 3 || len(strings.Fields(c)) > 5 || hk != "" && strings.Contains(hk, k) || !isNameLike(c) || sectionNames[strings.ToLower(c)] {
			return
		}
		cands = append(cands, cand{c, last, first})
	}
	for _, sep := range titleSiteSeparators[:tailSeparators] {
		if i := strings.LastIndex(title, sep); i > 0 {
			tail := title[i+len(sep):]
			// After a spaced colon a section is as likely as a site
			// ("Headline : World"): the page must spell it.
			add(tail, sep != " : ")
			// "Headline | Mercury - The Voice of the Valley": the name
			// before its tagline.
			for _, sep2 := range titleSiteSeparators[:tailSeparators] {
				if j := strings.Index(tail, sep2); j > 0 {
					add(tail[:j], true)
				}
			}
		}
	}
	// A site before a colon or a breadcrumb: "Site: Headline", "Site > Section > Headline".
	for _, sep := range titleSiteSeparators {
		if i := strings.Index(title, sep); i > 0 {
			addPart(title[:i], false, true)
		}
	}
	// A site between the headline and a tagline: "Headline - Quay
	// Herald - News for the harbour since 1890"; only a domain the
	// page prints confirms it.
	parts := []string{title}
	for _, sep := range titleSiteSeparators[:tailSeparators] {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	// "Headline - Quay Herald - News for the harbour since 1890": the
	// part before a tagline is the title's last name, when the headline
	// leads the title.
	if n := len(parts); n >= 3 && hk != "" && isTagline(parts[n-1]) && overlaps(hk, wordKey(parts[0])) && !overlaps(hk, wordKey(parts[n-1])) {
		add(parts[n-2], true)
	}
	firstMiddle := len(cands)
	if len(parts) >= 3 {
		for _, p := range parts[1 : len(parts)-1] {
			add(p, false)
		}
	}
	var lines []string
	for k, c := range cands {
		if !strings.Contains(c.name, " ") && looksLikeHost(c.name) {
			return c.name
		}
		if lines == nil {
			lines = strings.Split(visible, "\n")
		}
		if spelledBySite(lines, c.name, k >= firstMiddle) || marks.confirms(c.name) {
			return c.name
		}
		// The page's masthead, its first line, is the title's part:
		// "icHarbour" atop a page titled "icHarbour - Headline".
		if k < firstMiddle && isMasthead(lines, c.name) {
			return c.name
		}
	}
	for _, c := range cands {
		if c.last && countWordsOf(title, c.name) == 1 && printedOutside(visible, body, c.name) {
			return c.name
		}
	}
	// "icQuay - Headline": the part before the headline, one word spelt
	// as a brand (an inner capital), when the page prints it twice or
	// more outside the article (its masthead, "Search icQuay for:"). A
	// section's name before a colon ("Cricket: Headline") is an ordinary
	// word, and the menu repeats it too.
	for _, c := range cands {
		if c.first && innerCapital(c.name) && countWordsOf(visible, c.name)-countWordsOf(body, c.name) >= 2 {
			return c.name
		}
	}
	return ""
}

// titleSiteSeparators split a page title into the site's name and the
// rest; the last three only follow a site's name.
var titleSiteSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " -- ", " / ", " : ", ": ", " > ", " » "}

// tailSeparators is how many of titleSiteSeparators may stand before a
// site's name at the end of a title.
const tailSeparators = 9

// isMasthead reports whether name is the first line of a page's text
// that holds letters, as a site's masthead prints its name.
func isMasthead(lines []string, name string) bool {
	k := wordKey(name)
	for _, l := range lines {
		if !strings.ContainsFunc(l, unicode.IsLetter) {
			continue
		}
		return wordKey(l) == k && !sectionNames[strings.ToLower(strings.TrimSpace(l))]
	}
	return false
}

// spelledBySite reports whether a page whose text is lines names name as
// its own: a copyright notice's holder holds its letters or they hold
// the holder's ("Gazette Online" and "© 2008 The Gazette"), or a domain
// the page prints is spelt by it ("Harbour Times" and harbourtimes.example).
// A strict reading wants the domain: a notice may be another party's
// (a press release's company) or its holder may hold a section's name.
func spelledBySite(lines []string, name string, strict bool) bool {
	k := nameKey(name)
	if len(k) < 3 {
		return false
	}
	for _, l := range lines {
		lower := strings.ToLower(l)
		if isCopyrightLine(lower) {
			if h := nameKey(copyrightHolder(l, lower)); !strict && len(h) >= 3 && (strings.Contains(h, k) || strings.Contains(k, h)) {
				return true
			}
		}
		if !strings.Contains(lower, ".") {
			continue
		}
		for w := range hostCandidates(lower) {
			w = strings.Trim(w, "()[]<>,;\"'")
			if mayBeHost(w) && looksLikeHost(w) {
				if label := siteLabel(bareHost(w)); len(label) >= 4 && (label == k || !strict && strings.HasPrefix(k, label) || "the"+k == label) {
					return true
				}
			}
		}
	}
	return false
}

// isNameLike reports whether s reads as a name: its first word starts
// with a capital or a digit, or it is a domain, and it ends no sentence.
func isNameLike(s string) bool {
	if endsSentence(s) && !strings.HasSuffix(s, ".") {
		return false
	}
	if !strings.Contains(s, " ") && looksLikeHost(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || innerCapital(s)
}

// innerCapital reports whether s is one word that opens in lower case
// and holds a capital, as a brand may be spelt: "icHarbour", "eQuay".
func innerCapital(s string) bool {
	if strings.ContainsAny(s, " \t") {
		return false
	}
	r, n := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r) && strings.ContainsFunc(s[n:], unicode.IsUpper)
}

// printedOutside reports whether visible prints name as whole words more
// often than the article text body does.
func printedOutside(visible, body, name string) bool {
	return countWordsOf(visible, name) > countWordsOf(body, name)
}

// countWordsOf counts the places s holds phrase as whole words.
func countWordsOf(s, phrase string) int {
	n := 0
	for at := wordsAt(s, phrase, 0); at >= 0; at = wordsAt(s, phrase, at+1) {
		n++
	}
	return n
}

// sameOutlet reports whether two names are one outlet: the table knows
// them as one, or the letters of one hold the other's ("Gazette
// Online" and "The Gazette", "gazette.example" and "Gazette").
func sameOutlet(x *Extractor, a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if x.Signatures != nil {
		if i, ok := x.Signatures.lookup(a); ok {
			if j, ok := x.Signatures.lookup(b); ok && i == j {
				return true
			}
		}
	}
	ka, kb := nameKey(a), nameKey(b)
	if looksLikeHost(a) {
		ka = hostLabel(bareHost(a))
	}
	if looksLikeHost(b) {
		kb = hostLabel(bareHost(b))
	}
	return len(ka) >= 3 && len(kb) >= 3 && (strings.Contains(ka, kb) || strings.Contains(kb, ka))
}

// longerName reports whether a and b, one outlet, are names that end
// in the same word, b is no name of the table's, and a spells more of
// the name: "The Quay Herald" over "The Herald" (not "Quay Times
// Newspaper" over "Quay Times", where a tagline's word follows).
func longerName(x *Extractor, a, b string) bool {
	if looksLikeHost(a) || looksLikeHost(b) {
		return false
	}
	if x.Signatures != nil {
		if _, ok := x.Signatures.lookup(b); ok {
			return false
		}
	}
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) <= len(fb) || len(fb) == 0 || !strings.EqualFold(fa[len(fa)-1], fb[len(fb)-1]) {
		return false
	}
	return len(nameKey(a)) > len(nameKey(b))
}

// bareDomainOf reports whether domain is a bare domain ("quayherald.example")
// and name, no domain, spells its name part ("Quay Herald").
func bareDomainOf(name, domain string) bool {
	if strings.Contains(domain, " ") || !looksLikeHost(domain) || looksLikeHost(name) {
		return false
	}
	return namesHost(name, hostLabel(bareHost(domain)))
}

// isTagline reports whether a title's part reads as a site's tagline,
// not a name: three words or more, one of them in lower case and no
// function word, domain or brand ("News for the harbour since 1890").
func isTagline(s string) bool {
	f := strings.Fields(s)
	if len(f) < 3 {
		return false
	}
	for _, w := range f {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && !stopWords[strings.Trim(w, ",.;:!?'\"")] && !looksLikeHost(w) && !innerCapital(w) {
			return true
		}
	}
	return false
}

// overlaps reports whether one of two non-empty keys holds the other.
func overlaps(a, b string) bool {
	return a != "" && b != "" && (strings.Contains(a, b) || strings.Contains(b, a))
}
