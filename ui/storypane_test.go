package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/story"
)

var (
	keyG    = tea.KeyPressMsg{Code: 'G', Text: "G"}
	keyTop  = tea.KeyPressMsg{Code: 'g', Text: "g"}
	keyPgDn = tea.KeyPressMsg{Code: tea.KeyPgDown}
	wheelDn = tea.MouseWheelMsg{X: 5, Y: 5, Button: tea.MouseWheelDown}
	percent = regexp.MustCompile(`(\d+)%\s*$`)
	keyUp   = tea.KeyPressMsg{Code: tea.KeyUp}
)

// longStoryArticles returns the bridge story with more of each
// outlet's own reporting, enough that it is longer than a small screen.
func longStoryArticles() []*feed.Article {
	arts := storyArticles()
	own := map[string][]string{
		"b1": {"Ferry crews have been told to expect twice the usual number of foot passengers this week.", "A temporary footbridge was ruled out because the river is too wide at the crossing."},
		"b2": {"The chamber of commerce has asked for parking charges in the town centre to be waived.", "Two schools on the far bank will open an hour later so that pupils can get in on time."},
		"b3": {"Taxi firms say the fare to the station has nearly doubled since the closure began.", "Cyclists may still wheel their bikes across the footway on the eastern side of the span."},
	}
	for _, a := range arts {
		for _, s := range own[a.ID] {
			a.Body += "\n\n" + s
		}
	}
	return arts
}

// storyPos returns the scroll position on the last line of the story
// pane, or -1 when it shows none.
func storyPos(t *testing.T, m *Model) int {
	t.Helper()
	lines := strings.Split(ansi.Strip(m.story.View()), "\n")
	mm := percent.FindStringSubmatch(lines[len(lines)-1])
	if mm == nil {
		return -1
	}
	var n int
	fmt.Sscan(mm[1], &n)
	return n
}

func TestStoryPaneScrolls(t *testing.T) {
	m := loaded(t, longStoryArticles(), 80, 24)
	send(m, enter)
	if m.state != stateStory {
		t.Fatalf("enter showed %v, want the story pane", m.state)
	}
	flat := func() string { return strings.Join(strings.Fields(ansi.Strip(m.View().Content)), " ") }
	if strings.Contains(flat(), bridgeGazette) {
		t.Fatalf("the whole story fits at 80×24; the test needs a longer one:\n%s", m.View().Content)
	}
	if got := storyPos(t, m); got != 0 {
		t.Errorf("position at the top = %d%%, want 0%%", got)
	}
	send(m, keyG)
	if !strings.Contains(flat(), bridgeGazette) {
		t.Errorf("G does not show the last outlet's own sentence:\n%s", ansi.Strip(m.View().Content))
	}
	if got := storyPos(t, m); got != 100 {
		t.Errorf("position at the bottom = %d%%, want 100%%", got)
	}
	send(m, keyTop)
	if got := storyPos(t, m); got != 0 || !strings.Contains(flat(), storyTitle) {
		t.Errorf("g does not go back to the top (at %d%%):\n%s", got, ansi.Strip(m.View().Content))
	}
	send(m, keyPgDn)
	if got := storyPos(t, m); got <= 0 {
		t.Errorf("page down did not scroll: at %d%%", got)
	}
	send(m, keyTop)
	send(m, wheelDn)
	if got := storyPos(t, m); got <= 0 {
		t.Errorf("the wheel did not scroll: at %d%%", got)
	}
	// Down past the last article reads on; up brings the chosen
	// article back into view.
	send(m, keyTop)
	for range 3 + 40 {
		send(m, down)
	}
	if a := m.story.selected(); a == nil || a.ID != "b1" {
		t.Fatalf("the cursor is on %v, want the last article b1", a)
	}
	if got := storyPos(t, m); got != 100 {
		t.Errorf("down past the last article did not read on to the bottom: at %d%%", got)
	}
	send(m, keyUp)
	if a := m.story.selected(); a == nil || !strings.Contains(ansi.Strip(m.story.View()), "Northern Ledger  ") {
		t.Errorf("up did not bring the chosen article's row into view:\n%s", ansi.Strip(m.story.View()))
	}
}

func TestStoryPaneGolden(t *testing.T) {
	scenes := map[string]scene{
		"top":    func(m *Model) { send(m, enter) },
		"bottom": func(m *Model) { send(m, enter); send(m, keyG) },
	}
	for _, name := range []string{"top", "bottom"} {
		for _, sz := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(fmt.Sprintf("%s_%dx%d", name, sz[0], sz[1]), func(t *testing.T) {
				m := loaded(t, longStoryArticles(), sz[0], sz[1])
				scenes[name](m)
				view := m.View().Content
				checkFits(t, view, sz[0], sz[1])
				golden.RequireEqual(t, ansi.Strip(view))
			})
		}
	}
}

func TestStoryPaneReadingColumn(t *testing.T) {
	m := loaded(t, longStoryArticles(), 160, 40)
	send(m, enter)
	col := maxReadingWidth
	margin := (m.width - col) / 2
	if col >= m.width {
		t.Fatalf("at %d columns the reading column is %d: the test needs a wider window", m.width, col)
	}
	view := ansi.Strip(m.story.View())
	for _, l := range strings.Split(view, "\n") {
		text := strings.TrimRight(l, " ")
		if text == "" || strings.HasSuffix(text, "%") {
			continue
		}
		if !strings.HasPrefix(text, strings.Repeat(" ", margin)) {
			t.Errorf("line starts left of the column's margin %d: %q", margin, text)
		}
		if w := ansi.StringWidth(text); w > margin+col {
			t.Errorf("line ends at column %d, past the reading column (%d+%d): %q", w, margin, col, text)
		}
	}
	if !strings.Contains(view, "Only in this article") {
		t.Errorf("the story pane lacks its sentences:\n%s", view)
	}
}

func TestStarDoesNotHideUnread(t *testing.T) {
	m := loaded(t, storyArticles(), 80, 30)
	if st := m.list.selectedStory(); st == nil || len(st.Articles) != 3 {
		t.Fatalf("first row is not the bridge story: %+v", m.list.selected())
	}
	// One article read and starred, the others unread: the story's row
	// shows both marks.
	m.marks.setRead("b1", true)
	m.marks.setStarred("b1", true)
	second := strings.Split(ansi.Strip(m.list.View()), "\n")[1]
	if !strings.Contains(second, "●") || !strings.Contains(second, "★") {
		t.Errorf("a story with an unread and a starred article marks %q, want ● and ★", second)
	}
	// Every article read: the star alone.
	m.marks.setRead("b2", true)
	m.marks.setRead("b3", true)
	second = strings.Split(ansi.Strip(m.list.View()), "\n")[1]
	if strings.Contains(second, "●") || !strings.Contains(second, "★") {
		t.Errorf("a read story with a starred article marks %q, want ★ alone", second)
	}
	// An article unread and starred, in the story pane's table: both.
	m.marks.setRead("b1", false)
	send(m, enter)
	view := ansi.Strip(m.story.View())
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, "The Harbour Gazette") && strings.Contains(l, "20") {
			if !strings.Contains(l, "●★") {
				t.Errorf("an unread starred article's row is %q, want ●★", l)
			}
			return
		}
	}
	t.Errorf("no row for the Gazette's article:\n%s", view)
}

// BenchmarkStoryPaneKeys measures moving through a story of thousands of
// articles and drawing it: only the lines on screen are drawn.
func BenchmarkStoryPaneKeys(b *testing.B) {
	m := loadedByArticle(b, manyArticles(5000), 120, 40)
	arts := m.lib.Articles("")
	st := &story.Story{ID: "big", Title: arts[0].Title, Date: arts[0].Date, Articles: arts}
	for _, a := range arts {
		st.Outlets = append(st.Outlets, a.Outlet)
	}
	st.Only("")
	m.Update(openStoryMsg{story: st})
	m.View()
	keys := []tea.KeyPressMsg{down, down, keyPgDn}
	b.ResetTimer()
	for i := range b.N {
		m.Update(keys[i%len(keys)])
		_ = m.View()
	}
}
