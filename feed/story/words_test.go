package story

import (
	"io/fs"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/data"
	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/extract"
)

// TestPlainTextMatchesFeed checks that reading a paragraph in place
// gives what feed.PlainText gives, for paragraphs with and without
// Markdown and odd spacing, and for every paragraph of the samples.
func TestPlainTextMatchesFeed(t *testing.T) {
	paras := []string{
		"",
		"A plain sentence. And another one.",
		" leading space",
		"trailing space ",
		"two  spaces",
		"a\ttab",
		"a line\nbreak",
		"**bold** and __strong__ and `code`",
		"# Heading",
		"> quoted",
		"- item",
		"-5 degrees overnight",
		"back\\slash",
		"snake_case and 2*3",
		"non\u00a0breaking space",
		"em\u2003space",
		"Zoë Müller’s “quote” — dash",
		"bad \xff utf-8",
	}
	files, _ := fs.Glob(data.FS, "*.txt")
	x := extract.NewExtractor()
	for _, f := range files {
		b, _ := fs.ReadFile(data.FS, f)
		arts, _ := x.Extract(extract.Source{Path: f, Data: b})
		for _, a := range arts {
			paras = append(paras, strings.Split(a.Body, "\n\n")...)
		}
	}
	for _, p := range paras {
		if got, want := plainText(p), feed.PlainText(p); got != want {
			t.Errorf("plainText(%q) = %q, want %q", p, got, want)
		}
	}
}

// TestNextWord checks nextWord against the rune-by-rune reading it
// replaced, on text that is not all ASCII or valid UTF-8.
func TestNextWord(t *testing.T) {
	pieces := []string{"a", "Z9", " ", ".", "’", "é", "Ж", "\u00a0", "\u2003", "٣", "\xff", "\xe2\x80", "-", "'", "日本"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		var b strings.Builder
		for range r.IntN(10) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		for i := 0; i <= len(s); i++ {
			w, next := nextWord(s, i)
			rw, rnext := nextWordReference(s, i)
			if w != rw || next != rnext {
				t.Fatalf("nextWord(%q, %d) = %q, %d; want %q, %d", s, i, w, next, rw, rnext)
			}
		}
	}
}

// nextWordReference is nextWord as it was, reading every character
// alike.
func nextWordReference(s string, i int) (string, int) {
	start := -1
	for i < len(s) {
		c := s[i]
		size, word := 1, false
		if c < utf8.RuneSelf {
			word = byteClass[c] == wordByte
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

// TestIsWordRune checks isWordRune against unicode.IsLetter and IsDigit
// for every character, and for bytes that are not UTF-8.
func TestIsWordRune(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		s := string(r) + "x"
		word, size := isWordRune(s, 0)
		if want := unicode.IsLetter(r) || unicode.IsDigit(r); word != want || size != len(string(r)) {
			t.Fatalf("isWordRune(%U) = %v, %d; want %v, %d", r, word, size, want, len(string(r)))
		}
	}
	for _, s := range []string{"\xc3", "\xc3x", "\xe2\x80", "\xe2\x80x", "\xe2\x80\x9c", "\xc3\x28", "\xff"} {
		r, wantSize := utf8.DecodeRuneInString(s)
		word, size := isWordRune(s, 0)
		if want := unicode.IsLetter(r) || unicode.IsDigit(r); word != want || size != wantSize {
			t.Errorf("isWordRune(%q) = %v, %d; want %v, %d", s, word, size, want, wantSize)
		}
	}
}
