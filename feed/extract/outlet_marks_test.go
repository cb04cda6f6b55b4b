package extract

import (
	"strings"
	"testing"
)

// links returns n links to pages of host, as a page's menus hold them.
func links(host string, n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(`<a href="http://` + host + `/section` + string(rune('a'+i)) + `/">Section</a> `)
	}
	return "<div>" + b.String() + "</div>"
}

const marksHeadline = "Ferry returns to the island after a long winter"

// TestTitleSiteFromLogo: a <title> part that the logo in the page's
// link to its own home page bears is the site's name, even when the
// page prints it nowhere as text; a logo linking to another site's home
// page confirms nothing.
func TestTitleSiteFromLogo(t *testing.T) {
	const title = marksHeadline + " - Quay Herald"
	tests := []struct{ name, top, want string }{
		{"no logo", "", "Quay Wire"},
		{"the home link's logo", `<a href="/"><img src="/m.gif" alt="Quay Herald"></a>`, "Quay Herald"},
		{"the logo's word goes", `<a href="/index.html"><img src="/m.gif" alt="Quay Herald logo"></a>`, "Quay Herald"},
		{"an absolute home link to the domain the links lead to", links("www.qh-online.example", 6) + `<a href="http://www.qh-online.example/"><img src="/m.gif" title="Quay Herald"></a>`, "Quay Herald"},
		{"an absolute home link, no lead", `<a href="http://www.qh-online.example/"><img src="/m.gif" title="Quay Herald"></a>`, "Quay Wire"},
		{"another site's home", links("quaymedia.example", 2) + `<a href="http://partner.example/"><img src="/m.gif" alt="Quay Herald"></a>`, "Quay Wire"},
		{"a link deeper in the site", `<a href="/about/"><img src="/m.gif" alt="Quay Herald"></a>`, "Quay Wire"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { htmlOutletCase(t, "", title, tt.top, "", tt.want) })
	}
}

// TestTitleSiteFromLinkHost: a <title> part that spells the domain most
// of the page's links go to is the site's name (a short name, "QTV",
// which a printed domain would not confirm); a domain that does not
// lead the links clearly confirms nothing.
func TestTitleSiteFromLinkHost(t *testing.T) {
	const title = "QTV > News > " + marksHeadline
	tests := []struct{ name, top, want string }{
		{"no links", "", "Quay Wire"},
		{"most links", links("www.qtv.example", 6) + links("ads.example", 1), "QTV"},
		{"a subdomain's links count for the site", links("news.qtv.example", 3) + links("sport.qtv.example", 3), "QTV"},
		{"too few", links("www.qtv.example", 4), "Quay Wire"},
		{"no clear lead", links("www.qtv.example", 6) + links("partner.example", 5), "Quay Wire"},
		{"under four tenths", links("www.qtv.example", 6) + links("a.example", 3) + links("b.example", 3) + links("c.example", 3) + links("d.example", 3), "Quay Wire"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { htmlOutletCase(t, "", title, tt.top, "", tt.want) })
	}
}

// TestPrintedNameOfLinkHost: failing the <title>, a name the page gives
// that spells the domain its links lead to (a <meta> author's or
// publisher's, a feed's title, a short line of its text) beats an
// agency's name read from the story.
func TestPrintedNameOfLinkHost(t *testing.T) {
	many := links("www.wvkq.example", 8)
	tests := []struct{ name, head, top, want string }{
		{"nothing", "", many, "Quay Wire"},
		{"meta author", `<meta name="author" content="WVKQ - Harbourton">`, many, "WVKQ"},
		{"meta author, no lead", `<meta name="author" content="WVKQ - Harbourton">`, links("www.wvkq.example", 3), "Quay Wire"},
		{"a person as author", `<meta name="author" content="Jane Doe">`, many, "Quay Wire"},
		{"a feed's title", `<link rel="alternate" type="application/rss+xml" title="Wvkq.example - Local Headlines" href="/rss">`, many, "Wvkq.example"},
		{"a line of the page", "", many + "<p>WVKQ</p>", "WVKQ"},
		{"an address printed whole", "", many + "<p>http://www.wvkq.example</p>", "wvkq.example"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := quayWireExtractor()
			page := "<!DOCTYPE html><html><head><title>" + marksHeadline + "</title>" + tt.head + "</head><body>" + tt.top +
				"<article><h1>" + marksHeadline + "</h1><p>HARBOUR (Quay Wire) -- " +
				strings.ReplaceAll(paragraphs(6), "\n\n", "</p><p>") + "</p></article><footer><p>Copyright 2008 Quay Wire. All rights reserved.</p></footer></body></html>"
			wantOutlet(t, x, "page.html", page, tt.want)
		})
	}
}

// TestLinkHostStandsInForNone: a page that names no site anywhere but
// whose links go mostly to one domain is that domain's, rather than no
// outlet's.
func TestLinkHostStandsInForNone(t *testing.T) {
	for _, tt := range []struct{ name, top, want string }{
		{"a leading domain", links("www.harbour-daily.example", 7), "harbour-daily.example"},
		{"none leads", links("www.harbour-daily.example", 4) + links("other.example", 4), ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			x := NewExtractor()
			x.Signatures = &Signatures{}
			page := "<!DOCTYPE html><html><head><title>" + marksHeadline + "</title></head><body>" + tt.top +
				"<article><h1>" + marksHeadline + "</h1><p>" + strings.ReplaceAll(paragraphs(6), "\n\n", "</p><p>") + "</p></article></body></html>"
			wantOutlet(t, x, "page.html", page, tt.want)
		})
	}
}

func TestSiteMarkParts(t *testing.T) {
	for href, want := range map[string]bool{
		"/": true, "./": true, "index.html": true, "/default.aspx": true, "http://quay.example": true, "https://quay.example/": true,
		"/news/": false, "/?page=2": false, "#top": false, "javascript:home()": false, "http://quay.example/news/": false, "": false,
	} {
		if got := isHomeLink(href); got != want {
			t.Errorf("isHomeLink(%q) = %v, want %v", href, got, want)
		}
	}
	for in, want := range map[string]string{
		"Quay Herald logo": "Quay Herald", "Quay Herald Home": "Quay Herald", "click here to return to the front page of the site": "", "spacer": "",
	} {
		if got := logoName(in); got != want {
			t.Errorf("logoName(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"Quay Herald - Sport Headlines": "Quay Herald", "WVKQ - Harbourton, QS": "WVKQ", "Comments": "Comments", "latest stories": "",
	} {
		if got := feedSite(in); got != want {
			t.Errorf("feedSite(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNoticeForms: footer links to the site's notice ("Quay Herald
// Copyright Notice"), a notice that opens "All Quay Herald materials
// copyright …", two holders of which the page's furniture prints one,
// in capitals, on three lines, and a domain in lower case as a holder.
func TestNoticeForms(t *testing.T) {
	const top = "KQAY News Partners\n\nE-News from KQAY\n\n"
	tests := []struct{ name, top, foot, want string }{
		{"a link to the site's notice", "", "Quay Herald Copyright Notice\n", "Quay Herald"},
		{"a sentence about copyright is no link", "", "Readers Should Know Copyright Law\n", "Quay Wire"},
		{"all of the site's materials", "", "All Quay Herald materials copyright 1996-2008, Harbour Newspapers Division of Harbour Holdings Inc.\n", "Quay Herald"},
		{"all content, no name", "", "All content copyright 1996-2008, Harbour Newspapers Division of Harbour Holdings Inc.\n", "Quay Wire"},
		{"a call sign in lower case", top, "Find out when your favourite KQAY shows air.\n\nAll content © Copyright 2000 - 2008 Sitehost and kqay. All Rights Reserved.\n", "KQAY"},
		{"printed on two lines only", "E-News from KQAY\n\n", "Find out when your favourite KQAY shows air.\n\nAll content © Copyright 2000 - 2008 Sitehost and kqay. All Rights Reserved.\n", "Quay Wire"},
		{"the other holder printed too", top + "Sitehost Weather\n\n", "Find out when your favourite KQAY shows air.\n\nAll content © Copyright 2000 - 2008 Sitehost and kqay. All Rights Reserved.\n", "Quay Wire"},
		{"a domain in lower case", "", "Copyright 2005 © quayherald.example . All rights reserved.\n", "quayherald.example"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { siteOutletCase(t, tt.top, tt.foot, tt.want) })
	}
	// Without an agency's story: a company's link to its notice, and a
	// call sign's notice read the same way.
	for _, tt := range []struct{ name, top, foot, want string }{
		{"a company's link to its notice", "", "Quay Herald Ltd. Copyright & Disclaimer\n", "Quay Herald"},
		{"a call sign in lower case", top + "KQAY Weather\n\n", "© 2008 Sitehost and kqay. All Rights Reserved.\n", "KQAY"},
		{"an unconfirmed call sign", "", "© 2008 Sitehost and kqay. All Rights Reserved.\n", ""},
	} {
		t.Run(tt.name+", no agency", func(t *testing.T) {
			text := tt.top + "News\nSport\nWeather\nSign in\n\nFerry returns to the island after a long winter\n\n" + paragraphs(8) + tt.foot
			wantOutlet(t, NewExtractor(), "page.txt", text, tt.want)
		})
	}
}
