package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/internal/corpus"
)

// TestContentIDStable checks that IDs are made as they always were: they
// key a reader's saved state, so they must never change.
func TestContentIDStable(t *testing.T) {
	long := strings.Repeat("Paragraph of the body, long enough to pass the hash buffer. ", 200)
	tests := []struct {
		name, title, body string
	}{
		{"empty", "", ""},
		{"short", "Markets rally", "Shares rose on Monday."},
		{"long body", "Title", long},
		{"long title", long, "Body"},
		{"non-ASCII", "Zürich “talks”", "Über — 中文"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sum := sha256.Sum256([]byte(tt.title + "\x00" + tt.body))
			want := hex.EncodeToString(sum[:])[:12]
			if got := contentID(&feed.Article{Title: tt.title, Body: tt.body}); got != want {
				t.Errorf("contentID = %q, want %q", got, want)
			}
		})
	}
	if got := contentID(&feed.Article{Title: "Markets rally", Body: "Shares rose on Monday."}); got != "7736cfc14c16" {
		t.Errorf("contentID of a fixed article = %q, want the ID it has always had (SHA-256 of title, NUL, body)", got)
	}
}

func TestCountWords(t *testing.T) {
	tests := []struct {
		name, in string
		want     int
	}{
		{"empty", "", 0},
		{"ASCII", "Shares rose 3% on Monday.", 5},
		{"punctuation joins nothing", "well-known don't", 4},
		{"accents", "Zürich café", 2},
		{"other scripts", "中文 مرحبا бетон", 3},
		{"marks split words", "e\u0301t\u00e9", 2},
		{"invalid UTF-8", "a\xffb", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := countWords(tt.in); got != tt.want {
				t.Errorf("countWords(%q) = %d, want %d", tt.in, got, tt.want)
			}
			if n := countWordsReference(tt.in); n != tt.want {
				t.Errorf("rune by rune, %q has %d words, want %d", tt.in, n, tt.want)
			}
		})
	}
}

// BenchmarkCountWords counts the words of a synthetic corpus file: mostly
// ASCII, with accented names and typographic quotes.
func BenchmarkCountWords(b *testing.B) {
	_, data := corpus.New(1, 1).File(0)
	s := string(data)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		countWords(s)
	}
}

// TestCountWordsRanges checks countWords' shortcuts for whole blocks of
// characters against the Unicode tables.
func TestCountWordsRanges(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xd800 && r < 0xe000 {
			continue
		}
		want := 0
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			want = 1
		}
		if got := countWords(string(r)); got != want {
			t.Fatalf("countWords(%q) = %d, want %d", r, got, want)
		}
	}
}

// extensionReference is extension as it was, lower-casing the whole path.
func extensionReference(path string) string {
	p := strings.ToLower(path)
	p = strings.TrimSuffix(p, ".gz")
	i := strings.LastIndexByte(p, '.')
	if i < 0 || strings.ContainsRune(p[i:], '/') {
		return ""
	}
	return p[i+1:]
}

func FuzzExtension(f *testing.F) {
	for _, p := range []string{"a.txt", "A.TXT.GZ", "dir.d/file", "x.Gz", ".gz", "gz", "İ.K.gZ", "a/\xff.Ä", "a.b/c.HTML"} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if got, want := Extension(p), extensionReference(p); got != want {
			t.Fatalf("Extension(%q) = %q, want %q", p, got, want)
		}
	})
}

// countWordsReference counts words rune by rune, as countWords did.
func countWordsReference(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

func TestCountWordsMatchesReference(t *testing.T) {
	pieces := []string{"a", "Z", "0", "9", " ", "/", "@", "[", "`", "{", ":", "é", "—", "中", "\xff", "\x00", "\x7f", "words and more ", "\n\n"}
	r := rand.New(rand.NewPCG(9, 10))
	for range 50000 {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := countWords(s), countWordsReference(s); got != want {
			t.Fatalf("countWords(%q) = %d, want %d", s, got, want)
		}
	}
	for c := range 128 { // every ASCII byte at every place in a word of eight
		for pos := range 8 {
			b := []byte("a1 b2 cd ef")
			b[pos] = byte(c)
			if got, want := countWords(string(b)), countWordsReference(string(b)); got != want {
				t.Fatalf("countWords(%q) = %d, want %d", b, got, want)
			}
		}
	}
}

func FuzzCountWords(f *testing.F) {
	f.Add("Zürich talks: “stocks rose 3%” — while")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := countWords(s), countWordsReference(s); got != want {
			t.Fatalf("countWords(%q) = %d, want %d", s, got, want)
		}
	})
}

// TestTitleNotTheOutlet checks that a page with no headline, whose only
// headline-like line is its masthead, gets a title made from its lead,
// marked as made, and not the outlet's name for a title; and that the
// outlet is still found.
func TestTitleNotTheOutlet(t *testing.T) {
	page := strings.Join([]string{
		"Home   Local   Money   Weather",
		"Ferrow Bay Echo",
		"Posted 2026-03-02 09:40",
		"",
		"Residents of the Calloway estate in Ferrow Bay were told on Monday that the footbridge over the railway will close for eleven weeks while its deck is replaced, leaving a two-mile walk to the station.",
		"",
		"The council said the bridge had been inspected twice last year and that the work could not wait until the summer, when fewer commuters use it.",
		"",
		"A shuttle bus will run every twenty minutes at peak times, a spokesperson said.",
		"",
		"© 2026 Ferrow Bay Echo",
	}, "\n")
	arts, _ := NewExtractor().Extract(Source{Path: "page.txt", Data: []byte(page)})
	if len(arts) != 1 {
		t.Fatalf("got %d articles, want 1", len(arts))
	}
	a := arts[0]
	if a.Outlet != "Ferrow Bay Echo" {
		t.Errorf("outlet = %q, want the masthead's name", a.Outlet)
	}
	if sameNameKey(a.Title, a.Outlet) || !strings.HasPrefix(a.Title, "Residents of the Calloway estate") {
		t.Errorf("title = %q, want one made from the lead", a.Title)
	}
	if !a.TitleSynthesized {
		t.Errorf("title %q not marked synthesized", a.Title)
	}
}
