package story

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/broadsheet/broadsheet/feed"
)

// Reading words is most of the work of grouping: every article's title,
// lead and body are split into sentences and words, folded and stemmed.
// So words are read into reused buffers rather than made into strings,
// and a paragraph with no Markdown in it is read where it stands.

// eachParagraph calls fn with the plain text of each non-empty paragraph
// of an article's body, with or without its sub-headings, until fn
// returns false.
func eachParagraph(body string, headings bool, fn func(text string) bool) {
	for rest := body; ; {
		p, after, more := strings.Cut(rest, "\n\n")
		if headings || !strings.HasPrefix(strings.TrimSpace(p), "#") {
			if t := plainText(p); t != "" && !fn(t) {
				return
			}
		}
		if !more {
			return
		}
		rest = after
	}
}

// plainText returns feed.PlainText(p), without copying a paragraph that
// has nothing to strip: no Markdown marks, no line breaks and no spaces
// but single ones between words.
func plainText(p string) string {
	if p == "" || p[0] == ' ' || p[0] == '-' || p[len(p)-1] == ' ' {
		return feed.PlainText(p)
	}
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == ' ':
			if p[i+1] == ' ' {
				return feed.PlainText(p)
			}
		case c < ' ', c == '*', c == '_', c == '`', c == '\\', c == '#', c == '>', c == 0x7f:
			return feed.PlainText(p)
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(p[i:])
			if unicode.IsSpace(r) {
				return feed.PlainText(p)
			}
			i += size - 1
		}
	}
	return p
}

// tokenizer splits sentences into the words that count, folded and
// stemmed, reusing its buffers.
type tokenizer struct {
	word []byte // the current word, folded
	nfd  []byte
}

// tokenKind is what a word is to the vector.
type tokenKind uint8

const (
	skipped  tokenKind = iota // a one-letter piece: a possessive s, an initial
	stopWord                  // it breaks word pairs
	content
)

// term returns a word's term: letters lower-cased and stripped of
// accents, stemmed. Hyphens and apostrophes split words (see nextWord),
// so "Jong-un" is "jong un" and "Russia's" is "russia". The term is only
// good until the next call.
func (tz *tokenizer) term(w string) ([]byte, tokenKind) {
	f := tz.fold(w)
	if len(f) < 2 || stop[string(f)] {
		if len(f) >= 2 || len(f) == 0 {
			return nil, stopWord
		}
		return nil, skipped
	}
	return stemBytes(f), content
}

// words calls fn with every word of a sentence, folded and stemmed, stop
// words included, that is longer than a letter or is a number.
func (tz *tokenizer) words(sentence string, fn func(term []byte)) {
	for i := 0; ; {
		w, next := nextWord(sentence, i)
		if w == "" {
			return
		}
		i = next
		if f := tz.fold(w); len(f) > 1 || isNumber(f) {
			fn(stemBytes(f))
		}
	}
}

// nextWord returns the first run of letters and digits in s from i on,
// and where it ends; "" when there is none.
func nextWord(s string, i int) (string, int) {
	start := -1
	for i < len(s) {
		c := s[i]
		size, word := 1, false
		if c < utf8.RuneSelf {
			word = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			word = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			return s[start:i], i
		}
		i += size
	}
	if start < 0 {
		return "", i
	}
	return s[start:], i
}

// fold lower-cases a word and removes its accents, into the tokenizer's
// word buffer.
func (tz *tokenizer) fold(w string) []byte {
	b := tz.word[:0]
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		// Most words: nothing to decompose.
		for i := 0; i < len(w); i++ {
			c := w[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
		tz.word = b
		return b
	}
	// Latin letters fold one at a time: each is a letter with any marks
	// after it, so a word's decomposition is its letters'.
	latin := true
	for _, r := range w {
		if r >= utf8.RuneSelf {
			if r >= rune(len(latinFold)) {
				latin = false
				break
			}
			b = append(b, latinFold[r]...)
			continue
		}
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		b = append(b, byte(r))
	}
	if latin {
		tz.word = b
		return b
	}
	b = b[:0]
	tz.nfd = norm.NFD.AppendString(tz.nfd[:0], w)
	for _, r := range string(tz.nfd) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	tz.word = b
	return b
}

// latinFold holds the folded form of each letter of Latin-1 and Latin
// Extended-A and B, which have no marks of their own to reorder.
var latinFold = func() []string {
	out := make([]string, 0x250)
	for r := rune(0x80); r < 0x250; r++ {
		var b []byte
		for _, d := range norm.NFD.String(string(r)) {
			if !unicode.Is(unicode.Mn, d) {
				b = utf8.AppendRune(b, unicode.ToLower(d))
			}
		}
		out[r] = string(b)
	}
	return out
}()

// fold lower-cases a word and removes its accents.
func fold(w string) string {
	var tz tokenizer
	return string(tz.fold(w))
}

// stem strips the commonest English endings so that "sign", "signs",
// "signed" and "signing" are one term. It is deliberately crude: it only
// has to be consistent.
func stem(w string) string { return string(stemBytes([]byte(w))) }

// stemBytes is stem, in place.
func stemBytes(w []byte) []byte {
	n := len(w)
	if n <= 4 || isNumber(w) {
		return w
	}
	undouble := false
	switch {
	case hasSuffix(w, "ies"):
		w[n-3] = 'y'
		return w[:n-2]
	case hasSuffix(w, "ing") && n > 6:
		w, undouble = w[:n-3], true
	case hasSuffix(w, "ed") && n > 5:
		w, undouble = w[:n-2], true
	case hasSuffix(w, "sses"), hasSuffix(w, "xes"), hasSuffix(w, "ches"), hasSuffix(w, "shes"):
		w = w[:n-2]
	case hasSuffix(w, "s") && !hasSuffix(w, "ss") && !hasSuffix(w, "us") && !hasSuffix(w, "is"):
		w = w[:n-1]
	}
	// "stopped" and "stopping" become "stop".
	if n := len(w); undouble && n > 3 && w[n-1] == w[n-2] && w[n-1] != 'l' && w[n-1] != 's' && w[n-1] != 'z' {
		w = w[:n-1]
	}
	// "close", "closes", "closed" and "closing" become "clos".
	if n := len(w); n > 3 && w[n-1] == 'e' {
		w = w[:n-1]
	}
	return w
}

func hasSuffix(w []byte, suffix string) bool {
	return len(w) >= len(suffix) && string(w[len(w)-len(suffix):]) == suffix
}

// isNumber reports whether a word is all digits.
func isNumber[S string | []byte](s S) bool {
	for _, r := range string(s) {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return len(s) > 0
}

// FNV-1a, 64-bit: terms are kept as hashes, and a word pair's hash
// follows on from its first word's.
const (
	hashStart = 14695981039346656037
	hashPrime = 1099511628211
)

// hashOn returns the hash of h's text followed by b.
func hashOn(h uint64, b []byte) uint64 {
	for _, c := range b {
		h ^= uint64(c)
		h *= hashPrime
	}
	return h
}

// termHash returns a term's hash.
func termHash(term string) uint64 {
	h := uint64(hashStart)
	for i := 0; i < len(term); i++ {
		h ^= uint64(term[i])
		h *= hashPrime
	}
	return h
}
