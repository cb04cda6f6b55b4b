package extract

import (
	"slices"
	"strings"
	"testing"
)

// The pages in these tests are made up.

// textFeatures returns the features, by name, of the plain-text
// candidate whose text is text.
func textFeatures(t *testing.T, page, text string) map[string]float64 {
	t.Helper()
	cands, kind := NewExtractor().TitleCandidates(Source{Path: "page.txt", Data: []byte(page)})
	if kind != "text" {
		t.Fatalf("kind %q", kind)
	}
	names := TitleFeatureNames("text")
	for _, c := range cands {
		if c.Text == text {
			f := make(map[string]float64, len(names))
			for i, n := range names {
				f[n] = c.Features[i]
			}
			return f
		}
	}
	var texts []string
	for _, c := range cands {
		texts = append(texts, c.Text)
	}
	t.Fatalf("no candidate %q among %q", text, texts)
	return nil
}

// A bar, a byline right under the line, the items of a list and the
// distance to the first long paragraph are told apart.
func TestTextTitleFeatures(t *testing.T) {
	page := textPage("Lantern parade lights up the harbour\n\nLantern makers open their workshop to visitors\n\nshare story|print story", "")
	head := textFeatures(t, page, fixtureHeadline)
	if head["pipe"] != 0 || head["header_next"] != 1 || head["twin_open"] != 0 {
		t.Errorf("headline: pipe %v, header_next %v, twin_open %v; want 0, 1, 0", head["pipe"], head["header_next"], head["twin_open"])
	}
	// Under the headline: a byline and a date, then the article.
	if got := head["to_para"]; got <= 0 || got > 0.2 {
		t.Errorf("headline: to_para %v, want 0.1 or 0.2", got)
	}
	bar := textFeatures(t, page, "share story|print story")
	if bar["pipe"] != 1 || bar["header_next"] != 0 {
		t.Errorf("bar line: pipe %v, header_next %v; want 1, 0", bar["pipe"], bar["header_next"])
	}
	item := textFeatures(t, page, "Lantern parade lights up the harbour")
	if item["twin_open"] != 1 || item["to_para"] <= head["to_para"] {
		t.Errorf("list item: twin_open %v, to_para %v; want 1 and more than the headline's", item["twin_open"], item["to_para"])
	}
}

func TestSameOpening(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"watch: a parade", "watch: the ferry", true},
		{"read more: a", "read more: b", true},
		{"watch: a parade", "listen: the ferry", false},
		{"watch", "watch", false},      // a word alone is no item
		{"a parade", "a ferry", false}, // one letter
	} {
		if got := sameOpening(c.a, c.b); got != c.want {
			t.Errorf("sameOpening(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// When the article's region opens with short lines that are no part
// of it (a promotion, a tagline), the headline under them is still a
// candidate, and the article starts under it.
func TestTextTitleUnderShortOpening(t *testing.T) {
	page := "Home | News | Sport | Weather\n\nThe Riverside Gazette\n\n" +
		"Send us your photos of the winter lanterns and the harbour lights.\n\n" +
		"Join the readers' choir for carols on the quay this Friday evening.\n\n" +
		fixtureHeadline + "\n\nMarch 3, 2008\n\n" + fixtureBody + "\n"
	cands, _ := NewExtractor().TitleCandidates(Source{Path: "page.txt", Data: []byte(page)})
	if !slices.ContainsFunc(cands, func(c TitleCandidate) bool { return c.Text == fixtureHeadline }) {
		t.Fatalf("the headline is no candidate")
	}
	arts, _ := NewExtractor().Extract(Source{Path: "page.txt", Data: []byte(page)})
	if len(arts) != 1 {
		t.Fatalf("%d articles", len(arts))
	}
	a := arts[0]
	if a.Title != fixtureHeadline {
		t.Errorf("title %q, want %q", a.Title, fixtureHeadline)
	}
	if strings.Contains(a.Body, "readers' choir") || !strings.HasPrefix(a.Body, "The town council voted") {
		t.Errorf("body opens %.80q, want the article's first paragraph", a.Body)
	}
}
