package extract

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed/internal/escape"
)

// binaryKind as it was before it read its sample in one pass: sniffText
// must tell every file the same way.

func binaryKindReference(data []byte) string {
	for _, m := range magics {
		if hasAt(data, m.offset, m.prefix) && (m.check == nil || m.check(data)) {
			return m.kind
		}
	}
	for _, p := range textMarks {
		if bytes.HasPrefix(data, []byte(p)) {
			return ""
		}
	}
	sample := data[:min(len(data), sniffSize)]
	if len(sample) == 0 || looksUTF16(sample) {
		return ""
	}
	var ctrl int
	for _, c := range sample {
		if c < 0x20 && !textControl(c) || c == 0x7f {
			ctrl++
		}
	}
	invalid := 0
	for i := 0; i < len(sample); {
		if !utf8.FullRune(sample[i:]) && len(sample) < len(data) {
			break // a rune cut by the sample's end
		}
		r, n := utf8.DecodeRune(sample[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		}
		i += n
	}
	switch {
	case ctrl*10 > len(sample): // over 10% control bytes
		return "data"
	case ctrl*100 > len(sample) && invalid*5 > len(sample): // over 1%, and over 20% not UTF-8
		return "data"
	}
	return ""
}

// readable and normalizeText as they were before readable reused the
// first sniff.
func readableReference(data []byte) ([]byte, string) {
	if kind := binaryKindReference(data); kind != "" {
		return nil, "binary file (" + kind + ")"
	}
	text, err := decode(data, maxDecodedSize)
	if err != nil {
		return nil, err.Error()
	}
	if kind := binaryKindReference(text); kind != "" {
		return nil, "binary file (" + kind + ")"
	}
	text = normalizeTextReference(text)
	if isBlank(text) {
		return nil, "empty file"
	}
	return text, ""
}

func normalizeTextReference(data []byte) []byte {
	for _, p := range textMarks[2:] {
		if bytes.HasPrefix(data, []byte(p)) {
			return data
		}
	}
	if bytes.HasPrefix(data, []byte(textMarks[0])) || looksUTF16(data[:min(len(data), sniffSize)]) {
		return data
	}
	if bytes.IndexByte(data, 0) < 0 && bytes.IndexByte(data, '\r') < 0 && bytes.IndexByte(data, escape.ESC) < 0 {
		return data
	}
	s := string(data)
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		switch c := s[i]; c {
		case 0:
			i++
		case '\r':
			out = append(out, '\n')
			i++
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case escape.ESC:
			i = escape.Skip(s, i+1)
		default:
			out = append(out, c)
			i++
		}
	}
	return out
}

// sniffPieces are the parts the random files below are made of.
var sniffPieces = [][]byte{
	[]byte("plain words "), []byte("\n"), []byte("\r\n"), {0}, {0, 'a'}, {'a', 0}, {1}, {0x7f}, {0x1b},
	[]byte("é"), []byte("—"), []byte("🥇"), {0xff}, {0xe2, 0x80}, {0xf0, 0x9f}, {0xc3}, []byte("\t\b\a"),
}

// randomFile returns a file of pieces around sniffSize long, so that
// runes are cut at the sample's end.
func randomFile(r *rand.Rand) []byte {
	var b []byte
	target := sniffSize - 16 + r.IntN(40)
	if r.IntN(4) == 0 {
		target = r.IntN(64)
	}
	for len(b) < target {
		b = append(b, sniffPieces[r.IntN(len(sniffPieces))]...)
	}
	if r.IntN(5) == 0 { // as UTF-16 without a byte order mark
		wide := make([]byte, 0, 2*len(b))
		for _, c := range b {
			wide = append(wide, c, 0)
		}
		b = wide[min(len(wide), r.IntN(2)):]
	}
	return b
}

func TestSniffTextMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		data := randomFile(r)
		kind, utf16, sampled := sniffText(data)
		if want := binaryKindReference(data); kind != want {
			t.Fatalf("sniffText(%q) kind = %q, want %q", data, kind, want)
		}
		if sampled && utf16 != looksUTF16(data[:min(len(data), sniffSize)]) {
			t.Fatalf("sniffText(%q) utf16 = %v, want %v", data, utf16, !utf16)
		}
	}
}

func FuzzSniffTextMatchesReference(f *testing.F) {
	for _, p := range sniffPieces {
		f.Add(bytes.Repeat(p, 9))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		kind, utf16, sampled := sniffText(data)
		if want := binaryKindReference(data); kind != want {
			t.Fatalf("sniffText(%q) kind = %q, want %q", data, kind, want)
		}
		if sampled && utf16 != looksUTF16(data[:min(len(data), sniffSize)]) {
			t.Fatalf("sniffText(%q) utf16 = %v, want %v", data, utf16, !utf16)
		}
	})
}

// gatePieces make starts of files that the format sniffers may take.
var gatePieces = []string{
	" ", "\n", "\ufeff", "<", "{", "<html>", "<!DOCTYPE HTML>", "<?xml version=\"1.0\"?>", "<rss>", "<feed>",
	"\"version\": \"https://jsonfeed.org/version/1\"", "MIME-Version: 1.0\r\n", "Content-Type: Multipart/RELATED;",
	"multipart/related", "/rel", "ated", "İ", "\u212a", "é", "\xff", "words ", "# Title\n", "---\n",
}

// TestSnifferGates checks that mayBeFeed and mayBeHTML never turn away
// a file their sniffers would take.
func TestSnifferGates(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	exts := []string{"", "txt", "html", "mht", "xml", "json"}
	for range 20000 {
		var b []byte
		for range r.IntN(12) {
			b = append(b, gatePieces[r.IntN(len(gatePieces))]...)
		}
		ext := exts[r.IntN(len(exts))]
		if sniffFeed(ext, b) && !mayBeFeed(b) {
			t.Fatalf("sniffFeed(%q, %q) but not mayBeFeed", ext, b)
		}
		if sniffHTML(ext, b) && !mayBeHTML(ext, b) {
			t.Fatalf("sniffHTML(%q, %q) but not mayBeHTML", ext, b)
		}
	}
}

func FuzzSnifferGates(f *testing.F) {
	for _, p := range gatePieces {
		f.Add("txt", []byte(p+p))
	}
	f.Fuzz(func(t *testing.T, ext string, b []byte) {
		if sniffFeed(ext, b) && !mayBeFeed(b) {
			t.Fatalf("sniffFeed(%q, %q) but not mayBeFeed", ext, b)
		}
		if sniffHTML(ext, b) && !mayBeHTML(ext, b) {
			t.Fatalf("sniffHTML(%q, %q) but not mayBeHTML", ext, b)
		}
	})
}

// TestReadableMatchesReference checks readable against the old one on
// random files and on every test file, compressed and encoded ones too.
func TestReadableMatchesReference(t *testing.T) {
	var plainCount [2]int // files called plain, and files that could have been but were not
	defer func() {
		if plainCount[0] == 0 || plainCount[1] > 0 {
			t.Errorf("%d files called plain; %d plain files not", plainCount[0], plainCount[1])
		}
	}()
	check := func(name string, data []byte) {
		t.Helper()
		got, gotReason, plain := readable(data)
		want, wantReason := readableReference(data)
		if !bytes.Equal(got, want) || gotReason != wantReason {
			t.Fatalf("%s: readable = %q, %q; want %q, %q", name, got, gotReason, want, wantReason)
		}
		// Plain text is what the checks it spares would pass.
		if plain && (looksBinary(got) || !utf8.Valid(got) || &got[0] != &data[0] ||
			bytes.ContainsFunc(got, func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\f' })) {
			t.Fatalf("%s: readable called %q plain", name, got)
		}
		if !plain && gotReason == "" && len(data) <= sniffSize && !isGzip(data) && utf8.Valid(data) && bytes.Equal(got, data) &&
			!bytes.ContainsFunc(data, func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\f' }) &&
			!bytes.HasPrefix(data, []byte(textMarks[1])) && !bytes.HasPrefix(data, []byte("<?xml")) {
			plainCount[1]++
		} else if plain {
			plainCount[0]++
		}
	}
	r := rand.New(rand.NewPCG(13, 14))
	for i := range 3000 {
		data := randomFile(r)
		if r.IntN(8) == 0 {
			data = append([]byte(textMarks[r.IntN(len(textMarks))]), data...)
		}
		check(fmt.Sprintf("random file %d", i), data)
	}
	filepath.WalkDir("testdata", func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if data, err := os.ReadFile(p); err == nil {
				check(p, data)
			}
		}
		return nil
	})
}

// declareUTF8Reference is declareUTF8 without its test for a declaration
// before running the expression.
func declareUTF8Reference(data []byte) []byte {
	loc := xmlEncoding.FindSubmatchIndex(firstBytes(data, 256))
	if loc == nil {
		return data
	}
	out := append([]byte(nil), data[:loc[3]]...)
	out = append(out, `"UTF-8"`...)
	return append(out, data[loc[1]:]...)
}

func FuzzDeclareUTF8(f *testing.F) {
	for _, s := range []string{
		`<?xml version="1.0" encoding="ISO-8859-1"?><rss/>`, " \t\r\n\f<?xml encoding='latin1'?>", "\v<?xml encoding='x'?>",
		"<?XML encoding='x'?>", "text <?xml encoding='x'?>", "<?xml version='1.0'?>", "",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if got, want := declareUTF8(data), declareUTF8Reference(data); !bytes.Equal(got, want) {
			t.Fatalf("declareUTF8(%q) = %q, want %q", data, got, want)
		}
	})
}
