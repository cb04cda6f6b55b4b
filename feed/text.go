package feed

import (
	"regexp"
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
	s := stripInline(markReplacer.Replace(md))
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = strings.TrimSpace(l)
		l = strings.TrimLeft(l, "#>")
		l = strings.TrimPrefix(strings.TrimSpace(l), "- ")
		lines[i] = strings.Trim(strings.TrimSpace(l), "*_")
	}
	return breakRefs(strings.Join(strings.Fields(strings.Join(lines, " ")), " "))
}

// mdLink matches a Markdown link or image on one line: its text is
// what is kept.
var mdLink = regexp.MustCompile(`!?\[([^\[\]\n]*)\]\([^()\s]*\)`)

// stripInline drops what is left of inline Markdown once markReplacer
// has run: links and images become their text, and a '*' or '_' next
// to a word is an emphasis mark and goes, unless it stands between
// spaces ("5 * 3") or is a '_' inside a word (snake_case).
func stripInline(s string) string {
	if strings.IndexByte(s, '[') >= 0 {
		s = mdLink.ReplaceAllString(s, "$1")
	}
	if !strings.ContainsAny(s, "*_") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c != '*' && c != '_' {
			b.WriteByte(c)
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == c {
			j++
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[j:])
		spaceBefore := i == 0 || unicode.IsSpace(before)
		spaceAfter := j == len(s) || unicode.IsSpace(after)
		word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
		if spaceBefore && spaceAfter || c == '_' && i > 0 && j < len(s) && word(before) && word(after) {
			b.WriteString(s[i:j])
		}
		i = j
	}
	return b.String()
}

// isPlainText reports whether PlainText would return s as it is: one
// line with none of the marks it strips, spaced by single spaces.
func isPlainText(s string) bool {
	if strings.HasPrefix(s, "- ") {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '*', '_', '`', '\\', '#', '>', '[', '\t', '\n', '\v', '\f', '\r':
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
