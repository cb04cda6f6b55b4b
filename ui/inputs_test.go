package ui

import (
	"os"
	"os/exec"
	"path/filepath"
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

// TestCopyUsesClipboardTool: y hands the link to the first clipboard
// program at hand and says which; when it fails, the link goes to the
// terminal by OSC 52, and the notice claims no more than that.
func TestCopyUsesClipboardTool(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	saved := clipboardTools
	defer func() { clipboardTools = saved }()
	got := filepath.Join(t.TempDir(), "clipboard")
	arts := testArticles()
	arts[0].URL = "https://example.com/a"

	clipboardTools = []clipboardTool{{"no-such-clipboard-program", nil, ""}, {"sh", []string{"-c", "cat > " + got}, ""}}
	m := loaded(t, arts, 80, 24)
	_, cmd := m.Update(tea.KeyPressMsg{Code: 'y', Text: "y"})
	if cmd == nil {
		t.Fatal("no command")
	}
	msg := cmd()
	if n, ok := msg.(noticeMsg); !ok || n != "Copied the link with sh." {
		t.Errorf("notice = %#v", msg)
	}
	if b, _ := os.ReadFile(got); string(b) != "https://example.com/a" {
		t.Errorf("the program got %q", b)
	}

	clipboardTools = []clipboardTool{{"sh", []string{"-c", "echo no display >&2; exit 1"}, ""}}
	m = loaded(t, arts, 80, 24)
	_, cmd = m.Update(tea.KeyPressMsg{Code: 'y', Text: "y"})
	batch, ok := cmd().(tea.BatchMsg)
	if !ok {
		t.Fatalf("a failed program did not fall back to OSC 52")
	}
	var notice string
	for _, c := range batch {
		if b, ok := c().(tea.BatchMsg); ok {
			for _, c := range b {
				if n, ok := c().(noticeMsg); ok {
					notice = string(n)
				}
			}
		}
	}
	if !strings.Contains(notice, "sh failed (no display)") || !strings.Contains(notice, "Sent the link to the terminal's clipboard.") {
		t.Errorf("notice = %q", notice)
	}
}
