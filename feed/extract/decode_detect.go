package extract

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// xmlDeclaredName matches the encoding an XML declaration names.
var xmlDeclaredName = regexp.MustCompile(`^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']`)

// xmlDeclaredEncoding returns the encoding an XML document declares, or
// nil when it declares none, or one that is not known or not a legacy
// encoding: text that is not valid UTF-8 cannot be in UTF-8 or UTF-16
// (which would have a byte-order mark) whatever it says.
func xmlDeclaredEncoding(data []byte) encoding.Encoding {
	m := xmlDeclaredName.FindSubmatch(firstBytes(data, 256))
	if m == nil {
		return nil
	}
	enc, name := charset.Lookup(string(m[1]))
	if enc == nil || enc == encoding.Nop || enc == unicode.UTF8 || strings.HasPrefix(name, "utf-") {
		return nil
	}
	return enc
}

// Thresholds for trusting the detector. Its confidence runs from 0 to
// 100; on a few hundred bytes of news it gives a single-byte encoding of
// the right language 30 to 65, Windows-1252 or Latin-1 text its own
// encoding 45 to 98, and multi-byte encodings over 90.
const (
	// minConfidence is the least confidence a detected encoding needs.
	minConfidence = 30
	// minLeadOverLatin1 is how far a detected encoding must lead the best
	// Latin-1 reading: letters of Central European text read either way,
	// and the fallback, Windows-1252, must win a close call.
	minLeadOverLatin1 = 10
)

// detectEncoding guesses the legacy encoding of text that declares none,
// and returns Windows-1252, the usual one, unless the detector is
// confident of another.
func detectEncoding(data []byte) encoding.Encoding {
	results, err := chardet.NewTextDetector().DetectAll(firstBytes(data, 64<<10))
	if err != nil || len(results) == 0 {
		return charmap.Windows1252
	}
	best := results[0]
	if isLatin1(best.Charset) || best.Confidence < minConfidence {
		return charmap.Windows1252
	}
	for _, r := range results[1:] {
		if isLatin1(r.Charset) && best.Confidence-r.Confidence < minLeadOverLatin1 {
			return charmap.Windows1252
		}
	}
	enc, _ := charset.Lookup(windowsVariant(best.Charset, data))
	if enc == nil || enc == encoding.Nop || enc == unicode.UTF8 {
		return charmap.Windows1252
	}
	return enc
}

// isLatin1 reports whether a detected charset is Windows-1252 or one it
// extends.
func isLatin1(name string) bool {
	switch strings.ToLower(name) {
	case "iso-8859-1", "windows-1252", "us-ascii", "iso-8859-15":
		return true
	}
	return false
}

// windowsVariants are the Windows code pages that extend an ISO 8859
// encoding with letters and punctuation in bytes 0x80 to 0x9F, which are
// control codes in the ISO encoding and so never in its text.
var windowsVariants = map[string]string{
	"iso-8859-2": "windows-1250",
	"iso-8859-7": "windows-1253",
	"iso-8859-9": "windows-1254",
}

// windowsVariant returns the Windows variant of a detected ISO 8859
// encoding when data uses the bytes only the variant gives letters to.
func windowsVariant(name string, data []byte) string {
	w, ok := windowsVariants[strings.ToLower(name)]
	if !ok {
		return name
	}
	if !hasC1(data) {
		return name
	}
	return w
}

// hasC1 reports whether data holds a byte from 0x80 to 0x9F.
func hasC1(data []byte) bool {
	for _, c := range data {
		if c >= 0x80 && c <= 0x9f {
			return true
		}
	}
	return false
}

// declaresCharset reports whether the start of an HTML page, where
// charset.DetermineEncoding looks, names a charset: it reports one it
// found there as no more certain than its fallback.
func declaresCharset(data []byte) bool {
	return bytes.Contains(bytes.ToLower(firstBytes(data, 1024)), []byte("charset"))
}
