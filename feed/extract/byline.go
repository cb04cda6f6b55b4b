package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// bylineOf returns the author named by a byline line: "By Jane Doe",
// "by JANE DOE and JOHN ROE - 11/19/19 06:56 AM", "Author: Jane Doe".
// It reports false when the line is not a byline.
func bylineOf(text string) (string, bool) {
	t := strings.TrimSpace(text)
	// Every byline label starts with b, w, a or r; no letter beyond ASCII
	// lowers to one of them.
	if t == "" {
		return "", false
	}
	switch t[0] | 0x20 {
	case 'b', 'w', 'a', 'r':
	default:
		return "", false
	}
	lower := strings.ToLower(t)
	var rest string
	switch {
	case strings.HasPrefix(lower, "by "):
		rest = t[3:]
	case strings.HasPrefix(lower, "by:"):
		rest = t[3:]
	case strings.HasPrefix(lower, "words by "):
		rest = t[9:]
	case strings.HasPrefix(lower, "written by "):
		rest = t[11:]
	case strings.HasPrefix(lower, "author:") || strings.HasPrefix(lower, "authors:") ||
		strings.HasPrefix(lower, "reporter:") || strings.HasPrefix(lower, "reporters:") ||
		strings.HasPrefix(lower, "written by:") || strings.HasPrefix(lower, "byline:"):
		_, rest, _ = strings.Cut(t, ":")
	case strings.HasPrefix(lower, "reporting by "):
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

// cleanByline cuts what follows the names on a byline: dates, times,
// handles, section names after a separator.
func cleanByline(s string) string {
	s = strings.TrimSpace(s)
	for _, sep := range []string{" - ", " | ", " • ", " · ", " — ", " – ", "@", "\t", "  ", " / "} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	if i := strings.IndexFunc(s, unicode.IsDigit); i > 0 {
		s = s[:i]
	}
	for _, w := range []string{" Published", " Updated", " Posted", " on ", " Last updated"} {
		if i := strings.Index(s, w); i > 0 {
			s = s[:i]
		}
	}
	return strings.Trim(strings.TrimSpace(s), ",;:|-–—")
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
