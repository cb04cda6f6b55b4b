package escape

import "testing"

func TestPlainASCII8(t *testing.T) {
	for c := range 256 {
		for pos := range 8 {
			b := []byte("abcdefgh")
			b[pos] = byte(c)
			want := c >= 0x20 && c < 0x7f
			if got := PlainASCII8(string(b)); got != want {
				t.Errorf("PlainASCII8 with %#x at %d = %v, want %v", c, pos, got, want)
			}
		}
	}
}
