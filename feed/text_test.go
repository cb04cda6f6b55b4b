package feed

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// plainTextReference is PlainText without its shortcut for text it
// leaves as it is.
func plainTextReference(md string) string {
	s := stripInline(markReplacer.Replace(md))
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = strings.TrimSpace(l)
		l = strings.TrimLeft(l, "#>")
		l = strings.TrimPrefix(strings.TrimSpace(l), "- ")
		lines[i] = strings.Trim(strings.TrimSpace(l), "*_")
	}
	return breakRefs(strings.Join(strings.Fields(strings.Join(lines, " ")), " "))
}

var plainTextPieces = []string{
	"word", " ", "  ", "\n", "\t", "- ", "-", "*", "**", "_", "`", "\\", "#", ">", "é", "\u00a0", "\u2003",
	"\u0085", "“q”", "\xff", "\r", "&", "#x1b;", "&#", "27;", "ZeroWidthSpace;", "[", "](x)",
}

// TestLeadCarriesNoMarkdown: emphasis and links in a lead's paragraph
// come out as their words alone.
func TestLeadCarriesNoMarkdown(t *testing.T) {
	for body, want := range map[string]string{
		"The two signed a *comprehensive strategic partnership* on Monday.": "The two signed a comprehensive strategic partnership on Monday.",
		"Talks resumed (*Reuters*) after _a pause_ of **two** days.":        "Talks resumed (Reuters) after a pause of two days.",
		"See [the report](https://example.com/r) on snake_case and 5 * 3.":  "See the report on snake_case and 5 * 3.",
		"# Head\n\n*Caption only*\n\nA ***very*** _fine_ day.":              "A very fine day.",
	} {
		if got := LeadOf(body); got != want {
			t.Errorf("LeadOf(%q) = %q, want %q", body, got, want)
		}
	}
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

// Stripping marks must not join what they split into a reference that a
// Markdown renderer turns into a control or an invisible character.
func TestPlainTextBreaksJoinedReferences(t *testing.T) {
	for _, tc := range []struct{ name, md, want string }{
		{"ESC across strong", "a &**#x1b;]0;title&**#x7; b", "a \ufffd]0;title\ufffd b"},
		{"OSC 52 across code", "&`#x1b;]52;c;eA==&`#7;", "\ufffd]52;c;eA==\ufffd"},
		{"ESC across a backslash", "&\\#27;[2J", "\ufffd[2J"},
		{"zero-width space across emphasis", "a&__ZeroWidthSpace;b", "ab"},
		{"word joiner across strong", "a&**#x2060;b", "ab"},
		{"kept reference", "AT&**#38;T", "AT&#38;T"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := PlainText(tc.md); got != tc.want {
				t.Errorf("PlainText(%q) = %q, want %q", tc.md, got, tc.want)
			}
			if got := LeadOf("# Head\n\n" + tc.md); got != tc.want {
				t.Errorf("LeadOf(%q) = %q, want %q", tc.md, got, tc.want)
			}
		})
	}
}
