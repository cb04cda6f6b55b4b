package search

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// A word is a run of letters, digits and combining marks. An apostrophe
// between two letters belongs to the word ("don't", "Putin’s"); a final
// "'s" is dropped and other apostrophes removed, so "Putin’s" folds to
// "putin" and "O'Brien" to "obrien". Everything else separates words,
// so "Jong-un" is two words.

// wordByte reports, for each ASCII byte, whether it is part of a word.
var wordByte = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return wordByte[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// tokenizer splits text into folded words. Its buffers are reused, so a
// tokenizer is for one goroutine at a time.
type tokenizer struct {
	buf  []byte
	fold transform.Transformer
	// only, when set, passes over the words whose first byte is not
	// marked in it without folding them, handing a nil folded form to
	// each's callback: a shortcut for finding a few words in a text.
	only *[256]bool
}

var tokenizers = sync.Pool{New: func() any { return newTokenizer() }}

func newTokenizer() *tokenizer {
	return &tokenizer{
		// Room for key's 16-byte loads.
		buf: make([]byte, 0, 64),
		// Decompose, drop the accents, fold case, recompose: "Zürich"
		// becomes "zurich" and "STRASSE" and "Straße" meet at "strasse".
		fold: transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), cases.Fold(), norm.NFC),
	}
}

// foldByte maps each ASCII byte that is part of a word to its lower
// case, and every other byte to 0: one look-up both classifies and folds
// a byte of a plain ASCII word.
var foldByte = func() (t [256]byte) {
	for c := 0; c < utf8.RuneSelf; c++ {
		if wordByte[c] {
			t[c] = lower[c]
		}
	}
	return t
}()

// each calls fn for each word of s with its byte range in s and its
// folded form, which is only valid during the call (and nil for a word
// passed over, see only).
func (t *tokenizer) each(s string, fn func(start, end int, folded []byte)) {
	if t.only == nil {
		for i := 0; ; {
			f, start, end := t.next(s, i)
			if f == nil {
				return
			}
			fn(start, end, f)
			i = end
		}
	}
	for i := 0; i < len(s); {
		start, end, ascii := span(s, i)
		if start == end {
			return
		}
		i = end
		if !t.only[s[start]|0x20] {
			fn(start, end, nil)
			continue
		}
		if f := t.foldWord(s[start:end], ascii); len(f) > 0 {
			fn(start, end, f)
		}
	}
}

// next returns the first word of s at or after byte i: its folded form,
// valid until the next call, and its byte range. The folded form is nil
// when there is none.
//
// A word of ASCII letters and digits ending in ASCII punctuation or
// space, the most common kind, is folded as it is scanned, one table
// look-up a byte; anything else goes through span and foldWord.
func (t *tokenizer) next(s string, i int) (folded []byte, start, end int) {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if foldByte[c] == 0 {
				i++
				continue
			}
			start := i
			b := t.buf[:0]
			for i < len(s) {
				x := foldByte[s[i]]
				if x == 0 {
					break
				}
				b = append(b, x)
				i++
			}
			if i == len(s) || s[i] != '\'' && s[i] < utf8.RuneSelf {
				t.buf = b
				return b, start, i
			}
			// An apostrophe or a non-ASCII letter may continue the word.
			i = start
		}
		start, end, ascii := span(s, i)
		if start == end {
			break
		}
		i = end
		if f := t.foldWord(s[start:end], ascii); len(f) > 0 {
			return f, start, end
		}
	}
	return nil, len(s), len(s)
}

// span returns the byte range of the first word of s at or after byte
// i, empty when there is none, and whether the word is all ASCII.
func span(s string, i int) (start, end int, ascii bool) {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if wordByte[c] {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			break
		}
		i += n
	}
	if i == len(s) {
		return i, i, true
	}
	start, ascii = i, true
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if wordByte[c] {
				i++
				continue
			}
			if c == '\'' && i+1 < len(s) && nextIsLetter(s[i+1:]) {
				i++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			ascii = false
			i += n
			continue
		}
		if isApostrophe(r) && i+n < len(s) && nextIsLetter(s[i+n:]) {
			ascii = false
			i += n
			continue
		}
		break
	}
	return start, i, ascii
}

func nextIsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// foldWord returns the folded form of one word in t's buffer.
func (t *tokenizer) foldWord(w string, ascii bool) []byte {
	b := t.buf[:0]
	apostrophe := false
	if ascii {
		b = slices.Grow(b, len(w))[:len(w)]
		for i := 0; i < len(w); i++ {
			c := w[i]
			apostrophe = apostrophe || c == '\''
			b[i] = lower[c]
		}
	} else {
		b = t.foldRunes(b, w)
		apostrophe = true
	}
	t.buf = b
	if !apostrophe {
		return b
	}
	if n := len(b); n > 2 && b[n-1] == 's' && b[n-2] == '\'' {
		b = b[:n-2]
	}
	// Remove the remaining apostrophes in place.
	out := b[:0]
	for _, c := range b {
		if c != '\'' {
			out = append(out, c)
		}
	}
	return out
}

// foldRunes appends the folded form of w to b: from a table for the
// Latin letters, through the full Unicode folding for the rest.
func (t *tokenizer) foldRunes(b []byte, w string) []byte {
	n := len(b)
	for _, r := range w {
		switch {
		case r < utf8.RuneSelf:
			c := byte(r)
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		case r < rune(len(latin)):
			b = append(b, latin[r]...)
		case isApostrophe(r):
			b = append(b, '\'')
		default:
			return t.foldSlow(b[:n], w)
		}
	}
	return b
}

// foldSlow folds w through golang.org/x/text.
func (t *tokenizer) foldSlow(b []byte, w string) []byte {
	t.fold.Reset()
	folded, _, err := transform.String(t.fold, w)
	if err != nil {
		folded = strings.ToLower(w)
	}
	for _, r := range folded {
		switch {
		case isApostrophe(r):
			b = append(b, '\'')
		case r < utf8.RuneSelf:
			b = append(b, byte(r))
		default:
			if s, ok := unaccented[r]; ok {
				b = append(b, s...)
			} else {
				b = utf8.AppendRune(b, r)
			}
		}
	}
	return b
}

// latin holds the folded form of each Latin letter below U+0250.
var latin = func() (tab [0x250]string) {
	t := newTokenizer()
	for r := rune(utf8.RuneSelf); r < rune(len(tab)); r++ {
		tab[r] = string(t.foldSlow(nil, string(r)))
	}
	return tab
}()

// unaccented maps letters that have no decomposition to their plain
// Latin spelling.
var unaccented = map[rune]string{
	'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'æ': "ae", 'œ': "oe", 'ı': "i",
}

// fold returns the folded form of a single word, as the index stores it.
func fold(w string) string {
	t := tokenizers.Get().(*tokenizer)
	defer tokenizers.Put(t)
	var out strings.Builder
	t.each(w, func(_, _ int, f []byte) { out.Write(f) })
	return out.String()
}

// isStopWord reports whether a folded word is too common to index.
// Stop words still take up a position, so phrases around them match.
func isStopWord(w string) bool { return english.IsStopWord(w) }

// stem returns the English stem of a folded word.
func stem(w string) string {
	if len(w) <= 3 || w[0] >= '0' && w[0] <= '9' || isOwnStem(w) {
		return w
	}
	return english.Stem(w, true)
}

// keepsLast marks the letters and digits no suffix of the English
// stemmer ends in: its steps only ever remove or replace an ending
// (', s, d, g, y, i, l, n, m, r, e, c or t), so a lower-case ASCII word
// that ends in one of these is its own stem.
var keepsLast = func() (t [256]bool) {
	for _, c := range []byte("abfhjkopquvwxz0123456789") {
		t[c] = true
	}
	return t
}()

// isOwnStem reports whether w is certainly its own stem: a lower-case
// ASCII word whose last byte no suffix ends in.
func isOwnStem(w string) bool {
	if !keepsLast[w[len(w)-1]] {
		return false
	}
	for i := 0; i < len(w); i++ {
		if foldByte[w[i]] != w[i] {
			return false // not a lower-case letter or a digit
		}
	}
	return true
}
