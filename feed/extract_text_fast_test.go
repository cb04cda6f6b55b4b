package feed

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// The fast paths of text extraction must give what the plain library
// calls they stand for give.

// toLower returns strings.ToLower(s) by way of appendLower.
func toLower(s string) string {
	return string(appendLower(nil, s))
}

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
	{"carriage return", "line\r\nnext"},
	{"invisible", "zero\u200bwidth \ufeffmark"},
	{"menu", "News  Sport | Weather · Culture • Home / Tab\there"},
	{"separators", "a | b"},
	{"dot separator", "a · b"},
	{"bullet separator", "a • b"},
	{"slash", "either/or and a / b"},
	{"no gap", "a|b a·b “quoted”"},
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
		if !hasInvisible(s) && invisible.Replace(s) != s {
			t.Errorf("hasInvisible(%q) = false, but Replace changes it", s)
		}
		if mayHaveGaps(s) != isMenuRowPlain(s) {
			t.Errorf("mayHaveGaps(%q) = %v, want %v", s, mayHaveGaps(s), isMenuRowPlain(s))
		}
		var buf [4]wordSpan
		if got, _, _ := scanWords(buf[:0], s); !slices.Equal(got, appendWordSpans(nil, s)) {
			t.Errorf("scanWords(%q) spans = %v, want %v", s, got, appendWordSpans(nil, s))
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

// isMenuRowPlain is isMenuRow without its quick test.
func isMenuRowPlain(raw string) bool {
	gaps := strings.Count(raw, "  ") + strings.Count(raw, "\t")
	seps := strings.Count(raw, " | ") + strings.Count(raw, " · ") + strings.Count(raw, " • ") + strings.Count(raw, " / ")
	return gaps+seps > 0
}

func TestQuickTests(t *testing.T) {
	for _, tt := range fastPathCases {
		t.Run(tt.name, func(t *testing.T) {
			if !hasInvisible(tt.text) && invisible.Replace(tt.text) != tt.text {
				t.Errorf("hasInvisible(%q) = false, but Replace changes it", tt.text)
			}
			if mayHaveGaps(tt.text) != isMenuRowPlain(tt.text) {
				t.Errorf("mayHaveGaps(%q) = %v, want %v", tt.text, mayHaveGaps(tt.text), isMenuRowPlain(tt.text))
			}
		})
	}
}
