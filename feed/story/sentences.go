package story

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentences splits plain text into sentences: at a full stop, question
// or exclamation mark (and any closing quote after it) followed by a
// space and a capital, digit or opening quote, and at line breaks.
// Titles such as "Mr." and initials do not end a sentence.
func sentences(text string) []string { return appendSentences(nil, text) }

// appendSentences appends the sentences of text to out.
func appendSentences(out []string, text string) []string {
	for rest, more := text, true; more; {
		var line string
		line, rest, more = strings.Cut(rest, "\n")
		line = strings.TrimSpace(line)
		start := 0
		for i := 0; i < len(line); i++ {
			switch line[i] {
			case '.', '!', '?':
			default:
				continue
			}
			end := i + 1
			for end < len(line) {
				r, size := utf8.DecodeRuneInString(line[end:])
				if !strings.ContainsRune(`"'”’)]`, r) {
					break
				}
				end += size
			}
			if end >= len(line) || line[end] != ' ' {
				continue
			}
			next, _ := utf8.DecodeRuneInString(strings.TrimLeft(line[end:], " "))
			if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune(`"'“‘(`, next) {
				continue
			}
			if line[i] == '.' && shortWord(line[start:i]) {
				continue
			}
			if s := strings.TrimSpace(line[start:end]); s != "" {
				out = append(out, s)
			}
			start = end
		}
		if s := strings.TrimSpace(line[start:]); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// shortWord reports whether text ends in a word that a full stop does
// not end a sentence after: a title ("Mr", "Gen") or an initial.
func shortWord(text string) bool {
	w := text[strings.LastIndexAny(text, " (")+1:]
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Gen", "Sen", "Rep", "Gov", "Jr", "Sr", "No", "vs", "Lt", "Col", "Capt", "Sgt", "U.S", "U.K", "U.N", "E.U":
		return true
	}
	return utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0])
}
