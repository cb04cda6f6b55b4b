// Package words reads words the way Broadsheet's search, story grouping
// and extraction all need them read: folded to one spelling, stemmed,
// told apart from stop words and hashed. It is the one owner of each of
// these ideas, and it imports nothing of the rest of Broadsheet, so a
// package that only needs words does not pull in a parser.
package words

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Folding makes the spellings of a word one: "Zürich" and "ZURICH" are
// "zurich". There are two foldings, sharing one implementation:
//
//   - Fold, search's: Unicode case folding with accents removed, and the
//     letters that have no decomposition spelled in plain Latin ("ß" is
//     "ss", "ø" is "o"); curly apostrophes become "'".
//   - FoldAccents, story grouping's: lower case with accents removed and
//     nothing more ("ß" and "ø" stay), which is what its terms were
//     weighed and tested with.
//
// Both read ASCII and the Latin letters below LatinEnd from tables and
// go through golang.org/x/text only for the rest.

// LatinEnd is where the Latin letters folded from a table end: Latin-1
// and Latin Extended-A and B.
const LatinEnd = 0x250

// folding is one way of folding words.
type folding struct {
	// latin holds the folded form of each character from U+0080 to
	// LatinEnd.
	latin [LatinEnd]string
	// apostrophes reports whether apostrophes fold to "'".
	apostrophes bool
	// slow appends the folded form of a whole word to dst.
	slow func(dst []byte, w string) []byte
}

var (
	full   = newFolding(true, foldFull)
	accent = newFolding(false, foldAccents)
)

func newFolding(apostrophes bool, slow func(dst []byte, w string) []byte) *folding {
	f := &folding{apostrophes: apostrophes, slow: slow}
	for r := rune(utf8.RuneSelf); r < LatinEnd; r++ {
		f.latin[r] = string(slow(nil, string(r)))
	}
	return f
}

// Fold returns w folded for search (see AppendFold).
func Fold(w string) string { return string(AppendFold(nil, w)) }

// AppendFold appends w to dst case-folded, with its accents removed,
// letters without a decomposition spelled in plain Latin and every
// apostrophe as "'": "Straße" and "STRASSE" are "strasse", "Søren" is
// "soren", "Putin’s" is "putin's". It keeps all other characters.
func AppendFold(dst []byte, w string) []byte { return full.append(dst, w) }

// FoldLatin returns the folded form (see AppendFold) of r, a character
// from U+0080 to LatinEnd.
func FoldLatin(r rune) string { return full.latin[r] }

// FoldAccents returns w folded for story grouping (see AppendFoldAccents).
func FoldAccents(w string) string { return string(AppendFoldAccents(nil, w)) }

// AppendFoldAccents appends w to dst lower-cased and with its accents
// removed, and nothing more: unlike AppendFold it leaves "ß", "ø" and
// the other letters with no accent to remove as they are, lower-cases
// rather than case-folds and does not recompose what it decomposed.
func AppendFoldAccents(dst []byte, w string) []byte {
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
			dst = append(dst, lowerASCII(w[i]))
		}
		return dst
	}
	return accent.append(dst, w)
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return c
}

// append appends the folded form of w to b. Latin letters fold one at a
// time: each is a letter with any marks after it, so a word's folded
// form is its letters'. A word with any other character goes the slow
// way as a whole.
func (f *folding) append(b []byte, w string) []byte {
	n := len(b)
	for _, r := range w {
		switch {
		case r < utf8.RuneSelf:
			b = append(b, lowerASCII(byte(r)))
		case r < LatinEnd:
			b = append(b, f.latin[r]...)
		case f.apostrophes && IsApostrophe(r):
			b = append(b, '\'')
		default:
			return f.slow(b[:n], w)
		}
	}
	return b
}

// IsApostrophe reports whether r is one of the characters written as an
// apostrophe: "'", "’" or "ʼ".
func IsApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// folders hold the transformers of foldFull, which keep state.
var folders = sync.Pool{New: func() any {
	// Decompose, drop the accents, fold case, recompose: "Zürich"
	// becomes "zurich" and "STRASSE" and "Straße" meet at "strasse".
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), cases.Fold(), norm.NFC)
}}

// foldFull is AppendFold through golang.org/x/text.
func foldFull(b []byte, w string) []byte {
	t := folders.Get().(transform.Transformer)
	t.Reset()
	folded, _, err := transform.String(t, w)
	folders.Put(t)
	if err != nil {
		folded = strings.ToLower(w)
	}
	for _, r := range folded {
		switch {
		case IsApostrophe(r):
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

// unaccented maps letters that have no decomposition to their plain
// Latin spelling.
var unaccented = map[rune]string{
	'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'æ': "ae", 'œ': "oe", 'ı': "i",
}

// foldAccents is AppendFoldAccents through golang.org/x/text. It
// decomposes w after the end of b, and folds it from there, so that a
// reused b needs no more memory.
func foldAccents(b []byte, w string) []byte {
	n := len(b)
	b = norm.NFD.AppendString(b, w)
	m := len(b)
	for _, r := range string(b[n:m]) {
		if !unicode.Is(unicode.Mn, r) {
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
	}
	return b[:n+copy(b[n:], b[m:])]
}
