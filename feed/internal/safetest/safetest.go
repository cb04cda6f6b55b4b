// Package safetest checks, for tests, that text and articles read from
// files are safe to print to a terminal. It judges on its own, apart from
// feed.Sanitize, so that a test of one does not lean on the other.
package safetest

import (
	"bytes"
	"compress/gzip"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed"
)

// AssertPrintable fails t when s holds anything a terminal could act on: ESC,
// C0 controls but "\n" (in multi-line text), DEL, C1 controls, bidi
// embeddings, overrides and isolates, invisible characters (zero-width
// space, word joiner, byte order mark, tag characters outside an emoji
// flag), invalid UTF-8, or a character reference to any of them.
func AssertPrintable(t testing.TB, s string, multiline bool) {
	t.Helper()
	if bad := unprintableAt(s, multiline); bad >= 0 {
		t.Errorf("unsafe byte at %d in %q", bad, s)
	}
}

// unprintableAt returns the index of the first unsafe rune in s, or -1.
func unprintableAt(s string, multiline bool) int {
	if !utf8.ValidString(s) {
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				return i
			}
			i += n
		}
	}
	for i, r := range s {
		switch {
		case r == '\n' && multiline:
		case r < 0x20, r >= 0x7f && r < 0xa0:
			return i
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return i
		case r == '\u2028' || r == '\u2029':
			return i
		case invisible(r) && !inFlag(s, i):
			return i
		}
	}
	if strings.ContainsRune(s, 0x1b) {
		return strings.IndexRune(s, 0x1b)
	}
	for i := strings.Index(s, "&#"); i >= 0 && i < len(s); {
		if _, bad := numericRef(s[i:]); bad {
			return i
		}
		j := strings.Index(s[i+2:], "&#")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	for _, name := range invisibleNames {
		if i := strings.Index(s, "&"+name+";"); i >= 0 {
			return i
		}
	}
	return -1
}

// invisibleNames are the HTML5 names of invisible characters, which
// Goldmark turns into the characters when an article is shown.
var invisibleNames = []string{
	"ZeroWidthSpace", "NegativeVeryThinSpace", "NegativeThinSpace", "NegativeMediumSpace",
	"NegativeThickSpace", "NoBreak", "ApplyFunction", "af", "InvisibleTimes", "it",
	"InvisibleComma", "ic",
}

// CheckArticles fails t when an article lacks an ID or title or holds
// anything unsafe to print.
func CheckArticles(t testing.TB, arts []*feed.Article) {
	t.Helper()
	for _, a := range arts {
		if a.ID == "" || a.Title == "" {
			t.Errorf("article %+v lacks an ID or title", a)
		}
		for _, f := range []string{a.ID, a.Path, a.Title, a.Outlet, a.OutletSource, a.Byline, a.URL, a.Lead, string(a.Format)} {
			AssertPrintable(t, f, false)
		}
		AssertPrintable(t, a.Body, true)
	}
}

// numericRef reads the numeric character reference at the start of s
// ("&#" already seen) as Goldmark does, returning its length and whether
// it names a control character, a bidi control or an invisible character.
func numericRef(s string) (n int, unsafe bool) {
	i := 2
	hex := i < len(s) && (s[i] == 'x' || s[i] == 'X')
	if hex {
		i++
	}
	start := i
	var v, octal uint64
	isOctal := !hex && i < len(s) && s[i] == '0'
	for ; i < len(s); i++ {
		d, ok := digit(s[i], hex)
		if !ok {
			break
		}
		if hex {
			v = min(v*16+d, 1<<32)
		} else {
			v = min(v*10+d, 1<<32)
			isOctal = isOctal && d < 8
			octal = min(octal*8+d, 1<<32)
		}
	}
	if i == start || i >= len(s) || s[i] != ';' || !hex && i-start > 7 {
		return 0, false
	}
	bad := func(v uint64) bool {
		r := rune(v)
		return v <= 0x10ffff && r != '\t' && r != '\n' && r != 0 && (isControl(r) || isBidiControl(r) || r == '\u2028' || r == '\u2029' || invisible(r))
	}
	return i + 1, bad(v) || isOctal && bad(octal)
}

// digit returns the value of a decimal or hexadecimal digit.
func digit(c byte, hex bool) (uint64, bool) {
	switch {
	case c >= '0' && c <= '9':
		return uint64(c - '0'), true
	case hex && c >= 'a' && c <= 'f':
		return uint64(c-'a') + 10, true
	case hex && c >= 'A' && c <= 'F':
		return uint64(c-'A') + 10, true
	}
	return 0, false
}

// isBidiControl reports whether r is a bidirectional embedding, override
// or isolate, which reorders the text around it.
func isBidiControl(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// isControl reports whether r is a C0 or C1 control character or DEL.
func isControl(r rune) bool {
	return r < 0x20 || r >= 0x7f && r < 0xa0
}

// invisible reports whether r is a character that hides text: a
// zero-width space, word joiner, invisible operator, byte order mark or
// tag character.
func invisible(r rune) bool {
	return r == '\u200b' || r >= '\u2060' && r <= '\u2064' || r == '\ufeff' || r >= 0xe0000 && r <= 0xe007f
}

// inFlag reports whether the rune at i in s is a tag character in an
// emoji flag: a run of them after a black flag.
func inFlag(s string, i int) bool {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if r == '\U0001F3F4' {
			return true
		}
		if r < 0xe0000 || r > 0xe007f {
			return false
		}
		i -= n
	}
	return false
}

// Gzip returns data compressed with gzip, as a .gz file holds it.
func Gzip(data []byte) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// UTF16 returns s encoded as little-endian UTF-16 with its byte order
// mark, as some Windows tools save text.
func UTF16(s string) []byte {
	out := []byte{0xff, 0xfe}
	for _, r := range s {
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

// Noise returns n random bytes, the same for every run.
func Noise(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// ProblemText returns problems as one sorted line each, for comparing.
func ProblemText(probs []feed.Problem) string {
	var s []string
	for _, p := range probs {
		s = append(s, p.String())
	}
	sort.Strings(s)
	return strings.Join(s, "\n")
}

// HostilePayload is every kind of terminal control a hostile file might carry:
// CSI, OSC (title, clipboard, hyperlink), DCS, APC, PM, SOS, their 8-bit
// forms, BEL, backspaces, a carriage return, bidi overrides and isolates,
// invisible format characters, NUL, DEL and C1 controls.
const HostilePayload = "\x1b[2J\x1b[H\x1b[1;31m" +
	"\x1b]0;pwned\x07\x1b]2;pwned\x1b\\" +
	"\x1b]52;c;cm0gLXJmIH4K\x07" +
	"\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\" +
	"\x1bP1$qm\x1b\\\x1b_apc\x1b\\\x1b^pm\x1b\\\x1bXsos\x1b\\" +
	"\u009b2J\u009d0;c1\u009c\u0090dcs\u009c" +
	"\x07\b\b\b\r" +
	"\u202e\u2066\u2069\u202a\u202c" +
	"\u200b\ufeff\x00\x7f\u0085\u0080\x1bc\x1b(0"
