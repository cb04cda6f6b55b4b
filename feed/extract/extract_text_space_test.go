package extract

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestSpaceClassAsEveryRune checks the table made from Unicode's white
// space ranges against asking IsSpace of every rune.
func TestSpaceClassAsEveryRune(t *testing.T) {
	var want [256]uint8
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !unicode.IsSpace(r) {
			continue
		}
		var b [utf8.UTFMax]byte
		utf8.EncodeRune(b[:], r)
		want[b[0]] = 2
	}
	want[' '] = 1
	if spaceClass != want {
		for c := range 256 {
			if spaceClass[c] != want[c] {
				t.Errorf("spaceClass[%#x] = %d, want %d", c, spaceClass[c], want[c])
			}
		}
	}
}
