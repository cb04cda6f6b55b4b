package extract

import "testing"

// textByline extracts a text page and returns its byline.
func textByline(t *testing.T, text string) string {
	t.Helper()
	arts, _ := NewExtractor().Extract(Source{Path: "page.txt", Data: []byte(text)})
	if len(arts) != 1 {
		t.Fatalf("got %d articles", len(arts))
	}
	return arts[0].Byline
}

// TestUnlabelledNameNamingTheSubject: a line of names without "By" by
// the headline whose name the article's first paragraphs name is the
// story's subject (a team, a caption's swimmer), not its writer.
func TestUnlabelledNameNamingTheSubject(t *testing.T) {
	lead := "Harbour United rowers Pell Marrow and Odo Fenn are back in the boat for the regatta at Wexmoor, the club said, after a month ashore with sore wrists.\n\n"
	for _, tt := range []struct{ name, line, want string }{
		{"a team named in the lead", "Harbour United", ""},
		{"a person named in the lead", "Pell Marrow North Diving", ""},
		{"a writer the lead does not name", "Jane Quayle", "Jane Quayle"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := "Menu\nNews\n\nMarrow and Fenn return for the island clash\n\n" + tt.line + "\n\n" + lead + paragraphs(8)
			if got := textByline(t, text); got != tt.want {
				t.Errorf("byline = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestUnlabelledNameAboveTheHeadline: a line of names above the
// headline among a menu's items (one word or a figure among them), or
// under a reader's comment, is no byline; a name alone above the
// headline still is.
func TestUnlabelledNameAboveTheHeadline(t *testing.T) {
	for _, tt := range []struct{ name, top, want string }{
		{"among a menu's items", "Home\nLeague Two\nLiga 3\nQuayliga\nFantasy Sailing\nInternationals\n", ""},
		{"signing a comment", "Home\nThe best crossing I have had in years, and the crew kept the cocoa coming all the way over\nPell Marrow\n", ""},
		{"a name under a short label", "Home\nNews and comment from the islands.\n\nJane Quayle\n", "Jane Quayle"},
		{"a name under the page's address", "Home\nhttps://quaycourier.example/island-life/2019/mar/06/ferry-returns-to-the-island-after-a-long-winter\nJane Quayle\n", "Jane Quayle"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.top + "\nFerry returns to the island after a long winter\n\n" + paragraphs(8)
			if got := textByline(t, text); got != tt.want {
				t.Errorf("byline = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestBylineNotADeskInPlural: a desk's word in the plural is no name.
func TestBylineNotADeskInPlural(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Quay Standard Columnists", ""},
		{"Harbour Editors", ""},
		{"Island Agencies", ""},
		{"Story Highlights", ""},
		{"Jane Quayle", "Jane Quayle"},
		{"Tom Sections", ""},
		{"Ann Pages", "Ann Pages"}, // a word of four letters or fewer may be a surname in the plural
	} {
		if got := tidyByline(tt.in); got != tt.want {
			t.Errorf("tidyByline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestBylineNearTheChosenHeadline: when the article's text starts
// further down than the headline (past a box of other stories), the
// byline and date are read by the headline chosen, not by a line of
// the box that reads as a name.
func TestBylineNearTheChosenHeadline(t *testing.T) {
	box := "Tide tables return for the spring\n\nNew berth opens at the harbour\n\nLighthouse keeper retires after forty years\n\n" +
		"Island school wins a sailing prize\n\nCouncil votes on the new pier\n\nFishing fleet sees a record catch\n\nHarbour Seal Opens (Sleepy) Eyes\n\n"
	text := "Menu\n\nNews\n\nSport\n\nFerry returns to the island after a long winter\n\nThe Quay Courier\n\n" +
		"By NORA VELL Courier Transport Writer\n\nWEXMOOR Mar 6, 2019 (QC)\n\nText Size\n\nPrint\n\n" +
		"A short first line about the ferry and its crew.\n\nRelated Stories\n\n" + box + paragraphs(8)
	x := NewExtractor()
	x.Now = day(2025, 1, 1)
	arts, _ := x.Extract(Source{Path: "page.txt", Data: []byte(text)})
	if len(arts) != 1 {
		t.Fatalf("got %d articles", len(arts))
	}
	a := arts[0]
	if a.Title != "Ferry returns to the island after a long winter" {
		t.Skipf("the headline chosen is %q: this test needs the one above the box", a.Title)
	}
	if a.Byline != "NORA VELL" || !a.Date.Equal(day(2019, 3, 6)) {
		t.Errorf("byline %q, date %s; want NORA VELL, 2019-03-06", a.Byline, a.Date.Format("2006-01-02"))
	}
}
