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

// markReplacer removes inline Markdown marks; built once, as building
// a Replacer costs more than most uses of it.
var markReplacer = strings.NewReplacer("**", "", "__", "", "`", "", "\\", "")

// PlainText strips the Markdown marks Broadsheet writes from s. Taking
// marks out can join what they split into a character reference, as
// "&**#x1b;" becomes "&#x1b;", which a Markdown renderer would turn
// into ESC: such references are broken as Sanitize breaks them.
func PlainText(md string) string {
	if isPlainText(md) {
		return breakRefs(md)
	}
	s := markReplacer.Replace(md)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = strings.TrimSpace(l)
		l = strings.TrimLeft(l, "#>")
		l = strings.TrimPrefix(strings.TrimSpace(l), "- ")
		lines[i] = strings.Trim(strings.TrimSpace(l), "*_")
	}
	return breakRefs(strings.Join(strings.Fields(strings.Join(lines, " ")), " "))
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
