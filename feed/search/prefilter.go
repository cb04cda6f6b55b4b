package search

import (
	"bytes"
	"encoding/binary"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/words"
)

// Prefilter returns a test of a file's raw bytes that reports whether
// the file may match query, so a one-shot search can skip extracting the
// files that cannot. It never rules out a file that matches; it lets
// through files that only seem to, such as ones whose page chrome holds
// the words. It returns nil when the query has no word every match must
// hold. The last word of query is taken as complete, not as a prefix.
//
// Files whose raw bytes may spell words otherwise than their text (see
// opaque) are let through; words split by tags are looked for again with
// the tags taken out.
func Prefilter(query string) func(data []byte) bool {
	needles := needlesOf(query)
	if len(needles) == 0 {
		return nil
	}
	return func(data []byte) bool {
		if opaque(data) {
			return true
		}
		bp := foldBufs.Get().(*[]byte)
		defer foldBufs.Put(bp)
		folded, sure := foldBytes((*bp)[:0], data)
		*bp = folded
		if !sure {
			return true
		}
		// Without markup, the first needle missing decides.
		marked := markup(data)
		var missing [][]byte
		for _, n := range needles {
			if !contains(folded, n) {
				if !marked {
					return false
				}
				missing = append(missing, n)
			}
		}
		if len(missing) == 0 {
			return true
		}
		// A word may be split by markup: look again in the text
		// without it.
		plain := unmarked(folded[:0:0], data)
		folded, sure = foldBytes(folded[:0], plain)
		*bp = folded
		if !sure {
			return true
		}
		for _, n := range missing {
			if !contains(folded, n) {
				return false
			}
		}
		return true
	}
}

// TextPrefilter is Prefilter for an article already extracted: it tests
// the headline and text, the only fields a match is found in, which hold
// their words as the index reads them. It returns nil when Prefilter
// does.
func TextPrefilter(query string) func(a *feed.Article) bool {
	needles := needlesOf(query)
	if len(needles) == 0 {
		return nil
	}
	return func(a *feed.Article) bool {
		bp := foldBufs.Get().(*[]byte)
		defer foldBufs.Put(bp)
		folded, sure := foldText((*bp)[:0], a)
		*bp = folded
		if !sure {
			return true
		}
		for _, n := range needles {
			if !contains(folded, n) {
				return false
			}
		}
		return true
	}
}

// contains reports whether folded holds needle. It looks for the
// needle's rarest letter, as English goes, rather than its first: in
// "inba", the b, not the i, which a text holds twenty times as often.
func contains(folded, needle []byte) bool {
	if len(needle) == 0 {
		return true
	}
	at := 0
	for i, c := range needle {
		if rarity[c] > rarity[needle[at]] {
			at = i
		}
	}
	c, tail := needle[at], len(needle)-at
	for i := at; i+tail <= len(folded); {
		j := bytes.IndexByte(folded[i:len(folded)-tail+1], c)
		if j < 0 {
			return false
		}
		start := i + j - at
		if bytes.Equal(folded[start:start+len(needle)], needle) {
			return true
		}
		i += j + 1
	}
	return false
}

// rarity ranks bytes by how seldom English text holds them, lower-case
// letters by their frequency; digits and bytes past ASCII count as rare.
var rarity = func() (t [256]uint8) {
	for c := range t {
		t[c] = 100
	}
	for i, c := range []byte("etaoinsrhldcumfpgwybvkxjqz") {
		t[c] = uint8(i + 1)
	}
	return t
}()

// foldText appends a's headline and text to dst, folded (see foldBytes),
// with a line between them.
func foldText(dst []byte, a *feed.Article) (_ []byte, sure bool) {
	dst, sure1 := foldBytes(dst, bytesOf(a.Title))
	dst = append(dst, '\n')
	dst, sure2 := foldBytes(dst, bytesOf(a.Body))
	return dst, sure1 && sure2
}

// needlesOf returns what the text of every article matching query holds:
// a needle for each word that is not negated.
func needlesOf(query string) [][]byte {
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
	// Longest first: a longer needle is found in fewer texts, and the
	// first missing one decides.
	slices.SortStableFunc(needles, func(a, b []byte) int { return len(b) - len(a) })
	return needles
}

// bytesOf returns the bytes of s, to be read only.
func bytesOf(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// needle returns what every word sharing w's stem begins with: the stem
// less its last letter, which the stemmer may have rewritten ("happy"
// stems to "happi", "striking" to "strike"), or less its last two when
// they may be rewritten ("tying" stems to "tie", "durability" may to
// "durable").
func needle(w string) string {
	st := words.Stem(w)
	cut := 1
	if strings.HasSuffix(st, "ie") || strings.HasSuffix(st, "ble") {
		cut = 2
	}
	n := max(commonPrefix(st[:max(len(st)-cut, 0)], w), 1)
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

// foldBytes appends data to dst folded as the tokenizer folds words:
// lower-cased, accents removed and apostrophes within words dropped, with
// invisible format characters dropped, as sanitizing drops them; other
// text is copied as it is. Characters are folded one at a time, which
// is how the tokenizer folds a word unless one of its characters joins
// the one before it (Hangul syllables written as separate letters):
// sure is false when data holds such a character, and a word of the
// folded text may then not be found in it.
func foldBytes(dst, data []byte) (_ []byte, sure bool) {
	sure = true
	for len(data) > 0 {
		// A run of plain ASCII: eight bytes at a time while no byte is
		// non-ASCII or an apostrophe, then through the table.
		n0 := len(dst)
		dst = slices.Grow(dst, len(data))
		out := dst[n0 : n0+len(data)]
		k := 0
		for ; k+8 <= len(data); k += 8 {
			v := binary.LittleEndian.Uint64(data[k:])
			q := v ^ 0x2727272727272727 // zero bytes where v has '\''
			if v&hi != 0 || (q-lo)&^q&hi != 0 {
				break
			}
			// The bytes from 'A' to 'Z' gain 0x20.
			upper := (v + 0x3f3f3f3f3f3f3f3f) ^ (v + 0x2525252525252525)
			binary.LittleEndian.PutUint64(out[k:], v|(upper&hi)>>2)
		}
		for k < len(data) && data[k] < utf8.RuneSelf && data[k] != '\'' {
			out[k] = lower[data[k]]
			k++
		}
		dst = dst[:n0+k]
		data = data[k:]
		if len(data) == 0 {
			break
		}
		r, n := utf8.DecodeRune(data)
		switch {
		case words.IsApostrophe(r):
			if !endsInWord(dst) {
				dst = append(dst, '\'')
			}
		case r == '\u00ad' || r >= words.LatinEnd && unicode.Is(unicode.Cf, r):
			// Invisible format characters: sanitizing removes most,
			// joining the word they split; dropping them all lets
			// through a few files more, never fewer.
		case r < words.LatinEnd:
			dst = append(dst, words.FoldLatin(r)...)
		default:
			f := foldRune(r)
			dst = append(dst, f.s...)
			sure = sure && f.sure
		}
		data = data[n:]
	}
	return dst, sure
}

// runeFold is what the tokenizer's folding makes of one character, and
// whether it stands on its own: whether the folded text cannot join the
// character before it.
type runeFold struct {
	s    string
	sure bool
}

// runeFolds holds foldRune's answers, as folding a character through
// the tokenizer's transforms costs a microsecond.
var runeFolds sync.Map // rune → runeFold

// foldRune folds r, a character past the Latin letters, as the tokenizer
// folds it.
func foldRune(r rune) runeFold {
	if f, ok := runeFolds.Load(r); ok {
		return f.(runeFold)
	}
	s := words.Fold(string(r))
	f := runeFold{s: s, sure: s == "" || norm.NFC.PropertiesString(s).BoundaryBefore()}
	runeFolds.Store(r, f)
	return f
}

// Masks of each byte's high and low bit.
const (
	hi = 0x8080808080808080
	lo = 0x0101010101010101
)

// lower maps ASCII bytes to lower case.
var lower = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()

// endsInWord reports whether folded text ends inside a word; any
// non-ASCII byte is taken to be part of a letter.
func endsInWord(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	c := b[len(b)-1]
	return c >= utf8.RuneSelf || wordByte[c]
}
