// Package escape finds terminal control sequences and plain ASCII in
// text read from files, for the code that makes that text safe to show
// (feed.Sanitize) and the code that reads it (feed/extract) to agree on
// where a sequence ends.
package escape

// C0 control bytes that start or end escape sequences.
const (
	ESC = 0x1b
	BEL = 0x07
	CAN = 0x18
	SUB = 0x1a
)

// Skip returns the index just past the escape sequence whose ESC
// ends just before i. An ESC that starts no sequence is dropped alone.
func Skip(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch c := s[i]; {
	case c == '[':
		return SkipCSI(s, i+1)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return SkipString(s, i+1) // OSC, DCS, SOS, PM, APC
	case c >= 0x20 && c <= 0x2f:
		// nF: intermediates, then one final byte, as in ESC ( B.
		j := i
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
			j++
		}
		if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7e {
			j++
		}
		return j
	case c >= 0x30 && c <= 0x7e:
		return i + 1 // two-byte sequences: ESC c, ESC 7, ESC M, …
	}
	return i
}

// SkipCSI returns the index just past a control sequence's parameter,
// intermediate and final bytes starting at i. A malformed sequence ends
// at its first byte that cannot belong to it, which is then read as text.
func SkipCSI(s string, i int) int {
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x3f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		i++
	}
	return i
}

// SkipString returns the index just past a control string (OSC, DCS, SOS,
// PM, APC) starting at i: past its BEL or ST terminator, or past CAN or
// SUB, which abort it. One with no terminator ends at the end of its line.
func SkipString(s string, i int) int {
	for ; i < len(s); i++ {
		switch s[i] {
		case BEL, CAN, SUB:
			return i + 1
		case ESC:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i // a new sequence ends this one
		case '\n', '\r':
			return i
		case 0xc2:
			if i+1 < len(s) && s[i+1] == 0x9c { // U+009C, ST
				return i + 2
			}
		}
	}
	return i
}

// PlainASCII8 reports whether the first eight bytes of s are all
// printable ASCII: none has its top bit set, is below space, or is DEL.
func PlainASCII8[S ~string | ~[]byte](s S) bool {
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	// With no top bit set, w-0x20… sets a top bit where a byte is below
	// 0x20, and w+0x01… where one is 0x7f; neither carries past a byte
	// that does not.
	return (w|(w-0x20*ones)|(w+ones))&tops == 0
}
