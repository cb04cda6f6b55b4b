package extract

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// The fast paths of text extraction must give what the plain library
// calls they stand for give. appendLower, hasSeparator and countStops
// are earlier fast paths, kept here as references.

// appendLower appends strings.ToLower(s) to b, without the rune-by-rune
// rewrite when no letter beyond ASCII has a lower case of its own: most
// lines hold only ASCII letters and punctuation such as curly quotes.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || unicode.ToLower(r) != r {
			return append(b, strings.ToLower(s)...)
		}
		i += size
	}
	n := len(b)
	b = append(b, s...)
	for i := n; i < len(b); i++ {
		if c := b[i]; 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return b
}

// hasSeparator reports whether s holds one of the separators between
// menu items that isMenuRow counts: " | ", " · ", " • " or " / ".
func hasSeparator(s string) bool {
	return strings.Contains(s, " | ") || strings.Contains(s, " / ") || strings.Contains(s, " · ") ||
		strings.Contains(s, " • ")
}

// countStops returns the number of words in lower and how many of them
// are function words.
func countStops(lower string) (words, stops int) {
	_, words, stops = scanWords(nil, lower)
	return words, stops
}

// toLower returns strings.ToLower(s) by way of appendLower.
func toLower(s string) string {
	return string(appendLower(nil, s))
}

var fastPathCases = []struct{ name, text string }{
	{"empty", ""},
	{"plain", "The ferry crews will strike."},
	{"upper", "READ MORE ON THE FERRY STRIKE"},
	{"curly quotes", "“We will strike,” said Ana’s union."},
	{"accented capitals", "ÉTÉ À PARIS: Ünïcode"},
	{"spaces around", "  two  spaces\tand a tab  "},
	{"unicode space", "no\u2003break\u00a0here"},
	{"invalid utf-8", "bad \xff byte"},
	{"trailing space", "ends in a space "},
	{"carriage return", "line\r\nnext"},
	{"invisible", "zero\u200bwidth \ufeffmark"},
	{"menu", "News  Sport | Weather · Culture • Home / Tab\there"},
	{"separators", "a | b"},
	{"dot separator", "a · b"},
	{"bullet separator", "a • b"},
	{"slash", "either/or and a / b"},
	{"no gap", "a|b a·b “quoted”"},
}

func TestFoldSpace(t *testing.T) {
	for _, tt := range fastPathCases {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := foldSpace(tt.text), strings.Join(strings.Fields(tt.text), " "); got != want {
				t.Errorf("foldSpace(%q) = %q, want %q", tt.text, got, want)
			}
		})
	}
}

func TestToLower(t *testing.T) {
	for _, tt := range fastPathCases {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := toLower(tt.text), strings.ToLower(tt.text); got != want {
				t.Errorf("toLower(%q) = %q, want %q", tt.text, got, want)
			}
		})
	}
}

// countStopsPlain is countStops as first written, for comparison.
func countStopsPlain(lower string) (words, stops int) {
	start := -1
	for i, r := range lower + " " {
		w := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’'
		if w && start < 0 {
			start = i
		} else if !w && start >= 0 {
			words++
			if stopWords[lower[start:i]] {
				stops++
			}
			start = -1
		}
	}
	return words, stops
}

func FuzzTextFastPaths(f *testing.F) {
	for _, tt := range fastPathCases {
		f.Add(tt.text)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := foldSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("foldSpace(%q) = %q, want %q", s, got, want)
		}
		if got, want := toLower(s), strings.ToLower(s); got != want {
			t.Errorf("toLower(%q) = %q, want %q", s, got, want)
		}
		if !hasInvisible(s) && invisible.Replace(s) != s {
			t.Errorf("hasInvisible(%q) = false, but Replace changes it", s)
		}
		if mayHaveGaps(s) != isMenuRowPlain(s) {
			t.Errorf("mayHaveGaps(%q) = %v, want %v", s, mayHaveGaps(s), isMenuRowPlain(s))
		}
		if foldSpace(s) == s && hasSeparator(s) != mayHaveGaps(s) {
			t.Errorf("hasSeparator(%q) = %v, want %v for a folded line", s, hasSeparator(s), mayHaveGaps(s))
		}
		if f, sep := foldSpaceSep(s); f == s && sep != hasSeparator(s) {
			t.Errorf("foldSpaceSep(%q) separator = %v, want %v", s, sep, hasSeparator(s))
		}
		got, ok := stripBullet(s)
		if want, wantOK := stripBulletPlain(s); got != want || ok != wantOK {
			t.Errorf("stripBullet(%q) = %q, %v, want %q, %v", s, got, ok, want, wantOK)
		}
		var buf [4]wordSpan
		if got, _, _ := scanWords(buf[:0], s); !slices.Equal(got, appendWordSpans(nil, s)) {
			t.Errorf("scanWords(%q) spans = %v, want %v", s, got, appendWordSpans(nil, s))
		}
		checkScanLine(t, s)
		if got, want := hasNameBreaker(s), strings.ContainsAny(s, "0123456789:|/!?\"“”"); got != want {
			t.Errorf("hasNameBreaker(%q) = %v, want %v", s, got, want)
		}
		if w := strings.Trim(s, "()[]<>,;\"'"); looksLikeHost(w) && !mayBeHost(s) {
			t.Errorf("mayBeHost(%q) = false, but looksLikeHost(%q)", s, w)
		}
		if got, want := looksBinary([]byte(s)), looksBinaryPlain([]byte(s)); got != want {
			t.Errorf("looksBinary(%q) = %v, want %v", s, got, want)
		}
		if got, ok := parseDate(s, time.Time{}); true {
			want, wantOK := parseDatePlain(s)
			if ok != wantOK || !got.Equal(want) {
				t.Errorf("parseDate(%q) = %v, %v, want %v, %v", s, got, ok, want, wantOK)
			}
		}
		if got, want := nameKey(s), nameKeyPlain(s); got != want {
			t.Errorf("nameKey(%q) = %q, want %q", s, got, want)
		}
		if !hasNameKey(s, nameKeyPlain(s)) || !sameNameKey(s, s) {
			t.Errorf("hasNameKey(%q, its key) = false", s)
		}
		if got, want := isControlRun(s), isControlRunPlain(s); got != want {
			t.Errorf("isControlRun(%q) = %v, want %v", s, got, want)
		}
		w1, s1 := countStops(s)
		w2, s2 := countStopsPlain(s)
		if w1 != w2 || s1 != s2 {
			t.Errorf("countStops(%q) = %d, %d, want %d, %d", s, w1, s1, w2, s2)
		}
	})
}

// checkScanLine checks that scanLine, when it takes s, measures it as
// the separate passes do.
func checkScanLine(t *testing.T, s string) {
	t.Helper()
	pre := []byte("x")
	dst, spans, st, ok := scanLine(pre, []wordSpan{{1, 2, 3}}, s)
	if !ok {
		if len(dst) != 1 || len(spans) != 1 {
			t.Errorf("scanLine(%q) gave up but changed dst or spans", s)
		}
		if isASCIIOrCaseless(s) {
			t.Errorf("scanLine(%q) gave up on a text it can take", s)
		}
		return
	}
	lower := strings.ToLower(s)
	if string(dst[1:]) != lower {
		t.Errorf("scanLine(%q) lower = %q, want %q", s, dst[1:], lower)
	}
	if want := appendWordSpans(nil, lower); !slices.Equal(spans[1:], want) {
		t.Errorf("scanLine(%q) spans = %v, want %v", s, spans[1:], want)
	}
	w, sw := countStopsPlain(lower)
	if st.words != w || st.stops != sw {
		t.Errorf("scanLine(%q) words, stops = %d, %d, want %d, %d", s, st.words, st.stops, w, sw)
	}
	if n := utf8.RuneCountInString(s); st.runes != n {
		t.Errorf("scanLine(%q) runes = %d, want %d", s, st.runes, n)
	}
	if st.lowerASCII != strings.ContainsAny(s, "abcdefghijklmnopqrstuvwxyz") {
		t.Errorf("scanLine(%q) lowerASCII = %v", s, st.lowerASCII)
	}
	if want := s != "" && foldSpace(s) == s; st.folded != want {
		t.Errorf("scanLine(%q) folded = %v, want %v", s, st.folded, want)
	}
	if st.folded && st.sep != hasSeparator(s) {
		t.Errorf("scanLine(%q) sep = %v, want %v", s, st.sep, hasSeparator(s))
	}
	if p := punctOf(lower); st.punct != p {
		t.Errorf("scanLine(%q) punct = %b, want %b", s, st.punct, p)
	}
}

func TestPunctSet(t *testing.T) {
	for _, m := range punctMarkers {
		if punctOf(m[:1])&(punctParen|punctBrace|punctPercent|punctC2) == 0 {
			t.Errorf("punctuation marker %q starts with a byte punctSet does not record", m)
		}
	}
}

// isASCIIOrCaseless reports whether s is valid UTF-8 whose letters
// beyond ASCII have lower cases as long as they are.
func isASCIIOrCaseless(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r >= utf8.RuneSelf && utf8.RuneLen(unicode.ToLower(r)) != utf8.RuneLen(r) {
			return false
		}
	}
	return true
}

func TestScanLine(t *testing.T) {
	cases := append(fastPathCases, []struct{ name, text string }{
		{"apostrophes", "It's the children’s ’tis don't 'quoted' the'"},
		{"stop words", "The cat and the hat of THE town"},
		{"long words", "Extraordinarily unbelievable throughput"},
		{"digits", "On 19 June 2024 at 5pm"},
	}...)
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) { checkScanLine(t, tt.text) })
	}
}

// isControlRunPlain is isControlRun as first written.
func isControlRunPlain(text string) bool {
	if strings.Count(text, ". ") < 2 {
		return false
	}
	n := 0
	for _, w := range controlWords {
		if strings.HasPrefix(text, w) || strings.Contains(text, ". "+w) || strings.Contains(text, ": "+w) {
			n++
		}
	}
	if n < 3 {
		return false
	}
	stops := strings.Count(text, ". ") + 1
	return len(strings.Fields(text)) <= 12*stops
}

func TestIsControlRun(t *testing.T) {
	for _, s := range []string{
		"Share A curved arrow leaving a box. Listen A pair of headphones. Text size Two letter As, one larger.",
		"Share. Print: Email. Done.",
		"Email me. Share: it. Twitter. X marks. Nothing.",
		"The ferry crews will strike. Share prices fell. Print runs stopped.",
		"Two sentences. No controls. At all.",
		"Share. Save. Print",
	} {
		if got, want := isControlRun(s), isControlRunPlain(s); got != want {
			t.Errorf("isControlRun(%q) = %v, want %v", s, got, want)
		}
	}
}

// stripBulletPlain is stripBullet without its quick test.
func stripBulletPlain(t string) (string, bool) {
	for _, m := range []string{"• ", "· ", "● ", "▪ ", "◦ ", "‣ ", "- ", "* ", "– ", "•", "●", "▪"} {
		if strings.HasPrefix(t, m) {
			return strings.TrimSpace(t[len(m):]), true
		}
	}
	return t, false
}

// nameKeyPlain is nameKey as first written.
func nameKeyPlain(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the ")
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestNameKey(t *testing.T) {
	for _, s := range []string{"", "The Harbour Gazette", "THE Times", "the", "The ", "Theatre Weekly", " the  BBC News ",
		"Le Monde", "ÉL PAÍS", "İstanbul Post", "\u212aelvin", "bad \xff name", "Die Zeit – Online"} {
		if got, want := nameKey(s), nameKeyPlain(s); got != want {
			t.Errorf("nameKey(%q) = %q, want %q", s, got, want)
		}
		if !hasNameKey(s, nameKeyPlain(s)) {
			t.Errorf("hasNameKey(%q, %q) = false", s, nameKeyPlain(s))
		}
		if k := nameKeyPlain(s); k != "" && hasNameKey(s, k[1:]) {
			t.Errorf("hasNameKey(%q, %q) = true", s, k[1:])
		}
	}
}

// parseDatePlain is parseDate as first written, without its quick
// tests.
func parseDatePlain(s string) (time.Time, bool) {
	if !strings.ContainsAny(s, "0123456789") {
		return time.Time{}, false
	}
	if m := isoDate.FindStringSubmatch(s); m != nil {
		if t, ok := mkDate(m[1], m[2], m[3]); ok {
			return t, true
		}
	}
	if t, ok := wordDate(s); ok {
		return t, true
	}
	if m := numericDate.FindStringSubmatch(s); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		y := m[3]
		if len(y) == 2 {
			y = "20" + y
		}
		if t, ok := mkDate(y, strconv.Itoa(a), strconv.Itoa(b)); ok && a <= 12 {
			return t, true
		} else if t, ok := mkDate(y, strconv.Itoa(b), strconv.Itoa(a)); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

func TestParseDateQuick(t *testing.T) {
	for _, s := range []string{"", "2024-06-19", "19 June 2024", "June 19, 2024", "Nov. 20, 2019 5:52 AM", "21/06/2014",
		"6/19/24", "22 de outubro de 2010", "version 1.2.3", "12345-6-7", "Published 2019", "٢٠٢٤ June 19"} {
		got, ok := parseDate(s, time.Time{})
		want, wantOK := parseDatePlain(s)
		if ok != wantOK || !got.Equal(want) {
			t.Errorf("parseDate(%q) = %v, %v, want %v, %v", s, got, ok, want, wantOK)
		}
	}
}

// looksBinaryPlain is looksBinary a byte at a time.
func looksBinaryPlain(data []byte) bool {
	head := data[:min(len(data), 8192)]
	bad := 0
	for len(head) > 0 {
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

func TestLooksBinary(t *testing.T) {
	for _, s := range []string{"", "plain text of some length\nand a second line\n", "\x00", "abcdefgh\x00",
		"abcdefghijklmnop\x01\x02\x03", strings.Repeat("\x7f~ \x1f", 40), strings.Repeat("é\xff", 30)} {
		if got, want := looksBinary([]byte(s)), looksBinaryPlain([]byte(s)); got != want {
			t.Errorf("looksBinary(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestHostCandidates(t *testing.T) {
	for _, line := range []string{"", ".", "see www.example.com/news. or (bbc.co.uk)", "https://x y: z", "no hosts here", "a.b c.d.",
		"a: b. c:d .e :", ":.:. ..", "x:y.z w"} {
		var got, want []string
		for w := range hostCandidates(line) {
			got = append(got, w)
		}
		for _, w := range strings.Fields(line) {
			if strings.ContainsAny(w, ".:") {
				want = append(want, w)
			}
		}
		if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
			t.Errorf("hostCandidates(%q) = %q, want %q", line, got, want)
		}
	}
}

// isMenuRowPlain is isMenuRow without its quick test.
func isMenuRowPlain(raw string) bool {
	gaps := strings.Count(raw, "  ") + strings.Count(raw, "\t")
	seps := strings.Count(raw, " | ") + strings.Count(raw, " · ") + strings.Count(raw, " • ") + strings.Count(raw, " / ")
	return gaps+seps > 0
}

func TestQuickTests(t *testing.T) {
	for _, tt := range fastPathCases {
		t.Run(tt.name, func(t *testing.T) {
			if !hasInvisible(tt.text) && invisible.Replace(tt.text) != tt.text {
				t.Errorf("hasInvisible(%q) = false, but Replace changes it", tt.text)
			}
			if mayHaveGaps(tt.text) != isMenuRowPlain(tt.text) {
				t.Errorf("mayHaveGaps(%q) = %v, want %v", tt.text, mayHaveGaps(tt.text), isMenuRowPlain(tt.text))
			}
		})
	}
}
