package extract

import "testing"

func TestNotedNames(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Pell Marrow (now) and Odile Fenn (earlier)", true},
		{"Pell Marrow (Lisbon), Odile Fenn (Oslo) and Tam Rue (Quito)", true},
		{"Harbour Board Opens (Sealed) Tenders", false},       // a headline with a bracket
		{"Lamp Kit Senses Your Room (Via Smart Plug)", false}, // one bracket, at the end
		{"Pell Marrow (now)", false},                          // one note
		{"Pell Marrow and Odile Fenn", false},                 // no notes
	}
	for _, tt := range tests {
		if got := notedNames(tt.line); got != tt.want {
			t.Errorf("notedNames(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestTextTitleNotNotedNames: a live page's credit line, names with
// notes and no "By", over a section label printed in the menu, is
// neither the headline. (The article opens on its headline's subject,
// as articles do: the model weighs the words a headline shares with
// its article.)
func TestTextTitleNotNotedNames(t *testing.T) {
	text := "The Quay Post\nHome  Harbour Life  Sport  Weather\nHarbour Life\n" +
		"Pell Marrow (now) and Odile Fenn (earlier)\n\n" +
		"Lock gates at Wexmoor jammed for a second day – live updates\n\n" +
		"The lock gates at Wexmoor jammed again this morning, for the second day running, and the boats waiting to pass were told to tie up and wait for the engineers.\n\n" +
		paragraphs(8)
	arts, _ := NewExtractor().Extract(Source{Path: "page.txt", Data: []byte(text)})
	if len(arts) != 1 {
		t.Fatalf("got %d articles", len(arts))
	}
	if want := "Lock gates at Wexmoor jammed for a second day – live updates"; arts[0].Title != want {
		t.Errorf("title = %q, want %q", arts[0].Title, want)
	}
}

func TestMenuItemAbove(t *testing.T) {
	lines := segmentText("Home  Harbour Life  Sport\nHarbour Life\nHarbour Lifeboats\nHome Harbour Life Sport\n")
	for i, want := range []bool{false, true, false, false} {
		if got := menuItemAbove(lines, i); got != want {
			t.Errorf("menuItemAbove(%q) = %v, want %v", lines[i].text, got, want)
		}
	}
}
