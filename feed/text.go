package feed

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// LeadOf returns the first paragraph of a Markdown body as plain text,
// skipping headings and captions.
func LeadOf(body string) string {
	for para := range strings.SplitSeq(body, "\n\n") {
		p := strings.TrimSpace(para)
		if p == "" || strings.HasPrefix(p, "#") || strings.HasPrefix(p, "!") || strings.HasPrefix(p, "*") && strings.HasSuffix(p, "*") && !strings.HasPrefix(p, "* ") {
			continue
		}
		return PlainText(p)
	}
	return ""
}

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
// short title such as "Mr" or an initial, which does not end a sentence.
func abbreviation(before string) bool {
	j := strings.LastIndexByte(before, ' ')
	w := before[j+1:]
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Gen", "Sen", "Rep", "Gov", "Jr", "Sr", "No", "vs", "U.S", "U.K":
		return true
	}
	return utf8.RuneCountInString(w) == 1
}

// markReplacer removes inline Markdown marks; built once, as building
// a Replacer costs more than most uses of it.
var markReplacer = strings.NewReplacer("**", "", "__", "", "`", "", "\\", "")

// PlainText strips the Markdown marks Broadsheet writes from s.
func PlainText(md string) string {
	if isPlainText(md) {
		return md
	}
	s := markReplacer.Replace(md)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = strings.TrimSpace(l)
		l = strings.TrimLeft(l, "#>")
		l = strings.TrimPrefix(strings.TrimSpace(l), "- ")
		lines[i] = strings.Trim(strings.TrimSpace(l), "*_")
	}
	return strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
}

// isPlainText reports whether PlainText would return s as it is: one
// line with none of the marks it strips, spaced by single spaces.
func isPlainText(s string) bool {
	if strings.HasPrefix(s, "- ") {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '*', '_', '`', '\\', '#', '>', '\t', '\n', '\v', '\f', '\r':
			return false
		case ' ':
			if i == 0 || i == len(s)-1 || s[i-1] == ' ' {
				return false
			}
		default:
			if c >= utf8.RuneSelf {
				r, n := utf8.DecodeRuneInString(s[i:])
				if unicode.IsSpace(r) {
					return false
				}
				i += n - 1
			}
		}
	}
	return true
}
