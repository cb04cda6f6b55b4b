package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClip(t *testing.T) {
	tests := []struct {
		name string
		in   string
		n    int
		want string
	}{
		{"short", "Short title", 20, "Short title"},
		{"at a space", "one two three four five", 20, "one two three four…"},
		{"no space", "abcdefghijklmnopqrstuvwxyz", 10, "abcdefghi…"},
		{"runes not bytes", "ééééééééééé", 10, "ééééééééé…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := clip(tt.in, tt.n)
			if got != tt.want {
				t.Errorf("clip(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
			}
			if utf8.RuneCountInString(got) > tt.n {
				t.Errorf("%d runes, over %d", utf8.RuneCountInString(got), tt.n)
			}
		})
	}
}

func TestClipText(t *testing.T) {
	para := strings.Repeat("word ", 40) // 200 bytes
	body := strings.Repeat(para+"\n\n", 10)
	got := clipText(body, 1000)
	if len(got) > 1000+len("\n\n…") || !strings.HasSuffix(got, "\n\n…") {
		t.Errorf("clipText gave %d bytes ending %q", len(got), got[len(got)-10:])
	}
	if !strings.HasSuffix(strings.TrimSuffix(got, "\n\n…"), "word") {
		t.Errorf("not cut at a paragraph's end: %q", got[len(got)-20:])
	}
	if multi := clipText(strings.Repeat("é", 600), 1001); !utf8.ValidString(multi) {
		t.Errorf("split a rune: %q", multi[len(multi)-8:])
	}
}
