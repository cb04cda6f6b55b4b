package feed

import (
	"strings"
	"testing"
	"unicode"
)

// The fast paths of text extraction must give what the plain library
// calls they stand for give.

var fastPathCases = []struct{ name, text string }{
	{"empty", ""},
	{"plain", "The ferry crews will strike."},
	{"upper", "READ MORE ON THE FERRY STRIKE"},
	{"curly quotes", "“We will strike,” said Ana’s union."},
	{"accented capitals", "ÉTÉ À PARIS: Ünïcode"},
	{"spaces around", "  two  spaces\tand a tab  "},
	{"unicode space", "no\u2003break\u00a0here"},
	{"invalid utf-8", "bad \xff byte"},
	{"trailing space", "ends in a space "},
}

func TestFoldSpace(t *testing.T) {
	for _, tt := range fastPathCases {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := foldSpace(tt.text), strings.Join(strings.Fields(tt.text), " "); got != want {
				t.Errorf("foldSpace(%q) = %q, want %q", tt.text, got, want)
			}
		})
	}
}

func TestToLower(t *testing.T) {
	for _, tt := range fastPathCases {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := toLower(tt.text), strings.ToLower(tt.text); got != want {
				t.Errorf("toLower(%q) = %q, want %q", tt.text, got, want)
			}
		})
	}
}

// countStopsPlain is countStops as first written, for comparison.
func countStopsPlain(lower string) (words, stops int) {
	start := -1
	for i, r := range lower + " " {
		w := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’'
		if w && start < 0 {
			start = i
		} else if !w && start >= 0 {
			words++
			if stopWords[lower[start:i]] {
				stops++
			}
			start = -1
		}
	}
	return words, stops
}

func FuzzTextFastPaths(f *testing.F) {
	for _, tt := range fastPathCases {
		f.Add(tt.text)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := foldSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("foldSpace(%q) = %q, want %q", s, got, want)
		}
		if got, want := toLower(s), strings.ToLower(s); got != want {
			t.Errorf("toLower(%q) = %q, want %q", s, got, want)
		}
		w1, s1 := countStops(s)
		w2, s2 := countStopsPlain(s)
		if w1 != w2 || s1 != s2 {
			t.Errorf("countStops(%q) = %d, %d, want %d, %d", s, w1, s1, w2, s2)
		}
	})
}

func TestHostCandidates(t *testing.T) {
	for _, line := range []string{"", ".", "see www.example.com/news. or (bbc.co.uk)", "https://x y: z", "no hosts here", "a.b c.d."} {
		var got, want []string
		for w := range hostCandidates(line) {
			got = append(got, w)
		}
		for _, w := range strings.Fields(line) {
			if strings.ContainsAny(w, ".:") {
				want = append(want, w)
			}
		}
		if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
			t.Errorf("hostCandidates(%q) = %q, want %q", line, got, want)
		}
	}
}
