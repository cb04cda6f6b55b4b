package extract

import (
	"bytes"
	"encoding/binary"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/broadsheet/broadsheet/feed"
)

// Plain-text articles are whole web pages flattened to text: menus,
// share buttons, cookie notices and lists of other stories around the
// article, one block a line. Extraction here works on lines:
//
//  1. segment the text into lines, remembering which share a block;
//  2. classify each line as running text, furniture or short (headings,
//     captions, labels) from its length, its density of function words,
//     its punctuation and the general furniture patterns of
//     boilerplate.go;
//  3. take the densest region of running text as the article
//     (a maximum-sum run over line weights);
//  4. read the headline, byline and date from the lines just above it;
//  5. write the region as Markdown, keeping sub-headings, lists, quotes
//     and captions (once) and dropping the furniture inside it.

// lineClass is what a line looks like on its own.
type lineClass uint8

const (
	classShort lineClass = iota // too short to judge: headings, labels, captions
	classGood                   // running text
	classBad                    // page furniture
)

// textLine is one non-blank line of a plain-text page.
type textLine struct {
	text  string // whitespace folded
	lower string
	key   string // lower case without surrounding punctuation
	block int    // blocks are separated by blank lines
	words int
	stops int
	runes int // utf8.RuneCountInString(text)
	// lowerASCII reports whether text holds an ASCII lower-case letter,
	// and so is not all capitals.
	lowerASCII bool
	punct      punctSet // which of a few bytes lower holds
	end        bool     // ends as a sentence does
	// bullet reports whether the line began with a list mark, which
	// text has had removed.
	bullet bool
	class  lineClass
	marker bool // opens a list of other stories: "Related stories"
	credit bool // a photo credit on its own
	rep    int  // how many lines of the file have the same key
	// menu reports whether the line is a row of links flattened with
	// wide gaps or separators: "News  Sport  Weather", "Terms · Help".
	menu bool
	// cell reports whether the line is a cell of a flattened table.
	cell bool
	// spans are the words of lower, for the phrase searches.
	spans []wordSpan
	// memo and authorName cache the header tests of the line, which
	// are only asked once it is classified.
	memo       lineMemo
	authorName string
}

// extractTextFile reads a plain-text article scraped from a web page.
func extractTextFile(x *Extractor, src Source) ([]*feed.Article, []feed.Problem) {
	if !src.plain && looksBinary(src.Data) {
		return nil, []feed.Problem{{Path: src.Path, Reason: "binary data, not text"}}
	}
	// The lines share the file's bytes rather than a copy of them: the
	// data does not change while it is read, and finish copies whatever
	// the article keeps of it (see detach).
	sg := segmentPool.Get().(*segments)
	defer segmentPool.Put(sg)
	lines := sg.split(unsafe.String(unsafe.SliceData(src.Data), len(src.Data)))
	if len(lines) == 0 {
		return nil, []feed.Problem{{Path: src.Path, Reason: "empty file"}}
	}
	classifyLines(lines)
	markChrome(x, lines)
	start, end := denseRegion(lines)
	a := &feed.Article{Format: feed.FormatText}
	var inBody []bool
	if start < 0 {
		// No running text at all: keep what is not furniture.
		inBody = make([]bool, len(lines))
		var paras []string
		first := 0
		if len(lines) > 1 {
			if t := firstLineTitle(lines, 1); t != "" {
				a.Title, first = t, 1
			}
		}
		for i, l := range lines {
			if i >= first && l.class != classBad {
				paras = append(paras, escapeMarkdown(l.text))
				inBody[i] = true
			}
		}
		a.Body = strings.Join(paras, "\n\n")
	} else {
		if s, e, ok := datedListArticle(x, lines, start); ok {
			start, end = s, e
		}
		h := readHeader(x, lines, start)
		a.Title, a.Byline, a.Date, a.DateSource = h.title, tidyByline(h.byline), h.date, h.dateSource
		if h.skipTo > 0 {
			start = h.skipTo
		}
		if p := start - 1; p >= 0 && lines[start].bullet && lines[p].class == classShort && !lines[p].end &&
			lines[p].words <= 8 && lines[p].text != a.Title {
			start = p // the heading over the opening list: "Key events"
		}
		a.Body, inBody = writeBody(lines, start, end)
	}
	g := x.outletOf(lines, inBody)
	a.Outlet, a.OutletSource, a.URL = g.name, g.source, g.url
	if a.Outlet == "" {
		a.OutletSource = ""
	}
	return []*feed.Article{a}, nil
}

// looksBinary reports whether data is not text: it holds NUL bytes, or
// much of its start is not UTF-8 or is control characters.
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 8192)]
	bad := 0
	for len(head) > 0 {
		// Eight bytes at a time while they are all printable ASCII: no
		// byte has its top bit set, nor borrows when 0x20 is taken from it.
		for len(head) >= 8 {
			w := binary.LittleEndian.Uint64(head)
			if (w|(w-0x2020202020202020))&0x8080808080808080 != 0 {
				break
			}
			head = head[8:]
		}
		if len(head) == 0 {
			break
		}
		if c := head[0]; c >= 0x20 && c < utf8.RuneSelf {
			head = head[1:] // printable ASCII, the bulk of any text
			continue
		}
		r, n := utf8.DecodeRune(head)
		switch {
		case r == 0:
			return true
		case r == utf8.RuneError && n == 1, r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f':
			bad++
		}
		head = head[n:]
	}
	return bad*20 > min(len(data), 8192)
}

// invisible are characters scrapes carry that show nothing.
var invisible = strings.NewReplacer("\u200b", "", "\ufeff", "", "\u200c", "", "\u200d", "", "\u2060", "",
	"\u00a0", " ", "\u202f", " ", "\r\n", "\n", "\r", "\n")

// hasInvisible reports whether s holds any of what invisible replaces:
// a carriage return, or one of the spaces and invisible characters,
// which all start with byte 0xC2, 0xE2 or 0xEF. Each byte is looked for
// with strings.IndexByte, which reads many bytes at a time: a page is
// read four times over that way, faster than once a byte at a time.
func hasInvisible(s string) bool {
	if strings.IndexByte(s, '\r') >= 0 {
		return true
	}
	for _, lead := range [...]byte{0xC2, 0xE2, 0xEF} {
		for rest := s; ; rest = rest[1:] {
			k := strings.IndexByte(rest, lead)
			if k < 0 {
				break
			}
			rest = rest[k:]
			for _, old := range invisibleRunes {
				if strings.HasPrefix(rest, old) {
					return true
				}
			}
		}
	}
	return false
}

// invisibleRunes are the characters invisible replaces, past ASCII.
var invisibleRunes = [...]string{"\u200b", "\ufeff", "\u200c", "\u200d", "\u2060", "\u00a0", "\u202f"}

// segmentText splits a page into non-blank lines, numbering the blocks
// that blank lines separate and lifting list marks off list items. It
// also measures each line (see scanLine): the lower-case lines share one
// string, and their words one array.
func segmentText(s string) []*textLine {
	return new(segments).split(s)
}

// segments holds what segmentText makes, so that one page's can be used
// again for the next (see segmentPool).
type segments struct {
	all                 []textLine
	lower               []byte // the lines' lower case, one after the other
	spans               []wordSpan
	lowerEnds, spanEnds []int
	out                 []*textLine
}

// segmentPool keeps segments between pages: reading a page makes about
// four times its size of them, which would otherwise be garbage a
// moment later. The lines' text is the page's; their lower case is
// segments' own and is written over by the next page, so nothing an
// article keeps may be cut from it (see detach, which copies the fields
// that could be, and TestExtractSharesNoMemoryWithData).
var segmentPool = sync.Pool{New: func() any { return new(segments) }}

// split is segmentText, with the lines and words made in sg's memory:
// they are good until sg is used again.
func (sg *segments) split(s string) []*textLine {
	if hasInvisible(s) {
		s = invisible.Replace(s)
	}
	// The lines are allocated together: as many as there are, less
	// those that blank lines between paragraphs surely take.
	all := reuse(sg.all, strings.Count(s, "\n")+1-strings.Count(s, "\n\n"))
	buf := reuse(sg.lower, len(s))
	spans := reuse(sg.spans, len(s)/6+8) // words run about six bytes with their space
	// lowerEnds and spanEnds are where each line's lower case and words
	// end in buf and spans.
	lowerEnds, spanEnds := reuse(sg.lowerEnds, cap(all)), reuse(sg.spanEnds, cap(all))
	defer func() {
		sg.all, sg.lower, sg.spans, sg.lowerEnds, sg.spanEnds = all, buf, spans, lowerEnds, spanEnds
	}()
	block := 0
	blank := true
	for raw := range strings.SplitSeq(s, "\n") {
		if raw == "" {
			if !blank {
				block++
			}
			blank = true
			continue
		}
		// Most lines need neither folding nor a list mark lifted: they
		// are measured as they are.
		from, sfrom := len(buf), len(spans)
		if !mayHaveBullet(raw) {
			var st lineStats
			var ok bool
			buf, spans, st, ok = scanLine(buf, spans, raw)
			if ok && st.folded {
				l := textLine{text: raw, block: block, menu: st.sep && isMenuRow(raw)}
				l.setStats(st)
				all = append(all, l)
				lowerEnds, spanEnds = append(lowerEnds, len(buf)), append(spanEnds, len(spans))
				blank = false
				continue
			}
			buf, spans = buf[:from], spans[:sfrom]
		}
		t, sep := foldSpaceSep(raw)
		if t == "" {
			if !blank {
				block++
			}
			blank = true
			continue
		}
		blank = false
		// A line foldSpace left as it was holds no tab and no run of
		// spaces: only separators can make it a menu.
		menu := false
		if t != raw || sep {
			menu = isMenuRow(strings.TrimSpace(raw))
		}
		l := textLine{text: t, block: block, menu: menu}
		l.text, l.bullet = stripBullet(t)
		if l.text == "" {
			continue
		}
		var st lineStats
		var ok bool
		buf, spans, st, ok = scanLine(buf, spans, l.text)
		if !ok {
			// A letter beyond ASCII with a lower case of its own.
			buf = append(buf, strings.ToLower(l.text)...)
			spans, st.words, st.stops = scanWords(spans, string(buf[from:]))
			st.runes = utf8.RuneCountInString(l.text)
			st.lowerASCII = hasLowerASCII(l.text)
			st.punct = punctOf(string(buf[from:]))
		}
		l.setStats(st)
		all = append(all, l)
		lowerEnds, spanEnds = append(lowerEnds, len(buf)), append(spanEnds, len(spans))
	}
	// buf is not written again until sg is used again: the string
	// shares its bytes.
	lower := unsafe.String(unsafe.SliceData(buf), len(buf))
	out := reuse(sg.out, len(all))[:len(all)]
	sg.out = out
	from, sfrom := 0, 0
	for i := range all {
		l := &all[i]
		l.lower = lower[from:lowerEnds[i]]
		l.spans = spans[sfrom:spanEnds[i]:spanEnds[i]]
		from, sfrom = lowerEnds[i], spanEnds[i]
		out[i] = l
	}
	return out
}

// reuse returns s emptied, or a new slice when s cannot hold n.
func reuse[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, 0, n)
	}
	return s[:0]
}

// setStats records what scanLine measured of the line.
func (l *textLine) setStats(st lineStats) {
	l.words, l.stops, l.runes, l.lowerASCII, l.punct = st.words, st.stops, st.runes, st.lowerASCII, st.punct
}

// mayHaveBullet reports whether a line may start with a list mark that
// stripBullet lifts, or with white space.
func mayHaveBullet(raw string) bool {
	switch raw[0] {
	case '-', '*', 0xC2, 0xE2:
		_, ok := stripBullet(raw)
		return ok
	}
	return false
}

// foldSpace returns raw with its runs of white space made single
// spaces and its ends trimmed, as strings.Join(strings.Fields(raw), " ")
// does; most lines already are, and come back as they are.
func foldSpace(raw string) string {
	t, _ := foldSpaceSep(raw)
	return t
}

// foldSpaceSep is foldSpace that also reports, for a line it returns as
// it is, whether the line holds a separator of menu items: " | ", " · ",
// " • " or " / ", which isMenuRow counts.
func foldSpaceSep(raw string) (_ string, sep bool) {
	prevSpace := true // a space at the start is to be trimmed
	for i := 0; i < len(raw); {
		switch spaceClass[raw[i]] {
		case 0:
			// The bulk of a line: skip to the next space.
			i++
			for i < len(raw) && spaceClass[raw[i]] == 0 {
				i++
			}
			prevSpace = false
		case 1: // ' '
			if prevSpace {
				return strings.Join(strings.Fields(raw), " "), false
			}
			prevSpace = true
			if rest := raw[i+1:]; len(rest) >= 2 {
				switch rest[0] {
				case '|', '/':
					sep = sep || rest[1] == ' '
				case 0xC2, 0xE2:
					sep = sep || strings.HasPrefix(rest, "· ") || strings.HasPrefix(rest, "• ")
				}
			}
			i++
		default: // other white space, or the first byte of a rune that may be
			if raw[i] < utf8.RuneSelf {
				return strings.Join(strings.Fields(raw), " "), false
			}
			r, size := utf8.DecodeRuneInString(raw[i:])
			if unicode.IsSpace(r) {
				return strings.Join(strings.Fields(raw), " "), false
			}
			prevSpace = false
			i += size
		}
	}
	if prevSpace && raw != "" {
		return strings.Join(strings.Fields(raw), " "), false // a space at the end
	}
	return raw, sep
}

// spaceClass sorts bytes for foldSpaceSep: 1 for a space, 2 for other
// ASCII white space and for the first bytes of the runes beyond ASCII
// that are white space (U+0085 to U+3000), 0 for the rest.
var spaceClass = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		if unicode.IsSpace(rune(c)) {
			t[c] = 2
		}
	}
	t[' '] = 1
	// The white space past ASCII, from its table: asking IsSpace of
	// every rune took 3 ms of every start.
	mark := func(lo, hi, stride rune) {
		for r := lo; r <= hi; r += stride {
			if r >= utf8.RuneSelf && unicode.IsSpace(r) {
				var b [utf8.UTFMax]byte
				utf8.EncodeRune(b[:], r)
				t[b[0]] = 2
			}
		}
	}
	for _, rg := range unicode.White_Space.R16 {
		mark(rune(rg.Lo), rune(rg.Hi), rune(rg.Stride))
	}
	for _, rg := range unicode.White_Space.R32 {
		mark(rune(rg.Lo), rune(rg.Hi), rune(rg.Stride))
	}
	return t
}()

// asciiSpace reports which ASCII bytes are white space to unicode.IsSpace.
var asciiSpace = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = unicode.IsSpace(rune(c))
	}
	return t
}()

// markChrome marks as furniture the lines that carry a phrase the
// signature table knows as one outlet's page furniture.
func markChrome(x *Extractor, lines []*textLine) {
	if x.Signatures == nil {
		return
	}
	ix := x.Signatures.index()
	for _, l := range lines {
		if l.class == classBad || l.words > 60 {
			continue
		}
		ix.phrases.eachSpan(l.lower, l.spans, func(phrase, int) {
			l.class = classBad
			l.marker = l.marker || l.words <= 6
		})
	}
}

// menuGaps marks the gaps and separators between the items of a menu
// row with NUL bytes.
var menuGaps = strings.NewReplacer("  ", "\x00", "\t", "\x00", " | ", "\x00", " · ", "\x00",
	" • ", "\x00", " / ", "\x00")

// isMenuRow reports whether a raw line is several short items set apart
// by runs of spaces, tabs or separators, as menus are when flattened.
func isMenuRow(raw string) bool {
	if !mayHaveGaps(raw) {
		return false
	}
	gaps := strings.Count(raw, "  ") + strings.Count(raw, "\t")
	seps := strings.Count(raw, " | ") + strings.Count(raw, " · ") + strings.Count(raw, " • ") + strings.Count(raw, " / ")
	if gaps+seps < 2 && !(gaps+seps == 1 && len(strings.Fields(raw)) <= 8) {
		return false
	}
	// Items are short: few words between the gaps.
	items := strings.FieldsFunc(menuGaps.Replace(raw), func(r rune) bool { return r == 0 })
	if len(items) < 2 {
		return false
	}
	for _, it := range items {
		if len(strings.Fields(it)) > 6 || endsSentence(strings.TrimSpace(it)) && len(strings.Fields(it)) > 3 {
			return false
		}
	}
	return true
}

// mayHaveGaps reports whether raw holds any of the gaps and separators
// isMenuRow counts: a tab, two spaces, " | ", " · ", " • " or " / ".
func mayHaveGaps(raw string) bool {
	for i := 0; i < len(raw); i++ {
		switch raw[i] {
		case '\t':
			return true
		case ' ':
			rest := raw[i+1:]
			if rest == "" {
				return false
			}
			switch rest[0] {
			case ' ':
				return true
			case '|', '/':
				if len(rest) > 1 && rest[1] == ' ' {
					return true
				}
			case 0xC2, 0xE2:
				if strings.HasPrefix(rest, "· ") || strings.HasPrefix(rest, "• ") {
					return true
				}
			}
		}
	}
	return false
}

// stripBullet removes a list mark from the start of a line.
func stripBullet(t string) (string, bool) {
	if t == "" {
		return t, false
	}
	switch t[0] {
	case '-', '*', 0xC2, 0xE2: // the first bytes of the marks
	default:
		return t, false
	}
	for _, m := range []string{"• ", "· ", "● ", "▪ ", "◦ ", "‣ ", "- ", "* ", "– "} {
		if strings.HasPrefix(t, m) {
			return strings.TrimSpace(t[len(m):]), true
		}
	}
	for _, m := range []string{"•", "●", "▪"} {
		if strings.HasPrefix(t, m) {
			return strings.TrimSpace(t[len(m):]), true
		}
	}
	return t, false
}

// classifyLines sorts every line, measured by segmentText, into a class.
func classifyLines(lines []*textLine) {
	count := lineCounts.Get().(map[string]int)
	defer func() {
		clear(count)
		lineCounts.Put(count)
	}()
	for _, l := range lines {
		l.key = lineKey(l.lower)
		count[l.key]++
		l.end = endsSentence(l.text) || noteAfterSentence(l.text) && !creditSuffix(l.lower)
	}
	for _, l := range lines {
		l.rep = count[l.key]
		l.class = classify(l)
	}
}

// noteAfterSentence reports whether a line is a sentence and a note of
// three words or more in brackets after it, as agencies close a story:
// "… runs until May. (Reporting by Ann Lee; Editing by Tom Hale)", not
// "Kick-off 4 p.m. (Radio)". A photo's credit there ("(Photo by Ann
// Lee)", "(Ann Lee/AP)") marks a caption instead (creditSuffix).
func noteAfterSentence(text string) bool {
	t := strings.TrimRight(text, " ")
	if !strings.HasSuffix(t, ")") {
		return false
	}
	open := strings.LastIndexByte(t, '(')
	return open > 0 && endsSentence(t[:open]) && countWords(t[:open]) >= 3 && countWords(t[open:]) >= 3
}

// lineCounts keeps classifyLines' maps between pages, emptied.
var lineCounts = sync.Pool{New: func() any { return make(map[string]int) }}

// lineStats is what scanLine measures of a line.
type lineStats struct {
	words, stops int  // as scanWords counts them
	runes        int  // utf8.RuneCountInString of the text
	lowerASCII   bool // whether the text holds an ASCII lower-case letter
	punct        punctSet
	// folded reports whether the text is as foldSpace leaves it: not
	// empty, its only white space single spaces between other bytes.
	folded bool
	// sep reports whether the text holds a separator of menu items, as
	// foldSpaceSep's does.
	sep bool
}

// punctSet records which of a few bytes a line holds, so that searches
// for phrases starting with them can be skipped.
type punctSet uint8

const (
	punctParen   punctSet = 1 << iota // '('
	punctBrace                        // '{'
	punctPercent                      // '%'
	punctC2                           // 0xC2, the first byte of "©" among others
)

// punctBits maps the bytes a punctSet records to their bits.
var punctBits = [utf8.RuneSelf]punctSet{'(': punctParen, '{': punctBrace, '%': punctPercent}

// punctOf returns the punctSet of s.
func punctOf(s string) punctSet {
	var p punctSet
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < utf8.RuneSelf {
			p |= punctBits[c]
		} else if c == 0xC2 {
			p |= punctC2
		}
	}
	return p
}

// hasLowerASCII reports whether s holds any of the bytes 'a' to 'z'.
func hasLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'a' <= s[i] && s[i] <= 'z' {
			return true
		}
	}
	return false
}

// scanLine reads a line's text once for what classifyLines needs: it
// appends its lower case to dst, as strings.ToLower gives it, and the word spans
// of that lower case to spans, as scanWords does, and measures it. When
// the text holds a letter beyond ASCII that has a lower case of its own,
// or bytes that are not UTF-8, it gives up: ok is false and dst and spans
// come back as they were.
func scanLine(dst []byte, spans []wordSpan, text string) (_ []byte, _ []wordSpan, st lineStats, ok bool) {
	base, nspans := len(dst), len(spans)
	// The text is copied as it is and lowered in place.
	dst = append(dst, text...)
	b := dst[base:]
	start, wstart := -1, -1 // where the span and the word being read began
	wapos := false          // whether the word holds an apostrophe
	h := fnvOffset
	extra := 0 // bytes beyond the first of multi-byte runes
	unfolded := len(b) == 0
	words, stops := 0, 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if asciiWord[c] {
				if start < 0 {
					start, h = i, fnvOffset
				}
				if wstart < 0 {
					wstart, wapos = i, false
				}
				// The rest of the run of ASCII letters and digits.
				for {
					if c-'A' < 26 {
						c += 'a' - 'A'
						b[i] = c
					} else if c-'a' < 26 {
						st.lowerASCII = true
					}
					h = (h ^ uint32(c)) * fnvPrime
					i++
					if i == len(b) {
						break
					}
					if c = b[i]; c >= utf8.RuneSelf || !asciiWord[c] {
						break
					}
				}
				continue
			}
			if start >= 0 {
				spans = append(spans, wordSpan{start: int32(start), end: int32(i), hash: h})
				start = -1
			}
			st.punct |= punctBits[c]
			if c == ' ' {
				switch {
				case i == 0 || i == len(b)-1 || b[i-1] == ' ':
					unfolded = true
				case len(b)-i >= 3:
					switch b[i+1] {
					case '|', '/':
						st.sep = st.sep || b[i+2] == ' '
					case 0xC2, 0xE2:
						rest := b[i+1:]
						st.sep = st.sep || bytes.HasPrefix(rest, []byte("· ")) || bytes.HasPrefix(rest, []byte("• "))
					}
				}
			} else if asciiSpace[c] {
				unfolded = true
			}
			if c == '\'' {
				if wstart < 0 {
					wstart = i
				}
				wapos = true
			} else if wstart >= 0 {
				words++
				if i-wstart <= maxStopWord && (wapos || stopTable.mayHave(h)) && isStopWord(b[wstart:i], h, wapos) {
					stops++
				}
				wstart = -1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return dst[:base], spans[:nspans], lineStats{}, false
		}
		if c == 0xC2 {
			st.punct |= punctC2
		}
		if unicode.IsSpace(r) {
			unfolded = true
		}
		if lr := unicode.ToLower(r); lr != r {
			// Lowered in place when it is as long: "É" to "é".
			if utf8.RuneLen(lr) != size {
				return dst[:base], spans[:nspans], lineStats{}, false
			}
			r = lr
			utf8.EncodeRune(b[i:], r)
		}
		extra += size - 1
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start, h = i, fnvOffset
			}
			for k := i; k < i+size; k++ {
				h = (h ^ uint32(b[k])) * fnvPrime
			}
			if wstart < 0 {
				wstart, wapos = i, false
			}
		} else {
			if start >= 0 {
				spans = append(spans, wordSpan{start: int32(start), end: int32(i), hash: h})
				start = -1
			}
			if r == '’' {
				if wstart < 0 {
					wstart = i
				}
				wapos = true
			} else if wstart >= 0 {
				words++
				if i-wstart <= maxStopWord && (wapos || stopTable.mayHave(h)) && isStopWord(b[wstart:i], h, wapos) {
					stops++
				}
				wstart = -1
			}
		}
		i += size
	}
	if start >= 0 {
		spans = append(spans, wordSpan{start: int32(start), end: int32(len(b)), hash: h})
	}
	if wstart >= 0 {
		words++
		if len(b)-wstart <= maxStopWord && (wapos || stopTable.mayHave(h)) && isStopWord(b[wstart:], h, wapos) {
			stops++
		}
	}
	st.words, st.stops = words, stops
	st.runes = len(b) - extra
	st.folded = !unfolded
	return dst, spans, st, true
}

// isStopWord reports whether word is a stop word. h is the hash of the
// span of letters and digits that ends the word, which is the hash of
// the word itself when it holds no apostrophe.
func isStopWord(word []byte, h uint32, apos bool) bool {
	if apos {
		h = fnvOffset
		for _, c := range word {
			h = (h ^ uint32(c)) * fnvPrime
		}
	}
	return stopTable.hasBytes(word, h)
}

// scanWords reads lower once for two kinds of word: it appends its runs
// of letters and digits to spans, for the phrase searches, and counts its
// words, where apostrophes join letters, and the function words among
// them. scanLine does the same and more for most lines.
func scanWords(spans []wordSpan, lower string) (_ []wordSpan, words, stops int) {
	start, wstart := -1, -1 // where the span and the word being read began
	h, wh := fnvOffset, fnvOffset
	for i := 0; i <= len(lower); {
		ld, apos := false, false
		size := 1
		if i < len(lower) {
			if c := lower[i]; c < utf8.RuneSelf {
				ld, apos = asciiWord[c], c == '\''
			} else {
				var r rune
				r, size = utf8.DecodeRuneInString(lower[i:])
				ld, apos = unicode.IsLetter(r) || unicode.IsDigit(r), r == '’'
			}
		}
		if ld {
			if start < 0 {
				start, h = i, fnvOffset
			}
			for k := i; k < i+size; k++ {
				h = (h ^ uint32(lower[k])) * fnvPrime
			}
		} else if start >= 0 {
			spans = append(spans, wordSpan{start: int32(start), end: int32(i), hash: h})
			start = -1
		}
		if ld || apos {
			if wstart < 0 {
				wstart, wh = i, fnvOffset
			}
			for k := i; k < i+size; k++ {
				wh = (wh ^ uint32(lower[k])) * fnvPrime
			}
		} else if wstart >= 0 {
			words++
			if i-wstart <= maxStopWord && stopTable.has(lower[wstart:i], wh) {
				stops++
			}
			wstart = -1
		}
		i += size
	}
	return spans, words, stops
}

// classify sorts one line. The thresholds follow jusText: running text
// is long and dense with function words; furniture matches a general
// pattern or is a short line with a furniture word in it.
func classify(l *textLine) lineClass {
	stopRatio := 0.0
	if l.words > 0 {
		stopRatio = float64(l.stops) / float64(l.words)
	}
	switch {
	case l.words == 0:
		return classBad
	case isChromeExact(l.key):
		l.marker = isEndMarker(l.key)
		return classBad
	case l.words <= 6 && isEndMarker(l.key):
		l.marker = true
		return classBad
	case l.iconRun(), l.punct&punctBrace != 0 && strings.Contains(l.lower, "{*"),
		l.punct&punctPercent != 0 && strings.Contains(l.lower, "%2f"):
		return classBad
	case l.menu && !l.end, isControlRun(l.text):
		return classBad
	case strings.HasPrefix(l.text, "»"), strings.HasPrefix(l.text, "›"), strings.HasPrefix(l.text, "→"),
		strings.HasPrefix(l.text, "►"), strings.HasPrefix(l.text, "▸"):
		return classBad // a link with an arrow
	}
	switch {
	case isCredit(l.text, l.lower, l.runes):
		l.credit = true
		return classBad
	case isTimestampOnly(l.lower), isGalleryLabel(l.lower):
		return classBad
	case l.words >= 8 && !l.end && !l.lowerASCII && l.text == strings.ToUpper(l.text) && l.text != l.lower:
		return classBad // a link shouting at the reader: "READ MORE ON ... BY CLICKING HERE"
	}
	markers := l.markers()
	if markers > 0 {
		social := countSocial(l.lower)
		if social >= 3 && l.words < 20 {
			return classBad // "Follow us on Instagram, Facebook and YouTube."
		}
		if markers == social && l.words >= 6 {
			markers = 0 // a sentence may name a network; a button names only that
		}
	}
	// Running text ends as a sentence does, or goes on long enough that
	// it cannot be a headline.
	endish := l.end || strings.HasSuffix(l.text, ":") || l.words >= 25 || l.bullet && l.words >= 20
	running := endish && l.words >= 10 && len(l.text) >= 60 && l.runes >= 60 && (stopRatio >= 0.18 || l.end && l.words >= 12 && stopRatio > 0.05)
	if markers > 0 {
		// A furniture word in a short line or a line of little running
		// text marks it; long sentences may mention "Twitter" freely.
		switch {
		case markers >= 4, markers >= 3 && stopRatio < 0.45:
			return classBad
		case !running && !(l.end && l.words >= 6 && stopRatio >= 0.25):
			return classBad
		case l.words < 25 && markers >= 2:
			return classBad
		}
	}
	if running {
		if strong := countStrongMarkers(l.lower); strong > 0 && l.words < 35 || strong >= 2 {
			return classBad // "No spam, we promise. You can unsubscribe at any time."
		}
	}
	if running && !titleCaseRun(l.text, stopRatio) {
		return classGood
	}
	if l.words > 25 && stopRatio < 0.1 && !l.end {
		return classBad // a menu or a list of tags run together
	}
	return classShort
}

// titleCaseRun reports whether a long line is a run of capitalised
// labels, as menus flattened to one line are.
func titleCaseRun(text string, stopRatio float64) bool {
	if stopRatio >= 0.2 {
		return false
	}
	words, caps := 0, 0
	for w := range strings.FieldsSeq(text) {
		words++
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return words > 0 && caps*10 >= words*7 && !endsSentence(text)
}
