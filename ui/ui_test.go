package ui

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/broadsheet/broadsheet/feed"
)

// testArticles are a few short articles written for these tests, in
// three outlets, one with no outlet and no date.
func testArticles() []*feed.Article {
	day := func(d int) time.Time { return time.Date(2025, 3, d, 9, 0, 0, 0, time.UTC) }
	return []*feed.Article{
		{
			ID: "a1", Path: "gazette/ferry.txt", Title: "Harbour council approves winter ferry timetable",
			Outlet: "The Harbour Gazette", Date: day(14), Byline: "By Ada Quill",
			Lead: "Two early sailings will be added from November.",
			Body: "Two early sailings will be added from November.\n\nThe lighthouse keeper welcomed the change.",
		},
		{
			ID: "a2", Path: "ledger/bridge.txt", Title: "Bridge repairs to close the river road",
			Outlet: "Northern Ledger", Date: day(12),
			Lead: "The river road will close for six weeks while the bridge is mended.",
			Body: "The river road will close for six weeks while the bridge is mended.\n\nDetours will run past the old mill.",
		},
		{
			ID: "a3", Path: "gazette/market.txt", Title: "Fish market moves to the east quay",
			Outlet: "The Harbour Gazette", Date: day(10),
			Lead: "Traders said the new hall was brighter.",
			Body: "Traders said the new hall was brighter.\n\nThe herring auction starts at dawn.",
		},
		{
			ID: "a4", Path: "courier/orchard.txt", Title: "Orchard festival draws record crowd",
			Outlet: "Valley Courier", Date: day(8),
			Lead: "Cider pressing and a brass band filled the square.",
			Body: "Cider pressing and a brass band filled the square.\n\nThe apple queen was crowned at noon.",
		},
		{
			ID: "a5", Path: "loose/notice.txt", Title: "Notice of a meeting about the ferry",
			Lead: "A public meeting will be held in the parish hall.",
			Body: "A public meeting will be held in the parish hall.\n\nTea will be served.",
		},
	}
}

// eventsOf returns a closed channel holding one load event per article
// and problem, as a loader would report them.
func eventsOf(arts []*feed.Article, problems ...feed.Problem) <-chan feed.Event {
	ch := make(chan feed.Event, len(arts)+len(problems))
	n := len(arts) + len(problems)
	done := 0
	for _, a := range arts {
		done++
		ch <- feed.Event{Path: a.Path, Articles: []*feed.Article{a}, Progress: feed.Progress{Found: n, Done: done, Walked: true}}
	}
	for _, p := range problems {
		done++
		ch <- feed.Event{Path: p.Path, Problems: []feed.Problem{p}, Progress: feed.Progress{Found: n, Done: done, Walked: true}}
	}
	close(ch)
	return ch
}

// recorder wraps the root model and keeps its latest frame as plain
// text, so that a flow can wait for what is on screen now rather than
// pick through the renderer's partial updates.
type recorder struct {
	*Model
	mu    sync.Mutex
	frame string
}

func (r *recorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := r.Model.Update(msg)
	return r, cmd
}

func (r *recorder) View() tea.View {
	v := r.Model.View()
	r.mu.Lock()
	r.frame = ansi.Strip(v.Content)
	r.mu.Unlock()
	return v
}

func (r *recorder) screen() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.frame
}

// flow runs a model in a test program.
type flow struct {
	t   *testing.T
	tm  *teatest.TestModel
	rec *recorder
}

func newFlow(t *testing.T, events <-chan feed.Event) *flow {
	t.Helper()
	rec := &recorder{Model: New(events, Options{Title: "test"})}
	tm := teatest.NewTestModel(t, rec,
		teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.NoTTY)),
	)
	return &flow{t: t, tm: tm, rec: rec}
}

// waitFor waits until the screen shows every one of want.
func (f *flow) waitFor(want ...string) {
	f.t.Helper()
	teatest.WaitFor(f.t, f.tm.Output(), func([]byte) bool {
		s := f.rec.screen()
		for _, w := range want {
			if !strings.Contains(s, w) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

// waitGone waits until the screen shows none of gone.
func (f *flow) waitGone(gone ...string) {
	f.t.Helper()
	teatest.WaitFor(f.t, f.tm.Output(), func([]byte) bool {
		s := f.rec.screen()
		for _, g := range gone {
			if strings.Contains(s, g) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

func (f *flow) press(k tea.KeyPressMsg) { f.tm.Send(k) }

func (f *flow) quit() *Model {
	f.t.Helper()
	f.tm.Type("Q")
	m := f.tm.FinalModel(f.t, teatest.WithFinalTimeout(10*time.Second))
	return m.(*recorder).Model
}

var (
	enter = tea.KeyPressMsg{Code: tea.KeyEnter}
	esc   = tea.KeyPressMsg{Code: tea.KeyEscape}
	down  = tea.KeyPressMsg{Code: tea.KeyDown}
)

func TestFlowOpenArticleAndBack(t *testing.T) {
	f := newFlow(t, eventsOf(testArticles()))
	f.waitFor("Harbour council approves winter ferry timetable", "Orchard festival", "5 articles")
	f.press(enter)
	f.waitFor("The lighthouse keeper welcomed the change.", "By Ada Quill")
	f.press(esc)
	// Back at the list, which at 100 columns keeps the article in view
	// beside it.
	f.waitFor("Bridge repairs to close the river road", "tab unfold")
	f.tm.Type("j")
	f.tm.Type("l")
	f.waitFor("Detours will run past the old mill.", "esc/h back")
	f.tm.Type("h")
	f.waitFor("tab unfold")
	m := f.quit()
	if m.state != stateList {
		t.Errorf("state after going back = %v, want the list", m.state)
	}
}

func TestFlowSearchAndOpenResult(t *testing.T) {
	f := newFlow(t, eventsOf(testArticles()))
	f.waitFor("5 articles")
	f.tm.Type("/")
	f.waitFor("Type to search 5 articles.")
	f.tm.Type("herring")
	f.waitFor("1 result", "Fish market moves to the east quay")
	f.waitGone("Orchard festival")
	f.press(enter)
	f.waitFor("The herring auction starts at dawn.")
	f.press(esc)
	f.waitFor("/ herring", "1 result")
	f.press(esc)
	f.waitFor("Orchard festival")
	f.quit()
}

func TestFlowFilterByOutlet(t *testing.T) {
	f := newFlow(t, eventsOf(testArticles()))
	f.waitFor("5 articles")
	f.tm.Type("o")
	f.waitFor("All outlets", "The Harbour Gazette", "Unknown outlet")
	// Outlets come most articles first: the Gazette, with two, is
	// right below "All outlets".
	f.press(down)
	f.press(enter)
	f.waitFor("2 articles", "outlet: The Harbour Gazette", "Fish market")
	f.waitGone("Orchard festival")
	f.press(esc)
	f.waitFor("5 articles", "Orchard festival")
	f.waitGone("outlet: The Harbour Gazette")
	m := f.quit()
	if m.filter != "" {
		t.Errorf("filter after esc = %q, want none", m.filter)
	}
}

func TestFlowAllOutletsClearsFilter(t *testing.T) {
	f := newFlow(t, eventsOf(testArticles()))
	f.waitFor("5 articles")
	f.tm.Type("o")
	f.waitFor("All outlets")
	f.tm.Type("G")
	f.press(enter)
	f.waitFor("1 article", "outlet: Valley Courier")
	f.tm.Type("o")
	f.waitFor("All outlets")
	f.tm.Type("g")
	f.press(enter)
	f.waitFor("5 articles")
	f.waitGone("outlet:")
	f.quit()
}

func TestFlowHelpToggles(t *testing.T) {
	f := newFlow(t, eventsOf(testArticles()))
	f.waitFor("5 articles")
	f.tm.Type("?")
	f.waitFor("half page down", "outlets", "quit")
	f.waitGone("Orchard festival")
	f.tm.Type("?")
	f.waitFor("Orchard festival")
	f.waitGone("half page down")
	f.quit()
}

func TestFlowShowsProblemsAndUnknowns(t *testing.T) {
	f := newFlow(t, eventsOf(testArticles(),
		feed.Problem{Path: "broken.html", Reason: "not UTF-8"},
		feed.Problem{Path: "huge.txt", Reason: "file too large"},
	))
	f.waitFor("5 articles", "2 problems (!)", "Unknown outlet · —")
	f.tm.Type("!")
	f.waitFor("broken.html: not UTF-8", "huge.txt: file too large")
	f.press(esc)
	f.waitFor("Orchard festival")
	f.quit()
}

func TestFlowQuitsWhileLoading(t *testing.T) {
	// A loader that has not finished: the interface is up and usable
	// before the channel closes.
	ch := make(chan feed.Event, 1)
	ch <- feed.Event{Articles: testArticles()[:1], Progress: feed.Progress{Found: 10, Done: 1, Walked: true}}
	f := newFlow(t, ch)
	f.waitFor("1 article", "loading 1/10")
	f.quit()
}

func TestFlowSaysChecking(t *testing.T) {
	// A second start: the cached articles at once, then the files
	// checked.
	ch := make(chan feed.Event, 2)
	ch <- feed.Event{Articles: testArticles(), Progress: feed.Progress{Checking: true}}
	ch <- feed.Event{Path: "x", Progress: feed.Progress{Found: 10, Done: 3, Walked: true, Checking: true}}
	f := newFlow(t, ch)
	f.waitFor("5 articles", "checking 3/10")
	f.quit()
}

func TestFlowCtrlCQuitsFromSearch(t *testing.T) {
	f := newFlow(t, eventsOf(testArticles()))
	f.waitFor("5 articles")
	f.tm.Type("/q")
	f.waitFor("/ q")
	f.tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	f.tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
}

// manyArticles returns n made-up articles across a few outlets.
func manyArticles(n int) []*feed.Article {
	arts := make([]*feed.Article, n)
	for i := range arts {
		arts[i] = &feed.Article{
			ID:     fmt.Sprintf("id%07d", i),
			Path:   fmt.Sprintf("f/%07d.txt", i),
			Title:  fmt.Sprintf("Article number %d", i),
			Outlet: fmt.Sprintf("Outlet %d", i%7),
			Date:   time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour),
			Lead:   "A lead paragraph that is longer than any screen is wide, so that it must be cut short.",
		}
	}
	return arts
}

func TestFlowSearchFollowsLoading(t *testing.T) {
	arts := testArticles()
	ch := make(chan feed.Event, len(arts))
	ch <- feed.Event{Articles: arts[:1], Progress: feed.Progress{Found: 2, Done: 1, Walked: true}}
	f := newFlow(t, ch)
	f.waitFor("1 article", "loading 1/2")
	f.tm.Type("/ferry")
	f.waitFor("1 result", "Harbour council approves winter ferry timetable")
	// The second ferry article arrives while the search is open.
	ch <- feed.Event{Articles: arts[4:5], Progress: feed.Progress{Found: 2, Done: 2, Walked: true}}
	close(ch)
	f.waitFor("2 results", "Notice of a meeting about the ferry", "2 articles")
	f.waitGone("loading")
	f.tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	f.tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
}
