package extract

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed/internal/safetest"
)

func TestBinaryKind(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"text", []byte("Hello, world.\n"), ""},
		{"escapes are text", []byte(strings.Repeat("text "+safetest.HostilePayload, 20)), ""},
		{"cp1251 Russian", bytes.Repeat([]byte("\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0. "), 50), ""},
		{"gzip", safetest.Gzip([]byte("hello")), ""},
		{"UTF-16 LE BOM", safetest.UTF16("hello"), ""},
		{"UTF-16 BE BOM", []byte("\xfe\xff\x00h\x00i"), ""},
		{"UTF-16 LE no BOM", safetest.UTF16("hello there, a longer text")[2:], ""},
		{"few NULs", bytes.Repeat([]byte("some text\x00 "), 20), ""},
		{"MZ text", []byte("MZ is how the paper began its headline."), ""},
		{"BM text", []byte("BM announces results for the year."), ""},
		{"PNG", []byte("\x89PNG\r\n\x1a\n"), "PNG image"},
		{"tar", append(make([]byte, 257), "ustar\x0000"...), "tar archive"},
		{"random", safetest.Noise(8192), "data"},
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

// hostileFiles returns files of every format whose text is laced with
