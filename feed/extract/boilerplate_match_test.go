package extract

import (
	"strings"
	"testing"
)

func TestSubstringSet(t *testing.T) {
	set := newSubstringSet(strongMarkers...)
	tests := []struct {
		name string
		text string
	}{
		{"empty", ""},
		{"short", "su"},
		{"none", "the ferry crews will strike from tuesday."},
		{"one", "sign up for our newsletter"},
		{"inside a word", "unsubscribe at any time"},
		{"twice", "cookie cookie cookie"},
		{"at the end", "read our privacy policy"},
		{"overlapping", "no spam, your inbox: join our sister title"},
		{"non-ascii", "© 2024 — all rights reserved · terms of use"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := 0
			for _, m := range strongMarkers {
				if strings.Contains(tt.text, m) {
					want++
				}
			}
			if got := set.count(tt.text); got != want {
				t.Errorf("count(%q) = %d, want %d", tt.text, got, want)
			}
		})
	}
}

func FuzzSubstringSet(f *testing.F) {
	f.Add("sign up to our newsletter, no spam")
	set := newSubstringSet(strongMarkers...)
	f.Fuzz(func(t *testing.T, text string) {
		var want uint64
		for i, m := range strongMarkers {
			if strings.Contains(text, m) {
				want |= 1 << i
			}
		}
		if got := set.match(text); got != want {
			t.Errorf("match(%q) = %b, want %b", text, got, want)
		}
	})
}
