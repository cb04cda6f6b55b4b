package extract

import (
	"bytes"
	"compress/gzip"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"
)

func TestBinaryKind(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"text", []byte("Hello, world.\n"), ""},
		{"escapes are text", []byte(strings.Repeat("text "+hostilePayload, 20)), ""},
		{"cp1251 Russian", bytes.Repeat([]byte("\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0. "), 50), ""},
		{"gzip", gzipBytes([]byte("hello")), ""},
		{"UTF-16 LE BOM", safetyUTF16("hello"), ""},
		{"UTF-16 BE BOM", []byte("\xfe\xff\x00h\x00i"), ""},
		{"UTF-16 LE no BOM", safetyUTF16("hello there, a longer text")[2:], ""},
		{"few NULs", bytes.Repeat([]byte("some text\x00 "), 20), ""},
		{"MZ text", []byte("MZ is how the paper began its headline."), ""},
		{"BM text", []byte("BM announces results for the year."), ""},
		{"PNG", []byte("\x89PNG\r\n\x1a\n"), "PNG image"},
		{"tar", append(make([]byte, 257), "ustar\x0000"...), "tar archive"},
		{"random", safetyNoise(8192), "data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := binaryKind(tt.data); got != tt.want {
				t.Errorf("binaryKind = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestGzipCap(t *testing.T) {
	data, err := os.ReadFile("testdata/gz/bomb.txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		limit   int64
		wantErr string
	}{
		{"over a small cap", 1 << 20, "decompressed file too large: expands past the 1.0 MiB limit"},
		{"over the default cap", maxDecodedSize, "decompressed file too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decode(data, tt.limit)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("err = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func gzipBytes(data []byte) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

func safetyExtractor() *Extractor {
	x := NewExtractor()
	x.Now = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	return x
}

// testNow is the "now" every format test runs at, so dates in fixtures
// are never in the future.
var testNow = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

func testExtractor() *Extractor {
	x := NewExtractor()
	x.Now = testNow
	return x
}

// hostilePayload is every kind of terminal control a hostile file might carry:
// CSI, OSC (title, clipboard, hyperlink), DCS, APC, PM, SOS, their 8-bit
// forms, BEL, backspaces, a carriage return, bidi overrides and isolates,
// invisible format characters, NUL, DEL and C1 controls.
const hostilePayload = "\x1b[2J\x1b[H\x1b[1;31m" +
	"\x1b]0;pwned\x07\x1b]2;pwned\x1b\\" +
	"\x1b]52;c;cm0gLXJmIH4K\x07" +
	"\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\" +
	"\x1bP1$qm\x1b\\\x1b_apc\x1b\\\x1b^pm\x1b\\\x1bXsos\x1b\\" +
	"\u009b2J\u009d0;c1\u009c\u0090dcs\u009c" +
	"\x07\b\b\b\r" +
	"\u202e\u2066\u2069\u202a\u202c" +
	"\u200b\ufeff\x00\x7f\u0085\u0080\x1bc\x1b(0"

// hostileFiles returns files of every format whose text is laced with

func safetyUTF16(s string) []byte {
	out := []byte{0xff, 0xfe}
	for _, r := range s {
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

func safetyNoise(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}
