package words

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/kljensen/snowball/english"

	"github.com/broadsheet/broadsheet/internal/corpus"
)

func TestStem(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plural", "bridges", "bridg"},
		{"past", "signed", "sign"},
		{"gerund", "signing", "sign"},
		{"y to i", "happy", "happi"},
		{"ies", "companies", "compani"},
		{"ational", "relational", "relat"},
		{"special word", "news", "news"},
		{"special word 2", "skies", "sky"},
		{"short word", "was", "was"},
		{"number", "2024s", "2024s"},
		{"own stem", "jazz", "jazz"},
		{"not ASCII", "cafés", "café"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Stem(tt.in); got != tt.want {
				t.Errorf("Stem(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestStripEnding(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"short", "signs", "sign"},
		{"four bytes", "ties", "ties"},
		{"ies", "companies", "company"},
		{"ing", "signing", "sign"},
		{"ing too short", "being", "being"},
		{"ed", "signed", "sign"},
		{"ed too short", "shred", "shred"},
		{"doubled", "stopped", "stop"},
		{"doubled l kept", "travelled", "travell"},
		{"sses", "presses", "press"},
		{"xes", "boxes", "box"},
		{"ches", "churches", "church"},
		{"shes", "wishes", "wish"},
		{"ss", "press", "press"},
		{"us", "virus", "virus"},
		{"is", "crisis", "crisis"},
		{"final e", "closes", "clos"},
		{"final e of ed", "closed", "clos"},
		{"number", "12345", "12345"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(StripEnding([]byte(tt.in))); got != tt.want {
				t.Errorf("StripEnding(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestIsNumber(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{{"", false}, {"2024", true}, {"٣", true}, {"19a", false}, {"a", false}}
	for _, tt := range tests {
		if got := IsNumber(tt.in); got != tt.want {
			t.Errorf("IsNumber(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestOwnStem checks the stemmer's shortcut against the stemmer itself
// over the corpus vocabulary, its inflections and random words.
func TestOwnStem(t *testing.T) {
	words := slices.Clone(corpus.New(1000, 1).Words())
	for _, w := range corpus.New(1000, 1).Words() {
		words = append(words, w+"s", w+"ed", w+"ing", w+"ly", w+"ful", w+"ness")
	}
	r := rand.New(rand.NewPCG(3, 4))
	const letters = "abcdefghijklmnopqrstuvwxyz0123456789'éY"
	for range 200000 {
		b := make([]byte, 1+r.IntN(12))
		for i := range b {
			b[i] = letters[r.IntN(26+r.IntN(2)*(len(letters)-26))]
		}
		words = append(words, string(b))
	}
	own := 0
	for _, w := range words {
		if len(w) <= 3 || !IsOwnStem(w) {
			continue
		}
		own++
		if got := english.Stem(w, true); got != w {
			t.Errorf("the stem of %q is %q, not itself", w, got)
		}
	}
	if own < 1000 {
		t.Errorf("only %d words took the shortcut", own)
	}
}

// TestPorter2 compares porter2 with the stemmer it stands in for over
// the corpus vocabulary with every suffix the stemmer knows, and random
// words built from syllables and suffixes.
func TestPorter2(t *testing.T) {
	suffixes := []string{"", "s", "es", "ies", "ied", "sses", "us", "ss", "ed", "eed", "edly", "eedly", "ing", "ingly", "ly",
		"y", "e", "l", "ll", "at", "bl", "iz", "ational", "tional", "enci", "anci", "izer", "bli", "alli", "entli", "eli", "ousli",
		"ization", "ation", "ator", "alism", "aliti", "iviti", "biliti", "logi", "ogi", "fulli", "lessli", "li", "fulness", "ousness",
		"iveness", "alize", "icate", "iciti", "ical", "ful", "ness", "ative", "al", "ance", "ence", "er", "ic", "able", "ible",
		"ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion", "sion", "tion", "ation", "ement", "ments"}
	var words []string
	// The whole vocabulary (60,000 words) passed too; the test keeps
	// a sample to stay quick.
	for _, w := range corpus.New(1000, 1).Words()[:6000] {
		for _, s := range suffixes {
			words = append(words, w+s)
		}
	}
	syllables := []string{"a", "e", "i", "o", "u", "y", "b", "c", "d", "l", "n", "r", "s", "t", "w", "x", "gener", "commun", "arsen",
		"ki", "ya", "ey", "yo", "ab", "ot", "ll", "ss", "bb", "tt", "ee", "sk", "dy", "ly", "ty", "9"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 100000 {
		var b strings.Builder
		for range 1 + r.IntN(4) {
			b.WriteString(syllables[r.IntN(len(syllables))])
		}
		b.WriteString(suffixes[r.IntN(len(suffixes))])
		if r.IntN(4) == 0 {
			b.WriteString(suffixes[r.IntN(len(suffixes))])
		}
		words = append(words, b.String())
	}
	words = append(words, "skis", "skies", "dying", "news", "innings", "proceeding", "succeeds", "sky", "yyyy", "ayay", "bye", "eye")
	n := 0
	for _, w := range words {
		if len(w) <= 2 || !isLowerASCII(w) {
			continue
		}
		n++
		if got, want := porter2(w), english.Stem(w, true); got != want {
			t.Errorf("porter2(%q) = %q, want %q", w, got, want)
		}
		if got, want := Stem(w), english.Stem(w, true); len(w) > 3 && w[0] > '9' && got != want {
			t.Errorf("Stem(%q) = %q, want %q", w, got, want)
		}
	}
	if n < 100000 {
		t.Errorf("only %d words compared", n)
	}
}

// The stemmers over the corpus vocabulary with its inflections: porter2
// and Stem, which stand in for english.Stem, and english.Stem itself.
func BenchmarkStem(b *testing.B) {
	var ws []string
	for _, w := range corpus.New(1000, 1).Words()[:5000] {
		ws = append(ws, w, w+"s", w+"ed", w+"ing", w+"ly")
	}
	for _, bm := range []struct {
		name string
		stem func(string) string
	}{
		{"porter2", porter2},
		{"Stem", Stem},
		{"snowball", func(w string) string { return english.Stem(w, true) }},
		{"StripEnding", func(w string) string { return string(StripEnding([]byte(w))) }},
	} {
		b.Run(bm.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				bm.stem(ws[i%len(ws)])
			}
		})
	}
}
