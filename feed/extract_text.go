package feed

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
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
	end   bool // ends as a sentence does
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
}

// keepCaptions reports whether photo captions inside the article are
// kept in the body (in italics, once).
const keepCaptions = true

// extractTextFile reads a plain-text article scraped from a web page.
func extractTextFile(x *Extractor, src Source) ([]*Article, []Problem) {
	lines := segmentText(string(src.Data))
	if len(lines) == 0 {
		return nil, []Problem{{Path: src.Path, Reason: "empty file"}}
	}
	classifyLines(lines)
	markChrome(x, lines)
	start, end := denseRegion(lines)
	a := &Article{Format: FormatText}
	var inBody []bool
	if start < 0 {
		// No running text at all: keep what is not furniture.
		inBody = make([]bool, len(lines))
		var paras []string
		for i, l := range lines {
			if l.class != classBad {
				paras = append(paras, escapeMarkdown(l.text))
				inBody[i] = true
			}
		}
		a.Body = strings.Join(paras, "\n\n")
	} else {
		h := readHeader(x, lines, start)
		a.Title, a.Byline, a.Date = h.title, h.byline, h.date
		if h.skipTo > 0 {
			start = h.skipTo
		}
		a.Body, inBody = writeBody(lines, start, end)
	}
	g := x.outletOf(lines, inBody)
	a.Outlet, a.OutletSource, a.URL = g.name, g.source, g.url
	if a.Outlet == "" {
		a.OutletSource = ""
	}
	return []*Article{a}, nil
}

// invisible are characters scrapes carry that show nothing.
var invisible = strings.NewReplacer("\u200b", "", "\ufeff", "", "\u200c", "", "\u200d", "", "\u2060", "",
	"\u00a0", " ", "\u202f", " ", "\r\n", "\n", "\r", "\n")

// segmentText splits a page into non-blank lines, numbering the blocks
// that blank lines separate and lifting list marks off list items.
func segmentText(s string) []*textLine {
	s = invisible.Replace(s)
	var out []*textLine
	block := 0
	blank := true
	for raw := range strings.SplitSeq(s, "\n") {
		t := strings.Join(strings.Fields(raw), " ")
		if t == "" {
			if !blank {
				block++
			}
			blank = true
			continue
		}
		blank = false
		l := &textLine{text: t, block: block, menu: isMenuRow(strings.TrimSpace(raw))}
		l.text, l.bullet = stripBullet(t)
		if l.text == "" {
			continue
		}
		out = append(out, l)
	}
	return out
}

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
		ix.phrases.each(l.lower, func(phrase, int) {
			l.class = classBad
			l.marker = l.marker || l.words <= 6
		})
	}
}

// isMenuRow reports whether a raw line is several short items set apart
// by runs of spaces, tabs or separators, as menus are when flattened.
func isMenuRow(raw string) bool {
	gaps := strings.Count(raw, "  ") + strings.Count(raw, "\t")
	seps := strings.Count(raw, " | ") + strings.Count(raw, " · ") + strings.Count(raw, " • ") + strings.Count(raw, " / ")
	if gaps+seps < 2 && !(gaps+seps == 1 && len(strings.Fields(raw)) <= 8) {
		return false
	}
	// Items are short: few words between the gaps.
	items := strings.FieldsFunc(strings.NewReplacer("  ", "\x00", "\t", "\x00", " | ", "\x00", " · ", "\x00",
		" • ", "\x00", " / ", "\x00").Replace(raw), func(r rune) bool { return r == 0 })
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

// stripBullet removes a list mark from the start of a line.
func stripBullet(t string) (string, bool) {
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

// classifyLines measures every line and sorts it into a class.
func classifyLines(lines []*textLine) {
	count := map[string]int{}
	for _, l := range lines {
		l.lower = strings.ToLower(l.text)
		l.key = lineKey(l.lower)
		count[l.key]++
		l.words, l.stops = countStops(l.lower)
		l.end = endsSentence(l.text)
	}
	for _, l := range lines {
		l.rep = count[l.key]
		l.class = classify(l)
	}
}

// countStops returns the number of words in lower and how many of them
// are function words.
func countStops(lower string) (words, stops int) {
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

// classify sorts one line. The thresholds follow jusText: running text
// is long and dense with function words; furniture matches a general
// pattern or is a short line with a furniture word in it.
func classify(l *textLine) lineClass {
	runes := utf8.RuneCountInString(l.text)
	stopRatio := 0.0
	if l.words > 0 {
		stopRatio = float64(l.stops) / float64(l.words)
	}
	switch {
	case l.words == 0:
		return classBad
	case chromeExact[l.key]:
		l.marker = isEndMarker(l.key)
		return classBad
	case isEndMarker(l.key) && l.words <= 6:
		l.marker = true
		return classBad
	case isIconRun(l.lower), strings.Contains(l.lower, "{*"), strings.Contains(l.lower, "%2f"):
		return classBad
	case l.menu && !l.end, isControlRun(l.text):
		return classBad
	case strings.HasPrefix(l.text, "»"), strings.HasPrefix(l.text, "›"), strings.HasPrefix(l.text, "→"),
		strings.HasPrefix(l.text, "►"), strings.HasPrefix(l.text, "▸"):
		return classBad // a link with an arrow
	}
	switch {
	case isCredit(l.text, l.lower):
		l.credit = true
		return classBad
	case isTimestampOnly(l.lower), isGalleryLabel(l.lower):
		return classBad
	}
	markers := countMarkers(l.lower)
	if social := countSocial(l.lower); markers == social && l.words >= 6 {
		markers = 0 // a sentence may name a network; a button names only that
	}
	// Running text ends as a sentence does, or goes on long enough that
	// it cannot be a headline.
	endish := l.end || strings.HasSuffix(l.text, ":") || l.words >= 25 || l.bullet && l.words >= 20
	running := endish && l.words >= 10 && runes >= 60 && (stopRatio >= 0.18 || l.end && l.words >= 12 && stopRatio > 0.05)
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
	if running && countStrongMarkers(l.lower) > 0 && l.words < 35 {
		return classBad // "No spam, we promise. You can unsubscribe at any time."
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
	words := strings.Fields(text)
	caps := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return len(words) > 0 && caps*10 >= len(words)*7 && !endsSentence(text)
}

// denseRegion returns the first and last line of the run of lines with
// the most running text, furniture counting against it. It returns -1,
// -1 when the page holds no running text.
func denseRegion(lines []*textLine) (int, int) {
	bestSum, sum := 0.0, 0.0
	bestStart, bestEnd, start := -1, -1, 0
	for i, l := range lines {
		w := lineWeight(l)
		if l.class == classGood && l.rep > 1 && l.words >= 12 {
			// Long lines printed twice are tickers and teaser lists.
			w = 0
		} else if l.class == classGood && !goodNeighbour(lines, i) {
			// A paragraph alone between headlines and labels is more
			// likely the summary of another story than part of this one.
			w *= isolatedWeight
		}
		if sum <= 0 {
			sum, start = 0, i
		}
		sum += w
		if sum > bestSum {
			bestSum, bestStart, bestEnd = sum, start, i
		}
	}
	if bestStart < 0 {
		return -1, -1
	}
	// Trim the region to start and end on running text.
	for bestStart < bestEnd && lines[bestStart].class != classGood {
		bestStart++
	}
	for {
		// A list announced by a colon runs past the last paragraph.
		for bestEnd+1 < len(lines) && listContinues(lines, bestEnd) {
			bestEnd++
		}
		next := continuesAfterBox(lines, bestEnd)
		if next <= bestEnd {
			break
		}
		bestEnd = next
	}
	return bestStart, bestEnd
}

// continuesAfterBox returns the last line of article text that follows a
// box of links placed inside the article after line end, or end when
// there is none. A box is a heading such as "Most read" and two or more
// headlines in a row; a list of other stories alternates headlines and
// summaries instead.
func continuesAfterBox(lines []*textLine, end int) int {
	j := end + 1
	for k := 0; k < 2 && j < len(lines) && lines[j].class == classBad && !lines[j].marker; k++ {
		j++ // a newsletter prompt above the box
	}
	if j >= len(lines) {
		return end
	}
	if l := lines[j]; !l.marker {
		// A sub-heading over a list of points, then more text: "How to
		// get help", three points, a last paragraph.
		if l.class != classShort || l.end || l.words > 8 || j != end+1 {
			return end
		}
	}
	j++
	heads := 0
	for ; j < len(lines) && heads < 8; j++ {
		l := lines[j]
		if l.class != classShort || l.words < 3 || l.end && lines[end+1].marker {
			break
		}
		heads++
	}
	for j < len(lines) && isFigure(lines[j]) {
		j++
	}
	if heads < 2 || j >= len(lines) || lines[j].class != classGood {
		return end
	}
	last := end
	for ; j < len(lines); j++ {
		l := lines[j]
		switch {
		case l.class == classGood, l.class == classShort && l.end && l.words >= 4:
			last = j
		case isFigure(l):
		case l.class == classShort && l.words <= 12 && j+1 < len(lines) && lines[j+1].class == classGood:
			// a sub-heading
		default:
			return last
		}
	}
	return last
}

// isolatedWeight scales the weight of running text with no running
// text next to it.
var isolatedWeight = 0.25

// Line weights of furniture, "related stories" headings and short lines.
var (
	badWeight    = -4.0
	markerWeight = -40.0
	shortWeight  = -2.5
	// longShortWeight is the weight of a short line with some running
	// text in it: a list item, or a headline.
	longShortWeight = -2.5
)

// goodNeighbour reports whether the line before or after i is running
// text too.
func goodNeighbour(lines []*textLine, i int) bool {
	for j := i - 1; j >= 0; j-- {
		if lines[j].class == classGood {
			return true
		}
		if !isFigure(lines[j]) {
			break
		}
	}
	for j := i + 1; j < len(lines); j++ {
		if lines[j].class == classGood {
			return true
		}
		if !isFigure(lines[j]) {
			break
		}
	}
	return false
}

// isFigure reports whether a line is a number alone, as in tables and
// "in numbers" pieces: "412", "38.2%".
func isFigure(l *textLine) bool {
	return !strings.ContainsFunc(l.text, unicode.IsLetter)
}

// listContinues reports whether the line after i continues a list that
// the text at or before i announced with a colon.
func listContinues(lines []*textLine, i int) bool {
	next := lines[i+1]
	if next.class != classShort || next.words < 2 || next.marker {
		return false
	}
	if strings.HasSuffix(next.text, ":") {
		// The announcement itself, if a list follows it.
		return i+3 < len(lines) && lines[i+2].class == classShort && lines[i+3].class == classShort &&
			lines[i+2].words >= 2 && lines[i+3].words >= 2
	}
	for j := i; j >= 0 && j > i-60; j-- {
		l := lines[j]
		if strings.HasSuffix(l.text, ":") {
			return true
		}
		if l.class == classGood || l.class != classShort || l.words < 2 {
			return false
		}
	}
	return false
}

// lineWeight is a line's contribution to the article region: running
// text adds its words, furniture subtracts, "related stories" headings
// subtract a lot.
func lineWeight(l *textLine) float64 {
	switch l.class {
	case classGood:
		return float64(min(l.words, 120))
	case classBad:
		if l.marker {
			return markerWeight
		}
		if !strings.ContainsFunc(l.text, unicode.IsLetter) {
			return 0 // a figure in a table
		}
		return badWeight
	}
	if l.end && l.words >= 4 {
		return float64(l.words) / 2
	}
	if l.words >= 6 && l.stops >= 2 {
		return longShortWeight
	}
	return shortWeight
}

// header is what the lines above an article say about it.
type header struct {
	title  string
	byline string
	date   time.Time // zero when unknown
	// skipTo is the first line of the body when the region began with a
	// standfirst that sits above the byline.
	skipTo int
}

// titleDistance is what each line of text between a headline candidate
// and the article costs it.
var titleDistance = 0.2

// minTitleScore is the least score a line needs to be taken as the
// headline.
const minTitleScore = 2.0

// headerWindow is how many lines above the article are searched for its
// headline.
const headerWindow = 40

// readHeader finds the headline, byline and date above the article that
// starts at line start.
func readHeader(x *Extractor, lines []*textLine, start int) header {
	var h header
	// Figures in tables do not count towards the window.
	lo, n := start, 0
	for lo > 0 && n < headerWindow {
		lo--
		if strings.ContainsFunc(lines[lo].text, unicode.IsLetter) {
			n++
		}
	}
	// The region may open with a standfirst above the byline and date:
	// look a few lines into it too.
	hi := start + 1
	for j := start + 1; j < len(lines) && j <= start+4; j++ {
		l := lines[j]
		if l.class == classGood || strings.HasPrefix(l.text, "—") {
			break
		}
		if _, ok := bylineOf(l.text); ok || isDateLine(l) && hasDate(l) {
			hi = j + 1
		}
	}
	bestScore, best := minTitleScore, -1
	for i := lo; i < hi; i++ {
		if s := titleScore(x, lines, i, start); s > bestScore {
			bestScore, best = s, i
		}
	}
	if best >= 0 {
		h.title = lines[best].text
		if best >= start && best+1 > hi {
			hi = best + 1 // the headline opened the region
		}
	}
	if hi > start+1 {
		// Running text above the byline was the standfirst.
		h.skipTo = hi
		for h.skipTo < len(lines) && lines[h.skipTo].class != classGood {
			h.skipTo++
		}
		if h.skipTo >= len(lines) {
			h.skipTo = start
		}
	}
	from := lo
	if best >= 0 {
		from = max(lo, best-4)
	}
	h.byline = findByline(lines, from, max(hi, start+1)+2, best)
	if best < 0 {
		h.title = firstLineTitle(lines, start)
	}
	h.date = findDate(x, lines, from, max(hi, start+1)+2)
	if best >= 0 && best < start && h.skipTo <= start {
		h.skipTo = openingParagraph(lines, best, start)
	}
	return h
}

// openingParagraph returns where the article after the headline at
// line title really starts when the dense region found at start left
// out its first paragraphs: running text right under the byline and
// dateline, cut off from the rest by a box of links or a table.
func openingParagraph(lines []*textLine, title, start int) int {
	// The end of the header: bylines, datelines and furniture.
	j := title + 1
	for ; j < start; j++ {
		l := lines[j]
		if l.class == classGood {
			break
		}
	}
	if j >= start || lines[j].words < 12 {
		return start
	}
	g := j
	// A standfirst above the byline is not the opening paragraph.
	for k := g + 1; k < start && k <= g+4; k++ {
		if lines[k].class == classGood {
			break
		}
		if _, ok := bylineOf(lines[k].text); ok || isDateLine(lines[k]) {
			return openingParagraph(lines, k, start)
		}
	}
	gap, markers := 0, 0
	for k := g + 1; k < start; k++ {
		l := lines[k]
		if l.marker {
			markers++
		}
		if l.class == classBad && strings.ContainsFunc(l.text, unicode.IsLetter) && !l.marker {
			gap += 3
		} else {
			gap++
		}
	}
	if markers > 1 || gap > 12 && markers > 0 || gap > 80 {
		return start
	}
	return g
}

// findByline returns the author named in lines [from, to) around the
// headline at line title: a "By" line first, then a line of names next
// to the headline, then a "By" line anywhere on the page.
func findByline(lines []*textLine, from, to, title int) string {
	to = min(to, len(lines))
	for i := from; i < to; i++ {
		if b, ok := bylineOf(lines[i].text); ok {
			return b
		}
	}
	if title >= 0 {
		for _, i := range []int{title + 1, title + 2, title + 3, title - 1, title - 2} {
			if i >= 0 && i < len(lines) && lines[i].rep == 1 && nameLine(lines[i].text) {
				return lines[i].text
			}
		}
	}
	for _, l := range lines {
		if l.words <= 8 && l.class != classGood {
			if b, ok := bylineOf(l.text); ok {
				return b
			}
		}
	}
	return ""
}

// firstLineTitle returns the first line of a file as its headline when
// the file is a bare article: a short line alone in its block, followed
// by the text.
func firstLineTitle(lines []*textLine, start int) string {
	if start == 0 || start > 3 {
		return ""
	}
	l := lines[0]
	if l.class == classBad || l.end || l.words > 25 || l.menu || len(lines) > 1 && lines[1].block == l.block {
		return ""
	}
	return l.text
}

// titleScore rates line i as the headline of an article starting at
// line start; 0 means it cannot be.
func titleScore(x *Extractor, lines []*textLine, i, start int) float64 {
	l := lines[i]
	if x.Signatures != nil {
		if _, ok := x.Signatures.lookup(l.text); ok {
			return 0 // the outlet's name
		}
	}
	runes := utf8.RuneCountInString(l.text)
	if l.words < 2 || l.words > 30 || runes > 220 || l.credit || l.marker || l.bullet {
		return 0
	}
	if chromeExact[l.key] || isIconRun(l.lower) || isTimestampOnly(l.lower) || isDateLine(l) {
		return 0
	}
	if _, ok := bylineOf(l.text); ok {
		return 0
	}
	if strings.HasSuffix(l.text, ":") || strings.HasPrefix(l.lower, "http") || creditSuffix(l.lower) ||
		strings.Contains(l.text, "(@") || strings.Contains(l.text, " @") || strings.Contains(l.text, "--") {
		return 0
	}
	if l.class == classBad && countMarkers(l.lower) > countSocial(l.lower) || strings.Contains(l.text, "_") || l.menu || isControlRun(l.text) {
		return 0
	}
	// Headlines in a list of other stories follow its heading.
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if lines[j].marker {
			return 0
		}
		if lines[j].class == classGood {
			break
		}
	}
	s := 3.0
	if _, ok := parseDate(l.text, time.Time{}); ok {
		s -= 3 // headlines seldom hold a full date; datelines do
	}
	switch {
	case l.words == 2:
		s -= 1
	case l.words >= 5 && l.words <= 22:
		s += 2
	}
	if l.class == classGood && !(i+1 < len(lines) && hasDate(lines[i+1]) && !strings.HasPrefix(lines[i+1].text, "—")) {
		s -= 2
	}
	if l.class == classBad {
		s -= 1
	}
	if strings.HasSuffix(l.text, ".") && !strings.HasSuffix(l.text, "...") {
		s -= 3
	}
	if nameLine(l.text) {
		s -= 3
	}
	if i > 0 && strings.HasSuffix(lines[i-1].text, ":") {
		s -= 3 // the value of a label such as "Author:"
	}
	if i+1 < len(lines) && lines[i+1].menu {
		s -= 3 // a site's name or motto above its menu
	}
	if k := strings.Index(l.text, ". "); k > 0 && k < len(l.text)-2 && len(strings.Fields(l.text[:k])) >= 3 {
		s -= 2 // two sentences: a prompt or a teaser
	}
	// Headlines sit above bylines and dates, sometimes just below.
	near := 0
	for j := i + 1; j < len(lines) && near < 4; j++ {
		if lines[j].class == classBad && !isDateLine(lines[j]) {
			continue
		}
		near++
		lj := lines[j]
		if _, ok := bylineOf(lj.text); ok || isDateLine(lj) || near == 1 && lj.words <= 14 && hasDate(lj) {
			s += 2.5 - 0.5*float64(near)
			break
		}
		if nameLine(lj.text) {
			s += 1
			break
		}
		if lj.class == classShort && lj.words >= 4 && !lj.end {
			break // another headline-like line lies between
		}
	}
	if i > 0 {
		p := lines[i-1]
		if _, ok := bylineOf(p.text); ok || nameLine(p.text) {
			s += 1.5
		} else if isDateLine(p) {
			s += 1
		} else if p.words <= 2 && p.class != classGood {
			s += 0.5 // after a section name
		}
	}
	// Labels and links: "Tested by: ... More info: www.example.com".
	if strings.Count(l.text, ":") >= 2 || strings.Contains(l.lower, "www.") || strings.Contains(l.lower, ".com") {
		s -= 2
	}
	// Headlines are printed again: in share prompts, breadcrumbs.
	if l.rep > 1 && l.rep <= 3 {
		s += 1
	}
	// Nearer the article is likelier; what lies between a headline and
	// its article is mostly furniture, which does not count.
	between := 0
	for j := i + 1; j < start; j++ {
		if lines[j].class != classBad {
			between++
		}
	}
	s -= titleDistance * float64(between)
	if i > start {
		s -= 1
	}
	if s < 0 {
		return 0
	}
	return s
}

// countSocial returns how many social network names a line holds;
// headlines may name them where furniture does too.
func countSocial(lower string) int {
	n := 0
	for _, w := range []string{"twitter", "facebook", "instagram", "whatsapp", "linkedin", "pinterest", "youtube", "podcast"} {
		if strings.Contains(lower, w) {
			n++
		}
	}
	return n
}

// isDateLine reports whether a line is mostly a date or a dateline such
// as "Published 19 June 2024" or "Nov. 20, 2019 5:52 AM EST".
func isDateLine(l *textLine) bool {
	if l.words > 14 || !strings.ContainsAny(l.text, "0123456789") {
		return false
	}
	for _, p := range []string{"updated", "posted", "published", "last updated", "date"} {
		if strings.HasPrefix(l.lower, p) {
			return true
		}
	}
	if _, ok := parseDate(l.text, time.Time{}); !ok {
		return false
	}
	// Beyond the date itself, only labels, weekdays and times.
	other := 0
	for _, t := range dateTokens(l.text) {
		if _, ok := monthNames[t]; ok || dateWords[t] || t[0] >= '0' && t[0] <= '9' {
			continue
		}
		other++
	}
	return other <= 1
}

// hasDate reports whether a short line holds a date anywhere.
func hasDate(l *textLine) bool {
	if l.words > 20 {
		return false
	}
	_, ok := parseDate(l.text, time.Time{})
	return ok
}

// dateWords are the words printed around a date on a dateline.
var dateWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`published updated posted date on at last modified de às a le am pm gmt utc est edt
		bst cet cest pst pdt et pt ist aest jst monday tuesday wednesday thursday friday saturday sunday mon tue tues wed
		thu thur thurs fri sat sun today yesterday segunda terça quarta quinta sexta feira sábado domingo lundi mardi
		mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch donnerstag freitag samstag sonntag um uhr h
		t z of the th st nd rd min read`) {
		m[w] = true
	}
	return m
}()

// findDate returns the publication day printed in lines [from, to), or
// failing that on a line labelled "Published" anywhere in the chrome.
func findDate(x *Extractor, lines []*textLine, from, to int) time.Time {
	now := x.now()
	to = min(to, len(lines))
	// A labelled date near the headline first, then any date there.
	for pass := 0; pass < 2; pass++ {
		for i := from; i < to; i++ {
			l := lines[i]
			if l.class == classGood && l.words > 20 {
				continue
			}
			if pass == 0 && !dateLabelled(l.lower) {
				continue
			}
			if t, ok := parseDate(l.text, now); ok {
				return t
			}
		}
	}
	for _, l := range lines {
		if l.words > 14 || l.class == classGood {
			continue
		}
		_, byline := bylineOf(l.text)
		if dateLabelled(l.lower) || byline {
			if t, ok := parseDate(l.text, now); ok {
				return t
			}
		}
	}
	// A labelled date without its year takes the year of the page's
	// copyright notice: "Updated Nov 19, 6:55 AM" on a page "© 2019".
	year := copyrightYear(lines)
	if year == 0 {
		return time.Time{}
	}
	for i := from; i < to; i++ {
		l := lines[i]
		if l.words <= 14 && (dateLabelled(l.lower) || isDateLine(l)) {
			if t, ok := dateWithoutYear(l.text, year); ok && !t.After(now) {
				return t
			}
		}
	}
	return time.Time{}
}

// copyrightYear returns the last year named in the page's copyright
// notice, or 0.
func copyrightYear(lines []*textLine) int {
	for i := len(lines) - 1; i >= 0; i-- {
		l := lines[i]
		if !isCopyrightLine(l.lower) {
			continue
		}
		year := 0
		for _, tok := range dateTokens(l.lower) {
			if y, ok := yearNumber(tok); ok {
				year = y
			}
		}
		if year > 0 {
			return year
		}
	}
	return 0
}

// writeBody writes lines [start, end] as Markdown and reports which
// lines it kept.
func writeBody(lines []*textLine, start, end int) (string, []bool) {
	kept := make([]bool, len(lines))
	var out []string
	skipping := false // inside a list of other stories
	lastCaption := ""
	for i := start; i <= end; i++ {
		l := lines[i]
		if l.marker {
			skipping = true
			continue
		}
		if skipping {
			if l.class != classGood || teaser(lines, i) {
				continue
			}
			skipping = false
		}
		if l.credit || positionalCredit(lines, i) {
			// The line above, in the same place, was its caption.
			if n := len(out); n > 0 && kept[i-1] && lines[i-1].class != classGood && strings.HasPrefix(out[n-1], "*") {
				continue
			}
			if n := len(out); n > 0 && kept[i-1] && lines[i-1].class == classShort && !lines[i-1].bullet {
				out[n-1] = captionMarkdown(lines[i-1].text)
				if !keepCaptions {
					out = out[:n-1]
					kept[i-1] = false
				}
			}
			continue
		}
		md, ok := lineMarkdown(lines, i, out)
		if !ok {
			continue
		}
		if strings.HasPrefix(md, "*") && !l.bullet {
			// A caption: printed once, the version with its credit
			// replacing a bare one just above.
			if lastCaption != "" && strings.HasPrefix(l.text, lastCaption) && len(out) > 0 && out[len(out)-1] == captionMarkdown(lastCaption) {
				out = out[:len(out)-1]
			}
			lastCaption = l.text
			if !keepCaptions {
				continue
			}
		}
		out = append(out, md)
		kept[i] = true
	}
	return strings.Join(out, "\n\n"), kept
}

// positionalCredit reports whether a short line is the credit of the
// caption above it: a few capitalised words after a short sentence,
// before the text goes on ("Berkeley Earth", "NASA Worldview").
func positionalCredit(lines []*textLine, i int) bool {
	l := lines[i]
	if i == 0 || i+1 >= len(lines) || l.class != classShort || l.end || l.bullet || l.words > 6 {
		return false
	}
	p := lines[i-1]
	return p.class == classShort && p.end && !p.bullet && lines[i+1].class == classGood
}

// teaser reports whether running text at line i is the summary of
// another story: it follows that story's headline, printed twice close
// together as story lists print them.
func teaser(lines []*textLine, i int) bool {
	if i == 0 || lines[i-1].class != classShort {
		return false
	}
	k := lines[i-1].key
	for j := max(0, i-6); j < min(len(lines), i+4); j++ {
		if j != i-1 && lines[j].key == k {
			return true
		}
	}
	return false
}

// lineMarkdown writes line i of the article as Markdown, or reports
// false when it is furniture or a fragment.
func lineMarkdown(lines []*textLine, i int, out []string) (string, bool) {
	l := lines[i]
	sameBlockNext := i+1 < len(lines) && lines[i+1].block == l.block
	switch {
	case l.key == "updated":
		return "", false
	case strings.HasPrefix(l.lower, "updated ") && l.words <= 8 && strings.ContainsAny(l.text, "0123456789"):
		return "*" + l.text + "*", true
	case l.class == classBad:
		if strings.HasPrefix(l.text, "— ") || strings.HasPrefix(l.text, "- ") && strings.Contains(l.text, "(@") {
			return escapeMarkdown(l.text), true // an embedded post's attribution
		}
		return "", false
	case creditSuffix(l.lower) && !l.end || creditSuffix(l.lower) && l.words < 45:
		// A caption; when its block holds it twice or with alt text,
		// only the last line (the one with the credit) is printed.
		return captionMarkdown(l.text), true
	case sameBlockNext && creditSuffix(lines[i+1].lower) && l.class != classGood:
		return "", false
	case sameBlockNext && creditSuffix(lines[i+1].lower) && l.words < 60 && l.block == lines[i+1].block:
		return "", false
	}
	if l.bullet && l.words >= 2 {
		return "- " + escapeMarkdown(l.text), true
	}
	if l.class == classGood {
		return quoteIfIntroduced(escapeMarkdown(l.text), out), true
	}
	// Short lines.
	if strings.HasPrefix(l.text, "— ") && strings.Contains(l.text, "(@") {
		return escapeMarkdown(l.text), true
	}
	if l.end && l.words >= 3 {
		return quoteIfIntroduced(escapeMarkdown(l.text), out), true
	}
	if strings.HasSuffix(l.text, ":") && l.words >= 3 {
		return escapeMarkdown(l.text), true
	}
	if inList(lines, i) {
		return "- " + escapeMarkdown(l.text), true
	}
	if l.words >= 1 && l.words <= 16 && headingNext(lines, i) && l.rep == 1 && !hasDate(l) && !strings.Contains(l.text, "**") {
		return "## " + strings.TrimRight(l.text, " "), true
	}
	return "", false
}

// headingNext reports whether the line after i is running text or a
// list, as it is after a sub-heading.
func headingNext(lines []*textLine, i int) bool {
	if i+1 >= len(lines) {
		return false
	}
	n := lines[i+1]
	if n.class == classGood || n.bullet {
		return i == 0 || lines[i-1].class != classShort || lines[i-1].end
	}
	return false
}

// inList reports whether line i is one of a run of at least three
// short, similar lines inside the article: a list printed without marks.
func inList(lines []*textLine, i int) bool {
	ok := func(l *textLine) bool {
		return l.class == classShort && l.words >= 3 && !l.end && !strings.HasSuffix(l.text, ":") && !l.credit
	}
	if !ok(lines[i]) {
		return false
	}
	n := 1
	for j := i - 1; j >= 0 && j >= i-2 && ok(lines[j]); j-- {
		n++
	}
	for j := i + 1; j < len(lines) && j <= i+2 && ok(lines[j]); j++ {
		n++
	}
	return n >= 3
}

// quoteIfIntroduced makes a paragraph a block quote when the paragraph
// before it introduced a quotation: "Tass writes:", "he said:".
func quoteIfIntroduced(md string, out []string) string {
	if len(out) == 0 {
		return md
	}
	prev := out[len(out)-1]
	if !strings.HasSuffix(prev, ":") || strings.HasPrefix(prev, "#") {
		return md
	}
	tail := strings.ToLower(prev)
	if len(tail) > 80 {
		tail = tail[len(tail)-80:]
	}
	for _, v := range []string{"said", "says", "writes", "wrote", "told", "reported", "reports", "added", "saying",
		"quoted", "continued", "tweeted", "posted", "statement", "declared", "announced", "stated", "adding", "asked"} {
		if strings.Contains(tail, v) {
			return "> " + md
		}
	}
	return md
}

// captionMarkdown writes a photo caption in italics.
func captionMarkdown(s string) string {
	return "*" + strings.Trim(escapeMarkdown(s), "*_ ") + "*"
}

// escapeMarkdown keeps a line of plain text from being read as Markdown
// structure: headings, quotes, list marks, numbered items.
func escapeMarkdown(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '>', '+', '=', '|':
		return `\` + s
	case '-', '*', '_':
		if len(s) > 1 && (s[1] == ' ' || s[1] == s[0]) {
			return `\` + s
		}
	}
	// "1. " at the start would begin a numbered list.
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' ' {
		return s[:i] + `\` + s[i:]
	}
	return s
}
