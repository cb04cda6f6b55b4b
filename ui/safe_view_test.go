package ui

import (
	"regexp"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/extract"
)

// styleSeq matches the styles the reader writes itself; OSC 8 hyperlinks too.
var styleSeq = regexp.MustCompile("\x1b\\[[0-9;:]*m|\x1b\\]8;[^\x07\x1b]*;[^\x07\x1b]*(?:\x07|\x1b\\\\)")

// unsafeRune matches what must never reach the terminal from a file:
// controls, bidi controls and invisible characters. (A reference left
// in what the terminal is sent is only text: nothing decodes it there.)
var unsafeRune = regexp.MustCompile("[\x00-\x09\x0b-\x1f\x7f-\u009f\u202a-\u202e\u2066-\u2069\u200b\u2060-\u2064\ufeff\U000E0000-\U000E007F]")

// The panes draw a lead and a headline derived from a body whose
// Markdown marks split references to controls and invisible characters:
// nothing of them may reach the terminal.
func TestPanesDrawDerivedTextSafely(t *testing.T) {
	body := "Lead &**#x1b;]0;pwned&**#x7; and &**#x1b;]52;c;aGk=&**#x7; with &__ZeroWidthSpace;hidden " +
		"&`#xFEFF;text, long enough for a lead.\n\nMore &#x200B;text &NoBreak;here.\n"
	arts, _ := extract.NewExtractor().Extract(extract.Source{Path: "joined.md", Data: []byte(body)})
	if len(arts) != 1 {
		t.Fatalf("extracted %d articles", len(arts))
	}
	m := loadedWith(t, Options{Title: "test"}, []*feed.Article{arts[0]}, 100, 30)
	check := func(where string) {
		t.Helper()
		view := styleSeq.ReplaceAllString(m.View().Content, "")
		if loc := unsafeRune.FindStringIndex(view); loc != nil {
			lo, hi := max(0, loc[0]-30), min(len(view), loc[1]+30)
			t.Errorf("%s: the view holds %q: %q", where, view[loc[0]:loc[1]], view[lo:hi])
		}
	}
	check("list")
	send(m, enter)
	check("article")
	send(m, esc)
	send(m, tea.KeyPressMsg{Code: 't', Text: "t"})
	check("stories")
}
