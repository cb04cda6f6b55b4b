package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/broadsheet/broadsheet/feed"
)

// paragraphs returns n invented paragraphs of article text.
// wantOutlet extracts the one article of data, a file at path, with x,
// and fails t unless its outlet is want.
func wantOutlet(t *testing.T, x *Extractor, path, data, want string) {
	t.Helper()
	arts, _ := x.Extract(Source{Path: path, Data: []byte(data)})
	if len(arts) != 1 {
		t.Fatalf("got %d articles", len(arts))
	}
	if arts[0].Outlet != want {
		t.Errorf("outlet = %q (%s), want %q", arts[0].Outlet, arts[0].OutletSource, want)
	}
}

func paragraphs(n int) string {
	subjects := []string{"The harbour ferry", "The island council", "A crew of six", "The new engine", "Most islanders", "The mainland market"}
	verbs := []string{"ran again this week", "met on Tuesday evening", "worked through the night", "proved quieter than expected", "welcomed the news", "opened an hour early"}
	var b strings.Builder
	for i := range n {
		b.WriteString(subjects[i%len(subjects)] + " " + verbs[(i*5+1)%len(verbs)] + ", after a long winter of repairs that kept the boats ")
		b.WriteString("tied up in the yard, and people said they were glad to see the old routine back in place before the summer crowds arrive. ")
		b.WriteString(subjects[(i+3)%len(subjects)] + " " + verbs[(i+2)%len(verbs)] + " as well.\n\n")
	}
	return b.String()
}

func TestHTMLOutletSiteOverOwner(t *testing.T) {
	tests := []struct {
		name, head, want string
	}{
		{"title suffix spelling the domain beats the JSON-LD publisher",
			`<title>Ferry returns | GAZETTE</title><link rel="canonical" href="https://www.gazette.example/ferry">` +
				`<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Owner Holdings"}}</script>`,
			"GAZETTE"},
		{"title prefix with 'The' dropped from the domain",
			`<title>The Harbour Post - Ferry returns</title><link rel="canonical" href="https://theharbourpost.example/a">` +
				`<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"Owner Media"}}</script>`,
			"The Harbour Post"},
		{"application-name beats the publisher",
			`<meta name="application-name" content="Gazette"><script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"Owner Media"}}</script>`,
			"Gazette"},
		{"og:site_name first", `<meta property="og:site_name" content="Daily Gazette"><title>Ferry | Other</title>`, "Daily Gazette"},
		{"a title affix that is not the domain is no outlet",
			`<title>Ferry returns | Weather</title><link rel="canonical" href="https://gazette.example/a">` +
				`<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"Gazette"}}</script>`,
			"Gazette"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><head>" + tt.head + "</head><body><p>x</p></body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			if got := readPageMeta(doc).site; got != tt.want {
				t.Errorf("site = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTextOutletSiteOverCopyrightHolder(t *testing.T) {
	tests := []struct {
		name, top, foot, want string
	}{
		{"masthead with its domain in the page", "Skip to content\nHarbourline\nNews\n",
			"Send us your photos at harbourline.example/submit\n\nCopyright © 2024 Owner Media Group Ltd, Quay Street\n", "Harbourline"},
		{"name printed before the copyright sign", "Menu\n",
			"Harbourline TV\n\nHarbourline © 2024 Owner Ads, LLC. All rights reserved.\n", "Harbourline"},
		{"repeated masthead beats a company holder", "Skip to main content\nHarbourline\n",
			"Harbourline is supported by its readers\n\n© 2024 Owner Publishing Group. All rights reserved.\n", "Harbourline"},
		{"a holder that is no company stays", "Skip to main content\nHarbourline\n",
			"Harbourline is supported by its readers\n\n© 2024 The Quay Times. All rights reserved.\n", "The Quay Times"},
		{"a masthead alone, with no company to replace, is no outlet", "Skip to main content\nHarbourline\n",
			"Harbourline is supported by its readers\n", ""},
		{"a section name is no masthead", "Home\nNews\n",
			"News tips: write to us\n\n© 2024 Owner Media Group. All rights reserved.\n", "Owner Media Group"},
		{"a name the chrome repeats and its domain spells beats a wire agency's notice",
			"We use cookies to improve the site. Continued use signifies consent.\nSeaport\nVideo\n",
			"More from Seaport\n\nSubscribe to Seaport.example newsletters\n\n" +
				"Copyright 2024 The Associated Press. All rights reserved. This material may not be published.\n\n" +
				"© 2000-2024 Owner Media. All rights reserved.\n", "Seaport"},
		{"a full name whose initials spell the domain", "Menu\n",
			"The Harbour Gazette Journal newsletter\n\nRead The Harbour Gazette Journal on hgj.example\n\n" +
				"© 2024 Owner Media Group. All rights reserved.\n", "The Harbour Gazette Journal"},
		{"a platform's domain confirms no name", "Menu\n",
			"Twitter\n\nFollow us on Twitter at twitter.com/harbourline\n\n© 2024 The Quay Times. All rights reserved.\n",
			"The Quay Times"},
		{"a company's site name the page repeats, after 'Copyright' past the year",
			"Something went wrong with the connection!\nHarbour Post\n",
			"by Harbour Post News Weekly 0 Comments\n\n© 2018 Copyright Harbour Post Media Pvt. Ltd.. All Rights reserved.\n",
			"Harbour Post"},
		{"a company's name in capitals the page repeats", "Menu\n",
			"HPX may receive a commission\n\nHPX may receive a commission\n\nCopyright 2019 HPX Media, LLC\n", "HPX"},
		{"a common word left of a company word is no site", "Menu\n",
			"Breaking News\n\nBreaking News alerts\n\nCopyright 2019 Breaking Media, Inc.\n", "Breaking Media"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.top + "News\nSport\nWeather\nSign in\n\nFerry returns to the island after a long winter\n\n" + paragraphs(8) + tt.foot
			wantOutlet(t, NewExtractor(), "page.txt", text, tt.want)
		})
	}
}

func TestHTMLOutletFromTextWithoutMetadata(t *testing.T) {
	tests := []struct{ name, head, nav, foot, want string }{
		{"the name the chrome repeats and the domain spells", "",
			"<nav><a>Seaport</a> <a>News</a> <a>Sport</a></nav>",
			"<footer><p>More from Seaport</p><p>Write to us at letters@seaport.example or visit www.seaport.example</p></footer>", "Seaport"},
		{"the copyright holder, last", "", "<nav><a>News</a> <a>Sport</a></nav>",
			"<footer><p>© 2008 The Quay Times. All rights reserved.</p></footer>", "The Quay Times"},
		{"metadata first", `<meta property="og:site_name" content="Harbour Daily">`, "<nav><a>Seaport</a></nav>",
			"<footer><p>More from Seaport</p><p>www.seaport.example</p></footer>", "Harbour Daily"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><head><title>Ferry returns</title>" + tt.head + "</head><body>" + tt.nav +
				"<article><h1>Ferry returns to the island after a long winter</h1><p>" +
				strings.ReplaceAll(paragraphs(6), "\n\n", "</p><p>") + "</p></article>" + tt.foot + "</body></html>"
			wantOutlet(t, NewExtractor(), "page.html", page, tt.want)
		})
	}
}

// TestSignatureNameInsideLongerName: a one-word name of the table
// ("Lamp", for The Lamp) found inside a longer capitalised name
// ("Northern Lamp") is that other outlet's name, and a copyright notice
// vouches only for its whole holder.
func TestSignatureNameInsideLongerName(t *testing.T) {
	tests := []struct{ name, top, foot, want string }{
		{"a longer name in masthead, newsletter and notice", "Skip to main content\nNorthern Lamp\n",
			"Get the Northern Lamp newsletter in your inbox every morning\n\n© Northern Lamp 2021. All rights reserved.\n",
			"Northern Lamp"},
		{"a notice vouches for its whole holder only", "Menu\n",
			"Lamp TV\n\n© 2021 Lamp Books Corporation. All rights reserved.\n", "Lamp Books"},
		{"the outlet's own products count", "Menu\n", "Lamp TV\n\nLamp Radio\n\nLamp Podcasts\n\nLamp Press\n\nLamp Markets\n\nAbout Lamp\n", "The Lamp"},
		{"the whole holder still counts", "Menu\n", "© 2021 The Lamp. All rights reserved.\n", "The Lamp"},
		{"a capitalised stop word extends no name", "Menu\n",
			"By Lamp staff\n\nThe Lamp\n\nMore from The Lamp\n", "The Lamp"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := NewExtractor()
			x.Signatures = &Signatures{}
			x.Signatures.Add(Signature{Outlet: "The Lamp", Names: []string{"The Lamp", "Lamp"}, Domains: []string{"thelamp.example"}})
			text := tt.top + "News\nSport\nWeather\nSign in\n\nFerry returns to the island after a long winter\n\n" + paragraphs(8) + tt.foot
			wantOutlet(t, x, "page.txt", text, tt.want)
		})
	}
}

// TestHTMLOutletFromTitleAffix: a page whose markup names no site gives
// its name in <title> beside the headline; the part is taken when the
// page confirms it (a domain, its copyright notice, a domain it prints,
// or for the title's last part its text outside the article), and over
// a wire agency the text names.
func TestHTMLOutletFromTitleAffix(t *testing.T) {
	const wire = "<p>Copyright 2008 The Associated Press. All rights reserved.</p>"
	tests := []struct{ name, title, foot, want string }{
		// The site's notice after the agency's names it in the text
		// reading too, as the notice spells it: one outlet with the
		// title's part, and the longer name.
		{"the last part, confirmed by the notice, over the agency", "Ferry returns to the island after a long winter - Quay Daily News",
			wire + "<p>Copyright © 2008 The Quay Daily News. All rights reserved.</p>", "The Quay Daily News"},
		{"a domain before a colon", "Quaysider.example: Ferry returns to the island after a long winter", wire, "Quaysider.example"},
		{"a name before its tagline", "Ferry returns to the island after a long winter | Beacon - The Voice of the Quay",
			"<p>Write to the Beacon</p><p>© 2008 Quay Printers Pty Limited.</p>", "Beacon"},
		{"a breadcrumb's first part, spelt by a printed domain", "Quay TV > News > Ferry returns to the island after a long winter",
			"<p>Visit www.quaytv.example</p>", "Quay TV"},
		{"a section the title repeats is no site", "Ferry returns to the island after a long winter - Latest - Island - Latest",
			"<ul><li>Latest</li><li>Island</li></ul>", ""},
		{"a first part the page prints only in its menu is no site", "Harbour: Ferry returns to the island after a long winter",
			"<ul><li>Harbour</li><li>Island</li></ul>", ""},
		{"one outlet, one name: the table's name wins", "Ferry returns to the island after a long winter - Reuters.com",
			"<p>© Reuters 2008. All rights reserved.</p>", "Reuters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><head><title>" + tt.title + "</title></head><body><nav><a>News</a> <a>Sport</a></nav>" +
				"<article><h1>Ferry returns to the island after a long winter</h1><p>" +
				strings.ReplaceAll(paragraphs(6), "\n\n", "</p><p>") + "</p></article><footer>" + tt.foot + "</footer></body></html>"
			arts, _ := NewExtractor().Extract(Source{Path: "page.html", Data: []byte(page)})
			if len(arts) != 1 {
				t.Fatalf("got %d articles", len(arts))
			}
			if arts[0].Outlet != tt.want && !(tt.want == "" && arts[0].OutletSource != feed.OutletFromMetadata) {
				t.Errorf("outlet = %q (%s), want %q", arts[0].Outlet, arts[0].OutletSource, tt.want)
			}
		})
	}
}

// TestSiteNoticeOverAgency: a site carrying an agency's story is named
// by the page's last copyright notice, not after the agency the table
// finds in the story, unless the page's furniture shows the table's
// outlet is the site itself.
func TestSiteNoticeOverAgency(t *testing.T) {
	tests := []struct{ name, top, foot, want string }{
		{"the site's notice under the agency's", "Menu\n",
			"Quay Wire\n\nCopyright 2008 Quay Wire. All rights reserved.\n\nMake us your home page\n\n" +
				"Copyright © 1997 - 2008 The Harbour Daily News. All rights reserved.\n", "The Harbour Daily News"},
		{"a company's notice leaves the agency", "Menu\n",
			"Quay Wire\n\nCopyright 2008 Quay Wire. All rights reserved.\n\n© 2008 Harbour Holdings, Inc. All rights reserved.\n", "Quay Wire"},
		{"the table's outlet is the site when the chrome prints its domain", "Menu\nwww.quaywire.example\n",
			"Quay Wire\n\n© 2008 Harbour Printers. All rights reserved.\n", "Quay Wire"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := quayWireExtractor()
			text := tt.top + "News\nSport\nWeather\nSign in\n\nFerry returns to the island after a long winter\n\n" +
				"HARBOUR (Quay Wire) -- " + paragraphs(8) + tt.foot
			wantOutlet(t, x, "page.txt", text, tt.want)
		})
	}
}

// TestAdvertisedDomainGivesWayToNotice: a domain printed alone in the
// chrome may be an advertiser's; the page's notice naming its own domain
// wins.
func TestAdvertisedDomainGivesWayToNotice(t *testing.T) {
	text := "Menu\nNews\n\nFerry returns to the island after a long winter\n\n" + paragraphs(8) +
		"Trade like a pro\n\nwww.tradingcoach.example\n\n© Copyright 2008 Quaysider.example\n"
	arts, _ := NewExtractor().Extract(Source{Path: "page.txt", Data: []byte(text)})
	if len(arts) != 1 || arts[0].Outlet != "Quaysider.example" {
		t.Fatalf("got %+v, want the outlet Quaysider.example", arts)
	}
	text = strings.Replace(text, "© Copyright 2008 Quaysider.example", "© Copyright 2008 TradingCoach.example", 1)
	if arts, _ = NewExtractor().Extract(Source{Path: "page.txt", Data: []byte(text)}); len(arts) != 1 || arts[0].Outlet != "tradingcoach.example" {
		t.Errorf("got %q, want the printed domain when the notice agrees", arts[0].Outlet)
	}
}

// TestTextOutletFromAboutLink: the site's own "About" link outside the
// article names it, over a wire agency the table finds in the story,
// when the page confirms the name; an "About" heading inside the
// article, a company, a part of the page or an unconfirmed name does not.
func TestTextOutletFromAboutLink(t *testing.T) {
	tests := []struct{ name, top, mid, foot, want string }{
		{"the link names the site over the agency", "Menu\n", "",
			"About the Quay Herald\n\nContact Us\n\nLetters to the Quay Herald\n", "The Quay Herald"},
		{"a domain needs no other confirmation", "Menu\n", "", "About Quayside.example |\n\nContact Us\n", "Quayside.example"},
		{"a notice's holder confirms it", "Menu\nAbout Quayside\n", "", "© 2008 Quayside. All rights reserved.\n", "Quayside"},
		{"a company is no site", "Menu\n", "", "About Harbour Media Group\n\nHarbour Media Group careers\n", "Quay Wire"},
		{"a part of the page is no site", "Menu\n", "", "About The Author\n\nThe Author writes weekly\n", "Quay Wire"},
		{"an unconfirmed name is no site", "Menu\n", "", "About Seafront Gazette\n\nContact Us\n", "Quay Wire"},
		{"a press release's heading inside the article is no site", "Menu\n", "About Harbourline\n\nHarbourline makes ferries for the island.\n\n" + paragraphs(3),
			"Harbourline ferries\n", "Quay Wire"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := quayWireExtractor()
			text := tt.top + "News\nSport\nWeather\nSign in\n\nFerry returns to the island after a long winter\n\n" +
				"HARBOUR (Quay Wire) -- " + paragraphs(8) + tt.mid + "Copyright 2008 Quay Wire. All rights reserved.\n\n" + tt.foot
			wantOutlet(t, x, "page.txt", text, tt.want)
		})
	}
}

// TestHTMLTitleSiteSpellsMore: a <title>'s site part that spells more of
// one outlet's name than the text's reading ("The Quay Herald" and "The
// Herald") wins; one that adds a word after it does not.
func TestHTMLTitleSiteSpellsMore(t *testing.T) {
	tests := []struct{ title, want string }{
		{"The Quay Herald / News / Ferry returns to the island after a long winter", "The Quay Herald"},
		{"Ferry returns to the island after a long winter | The Herald Newspaper", "The Herald"},
	}
	for _, tt := range tests {
		page := "<html><head><title>" + tt.title + "</title></head><body><nav><a>News</a> <a>Sport</a></nav>" +
			"<article><h1>Ferry returns to the island after a long winter</h1><p>" +
			strings.ReplaceAll(paragraphs(6), "\n\n", "</p><p>") + "</p></article><footer><p>About The Herald</p><p>Write to The Herald</p>" +
			"<p>Visit quayherald.example</p><p>© 2008 The Herald. All rights reserved.</p></footer></body></html>"
		arts, _ := NewExtractor().Extract(Source{Path: "page.html", Data: []byte(page)})
		if len(arts) != 1 || arts[0].Outlet != tt.want {
			t.Errorf("%q: got %+v, want %q", tt.title, arts[0].Outlet, tt.want)
		}
	}
}

// TestCompanyHolderGivesWayToSiteName: a company's notice gives way to
// a masthead past a letterless mark, and to the one domain the page
// prints with capitals, on two lines or more, as its name.
func TestCompanyHolderGivesWayToSiteName(t *testing.T) {
	tests := []struct{ name, top, foot, want string }{
		{"a masthead after a lost picture's mark", "?\n\nQuayball\n\n",
			"Quayball\n\nAbout\n\nCopyright 2008 by Harbour Sports Media.\n", "Quayball"},
		{"a domain the page brands", "Menu\n",
			"Send your photos to quaydaily.example/photos\n\nNews from QuayDaily.example, every day\n\n© 2008 Harbour News & Media Ltd.\n",
			"QuayDaily.example"},
		{"a branded domain printed once is another site's", "Menu\n",
			"Islander launches FerryTalk.example\n\n© 2008 Harbour News & Media Ltd.\n", "Harbour News & Media"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.top + "News\nSport\nWeather\nSign in\n\nFerry returns to the island after a long winter\n\n" + paragraphs(8) + tt.foot
			wantOutlet(t, NewExtractor(), "page.txt", text, tt.want)
		})
	}
}
