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
