package extract

import (
	"slices"
	"strings"
	"testing"
)

// The pages in these tests are made up.

const fixtureBody = `The town council voted on Tuesday night to rebuild the old river bridge, which has been closed to traffic since the spring floods damaged two of its piers, and work is expected to begin before the end of the summer.

Members argued for more than three hours about the cost of the project, which engineers have put at a little under twelve million pounds, before the motion passed by seven votes to four after a long and sometimes heated debate.

Residents who live on the east bank have had to drive an extra nine miles to reach the station and the high street, and several shop owners told the meeting that their takings had fallen by a third since the bridge was closed.

The council's leader said the new bridge would be wider than the old one, with a separate path for people on foot and on bicycles, and that the contractor would be chosen by the end of next month after an open tender.`

const fixtureHeadline = "Council votes to rebuild flooded river bridge"

// textPage lays out a scraped page: a menu and the site's name, then
// above (the furniture under test), the headline, between, a byline and
// a date, and the article.
func textPage(above, between string) string {
	var b strings.Builder
	b.WriteString("Home | News | Sport | Weather | Business | Contact\n\nThe Riverside Gazette\n\n")
	if above != "" {
		b.WriteString(above + "\n\n")
	}
	b.WriteString(fixtureHeadline + "\n\n")
	if between != "" {
		b.WriteString(between + "\n\n")
	}
	b.WriteString("By Jane Smith\n\nMarch 3, 2008\n\n")
	b.WriteString(fixtureBody + "\n\nCopyright 2008 The Riverside Gazette. All rights reserved.\n")
	return b.String()
}

func extractOne(t *testing.T, path, page string) (title string, synthesized bool) {
	t.Helper()
	arts, probs := NewExtractor().Extract(Source{Path: path, Data: []byte(page)})
	if len(arts) != 1 {
		t.Fatalf("%d articles, problems %v", len(arts), probs)
	}
	return arts[0].Title, arts[0].TitleSynthesized
}

// The headline wins over the furniture printed around it in plain text.
func TestTextTitleBeatsFurniture(t *testing.T) {
	for _, c := range []struct{ name, above, between string }{
		{"gallery button", "Back to Gallery", ""},
		{"gallery link", "View Gallery: Flood damage across the county in pictures", ""},
		{"section header", "Local News", ""},
		{"photo caption", "", "Workers inspect the damaged piers of the bridge last April"},
		{"related stories", "Most Read\n\nMayor opens new library on Market Street", ""},
		{"related stories list", "Related Stories\n\nMayor opens new library on Market Street\n\nSchool bus routes change from Monday", ""},
		{"site name", "The Riverside Gazette - Your Local News Since 1881", ""},
		{"standfirst", "", "Engineers say the work will take two years and cost twelve million pounds"},
	} {
		t.Run(c.name, func(t *testing.T) {
			title, synth := extractOne(t, "page.txt", textPage(c.above, c.between))
			if title != fixtureHeadline || synth {
				t.Errorf("title %q (synthesized %v), want %q", title, synth, fixtureHeadline)
			}
		})
	}
}

// htmlParas writes the fixture's body as paragraphs.
func htmlParas() string {
	var b strings.Builder
	for _, p := range strings.Split(fixtureBody, "\n\n") {
		b.WriteString("<p>" + p + "</p>\n")
	}
	return b.String()
}

// The headline wins over the site's <title>, gallery buttons, section
// headings, captions and related stories on a page with no metadata.
func TestHTMLTitleBeatsFurniture(t *testing.T) {
	pages := htmlFixturePages()
	names := make([]string, 0, len(pages))
	for n := range pages {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		t.Run(n, func(t *testing.T) {
			title, synth := extractOne(t, "page.html", pages[n])
			if title != fixtureHeadline || synth {
				t.Errorf("title %q (synthesized %v), want %q", title, synth, fixtureHeadline)
			}
		})
	}
}

// htmlFixturePages are pages with no og: or JSON-LD metadata, each with
// furniture printed around its headline.
func htmlFixturePages() map[string]string {
	return map[string]string{
		"old page with h1": `<html><head><title>Riverside Gazette</title></head><body>
<table><tr><td><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></td></tr></table>
<h2>Local News</h2>
<a href="/gallery">Back to Gallery</a>
<h1>` + fixtureHeadline + `</h1>
<p>By Jane Smith, March 3, 2008</p>
<p><img src="a.jpg"><br><i>Workers inspect the damaged piers of the bridge last April.</i></p>
` + htmlParas() + `
<h3>Related stories</h3>
<ul><li><a href="/a">Mayor opens new library on Market Street</a></li><li><a href="/b">School bus routes change from Monday</a></li></ul>
</body></html>`,
		"old page with bold headline": `<html><head><title>Riverside Gazette: Local News</title></head><body>
<table><tr><td><a href="/">Home</a> | <a href="/news">News</a></td></tr>
<tr><td><font size="2"><a href="/gallery">Back to Gallery</a></font></td></tr>
<tr><td><b><font size="4">` + fixtureHeadline + `</font></b><br>
<font size="2">By Jane Smith</font><br>
` + htmlParas() + `
</td></tr>
<tr><td><b>Related stories</b><br><a href="/a">Mayor opens new library on Market Street</a></td></tr></table>
</body></html>`,
		"site name in h1": `<html><head><title>Riverside Gazette</title></head><body>
<h1><a href="/"><img src="logo.gif" alt="">Riverside Gazette</a></h1>
<table><tr><td><a href="/">Home</a> | <a href="/news">News</a></td></tr>
<tr><td><span class="sectionhead">Local News</span></td></tr>
<tr><td><span class="headline">` + fixtureHeadline + `</span><br>
<span class="byline">By Jane Smith</span><br>
` + htmlParas() + `
</td></tr></table>
<p><a href="/gallery">Back to Gallery</a></p>
</body></html>`,
		"markup in title": `<html><head><title>&lt;a href="/"&gt;Home&lt;/a&gt;</title></head><body>
<table><tr><td><a href="/">Home</a> | <a href="/news">News</a></td></tr>
<tr><td><font size="4"><b>` + fixtureHeadline + `</b></font><br>
` + htmlParas() + `
</td></tr></table>
</body></html>`,
		"site name in title": `<html><head><title>Riverside Gazette - ` + fixtureHeadline + `</title></head><body>
<div class="nav"><a href="/">Home</a> <a href="/news">News</a></div>
<div class="section-title">Local News</div>
<div class="story"><h2>` + fixtureHeadline + `</h2>
<div class="byline">By Jane Smith</div>
` + htmlParas() + `</div>
<div class="related"><h2><a href="/a">Mayor opens new library on Market Street</a></h2></div>
</body></html>`,
	}
}

// Markup written out as text in a page's titles is no headline.
func TestHTMLTitleSkipsMarkup(t *testing.T) {
	ts := &htmlTitles{byKey: make(map[string]*htmlTitleCand)}
	if c := ts.add(`<a href="/index.html">Homepage</a>`, srcTitle); c != nil {
		t.Errorf("markup taken as a candidate: %q", c.text)
	}
	if c := ts.add(fixtureHeadline, srcTitle); c == nil {
		t.Error("a plain title was not taken")
	}
}

// A page with no headline of its own gets one made from its opening,
// marked as such.
func TestTitleFallbackSynthesized(t *testing.T) {
	page := "<html><head></head><body>" + htmlParas() + "</body></html>"
	title, synth := extractOne(t, "page.html", page)
	if !synth || !strings.HasPrefix(title, "The town council voted") {
		t.Errorf("title %q (synthesized %v), want one made from the opening", title, synth)
	}
}

// The embedded weights load, name the features the code computes, and
// pick what the training program's scoring picks.
func TestTitleWeightsEmbedded(t *testing.T) {
	m, err := ParseTitleModel(titleWeightsJSON)
	if err != nil {
		t.Fatal(err)
	}
	x := NewExtractor()
	for _, c := range []struct{ path, page, kind string }{
		{"page.txt", textPage("Back to Gallery", ""), "text"},
		{"page.html", "<html><head><title>Riverside Gazette</title></head><body><h1>" + fixtureHeadline + "</h1>" + htmlParas() + "</body></html>", "html"},
	} {
		cands, kind := x.TitleCandidates(Source{Path: c.path, Data: []byte(c.page)})
		if kind != c.kind || len(cands) < 2 {
			t.Fatalf("%s: kind %q, %d candidates", c.path, kind, len(cands))
		}
		chosen, _ := extractOne(t, c.path, c.page)
		k := m.Kind(kind).Pick(cands)
		if k < 0 || cands[k].Text != chosen || chosen != fixtureHeadline {
			t.Errorf("%s: the weights pick %d, extraction chose %q", c.path, k, chosen)
		}
		for _, cand := range cands {
			if len(cand.Features) != len(TitleFeatureNames(kind)) {
				t.Fatalf("%s: %d features, %d names", c.path, len(cand.Features), len(TitleFeatureNames(kind)))
			}
		}
	}
	if _, err := ParseTitleModel([]byte(`{"text":{"features":["fallback"],"weights":[1]}}`)); err == nil {
		t.Error("weights naming other features were accepted")
	}
}

// TitleF1 measures as the evaluation's scorer does.
func TestTitleF1(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"Council votes to rebuild bridge", "council votes to rebuild bridge!", 1},
		{"a b c d", "a b", 2 * 1 * 0.5 / 1.5},
		{"", "", 1},
		{"x", "", 0},
		{"Ｃｏｕｎｃｉｌ votes", "council votes", 1}, // NFKC
	} {
		if got := TitleF1(c.a, c.b); got < c.want-1e-9 || got > c.want+1e-9 {
			t.Errorf("TitleF1(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
