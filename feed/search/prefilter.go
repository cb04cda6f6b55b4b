package search

import (
	"bytes"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Prefilter returns a test of a file's raw bytes that reports whether
// the file may match query, so a one-shot search can skip extracting the
// files that cannot. It never rules out a file that matches; it lets
// through files that only seem to, such as ones whose page chrome holds
// the words. It returns nil when the query has no word every match must
// hold. The last word of query is taken as complete, not as a prefix.
//
// Words written with HTML character references (&eacute;) in the raw
// bytes are not seen.
func Prefilter(query string) func(data []byte) bool {
	q := parseQuery(query + " ")
	var needles [][]byte
	for _, c := range q.clauses {
		if c.negate {
			continue
		}
		for _, w := range c.words {
			needles = append(needles, []byte(needle(w.text)))
		}
	}
	if len(needles) == 0 {
		return nil
	}
	return func(data []byte) bool {
		bp := foldBufs.Get().(*[]byte)
		defer foldBufs.Put(bp)
		folded := foldBytes((*bp)[:0], data)
		*bp = folded
		for _, n := range needles {
			if !bytes.Contains(folded, n) {
				return false
			}
		}
		return true
	}
}

// needle returns what every word sharing w's stem begins with: the stem
// less its last letter, which the stemmer may have rewritten ("happy"
// stems to "happi").
func needle(w string) string {
	st := stem(w)
	if st == w || len(st) <= 3 {
		// Either the word is its own stem, or too short to cut.
		if n := commonPrefix(st, w); n > 0 {
			return w[:n]
		}
		return w
	}
	n := commonPrefix(st[:len(st)-1], w)
	return w[:n]
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

var foldBufs = sync.Pool{New: func() any { return new([]byte) }}

// foldBytes appends data to dst lower-cased, with Latin letters' accents
// removed, as the tokenizer folds words; other text is copied as it is.
func foldBytes(dst, data []byte) []byte {
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c == '\'' && endsInWord(dst) {
				i++ // the tokenizer drops apostrophes within words
				continue
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r < rune(len(latin)):
			dst = append(dst, latin[r]...)
		case isApostrophe(r):
			if !endsInWord(dst) {
				dst = append(dst, '\'')
			}
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
		i += n
	}
	return dst
}

// endsInWord reports whether folded text ends inside a word; any
// non-ASCII byte is taken to be part of a letter.
func endsInWord(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	c := b[len(b)-1]
	return c >= utf8.RuneSelf || wordByte[c]
}
