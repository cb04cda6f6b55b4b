package words

import "testing"

func TestHash(t *testing.T) {
	// Values from the FNV reference (draft-eastlake-fnv).
	tests := []struct {
		in     string
		want   uint64
		want32 uint32
	}{
		{"", 0xcbf29ce484222325, 0x811c9dc5},
		{"a", 0xaf63dc4c8601ec8c, 0xe40c292c},
		{"foobar", 0x85944171f73967e8, 0xbf9cf968},
	}
	for _, tt := range tests {
		if got := Hash(tt.in); got != tt.want {
			t.Errorf("Hash(%q) = %#x, want %#x", tt.in, got, tt.want)
		}
		if got := Hash([]byte(tt.in)); got != tt.want {
			t.Errorf("Hash([]byte(%q)) = %#x, want %#x", tt.in, got, tt.want)
		}
		if got := Hash32(tt.in); got != tt.want32 {
			t.Errorf("Hash32(%q) = %#x, want %#x", tt.in, got, tt.want32)
		}
	}
	if got, want := HashOn(Hash("foo"), []byte("bar")), Hash("foobar"); got != want {
		t.Errorf("HashOn(Hash(foo), bar) = %#x, want Hash(foobar) = %#x", got, want)
	}
}
