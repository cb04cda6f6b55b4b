package extract

import (
	"strings"
	"testing"
)

// htmlOutletCase extracts an invented page with no site metadata, whose
// <title> is title, whose visible text opens with top and ends with
// foot, under a story an agency the table knows carries, and checks
// its outlet.
func htmlOutletCase(t *testing.T, prefix, title, top, foot, want string) {
	t.Helper()
	x := quayWireExtractor()
	page := prefix + "<!DOCTYPE html><html><head><title>" + title + "</title></head><body>" + top +
		"<nav><a>News</a> <a>Sport</a></nav><article><h1>Ferry returns to the island after a long winter</h1><p>HARBOUR (Quay Wire) -- " +
		strings.ReplaceAll(paragraphs(6), "\n\n", "</p><p>") + "</p></article><footer>" + foot +
		"<p>Copyright 2008 Quay Wire. All rights reserved.</p></footer></body></html>"
	wantOutlet(t, x, "page.html", page, want)
}

// TestTitleAfterStrayMark: a stray mark before <!DOCTYPE> puts the
// <title> in the body, where it is still the page's title and names the
// site. An svg's <title> names a picture and never the site.
func TestTitleAfterStrayMark(t *testing.T) {
	const title = "Ferry returns to the island after a long winter - Quay Herald"
	const foot = "<p>Visit quayherald.example</p>"
	for _, prefix := range []string{"", "?\n", "\xc3\xaf\xc2\xbb\xc2\xbf"} {
		t.Run(prefix, func(t *testing.T) { htmlOutletCase(t, prefix, title, "", foot, "Quay Herald") })
	}
	t.Run("svg title", func(t *testing.T) {
		htmlOutletCase(t, "?\n", "", `<svg><title>Logo - Quay Herald</title></svg>`, foot, "Quay Wire")
	})
}

// TestTitleSiteBetweenHeadlineAndTagline: the site's name may stand in
// the middle of a <title>, between the headline and a tagline, when a
// domain the page prints spells it; a middle part a notice or a longer
// domain merely holds is no site. The name beats the bare domain.
func TestTitleSiteBetweenHeadlineAndTagline(t *testing.T) {
	const head = "Ferry returns to the island after a long winter - "
	tests := []struct{ name, title, foot, want string }{
		{"a domain spells the middle part", head + "Quay Herald - News for the harbour since 1890",
			"<p>Visit quayherald.example</p>", "Quay Herald"},
		{"a notice's holder is no confirmation for a middle part", head + "Sport - Scores and results from the harbour",
			"<p>© 2008 Sport Media Limited</p>", "Quay Wire"},
		{"a longer domain is no confirmation", "Quay Desk | HARBOURSIDE CO. | Ferry returns to the island after a long winter",
			"<p>harbourside.example</p>", "Quay Wire"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { htmlOutletCase(t, "", tt.title, "", tt.foot, tt.want) })
	}
}

// TestTitleSiteFromMasthead: a <title> part the page's first line
// prints whole is the site's name, brands spelt with an inner capital
// too; a section's name atop the page is not. After a spaced colon, a
// part the page prints only outside the article is a section, not the
// site.
func TestTitleSiteFromMasthead(t *testing.T) {
	const headline = "Ferry returns to the island after a long winter"
	tests := []struct{ name, title, top, foot, want string }{
		{"a masthead with an inner capital", "icHarbour - " + headline, "<p>icHarbour</p>", "", "icHarbour"},
		{"a capitalised masthead", "Quay Lantern - " + headline, "<p>Quay Lantern</p>", "", "Quay Lantern"},
		{"a section atop the page is no masthead", "News - " + headline, "<p>News</p>", "", "Quay Wire"},
		{"a masthead that is not the first line", "Quay Lantern - " + headline, "<p>Today's paper</p><p>Quay Lantern</p>", "", "Quay Wire"},
		{"a domain after a spaced colon", headline + " : quaylantern.example", "", "", "quaylantern.example"},
		{"a section after a spaced colon", headline + " : Island News", "", "<p>Island News</p><p>More Island News</p>", "Quay Wire"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { htmlOutletCase(t, "", tt.title, tt.top, tt.foot, tt.want) })
	}
}

// TestTextOutletFromMarkedMasthead: in text, the page's first line is
// the site when a trade-mark notice names it as the site's mark, over
// an agency the table finds in the story; the company that holds the
// mark owns the site.
func TestTextOutletFromMarkedMasthead(t *testing.T) {
	tests := []struct{ name, top, foot, want string }{
		{"the mark's sign", "icHarbour\n\n", "icHarbour™ is a trade mark of Harbour Newspapers Limited.\n", "icHarbour"},
		{"the words", "Quay Lantern\n\n", "Quay Lantern is a registered trademark of Harbour Media Group.\n", "Quay Lantern"},
		{"a mark that is not the masthead", "Quay Lantern\n\n", "Tidewatch™ is a trade mark of Harbour Newspapers Limited.\n", "Quay Wire"},
		{"a masthead with no notice", "Quay Lantern\n\n", "", "Quay Wire"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { siteOutletCase(t, tt.top, tt.foot, tt.want) })
	}
}

// TestTitleSiteBeforeTagline: the name before a site's tagline, not the
// tagline, in a <title> and in og:site_name; a part of capitalised words
// is no tagline.
func TestTitleSiteBeforeTagline(t *testing.T) {
	const headline = "Ferry returns to the island after a long winter"
	htmlOutletCase(t, "", headline+" - Quay Lantern - News for the harbour since 1890", "",
		"<p>Letters to the Quay Lantern</p>", "Quay Lantern")
	for _, tt := range []struct{ in, want string }{
		{"Quay Lantern - News for the harbour since 1890", "Quay Lantern"},
		{"Quay - Lantern Weekly", "Quay - Lantern Weekly"},
		{"Quay Lantern | Harbour News", "Quay Lantern"},
	} {
		if got := siteName(tt.in); got != tt.want {
			t.Errorf("siteName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTextOutletFromHandle: the site's own social handle ("Follow us
// @quayherald") confirms the name its furniture repeats, as a printed
// domain does, over an agency the table finds in the story; a writer's
// handle does not.
func TestTextOutletFromHandle(t *testing.T) {
	tests := []struct{ name, top, foot, want string }{
		{"the site's handle", "Quay Herald\n\n", "Letters to the Quay Herald\nFollow us on the network @quayherald\n", "Quay Herald"},
		{"a writer's handle", "Quay Herald\n\n", "Letters to the Quay Herald\nFollow Jane Doe @quayherald\n", "Quay Wire"},
		{"a platform's handle", "Twitter\n\n", "Twitter news\nFollow us @twitter\n", "Quay Wire"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { siteOutletCase(t, tt.top, tt.foot, tt.want) })
	}
}
