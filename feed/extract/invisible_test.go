package extract

import "testing"

// TestHasInvisibleExactly checks that hasInvisible reports exactly the
// text that invisible changes: past a false negative, which would keep
// an invisible character, a false positive costs a copy of the page.
func TestHasInvisibleExactly(t *testing.T) {
	for _, s := range []string{
		"", "plain ASCII text with no such thing", "line one\nline two\n", "dos\r\nline", "old mac\rline",
		"“curly quotes” and ‘single’ ones — and dashes – here", "café, Zoë, Øresund, naïve",
		"a\u00a0non-breaking space", "thin\u202fspace", "zero\u200bwidth", "\ufeffwith a BOM", "joiner\u200dhere",
		"non\u200cjoiner", "word\u2060joiner", "\u00a9 copyright sign only", "\u2026 ellipsis \u2022 bullet",
		"\xe2\x80", "\xe2", "\xc2", "\xef\xbb", "ends with \xe2\x80\x8b", "\u20ac euro and \u2122 trade",
		"long " + string(make([]byte, 100)) + "\u200b",
	} {
		if got, want := hasInvisible(s), invisible.Replace(s) != s; got != want {
			t.Errorf("hasInvisible(%q) = %v, want %v", s, got, want)
		}
	}
}
