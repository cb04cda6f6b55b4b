package extract

import (
	"hash/maphash"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed"
)

// shingleSeed hashes word runs for comparing texts within one process.
var shingleSeed = maphash.MakeSeed()

// shingles counts the runs of four consecutive words in text, as hashes:
// a text of fewer words is one run of them all.
func shingles(text string) map[uint64]int {
	words := strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_'
	})
	out := make(map[uint64]int, len(words))
	for i := 0; i < max(1, len(words)-3); i++ {
		run := words[i:min(len(words), i+4)]
		if len(run) == 0 {
			break
		}
		out[maphash.String(shingleSeed, strings.Join(run, " "))]++
	}
	return out
}

func total(s map[uint64]int) int {
	n := 0
	for _, c := range s {
		n += c
	}
	return n
}

// dropRepeats removes from a Markdown body the blocks whose words the
// rest of it already says: an extraction that keeps both a paragraph
// run together from <br>-separated lines and the same lines as
// paragraphs of their own, or a story printed twice. The biggest blocks
// are tried first, so of a merged block and its parts the parts stay, and
// of two equal blocks the later goes.
func dropRepeats(body string) string {
	blocks := strings.Split(body, "\n\n")
	if len(blocks) < 2 {
		return body
	}
	runs := make([]map[uint64]int, len(blocks))
	all := map[uint64]int{}
	for i, b := range blocks {
		runs[i] = shingles(feed.PlainText(b))
		for k, c := range runs[i] {
			all[k] += c
		}
	}
	order := make([]int, len(blocks))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if d := total(runs[b]) - total(runs[a]); d != 0 {
			return d
		}
		return b - a
	})
	drop := make([]bool, len(blocks))
	for _, i := range order {
		n := total(runs[i])
		if n < minRepeatRuns {
			continue
		}
		elsewhere := 0
		for k, c := range runs[i] {
			elsewhere += min(c, all[k]-c)
		}
		if elsewhere*5 >= n*4 {
			drop[i] = true
			for k, c := range runs[i] {
				all[k] -= c
			}
		}
	}
	kept := blocks[:0]
	for i, b := range blocks {
		if !drop[i] {
			kept = append(kept, b)
		}
	}
	return strings.Join(kept, "\n\n")
}

// minRepeatRuns is the fewest word runs a block must have to be dropped
// as a repeat: a short line ("Share", a credit) may well recur.
const minRepeatRuns = 8

// secondOpinion reads the page a second way, as the text a scrape of it
// would give (see pageText) through the text extractor, and returns
// that reading instead of body when the two agree that it is the article
// and body only adds to it around its edges:
//
//   - nearly all of the text reading is in body (the two found the same
//     article), yet body is longer by more than a twentieth: what
//     trafilatura adds is comments, teasers, credits, link lists or the
//     headline and dateline run into the first paragraph; a line or two
//     more (minExtraRuns) is not worth the Markdown the text reading
//     lacks, and may be a short paragraph it took for furniture;
//   - body adds little inside the text reading's span, so the text
//     reading did not skip a table or a list in the middle;
//   - the text reading has at least three tenths of body's words, so it
//     is not a stray fragment, unless body is one block in which the
//     text reading finds paragraphs (see runTogether).
//
// When trafilatura finds no article at all, the text reading stands in.
// When body stands, the text reading may still give it back a lead or a
// paragraph it lost (restoreFromReading).
func secondOpinion(x *Extractor, path, text, body string) string {
	return preferReading(textReading(x, path, text), body)
}

// textReading reads a page's visible text as the text extractor reads
// a scrape of it, or returns nil when that finds no article.
func textReading(x *Extractor, path, text string) *feed.Article {
	// The second reading's headline candidates are not the page's: a
	// trace of them (see TitleCandidates) stays with the HTML reading.
	tx := *x
	tx.trace = nil
	arts, _ := extractTextFile(&tx, Source{Path: path, Data: []byte(text)})
	if len(arts) == 0 {
		return nil
	}
	return arts[0]
}

// preferReading is secondOpinion given the text reading, r (nil when
// there is none).
func preferReading(r *feed.Article, body string) string {
	if r == nil || countWords(r.Body) < minArticleWords {
		return body
	}
	alt := r.Body
	if countWords(body) < minArticleWords {
		return alt
	}
	b := shingles(feed.PlainText(alt))
	body = trimEdges(body, b)
	if bodyStands(body, alt, b) {
		return restoreFromReading(body, alt)
	}
	return alt
}

// splitJoined puts back the space between two sentences that
// trafilatura ran together where the page broke the line with <br>
// ("… the river.The ferry …"): a whole word of body that is two words
// standing apart in the page's visible text (see pageText), the first ending as a
// sentence ends (., !, ? or a closing quotation mark), becomes the two.
func splitJoined(body, alt string) string {
	var joined map[string]bool
	for _, w := range strings.Fields(body) {
		if k := strings.IndexAny(w, ".!?\"”’"); k >= 0 && k < len(w)-1 {
			if joined == nil {
				joined = map[string]bool{}
			}
			joined[w] = true
		}
	}
	if joined == nil {
		return body
	}
	f := strings.Fields(alt)
	for i := 1; i < len(f); i++ {
		prev := f[i-1]
		if !endsSentenceWord(prev) || !joined[prev+f[i]] {
			continue
		}
		body = replaceWord(body, prev+f[i], prev+" "+f[i])
		delete(joined, prev+f[i])
	}
	return body
}

// endsSentenceWord reports whether a word ends as a sentence does.
func endsSentenceWord(w string) bool {
	for _, end := range []string{".", "!", "?", "\"", "”", "’"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// replaceWord replaces in s each occurrence of word that stands as a
// whole word (white space or the text's ends on both sides) with repl.
func replaceWord(s, word, repl string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, word)
		if i < 0 {
			break
		}
		j := i + len(word)
		whole := (i == 0 || isSpaceByte(s[i-1])) && (j == len(s) || isSpaceByte(s[j]))
		if whole {
			b.WriteString(s[:i])
			b.WriteString(repl)
		} else {
			b.WriteString(s[:j])
		}
		s = s[j:]
	}
	b.WriteString(s)
	return b.String()
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// bodyStands reports whether trafilatura's body stands against the text
// reading alt (whose word runs are b): the rules of secondOpinion.
func bodyStands(body, alt string, b map[uint64]int) bool {
	a := shingles(feed.PlainText(body))
	na, nb := total(a), total(b)
	if nb*20 > na*19 || na-nb < minExtraRuns || (nb*10 < na*3 && !runTogether(body, alt)) || overlap(b, a)*20 < nb*19 {
		return true
	}
	runs, blocks := insideAdded(body, b)
	return runs*20 > na || blocks >= minInsideBlocks
}

// restoreFromReading adds to trafilatura's body the paragraphs of the
// text reading, alt, that it lost where the text reading's placing is
// the surer guide. Each must be a plain paragraph ending as a sentence
// that body holds (almost) none of:
//
//   - the lead: the text reading's paragraph just above the first one
//     the two share, when it opens as a dispatch opens, with a dateline
//     ("HARBOURTON —", "QUAYSIDE, Eastshire -") or a word in capitals
//     (see opensLikeDispatch). trafilatura skips a lead printed apart
//     from the story's other paragraphs (under the headline, beside a
//     picture); what else stands there in the text reading, a photo's
//     caption or a standfirst, opens as a sentence does.
//   - a long paragraph (minRestoredWords) between two the readings
//     share: a paragraph trafilatura dropped in the middle of the
//     article, split off by an advertisement or a figure. Short lines
//     there (sub-headings, captions, "Read more" links) stay out.
//
// Each goes where the text reading has it: the lead before body's
// block that holds the first shared paragraph, a middle paragraph
// after the block that holds the shared paragraph before it.
func restoreFromReading(body, alt string) string {
	a := shingles(feed.PlainText(body))
	var rblocks []string
	for _, blk := range strings.Split(alt, "\n\n") {
		if strings.TrimSpace(blk) != "" {
			rblocks = append(rblocks, blk)
		}
	}
	shared, first, last := sharedBlocks(rblocks, a)
	if first < 0 {
		return body
	}
	missing := func(blk string, minWords int) bool {
		text := feed.PlainText(blk)
		s := shingles(text)
		return countWords(text) >= minWords && sentenceLike(text) && plainParagraph(blk) && !emphasised(blk) &&
			overlap(s, a)*10 <= total(s)
	}
	blocks := strings.Split(body, "\n\n")
	// holder returns the first (or last) of body's blocks that holds
	// most of a paragraph of the text reading, or -1.
	holder := func(blk string, lastOne bool) int {
		s := shingles(feed.PlainText(blk))
		at := -1
		for j, b := range blocks {
			if o := overlap(shingles(feed.PlainText(b)), s); o > 0 && o*2 >= min(total(s), total(shingles(feed.PlainText(b)))) {
				at = j
				if !lastOne {
					break
				}
			}
		}
		return at
	}
	changed := false
	for i := last - 1; i > first; i-- {
		if shared[i] || !missing(rblocks[i], minRestoredWords) {
			continue
		}
		k := i - 1
		for !shared[k] {
			k--
		}
		if j := holder(rblocks[k], true); j >= 0 {
			blocks = slices.Insert(blocks, j+1, rblocks[i])
			changed = true
		}
	}
	if i := first - 1; i >= 0 && missing(rblocks[i], minLeadWords) && opensLikeDispatch(feed.PlainText(rblocks[i])) {
		if j := holder(rblocks[first], false); j >= 0 {
			blocks = slices.Insert(blocks, j, rblocks[i])
			changed = true
		}
	}
	if !changed {
		return body
	}
	return strings.Join(blocks, "\n\n")
}

// minLeadWords and minRestoredWords are the fewest words of a lead and
// of a middle paragraph restoreFromReading adds: a sentence or two, and
// a full paragraph.
const (
	minLeadWords     = 10
	minRestoredWords = 40
)

// emphasised reports whether a Markdown block is set in italics as a
// whole, as captions and credits are.
func emphasised(blk string) bool {
	s := strings.TrimSpace(blk)
	return len(s) > 2 && !strings.HasPrefix(s, "**") &&
		(s[0] == '*' && s[len(s)-1] == '*' || s[0] == '_' && s[len(s)-1] == '_')
}

// opensLikeDispatch reports whether a paragraph opens as a news
// dispatch's first paragraph does: with a word of three letters or more
// in capitals ("HARBOURTON —", "QUAYSIDE, Eastshire", "NOBODY expected"),
// not a possessive ("NASA's"), or with a dash among its first eight
// words, after the dateline ("Quayside, Eastshire — The …").
func opensLikeDispatch(text string) bool {
	words := strings.Fields(text)
	if len(words) == 0 {
		return false
	}
	head := strings.Join(words[:min(8, len(words))], " ")
	if strings.ContainsAny(head, "—–") || strings.Contains(head, " - ") || strings.Contains(head, "--") {
		return true
	}
	w := strings.TrimLeftFunc(words[0], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if i := strings.IndexAny(w, ",:(—–-"); i >= 0 {
		w = w[:i]
	}
	w = strings.TrimRight(w, ".")
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.':
		default:
			return false
		}
	}
	return letters >= 3
}

// runTogether reports whether body is one block where the text reading
// alt finds paragraphs: trafilatura took a whole table cell or <div>,
// headline, date line, story and the links after it, as one paragraph.
// A text reading that is a small part of such a body is not a stray
// fragment of an article trafilatura found whole, since trafilatura
// found no paragraphs at all.
func runTogether(body, alt string) bool {
	return !strings.Contains(strings.TrimSpace(body), "\n\n") && strings.Contains(strings.TrimSpace(alt), "\n\n")
}

// trimEdges drops from body the paragraphs before and after the span it
// shares with the other reading (whose word runs are other) that the
// other reading lacks, when the two readings mostly agree: each holds at
// least agreeShare of the other's word runs. What trafilatura keeps
// around the article and the text reading leaves out is a teaser, a
// credit, a copyright line or a link list. Headings, lists, tables and
// quotes stay: the text reading, which sees only lines, is the one that
// misses those. So does a sentence before the span: a short first
// paragraph the text reading took for furniture (see minExtraRuns).
func trimEdges(body string, other map[uint64]int) string {
	a := shingles(feed.PlainText(body))
	na, nb, o := total(a), total(other), overlap(a, other)
	if na == 0 || nb == 0 || float64(o) < agreeShare*float64(na) || float64(o) < agreeShare*float64(nb) {
		return body
	}
	blocks := strings.Split(body, "\n\n")
	shared, first, last := sharedBlocks(blocks, other)
	if first < 0 {
		return body
	}
	kept := make([]string, 0, len(blocks))
	for i, blk := range blocks {
		if (i < first || i > last) && !shared[i] && plainParagraph(blk) && countWords(feed.PlainText(blk)) > 0 &&
			(i > last || !sentenceLike(feed.PlainText(blk))) {
			continue
		}
		kept = append(kept, blk)
	}
	return strings.Join(kept, "\n\n")
}

// sentenceLike reports whether text reads as a sentence: three words or
// more, ending as a sentence ends.
func sentenceLike(text string) bool {
	text = strings.TrimSpace(text)
	if countWords(text) < 3 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text)
	return strings.ContainsRune(".!?\"'”’", r)
}

// agreeShare is how much of each reading the other must hold for the
// two to be taken as readings of the same article.
const agreeShare = 0.8

// plainParagraph reports whether a Markdown block is a paragraph, not a
// heading, list, table, quote or code.
func plainParagraph(blk string) bool {
	s := strings.TrimLeft(blk, " ")
	switch {
	case s == "", strings.HasPrefix(s, "#"), strings.HasPrefix(s, "|"), strings.HasPrefix(s, ">"),
		strings.HasPrefix(s, "```"), strings.HasPrefix(s, "- "), strings.HasPrefix(s, "* "), strings.HasPrefix(s, "+ "):
		return false
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return !(i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' ')
}

// minExtraRuns is the fewest word runs trafilatura's body must add to
// the text reading's for the text reading to be preferred: about a
// sentence.
const minExtraRuns = 10

// sharedBlocks reports which of blocks the other reading (its word
// runs, other) mostly holds: at least half of each block's runs. first
// and last are the first and the last such block, or -1.
func sharedBlocks(blocks []string, other map[uint64]int) (shared []bool, first, last int) {
	shared = make([]bool, len(blocks))
	first, last = -1, -1
	for i, blk := range blocks {
		s := shingles(feed.PlainText(blk))
		n := total(s)
		shared[i] = n > 0 && overlap(s, other)*2 >= n
		if shared[i] {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return shared, first, last
}

// overlap counts the word runs a and b share.
func overlap(a, b map[uint64]int) int {
	n := 0
	for k, c := range a {
		n += min(c, b[k])
	}
	return n
}

// minInsideBlocks is the fewest blocks body may add inside the text
// reading's span for body to stand however few their words: short lines
// between paragraphs (a credit under each quotation, a name under each
// entry) that the text reading took for furniture are the article's
// structure, not trafilatura's additions.
const minInsideBlocks = 3

// insideAdded counts the word runs, and the blocks, of body that other's
// text mostly lacks and that lie between blocks it has: what body adds
// inside the other reading's span rather than around it.
func insideAdded(body string, other map[uint64]int) (runs, blocks int) {
	var sizes []int
	var in []bool
	for _, blk := range strings.Split(body, "\n\n") {
		s := shingles(feed.PlainText(blk))
		n := total(s)
		sizes = append(sizes, n)
		in = append(in, n > 0 && overlap(s, other)*2 >= n)
	}
	first, last := slices.Index(in, true), -1
	for i := len(in) - 1; i >= 0; i-- {
		if in[i] {
			last = i
			break
		}
	}
	for i := first; i >= 0 && i <= last; i++ {
		if !in[i] && sizes[i] > 0 {
			runs += sizes[i]
			blocks++
		}
	}
	return runs, blocks
}

// dropTail removes what follows the article at the end of a body:
//
//   - a row of the page's tools or links set apart by bars or dots
//     ("Print | E-mail this | Share", see isMenuRow) in the body's
//     second half, and all after it: such a row closes the article, and
//     what comes after is the page's (teasers for other stories, a
//     "Top stories" box, the site's links);
//   - the headings it ends with: a heading with no paragraph after it is
//     a "Related" or "Latest" box's title, left when its links were
//     dropped;
//   - the site speaking to its reader after the article (see
//     closingAddress).
func dropTail(body string) string {
	blocks := strings.Split(body, "\n\n")
	seen, size := 0, len(body)
	for i, blk := range blocks {
		seen += len(blk)
		if i > 0 && seen*2 > size && !strings.Contains(strings.TrimSpace(blk), "\n") && plainParagraph(blk) &&
			isMenuRow(feed.PlainText(blk)) {
			blocks = blocks[:i]
			break
		}
	}
	for len(blocks) > 1 && strings.HasPrefix(strings.TrimSpace(blocks[len(blocks)-1]), "#") {
		blocks = blocks[:len(blocks)-1]
	}
	if at := closingAddress(blocks); at > 0 {
		blocks = blocks[:at]
	}
	return strings.Join(blocks, "\n\n")
}

// closingAddress returns where a body's closing run of the site's own
// words to its reader begins, or -1 when it ends with none. Such a run
// follows the article on many pages: a promotion ("Drop in again soon.",
// "Find us at the quay kiosk."), an appeal ("Are you facing a
// difficult time? Call us."), a request to read the site's terms, with
// the notices above it. The run is the body's last blocks that are short
// plain paragraphs (maxClosingWords) and neither quote nor report speech
// (see reportsSpeech); the last of them must speak to the reader or as
// the site ("you", "our", "we", "us": see addressesReader). It is cut
// from its first block that does so or is a notice of copyright or a
// trade mark, when at least two of its blocks do so or are notices, and
// that block is in the body's second half. An article's own closing
// paragraphs quote or report, and seldom end in two short lines that
// address the reader.
func closingAddress(blocks []string) int {
	from, marked := -1, 0
	for i := len(blocks) - 1; i > 0; i-- {
		text := strings.TrimSpace(feed.PlainText(blocks[i]))
		if n := countWords(text); n == 0 || n > maxClosingWords || !plainParagraph(blocks[i]) || reportsSpeech(text) {
			break
		}
		addresses := addressesReader(text)
		if i == len(blocks)-1 && !addresses {
			return -1
		}
		if addresses || isNotice(text) {
			from = i
			marked++
		}
	}
	if marked < 2 || from*2 < len(blocks) {
		return -1
	}
	return from
}

// maxClosingWords is the most words of a block closingAddress takes for
// the site's: a line or two.
const maxClosingWords = 25

// addressesReader reports whether text speaks to the reader or as the
// site: it holds "you", "your", "our", "we" or "us" (in lower case, so
// not "US").
func addressesReader(text string) bool {
	for _, w := range strings.FieldsFunc(text, notWordRune) {
		switch strings.ToLower(w) {
		case "you", "your", "yours", "our", "ours", "we":
			return true
		}
		if w == "us" {
			return true
		}
	}
	return false
}

// reportsSpeech reports whether text quotes or reports speech: it holds
// a quotation mark, or "said", "says" or "told".
func reportsSpeech(text string) bool {
	if strings.ContainsAny(text, "\"“”«»„") {
		return true
	}
	for _, w := range strings.FieldsFunc(text, notWordRune) {
		switch strings.ToLower(w) {
		case "said", "says", "told":
			return true
		}
	}
	return false
}

// isNotice reports whether text is a copyright or trade mark notice.
func isNotice(text string) bool {
	lower := strings.ToLower(text)
	return isCopyrightLine(lower) || strings.Contains(lower, "™") || strings.Contains(lower, "trade mark") ||
		strings.Contains(lower, "trademark")
}
