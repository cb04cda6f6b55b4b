package feed

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"unicode"
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
			if got := contentID(&Article{Title: tt.title, Body: tt.body}); got != want {
				t.Errorf("contentID = %q, want %q", got, want)
			}
		})
	}
	if got := contentID(&Article{Title: "Markets rally", Body: "Shares rose on Monday."}); got != "7736cfc14c16" {
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
			n, in := 0, false
			for _, r := range tt.in {
				w := unicode.IsLetter(r) || unicode.IsDigit(r)
				if w && !in {
					n++
				}
				in = w
			}
			if n != tt.want {
				t.Errorf("rune by rune, %q has %d words, want %d", tt.in, n, tt.want)
			}
		})
	}
}
