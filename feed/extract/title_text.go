package extract

import (
	"strings"
	"time"
)

// textTitleFeatures name the features of a headline candidate in plain
// text, a line above or near the article's start.
var textTitleFeatures = [...]string{
	"fallback",     // the "none of these" candidate
	"rule_score",   // the hand-set rule's score (titleScore), / 10
	"rule_zero",    // the rule rules the line out
	"rule_best",    // the line the rule picks
	"between",      // running lines between it and the article, / 10
	"near_rank",    // 1 / its rank among candidates counted up from the article
	"below_start",  // it lies inside the article's region
	"words_short",  // 2 or 3 words
	"words_mid",    // 5 to 22 words
	"words_long",   // more than 22 words
	"cap_share",    // share of capitalised words
	"all_caps",     // no lower-case letter
	"end_period",   // ends with a full stop
	"end_mark",     // ends with ? or !
	"repeats",      // the line occurs more than once in the file
	"repeats_many", // more than three times
	"lead_share",   // share of its words in the article's opening
	"lead_most",    // at least half of its words are there
	"digits",       // share of digits
	"byline",       // reads as a byline
	"name_line",    // a line of names
	"date_line",    // mostly a date
	"has_date",     // holds a date
	"class_good",   // running text
	"class_bad",    // furniture
	"menu",         // a row of links
	"after_marker", // follows a "Related stories" heading
	"header_below", // a byline or date follows within three lines
	"after_short",  // follows a line of one or two words
	"separator",    // holds " | ", " - " or " :: "
	"link_text",    // holds an address
	"outlet",       // names the outlet
	"first_line",   // the file's first line
	"sentences",    // holds two sentences
}

// textTitleCandidates returns the candidate headlines among lines [lo,
// hi) for an article starting at line start: the rule's pick rule, and
// the fallback, a line of the file's top (firstLineTitle) or, failing
// that, the article's first sentence. The candidates' Features are
// textTitleFeatures; index i of lines is recorded in idx.
func textTitleCandidates(x *Extractor, lines []*textLine, lo, hi, start, rule int) (cands []TitleCandidate, idx []int) {
	nf := len(textTitleFeatures)
	feats := make([]float64, 0, nf*(hi-lo+1))
	add := func(text string, f []float64) {
		cands = append(cands, TitleCandidate{Text: text, Features: f})
	}
	// The article's opening: its first running lines.
	var open strings.Builder
	for j, n := start, 0; j < len(lines) && n < 3; j++ {
		if lines[j].class == classGood {
			open.WriteString(lines[j].text)
			open.WriteByte(' ')
			n++
		}
	}
	lead := wordSet(open.String())
	// Candidates are ranked by nearness from the article up.
	rank := 0
	type row struct {
		i    int
		rank int
	}
	var rows []row
	for i := hi - 1; i >= lo; i-- {
		l := lines[i]
		if l.words < 2 || l.words > 30 || l.runes > 220 {
			continue
		}
		rank++
		rows = append(rows, row{i, rank})
	}
	for k := len(rows) - 1; k >= 0; k-- {
		i := rows[k].i
		l := lines[i]
		f := feats[len(feats) : len(feats)+nf : len(feats)+nf]
		feats = feats[:len(feats)+nf]
		s := titleScore(x, lines, i, start)
		f[1] = s / 10
		f[2] = b2f(s == 0)
		f[3] = b2f(i == rule)
		between := 0
		for j := i + 1; j < start; j++ {
			if lines[j].class != classBad {
				between++
			}
		}
		f[4] = min(float64(between), 30) / 10
		f[5] = 1 / float64(rows[k].rank)
		f[6] = b2f(i >= start)
		f[7] = b2f(l.words <= 3)
		f[8] = b2f(l.words >= 5 && l.words <= 22)
		f[9] = b2f(l.words > 22)
		f[10], _ = caseShape(l.text)
		_, caps := caseShape(l.text)
		f[11] = b2f(caps)
		f[12] = b2f(strings.HasSuffix(l.text, ".") && !strings.HasSuffix(l.text, "..."))
		f[13] = b2f(strings.HasSuffix(l.text, "?") || strings.HasSuffix(l.text, "!"))
		f[14] = b2f(l.rep > 1)
		f[15] = b2f(l.rep > 3)
		share := shareIn(titleTokens(l.text), lead)
		f[16] = share
		f[17] = b2f(share >= 0.5)
		f[18] = digitShare(l.text)
		_, by := l.author()
		f[19] = b2f(by)
		f[20] = b2f(l.nameLine())
		f[21] = b2f(isDateLine(l))
		if _, ok := parseDate(l.text, time.Time{}); ok || hasDate(l) {
			f[22] = 1
		}
		f[23] = b2f(l.class == classGood)
		f[24] = b2f(l.class == classBad)
		f[25] = b2f(l.menu)
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			if lines[j].marker {
				f[26] = 1
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
				f[27] = 1
				break
			}
		}
		f[28] = b2f(i > 0 && lines[i-1].words <= 2 && lines[i-1].class != classGood)
		f[29] = b2f(strings.Contains(l.text, " | ") || strings.Contains(l.text, " - ") || strings.Contains(l.text, " :: "))
		f[30] = b2f(strings.HasPrefix(l.lower, "http") || strings.Contains(l.lower, "www.") || strings.Contains(l.lower, ".com"))
		f[31] = b2f(x.Signatures != nil && l.outletName(x.Signatures))
		f[32] = b2f(i == 0)
		if k := strings.Index(l.text, ". "); k > 0 && k < len(l.text)-2 && len(strings.Fields(l.text[:k])) >= 3 {
			f[33] = 1
		}
		add(l.text, f)
		idx = append(idx, i)
	}
	fb := make([]float64, nf)
	fb[0] = 1
	cands = append(cands, TitleCandidate{Text: firstLineTitle(lines, start), Fallback: true, Features: fb})
	idx = append(idx, -1)
	return cands, idx
}

// pickTextTitle returns the line of lines chosen as the headline of the
// article starting at start among lines [lo, hi), rule being the line
// the hand-set rule picks (-1 for none); -1 means none is, and the
// headline is made from the article.
func pickTextTitle(x *Extractor, lines []*textLine, lo, hi, start, rule int) int {
	cands, idx := textTitleCandidates(x, lines, lo, hi, start, rule)
	x.recordTitles(cands)
	k := Pick(DefaultTitleModel().Text.Weights, cands)
	if k < 0 {
		return -1
	}
	return idx[k]
}
