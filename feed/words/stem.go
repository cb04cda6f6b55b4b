package words

import (
	"unicode"

	"github.com/kljensen/snowball/english"
)

// Stemming makes the forms of a word one: "sign", "signs", "signed" and
// "signing". There are two stemmers:
//
//   - Stem, search's: the English Snowball stemmer ("Porter2"), the one
//     github.com/kljensen/snowball implements, run on bytes for the
//     words of plain ASCII (see porter2) and by that package for others.
//   - StripEnding, story grouping's: strips the commonest inflections
//     and nothing more, which is all grouping needs and what its terms
//     were weighed and tested with.

// Stem returns the English stem of a folded word (see AppendFold), as
// english.Stem(w, true) from github.com/kljensen/snowball gives it.
// Words of three bytes or fewer and words that start with a digit are
// their own stems.
func Stem(w string) string {
	if len(w) <= 3 || w[0] >= '0' && w[0] <= '9' {
		return w
	}
	if isLowerASCII(w) {
		if keepsLast[w[len(w)-1]] {
			return w
		}
		return porter2(w)
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

// IsOwnStem reports whether w, of at least one byte, is certainly its
// own stem: a lower-case ASCII word whose last byte no suffix of the
// stemmer ends in.
func IsOwnStem(w string) bool {
	return keepsLast[w[len(w)-1]] && isLowerASCII(w)
}

// isLowerASCII reports whether w is all lower-case ASCII letters and
// digits.
func isLowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// StripEnding strips the commonest English endings of a folded word (see
// AppendFoldAccents), in place, so that "sign", "signs", "signed" and
// "signing" are one term. It is deliberately crude: it only has to be
// consistent. Words of four bytes or fewer and numbers are left as they
// are.
func StripEnding(w []byte) []byte {
	n := len(w)
	if n <= 4 || IsNumber(w) {
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

// IsNumber reports whether a word is all digits.
func IsNumber[S string | []byte](s S) bool {
	for _, r := range string(s) {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return len(s) > 0
}
