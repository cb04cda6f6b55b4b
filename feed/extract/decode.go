package extract

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"regexp"
	"unicode/utf8"

	"github.com/dustin/go-humanize"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// maxDecodedSize bounds what a compressed file may expand to, so that a
// small gzip bomb cannot fill memory. It matches the loader's default
// limit on a file read as it is (load.DefaultMaxFileSize).
const maxDecodedSize = 64 << 20

// decode returns a file's bytes as UTF-8 text: gzip is undone and text
// in UTF-16 (with a byte-order mark), in a charset an HTML page declares,
// or in Windows-1252 is converted. A file that cannot be decoded gives an
// error a person can act on.
func decode(data []byte, limit int64) ([]byte, error) {
	if isGzip(data) {
		var err error
		if data, err = gunzip(data, limit); err != nil {
			return nil, err
		}
	}
	return toUTF8(data)
}

// isGzip reports whether data starts with gzip's magic bytes.
func isGzip(data []byte) bool {
	return len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b
}

// errDecodedTooLarge is wrapped when a compressed file expands past the
// limit.
var errDecodedTooLarge = errors.New("decompressed file too large")

// gunzip decompresses data, refusing to expand past limit bytes.
func gunzip(data []byte, limit int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	defer zr.Close()
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return nil, errors.New("gzip: file is truncated")
	case err != nil:
		return nil, fmt.Errorf("gzip: %w", err)
	case int64(len(out)) > limit:
		return nil, fmt.Errorf("%w: expands past the %s limit", errDecodedTooLarge, humanize.IBytes(uint64(limit)))
	}
	return out, nil
}

// toUTF8 converts text to UTF-8, guessing its encoding from a byte-order
// mark, an HTML or XML charset declaration, a confident detection (see
// detectEncoding), or failing those Windows-1252, the usual encoding of
// text that is not valid UTF-8.
func toUTF8(data []byte) ([]byte, error) {
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return declareUTF8(data[3:]), nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	case utf8.Valid(data):
		// Text that is valid UTF-8 is UTF-8, whatever it declares.
		return declareUTF8(data), nil
	case looksLikeHTML(data):
		var certain bool
		enc, _, certain = charset.DetermineEncoding(data, "text/html")
		if !certain && !declaresCharset(data) {
			enc = detectEncoding(data)
		}
		if enc == nil || enc == encoding.Nop || enc == unicode.UTF8 {
			enc = charmap.Windows1252
		}
	default:
		if enc = xmlDeclaredEncoding(data); enc == nil {
			enc = detectEncoding(data)
		}
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), data)
	if err != nil {
		return nil, fmt.Errorf("decode text: %w", err)
	}
	return declareUTF8(out), nil
}

// xmlEncoding matches the encoding named in an XML declaration. Its \s
// is [\t\n\f\r ], the space declareUTF8 skips before trying it.
var xmlEncoding = regexp.MustCompile(`^(\s*<\?xml[^>]*?encoding\s*=\s*)["'][^"']*["']`)

// declareUTF8 makes an XML declaration say UTF-8 once the text has been
// converted to it, so that an XML reader does not convert it again.
func declareUTF8(data []byte) []byte {
	head := firstBytes(data, 256)
	// Most files are not XML: tell them without running the expression.
	if !bytes.HasPrefix(bytes.TrimLeft(head, "\t\n\f\r "), []byte("<?xml")) {
		return data
	}
	loc := xmlEncoding.FindSubmatchIndex(head)
	if loc == nil {
		return data
	}
	out := make([]byte, 0, len(data))
	out = append(out, data[:loc[3]]...)
	out = append(out, `"UTF-8"`...)
	return append(out, data[loc[1]:]...)
}
