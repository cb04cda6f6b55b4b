package extract

import "testing"

// stationOutletCase extracts an invented text page of a site that carries
// an agency's story: top, a menu, the story under the agency's own
// notice, and foot. The table knows the agency with a notice of its own
// among its chrome phrases, as an agency whose pages are hosted elsewhere
// is known by its notice.
func stationOutletCase(t *testing.T, top, foot, want string) {
	t.Helper()
	x := NewExtractor()
	x.Signatures = &Signatures{}
	x.Signatures.Add(Signature{Outlet: "Quay Wire", Names: []string{"Quay Wire"}, Domains: []string{"quaywire.example"},
		Chrome: []string{"Quay Wire. All rights reserved"}})
	text := top + "News\nSport\nWeather\nSign in\n\nFerry returns to the island after a long winter\n\n" +
		"HARBOUR (Quay Wire) -- " + paragraphs(8) +
		"Copyright 2008 Quay Wire. All rights reserved. This material may not be published or redistributed.\n\n" + foot
	wantOutlet(t, x, "page.txt", text, want)
}

// TestAgencyNoticeThenSiteNotice: the agency's notice under its story
// does not make the page the agency's when the page's last notice, after
// it, names another holder: a station's call sign, or of a notice's two
// holders the one in capitals that opens the site's links. A company's
// notice, two holders neither of which the page repeats, and a page
// whose last notice is the agency's keep the agency.
func TestAgencyNoticeThenSiteNotice(t *testing.T) {
	tests := []struct{ name, top, foot, want string }{
		{"a station's call sign", "", "Contact us\n\n© Copyright 2005-2008 KQAY-TV. Terms of Service | Contact Us\n", "KQAY-TV"},
		{"the call sign of two holders", "KQAY News Links\nKQAY Weather\n",
			"All content © Copyright 2000 - 2008 Sitehost and KQAY. All Rights Reserved.\n", "KQAY"},
		{"two holders the page does not repeat", "",
			"All content © Copyright 2000 - 2008 Sitehost and KQAY. All Rights Reserved.\n", "Quay Wire"},
		{"one name with an and in it", "Harbour Daily\nHarbour Weekly\n",
			"© 2008 Harbour and Weekly Times. All rights reserved.\n", "Harbour and Weekly Times"},
		{"a company's notice", "", "Copyright © 2008 Harbour Holdings, Inc. All Rights Reserved\n", "Quay Wire"},
		{"the agency's notice is the last", "", "Hosted by\n", "Quay Wire"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { stationOutletCase(t, tt.top, tt.foot, tt.want) })
	}
}

// TestTitleSiteBrandBeforeHeadline: a <title>'s first part spelt as a
// brand (one word with an inner capital) is the site when the page
// prints it twice or more outside the article, though not as its first
// line; printed once, or an ordinary word a menu repeats, it is not.
func TestTitleSiteBrandBeforeHeadline(t *testing.T) {
	const headline = "Ferry returns to the island after a long winter"
	tests := []struct{ name, title, top, want string }{
		{"a brand printed twice", "icHarbour - " + headline, "<p>Skip to content</p><p>icHarbour</p><form>Search icHarbour for:</form>", "icHarbour"},
		{"a brand printed once", "icHarbour - " + headline, "<p>Skip to content</p><form>Search icHarbour for:</form>", "Quay Wire"},
		{"a section a menu repeats", "Rowing: " + headline, "<p>Skip to content</p><p>Rowing</p><p>Rowing results</p>", "Quay Wire"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { htmlOutletCase(t, "", tt.title, tt.top, "", tt.want) })
	}
}

// TestTextOutletFromPublicationLine: a site that says whose publication
// it is names itself before the owner, on the line before "A publication
// of" or before "is a publication of" on the same line, over an agency
// the table finds in the story; a line that names no site's name gives
// nothing.
func TestTextOutletFromPublicationLine(t *testing.T) {
	tests := []struct{ name, top, foot, want string }{
		{"the line before", "", "Tidewater Courier\n\nA publication by the\n\nHarbour Holdings Group.\n", "Tidewater Courier"},
		{"the same line", "", "The Tidewater Courier is a publication of Harbour Holdings Group.\n", "The Tidewater Courier"},
		{"no name before it", "", "Thanks for reading\n\nA publication of Harbour Holdings Group.\n", "Quay Wire"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { siteOutletCase(t, tt.top, tt.foot, tt.want) })
	}
}

// TestAgencyStoryOnSiteOfOneDomain: a page that carries an agency's
// story, and prints one domain the table does not know, is the site
// that domain names, as the page writes its name outside the article: a
// word of capitals, or the domain itself with capitals. A domain written
// only in lower case, or two domains, leave the agency.
func TestAgencyStoryOnSiteOfOneDomain(t *testing.T) {
	tests := []struct{ name, top, foot, want string }{
		{"a call sign beside its domain", "KQAY News\n", "Send pictures to kqay.example\n\n© 2008\n", "KQAY"},
		{"the domain in capitals", "KQAY.EXAMPLE: Coverage you can count on\n", "", "KQAY.EXAMPLE"},
		{"a brand's domain", "Tidewater.example - Wire News\n", "", "Tidewater.example"},
		{"a domain in lower case only", "", "Send pictures to kqay.example\n", "Quay Wire"},
		{"two domains", "KQAY News\n", "Send pictures to kqay.example\n\nShop at harbourmall.example\n", "Quay Wire"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { siteOutletCase(t, tt.top, tt.foot, tt.want) })
	}
}

// TestNoticeSignInShortLine: a short line with the copyright sign after
// the site's name and a year is a notice, and the name before the sign
// is the site over the company that holds it; a credit ("Tide tables ©
// Quaystats 2018") and a long line with a sign in it (a caption) are
// none.
func TestNoticeSignInShortLine(t *testing.T) {
	story := "News\nSport\nWeather\n\nFerry returns to the island after a long winter\n\n" + paragraphs(8)
	x := NewExtractor()
	x.Signatures = &Signatures{}
	wantOutlet(t, x, "page.txt", story+"Quay Herald © Harbour Media Limited 2008\n", "Quay Herald")
	wantOutlet(t, x, "page.txt", story+"Quay Herald\n\nTide tables © Quaystats 2018\n", "")
	wantOutlet(t, x, "page.txt", story+"The ferry at dawn, seen from the old harbour wall on Tuesday © Harbour Media 2008\n", "")
}
