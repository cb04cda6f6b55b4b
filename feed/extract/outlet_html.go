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
// qualifies.
func titleSite(title, headline, visible, body string) string {
	title = cleanSpace(title)
	if title == "" {
		return ""
	}
	hk := wordKey(headline)
	type cand struct {
		name string
		last bool
	}
	var cands []cand
	add := func(c string, last bool) {
		c = strings.TrimSpace(c)
		// "ABC News (Australian Broadcasting Corporation)": the name
		// before its gloss.
		if i := strings.Index(c, " ("); i > 0 && strings.HasSuffix(c, ")") {
			c = strings.TrimSpace(c[:i])
		}
		k := wordKey(c)
		if len(k) < 3 || len(strings.Fields(c)) > 5 || hk != "" && strings.Contains(hk, k) || !isNameLike(c) {
			return
		}
		cands = append(cands, cand{c, last})
	}
	for _, sep := range titleSiteSeparators[:8] {
		if i := strings.LastIndex(title, sep); i > 0 {
			tail := title[i+len(sep):]
			add(tail, true)
			// "Headline | Mercury - The Voice of the Valley": the name
			// before its tagline.
			for _, sep2 := range titleSiteSeparators[:8] {
				if j := strings.Index(tail, sep2); j > 0 {
					add(tail[:j], true)
				}
			}
		}
	}
	// A site before a colon or a breadcrumb: "Site: Headline", "Site > Section > Headline".
	for _, sep := range titleSiteSeparators {
		if i := strings.Index(title, sep); i > 0 {
			add(title[:i], false)
		}
	}
	var lines []string
	for _, c := range cands {
		if !strings.Contains(c.name, " ") && looksLikeHost(c.name) {
			return c.name
		}
		if lines == nil {
			lines = strings.Split(visible, "\n")
		}
		if spelledBySite(lines, c.name) {
			return c.name
		}
	}
	for _, c := range cands {
		if c.last && countWordsOf(title, c.name) == 1 && printedOutside(visible, body, c.name) {
			return c.name
		}
	}
	return ""
}

// titleSiteSeparators split a page title into the site's name and the
// rest; the last three only follow a site's name.
var titleSiteSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " -- ", " / ", ": ", " > ", " » "}

// spelledBySite reports whether a page whose text is lines names name as
// its own: a copyright notice's holder holds its letters or they hold
// the holder's ("Gazette Online" and "© 2008 The Gazette"), or a domain
// the page prints is spelt by it ("Harbour Times" and harbourtimes.example).
func spelledBySite(lines []string, name string) bool {
	k := nameKey(name)
	if len(k) < 3 {
		return false
	}
	for _, l := range lines {
		lower := strings.ToLower(l)
		if isCopyrightLine(lower) {
			if h := nameKey(copyrightHolder(l, lower)); len(h) >= 3 && (strings.Contains(h, k) || strings.Contains(k, h)) {
				return true
			}
		}
		if !strings.Contains(lower, ".") {
			continue
		}
		for w := range hostCandidates(lower) {
			w = strings.Trim(w, "()[]<>,;\"'")
			if mayBeHost(w) && looksLikeHost(w) {
				if label := siteLabel(bareHost(w)); len(label) >= 4 && (label == k || strings.HasPrefix(k, label) || "the"+k == label) {
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
	return unicode.IsUpper(r) || unicode.IsDigit(r)
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
