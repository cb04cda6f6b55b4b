package extract

import (
	"slices"
	"testing"
)

// The pages in these tests are made up.

// Content words are words of three letters or more that are no function
// words, each cut to its first five bytes: "rebuilt" and "rebuilding" are
// one word; "the", "of" and "and" are none.
func TestContentShare(t *testing.T) {
	var w wordScanner
	body := w.addContent(nil, "The council is rebuilding the bridge over the river, and the ferry waits.")
	var set wordHashes
	set.reset(len(body))
	for _, h := range body {
		set.add(h)
	}
	for _, c := range []struct {
		line string
		want float64
	}{
		{"Bridge rebuilt", 1},                         // "rebuilt" and "rebuilding" share "rebui"
		{"The bridge of the river", 1},                // function words do not count
		{"Bridge closed", 0.5},                        // "closed" is not in the body
		{"Search all listings", 0},                    // furniture shares nothing
		{"Go to it", 0},                               // no content word at all
		{"Ferry, Bridge and River: rebuilding!", 1},   // case and marks do not count
		{"Quay notices and tide tables", 0},           // nor do words the body lacks
		{"Écluse fermée près du pont", 0},             // other scripts are read, not matched
		{"Rebuilding the Ferry Bridge over river", 1}, // title case
	} {
		if got := w.contentShare(c.line, &set); got != c.want {
			t.Errorf("contentShare(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// A short headline over a longer standfirst, both over the byline: the
// headline's words are the article's, and the standfirst knows the line
// above it is; furniture over a headline shares none of the article's
// words.
func TestTextTitleContentFeatures(t *testing.T) {
	const head, deck = "Bridge rebuilt after floods", "Engineers say the work will take two years and cost twelve million pounds"
	page := "Home | News | Sport | Weather | Business | Contact\n\nThe Riverside Gazette\n\nSearch all listings\n\n" +
		head + "\n\n" + deck + "\n\nBy Jane Smith\n\nMarch 3, 2008\n\n" + fixtureBody + "\n"
	h := textFeatures(t, page, head)
	if h["body_content"] < 0.5 || h["below_content"] != textFeatures(t, page, deck)["body_content"] || h["above_content"] != 0 {
		t.Errorf("headline: body_content %v, below_content %v, above_content %v; want 0.5 or more, the standfirst's, 0",
			h["body_content"], h["below_content"], h["above_content"])
	}
	d := textFeatures(t, page, deck)
	if d["above_content"] != h["body_content"] || d["below_content"] != 0 {
		t.Errorf("standfirst: above_content %v, below_content %v; want the headline's %v, 0", d["above_content"], d["below_content"], h["body_content"])
	}
	if f := textFeatures(t, page, "Search all listings"); f["body_content"] != 0 {
		t.Errorf("furniture: body_content %v, want 0", f["body_content"])
	}
}

func TestOpensWithMark(t *testing.T) {
	for s, want := range map[string]bool{
		"» More from the quay":            true,
		"› Tide tables":                   true,
		"| Home delivery":                 true,
		".Harbour sports":                 true,
		":: Ferry news":                   true,
		"~ Special series ~":              true,
		"> Breaking news":                 true,
		"Ferry fares frozen":              false,
		"2009 ferry timetable out":        false,
		"\"We will rebuild,\" says mayor": false,
		"‘Never again’ on the quay":       false,
		"«Le pont sera reconstruit»":      false,
		"(Updated) Bridge closed":         false,
		"[Video] Lantern parade":          false,
		"£12m for the bridge":             false,
		"#FloodWatch: the river rises":    false,
		"¿Qué pasa con el puente?":        false,
		"Écluse fermée":                   false,
	} {
		if got := opensWithMark(s); got != want {
			t.Errorf("opensWithMark(%q) = %v, want %v", s, got, want)
		}
	}
}

// A link led by an arrow over the headline is no candidate, even over
// the byline; the headline is taken.
func TestTextTitleNoArrowLink(t *testing.T) {
	const link = "» Links to this story"
	page := "Home | News | Sport | Weather | Business | Contact\n\nThe Riverside Gazette\n\n" + fixtureHeadline + "\n\n" + link +
		"\n\nBy Jane Smith\n\nMarch 3, 2008\n\n" + fixtureBody + "\n"
	cands, _ := NewExtractor().TitleCandidates(Source{Path: "page.txt", Data: []byte(page)})
	if slices.ContainsFunc(cands, func(c TitleCandidate) bool { return c.Text == link }) {
		t.Errorf("%q is a candidate", link)
	}
	if title, _ := extractOne(t, "page.txt", page); title != fixtureHeadline {
		t.Errorf("title %q, want %q", title, fixtureHeadline)
	}
}

func TestHeadBlock(t *testing.T) {
	lines := segmentText("Contact Us\n\nFerry fares frozen\n\nMarch 3, 2008\n\nIslanders welcome a year without rises on the crossing\n\nBy Jane Smith\n\n" +
		"Quay notices\n\nLantern parade lights up the harbour\n\nShare this story\n")
	for _, c := range []struct {
		i, top, n int
		ok        bool
	}{
		{1, 1, 2, true},  // the headline: a date, then the standfirst, then the byline
		{3, 1, 2, true},  // the standfirst, under the headline past the date
		{0, 0, 3, true},  // line i itself may be any line: the candidates' filter has judged it
		{7, 7, 0, false}, // no byline or date under it
		{5, 5, 0, false}, // the lines under it reach no byline or date either
	} {
		top, n, ok := headBlock(lines, c.i)
		if ok != c.ok || ok && (top != c.top || n != c.n) {
			t.Errorf("headBlock(%q) = %d, %d, %v; want %d, %d, %v", lines[c.i].text, top, n, ok, c.top, c.n, c.ok)
		}
	}
}

// A short headline, its date and a longer standfirst over the byline:
// the headline opens the block, and the standfirst stands under a first
// line whose words are the article's.
func TestTextTitleBlockFeatures(t *testing.T) {
	const head, deck = "Bridge rebuilt after floods", "Engineers say the work will take two years and cost twelve million pounds"
	page := "Home | News | Sport | Weather | Business | Contact\n\nThe Riverside Gazette\n\nContact Us\n\n" +
		head + "\n\nMarch 3, 2008\n\n" + deck + "\n\nBy Jane Smith\n\n" + fixtureBody + "\n"
	h := textFeatures(t, page, head)
	if h["block_top"] != 1 || h["block_under"] != 0 || h["top_content"] != 0 {
		t.Errorf("headline: block_top %v, block_under %v, top_content %v; want 1, 0, 0", h["block_top"], h["block_under"], h["top_content"])
	}
	d := textFeatures(t, page, deck)
	if d["block_top"] != 0 || d["block_under"] != 1 || d["top_content"] != h["body_content"] || d["top_content"] < 0.5 {
		t.Errorf("standfirst: block_top %v, block_under %v, top_content %v; want 0, 1, the headline's %v", d["block_top"], d["block_under"], d["top_content"], h["body_content"])
	}
}
