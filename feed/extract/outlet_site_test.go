package extract

import "testing"

// quayWireExtractor is an extractor whose signature table knows one
// agency, Quay Wire, that the outlet tests' stories are credited to.
func quayWireExtractor() *Extractor {
	x := NewExtractor()
	x.Signatures = &Signatures{}
	x.Signatures.Add(Signature{Outlet: "Quay Wire", Names: []string{"Quay Wire"}, Domains: []string{"quaywire.example"}})
	return x
}

// siteOutletCase extracts an invented text page made of top, a menu, a
// headline over an agency's story, and foot, with a signature table that
// knows the agency, and checks its outlet.
func siteOutletCase(t *testing.T, top, foot, want string) {
	t.Helper()
	x := quayWireExtractor()
	text := top + "News\nSport\nWeather\nSign in\n\nFerry returns to the island after a long winter\n\n" +
		"HARBOUR (Quay Wire) -- " + paragraphs(8) + "Copyright 2008 Quay Wire. All rights reserved.\n\n" + foot
	wantOutlet(t, x, "page.txt", text, want)
}

// TestTextOutletFromGreeting: the site's greeting at the top of the page
// ("Welcome to … Skip to content") names it over an agency the table
// finds in the story, when the name reads as a site's and the page
// confirms it.
func TestTextOutletFromGreeting(t *testing.T) {
	tests := []struct{ name, top, foot, want string }{
		{"a name confirmed by the footer", "Welcome to The Quay Herald. Skip to: Search, Navigation, Content\n",
			"Letters to the Quay Herald\n", "The Quay Herald"},
		{"a name before its tagline", "Welcome to Tidewatch - the voice of the harbour. Skip to content\n",
			"Tidewatch Network sites\n", "Tidewatch"},
		{"a domain needs no other confirmation", "Welcome to QUAYSIDE.example. Skip to: Search Box\n", "", "QUAYSIDE.example"},
		{"an unconfirmed name is no site", "Welcome to Seafront Gazette. Skip to content\n", "", "Quay Wire"},
		{"words that are no name", "Welcome to the source for harbour news.\n", "The source for harbour news\n", "Quay Wire"},
		{"a greeting lower down is the article's", "Menu\nSearch\nSubscribe\nWelcome to Tidewatch\n", "Tidewatch Network sites\n", "Quay Wire"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { siteOutletCase(t, tt.top, tt.foot, tt.want) })
	}
}

// TestCompanyHolderGivesWayToMasthead: a company's notice gives way to
// the masthead the page repeats, past a row of furniture links, with an
// ampersand in it, and when the notice calls its holder a company's
// division.
func TestCompanyHolderGivesWayToMasthead(t *testing.T) {
	tests := []struct{ name, top, foot, want string }{
		{"past a row of links", "Register | Log in\n\nTidewatch\n\n",
			"Tidewatch Radio\n\nCopyright 2008 Harbour Holdings Inc. All rights reserved.\n", "Tidewatch"},
		{"a masthead with an ampersand", "Quay & Harbour\n\n",
			"Quay & Harbour Today\n\nCopyright 2008 Harbour Holdings Inc. All rights reserved.\n", "Quay & Harbour"},
		{"a holder that is a company's division", "Tidewatch\n\n",
			"Tidewatch Today\n\n© 2008 Harbour Press Information, a division of Harbour Holdings Inc. All rights reserved.\n", "Tidewatch"},
		{"a holder that is no company keeps its name", "Tidewatch\n\n",
			"Tidewatch Today\n\n© 2008 Harbour Press Information, all rights reserved.\n", "Harbour Press Information"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.top + "News\nSport\nWeather\nSign in\n\nFerry returns to the island after a long winter\n\n" + paragraphs(8) + tt.foot
			wantOutlet(t, NewExtractor(), "page.txt", text, tt.want)
		})
	}
}

// TestCompanyHolderGivesWayToAcronym: a company's notice gives way to a
// word in capitals that opens two lines of the page's furniture when a
// domain the page prints begins with it.
func TestCompanyHolderGivesWayToAcronym(t *testing.T) {
	const notice = "Copyright 2008 Harbour Holdings Inc. All rights reserved.\n"
	tests := []struct{ name, top, foot, want string }{
		{"two lines and the domain", "Read this | Open in new window\n\nQBN Mobile\n\n",
			"QBN Radio\n\nSearch the web or qbnharbour.example\n\n" + notice, "QBN"},
		{"one line is not enough", "Read this | Open in new window\n\nQBN Mobile\n\n",
			"Search the web or qbnharbour.example\n\n" + notice, "Harbour Holdings"},
		{"a domain that does not begin with it", "Read this | Open in new window\n\nQBN Mobile\n\n",
			"QBN Radio\n\nSearch the web or harbourqbn.example\n\n" + notice, "Harbour Holdings"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.top + "News\nSport\nWeather\nSign in\n\nFerry returns to the island after a long winter\n\n" + paragraphs(8) + tt.foot
			wantOutlet(t, NewExtractor(), "page.txt", text, tt.want)
		})
	}
}
