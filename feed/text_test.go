package feed

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// plainTextReference is PlainText without its shortcut for text it
// leaves as it is.
func plainTextReference(md string) string {
	s := markReplacer.Replace(md)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = strings.TrimSpace(l)
		l = strings.TrimLeft(l, "#>")
		l = strings.TrimPrefix(strings.TrimSpace(l), "- ")
		lines[i] = strings.Trim(strings.TrimSpace(l), "*_")
	}
	return strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
}

var plainTextPieces = []string{
	"word", " ", "  ", "\n", "\t", "- ", "-", "*", "**", "_", "`", "\\", "#", ">", "é", "\u00a0", "\u2003",
	"\u0085", "“q”", "\xff", "\r",
}

func TestPlainTextMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 50000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(plainTextPieces[r.IntN(len(plainTextPieces))])
		}
		s := b.String()
		if got, want := PlainText(s), plainTextReference(s); got != want {
			t.Fatalf("PlainText(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzPlainTextMatchesReference(f *testing.F) {
	for _, p := range plainTextPieces {
		f.Add("a" + p + "b")
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := PlainText(s), plainTextReference(s); got != want {
			t.Fatalf("PlainText(%q) = %q, want %q", s, got, want)
		}
	})
}
