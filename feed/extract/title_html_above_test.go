package extract

import (
	"slices"
	"strings"
	"testing"
)

// The pages in these tests are made up.

// plainHeadPage is an old page whose headline has no heading tag, no
// bold and no class that names it, and whose <title> is the site's name
// alone: only where it prints, just above the article, tells it.
func plainHeadPage(head string) string {
	return `<html><head><title>Riverside Gazette</title></head><body>
<table><tr><td><a href="/">Home</a></td><td><a href="/news">News</a></td><td><a href="/sport">Sport</a></td></tr></table>
<div class="nav"><a href="/gallery">Back to Gallery</a></div>
<div class="col"><a href="/a">Mayor opens new library on Market Street</a></div>
<table><tr><td>` + head + `</td></tr></table>
` + htmlParas() + `
<div class="foot">Copyright 2008 Riverside Gazette</div>
</body></html>`
}

// A headline printed in a plain block just above the article is found.
func TestHTMLTitleAboveBody(t *testing.T) {
	for name, head := range map[string]string{
		"plain cell":             `<div class="x1">` + fixtureHeadline + `</div><div class="x2">By Jane Smith</div>`,
		"broken line and byline": `<p class="x3">` + fixtureHeadline + `<br><span>by Jane Smith, March 3, 2008</span></p>`,
	} {
		t.Run(name, func(t *testing.T) {
			title, synth := extractOne(t, "page.html", plainHeadPage(head))
			if title != fixtureHeadline || synth {
				t.Errorf("title %q (synthesized %v), want %q", title, synth, fixtureHeadline)
			}
		})
	}
}

// The lines printed just above the article's opening are candidates,
// the nearest ranked first; the opening's own line, long lines and
// lines past the few nearest are not.
func TestHTMLTitleLinesAbove(t *testing.T) {
	page := `<html><body>
<div>Line seven</div><div>Line six</div><div>Line five</div><div>Line four</div>
<div><a href="/x">Line three in a link</a></div>
<div>` + strings.Repeat("word ", 40) + `</div>
<div>Line one<br>Line two</div>
` + htmlParas() + `</body></html>`
	doc, err := parseHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	ts := gatherHTMLTitles(doc, gatherFacts(doc), readPageMeta(doc))
	cands := htmlTitleCandidates(ts, fixtureBody)
	names := TitleFeatureNames("html")
	above, rank := slices.Index(names, "src_above"), slices.Index(names, "above_rank")
	got := map[string]float64{}
	for _, c := range cands {
		if !c.Fallback && c.Features[above] == 1 {
			got[c.Text] = c.Features[rank]
		}
	}
	// The long line counts as a line above, but is no candidate.
	want := map[string]float64{"Line two": 1, "Line one": 0.5, "Line three in a link": 0.25, "Line four": 0.2}
	if len(got) != len(want) {
		t.Errorf("lines above: %v, want %v", got, want)
	}
	for s, r := range want {
		if got[s] != r {
			t.Errorf("%q ranked %v, want %v (all: %v)", s, got[s], r, got)
		}
	}
	for _, c := range ts.cands {
		if c.text == "Line three in a link" && !c.inLink {
			t.Error("a line inside a link is not marked as one")
		}
		if strings.HasPrefix(c.text, "The town council") {
			t.Error("the article's opening taken as a line above it")
		}
	}
}

// Whether the extraction keeps a heading over the article does not move
// where the article opens, nor what a candidate shares with it.
func TestHTMLTitleOpeningIgnoresHeadings(t *testing.T) {
	page := `<html><head><title>Riverside Gazette</title></head><body>
<div>A Plain Headline Over Nothing Else</div>
<h2>Bridge vote</h2>
` + htmlParas() + `</body></html>`
	features := func(body string) map[string][]float64 {
		doc, err := parseHTML([]byte(page))
		if err != nil {
			t.Fatal(err)
		}
		ts := gatherHTMLTitles(doc, gatherFacts(doc), readPageMeta(doc))
		out := map[string][]float64{}
		for _, c := range htmlTitleCandidates(ts, body) {
			if !c.Fallback {
				out[c.Text] = c.Features
			}
		}
		return out
	}
	bare, headed := features(fixtureBody), features("## Bridge vote\n\n"+fixtureBody)
	if len(bare) == 0 || len(bare) != len(headed) {
		t.Fatalf("candidates differ: %d and %d", len(bare), len(headed))
	}
	for s, f := range bare {
		if !slices.Equal(f, headed[s]) {
			t.Errorf("%q: features %v without the heading, %v with it", s, f, headed[s])
		}
	}
	if runningText("## Bridge vote\n\nSome text.\n\n### Later\n\nMore.") != "Some text.\n\nMore." {
		t.Error("runningText keeps headings")
	}
}

// The site's name is no candidate: the masthead, a link home reading as
// the whole <title>, nor the name its markup gives the site.
func TestHTMLTitleNotSiteName(t *testing.T) {
	for name, page := range map[string]string{
		"masthead": `<html><head><title>Millbrook Courier</title></head><body>
<h1><a href="/">Millbrook Courier</a></h1>
<h2>` + fixtureHeadline + `</h2>
` + htmlParas() + `</body></html>`,
		"og:site_name": `<html><head><title>Millbrook Courier</title>
<meta property="og:site_name" content="The Millbrook Courier"></head><body>
<h1>Millbrook Courier</h1>
<h2>` + fixtureHeadline + `</h2>
` + htmlParas() + `</body></html>`,
	} {
		t.Run(name, func(t *testing.T) {
			cands, kind := NewExtractor().TitleCandidates(Source{Path: "page.html", Data: []byte(page)})
			if kind != "html" {
				t.Fatalf("kind %q", kind)
			}
			found := false
			for _, c := range cands {
				if !c.Fallback && c.Text == "Millbrook Courier" {
					t.Errorf("the site's name is a candidate")
				}
				found = found || c.Text == fixtureHeadline
			}
			if !found {
				t.Error("the headline is no candidate")
			}
		})
	}
}
