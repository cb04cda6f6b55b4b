package extract

import (
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// textTitleFeatures name the features of a headline candidate in plain
// text, a line above or near the article's start.
var textTitleFeatures = [...]string{
	"fallback",      // the "none of these" candidate
	"between",       // running lines between it and the article, / 10
	"near_rank",     // 1 / its rank among candidates counted up from the article
	"below_start",   // it lies inside the article's region
	"words_short",   // 2 or 3 words
	"words_mid",     // 5 to 22 words
	"words_long",    // more than 22 words
	"cap_share",     // share of capitalised words
	"all_caps",      // no lower-case letter
	"end_period",    // ends with a full stop
	"end_mark",      // ends with ? or !
	"repeats",       // the line occurs more than once in the file
	"repeats_many",  // more than three times
	"lead_share",    // share of its words in the article's opening
	"lead_most",     // at least half of its words are there
	"digits",        // share of digits
	"byline",        // reads as a byline
	"name_line",     // a line of names
	"date_line",     // mostly a date
	"has_date",      // holds a date
	"class_good",    // running text
	"class_bad",     // furniture
	"menu",          // a row of links
	"after_marker",  // follows a "Related stories" heading
	"header_below",  // a byline or date follows within three lines
	"after_short",   // follows a line of one or two words
	"separator",     // holds " | ", " - " or " :: "
	"outlet",        // names the outlet
	"first_line",    // the file's first line
	"sentences",     // holds two sentences
	"deck_below",    // the next line reads as a standfirst under it
	"under_head",    // the line above reads as a headline over it
	"pair_head",     // heads a standfirst that a byline or date follows
	"pair_deck",     // a standfirst under a headline, a byline or date next
	"shorter_next",  // fewer words than the headline-like line below it
	"longer_prev",   // more words than the headline-like line above it
	"block_lead",    // lead_share of it or of the standfirst under it
	"echoed",        // printed inside another line too (a breadcrumb, a prompt)
	"next_words",    // words of the next line when headline-like, / 20
	"prev_words",    // words of the line above when headline-like, / 20
	"next_lead",     // lead_share of the next line when headline-like
	"prev_lead",     // lead_share of the line above when headline-like
	"words",         // its words, / 20
	"label",         // opens with a label of one or two words and a colon
	"caption",       // a photo credit, or the line again with one, follows
	"pipe",          // holds a bar: "email|print"
	"header_next",   // the next line that is not furniture is a byline or a date
	"twin_open",     // opens with the same word as the line above or below: an item of a list
	"to_para",       // lines that are not furniture between it and the next long paragraph, / 10
	"menu_next",     // the next line is a row of links: a masthead over the site's menu
	"body_content",  // share of its content words found in the article's running text
	"above_content", // body_content of the headline-like line above it (a standfirst's headline)
	"below_content", // body_content of the headline-like line below it (a headline's standfirst)
	"block_top",     // the first of two or more headline-like lines over a byline or a date
	"block_under",   // a headline-like line under the first of such a block
	"top_content",   // body_content of the first line of the block it stands under
	"label_rest",    // body_content of what follows such a label's colon
	"label_bare",    // opens with a label and a colon, and nothing after it is the article's matter
}

// textTitleCandidates returns the candidate headlines among lines [lo,
// hi) for an article starting at line start, and the fallback: a line
// of the file's top (firstLineTitle) or, failing that, the article's
// first sentence. The candidates' Features are
// textTitleFeatures; index i of lines is recorded in idx.
// The candidates, their features and idx are made in sc's memory:
// they are good until sc is used again. Without a trace, a page with no
// candidate line has none at all, since the fallback then wins alone.
func textTitleCandidates(x *Extractor, sc *textTitleScratch, lines []*textLine, lo, hi, start int) (cands []TitleCandidate, idx []int) {
	nf := len(textTitleFeatures)
	add := func(text string, f []float64) {
		cands = append(cands, TitleCandidate{Text: text, Features: f})
	}
	// Candidates are ranked by nearness from the article up.
	rank := 0
	rows := sc.rows[:0]
	defer func() { sc.rows = rows }()
	for i := hi - 1; i >= lo; i-- {
		l := lines[i]
		if l.words < 2 || l.words > 30 || l.runes > 220 {
			continue
		}
		// The hand-set rule's tests of the line alone rule it out: a
		// byline, a date, an address, furniture.
		if titleRuledOut(x, l) || i >= start && l.class == classGood || i >= start && strings.HasSuffix(l.text, ".") && !strings.HasSuffix(l.text, "...") || isCaption(lines, i) || menuItemAbove(lines, i) {
			continue // nor is the article's own running text, a caption or a section named in a menu
		}
		if isBreadcrumb(l.text) || isAddress(l.lower) || opensWithMark(l.text) {
			continue // nor a trail of sections, a line naming an address or a link led by a mark
		}
		rank++
		rows = append(rows, titleRow{i, rank})
	}
	if len(rows) == 0 && x.trace == nil {
		return nil, nil
	}
	// The article's opening, its first running lines, and its running
	// text as content words for body_content, read in one pass from the
	// words each line's reading split (see lineWords).
	lead, body := sc.lead[:0], sc.body[:0]
	for j, n := start, 0; j < len(lines) && (n < 3 || len(body) < bodyContentWords); j++ {
		if lines[j].class != classGood {
			continue
		}
		l := wordsOf(lines[j])
		if n < 3 {
			lead = sc.words.addLineHashes(lead, l)
			n++
		}
		if len(body) < bodyContentWords {
			body = sc.words.addLineContent(body, l)
		}
	}
	sc.lead, sc.body = lead, body
	sc.leadSet.reset(len(lead))
	for _, h := range lead {
		sc.leadSet.add(h)
	}
	sc.bodySet.reset(len(body))
	for _, h := range body {
		sc.bodySet.add(h)
	}
	// Each line's shares of the article's content words and of the
	// opening's words, as asked: of lines lo-1 to hi, -1 until asked.
	contents := reuse(sc.contents, hi-lo+2)[:hi-lo+2]
	shares := reuse(sc.shares, hi-lo+2)[:hi-lo+2]
	for j := range contents {
		contents[j], shares[j] = -1, -1
	}
	sc.contents, sc.shares = contents, shares
	contentOf := func(j int) float64 {
		if j < lo-1 || j > hi {
			return sc.words.lineContentShare(wordsOf(lines[j]), &sc.bodySet)
		}
		v := contents[j-lo+1]
		if v < 0 {
			v = sc.words.lineContentShare(wordsOf(lines[j]), &sc.bodySet)
			contents[j-lo+1] = v
		}
		return v
	}
	shareOf := func(j int) float64 {
		v := shares[j-lo+1]
		if v < 0 {
			v = sc.words.lineShareInSet(wordsOf(lines[j]), &sc.leadSet)
			shares[j-lo+1] = v
		}
		return v
	}
	feats := reuse(sc.feats, nf*(len(rows)+1))
	feats = feats[:cap(feats)]
	clear(feats)
	feats = feats[:0]
	sc.feats = feats
	cands = reuse(sc.cands, len(rows)+1)
	idx = reuse(sc.idx, len(rows)+1)
	for k := len(rows) - 1; k >= 0; k-- {
		i := rows[k].i
		l := lines[i]
		f := feats[len(feats) : len(feats)+nf : len(feats)+nf]
		feats = feats[:len(feats)+nf]
		between := 0
		for j := i + 1; j < start; j++ {
			if lines[j].class != classBad {
				between++
			}
		}
		f[1] = min(float64(between), 30) / 10
		f[2] = 1 / float64(rows[k].rank)
		f[3] = b2f(i >= start)
		f[4] = b2f(l.words <= 3)
		f[5] = b2f(l.words >= 5 && l.words <= 22)
		f[6] = b2f(l.words > 22)
		capShare, caps := caseShape(l.text)
		f[7] = capShare
		f[8] = b2f(caps)
		f[9] = b2f(strings.HasSuffix(l.text, ".") && !strings.HasSuffix(l.text, "..."))
		f[10] = b2f(strings.HasSuffix(l.text, "?") || strings.HasSuffix(l.text, "!"))
		f[11] = b2f(l.rep > 1)
		f[12] = b2f(l.rep > 3)
		share := shareOf(i)
		f[13] = share
		f[14] = b2f(share >= 0.5)
		f[15] = digitShare(l.text)
		_, by := l.author()
		f[16] = b2f(by)
		f[17] = b2f(l.nameLine())
		f[18] = b2f(isDateLine(l))
		if _, ok := parseDate(l.text, time.Time{}); ok || hasDate(l) {
			f[19] = 1
		}
		f[20] = b2f(l.class == classGood)
		f[21] = b2f(l.class == classBad)
		f[22] = b2f(l.menu)
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			if lines[j].marker {
				f[23] = 1
				break
			}
			if lines[j].class == classGood {
				break
			}
		}
		for j, near := i+1, 0; j < len(lines) && near < 3; j++ {
			lj := lines[j]
			if lj.class == classBad && !isDateLine(lj) {
				continue
			}
			near++
			if _, ok := lj.author(); ok || isDateLine(lj) || near == 1 && lj.words <= 14 && hasDate(lj) {
				f[24] = 1
				break
			}
		}
		f[25] = b2f(i > 0 && lines[i-1].words <= 2 && lines[i-1].class != classGood)
		f[26] = b2f(strings.Contains(l.text, " | ") || strings.Contains(l.text, " - ") || strings.Contains(l.text, " :: "))
		f[27] = b2f(x.Signatures != nil && l.outletName(x.Signatures))
		f[28] = b2f(i == 0)
		if k := strings.Index(l.text, ". "); k > 0 && k < len(l.text)-2 && len(strings.Fields(l.text[:k])) >= 3 {
			f[29] = 1
		}
		if j := i + 1; j < len(lines) && headLike(lines[j], 4, 45) {
			f[30] = 1
		}
		if j := i - 1; j >= 0 && headLike(lines[j], 3, 20) && !lines[j].end {
			f[31] = 1
		}
		if f[30] == 1 && headerAt(lines, i+2, i+3) {
			f[32] = 1
		}
		if f[31] == 1 && headerAt(lines, i+1, i+2) {
			f[33] = 1
		}
		if f[30] == 1 && lines[i+1].words > l.words {
			f[34] = 1
		}
		if f[31] == 1 && lines[i-1].words < l.words {
			f[35] = 1
		}
		f[36] = share
		if f[30] == 1 {
			f[36] = max(share, shareOf(i+1))
		}
		f[37] = b2f(echoed(lines, l.lower))
		if f[30] == 1 {
			f[38] = min(float64(lines[i+1].words), 40) / 20
			f[40] = shareOf(i + 1)
		}
		if i > 0 && headLike(lines[i-1], 1, 45) {
			f[39] = min(float64(lines[i-1].words), 40) / 20
			f[41] = shareOf(i - 1)
		}
		f[42] = float64(l.words) / 20
		f[43] = b2f(hasLabel(l.text))
		if i+1 < len(lines) {
			nl := lines[i+1]
			f[44] = b2f(nl.credit || creditSuffix(nl.lower) || len(nl.lower) > len(l.lower) && strings.HasPrefix(nl.lower, l.lower))
		}
		f[45] = b2f(strings.IndexByte(l.text, '|') >= 0)
		for j := i + 1; j < len(lines) && j <= i+4; j++ {
			lj := lines[j]
			if lj.class == classBad && !isDateLine(lj) {
				continue
			}
			f[46] = b2f(headerAt(lines, j, j))
			break
		}
		f[47] = b2f(i > 0 && sameOpening(l.lower, lines[i-1].lower) || i+1 < len(lines) && sameOpening(l.lower, lines[i+1].lower))
		gap := 0
		for j := i + 1; j < len(lines) && j <= i+60 && gap < 30 && lines[j].words < longParagraph; j++ {
			if lines[j].class != classBad {
				gap++
			}
		}
		f[48] = float64(gap) / 10
		f[49] = b2f(i+1 < len(lines) && lines[i+1].menu)
		f[50] = contentOf(i)
		if f[31] == 1 {
			f[51] = contentOf(i - 1)
		}
		if f[30] == 1 {
			f[52] = contentOf(i + 1)
		}
		if top, n, ok := headBlock(lines, i); ok {
			f[53] = b2f(top == i && n >= 2)
			if top < i {
				f[54] = 1
				f[55] = contentOf(top)
			}
		}
		f[56] = labelRestContent(&sc.words, l.lower, &sc.bodySet)
		f[57] = b2f(f[43] == 1 && f[56] == 0)
		add(l.text, f)
		idx = append(idx, i)
	}
	fb := feats[len(feats) : len(feats)+nf : len(feats)+nf]
	fb[0] = 1
	cands = append(cands, TitleCandidate{Text: firstLineTitle(lines, start), Fallback: true, Features: fb})
	idx = append(idx, -1)
	sc.cands, sc.idx = cands, idx
	return cands, idx
}

// titleRow is a candidate line of plain text: its index and its rank
// counted up from the article.
type titleRow struct {
	i    int
	rank int
}

// textTitleScratch holds what textTitleCandidates makes, so that one
// article's memory serves the next (see textTitleScratches).
type textTitleScratch struct {
	rows    []titleRow
	lead    wordBag
	leadSet wordHashes
	shares  []float64
	// body and bodySet hold the article's running text as content words
	// (see addContent); contents the lines' shares of them, -1 until asked.
	body     []uint64
	bodySet  wordHashes
	contents []float64
	feats    []float64
	cands    []TitleCandidate
	idx      []int
	words    wordScanner
}

// textTitleScratches keeps textTitleScratch between articles.
var textTitleScratches = sync.Pool{New: func() any { return new(textTitleScratch) }}

// pickTextTitle returns the line of lines chosen as the headline of the
// article starting at start among lines [lo, hi); -1 means none is,
// and the headline is made from the article.
func pickTextTitle(x *Extractor, lines []*textLine, lo, hi, start int) int {
	sc := textTitleScratches.Get().(*textTitleScratch)
	defer func() {
		clear(sc.cands) // the pool keeps no page's text alive
		textTitleScratches.Put(sc)
	}()
	cands, idx := textTitleCandidates(x, sc, lines, lo, hi, start)
	if x.trace != nil {
		x.recordTitles(cands)
		return -1 // as if the fallback won (see TitleCandidates)
	}
	k := DefaultTitleModel().Text.Pick(cands)
	if k < 0 {
		return -1
	}
	return idx[k]
}

// headLike reports whether a line reads as a headline or a standfirst:
// a line of lo to hi words that is not furniture, a byline or a date.
func headLike(l *textLine, lo, hi int) bool {
	if l.words < lo || l.words > hi || l.class == classBad || l.menu || l.bullet || l.marker || l.credit || isDateLine(l) {
		return false
	}
	_, by := l.author()
	return !by
}

// headerAt reports whether line lo or hi is a byline or a date.
func headerAt(lines []*textLine, lo, hi int) bool {
	for j := lo; j <= hi && j < len(lines); j++ {
		l := lines[j]
		if _, by := l.author(); by || isDateLine(l) || l.nameLine() || l.words <= 14 && hasDate(l) {
			return true
		}
	}
	return false
}

// headBlock describes the block of headline-like lines that line i
// stands in over a byline or a date, dates between them allowed: top,
// its first line, and n, how many lines it holds. Line i itself may be
// any line (the candidates' filter has judged it); the lines under and
// over it are headline-like lines of 3 to 30 words that are no running
// text. ok is false when no byline or date follows.
func headBlock(lines []*textLine, i int) (top, n int, ok bool) {
	blockLine := func(l *textLine) bool { return headLike(l, 3, 30) && l.class != classGood }
	n = 1
	for j := i + 1; j < len(lines) && j <= i+6; j++ {
		l := lines[j]
		if _, by := l.author(); by {
			ok = true
			break
		}
		if isDateLine(l) || l.words <= 14 && hasDate(l) {
			ok = true
			continue
		}
		if !blockLine(l) {
			break
		}
		n++
	}
	if !ok {
		return i, 0, false
	}
	top = i
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		l := lines[j]
		if isDateLine(l) {
			continue
		}
		if !blockLine(l) {
			break
		}
		top = j
		n++
	}
	return top, n, true
}

// menuItemAbove reports whether line i, of a few words, is printed
// whole inside a menu row above it: "Sport" under "News Sport
// Weather", the section label a page prints over its headline.
func menuItemAbove(lines []*textLine, i int) bool {
	l := lines[i]
	if l.menu || l.words > 6 {
		return false
	}
	for _, m := range lines[:i] {
		if m.menu && len(m.lower) > len(l.lower) && hasWords(m.lower, l.lower) {
			return true
		}
	}
	return false
}

// echoed reports whether a line's text, lower, is printed inside a
// longer line of lines (lines hold no newline, so an occurrence that
// is not a whole line lies inside a longer one).
//
// It looks for the text's least common byte (see byteCommonness) and
// compares the text where that byte stands, rather than at each place
// its first byte does, as strings.Contains would: a headline's first
// letter is often among the commonest ("t", "s"), while most lines
// longer than it hold few of its rarest.
func echoed(lines []*textLine, lower string) bool {
	if len(lower) < 12 {
		return false
	}
	k := 0
	for i := 1; i < len(lower); i++ {
		if byteCommonness[lower[i]] < byteCommonness[lower[k]] {
			k = i
		}
	}
	c := lower[k]
	for _, l := range lines {
		s := l.lower
		if len(s) <= len(lower) {
			continue
		}
		// The rare byte's place p in s, where lower would start at p-k.
		last := len(s) - len(lower) + k
		for p := k; p <= last; p++ {
			j := strings.IndexByte(s[p:last+1], c)
			if j < 0 {
				break
			}
			p += j
			if s[p-k:p-k+len(lower)] == lower {
				return true
			}
		}
	}
	return false
}

// byteCommonness ranks bytes by how often they occur in lower-case
// English running text, commonest highest: the space, then the letters
// by their usual frequency; every other byte (capitals, digits,
// punctuation, bytes of characters past ASCII) counts as rare. Only
// speed depends on it (see echoed).
var byteCommonness = func() (t [256]uint8) {
	const order = " etaoinshrdlcumwfgypbvkjxqz" // commonest first
	for i := 0; i < len(order); i++ {
		t[order[i]] = uint8(len(order) - i)
	}
	t[','], t['.'] = 2, 2
	return t
}()

// isBreadcrumb reports whether s is a trail of sections joined by
// arrows or chevrons.
func isBreadcrumb(s string) bool {
	n := 0
	for _, sep := range []string{" > ", " » ", " › ", " >> ", " / "} {
		n += strings.Count(s, sep)
	}
	return n >= 1
}

// hasLabel reports whether s opens with a label of one or two words
// and a colon: "Caption: ...", "Read more: ...".
func hasLabel(s string) bool {
	i := strings.IndexByte(s, ':')
	if i <= 0 || i == len(s)-1 {
		return false
	}
	return len(strings.Fields(s[:i])) <= 2
}

// isCaption reports whether line i is a photo caption printed again on
// the next line with its credit: "Crowds at the fair." then "Crowds at
// the fair. Photograph: A Name".
func isCaption(lines []*textLine, i int) bool {
	if i+1 >= len(lines) {
		return false
	}
	l, nl := lines[i], lines[i+1]
	return len(nl.lower) > len(l.lower) && strings.HasPrefix(nl.lower, l.lower) && (nl.credit || creditSuffix(nl.lower))
}

// sameOpening reports whether two lines open with the same word of two
// letters or more, as the items of a list do: "Watch: ...", "Read
// Article: ...", "Football - ...".
func sameOpening(a, b string) bool {
	wa, _, _ := strings.Cut(a, " ")
	wb, _, _ := strings.Cut(b, " ")
	return len(wa) >= 2 && wa == wb && len(a) > len(wa) && len(b) > len(wb)
}

// bylineReach is how many lines above the header window a byline may
// stand and still bring the lines over it into the window.
const bylineReach = 4

// bylineAbove returns where the headline candidates start for a header
// window starting at lo: lo, or up to four lines over a byline standing
// just above lo (the window's count of lines ran out between a headline
// and the article, in a column of links).
func bylineAbove(lines []*textLine, lo int) int {
	for j := lo - 1; j >= 0 && j >= lo-bylineReach; j-- {
		if _, ok := lines[j].author(); ok {
			return max(0, j-4)
		}
	}
	return lo
}

// datedHeadline returns the first line of lines [lo, hi) that reads as
// a headline (three to twenty words, no furniture, no full stop at the end)
// over a byline or a date, or -1.
func datedHeadline(lines []*textLine, lo, hi int) int {
	for j := lo; j < hi; j++ {
		if headLike(lines[j], 3, 20) && !strings.HasSuffix(lines[j].text, ".") && datedBelow(lines, j) {
			return j
		}
	}
	return -1
}

// datedBelow reports whether the next line or the one after it is a
// byline or a date, as under a headline.
func datedBelow(lines []*textLine, i int) bool {
	for j := i + 1; j <= i+2 && j < len(lines); j++ {
		l := lines[j]
		if _, by := l.author(); by || isDateLine(l) || l.words <= 14 && hasDate(l) {
			return true
		}
	}
	return false
}

// opensWithMark reports whether a line opens with a mark no headline
// opens with: an arrow ("» More videos"), a bar, a dot, a colon, a
// tilde. Headlines open with a letter, a digit, a quotation mark, a
// bracket, a currency sign, "#", "@", "¿" or "¡". "»" and "›" are
// arrows here, as classify takes them, though they close quotations.
func opensWithMark(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case r == '»' || r == '›':
		return true
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Ps, unicode.Pi, unicode.Pf, unicode.Sc) ||
		strings.ContainsRune("\"'`#@¿¡", r):
		return false
	}
	return true
}

// isAddress reports whether a line, lower, holds a web address.
func isAddress(lower string) bool {
	return strings.HasPrefix(lower, "http") || strings.Contains(lower, "www.") || strings.Contains(lower, ".com")
}
