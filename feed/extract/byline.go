package extract

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed"
)

// bylineOf returns the author named by a byline line: "By Jane Doe",
// "by JANE DOE and JOHN ROE - 11/19/19 06:56 AM", "Author: Jane Doe".
// It reports false when the line is not a byline.
func bylineOf(text string) (string, bool) {
	// "| By Jane Doe": a separator left by the item before it.
	t := strings.TrimLeft(strings.TrimSpace(text), "|•·–— ")
	// Every byline label starts with b, w, a, r, c, s or t; no letter
	// beyond ASCII lowers to one of them.
	if t == "" {
		return "", false
	}
	if c := t[0]; '0' <= c && c <= '9' {
		// "11/19/2019 by Jane Doe": a date before the label.
		if i := strings.Index(strings.ToLower(t), " by "); i > 0 && isDateOnly(t[:i]) {
			return bylineOf(t[i+1:])
		}
		return "", false
	}
	// "Jan 14 2008 by Jane Doe", "Tue, March 4, 2009 by Jane Doe".
	if i := indexBy(t); i > 0 && i < 48 && strings.ContainsAny(t[:i], "0123456789") && spelledDateOnly(t[:i]) {
		return bylineOf(t[i+1:])
	}
	switch t[0] | 0x20 {
	case 'b', 'w', 'a', 'r', 'c', 's', 't':
	default:
		return "", false
	}
	// "Author : Jane Doe": a space before a label's colon.
	if i := strings.Index(t, " :"); i > 0 && i <= len("written by") {
		t = strings.TrimRight(t[:i], " ") + t[i+1:]
	}
	// The labels are matched without lowering the line: most lines
	// asked are none.
	var rest string
	switch {
	case prefixFold(t, "by "), prefixFold(t, "by:"):
		rest = t[3:]
	case prefixFold(t, "words by "), prefixFold(t, "story by "):
		rest = t[9:]
	case prefixFold(t, "written by "):
		rest = t[11:]
	case prefixFold(t, "text by "):
		rest = t[8:]
	case prefixFold(t, "contributed by "):
		rest = t[15:]
	case prefixFold(t, "author:"), prefixFold(t, "authors:"), prefixFold(t, "reporter:"), prefixFold(t, "reporters:"),
		prefixFold(t, "writer:"), prefixFold(t, "writers:"), prefixFold(t, "contributor:"), prefixFold(t, "contributors:"),
		prefixFold(t, "contributed by:"), prefixFold(t, "written by:"), prefixFold(t, "byline:"):
		_, rest, _ = strings.Cut(t, ":")
	case prefixFold(t, "reporting by "):
		rest = t[13:]
	default:
		return "", false
	}
	name := cleanByline(rest)
	if name == "" || !looksLikeNames(name) {
		return "", false
	}
	return name, true
}

// prefixFold reports whether s opens with prefix, an ASCII label in lower
// case, in any case.
func prefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// postedBy returns the author a blog's or a site's post line names:
// "Posted by Jane Doe", "Posted: May 6, 2024, 4:30 PM by Jane Doe",
// "Published 05/06/2024 by Jane Doe". It reports false for any other
// line. Comments sign themselves the same way ("Posted by: reader"), so
// the line is read only by the headline, never elsewhere on the page.
func postedBy(text string) (string, bool) {
	t := strings.TrimSpace(text)
	if t == "" || t[0]|0x20 != 'p' {
		return "", false
	}
	lower := strings.ToLower(t)
	var rest string
	switch {
	case strings.HasPrefix(lower, "posted by "):
		rest = t[len("posted by "):]
	case strings.HasPrefix(lower, "posted by:"):
		rest = t[len("posted by:"):]
	default:
		label := ""
		for _, l := range []string{"posted on", "posted", "published on", "published"} {
			if strings.HasPrefix(lower, l) {
				label = l
				break
			}
		}
		i := strings.LastIndex(lower, " by ")
		if label == "" || i < len(label) {
			return "", false
		}
		when := strings.TrimLeft(t[len(label):i], " :")
		if d, ok := parseDate(when, time.Now()); !ok || d.IsZero() || len(strings.Fields(when)) > 8 {
			return "", false
		}
		rest = t[i+len(" by "):]
	}
	name := cleanByline(rest)
	if name == "" || !looksLikeNames(name) {
		return "", false
	}
	return name, true
}

// cleanByline cuts what follows the names on a byline: dates, times,
// handles, section names after a separator (" ? " is a dash that a
// conversion to one byte a letter lost: "Jane Doe ? More by this
// author").
func cleanByline(s string) string {
	s = strings.TrimSpace(s)
	// "Jane Doe, with additional reporting by John Roe": both wrote it.
	if i := strings.Index(strings.ToLower(s), "additional reporting by "); i > 0 {
		head := strings.TrimRight(s[:i], " ")
		if n := len(head) - len("with"); n >= 0 && strings.EqualFold(head[n:], "with") && (n == 0 || head[n-1] == ' ' || head[n-1] == ',') {
			head = head[:n]
		}
		head = strings.TrimRight(head, " ,;")
		s = head + " and " + s[i+len("additional reporting by "):]
	}
	for _, sep := range []string{" - ", " | ", " • ", " · ", " — ", " – ", " ? ", "@", "\t", "  ", " / "} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	if i := strings.IndexFunc(s, unicode.IsDigit); i > 0 {
		rest := s[i:]
		s = s[:i]
		// "Jane Doe January 10, 2008": the month (and weekday) of the
		// date the figures began, when they begin with a day, not a
		// date in figures ("Brian May 10/12/2009").
		for spelledDay(rest) {
			w := strings.Fields(s)
			if len(w) < 2 {
				break
			}
			last := strings.ToLower(strings.Trim(w[len(w)-1], ",.;"))
			if _, month := monthNames[last]; !month && !weekdayNames[last] {
				break
			}
			s = strings.TrimSpace(s[:strings.LastIndex(s, w[len(w)-1])])
		}
	}
	s = cutGlued(s)
	// "Jane Doe and agencies", "Jane Doe and staff": what follows "and"
	// in lower case is no one's name.
	if i := strings.LastIndex(s, " and "); i > 0 && i+5 < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[i+5:]); unicode.IsLower(r) {
			s = s[:i]
		}
	}
	for _, w := range []string{" Published", " Updated", " Posted", " on ", " at ", " Last updated"} {
		if i := strings.Index(s, w); i > 0 {
			s = s[:i]
		}
	}
	return strings.Trim(strings.TrimSpace(s), ",;:|-–—")
}

// isDateOnly reports whether s is a date in figures and nothing else:
// "11/19/2019", "2019-11-19".
func isDateOnly(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsDigit(r) && !strings.ContainsRune("/-.", r) }) {
		return false
	}
	_, ok := parseDate(s, time.Now())
	return ok
}

// indexBy returns where s first holds " by " in any case, or -1.
func indexBy(s string) int {
	for i := 0; i+4 <= len(s); i++ {
		if s[i] == ' ' && s[i+1]|0x20 == 'b' && s[i+2]|0x20 == 'y' && s[i+3] == ' ' {
			return i
		}
	}
	return -1
}

// spelledDay reports whether s opens with a day of the month written
// as in a spelled-out date: "10, 2008", "4th March", not "10/12/2009".
func spelledDay(s string) bool {
	n := 0
	for n < len(s) && n < 3 && '0' <= s[n] && s[n] <= '9' {
		n++
	}
	if n == 0 || n > 2 {
		return false
	}
	return n == len(s) || !strings.ContainsRune("/.-:0123456789", rune(s[n]))
}

// weekdayNames are the days of the week, whole and cut short.
var weekdayNames = func() map[string]bool {
	m := map[string]bool{}
	for w := range strings.FieldsSeq("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun") {
		m[w] = true
	}
	return m
}()

// spelledDateOnly reports whether s is a date with its month spelled out
// and nothing else but weekdays, times and their words: "Jan 14 2008",
// "Tue, March 4, 2009 9:15 AM".
func spelledDateOnly(s string) bool {
	if _, ok := wordDate(s); !ok {
		return false
	}
	for _, t := range dateTokens(s) {
		if _, ok := monthNames[t]; !ok && !dateWords[t] && (t[0] < '0' || t[0] > '9') {
			return false
		}
	}
	return true
}

// cutGlued cuts a byline where a name runs into the outlet's name
// without a space, as a link's text does: "Jane DoeGAZETTEWire" gives
// "Jane Doe". The cut is at a lower-case letter followed by two
// capitals.
func cutGlued(s string) string {
	prev := [2]rune{}
	for i, r := range s {
		if unicode.IsUpper(r) && unicode.IsUpper(prev[1]) && unicode.IsLower(prev[0]) {
			return strings.TrimSpace(s[:i-utf8.RuneLen(prev[1])])
		}
		prev = [2]rune{prev[1], r}
	}
	return s
}

// looksLikeNames reports whether s reads as a list of people's names:
// a few words, most capitalised, joined by "and" or commas.
func looksLikeNames(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 14 || utf8.RuneCountInString(s) > 120 {
		return false
	}
	caps, names := 0, 0
	paren := false
	for _, w := range words {
		if strings.HasPrefix(w, "(") {
			paren = true
		}
		if paren {
			if strings.HasSuffix(w, ")") {
				paren = false
			}
			continue
		}
		lw := strings.ToLower(strings.Trim(w, ",;"))
		if lw == "and" || lw == "&" || lw == "with" || lw == "in" || lw == "de" || lw == "van" || lw == "von" || lw == "da" || lw == "e" || lw == "y" {
			continue
		}
		names++
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return names >= 1 && caps*10 >= names*8
}

// nameLine reports whether a header line is nothing but people's names,
// as some pages print the byline without "By": "Jane Doe", "Jane Doe
// (now) and John Roe (earlier)".
func nameLine(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" || endsSentence(t) || hasNameBreaker(t) {
		return false
	}
	core := 0
	for w := range strings.FieldsSeq(t) {
		if !strings.HasPrefix(w, "(") && !strings.HasSuffix(w, ")") {
			core++
		}
	}
	if core < 2 || core > 9 || chromeExact[lineKey(strings.ToLower(t))] {
		return false
	}
	if !looksLikeNames(t) {
		return false
	}
	words := strings.Fields(t)
	// Names are short words; headlines in title case have function words.
	for _, w := range words {
		if !strings.HasPrefix(w, "(") && oddCapitals(w) {
			return false
		}
		lw := strings.ToLower(strings.Trim(w, ",()"))
		switch lw {
		case "the", "of", "to", "for", "on", "at", "a", "an", "is", "are", "news", "home", "menu", "more", "all", "new":
			return false
		}
	}
	return true
}

// notedNames reports whether a line credits people by name, each
// with a short note in brackets, as live pages name their writers:
// "Jane Doe (now) and John Roe (earlier)", "Jane Doe (Lisbon), John Roe
// (Oslo)". It is a line of names (nameLine) of two names or more, each
// of one to four words and each followed by a note of one to three
// words in brackets, joined by "and", "&" or commas. Such a line is a
// byline without "By", never a headline: a headline in Title Case
// passes nameLine, but does not put a note after each of two names.
func notedNames(text string) bool {
	if strings.IndexByte(text, '(') < 0 || !nameLine(text) {
		return false
	}
	notes, named := 0, 0 // brackets; name words since the last one
	inNote, noteWords := false, 0
	for w := range strings.FieldsSeq(text) {
		if inNote || strings.HasPrefix(w, "(") {
			if !inNote {
				if named == 0 || named > 4 {
					return false // a bracket with no name before it, or a long one
				}
				inNote, noteWords = true, 0
			}
			noteWords++
			if strings.HasSuffix(strings.TrimRight(w, ",;"), ")") {
				if noteWords > 3 {
					return false
				}
				inNote, named = false, 0
				notes++
			}
			continue
		}
		switch strings.ToLower(strings.Trim(w, ",;")) {
		case "and", "&":
			continue
		}
		named++
	}
	return notes >= 2 && named == 0 && !inNote
}

// nameBreakers are the ASCII bytes no line of names holds.
var nameBreakers = func() (t [utf8.RuneSelf]bool) {
	for _, c := range []byte("0123456789:|/!?\"") {
		t[c] = true
	}
	return t
}()

// hasNameBreaker reports whether s holds a figure, one of : | / ! ? or a
// double quote, straight or curly: strings.ContainsAny(s, "0123456789:|/!?\"“”").
func hasNameBreaker(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < utf8.RuneSelf {
			if nameBreakers[c] {
				return true
			}
		} else if c == 0xE2 && (strings.HasPrefix(s[i:], "“") || strings.HasPrefix(s[i:], "”")) {
			return true
		}
	}
	return false
}

// oddCapitals reports whether a word has capitals where names do not:
// "CFA", "ProfileSign". "McDonald" and "O'Brien" are names.
func oddCapitals(w string) bool {
	upper := 0
	for i, r := range w {
		if unicode.IsUpper(r) {
			upper++
			if i > 2 && !strings.ContainsAny(w[:i], "'’-") {
				return true
			}
		}
	}
	return upper > 1 && upper == utf8.RuneCountInString(w)
}

// bylineLeads are the words that open a byline before the names, in a
// few languages: "By", "Por", "Von", "Par", "Door", "Av".
var bylineLeads = []string{"by", "written by", "words by", "story by", "text by", "contributed by", "with additional reporting by",
	"additional reporting by", "reporting by", "por", "von", "par", "door", "av", "af", "di", "de",
	"author", "authors", "autor", "auteur", "byline", "reporter"}

// bylineLabels are byline labels in scripts without spaces, which name
// no one: "作者" is "author".
var bylineLabels = []string{"作者", "记者", "記者", "编辑", "編輯", "责任编辑", "責任編輯", "来源", "來源", "기자", "글", "著者", "筆者"}

// notNameWords are words no person's name is made of: months, days,
// the words of a page's buttons and links, job titles, and the nouns
// newspapers are named by ("Mail", "Herald": "Jane Doe, Western Mail").
var notNameWords = func() map[string]bool {
	m := map[string]bool{}
	for w := range strings.FieldsSeq(`january february march april may june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec
		monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
		today yesterday share shares tweet email e-mail comment comments username user login log sign subscribe
		subscriber follow following followers print menu search reply like more read posted updated published
		facebook twitter whatsapp linkedin pinterest reddit copy link newsletter home close click here the an of
		next previous article articles video page latest view highlights stories
		size version printable forecast sponsor sponsors quiz section sections archive archives gallery
		forum forums classifieds directory feed feeds
		admin administrator team editorial weekly daily magazine media online
		network networks interactive ltd inc llc limited group ` + deskWords) {
		m[w] = true
	}
	return m
}()

// nameParticles are the lower-case words inside names: "Ludwig van
// Beethoven", "Ana de Souza".
var nameParticles = map[string]bool{"de": true, "da": true, "do": true, "dos": true, "das": true, "del": true, "della": true,
	"di": true, "du": true, "van": true, "von": true, "der": true, "den": true, "la": true, "le": true, "bin": true, "al": true, "y": true}

// tidyByline returns a byline's names without the word that leads them
// ("By", "Por", "Von", "Par") and without any part that is no name. A
// name is two to four capitalised words (particles such as "de" aside)
// with no word repeated, none a month, a day, an interface word
// ("Share", "Username") or a desk's ("Admin", "News"); or, in a
// script without spaces, a few letters after a label. It returns ""
// when no part is a name: no byline is better than a wrong one.
func tidyByline(s string) string {
	s = stripBylineLead(strings.TrimSpace(s))
	if i := strings.Index(s, " -- "); i > 0 {
		s = s[:i] // "Jane Doe -- Gazette Media"
	}
	parts := splitNames(s)
	var keep []string
	cut := false
	for _, part := range parts {
		part = strings.Trim(stripBylineLead(part), " ,;:|-–—·•")
		if i := strings.Index(part, " in "); i > 0 {
			part, cut = part[:i], true // "Jane Doe in Lisbon"
		}
		if i := strings.Index(part, " at "); i > 0 {
			part, cut = part[:i], true // "Jane Doe at Harbour Park"
		}
		if len(parts) == 1 {
			// "Jane Doe (Contact)": a lone name's note is a link or a
			// role; notes stay only where they tell names apart.
			part = strings.TrimSpace(dropParens(part))
		}
		if c := capitalsOnly(part); c != part {
			part, cut = c, true
		}
		if c := withoutCapitalsAfter(part); c != part {
			part, cut = c, true
		}
		part = undouble(part)
		if isPersonName(dropParens(part)) {
			keep = append(keep, part)
		}
	}
	if len(keep) == len(parts) && len(keep) > 1 && !cut {
		return s // every part a name: the names as the page joins them
	}
	return strings.Join(keep, ", ")
}

// capitalsOnly returns the names of a byline printed in capitals without
// the words in ordinary case after them, which name the desk or the
// agency: "ERIC TUCKER Associated Press" gives "ERIC TUCKER".
func capitalsOnly(s string) string {
	w := strings.Fields(s)
	caps := 0
	for _, x := range w {
		if strings.ToUpper(x) != x || !strings.ContainsFunc(x, unicode.IsLetter) {
			break
		}
		caps++
	}
	if caps >= 2 && caps < len(w) {
		// "JANE DOE AP Technology Writer": two letters, the agency's
		// initials, lead the desk in ordinary case.
		if caps >= 3 && utf8.RuneCountInString(strings.Trim(w[caps-1], ".")) <= 2 {
			caps--
		}
		return strings.Join(w[:caps], " ")
	}
	return s
}

// withoutCapitalsAfter returns a name in ordinary case without the words
// in capitals after it, which name the desk or the outlet: "Jane Doe
// HARBOUR GAZETTE" gives "Jane Doe". A single word in capitals may be a
// surname ("Jean DUPONT") and stays.
func withoutCapitalsAfter(s string) string {
	w := strings.Fields(s)
	mixed := 0
	for _, x := range w {
		if strings.ToUpper(x) == x {
			break
		}
		mixed++
	}
	if mixed < 2 || len(w)-mixed < 2 {
		return s
	}
	for _, x := range w[mixed:] {
		if strings.ToUpper(x) != x || utf8.RuneCountInString(x) < 2 || !strings.ContainsFunc(x, unicode.IsLetter) {
			return s
		}
	}
	return strings.Join(w[:mixed], " ")
}

// dropParens removes the notes in brackets after a name: "Jane Doe
// (now)" gives "Jane Doe".
func dropParens(s string) string {
	for {
		i := strings.IndexByte(s, '(')
		j := strings.IndexByte(s, ')')
		if i < 0 || j < i {
			return strings.TrimSpace(s)
		}
		s = s[:i] + " " + s[j+1:]
	}
}

// undouble returns a name printed twice in a row once: "Jane Doe Jane
// Doe", as a link and its text run together, gives "Jane Doe".
func undouble(s string) string {
	w := strings.Fields(s)
	if h := len(w) / 2; len(w) >= 4 && len(w)%2 == 0 && strings.Join(w[:h], " ") == strings.Join(w[h:], " ") {
		return strings.Join(w[:h], " ")
	}
	return s
}

// stripBylineLead removes the words and labels that open a byline.
func stripBylineLead(s string) string {
	for changed := true; changed; {
		changed = false
		s = strings.TrimLeft(s, " :：,-–—|·•")
		lower := strings.ToLower(s)
		for _, w := range bylineLeads {
			if strings.HasPrefix(lower, w) && len(s) > len(w) {
				if next := s[len(w)]; next == ' ' || next == ':' {
					s, changed = s[len(w)+1:], true
					break
				}
			}
		}
		for _, w := range bylineLabels {
			if rest, ok := strings.CutPrefix(s, w); ok {
				s, changed = rest, true
				break
			}
		}
	}
	return strings.TrimSpace(s)
}

// splitNames splits a list of names at commas, "and" and "&".
func splitNames(s string) []string {
	for _, sep := range []string{" and ", " AND ", " & ", " y ", " e ", " und ", " et ", "、", "，", ";"} {
		s = strings.ReplaceAll(s, sep, ",")
	}
	return strings.Split(s, ",")
}

// isPersonName reports whether s reads as one person's name.
func isPersonName(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 60 || strings.ContainsAny(s, "@/0123456789") {
		return false
	}
	if spaceless(s) {
		n := utf8.RuneCountInString(s)
		for _, l := range bylineLabels {
			if s == l {
				return false
			}
		}
		return n >= 2 && n <= 5 && !strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '·' })
	}
	words := strings.Fields(s)
	seen := map[string]bool{}
	n := 0
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".,'’()"))
		if seen[lw] || notNameWords[lw] || deskPlural(lw) {
			return false
		}
		seen[lw] = true
		if nameParticles[lw] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) || unicode.IsLower(r) || strings.Contains(w, ".") && utf8.RuneCountInString(strings.Trim(w, ".")) > 1 {
			return false // "cleveland.com"; an initial "L." is a name's
		}
		upper, letters := 0, 0
		for _, c := range w {
			if unicode.IsUpper(c) {
				upper++
			}
			if unicode.IsLetter(c) {
				letters++
			}
		}
		if upper > 2 && upper < letters {
			return false // "GarberFOXBusiness"
		}
		n++
	}
	// One word is a desk, a user name or a site more often than a
	// person; five or more are a run of furniture.
	return n >= 2 && n <= 4
}

// deskPlural reports whether a word is the plural of a word no name is
// made of: "Columnists", "Editors", "Agencies".
func deskPlural(lw string) bool {
	if one, ok := strings.CutSuffix(lw, "ies"); ok && notNameWords[one+"y"] {
		return true
	}
	one, ok := strings.CutSuffix(lw, "s")
	return ok && len(one) >= 5 && notNameWords[one]
}

// spaceless reports whether s is written in a script without spaces
// between words (Chinese, Japanese) and holds no Latin letter.
func spaceless(s string) bool {
	cjk := false
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			cjk = true
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || r == ' '):
			return false
		}
	}
	return cjk
}

// readingByline returns a web page's byline: got, the one its markup or
// trafilatura's reading gave (tidied), or the one its visible text prints
// by the headline, as the text extractor reads a scrape of the page (r,
// nil when that found no article). Pages without author metadata (most
// made before 2010) print their byline only as text, which trafilatura
// often leaves out. The text's byline also stands in for a markup
// author that is the site (outlet) or an agency the table knows, which
// the article would drop, and wins over a different name when the page
// prints it after "By" (visible is the page's text): the markup's author
// may be the page's editor or webmaster, and trafilatura may take a "by"
// from a list of other posts. A name that is part of the headline
// (title) is not taken: the reading saw the headline's words as a
// name.
func readingByline(x *Extractor, got, title, outlet string, r *feed.Article, visible string) string {
	if r == nil || r.Byline == "" || strings.Contains(strings.ToLower(title), strings.ToLower(r.Byline)) {
		return got
	}
	if got == "" || sameNameKey(got, outlet) || x.Signatures != nil && x.Signatures.knows(got) {
		return r.Byline
	}
	if shareName(got, r.Byline) {
		return got
	}
	if printedAfterBy(visible, r.Byline) || printedBelowLead(visible, got, r.Byline, r.Body) {
		return r.Byline
	}
	return got
}

// printedBelowLead reports whether the page's text (visible) prints the
// name got first below the opening of the article (body), and the name
// reading above it: got then names the writer of a story listed under
// the article ("The harbour's new berth, by Jane Doe"), and reading the
// article's own, printed by its headline.
func printedBelowLead(visible, got, reading, body string) bool {
	if len(body) < 40 {
		return false
	}
	at := strings.Index(visible, body[:40])
	if at < 0 {
		return false
	}
	g, r := strings.Index(visible, got), strings.Index(visible, reading)
	return r >= 0 && r < at && g > at
}

// shareName reports whether two bylines have a name's word in common.
func shareName(a, b string) bool {
	for _, w := range strings.Fields(strings.ToLower(a)) {
		w = strings.Trim(w, ",;.()")
		if len(w) < 2 || w == "and" {
			continue
		}
		for _, v := range strings.Fields(strings.ToLower(b)) {
			if strings.Trim(v, ",;.()") == w {
				return true
			}
		}
	}
	return false
}

// printedAfterBy reports whether text prints name after the label "by".
func printedAfterBy(text, name string) bool {
	lt, ln := strings.ToLower(text), strings.ToLower(name)
	for from := 0; ; {
		i := strings.Index(lt[from:], ln)
		if i < 0 {
			return false
		}
		at := from + i
		before := strings.TrimRight(lt[:at], " \t:")
		if strings.HasSuffix(before, "by") && (len(before) == 2 || !unicode.IsLetter(rune(before[len(before)-3]))) {
			return true
		}
		from = at + len(ln)
	}
}
