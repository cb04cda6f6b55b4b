package extract

import "testing"

func TestTidyByline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Jane Doe", "Jane Doe"},
		{"By Jane Doe", "Jane Doe"},
		{"Por Ana de Souza", "Ana de Souza"},
		{"Von Karl Beispiel", "Karl Beispiel"},
		{"Par Jeanne Exemple", "Jeanne Exemple"},
		{"JANE DOE and JOHN ROE", "JANE DOE and JOHN ROE"},
		{"Jane Doe, Gazette.example", "Jane Doe"},
		{"Jane Doe Jane Doe", "Jane Doe"},
		{"Troy L. Roe", "Troy L. Roe"},
		{"Jane Doe (now) and John Roe (earlier)", "Jane Doe (now) and John Roe (earlier)"},
		// Junk: empty beats it.
		{"Username", ""},
		{"May", ""},
		{"Por", ""},
		{"作者", ""},
		{"作者：王小明", "王小明"},
		{"Desk Writer Jane Doe SHARE SHARE TWEET", ""},
		{"Share on Facebook", ""},
		{"Monday", ""},
		{"Jane DoeGAZETTEWire", ""},
		{"Jane Jane", ""},
		{"The Northern, Southern ministries", ""},
		{"jdoe", ""},
		{"Gazette", ""},
		{"By Admin", ""},
		{"Staff", ""},
		{"Written by Username", ""},
		{"by Harbour Post News Weekly", ""},
		{"Newsroom Team", ""},
		{"Follow Jane Doe", ""},
		{"Harbour Tech Jane Doe Roe", ""},
		{"Ana Maria de Souza Lima", "Ana Maria de Souza Lima"},
		{"JANE DOE, JOHN ROE Gazette Wire", "JANE DOE, JOHN ROE"},
		// Buttons and links that read as two capitalised words.
		{"Text Size", ""},
		{"Printable Version", ""},
		{"Full Forecast", ""},
		{"Harbour Section Sponsors", ""},
		{"Island Quiz", ""},
	}
	for _, tt := range tests {
		if got := tidyByline(tt.in); got != tt.want {
			t.Errorf("tidyByline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTidyBylineKeepsInitialsAndDropsPlaces(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Jane A. Doe", "Jane A. Doe"},
		{"Jane Doe in Lisbon", "Jane Doe"},
		{"JANE DOE -- Gazette Media", "JANE DOE"},
		{"Next Article in Sport", ""},
		{"JANE-ANN DOE, Gazette Staff Writer", "JANE-ANN DOE"},
	}
	for _, tt := range tests {
		if got := tidyByline(tt.in); got != tt.want {
			t.Errorf("tidyByline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTextBylineNotAMenuItem(t *testing.T) {
	tests := []struct{ name, top, want string }{
		{"the last item of a menu above the headline", "Home\nBoat Monthly\nHarbour Racing\nFast Ferries\nIsland Riders\n", ""},
		{"the last two items of a short menu", "Home\nBoat Racing\nFast Ferries\nIsland Riders\n", ""},
		{"a name under a section label", "Home\nNews and comment from the islands.\n\nJane Doe\n", "Jane Doe"},
		{"a name and a handle", "Home\nNews and comment from the islands.\n\nJane Doe @janedoe / 2 days\n", "Jane Doe"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.top + "\nFerry returns to the island after a long winter\n\n" + paragraphs(8)
			arts, _ := NewExtractor().Extract(Source{Path: "page.txt", Data: []byte(text)})
			if len(arts) != 1 {
				t.Fatalf("got %d articles", len(arts))
			}
			if arts[0].Byline != tt.want {
				t.Errorf("byline = %q, want %q", arts[0].Byline, tt.want)
			}
		})
	}
}

func TestTextBylineNameAndHandleUnderFirstLine(t *testing.T) {
	text := "Ferry returns to the island after a long winter\n\nJane Doe @janedoe / 2 days\n\n" + paragraphs(8)
	arts, _ := NewExtractor().Extract(Source{Path: "page.txt", Data: []byte(text)})
	if len(arts) != 1 {
		t.Fatalf("got %d articles", len(arts))
	}
	if arts[0].Byline != "Jane Doe" {
		t.Errorf("byline = %q, want %q", arts[0].Byline, "Jane Doe")
	}
}

// TestUnlabelledBylineNotALink: a line by the headline that reads as a
// name but opens with a stop word is a link ("Your Voice", "About
// Harbourline"), and no byline; a name there stays.
func TestUnlabelledBylineNotALink(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{"Your Voice", ""},
		{"About Harbourline", ""},
		{"Jane Quayle", "Jane Quayle"},
	} {
		text := "Menu\nNews\n\nFerry returns to the island after a long winter\n\n" + tt.line + "\n\n" + paragraphs(8)
		arts, _ := NewExtractor().Extract(Source{Path: "page.txt", Data: []byte(text)})
		if len(arts) != 1 {
			t.Fatalf("%q: got %d articles", tt.line, len(arts))
		}
		if arts[0].Byline != tt.want {
			t.Errorf("%q: byline %q, want %q", tt.line, arts[0].Byline, tt.want)
		}
	}
}

// TestBylineNotAnOutlet: desks, companies and the outlet's own name in
// capitals after a name are dropped; a surname in capitals stays.
func TestBylineNotAnOutlet(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Jane Quayle HARBOUR GAZETTE", "Jane Quayle"},
		{"Jean DUPONT", "Jean DUPONT"},
		{"Quay Sports Network", ""},
		{"Harbourline Ltd", ""},
		{"Jane Quayle, Quay Washington Bureau", "Jane Quayle"},
		{"QUAY PRESS", ""},
	} {
		if got := tidyByline(tt.in); got != tt.want {
			t.Errorf("tidyByline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// A byline that is an outlet the table knows is none.
	x := NewExtractor()
	x.Signatures = &Signatures{}
	x.Signatures.Add(Signature{Outlet: "Quay Courier", Names: []string{"Quay Courier"}})
	text := "Menu\nNews\n\nFerry returns to the island after a long winter\n\nBy QUAY COURIER\n\n" + paragraphs(8)
	arts, _ := x.Extract(Source{Path: "page.txt", Data: []byte(text)})
	if len(arts) != 1 || arts[0].Byline != "" {
		t.Errorf("got %+v, want no byline", arts)
	}
}
