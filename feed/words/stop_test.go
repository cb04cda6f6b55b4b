package words

import (
	"testing"

	"github.com/kljensen/snowball/english"
)

func TestIsStop(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"the", true},
		{"yourselves", true},
		{"don", true},
		{"s", true},
		{"would", false}, // not in the Snowball list; story grouping adds it
		{"said", false},
		{"The", false}, // words are folded first
		{"bridge", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := IsStop(tt.in); got != tt.want {
			t.Errorf("IsStop(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestStopWordsAreSnowballs checks that the list is the Snowball
// project's, as github.com/kljensen/snowball holds it, word for word.
func TestStopWordsAreSnowballs(t *testing.T) {
	ws := StopWords()
	if len(ws) != 127 {
		t.Errorf("%d stop words, want Snowball's 127", len(ws))
	}
	candidates := append(ws, FunctionWords()...)
	candidates = append(candidates, "would", "could", "also", "said", "us", "one", "news", "bridge", "thes", "")
	for _, w := range candidates {
		if got, want := IsStop(w), english.IsStopWord(w); got != want {
			t.Errorf("IsStop(%q) = %v, english.IsStopWord says %v", w, got, want)
		}
	}
}

func TestFunctionWords(t *testing.T) {
	seen := map[string]bool{}
	for _, w := range FunctionWords() {
		seen[w] = true // some are words of more than one language
	}
	for _, w := range []string{"the", "said", "der", "les", "della", "está"} {
		if !seen[w] {
			t.Errorf("%q is not a function word", w)
		}
	}
	for _, w := range []string{"above", "bridge", ""} {
		if seen[w] {
			t.Errorf("%q is a function word", w)
		}
	}
}

func BenchmarkIsStop(b *testing.B) {
	ws := []string{"the", "bridge", "harbour", "of", "yourselves", "x", "government", "and", "minister", "said"}
	b.Run("IsStop", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			IsStop(ws[i%len(ws)])
		}
	})
	b.Run("snowball", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			english.IsStopWord(ws[i%len(ws)])
		}
	})
}
