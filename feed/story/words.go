package story

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/words"
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
	if p == "" || p[0] == ' ' || p[0] == '-' || p[len(p)-1] == ' ' || strings.Contains(p, "  ") {
		return feed.PlainText(p)
	}
	// Past the bytes that need no look, four at a time (see plainLook).
	for i := 0; i < len(p); i++ {
		for i+4 <= len(p) && plainLook[p[i]]|plainLook[p[i+1]]|plainLook[p[i+2]]|plainLook[p[i+3]] == 0 {
			i += 4
		}
		if i >= len(p) {
			break
		}
		switch byteClass[p[i]] {
		case markByte, lineByte:
			return feed.PlainText(p)
		case wideByte:
			// A continuation byte is never a wide one, so stepping one
			// byte at a time past the character sees what skipping it
			// would.
			if r, _ := utf8.DecodeRuneInString(p[i:]); unicode.IsSpace(r) {
				return feed.PlainText(p)
			}
		}
	}
	return p
}

// plainLook marks the bytes plainText must look at: Markdown marks,
// control characters, line breaks and the first bytes of spaces past
// ASCII. (It finds double spaces apart.)
var plainLook = func() (t [256]uint8) {
	for c := range 256 {
		switch byteClass[c] {
		case markByte, lineByte, wideByte:
			t[c] = 1
		}
	}
	return t
}()

// asciiWord marks the ASCII letters and digits: the bytes of a word
// that are read by their byte alone.
var asciiWord = func() (t [256]bool) {
	for c := range 256 {
		t[c] = byteClass[c] == wordByte
	}
	return t
}()

// What a byte is to plainText, nextWord and counter.add.
const (
	plainByte = iota // punctuation that is neither Markdown nor a break
	wordByte         // an ASCII letter or digit
	spaceByte        // ' '
	markByte         // Markdown marks and control characters but '\n'
	wideByte         // the start of a character past ASCII that may be a space
	stopByte         // '.', '!' and '?', which may end a sentence
	lineByte         // '\n'
)

var byteClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
			t[c] = wordByte
		case c == ' ':
			t[c] = spaceByte
		case c == '.', c == '!', c == '?':
			t[c] = stopByte
		case c == '\n':
			t[c] = lineByte
		case c < ' ', c == '*', c == '_', c == '`', c == '\\', c == '#', c == '>', c == 0x7f:
			t[c] = markByte
		case c == 0xc2, c == 0xe1, c == 0xe2, c == 0xe3:
			// The first bytes of the spaces past ASCII (U+0085, U+00A0,
			// U+1680, U+2000 to U+205F, U+3000): plainText looks at
			// these characters; any other byte past ASCII is plain to it.
			t[c] = wideByte
		}
	}
	return t
}()

// isWordRune reports whether the character at s[i], which is past ASCII,
// is a letter or digit (a word's), and its size. Latin letters with
// accents, and the punctuation and spaces of U+2000 to U+203F (curly
// quotes, dashes), are told by their bytes.
func isWordRune(s string, i int) (bool, int) {
	if c := s[i]; c >= 0xc3 && c <= 0xc9 && i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
		// U+00C0 to U+027F: letters, but for × and ÷.
		return c != 0xc3 || s[i+1] != 0x97 && s[i+1] != 0xb7, 2
	} else if c == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2]&0xc0 == 0x80 {
		return false, 3
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r), size
}

// tokenizer splits sentences into the words that count, folded and
// stemmed, reusing its buffers.
type tokenizer struct {
	word []byte // the current word, folded
}

// tokenKind is what a word is to the vector.
type tokenKind uint8

const (
	skipped  tokenKind = iota // a one-letter piece: a possessive s, an initial
	stopWord                  // it breaks word pairs
	content
)

// term returns a word's term: letters lower-cased and stripped of
// accents, stemmed, and an abbreviation as written in full (see
// abbreviations). Hyphens and apostrophes split words (see nextWord),
// so "Jong-un" is "jong un" and "Russia's" is "russia". The term is only
// good until the next call.
func (tz *tokenizer) term(w string) ([]byte, tokenKind) {
	if len(w) >= 2 && len(w) <= 3 && w[0] >= 'A' && w[0] <= 'Z' {
		if full, ok := abbreviations[w]; ok {
			w = full
		}
	}
	f := tz.fold(w)
	if len(f) < 2 || stopSet.has(f) {
		if len(f) >= 2 || len(f) == 0 {
			return nil, stopWord
		}
		return nil, skipped
	}
	return words.StripEnding(f), content
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
		if f := tz.fold(w); len(f) > 1 || words.IsNumber(f) {
			fn(words.StripEnding(f))
		}
	}
}

// nextWord returns the first run of letters and digits in s from i on,
// and where it ends; "" when there is none.
func nextWord(s string, i int) (string, int) {
	// Two tight loops, past what is not a word and then over the word,
	// reading ASCII by its byte class.
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if byteClass[c] == wordByte {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		i += size
	}
	start := i
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if byteClass[c] != wordByte {
				return s[start:i], i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return s[start:i], i
		}
		i += size
	}
	return s[start:], i
}

// fold lower-cases a word and removes its accents (see
// words.AppendFoldAccents), into the tokenizer's word buffer.
func (tz *tokenizer) fold(w string) []byte {
	tz.word = words.AppendFoldAccents(tz.word[:0], w)
	return tz.word
}

// stem strips the commonest English endings (see words.StripEnding).
func stem(w string) string { return string(words.StripEnding([]byte(w))) }
