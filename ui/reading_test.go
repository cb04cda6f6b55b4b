package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/broadsheet/broadsheet/feed"
	readstate "github.com/broadsheet/broadsheet/internal/state"
)

func press(m *Model, keys ...string) {
	for _, k := range keys {
		switch k {
		case "enter":
			send(m, enter)
		case "esc":
			send(m, esc)
		default:
			r := []rune(k)[0]
			send(m, tea.KeyPressMsg{Code: r, Text: k})
		}
	}
}

func screen(m *Model) string { return ansi.Strip(m.View().Content) }

func TestReadOnWithJAndK(t *testing.T) {
	m := loaded(t, testArticles(), 80, 24)
	press(m, "enter")
	if m.detail.article.ID != "a1" {
		t.Fatalf("enter opened %s", m.detail.article.ID)
	}
	press(m, "J", "J")
	if m.state != stateDetail || m.detail.article.ID != "a3" {
		t.Fatalf("J J reads %s in state %d, want a3 in the article pane", m.detail.article.ID, m.state)
	}
	if !strings.Contains(screen(m), "Fish market moves to the east quay") {
		t.Errorf("the screen does not show the third article:\n%s", screen(m))
	}
	press(m, "K")
	if m.detail.article.ID != "a2" {
		t.Fatalf("K reads %s, want a2", m.detail.article.ID)
	}
	for _, id := range []string{"a1", "a2", "a3"} {
		if !m.marks.read(id) {
			t.Errorf("%s is not marked read", id)
		}
	}
	// q goes back one level, to the list, its cursor on the article.
	press(m, "q")
	if m.state != stateList {
		t.Fatalf("q left state %d, want the list", m.state)
	}
	if a := m.list.selected(); a == nil || a.ID != "a2" {
		t.Errorf("back in the list the cursor is on %v, want a2", a)
	}
	// K on the first article and J on the last say so and stay.
	press(m, "g", "enter", "K")
	if m.detail.article.ID != "a1" || !strings.Contains(screen(m), "first article") {
		t.Errorf("K on the first article: %s\n%s", m.detail.article.ID, screen(m))
	}
}

func TestQGoesBackAndQuitsFromTheList(t *testing.T) {
	m := loaded(t, testArticles(), 80, 24)
	press(m, "o")
	_, cmd := m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"})
	if m.state != stateList || isQuit(cmd) {
		t.Fatalf("q in outlets: state %d, quit %v", m.state, isQuit(cmd))
	}
	press(m, "enter")
	_, cmd = m.Update(tea.KeyPressMsg{Code: 'Q', Text: "Q"})
	if !isQuit(cmd) {
		t.Error("Q in an article does not quit")
	}
	m = loaded(t, testArticles(), 80, 24)
	_, cmd = m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"})
	if !isQuit(cmd) {
		t.Error("q in the list does not quit")
	}
}

// isQuit reports whether cmd, or a command it batches, quits.
func isQuit(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range msg {
			if isQuit(c) {
				return true
			}
		}
	}
	return false
}

func TestNextUnreadCrossesStories(t *testing.T) {
	m := loaded(t, testArticles(), 80, 24)
	m.marks.setRead("a2", true)
	m.marks.setRead("a3", true)
	press(m, "enter", "]")
	if m.detail.article.ID != "a4" {
		t.Fatalf("] after a1 opened %s, want a4, the next unread", m.detail.article.ID)
	}
	press(m, "]", "]")
	if !strings.Contains(screen(m), "No unread articles left.") {
		t.Errorf("] with nothing unread does not say so:\n%s", screen(m))
	}
}

func TestMarkAllReadInView(t *testing.T) {
	st := newFakeState()
	m := loadedWith(t, Options{Title: "test", State: st}, testArticles(), 80, 24)
	// Only the Harbour Gazette's two articles.
	press(m, "o")
	for m.outlets.scroll.cursor < len(m.outlets.outlets) {
		if name, _ := m.outlets.selected(); name == "The Harbour Gazette" {
			break
		}
		press(m, "j")
	}
	press(m, "enter", "A")
	settle(m)
	for _, id := range []string{"a1", "a3"} {
		if !st.marks[id].Read {
			t.Errorf("%s was not written read", id)
		}
	}
	if st.marks["a2"].Read {
		t.Error("A marked an article outside the view")
	}
}

func TestMarkAllReadAsksFirstWhenMoreThanAScreen(t *testing.T) {
	var arts []*feed.Article
	for i := range 30 {
		arts = append(arts, &feed.Article{ID: string(rune('A'+i%26)) + string(rune('a'+i/26)), Title: "Headline " + string(rune('a'+i)), Body: "x"})
	}
	m := loaded(t, arts, 80, 24)
	press(m, "A")
	if !strings.Contains(screen(m), "Mark 30 articles read? (y/n)") {
		t.Fatalf("A over a long list does not ask:\n%s", screen(m))
	}
	press(m, "n")
	if m.marks.read(arts[0].ID) {
		t.Fatal("n marked articles read")
	}
	press(m, "A", "y")
	for _, a := range arts {
		if !m.marks.read(a.ID) {
			t.Fatalf("%s is unread after A y", a.ID)
		}
	}
}

func TestUnreadCounts(t *testing.T) {
	m := loaded(t, testArticles(), 80, 24)
	if !strings.Contains(screen(m), "5 unread of 5") {
		t.Errorf("the status bar does not count unread articles:\n%s", screen(m))
	}
	press(m, "enter", "q")
	if !strings.Contains(screen(m), "4 unread of 5") {
		t.Errorf("reading one does not count down:\n%s", screen(m))
	}
}

func TestReadArticleStaysInUnreadViewUntilLeft(t *testing.T) {
	m := loaded(t, testArticles(), 80, 24)
	press(m, "u", "enter", "q")
	if !strings.Contains(screen(m), "Harbour council approves") {
		t.Fatalf("the article just read left the unread view:\n%s", screen(m))
	}
	// It shows as read: no ● on its row.
	for _, line := range strings.Split(screen(m), "\n") {
		if strings.Contains(line, "The Harbour Gazette · 2025-03-14") && strings.Contains(line, "●") {
			t.Errorf("the article just read is marked unread: %q", line)
		}
	}
	press(m, "u", "u")
	if strings.Contains(screen(m), "Harbour council approves") {
		t.Errorf("the read article stays after the view was left:\n%s", screen(m))
	}
}

func TestPositionLastsAcrossRuns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	long := &feed.Article{ID: "long", Title: "A long report from the harbour", Outlet: "The Harbour Gazette"}
	var body strings.Builder
	for i := range 80 {
		fmt.Fprintf(&body, "Paragraph %d of the report, about the tides and the boats.\n\n", i)
	}
	long.Body = body.String()
	run := func() (*Model, *readstate.DB) {
		db, err := readstate.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		return loadedWith(t, Options{Title: "test", State: db}, []*feed.Article{long}, 80, 24), db
	}

	m, db := run()
	press(m, "enter")
	send(m, tea.KeyPressMsg{Code: 'd', Mod: tea.ModCtrl})
	send(m, tea.KeyPressMsg{Code: 'd', Mod: tea.ModCtrl})
	want := m.detail.position()
	if want == 0 {
		t.Fatal("ctrl+d did not scroll the article")
	}
	// Q quits from the article itself: the place in it is kept too.
	m.Update(tea.KeyPressMsg{Code: 'Q', Text: "Q"})
	if err := m.Flush(); err != nil {
		t.Fatal(err)
	}
	db.Close()

	m, db = run()
	defer db.Close()
	press(m, "enter")
	if got := m.detail.position(); got != want {
		t.Errorf("the article reopened at line %d in the next run, want %d", got, want)
	}
}

func TestEmptyViewsSayWhyAndWhichKey(t *testing.T) {
	tests := []struct {
		name string
		keys []string
		want string
	}{
		{"starred", []string{"S"}, "No starred articles — S shows all."},
		{"unread", []string{"A", "u"}, "Nothing unread — u shows all."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := loaded(t, testArticles(), 80, 24)
			press(m, tt.keys...)
			if !strings.Contains(screen(m), tt.want) {
				t.Errorf("want %q on screen:\n%s", tt.want, screen(m))
			}
		})
	}
	t.Run("outlet with nothing unread", func(t *testing.T) {
		m := loaded(t, testArticles(), 80, 24)
		m.marks.setRead("a4", true)
		press(m, "u")
		m.setFilter("Valley Courier")
		if want := "Nothing unread from Valley Courier — u shows all."; !strings.Contains(screen(m), want) {
			t.Errorf("want %q on screen:\n%s", want, screen(m))
		}
	})
	t.Run("search", func(t *testing.T) {
		m := loaded(t, testArticles(), 80, 24)
		press(m, "/")
		m.search.input.SetValue("zeppelin")
		searchNow(m)
		if want := "No matches for “zeppelin” — backspace to widen it, esc to go back."; !strings.Contains(screen(m), want) {
			t.Errorf("want %q on screen:\n%s", want, screen(m))
		}
	})
}

// footer returns the last line of the screen, the short help.
func footer(m *Model) string {
	lines := strings.Split(screen(m), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

func TestFooterNamesWhatCanBeDone(t *testing.T) {
	m := loaded(t, testArticles(), 100, 24)
	if got, want := footer(m), "tab unfold • s star • m read • u unread • o outlets • / search • ? help • q quit"; got != want {
		t.Errorf("list footer = %q, want %q", got, want)
	}
	press(m, "enter")
	if got := footer(m); strings.Contains(got, "down") || !strings.Contains(got, "J next") || strings.Contains(got, "n/N") {
		t.Errorf("article footer = %q", got)
	}
	press(m, "/", "t", "h", "e", "enter")
	if got := footer(m); !strings.HasPrefix(got, "n/N next/previous match") {
		t.Errorf("after a find the footer = %q, want n/N first", got)
	}
}

func TestProblemsShowTheWholeReason(t *testing.T) {
	reason := "the file ends in the middle of a JSON object, after 3 of its 4 articles were read; " +
		"the rest of the file loaded, and this part was left out so as not to show half an article"
	m := loaded(t, testArticles(), 60, 24, feed.Problem{Path: "feeds/broken.jsonl", Reason: reason})
	press(m, "!")
	flat := strings.Join(strings.Fields(screen(m)), " ")
	if !strings.Contains(flat, reason) {
		t.Errorf("the problems pane cuts the reason:\n%s", screen(m))
	}
	checkFits(t, m.View().Content, 60, 24)
	// Its footer offers only keys that work there.
	for _, b := range m.helpOf(stateProblems).ShortHelp() {
		for _, k := range b.Keys() {
			before := m.state
			code := []rune(k)[0]
			msg := tea.KeyPressMsg{Code: code, Text: k}
			switch k {
			case "esc":
				msg = esc
			case "up", "down":
				msg = tea.KeyPressMsg{Code: map[string]rune{"up": tea.KeyUp, "down": tea.KeyDown}[k]}
			case "backspace":
				msg = tea.KeyPressMsg{Code: tea.KeyBackspace}
			case "left":
				msg = tea.KeyPressMsg{Code: tea.KeyLeft}
			}
			if len(k) > 1 && msg.Text == k {
				continue // another named key
			}
			send(m, msg)
			if k != "up" && k != "down" && m.state == before {
				t.Errorf("%q, offered in the problems footer, does nothing", k)
			}
			m.state = stateProblems
		}
	}
}

func TestOutletsFilterByTyping(t *testing.T) {
	m := loaded(t, testArticles(), 80, 24)
	press(m, "o", "/", "l", "e", "d")
	s := screen(m)
	if !strings.Contains(s, "Northern Ledger") || strings.Contains(s, "Valley Courier") || strings.Contains(s, "The Harbour Gazette") {
		t.Fatalf("typing “led” does not narrow the outlets:\n%s", s)
	}
	press(m, "enter")
	if m.state != stateList || m.filter != "Northern Ledger" {
		t.Fatalf("enter on the filtered outlet: state %d, filter %q", m.state, m.filter)
	}
	// esc drops the filter before it leaves the pane.
	press(m, "o", "/", "z", "z")
	if !strings.Contains(screen(m), "No outlet’s name holds “zz”") {
		t.Errorf("a filter matching nothing does not say so:\n%s", screen(m))
	}
	send(m, esc)
	if m.state != stateOutlets || !strings.Contains(screen(m), "Valley Courier") {
		t.Errorf("esc does not show every outlet again:\n%s", screen(m))
	}
}

func TestMarkAllReadFromSearchResults(t *testing.T) {
	m := loaded(t, testArticles(), 80, 24)
	press(m, "/")
	m.search.input.SetValue("ferry")
	searchNow(m)
	if len(m.search.results) != 2 {
		t.Fatalf("ferry finds %d results, want 2", len(m.search.results))
	}
	// From a result, A marks every result read, and only those.
	press(m, "enter", "A")
	for _, r := range m.search.results {
		if !m.marks.read(r.Article.ID) {
			t.Errorf("result %s is unread after A", r.Article.ID)
		}
	}
	if m.marks.read("a2") {
		t.Error("A marked an article that is not a result")
	}
}
