package search

import (
	"bytes"
	"slices"
)

// opaque reports whether a file's raw bytes may spell a word otherwise
// than its extracted text does, in a way folding cannot see: compressed
// or UTF-16 data, escape sequences that sanitizing removes from inside
// words, character references (&eacute;, &#233;), \u escapes, and
// quoted-printable or base64 MIME parts. The
// prefilter lets such a file through rather than guess.
func opaque(data []byte) bool {
	// NUL (UTF-16, binary), ESC (escape sequences), 0x1f (gzip's magic
	// number), and bytes UTF-8 never holds (0xfe, 0xff: UTF-16's byte
	// order marks).
	for _, c := range []byte{0x00, 0x1b, 0x1f, 0xfe, 0xff} {
		if bytes.IndexByte(data, c) >= 0 {
			return true
		}
	}
	if hiddenRunes(data) || references(data) || escapes(data) {
		return true
	}
	// Quoted-printable soft line breaks, and MIME parts in base64.
	if bytes.Contains(data, []byte("=\n")) || bytes.Contains(data, []byte("=\r\n")) {
		return true
	}
	return mimeEncoded(data[:min(len(data), 8192)])
}

// mimeEncoded reports whether head names a Content-Transfer-Encoding, in
// any case. It looks at each hyphen, far rarer in text than the c that
// begins the name.
func mimeEncoded(head []byte) bool {
	const name = "content-transfer-encoding"
	const at = len("content") // where the first hyphen is
	for i := at; i+len(name)-at <= len(head); {
		j := bytes.IndexByte(head[i:len(head)-(len(name)-at)+1], '-')
		if j < 0 {
			return false
		}
		start := i + j - at
		if bytes.EqualFold(head[start:start+len(name)], []byte(name)) {
			return true
		}
		i += j + 1
	}
	return false
}

// hiddenRunes reports whether data holds a C1 control (U+0080–U+009F),
// some of which start escape sequences that sanitizing removes whole.
func hiddenRunes(data []byte) bool {
	for i := 0; i < len(data); i++ {
		j := bytes.IndexByte(data[i:], 0xc2)
		if j < 0 {
			return false
		}
		i += j
		if i+1 < len(data) && data[i+1] >= 0x80 && data[i+1] <= 0x9f {
			return true
		}
	}
	return false
}

// plainEntities are the character references that stand for no letter.
var plainEntities = []string{"amp", "lt", "gt", "quot", "apos", "nbsp"}

// references reports whether data holds a character reference that may
// stand for a letter: a numeric one, or a named one other than those of
// markup characters and spaces.
func references(data []byte) bool {
	for i := 0; i < len(data); i++ {
		j := bytes.IndexByte(data[i:], '&')
		if j < 0 {
			return false
		}
		i += j + 1
		if i < len(data) && data[i] == '#' {
			return true
		}
		k := i
		for k < len(data) && k-i < 32 && isASCIILetter(data[k]) {
			k++
		}
		if k > i && k < len(data) && data[k] == ';' && !slices.Contains(plainEntities, string(data[i:k])) {
			return true
		}
	}
	return false
}

// escapes reports whether data holds a \u or \x escape, as JSON and
// some scrapers write letters.
func escapes(data []byte) bool {
	for i := 0; i < len(data); i++ {
		j := bytes.IndexByte(data[i:], '\\')
		if j < 0 {
			return false
		}
		i += j + 1
		if i < len(data) && (data[i] == 'u' || data[i] == 'U' || data[i] == 'x') {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// markup reports whether data may hold tags, which can split a word in
// its raw bytes (a drop capital: <span>S</span>eventeen). Markdown
// emphasis needs no such care: the index reads **S**eventeen as two
// words too.
func markup(data []byte) bool {
	return bytes.IndexByte(data, '<') >= 0
}

// unmarked appends data to dst without its tags, so that words they
// split are whole again. Words on either side of a tag run together,
// which only lets more files through.
func unmarked(dst, data []byte) []byte {
	for len(data) > 0 {
		i := bytes.IndexByte(data, '<')
		if i < 0 {
			return append(dst, data...)
		}
		dst = append(dst, data[:i]...)
		data = data[i:]
		if data[0] == '<' && len(data) > 1 && (isASCIILetter(data[1]) || data[1] == '/' || data[1] == '!' || data[1] == '?') {
			if end := bytes.IndexByte(data, '>'); end > 0 {
				data = data[end+1:]
				continue
			}
		}
		if data[0] == '<' {
			dst = append(dst, '<')
		}
		data = data[1:]
	}
	return dst
}
