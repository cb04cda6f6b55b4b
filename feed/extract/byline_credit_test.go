package extract

import (
	"testing"

	"github.com/broadsheet/broadsheet/feed"
)

// creditPage is a page whose headline is followed by the given lines
// (blank-line separated) and an article that names no one.
func creditPage(under string) string {
	return "Menu\n\nNews\n\nSport\n\nFerry returns to the island after a long winter\n\n" + under + "\n\n" + paragraphs(8)
}

// TestCreditedNames: bylines without "By" in forms a bare line of names
// does not take, by the headline: names and their desk after a comma or
// a separator, a name at the venue, "by" and a name in lower case, names
// in capitals beside a date or over a desk's line, and a line of names
// over a desk's line past a caption. Lines that only look like them are
// no byline.
func TestCreditedNames(t *testing.T) {
	for _, tt := range []struct{ name, under, want string }{
		{"names and their wire after a comma", "Nora Vell and Pim Oster, Quay News Service\n\nMarch 6, 2019", "Nora Vell and Pim Oster"},
		{"a name and a bureau chief", "Nora Vell, Harbour Gazette Bureau Chief\n\nMarch 6, 2019", "Nora Vell"},
		{"a name and a role after a bar", "Nora Vell | Staff Writer\n\nMarch 6, 2019", "Nora Vell"},
		{"a name at the venue", "Nora Vell at Wexmoor Park\n\nMarch 6, 2019", "Nora Vell"},
		{"a name in lower case", "by nora vell\n\nMarch 6, 2019", "Nora Vell"},
		{"By and a name in lower case", "By nora vell\n\nMarch 6, 2019", "Nora Vell"},
		{"a name in lower case beside the date", "nora vell\n\nMarch 6, 2019", "Nora Vell"},
		{"a name in lower case far from a date", "nora vell\n\nThe ferry is back.\n\nPhoto: Pim Oster", ""},
		{"a desk in lower case beside the date", "island news desk\n\nMarch 6, 2019", ""},
		{"a name at the venue, with the", "Nora Vell at the Wexmoor Arena\n\nMarch 6, 2019", "Nora Vell"},
		{"names in capitals above the date", "NORA VELL AND PIM OSTER\n\nMarch 6, 2019", "NORA VELL AND PIM OSTER"},
		{"a name in capitals over its desk", "March 6, 2019\n\nNORA VELL\n\nThe Quay Courier Staff", "NORA VELL"},
		{"a name over its desk past a caption", "The new ferry at its berth on Tuesday.\n\nPhoto: Pim Oster\n\nMarch 6, 2019\n\nNora Vell\n\nStaff Writer", "Nora Vell"},
		{"a section in capitals", "HARBOUR SAILING\n\nA short standfirst about the crossing.", ""},
		{"lower-case words after by", "by the harbour wall\n\nMarch 6, 2019", ""},
		{"a desk alone", "Quay Wire Service\n\nMarch 6, 2019", ""},
		{"a place at a venue", "Harbour Day at Wexmoor Park 2019\n\nMarch 6, 2019", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := textByline(t, creditPage(tt.under)); got != tt.want {
				t.Errorf("byline = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCreditedNameNamedInLead: a name at a venue that the article's first
// paragraph names is the story's subject, not its writer.
func TestCreditedNameNamedInLead(t *testing.T) {
	text := "Menu\n\nNews\n\nFerry returns to the island after a long winter\n\nNora Vell at Wexmoor Park\n\nMarch 6, 2019\n\n" +
		"Nora Vell steered the ferry into Wexmoor on Tuesday, the first crossing since the storms closed the harbour in November.\n\n" + paragraphs(8)
	if got := textByline(t, text); got != "" {
		t.Errorf("byline = %q, want none", got)
	}
}

// TestBylineLabels: more labels open a byline, "with additional reporting
// by" adds a name, and " ? " (a dash a conversion lost) ends the names.
func TestBylineLabels(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Contributed by: Nora Vell", "Nora Vell"},
		{"Contributed by Nora Vell", "Nora Vell"},
		{"Story by Nora Vell", "Nora Vell"},
		{"Text by Nora Vell and Pim Oster", "Nora Vell and Pim Oster"},
		{"Writer: Nora Vell", "Nora Vell"},
		{"Contributor: Nora Vell", "Nora Vell"},
		{"By Nora Vell, with additional reporting by Pim Oster", "Nora Vell and Pim Oster"},
		{"By Nora Vell ? More by this author", "Nora Vell"},
		{"By Nora Vell at 10:32 AM", "Nora Vell"},
		{"By Nora Vell at Wexmoor Park", "Nora Vell"},
		{"Story by the numbers", ""},
		{"Text by phone to 5555", ""},
	} {
		got, _ := bylineOf(tt.in)
		if got != tt.want {
			t.Errorf("bylineOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTidyBylineAtVenue: a venue after "at" is no part of the name.
func TestTidyBylineAtVenue(t *testing.T) {
	if got := tidyByline("Nora Vell at Wexmoor Park"); got != "Nora Vell" {
		t.Errorf("tidyByline = %q, want %q", got, "Nora Vell")
	}
}

// TestDeskPhrase: a desk, a role or an agency, and not a name or a
// sentence.
func TestDeskPhrase(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"Staff Writer", true},
		{"The Quay Courier Staff", true},
		{"Harbour News Service", true},
		{"Quay Gazette Bureau Chief", true},
		{"Special Correspondents", true},
		{"Nora Vell", false},
		{"Wexmoor Park", false},
		{"The staff were told on Tuesday.", false},
		{"Staff Writer 2019", false},
		{"The harbour staff of the island ferry company met", false},
	} {
		if got := deskPhrase(tt.in); got != tt.want {
			t.Errorf("deskPhrase(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestReadingBylineOverAListedStory: a web page's markup byline that the
// page prints only below the article's opening (another story's writer,
// in a list under the article) gives way to the name its text prints by
// the headline; a markup byline printed above the opening stays.
func TestReadingBylineOverAListedStory(t *testing.T) {
	body := "The harbour ferry ran again this week after a long winter of repairs that kept the boats in the yard."
	x := NewExtractor()
	r := &feed.Article{Byline: "Nora Vell", Body: body}
	for _, tt := range []struct{ name, visible, got, want string }{
		{"another story's writer below", "Menu\nFerry returns\nNora Vell\n" + body + "\nMore essays\nThe new berth\nby Pim Oster\n", "Pim Oster", "Nora Vell"},
		{"the markup's name above the opening", "Menu\nPim Oster\nFerry returns\nNora Vell\n" + body + "\nMore essays\n", "Pim Oster", "Pim Oster"},
		{"the markup's name not printed", "Menu\nFerry returns\nNora Vell\n" + body + "\n", "Pim Oster", "Pim Oster"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := readingByline(x, tt.got, "Ferry returns", "Quay Courier", r, tt.visible); got != tt.want {
				t.Errorf("readingByline = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPostFooter: a post signed in its footer under the article, before
// the comments, which sign themselves the same way; a comment's
// signature alone is no byline.
func TestPostFooter(t *testing.T) {
	comments := "\n\nComments\n\nLovely to see the boat back.\n\nPosted by: Pim Oster | March 7, 2019 at 09:12 AM\n\n"
	for _, tt := range []struct{ name, footer, want string }{
		{"posted by and the date", "Posted by Nora Vell | March 6, 2019 at 10:32 AM", "Nora Vell"},
		{"posted by, the clock and the section", "Posted by Nora Vell at 10:32 AM in Island Life | Permalink | Comments (3)", "Nora Vell"},
		{"by, the section and links", "By Nora Vell in Island Life | Link | Comments (1) | Recommend this! (1) |", "Nora Vell"},
		{"no footer: only the comments sign", "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := "Menu\n\nNews\n\nFerry returns to the island after a long winter\n\nMarch 6, 2019\n\n" + paragraphs(6) + tt.footer + comments
			if got := textByline(t, text); got != tt.want {
				t.Errorf("byline = %q, want %q", got, tt.want)
			}
		})
	}
}
