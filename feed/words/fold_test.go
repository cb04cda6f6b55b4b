package words

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"ascii", "Harbour BRIDGE", "harbour bridge"},
		{"accents", "Zürich Café", "zurich cafe"},
		{"sharp s", "Straße", "strasse"},
		{"no decomposition", "Søren Łódź Æsir Œuvre", "soren lodz aesir oeuvre"},
		{"curly apostrophe", "Putin’s", "putin's"},
		{"modifier apostrophe", "Hawaiʼi", "hawai'i"},
		{"combining mark", "e\u0301te\u0301", "ete"},
		{"greek final sigma", "ΟΔΥΣΣΕΥΣ", "οδυσσευσ"},
		{"cyrillic", "Москва", "москва"},
		{"dotted capital i", "İstanbul", "istanbul"},
		{"long s", "ſun", "sun"},
		{"hangul recomposed", "\u1112\u1161\u11ab", "한"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := string(AppendFold([]byte("x"), tt.in)); got != "x"+tt.want {
				t.Errorf("AppendFold(x, %q) = %q, want %q", tt.in, got, "x"+tt.want)
			}
		})
	}
}

func TestFoldAccents(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"ascii", "Harbour BRIDGE", "harbour bridge"},
		{"accents", "Zürich Café", "zurich cafe"},
		{"sharp s kept", "Straße", "straße"},
		{"no decomposition kept", "Søren Łódź Æsir", "søren łodz æsir"},
		{"apostrophe kept", "Putin’s", "putin’s"},
		{"combining mark", "e\u0301te\u0301", "ete"},
		{"greek lower-cased, not folded", "ΟΔΥΣΣΕΥΣ", "οδυσσευσ"},
		{"greek final sigma kept", "ς", "ς"},
		{"long s kept", "ſun", "ſun"},
		{"hangul left decomposed", "한", "\u1112\u1161\u11ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FoldAccents(tt.in); got != tt.want {
				t.Errorf("FoldAccents(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := string(AppendFoldAccents([]byte("x"), tt.in)); got != "x"+tt.want {
				t.Errorf("AppendFoldAccents(x, %q) = %q, want %q", tt.in, got, "x"+tt.want)
			}
		})
	}
}

// TestFoldLatin checks that folding Latin letters from the tables gives
// what folding the whole word the slow way gives.
func TestFoldLatin(t *testing.T) {
	decompose := func(w string) string {
		var b strings.Builder
		for _, r := range norm.NFD.String(w) {
			if !unicode.Is(unicode.Mn, r) {
				b.WriteRune(unicode.ToLower(r))
			}
		}
		return b.String()
	}
	words := []string{"Zoë", "MÜLLER", "Ångström", "Łódź", "ÆSIR", "Straße", "e\u0301te", "İstanbul", "Ǆemal", "Ωmega", "ǅ"}
	for r := rune(0x80); r < 0x300; r++ {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			words = append(words, "a"+string(r)+"Z", string(r)+string(r))
		}
	}
	for _, w := range words {
		if !utf8.ValidString(w) {
			continue
		}
		if got, want := FoldAccents(w), decompose(w); got != want {
			t.Errorf("FoldAccents(%q) = %q, want %q", w, got, want)
		}
		if got, want := Fold(w), string(foldFull(nil, w)); got != want {
			t.Errorf("Fold(%q) = %q, want %q", w, got, want)
		}
	}
	for r := rune(utf8.RuneSelf); r < LatinEnd; r++ {
		if got, want := FoldLatin(r), Fold(string(r)); got != want {
			t.Errorf("FoldLatin(%q) = %q, want %q", r, got, want)
		}
	}
}
