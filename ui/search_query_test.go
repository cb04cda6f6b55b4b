package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// TestSearchBarSaysBadDate: a date filter that is not a date is named in
// the search bar, not silently dropped; one still being typed is not.
func TestSearchBarSaysBadDate(t *testing.T) {
	m := loaded(t, testArticles(), 80, 24)
	send(m, tea.KeyPressMsg{Code: '/', Text: "/"})
	m.search.input.SetValue("after:yesterday ferry")
	searchNow(m)
	if v := ansi.Strip(m.search.View()); !strings.Contains(v, "date not understood: after:yesterday") {
		t.Errorf("search bar does not name the bad date:\n%s", v)
	}
	m.search.input.SetValue("ferry after:2026-0")
	searchNow(m)
	if v := ansi.Strip(m.search.View()); strings.Contains(v, "not understood") {
		t.Errorf("a date being typed reported:\n%s", v)
	}
}
