package extract

import (
	"strings"
	"testing"

	"github.com/broadsheet/broadsheet/feed"
)

// TestPostedBy: a post line names its author after "Posted by", or after
// a labelled date; other lines are no post line.
func TestPostedBy(t *testing.T) {
	tests := []struct{ line, want string }{
		{"Posted by Wenna Marrick", "Wenna Marrick"},
		{"Posted by: Wenna Marrick", "Wenna Marrick"},
		{"Posted by Wenna Marrick @ 6:15 am Categories: Harbour, Ferries", "Wenna Marrick"},
		{"Posted: March 04, 2009, 4:30 PM by Wenna Marrick", "Wenna Marrick"},
		{"Published 03/04/2009 by Wenna Marrick", "Wenna Marrick"},
		{"Posted on Wed, Mar. 04, 2009 by Wenna Marrick", "Wenna Marrick"},
		{"Posted in Harbour News by Wenna Marrick", ""}, // no date before "by"
		{"Posted by reader", ""},                        // no name
		{"Posted 03/04/2009", ""},
		{"Printed by the Quay Press", ""},
	}
	for _, tt := range tests {
		got, ok := postedBy(tt.line)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("postedBy(%q) = %q, %v; want %q", tt.line, got, ok, tt.want)
		}
	}
}

// TestBylineLabelSpacedColon: "Author : Name", "| By Name" and "Mar 4
// 2009 by Name" are labelled bylines; a date after the name goes whole.
func TestBylineLabelSpacedColon(t *testing.T) {
	if got, _ := bylineOf("By Brian May 10/12/2009"); got != "Brian May" {
		t.Errorf("a surname that is a month cut: %q", got)
	}
	if got, ok := bylineOf("Ferries in March 2009 by Wenna Marrick"); ok {
		t.Errorf("a headline with a date read as byline %q", got)
	}
	for _, line := range []string{"Author : Wenna Marrick", "Author: Wenna Marrick", "Reporter  : Wenna Marrick", "| By Wenna Marrick", "• By Wenna Marrick",
		"Mar 4 2009 by Wenna Marrick", "Wed, March 4, 2009 9:15 AM by Wenna Marrick",
		"By Wenna Marrick January 10, 2008 | 6:46:13 PMCategories: Ferries", "By Wenna Marrick Wed, Mar. 4, 2009",
		"By Wenna Marrick and agencies", "By Wenna Marrick and staff"} {
		if got, ok := bylineOf(line); !ok || got != "Wenna Marrick" {
			t.Errorf("bylineOf(%q) = %q, %v", line, got, ok)
		}
	}
}

// TestTextPostedByUnderHeadline: a blog's post line under the headline
// gives the byline; the same form in the comments does not.
func TestTextPostedByUnderHeadline(t *testing.T) {
	page := "Quay Daily Blogs\nHome | Harbour | Weather\n\nFerry timetable changes again\n\n" +
		"Posted: March 04, 2009, 4:30 PM by Wenna Marrick\n\n" + paragraphs(6) +
		"Comments\nPosted by: Tobin Ashgrove on 03/05/2009\nI take the early boat every day.\n"
	arts, _ := NewExtractor().Extract(Source{Path: "page.txt", Data: []byte(page)})
	if len(arts) != 1 || arts[0].Byline != "Wenna Marrick" {
		t.Fatalf("byline = %q, want Wenna Marrick", bylineOfArts(arts))
	}
	noPost := strings.Replace(page, "Posted: March 04, 2009, 4:30 PM by Wenna Marrick", "March 04, 2009", 1)
	arts, _ = NewExtractor().Extract(Source{Path: "page.txt", Data: []byte(noPost)})
	if len(arts) != 1 || arts[0].Byline != "" {
		t.Errorf("a commenter's post line gave byline %q", bylineOfArts(arts))
	}
}

func bylineOfArts(arts []*feed.Article) string {
	if len(arts) == 0 {
		return "(no article)"
	}
	return arts[0].Byline
}

// TestTidyBylineNotesAndInitials: a lone name loses its note in
// brackets; places after "in" go even when every part is a name; two
// capital letters after a name in capitals lead the desk.
func TestTidyBylineNotesAndInitials(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Wenna Marrick (Contact)", "Wenna Marrick"},
		{"Wenna Marrick (Staff)", "Wenna Marrick"},
		{"Wenna Marrick (now) and Tobin Ashgrove (earlier)", "Wenna Marrick (now) and Tobin Ashgrove (earlier)"},
		{"Wenna Marrick in Quayside, Tobin Ashgrove in Eastmoor", "Wenna Marrick, Tobin Ashgrove"},
		{"WENNA MARRICK AP Harbour Writer", "WENNA MARRICK"},
		{"WENNA MARRICK Associated Quay Press", "WENNA MARRICK"},
		{"MARY ANN LEE Staff Writer", "MARY ANN LEE"}, // a short surname of three letters stays
		{"Wenna Marrick, Eastmoor Herald", "Wenna Marrick"},
		{"Wenna Marrick, Tobin Ashgrove", "Wenna Marrick, Tobin Ashgrove"},
	}
	for _, tt := range tests {
		if got := tidyByline(tt.in); got != tt.want {
			t.Errorf("tidyByline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTextBylineNotTheSitesLinks: a name line under the headline that
// also opens the site's links and its notice is the site's own, not a
// byline; a person's name line stays one.
func TestTextBylineNotTheSitesLinks(t *testing.T) {
	site := "Quay Unlimited home\nNews | Sport | Weather\nSearch: Quay Unlimited Web\nQuay Unlimited Web\nCricket\nFirst Test, day four\n\nFerry timetable changes again\n\n" +
		"Saturday March 7, 2009\nQuay Unlimited\n\n" + paragraphs(6) + "Quay Unlimited © Quay Media Limited 2009\n"
	arts, _ := NewExtractor().Extract(Source{Path: "page.txt", Data: []byte(site)})
	if got := bylineOfArts(arts); got != "" {
		t.Errorf("site's name given as byline %q", got)
	}
	person := strings.Replace(site, "\nQuay Unlimited\n\n", "\nWenna Marrick\n\n", 1)
	arts, _ = NewExtractor().Extract(Source{Path: "page.txt", Data: []byte(person)})
	if got := bylineOfArts(arts); got != "Wenna Marrick" {
		t.Errorf("byline = %q, want Wenna Marrick", got)
	}
}

// TestHTMLBylineFromPageText: a web page without author metadata prints
// its byline under the headline; the text's byline also wins over a
// markup author who is not the one the page prints after "By".
func TestHTMLBylineFromPageText(t *testing.T) {
	body := "<p>" + strings.ReplaceAll(strings.TrimSpace(paragraphs(6)), "\n\n", "</p><p>") + "</p>"
	page := func(head, side string) string {
		return "<html><head><title>Ferry timetable changes again - Quay Daily</title>" + head + "</head><body>" +
			"<div class=nav><a href=/>Home</a> <a href=/h>Harbour</a></div>" +
			"<h1>Ferry timetable changes again</h1><div class=by>By Wenna Marrick</div><div>March 4, 2009</div>" +
			body + side + "<div class=foot>© 2009 Quay Daily</div></body></html>"
	}
	tests := []struct{ name, head, side, want string }{
		{"no metadata", "", "", "Wenna Marrick"},
		{"webmaster in markup", `<meta name="author" content="Orrin Webb">`, "", "Wenna Marrick"},
		{"markup agrees", `<meta name="author" content="Wenna Marrick">`, "", "Wenna Marrick"},
		{"other posts by another", "", "<div class=more><h3>More posts</h3><ul><li><a href=/a>Tide tables</a> <span>by Orrin Webb</span></li></ul></div>", "Wenna Marrick"},
	}
	for _, tt := range tests {
		arts, _ := NewExtractor().Extract(Source{Path: "page.html", Data: []byte(page(tt.head, tt.side))})
		if got := bylineOfArts(arts); got != tt.want {
			t.Errorf("%s: byline = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestReadingByline: the markup's byline stays unless the text's is a
// different name printed after "By".
func TestReadingByline(t *testing.T) {
	r := &feed.Article{Byline: "Wenna Marrick"}
	tests := []struct {
		got, visible, want string
		r                  *feed.Article
	}{
		{"", "", "Wenna Marrick", r},
		{"Quay Daily", "", "Wenna Marrick", r},       // the site's name
		{"Associated Press", "", "Wenna Marrick", r}, // an agency
		{"Orrin Webb", "Ferry\nBy Wenna Marrick\n", "Wenna Marrick", r},
		{"Orrin Webb", "Ferry\nWenna Marrick\n", "Orrin Webb", r},                         // not after "By"
		{"Wenna Marrick, Quay Daily", "By Wenna Marrick", "Wenna Marrick, Quay Daily", r}, // one name
		{"Orrin Webb", "Standby Wenna Marrick", "Orrin Webb", r},                          // "by" inside a word
		{"Orrin Webb", "By Wenna Marrick", "Orrin Webb", nil},
	}
	if got := readingByline(NewExtractor(), "", "Lock Keepers, Wenna Marrick Meet", "", r, ""); got != "" {
		t.Errorf("a part of the headline taken as byline: %q", got)
	}
	for _, tt := range tests {
		if got := readingByline(NewExtractor(), tt.got, "Ferry timetable changes again", "Quay Daily", tt.r, tt.visible); got != tt.want {
			t.Errorf("readingByline(%q, %q) = %q, want %q", tt.got, tt.visible, got, tt.want)
		}
	}
}

// TestTextBylinePastToolbar: a name without "By" printed under the
// headline's row of tools, beside the date, is the byline; a name so
// placed with no date beside it is not taken.
func TestTextBylinePastToolbar(t *testing.T) {
	head := "Quay Daily\nHome » World » Article\n\nFerry timetable changes again\n\nEmail\n\nPrinter friendly version\n\nNormal font\n\nLarge font\n\n"
	arts, _ := NewExtractor().Extract(Source{Path: "page.txt", Data: []byte(head + "Wenna Marrick, Quayside\n\nMarch 4, 2009\n\n" + paragraphs(6))})
	if got := bylineOfArts(arts); got != "Wenna Marrick" {
		t.Errorf("byline = %q, want Wenna Marrick (title %q, date %v)", got, arts[0].Title, arts[0].Date)
	}
	arts, _ = NewExtractor().Extract(Source{Path: "page.txt", Data: []byte(head + "Wenna Marrick, Quayside\n\n" + paragraphs(6))})
	if got := bylineOfArts(arts); got != "" {
		t.Errorf("no date beside: byline = %q, want none", got)
	}
}
