package extract

import (
	"bytes"
	"encoding/binary"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed/internal/escape"
)

// readable returns a file's bytes as text ready for the format readers,
// or the reason they are not: binary data, an empty file, or text that
// cannot be decoded. Binary files never reach a format reader: they are
// told by their raw bytes, and again once decoded, so that a compressed
// image is caught too.
//
// plain reports that the text is the file's bytes as they are, all of
// them examined and found to be UTF-8 without control bytes other than
// tab, newline and form feed: what decoding and the readers' own checks
// for binary data would find again.
func readable(data []byte) (text []byte, reason string, plain bool) {
	sn := sniff(data)
	if sn.kind != "" {
		return nil, "binary file (" + sn.kind + ")", false
	}
	if sn.plain {
		// What decode and normalizeText give such text, without reading
		// it twice more: no gzip, byte order mark, invalid UTF-8, NUL,
		// carriage return or escape.
		text = declareUTF8(data)
	} else {
		var err error
		if text, err = decode(data, maxDecodedSize); err != nil {
			return nil, err.Error(), false
		}
	}
	// Most text decodes to itself, already told from binary data.
	if len(text) != len(data) || len(text) > 0 && &text[0] != &data[0] {
		if sn = sniff(text); sn.kind != "" {
			return nil, "binary file (" + sn.kind + ")", false
		}
	}
	if !sn.sampled {
		sn.utf16 = looksUTF16(text[:min(len(text), sniffSize)])
	}
	if !sn.plain {
		text = normalizeText(text, sn.utf16)
	}
	if isBlank(text) {
		return nil, "empty file", false
	}
	return text, "", sn.plain && len(text) == len(data) && &text[0] == &data[0]
}

// sniffSize is how much of a file's start is examined to tell text from
// binary data.
const sniffSize = 8 << 10

// magic is a file type recognised by the bytes at the start of the file.
type magic struct {
	kind   string
	offset int
	prefix string
	// check, when set, confirms a short or common prefix.
	check func(data []byte) bool
}

// magics are binary file types. Gzip, and UTF-16 and UTF-32 text with a
// byte order mark, are absent on purpose: they are text once decoded.
var magics = []magic{
	{kind: "PNG image", prefix: "\x89PNG\r\n\x1a\n"},
	{kind: "JPEG image", prefix: "\xff\xd8\xff"},
	{kind: "GIF image", prefix: "GIF87a"},
	{kind: "GIF image", prefix: "GIF89a"},
	{kind: "WebP image", prefix: "RIFF", check: func(d []byte) bool { return hasAt(d, 8, "WEBP") }},
	{kind: "WAV audio", prefix: "RIFF", check: func(d []byte) bool { return hasAt(d, 8, "WAVE") }},
	{kind: "AVI video", prefix: "RIFF", check: func(d []byte) bool { return hasAt(d, 8, "AVI ") }},
	{kind: "TIFF image", prefix: "II*\x00"},
	{kind: "TIFF image", prefix: "MM\x00*"},
	{kind: "BMP image", prefix: "BM", check: func(d []byte) bool { return len(d) >= 26 && hasAt(d, 6, "\x00\x00\x00\x00") }},
	{kind: "icon", prefix: "\x00\x00\x01\x00"},
	{kind: "PDF document", prefix: "%PDF-"},
	{kind: "ZIP archive", prefix: "PK\x03\x04"},
	{kind: "ZIP archive", prefix: "PK\x05\x06"},
	{kind: "ZIP archive", prefix: "PK\x07\x08"},
	{kind: "RAR archive", prefix: "Rar!\x1a\x07"},
	{kind: "7-Zip archive", prefix: "7z\xbc\xaf\x27\x1c"},
	{kind: "xz archive", prefix: "\xfd7zXZ\x00"},
	{kind: "bzip2 archive", prefix: "BZh", check: func(d []byte) bool { return hasAt(d, 4, "1AY&SY") }},
	{kind: "zstd archive", prefix: "\x28\xb5\x2f\xfd"},
	{kind: "tar archive", offset: 257, prefix: "ustar"},
	{kind: "Office document", prefix: "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"},
	{kind: "SQLite database", prefix: "SQLite format 3\x00"},
	{kind: "ELF executable", prefix: "\x7fELF"},
	{kind: "Windows executable", prefix: "MZ", check: isPE},
	{kind: "Mach-O executable", prefix: "\xfe\xed\xfa\xce"},
	{kind: "Mach-O executable", prefix: "\xfe\xed\xfa\xcf"},
	{kind: "Mach-O executable", prefix: "\xce\xfa\xed\xfe"},
	{kind: "Mach-O executable", prefix: "\xcf\xfa\xed\xfe"},
	{kind: "Java class or Mach-O executable", prefix: "\xca\xfe\xba\xbe"},
	{kind: "WebAssembly module", prefix: "\x00asm"},
	{kind: "MP3 audio", prefix: "ID3", check: func(d []byte) bool { return len(d) > 3 && d[3] < 0x10 }},
	{kind: "Ogg media", prefix: "OggS"},
	{kind: "FLAC audio", prefix: "fLaC"},
	{kind: "MP4 or QuickTime media", offset: 4, prefix: "ftyp"},
	{kind: "Matroska or WebM video", prefix: "\x1a\x45\xdf\xa3"},
	{kind: "WOFF font", prefix: "wOFF"},
	{kind: "WOFF2 font", prefix: "wOF2"},
}

// textMarks start files that are text in an encoding the decoder reads,
// whatever their bytes look like.
var textMarks = []string{
	"\x1f\x8b",         // gzip
	"\xef\xbb\xbf",     // UTF-8 byte order mark
	"\xff\xfe",         // UTF-16 (and UTF-32) little-endian
	"\xfe\xff",         // UTF-16 big-endian
	"\x00\x00\xfe\xff", // UTF-32 big-endian
}

// binaryKind returns what a file is when its bytes show it is not text,
// such as "PNG image", or "data" for binary of no known kind; it returns
// "" for text. Known types are told by their magic bytes; the rest by
// the first few kilobytes: text of any 8-bit encoding has almost no
// control bytes other than whitespace and ESC, while binary data is
// full of them and of byte sequences that are not UTF-8.
func binaryKind(data []byte) string {
	kind, _, _ := sniffText(data)
	return kind
}

// sniffText is binaryKind, reporting too whether the sample it examined
// looks like UTF-16 (see looksUTF16), when it got as far as a sample.
func sniffText(data []byte) (kind string, utf16, sampled bool) {
	sn := sniff(data)
	return sn.kind, sn.utf16, sn.sampled
}

// sniffed is what sniff finds.
type sniffed struct {
	kind    string // see binaryKind
	utf16   bool   // whether the sample looks like UTF-16 (see looksUTF16)
	sampled bool   // whether sniff got as far as a sample
	// plain reports that the sample was the whole file, UTF-8 with no
	// control byte but tab, newline and form feed.
	plain bool
}

// sniff reads the sample once, eight bytes at a time where they are
// printable ASCII, which has nothing to count.
func sniff(data []byte) sniffed {
	for _, m := range magics {
		if hasAt(data, m.offset, m.prefix) && (m.check == nil || m.check(data)) {
			return sniffed{kind: m.kind}
		}
	}
	for _, p := range textMarks {
		if bytes.HasPrefix(data, []byte(p)) {
			return sniffed{}
		}
	}
	sample := data[:min(len(data), sniffSize)]
	if len(sample) == 0 {
		return sniffed{sampled: true, plain: true}
	}
	var zero [2]int // NUL bytes at even and odd offsets
	ctrl, invalid := 0, 0
	odd := 0 // control bytes but tab, newline and form feed
	for i := 0; i < len(sample); {
		for i+8 <= len(sample) && escape.PlainASCII8(sample[i:i+8]) {
			i += 8
		}
		if i == len(sample) {
			break
		}
		c := sample[i]
		if c < utf8.RuneSelf {
			if c == 0 {
				zero[i%2]++
			}
			if c < 0x20 && !textControl(c) || c == 0x7f {
				ctrl++
			}
			if c < 0x20 && c != '\t' && c != '\n' && c != '\f' {
				odd++
			}
			i++
			continue
		}
		if !utf8.FullRune(sample[i:]) && len(sample) < len(data) {
			// A rune cut by the sample's end; the bytes left are all
			// above ASCII, neither NUL nor control.
			break
		}
		r, n := utf8.DecodeRune(sample[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		}
		i += n
	}
	sn := sniffed{sampled: true, plain: len(sample) == len(data) && odd == 0 && invalid == 0}
	if sn.utf16 = utf16Zeros(len(sample), zero); sn.utf16 {
		sn.plain = false
		return sn
	}
	switch {
	case ctrl*10 > len(sample): // over 10% control bytes
		sn.kind = "data"
	case ctrl*100 > len(sample) && invalid*5 > len(sample): // over 1%, and over 20% not UTF-8
		sn.kind = "data"
	}
	if sn.kind != "" {
		return sniffed{kind: sn.kind, sampled: true}
	}
	return sn
}

// textControl reports whether a C0 control byte is common in text files:
// whitespace, ESC (terminal colours in logs and hostile files alike) and
// BS, BEL, which such files hold too. Sanitize deals with them.
func textControl(c byte) bool {
	switch c {
	case '\t', '\n', '\v', '\f', '\r', escape.ESC, escape.BEL, '\b':
		return true
	}
	return false
}

// looksUTF16 reports whether sample looks like UTF-16 text without a byte
// order mark: NUL in most bytes of one parity and few of the other, as
// ASCII-range text gives.
func looksUTF16(sample []byte) bool {
	if len(sample) < 4 {
		return false
	}
	var zero [2]int
	for i, c := range sample {
		if c == 0 {
			zero[i%2]++
		}
	}
	return utf16Zeros(len(sample), zero)
}

// utf16Zeros is looksUTF16's test, given the sample's length and its
// NUL bytes at even and odd offsets.
func utf16Zeros(n int, zero [2]int) bool {
	if n < 4 {
		return false
	}
	half := n / 2
	return zero[0]*10 >= half*8 && zero[1]*10 < half || zero[1]*10 >= half*8 && zero[0]*10 < half
}

// isPE reports whether an MZ file has a Windows PE header where its DOS
// header points.
func isPE(d []byte) bool {
	if len(d) < 0x40 {
		return false
	}
	off := int(binary.LittleEndian.Uint32(d[0x3c:]))
	return off > 0 && off < len(d) && hasAt(d, off, "PE\x00\x00")
}

// hasAt reports whether data holds prefix at offset.
func hasAt(data []byte, offset int, prefix string) bool {
	return len(data) >= offset+len(prefix) && string(data[offset:offset+len(prefix)]) == prefix
}

// isBlank reports whether data holds nothing but whitespace, NUL bytes
// and a UTF-8 byte order mark.
func isBlank(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	for _, c := range data {
		switch c {
		case ' ', '\t', '\n', '\v', '\f', '\r', 0:
		default:
			return false
		}
	}
	return true
}

// normalizeText prepares text for the format readers, in one pass: NUL
// bytes are dropped, every line end (CR LF, lone CR) becomes "\n", and
// escape sequences introduced by ESC are removed whole, as Sanitize
// removes them (some readers drop a lone ESC byte as a character XML
// does not allow, which would leave the rest of its sequence to be read
// as text). Invalid UTF-8 is left for the decoder, which may read it as
// another encoding, and for Sanitize, which replaces what remains. Data
// that must first be decoded (gzip, UTF-16, UTF-32) is returned as it is.
// utf16 tells whether the start of data looks like UTF-16 (see
// looksUTF16), as sniffText has found.
func normalizeText(data []byte, utf16 bool) []byte {
	for _, p := range textMarks[2:] {
		if bytes.HasPrefix(data, []byte(p)) {
			return data
		}
	}
	if bytes.HasPrefix(data, []byte(textMarks[0])) || utf16 {
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

// mayBeFeed is true of all data sniffFeed takes for a feed, and false of
// most other text, without lower-casing the file's start as sniffFeed
// does: a feed opens with an element or a JSON object.
func mayBeFeed(data []byte) bool {
	d := skipSpaceAndBOM(data)
	return len(d) > 0 && (d[0] == '<' || d[0] == '{')
}

// mayBeHTML is true of all data sniffHTML takes for a page, and false of
// most other text, without lower-casing the file's start as sniffHTML
// does: a page has a page's extension or opens with a tag, and a saved
// single-file page (see isMHTML) says "multipart/related" near its start.
// No character but an ASCII letter lower-cases to one of "/related", so
// matching it in ASCII, either case, is exact.
func mayBeHTML(ext string, data []byte) bool {
	switch ext {
	case "html", "htm", "xhtml", "shtml", "mht", "mhtml":
		return true
	}
	d := skipSpaceAndBOM(data)
	if len(d) > 0 && d[0] == '<' {
		return true
	}
	return containsFoldASCII(firstBytes(d, 2048), "/related")
}

// containsFoldASCII reports whether s holds sub, a lower-case ASCII
// string that starts with a byte that is not a letter, matching its
// letters in either case.
func containsFoldASCII(s []byte, sub string) bool {
	for {
		i := bytes.IndexByte(s, sub[0])
		if i < 0 || len(s)-i < len(sub) {
			return false
		}
		if asciiFoldEqual(s[i:i+len(sub)], sub) {
			return true
		}
		s = s[i+1:]
	}
}

// asciiFoldEqual reports whether b equals lower, a lower-case ASCII
// string, with b's ASCII letters in either case.
func asciiFoldEqual(b []byte, lower string) bool {
	for i := range len(lower) {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}
