package extract

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/words"
)

// This file reads what the lines above an article say about it: its
// headline, byline and date.

// header is what the lines above an article say about it.
type header struct {
	title  string
	byline string
	date   time.Time // zero when unknown
	// dateSource is feed.DateFromDateline for a date by the headline,
	// feed.DateFromText for one found elsewhere.
	dateSource string
	// skipTo, when not 0, is where the body starts instead of the
	// region's first line: past a standfirst above the byline, or back
	// at an opening paragraph that a box of links cut off.
	skipTo int
}

// titleDistance is what each line of text between a headline candidate
// and the article costs it.
const titleDistance = 0.2

// minTitleScore is the least score a line needs to be taken as the
// headline.
const minTitleScore = 2.0

// titleBelowStart is how many lines into the article's region the
// headline is looked for, while they are short.
const titleBelowStart = 8

// longParagraph is the fewest words of a line that is surely running
// text, not a headline, a tagline or a promotion.
const longParagraph = 20

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
		if _, ok := l.author(); ok || isDateLine(l) && hasDate(l) {
			hi = j + 1
		}
	}
	// The region may open with short lines that are no article (a
	// promotion, a tagline, a caption) above the headline: the model's
	// candidates go on past them, up to the first long paragraph.
	candHi := hi
	for j := start; j < len(lines) && j < start+titleBelowStart && lines[j].words < longParagraph; j++ {
		candHi = max(candHi, j+1)
	}
	// Captions may open the region over the headline: when no line
	// above stands over a byline or a date, such a line a few lines into
	// the region is a candidate too.
	if datedHeadline(lines, lo, candHi) < 0 {
		if j := datedHeadline(lines, candHi, min(len(lines), start+titleBelowStart)); j >= 0 {
			candHi = j + 1
		}
	}
	// The window may stop just under a byline: the lines over it are
	// candidates too.
	candLo := bylineAbove(lines, lo)
	bestScore, best := minTitleScore, -1
	for i := lo; i < hi; i++ {
		s := titleScore(x, lines, i, start)
		if s > bestScore {
			bestScore, best = s, i
		}
	}
	below := -1 // a headline under the region's short opening
	titleAt := -1
	if t := pickTextTitle(x, lines, candLo, candHi, start); t >= 0 {
		h.title, titleAt = lines[t].text, t
		if t >= hi {
			below = t
		}
	}
	if best >= 0 {
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
	if below >= 0 {
		// The article starts under its headline: what stood above it was
		// not the article.
		h.skipTo = below + 1
		for h.skipTo < len(lines) && lines[h.skipTo].class != classGood {
			h.skipTo++
		}
		if h.skipTo >= len(lines) {
			h.skipTo = start
		}
	}
	// The byline and date are looked for from a few lines above the
	// headline: the one chosen, or the best by the hand-set score when
	// that is higher up.
	if titleAt < 0 {
		titleAt = best
	}
	from := lo
	if best >= 0 {
		from = max(lo, min(best, titleAt)-4)
	}
	if titleAt >= 0 && titleAt < lo {
		from = max(candLo, titleAt-4) // a headline over a byline above the window
	}
	h.byline = findByline(lines, from, max(hi, start+1)+2, titleAt, start)
	if h.title == "" {
		h.title = firstLineTitle(lines, start)
	}
	h.date, h.dateSource = findDate(x, lines, from, max(hi, start+1)+2, titleAt)
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
	if j >= start {
		return shortOpening(lines, title, start)
	}
	if lines[j].words < 12 {
		return start
	}
	g := j
	// A standfirst above the byline is not the opening paragraph.
	for k := g + 1; k < start && k <= g+4; k++ {
		if lines[k].class == classGood {
			break
		}
		if _, ok := lines[k].author(); ok || isDateLine(lines[k]) {
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

// shortOpening returns where an article opening with short lines starts
// when only those lie between its headline (and dateline) and the dense
// region: a blog post of one-line paragraphs. Furniture or a caption
// between them leaves the region as it is.
func shortOpening(lines []*textLine, title, start int) int {
	// The opening starts after the last byline, dateline or handle.
	j := title + 1
	for k := title + 1; k < start; k++ {
		l := lines[k]
		_, by := l.author()
		if by || isDateLine(l) || hasDate(l) && l.words <= 14 || l.nameLine() || strings.Contains(l.text, "@") {
			j = k + 1
		}
	}
	if start-j > 12 || start-j < 2 {
		return start
	}
	for k := j; k < start; k++ {
		l := lines[k]
		if l.class == classBad || l.credit || l.marker || creditSuffix(l.lower) {
			return start
		}
	}
	return j
}

// findByline returns the author named in lines [from, to) around the
// headline at line title, over the article starting at line start: a
// "By" line first, then a line of names next to the headline, then a
// "By" line anywhere on the page.
func findByline(lines []*textLine, from, to, title, start int) string {
	to = min(to, len(lines))
	for i := from; i < to; i++ {
		if b, ok := lines[i].author(); ok {
			return b
		}
		if b, ok := postedBy(lines[i].text); ok {
			return b
		}
	}
	if title >= 0 {
		for _, i := range append(append([]int{title + 1, title + 2, title + 3}, pastToolbar(lines, title)...), title-1, title-2) {
			if i >= 0 && i < len(lines) && lines[i].rep == 1 && lines[i].nameLine() &&
				!(i < title && (endsMenuRun(lines, i) || i+1 < title && endsMenuRun(lines, i+1) || inMenu(lines, i) || underText(lines, i))) &&
				!ordinaryWords(lines[i].text) && !namedInLead(lines, lines[i].text, max(start, title+1)) && !opensLinks(lines, i) {
				return lines[i].text
			}
		}
		if name := creditedNames(lines, title, start); name != "" {
			return name
		}
	}
	for i := from; i < to; i++ {
		if lines[i].rep <= 2 && lines[i].words <= 10 {
			if name := nameBeforeHandle(lines[i].text); name != "" {
				return name
			}
		}
	}
	if name := postFooter(lines, start); name != "" {
		return name
	}
	for _, l := range lines {
		if l.words <= 8 && l.class != classGood {
			if b, ok := l.author(); ok {
				return b
			}
		}
	}
	return ""
}

// pastToolbar returns the line under a row of tools below the headline
// at title ("Email", "Printer friendly version", "Large font") that
// stands beside a date, where a byline without "By" is printed: "Jane
// Doe, Lisbon" over "March 4, 2009". It returns nothing when the lines
// from the headline down are not short links, or no date is beside it.
func pastToolbar(lines []*textLine, title int) []int {
	for i := title + 1; i < len(lines) && i <= title+8; i++ {
		l := lines[i]
		if i > title+3 && i+1 < len(lines) && (hasDate(lines[i+1]) || hasDate(lines[i-1])) && l.nameLine() {
			return []int{i}
		}
		if l.words > 4 || l.end || hasDate(l) || l.nameLine() {
			return nil
		}
	}
	return nil
}

// opensLinks reports whether the name on line i also opens two short
// lines elsewhere on the page, or its copyright notice, as a site's name
// opens its links ("Harbour Online home", "Harbour Online Web",
// "Harbour Online © Harbour Media 2008"): it is the site's, and no
// byline. A person's name opens at most a sentence about them.
func opensLinks(lines []*textLine, i int) bool {
	name := lines[i].text
	n := 0
	for j, l := range lines {
		if j == i || len(l.text) <= len(name) || l.text[len(name)] != ' ' || !strings.HasPrefix(l.text, name) {
			continue
		}
		if l.words <= 8 || isCopyrightLine(l.lower) {
			if n++; n >= 2 {
				return true
			}
		}
	}
	return false
}

// ordinaryWords reports whether a line that reads as a name opens with
// a stop word, as links do ("About Us", "Your Voice", "From the Wire")
// and people's names do not.
func ordinaryWords(name string) bool {
	f := strings.Fields(name)
	return len(f) > 0 && words.IsStop(strings.ToLower(f[0]))
}

// nameBeforeHandle returns the name that opens a line of a person's name
// and social handle, "Jane Doe @janedoe / 2 days", when
// the handle follows the name; otherwise "".
func nameBeforeHandle(text string) string {
	name, rest, ok := strings.Cut(text, " @")
	if !ok || rest == "" || rest[0] == ' ' || !nameLine(name) {
		return ""
	}
	return name
}

// inMenu reports whether a line of names stands among a menu's items:
// the line above it and the line below it are short links (one to four
// capitalised words, no sentence, no date), as "Bundesliga", "Ligue 1"
// and "Internationals" around "Fantasy Football". A byline above a
// headline has the headline or a date next to it.
func inMenu(lines []*textLine, i int) bool {
	if i < 1 || i+1 >= len(lines) {
		return false
	}
	for _, l := range []*textLine{lines[i-1], lines[i+1]} {
		if l.words < 1 || l.words > 4 || l.end || hasDate(l) || strings.ContainsAny(l.text, ":|!?\"") || l.nameLine() {
			return false
		}
		if !wordsCapitalised(l.text) {
			return false
		}
	}
	return true
}

// underText reports whether the line above line i is running text (ten
// words or more, apart by spaces: an address's parts are not words): a
// name there, above the headline, signs a comment or a reader's quote,
// and is no byline.
func underText(lines []*textLine, i int) bool {
	if i < 1 || lines[i-1].words < 10 {
		return false
	}
	n := 0
	for range strings.FieldsSeq(lines[i-1].text) {
		n++
	}
	return n >= 10
}

// namedInLead reports whether the first words of a line of names (its
// first two) are named in the article's first paragraphs, from line
// start on: the line names the story's subject ("Harbour United" over
// "Harbour United defenders will be available..."), or a caption's
// person, not its writer.
func namedInLead(lines []*textLine, name string, start int) bool {
	w := strings.Fields(dropParens(name))
	if len(w) < 2 {
		return false
	}
	lead := w[0] + " " + w[1]
	seen := 0
	for i := max(start, 0); i < len(lines) && seen < leadParagraphs; i++ {
		if lines[i].class != classGood {
			continue
		}
		seen++
		if strings.Contains(lines[i].text, lead) {
			return true
		}
	}
	return false
}

// leadParagraphs is how many of an article's first paragraphs namedInLead
// reads.
const leadParagraphs = 6

// endsMenuRun reports whether the two lines above line i are, like it,
// links of two to four capitalised words, as a menu's items are ("Fast
// Bikes", "Classic Motorcycles"): a name line there above the headline
// is one of the menu's items, not a byline.
func endsMenuRun(lines []*textLine, i int) bool {
	if i < 2 {
		return false
	}
	for _, l := range lines[i-2 : i] {
		if l.words < 2 || l.words > 4 || l.end || hasNameBreaker(l.text) {
			return false
		}
		if !wordsCapitalised(l.text) {
			return false
		}
	}
	return true
}

// wordsCapitalised reports whether no word of text begins with a letter
// in lower case, as a menu's items are written.
func wordsCapitalised(text string) bool {
	for w := range strings.FieldsSeq(text) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
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
	if titleRuledOut(x, l) {
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
	return titleScoreRest(lines, i, start)
}

// titleRuledOut reports whether a line cannot be a headline whatever
// lies around it: a byline, a date, an address, a credit, furniture.
func titleRuledOut(x *Extractor, l *textLine) bool {
	if l.words < 2 || l.words > 30 || l.runes > 220 || l.credit || l.marker || l.bullet {
		return true
	}
	if x.Signatures != nil && l.outletName(x.Signatures) {
		return true // the outlet's name
	}
	if isChromeExact(l.key) || l.iconRun() || isTimestampOnly(l.lower) || isDateLine(l) {
		return true
	}
	if _, ok := l.author(); ok || notedNames(l.text) {
		return true // a byline, with or without "By"
	}
	if strings.HasSuffix(l.text, ":") || strings.HasPrefix(l.lower, "http") || creditSuffix(l.lower) ||
		strings.Contains(l.text, "(@") || strings.Contains(l.text, " @") || strings.Contains(l.text, "--") {
		return true
	}
	return l.class == classBad && l.markers() > countSocial(l.lower) || strings.Contains(l.text, "_") || l.menu || isControlRun(l.text)
}

// titleScoreRest is titleScore past its tests that rule a line out.
func titleScoreRest(lines []*textLine, i, start int) float64 {
	l := lines[i]
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
	if l.nameLine() {
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
		if _, ok := lj.author(); ok || isDateLine(lj) || near == 1 && lj.words <= 14 && hasDate(lj) {
			s += 2.5 - 0.5*float64(near)
			break
		}
		if lj.nameLine() {
			s += 1
			break
		}
		if lj.class == classShort && lj.words >= 4 && !lj.end {
			break // another headline-like line lies between
		}
	}
	if i > 0 {
		p := lines[i-1]
		if _, ok := p.author(); ok || p.nameLine() {
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

// socialNames are the social networks furniture names.
var socialNames = newSubstringSet("twitter", "facebook", "instagram", "whatsapp", "linkedin", "pinterest", "youtube", "podcast")

// countSocial returns how many social network names a line holds;
// headlines may name them where furniture does too.
func countSocial(lower string) int {
	return socialNames.count(lower)
}

// isDateLine reports whether a line is mostly a date or a dateline such
// as "Published 19 June 2024" or "Nov. 20, 2019 5:52 AM EST".
func isDateLine(l *textLine) bool {
	if l.memo&memoDateLine == 0 {
		l.memo |= memoDateLine
		if isDateLineText(l) {
			l.memo |= memoIsDateLine
		}
	}
	return l.memo&memoIsDateLine != 0
}

// isDateLineText is isDateLine without the memo.
func isDateLineText(l *textLine) bool {
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
	if l.memo&memoDate == 0 {
		l.memo |= memoDate
		if lineHasDate(l) {
			l.memo |= memoHasDate
		}
	}
	return l.memo&memoHasDate != 0
}

// lineHasDate is hasDate without the memo.
func lineHasDate(l *textLine) bool {
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
// failing that on a line labelled "Published" anywhere in the chrome,
// and which of the two it was (a feed.DateFrom constant).
func findDate(x *Extractor, lines []*textLine, from, to, title int) (time.Time, string) {
	now := x.now()
	to = min(to, len(lines))
	read := func(s string) (time.Time, bool) {
		t, other, ok := parseDateReadings(s, now)
		if ok && !other.IsZero() {
			t = pageDateOrder(lines, t, other, s)
		}
		return t, ok
	}
	// A labelled date near the headline first, then any date there; a
	// date labelled as an update only when there is no other. Within
	// each, the lines from the headline down come first: the byline and
	// dateline are under it, and a date above it is as often the day the
	// page was printed (a masthead's) as the article's.
	// A date inside a paragraph of more than fourteen words (a
	// standfirst's "... on March 8 last year") is weaker than any on a
	// short line, and is read only when no short line has one.
	order := headerOrder(from, to, title)
	for pass := 0; pass < 6; pass++ {
		for _, i := range order {
			l := lines[i]
			if l.class == classGood && l.words > 20 || (l.words > 14) != (pass >= 3) {
				continue
			}
			if pass := pass % 3; pass == 0 && !dateLabelled(l.lower) || pass < 2 && updateOnly(l.lower) || pass == 2 && !updateOnly(l.lower) {
				continue
			}
			if t, ok := read(publishedPart(l.text)); ok {
				return t, feed.DateFromDateline
			}
		}
	}
	for pass := 0; pass < 2; pass++ {
		for _, l := range lines {
			if l.words > 14 || l.class == classGood || (pass == 0) == updateOnly(l.lower) {
				continue
			}
			_, byline := l.author()
			if dateLabelled(l.lower) || byline {
				if t, ok := read(publishedPart(l.text)); ok {
					return t, feed.DateFromText
				}
			}
		}
	}
	// A labelled date without its year takes the year of the page's
	// copyright notice: "Updated Nov 19, 6:55 AM" on a page "© 2019".
	year := copyrightYear(lines)
	if year == 0 {
		return time.Time{}, ""
	}
	for i := from; i < to; i++ {
		l := lines[i]
		if l.words <= 14 && (dateLabelled(l.lower) || isDateLine(l)) {
			if t, ok := dateWithoutYear(l.text, year); ok && !t.After(now) {
				return t, feed.DateFromDateline
			}
		}
	}
	return time.Time{}, ""
}

// headerOrder returns the lines [from, to) in the order findDate reads
// them: from the headline (title; -1 when there is none) down, then those
// above it from the nearest up: a masthead's day, printed higher, is the
// day the page was printed, the one next to the headline the article's.
func headerOrder(from, to, title int) []int {
	order := make([]int, 0, max(to-from, 0))
	if title < from || title >= to {
		title = from
	}
	for i := title; i < to; i++ {
		order = append(order, i)
	}
	for i := title - 1; i >= from; i-- {
		order = append(order, i)
	}
	return order
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

// lineMemo records which of a line's header tests have been worked out,
// and their answers: reading the header asks them of each line often.
type lineMemo uint16

const (
	memoAuthor lineMemo = 1 << iota // author known
	memoIsAuthor
	memoDateLine // isDateLine known
	memoIsDateLine
	memoDate // hasDate known
	memoHasDate
	memoOutlet // outletName known
	memoIsOutlet
	memoName // nameLine known
	memoIsName
)

// nameLine returns nameLine(l.text), worked out once.
func (l *textLine) nameLine() bool {
	if l.memo&memoName == 0 {
		l.memo |= memoName
		if nameLine(l.text) {
			l.memo |= memoIsName
		}
	}
	return l.memo&memoIsName != 0
}

// outletName reports whether the line is a name the signature table
// knows, worked out once: an extraction uses one table throughout.
func (l *textLine) outletName(sigs *Signatures) bool {
	if l.memo&memoOutlet == 0 {
		l.memo |= memoOutlet
		if _, ok := sigs.lookup(l.text); ok {
			l.memo |= memoIsOutlet
		}
	}
	return l.memo&memoIsOutlet != 0
}

// author returns bylineOf(l.text), worked out once.
func (l *textLine) author() (string, bool) {
	if l.memo&memoAuthor == 0 {
		l.memo |= memoAuthor
		name, ok := bylineOf(l.text)
		if ok {
			l.memo |= memoIsAuthor
		}
		l.authorName = name
	}
	return l.authorName, l.memo&memoIsAuthor != 0
}
