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
	lead := "Harbour United defenders Pell Marrow and Odo Fenn will be available on Sunday night against the island side, after both missed the last game through suspension.\n\n"
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
		{"signing a comment", "Home\nMy sides still hurt from laughing so much, I just wish I could go again next year\nPell Marrow\n", ""},
		{"a name under a short label", "Home\nNews and comment from the islands.\n\nJane Quayle\n", "Jane Quayle"},
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
		{"Jane Quayle", "Jane Quayle"},
		{"Tom Sections", ""},
		{"Ann Pages", "Ann Pages"}, // a word of four letters or fewer may be a surname in the plural
	} {
		if got := tidyByline(tt.in); got != tt.want {
			t.Errorf("tidyByline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
