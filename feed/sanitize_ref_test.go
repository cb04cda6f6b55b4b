package feed

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed/internal/escape"
)

// The sanitizer as it was before its fast path: plainPrefix and the
// restart after it must never change what sanitize returns.

func sanitizeReference(s string, multiline bool) string {
	if isPlainReference(s, multiline) {
		return breakRefs(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	newline := func() {
		if multiline {
			b.WriteByte('\n')
		} else {
			b.WriteByte(' ')
		}
	}
	var last rune // the last rune written, for emoji tag sequences
	marks := 0    // combining marks written since the last other rune
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == esc:
			i = escape.Skip(s, i+1)
			continue
		case r == c1CSI:
			i = escape.SkipCSI(s, i+n)
			continue
		case r == c1OSC || r == c1DCS || r == c1SOS || r == c1PM || r == c1APC:
			i = escape.SkipString(s, i+n)
			continue
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				n++
			}
			newline()
			last = '\n'
		case r == '\n' || r == '\v' || r == '\f' || r == c1NEL || r == '\u2028' || r == '\u2029':
			newline()
			last = '\n'
		case r == '\t':
			b.WriteByte(' ')
			last = ' '
		case r == 0:
			// NUL is padding, never text: drop it.
			i += n
			continue
		case r == utf8.RuneError && n == 1, isControl(r):
			b.WriteRune(utf8.RuneError)
			last = utf8.RuneError
		case isTag(r):
			end := i
			for end < len(s) {
				t, m := utf8.DecodeRuneInString(s[end:])
				if !isTag(t) {
					break
				}
				end += m
			}
			if last == blackFlag && emojiTagRun(s[i:end]) {
				b.WriteString(s[i:end])
				last = tagCancel
			}
			i = end
			continue
		case isFormat(r):
			// Invisible: its only effect is to reorder or hide text.
			i += n
			continue
		case r >= 0x300 && unicode.In(r, unicode.Mn, unicode.Me):
			if marks < maxMarks {
				b.WriteString(s[i : i+n])
				last = r
			}
			marks++
			i += n
			continue
		default:
			b.WriteString(s[i : i+n])
			last = r
		}
		marks = 0
		i += n
	}
	// References are broken last: removing a sequence can join the parts
	// of one, as in "&#" ESC "[m27;".
	return breakRefs(b.String())
}
func isPlainReference(s string, multiline bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return false // checked rune by rune in sanitize
		}
		if c < 0x20 && !(multiline && c == '\n') || c == 0x7f {
			return false
		}
	}
	return true
}

// sanitizeCases are strings whose every mix tests the fast path's
// edges: ASCII runs across eight-byte words, marks piled up, controls,
// escapes and references.
var sanitizeCases = []string{
	"a", "plain text ", "\n", "\n\n", "\r\n", "\t", "\x00", "\x7f", "\x1b[31m", "\x1b]0;t\x07",
	"\u009b2J", "\u0085", "\u2028", "\u00ad", "é", "e\u0301", "\u0301\u0301\u0301\u0301", "—", "“q”",
	"\u200b", "\u202e", "\ufeff", "\ufffd", "\xff", "\xc3", "🏴", "\U000E0067\U000E007F", "👩‍👧",
	"&#27;", "&#x1b;", "&#", "27;", "مرحبا\u200f", "中文", "\u0300", "0123456", "\x01",
}

func TestSanitizeMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(24) {
			b.WriteString(sanitizeCases[r.IntN(len(sanitizeCases))])
		}
		s := b.String()
		for _, multiline := range []bool{false, true} {
			if got, want := sanitize(s, multiline), sanitizeReference(s, multiline); got != want {
				t.Fatalf("sanitize(%q, %v) = %q, want %q", s, multiline, got, want)
			}
		}
	}
}

func FuzzSanitizeMatchesReference(f *testing.F) {
	for _, s := range sanitizeCases {
		f.Add(s + "padding to pass eight bytes" + s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, multiline := range []bool{false, true} {
			if got, want := sanitize(s, multiline), sanitizeReference(s, multiline); got != want {
				t.Fatalf("sanitize(%q, %v) = %q, want %q", s, multiline, got, want)
			}
		}
	})
}

// TestKeptRune checks keptRune's shortcuts against the rules sanitize
// applies to every non-ASCII rune.
func TestKeptRune(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		want := keptAsIs
		switch {
		case isControl(r), r == '\u2028', r == '\u2029', isTag(r), isFormat(r):
			want = keptNo
		case unicode.In(r, unicode.Mn, unicode.Me):
			want = keptMark
		}
		if got := keptRune(r, utf8.RuneLen(r)); got != want {
			t.Errorf("keptRune(%U) = %d, want %d", r, got, want)
		}
	}
	if got := keptRune(utf8.RuneError, 1); got != keptNo {
		t.Errorf("keptRune of invalid UTF-8 = %d, want keptNo", got)
	}
}

// isSafePathReference is isSafePath as it was before its fast path for
// printable ASCII: rune by rune.
func isSafePathReference(p string) bool {
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		if r == utf8.RuneError && n == 1 || isControl(r) || isFormat(r) || r == '\u2028' || r == '\u2029' {
			return false
		}
		i += n
	}
	return true
}

func TestSafePathMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	cases := append([]string{"/", "news/", "a\x7fb", "\xff", "\u2028", "\u202e", "\u00ad", "\x1f", " "}, sanitizeCases...)
	for range 20000 {
		var b strings.Builder
		for range r.IntN(24) {
			b.WriteString(cases[r.IntN(len(cases))])
		}
		s := b.String()
		if got, want := isSafePath(s), isSafePathReference(s); got != want {
			t.Fatalf("isSafePath(%q) = %v, want %v", s, got, want)
		}
	}
}
