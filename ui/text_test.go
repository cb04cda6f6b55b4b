package ui

import (
	"regexp"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/broadsheet/broadsheet/feed"
)

// ours matches the escape sequences the interface writes itself: SGR
// styling, and OSC 8 hyperlinks around an article's links.
var ours = regexp.MustCompile("\x1b\\[[0-9;:]*m|\x1b\\]8;[^\x07\x1b]*(?:\x07|\x1b\\\\)")

// hostile are control sequences a title, an outlet or a query might
// carry: clear the screen, set the window title, move the cursor, a C1
// CSI, a bell, and a bidi override.
const hostile = typed + "\u202e"

// typed is hostile without the bidi override, for what goes through a
// query box as it is typed: the box (bubbles' textinput) drops control
// characters itself but keeps format characters such as U+202E, which
// reorder text without driving the terminal.
const typed = "\x1b[2J\x1b]0;pwned\x07\x1b[1;1H\u009b31m\x07"

// checkNoControls fails when the view holds anything a terminal would
// act on besides the interface's own styling and links. Unlike
// ansi.Strip, it does not hide a foreign sequence that reached the view.
func checkNoControls(t *testing.T, view string) {
	t.Helper()
	rest := ours.ReplaceAllString(view, "")
	for _, r := range rest {
		if r != '\n' && isControl(r) || r == '\u202e' {
			t.Fatalf("view holds %U, which would reach the terminal:\n%q", r, rest)
		}
	}
}

// TestTypedAndReadTextCannotDriveTheTerminal puts control sequences in
// an article's title and outlet as they come (not through feed's
// loader), in the search query, in the outlet filter and in the query
// found in an article, and checks that none of them reaches the
// terminal.
func TestTypedAndReadTextCannotDriveTheTerminal(t *testing.T) {
	evil := &feed.Article{
		ID: "evil", Path: "evil.txt",
		Title:  "Ferry " + hostile + " strike",
		Outlet: "Harbour " + hostile + " Gazette",
		Lead:   "A ferry lead " + hostile,
		Body:   "The ferry " + hostile + " sails.\n\nSee [the port](https://example.com/port).",
	}
	tests := map[string]func(m *Model){
		"list":     func(m *Model) {},
		"detail":   func(m *Model) { send(m, enter) },
		"outlets":  func(m *Model) { send(m, tea.KeyPressMsg{Code: 'o', Text: "o"}) },
		"filtered": func(m *Model) { send(m, tea.KeyPressMsg{Code: 'o', Text: "o"}); send(m, enter) },
		"search": func(m *Model) {
			send(m, tea.KeyPressMsg{Code: '/', Text: "/"})
			m.search.input.SetValue("ferry" + typed)
			m.Update(m.search.run()())
		},
		"search without matches": func(m *Model) {
			send(m, tea.KeyPressMsg{Code: '/', Text: "/"})
			m.search.input.SetValue("zzz")
			m.Update(m.search.run()())
			// The message quotes the query searched for, whatever the
			// query box made of it.
			m.search.query = "zzz" + hostile
		},
		"search pasted": func(m *Model) {
			send(m, tea.KeyPressMsg{Code: '/', Text: "/"})
			send(m, tea.PasteMsg{Content: "zzz" + typed})
			m.Update(m.search.run()())
		},
		"find": func(m *Model) {
			send(m, enter)
			send(m, tea.KeyPressMsg{Code: '/', Text: "/"})
			send(m, tea.PasteMsg{Content: "ferry" + typed})
			// The status line quotes the query found, whatever the box
			// made of it.
			m.detail.find.query = "ferry" + hostile
			send(m, enter)
		},
	}
	for name, sc := range tests {
		t.Run(name, func(t *testing.T) {
			m := loaded(t, []*feed.Article{evil}, 100, 30)
			sc(m)
			checkNoControls(t, m.View().Content)
		})
	}
}
