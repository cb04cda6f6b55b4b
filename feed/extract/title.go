package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTitle is the most characters a synthesized title takes from the lead.
const maxTitle = 90

// TitleFromLead makes a headline from the lead's first sentence, cut at a
// word boundary when it is long.
func TitleFromLead(lead string) string {
	s := strings.TrimSpace(lead)
	if i := sentenceEnd(s); i > 0 {
		s = s[:i]
	}
	if utf8.RuneCountInString(s) <= maxTitle {
		return strings.TrimRight(s, ".")
	}
	cut := 0
	n := 0
	for i, r := range s {
		if n >= maxTitle {
			break
		}
		if unicode.IsSpace(r) {
			cut = i
		}
		n++
	}
	if cut == 0 {
		cut = len(string([]rune(s)[:maxTitle]))
	}
	return strings.TrimRight(s[:cut], " ,;:–—-") + "…"
}

// sentenceEnd returns the index just past the first sentence's full stop,
// or 0 when s holds one sentence.
func sentenceEnd(s string) int {
	for i := 0; i < len(s)-1; i++ {
		switch s[i] {
		case '.', '!', '?':
			if s[i+1] == ' ' && i > 20 && !abbreviation(s[:i]) {
				return i + 1
			}
		}
	}
	return 0
}

// abbreviation reports whether the text before a full stop ends in a
// short title such as "Mr", an initial, or initials ("E.W"), which do
// not end a sentence.
func abbreviation(before string) bool {
	j := strings.LastIndexByte(before, ' ')
	w := before[j+1:]
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Gen", "Sen", "Rep", "Gov", "Jr", "Sr", "No", "vs":
		return true
	}
	return utf8.RuneCountInString(w) == 1 || isInitials(w)
}

// isInitials reports whether w is capital letters each followed by a
// full stop but the last ("E.W", "U.S.A").
func isInitials(w string) bool {
	if w == "" {
		return false
	}
	for part := range strings.SplitSeq(w, ".") {
		r, n := utf8.DecodeRuneInString(part)
		if n == 0 || n != len(part) || !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
