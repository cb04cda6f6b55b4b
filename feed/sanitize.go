package feed

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed/internal/escape"
)

// Text read from files reaches a terminal, so nothing in it may act as a
// control code there. Sanitize and SanitizeText make text safe to print:
//
//   - Escape sequences are removed whole, introducer to final byte: CSI
//     (ESC [ … and the 8-bit U+009B …), OSC, DCS, SOS, PM and APC strings
//     up to BEL or ST (ESC \ or U+009C), and the short ESC sequences. A
//     string sequence with no terminator runs to the end of its line. What
//     an escape sequence carries is never text, so none of it is shown.
//   - Bidirectional embeddings, overrides and isolates (U+202A–U+202E,
//     U+2066–U+2069) and invisible format characters (zero-width space,
//     word joiner, byte order mark, tag characters outside an emoji flag,
//     …) are removed: their only effect is to reorder or hide text, and
//     without them the text reads in its stored order.
//   - NUL is removed. Every other control character (C0, DEL, C1) is
//     replaced with U+FFFD, the replacement character, so a reader sees
//     that something was there; so is each byte of invalid UTF-8.
//   - Tabs become spaces. Line ends (CR LF, CR, NEL, U+2028, U+2029, VT,
//     FF) become spaces in a single-line field and "\n" in a body.
//   - Articles are shown through a Markdown renderer, which turns numeric
//     character references such as "&#x1b;" (and, as Goldmark reads them,
//     octal ones such as "&#033;") into the characters they name. A
//     reference to a control character or a bidi control is replaced
//     with U+FFFD.
//
// Combining marks past maxMarks on one character are dropped too: a
// "Zalgo" pile of hundreds spills over the lines above and below it.
//
// Everything else, letters of every script (right-to-left ones too),
// emoji with their joiners and variation selectors, and the directional
// marks LRM, RLM and ALM that right-to-left text needs, is kept. Both
// functions run in one pass, linear in the length of the text, and are
// idempotent.

// Sanitize returns s made safe to print on one line of a terminal: titles,
// outlets, bylines, leads, URLs and reasons.
func Sanitize(s string) string { return sanitize(s, false) }

// SanitizeText returns s made safe to print on a terminal, keeping its
// line breaks as "\n": article bodies.
func SanitizeText(s string) string { return sanitize(s, true) }

// SanitizeLine is Sanitize for text drawn in a column of its own, as the
// reader draws headlines, outlets and search queries: each run of
// spaces, which is what line ends and tabs become, is one space.
func SanitizeLine(s string) string {
	s = Sanitize(s)
	if !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' || i == 0 || s[i-1] != ' ' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// SanitizePath returns a file path made safe to print. Unlike Sanitize it
// hides nothing: each control or format character and each byte of
// invalid UTF-8 is shown as a Go-style escape (\x1b, \u202e), so the
// name can still be recognised and found.
func SanitizePath(p string) string {
	if isSafePath(p) {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, p[i])
		case r < 0x100 && isControl(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case isFormat(r) || r == '\u2028' || r == '\u2029':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(p[i : i+n])
		}
		i += n
	}
	return b.String()
}

func isSafePath(p string) bool {
	for i := 0; i < len(p); {
		// Printable ASCII, eight bytes at a time: a second start asks
		// this of every path it lists (3% of `list`'s CPU, rune by rune).
		for i+8 <= len(p) && escape.PlainASCII8(p[i:i+8]) {
			i += 8
		}
		if i == len(p) {
			break
		}
		if c := p[i]; c < utf8.RuneSelf {
			if isControl(rune(c)) {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(p[i:])
		if r == utf8.RuneError && n == 1 || isControl(r) || isFormat(r) || r == '\u2028' || r == '\u2029' {
			return false
		}
		i += n
	}
	return true
}

const (
	esc = 0x1b
	bel = 0x07

	c1DCS = '\u0090'
	c1SOS = '\u0098'
	c1CSI = '\u009b'
	c1ST  = '\u009c'
	c1OSC = '\u009d'
	c1PM  = '\u009e'
	c1APC = '\u009f'
	c1NEL = '\u0085'

	blackFlag = '\U0001F3F4'
	tagCancel = '\U000E007F'

	// maxMarks is the most combining marks kept on one character; no
	// script needs more than a few.
	maxMarks = 8
)

func sanitize(s string, multiline bool) string {
	p := plainPrefix(s, multiline)
	if p == len(s) {
		return breakRefs(s)
	}
	// Copy the plain start whole and go on rune by rune from its last
	// ASCII byte, where no emoji tag sequence or run of marks is open.
	for p > 0 && s[p-1] >= utf8.RuneSelf {
		p--
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:p])
	newline := func() {
		if multiline {
			b.WriteByte('\n')
		} else {
			b.WriteByte(' ')
		}
	}
	var last rune // the last rune written, for emoji tag sequences
	if p > 0 {
		last = rune(s[p-1])
	}
	marks := 0 // combining marks written since the last other rune
	for i := p; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == esc:
			i = escape.Skip(s, i+1)
			continue
		case r == c1CSI:
			i = escape.SkipCSI(s, i+n)
			continue
		case r == c1OSC || r == c1DCS || r == c1SOS || r == c1PM || r == c1APC:
			i = escape.SkipString(s, i+n)
			continue
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				n++
			}
			newline()
			last = '\n'
		case r == '\n' || r == '\v' || r == '\f' || r == c1NEL || r == '\u2028' || r == '\u2029':
			newline()
			last = '\n'
		case r == '\t':
			b.WriteByte(' ')
			last = ' '
		case r == 0:
			// NUL is padding, never text: drop it.
			i += n
			continue
		case r == utf8.RuneError && n == 1, isControl(r):
			b.WriteRune(utf8.RuneError)
			last = utf8.RuneError
		case isTag(r):
			end := i
			for end < len(s) {
				t, m := utf8.DecodeRuneInString(s[end:])
				if !isTag(t) {
					break
				}
				end += m
			}
			if last == blackFlag && emojiTagRun(s[i:end]) {
				b.WriteString(s[i:end])
				last = tagCancel
			}
			i = end
			continue
		case isFormat(r):
			// Invisible: its only effect is to reorder or hide text.
			i += n
			continue
		case r >= 0x300 && unicode.In(r, unicode.Mn, unicode.Me):
			if marks < maxMarks {
				b.WriteString(s[i : i+n])
				last = r
			}
			marks++
			i += n
			continue
		default:
			b.WriteString(s[i : i+n])
			last = r
		}
		marks = 0
		i += n
	}
	// References are broken last: removing a sequence can join the parts
	// of one, as in "&#" ESC "[m27;".
	return breakRefs(b.String())
}

// breakRefs replaces each character reference in s that names a
// character a terminal acts on (a control character or a bidi control)
// with U+FFFD, and removes each one that names an invisible character
// (see isFormat and isTag), as Sanitize removes the characters
// themselves. Goldmark turns numeric references and HTML5 named ones
// into the characters they name when an article is shown, so the text
// must hold no such reference. A removal that could join the text on
// either side into a new reference, as in "&#x2" + "&#x200b;" + "00b;",
// writes U+FFFD instead; so one pass is enough and the result holds no
// reference to break.
func breakRefs(s string) string {
	i := strings.IndexByte(s, '&')
	if i < 0 {
		return s
	}
	var b strings.Builder
	open := false // whether b ends in what could start a reference
	write := func(seg string) {
		b.WriteString(seg)
		for j := len(seg) - 1; j >= 0; j-- {
			if c := seg[j]; c == '&' || !refByte(c) {
				open = c == '&'
				return
			}
		}
	}
	done := 0
	for i >= 0 {
		end, kind := charRef(s[i:])
		if kind != refNone {
			if done == 0 {
				b.Grow(len(s))
			}
			write(s[done:i])
			if kind == refUnsafe || open {
				b.WriteRune(utf8.RuneError)
				open = false
			}
			done = i + end
		}
		next := strings.IndexByte(s[i+1:], '&')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// refByte reports whether c may follow "&" in a character reference.
func refByte(c byte) bool {
	return c == '#' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// What a character reference names, as breakRefs treats it.
const (
	refNone      = iota // no reference, or one to a character kept
	refUnsafe           // a control or bidi control: replaced with U+FFFD
	refInvisible        // an invisible character: removed
)

// invisibleNames are the HTML5 named character references to characters
// Sanitize removes: zero-width space (U+200B, under five names), word
// joiner (U+2060) and the invisible mathematical operators (U+2061–
// U+2063). The names of the characters text needs (&shy;, &zwj;, &zwnj;,
// &lrm;, &rlm;) are not among them, nor are &Tab; and &NewLine;, which
// name the only control characters with names.
var invisibleNames = map[string]bool{
	"ZeroWidthSpace": true, "NegativeVeryThinSpace": true, "NegativeThinSpace": true,
	"NegativeMediumSpace": true, "NegativeThickSpace": true, "NoBreak": true,
	"ApplyFunction": true, "af": true, "InvisibleTimes": true, "it": true,
	"InvisibleComma": true, "ic": true,
}

// charRef reads the character reference at the start of s ("&" already
// seen) as Goldmark does, returning its length and what it names.
func charRef(s string) (n int, kind int) {
	if len(s) > 1 && s[1] == '#' {
		return numericRef(s)
	}
	i := 1
	for i < len(s) && i <= 32 && refByte(s[i]) && s[i] != '#' {
		i++
	}
	if i == 1 || i >= len(s) || s[i] != ';' || !invisibleNames[s[1:i]] {
		return 0, refNone
	}
	return i + 1, refInvisible
}

// numericRef reads the numeric character reference at the start of s
// ("&#" already seen) as Goldmark does, returning its length and what
// it names.
func numericRef(s string) (n int, kind int) {
	i := 2
	hex := i < len(s) && (s[i] == 'x' || s[i] == 'X')
	if hex {
		i++
	}
	start := i
	var v, octal uint64
	isOctal := !hex && i < len(s) && s[i] == '0'
	for ; i < len(s); i++ {
		d, ok := digit(s[i], hex)
		if !ok {
			break
		}
		if hex {
			v = min(v*16+d, 1<<32)
		} else {
			v = min(v*10+d, 1<<32)
			isOctal = isOctal && d < 8
			octal = min(octal*8+d, 1<<32)
		}
	}
	if i == start || i >= len(s) || s[i] != ';' || !hex && i-start > 7 {
		return 0, refNone
	}
	kindOf := func(v uint64) int {
		r := rune(v)
		switch {
		case v > 0x10ffff || r == '\t' || r == '\n' || r == 0:
			return refNone
		case isControl(r) || isBidiControl(r) || r == '\u2028' || r == '\u2029':
			return refUnsafe
		case isFormat(r) || isTag(r):
			return refInvisible
		}
		return refNone
	}
	kind = kindOf(v)
	if isOctal && kind != refUnsafe {
		// Goldmark reads a leading zero as octal, where others read
		// decimal: the worse reading counts.
		if k := kindOf(octal); k != refNone {
			kind = k
		}
	}
	return i + 1, kind
}

// digit returns the value of a decimal or hexadecimal digit.
func digit(c byte, hex bool) (uint64, bool) {
	switch {
	case c >= '0' && c <= '9':
		return uint64(c - '0'), true
	case hex && c >= 'a' && c <= 'f':
		return uint64(c-'a') + 10, true
	case hex && c >= 'A' && c <= 'F':
		return uint64(c-'A') + 10, true
	}
	return 0, false
}

// isBidiControl reports whether r is a bidirectional embedding, override
// or isolate, which reorders the text around it.
func isBidiControl(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// plainPrefix returns the length of the longest start of s that
// sanitize leaves as it is, so that the common case, clean text, is
// checked in one pass and allocates nothing. ASCII is checked eight
// bytes at a time.
func plainPrefix(s string, multiline bool) int {
	marks := 0 // combining marks since the last other rune
	i := 0
	for i < len(s) {
		for i+8 <= len(s) && escape.PlainASCII8(s[i:i+8]) {
			i += 8
			marks = 0
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && !(multiline && c == '\n') || c == 0x7f {
				return i
			}
			marks = 0
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch keptRune(r, n) {
		case keptNo:
			return i
		case keptMark:
			if marks++; marks > maxMarks {
				return i
			}
		default:
			marks = 0
		}
		i += n
	}
	return len(s)
}

// How sanitize treats a non-ASCII rune that needs no escape handling.
const (
	keptNo   = iota // changed or removed
	keptAsIs        // written as it is
	keptMark        // a combining mark, written while few
)

// keptRune reports how sanitize treats the non-ASCII rune r, decoded
// from n bytes, when it is not part of an escape sequence.
func keptRune(r rune, n int) int {
	switch {
	case r >= 0xa0 && r < 0x300 || r >= 0x2010 && r < 0x2028:
		// Latin letters and the common dashes and quotes: the only format
		// character among them, the soft hyphen, is kept.
		return keptAsIs
	case r == utf8.RuneError && n == 1, r < 0xa0, r == '\u2028', r == '\u2029', isTag(r), isFormat(r):
		return keptNo
	case unicode.In(r, unicode.Mn, unicode.Me):
		return keptMark
	}
	return keptAsIs
}

// isControl reports whether r is a C0 or C1 control character or DEL.
func isControl(r rune) bool {
	return r < 0x20 || r >= 0x7f && r < 0xa0
}

// isTag reports whether r is a Unicode tag character, invisible except as
// part of an emoji flag such as England's.
func isTag(r rune) bool { return r >= 0xe0000 && r <= 0xe007f }

// emojiTagRun reports whether run, a string of tag characters following a
// black flag, spells a subdivision flag: tag letters ended by CANCEL TAG.
func emojiTagRun(run string) bool {
	n := 0
	for i, r := range run {
		if r == tagCancel {
			return i == len(run)-utf8.RuneLen(r) && n > 0
		}
		if r < 0xe0020 || r > 0xe007e {
			return false
		}
		if n++; n > 16 {
			return false
		}
	}
	return false
}

// isFormat reports whether r is an invisible format character that
// Sanitize removes: bidirectional embeddings, overrides and isolates, and
// the Cf characters other than those text needs (soft hyphen, the
// zero-width joiners of emoji and Indic scripts, and the directional
// marks of right-to-left text).
func isFormat(r rune) bool {
	switch r {
	case '\u00ad', // soft hyphen
		'\u200c', '\u200d', // zero-width non-joiner and joiner
		'\u200e', '\u200f', '\u061c': // LRM, RLM, ALM
		return false
	}
	return r >= 0x80 && unicode.Is(unicode.Cf, r)
}

// Safe returns the problem with its path and reason made safe to print.
func (p Problem) Safe() Problem {
	return Problem{Path: SanitizePath(p.Path), Reason: strings.TrimSpace(Sanitize(p.Reason))}
}

// Safe returns a copy of the article with every text field made safe to
// print, the body by SanitizeText and the rest by Sanitize. Extraction
// already cleans what it returns; output calls Safe as its last step all
// the same, so that text derived later, or read back from a cache or a
// file an older version wrote, reaches a terminal or a script clean.
func (a *Article) Safe() *Article {
	c := *a
	c.ID = Sanitize(a.ID)
	c.Path = SanitizePath(a.Path)
	c.Format = Format(Sanitize(string(a.Format)))
	c.Title = Sanitize(a.Title)
	c.Outlet = Sanitize(a.Outlet)
	c.OutletSource = Sanitize(a.OutletSource)
	c.Byline = Sanitize(a.Byline)
	c.URL = Sanitize(a.URL)
	c.Lead = Sanitize(a.Lead)
	c.Body = SanitizeText(a.Body)
	return &c
}

// SanitizeStyled returns s, text this program styled for a terminal (a
// Markdown renderer's output), with only its own styling kept: SGR
// sequences (colours and emphasis: ESC "[", digits, ";" or ":", "m")
// and OSC 8 hyperlinks, whose addresses the renderer's caller has
// already checked. Every other escape sequence is removed, and the text
// between is made safe as SanitizeText makes it. It is the last step
// before styled output is written: a renderer turns character
// references into the characters they name, so what reaches it clean
// need not leave it clean.
func SanitizeStyled(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	text := 0 // the start of the text not yet written
	for i := 0; ; {
		j := strings.IndexByte(s[i:], esc)
		if j < 0 {
			break
		}
		i += j
		n := styleLen(s[i:])
		if n == 0 {
			i++ // not a style: SanitizeText removes it with the text
			continue
		}
		b.WriteString(SanitizeText(s[text:i]))
		b.WriteString(s[i : i+n])
		i += n
		text = i
	}
	b.WriteString(SanitizeText(s[text:]))
	return b.String()
}

// styleLen returns the length of the SGR sequence or OSC 8 hyperlink at
// the start of s, or 0 when s starts with neither.
func styleLen(s string) int {
	switch {
	case strings.HasPrefix(s, "\x1b["):
		for i := 2; i < len(s); i++ {
			switch c := s[i]; {
			case c == 'm':
				return i + 1
			case c >= '0' && c <= '9' || c == ';' || c == ':':
			default:
				return 0
			}
		}
	case strings.HasPrefix(s, "\x1b]8;"):
		for i := 4; i < len(s); i++ {
			switch c := s[i]; {
			case c == bel:
				return i + 1
			case c == esc:
				if i+1 < len(s) && s[i+1] == '\\' {
					return i + 2
				}
				return 0
			case c < 0x20 || c >= 0x7f:
				return 0
			}
		}
	}
	return 0
}
