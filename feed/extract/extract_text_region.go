package extract

import (
	"strings"
	"unicode"
)

// This file finds the article among the lines of a page: the densest
// run of running text, widened over what belongs to it.

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
		if t := tableAfter(lines, bestEnd); t > bestEnd {
			bestEnd = t
			continue
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
const isolatedWeight = 0.25

// Line weights of furniture, "related stories" headings and short lines.
const (
	badWeight    = -4.0
	markerWeight = -40.0
	shortWeight  = -2.5
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
	return shortWeight
}

// datedListArticle finds the article of a page whose dense region is
// weak, every paragraph in it standing alone as in a sidebar of
// teasers, while above it a headline over a dateline opens a list or a
// table: a results page, a calendar. It returns the lines from under
// the dateline to the first "Tags" or "Related" heading.
func datedListArticle(x *Extractor, lines []*textLine, start int) (int, int, bool) {
	for i := start; i < len(lines) && i < start+40; i++ {
		if lines[i].class == classGood && goodNeighbour(lines, i) {
			return 0, 0, false // the region has paragraphs side by side
		}
	}
	best, bestScore := -1, minTitleScore
	for i := 0; i+1 < start; i++ {
		if !isDateLine(lines[i+1]) || !hasDate(lines[i+1]) {
			continue
		}
		if sc := titleScore(x, lines, i, i+2); sc > bestScore {
			best, bestScore = i, sc
		}
	}
	if best < 0 {
		return 0, 0, false
	}
	s := best + 2
	for s < start && lines[s].class == classBad {
		s++
	}
	e, words := s, 0
	for ; e < start && !lines[e].marker; e++ {
		words += lines[e].words
	}
	// The list must end in a heading such as "Tags" above the region,
	// which then belongs to the page's sidebar.
	if e >= start || e-s < 3 || words < 30 {
		return 0, 0, false
	}
	return s, e - 1, true
}

// tableAfter returns the last cell of a table announced with a colon at
// line end ("Standings after 36 races:"), marking its cells, or end when
// none follows. A flattened table is a run of short cells, many of them
// figures.
func tableAfter(lines []*textLine, end int) int {
	// The announcement ends the region or follows it closely.
	head := end
	for head < len(lines)-1 && head < end+2 && !strings.HasSuffix(lines[head].text, ":") && lines[head+1].class == classShort {
		head++
	}
	if !strings.HasSuffix(lines[head].text, ":") {
		return end
	}
	j, figures := head+1, 0
	for ; j < len(lines); j++ {
		l := lines[j]
		if l.marker || l.class == classGood || l.words > 8 || l.class == classBad && !isFigure(l) && l.words > 2 {
			break
		}
		if isFigure(l) {
			figures++
		}
	}
	n := j - head - 1
	if n < 6 || figures*10 < n*3 {
		return end
	}
	for k := head + 1; k < j; k++ {
		lines[k].cell = true
	}
	return j - 1
}
