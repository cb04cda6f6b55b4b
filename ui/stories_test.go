package ui

import (
	"fmt"
	"maps"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/library"
	"github.com/broadsheet/broadsheet/feed/story"
	readstate "github.com/broadsheet/broadsheet/internal/state"
)

// Sentences of the bridge story, written for these tests: one every
// outlet printed, and one each only one outlet has.
const (
	bridgeShared  = "The council said the bridge would stay shut until a full inspection was finished."
	bridgeGazette = "The harbour master said boats could still pass under the open span at high tide."
	bridgeLedger  = "Local shops fear a quiet Easter if the bridge is not open again by April."
	bridgeCourier = "Bus route 14 will run every twenty minutes via Castleford while the bridge is closed."
	// storyTitle heads the story: its most central report's headline.
	storyTitle = "Crack closes Ormsby swing bridge"
)

// storyArticles are testArticles and three reports of one event, from
// three outlets, newer than the rest.
func storyArticles() []*feed.Article {
	day := func(d int) time.Time { return time.Date(2025, 3, d, 9, 0, 0, 0, time.UTC) }
	detour := "Drivers face a detour of eleven miles through Castleford and the old quarry road."
	report := func(id, outlet, title, lead string, d int, rest ...string) *feed.Article {
		body := lead
		for _, p := range rest {
			body += "\n\n" + p
		}
		return &feed.Article{
			ID: id, Path: id + ".txt", Title: title, Outlet: outlet, Date: day(d),
			Lead: lead, Body: body, Words: len(splitWords(body)),
		}
	}
	return append(testArticles(),
		report("b1", "The Harbour Gazette", "Ormsby swing bridge shut after engineers find crack",
			"The Ormsby swing bridge was closed to traffic on Thursday after engineers found a crack in its main girder.",
			20, bridgeShared, detour, bridgeGazette),
		report("b2", "Northern Ledger", storyTitle,
			"Engineers found a crack in the main girder of the Ormsby swing bridge, which was closed to traffic on Thursday.",
			20, bridgeShared, detour, bridgeLedger),
		report("b3", "Valley Courier", "Ormsby bridge closure: what drivers need to know",
			"The Ormsby swing bridge closed on Thursday after a crack was found in its main girder.",
			21, bridgeShared, bridgeCourier),
	)
}

func splitWords(s string) []string {
	var out []string
	word := false
	for _, r := range s {
		if r == ' ' || r == '\n' {
			word = false
			continue
		}
		if !word {
			out = append(out, "")
		}
		word = true
	}
	return out
}

// fakeState is a State in memory that notes what it was told.
type fakeState struct {
	mu     sync.Mutex
	marks  map[string]readstate.Mark
	places map[string]string
	// positions are kept lines in articles, by ID.
	positions map[string]int
}

func newFakeState() *fakeState {
	return &fakeState{marks: make(map[string]readstate.Mark), places: make(map[string]string)}
}

func (f *fakeState) MarkRead(id string, read bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	m := f.marks[id]
	m.Read = read
	f.marks[id] = m
	return nil
}

func (f *fakeState) SetStarred(id string, on bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	m := f.marks[id]
	m.Starred = on
	f.marks[id] = m
	return nil
}

func (f *fakeState) Snapshot() (map[string]readstate.Mark, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make(map[string]readstate.Mark, len(f.marks))
	for id, m := range f.marks {
		out[id] = m
	}
	return out, nil
}

func (f *fakeState) SetPosition(id string, line int) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.positions == nil {
		f.positions = make(map[string]int)
	}
	f.positions[id] = line
	return nil
}

func (f *fakeState) Positions() (map[string]int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return maps.Clone(f.positions), nil
}

func (f *fakeState) SetPlace(key, id string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.places[key] = id
	return nil
}

func (f *fakeState) Place(key string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.places[key], nil
}

func (f *fakeState) mark(id string) readstate.Mark {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.marks[id]
}

func (f *fakeState) place(key string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.places[key]
}

// The real database is a State.
var _ State = (*readstate.DB)(nil)

// newStateFlow runs a model with a State in a test program, 80 columns
// wide so that no preview stands beside the list.
func newStateFlow(t *testing.T, events <-chan feed.Event, st State) *flow {
	t.Helper()
	opts := Options{Title: "test"}
	if st != nil {
		opts.State = st
	}
	rec := &recorder{Model: New(events, opts)}
	tm := teatest.NewTestModel(t, rec,
		teatest.WithInitialTermSize(80, 40),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.NoTTY)),
	)
	return &flow{t: t, tm: tm, rec: rec}
}

// waitScreen waits until ok holds for the screen.
func (f *flow) waitScreen(what string, ok func(screen string) bool) {
	f.t.Helper()
	teatest.WaitFor(f.t, f.tm.Output(), func([]byte) bool { return ok(f.rec.screen()) },
		teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

// selectedIs reports whether the screen's selected row is headed by
// title.
func selectedIs(screen, title string) bool {
	return strings.Contains(screen, "┃ "+title)
}

var tab = tea.KeyPressMsg{Code: tea.KeyTab}

// start returns the first words of a sentence, which fit on one line
// however the pane wraps it.
func start(s string) string { return s[:30] }

func TestFlowStoryRowsExpand(t *testing.T) {
	f := newStateFlow(t, eventsOf(storyArticles()), nil)
	f.waitFor(storyTitle, "3 outlets", "6 stories · ", "of 8 articles", "Orchard festival")
	f.waitGone("Ormsby bridge closure: what drivers need to know")
	// The story comes first, being newest: tab shows its articles under
	// it, in place, and tab again folds them.
	f.press(tab)
	f.waitFor("Ormsby bridge closure: what drivers need to know", "Ormsby swing bridge shut after engineers find crack", "▾ 3 outlets")
	f.press(tab)
	f.waitGone("Ormsby bridge closure: what drivers need to know")
	// t lists one row an article.
	f.tm.Type("t")
	f.waitFor("Ormsby bridge closure: what drivers need to know", "8 articles")
	f.waitGone("stories ·", "3 outlets")
	f.tm.Type("t")
	f.waitFor("6 stories · ", "of 8 articles")
	f.quit()
}

func TestFlowStoryPane(t *testing.T) {
	f := newStateFlow(t, eventsOf(storyArticles()), nil)
	f.waitFor(storyTitle, "3 outlets")
	f.press(enter)
	// The outlets side by side, and what the chosen report alone has:
	// the newest first, the Courier's.
	f.waitFor("Outlet", "Headline", "Words", "The Harbour Gazette", "Northern Ledger", "Valley Courier",
		"Only in this article (Valley Courier)", start(bridgeCourier))
	f.waitGone(start(bridgeShared))
	f.press(down)
	f.waitFor("Only in this article (Northern Ledger)", start(bridgeLedger), "Only in Valley Courier")
	f.waitGone("Only in this article (Valley Courier)")
	// Enter reads it; back returns to the story, and back again to the
	// list.
	f.press(enter)
	f.waitFor(start(bridgeShared), "esc/h back")
	f.press(esc)
	f.waitFor("Only in this article (Northern Ledger)")
	f.press(esc)
	f.waitFor("6 stories · ", "of 8 articles")
	m := f.quit()
	if m.state != stateList {
		t.Errorf("state = %v, want the list", m.state)
	}
}

func TestFlowReadUnreadAndStarred(t *testing.T) {
	st := newFakeState()
	f := newStateFlow(t, eventsOf(testArticles()), st)
	f.waitFor("5 stories · ", "of 5 articles")
	f.waitScreen("5 unread marks", func(s string) bool { return strings.Count(s, "●") == 5 })
	// Opening an article reads it: its mark goes.
	f.press(enter)
	f.waitFor("The lighthouse keeper welcomed the change.")
	f.press(esc)
	f.waitScreen("4 unread marks", func(s string) bool { return strings.Count(s, "●") == 4 })
	if !st.mark("a1").Read {
		t.Errorf("opened article a1 not marked read in the state")
	}
	// u shows the unread alone.
	f.tm.Type("u")
	f.waitFor("4 stories · 4 unread of 4 articles · unread only")
	f.waitGone("Harbour council approves winter ferry timetable")
	f.tm.Type("u")
	f.waitFor("Harbour council approves winter ferry timetable", "5 articles")
	// s stars the selected article, which is the next one now that
	// the first was hidden; S shows the starred alone.
	f.tm.Type("s")
	f.waitFor("★")
	f.tm.Type("S")
	f.waitFor("1 story · 1 unread of 1 article · starred only", "Bridge repairs to close the river road")
	f.waitGone("Orchard festival")
	f.tm.Type("S")
	f.waitFor("Orchard festival")
	f.quit()
	if !st.mark("a2").Starred {
		t.Errorf("starred article a2 not starred in the state")
	}
}

func TestFlowReadWithoutState(t *testing.T) {
	// No State: marks last for the run.
	f := newStateFlow(t, eventsOf(testArticles()), nil)
	f.waitFor("5 articles")
	f.press(enter)
	f.waitFor("The lighthouse keeper welcomed the change.")
	f.tm.Type("s")
	f.press(esc)
	f.waitScreen("3 unread marks and a star", func(s string) bool {
		return strings.Count(s, "●") == 4 && strings.Count(s, "★") == 1
	})
	f.quit()
}

func TestFlowPlaceRestored(t *testing.T) {
	st := newFakeState()
	st.places["all"] = "a3"
	f := newStateFlow(t, eventsOf(testArticles()), st)
	f.waitScreen("the kept place selected", func(s string) bool { return selectedIs(s, "Fish market moves to the east quay") })
	f.press(down)
	f.waitScreen("the next row selected", func(s string) bool { return selectedIs(s, "Orchard festival draws record crowd") })
	m := f.quit()
	if got := st.place("all"); got != "a4" {
		t.Errorf("place kept on quitting = %q, want a4", got)
	}
	if a := m.list.selected(); a == nil || a.ID != "a4" {
		t.Errorf("selected = %v, want a4", a)
	}
}

// newerArticles returns n made-up articles dated after every test
// article, each its own event.
func newerArticles(n int) []*feed.Article {
	words := []string{"kelp", "granary", "viaduct", "regatta", "foundry", "orchard", "beacon", "ropewalk", "tannery", "signal"}
	arts := make([]*feed.Article, n)
	for i := range arts {
		w1, w2 := words[i%len(words)], words[(i/len(words))%len(words)]
		title := fmt.Sprintf("Late news %d of the %s and the %s", i, w1, w2)
		arts[i] = &feed.Article{
			ID: fmt.Sprintf("n%03d", i), Path: fmt.Sprintf("new/%03d.txt", i), Title: title,
			Outlet: "Evening Post", Date: time.Date(2025, 4, 1+i%20, 9, i, 0, 0, time.UTC),
			Lead: title + ".", Body: title + ".",
		}
	}
	return arts
}

func TestFlowLiveEventsKeepSelection(t *testing.T) {
	arts := testArticles()
	ch := make(chan feed.Event, 8)
	ch <- feed.Event{Articles: arts, Progress: feed.Progress{Found: 5, Done: 5, Walked: true}}
	f := newStateFlow(t, ch, nil)
	f.waitFor("5 stories · ", "of 5 articles")
	f.press(down)
	f.press(down)
	f.waitScreen("Fish market selected", func(s string) bool { return selectedIs(s, "Fish market moves to the east quay") })

	// A burst of newer articles arrives, as a watched folder reports
	// them: the reader stays on the same article.
	burst := newerArticles(40)
	for i := 0; i < len(burst); i += 10 {
		ch <- feed.Event{Articles: burst[i : i+10], Progress: feed.Progress{Found: 5, Done: 5, Walked: true}}
	}
	f.waitFor("45 articles")
	f.waitScreen("Fish market still selected", func(s string) bool { return selectedIs(s, "Fish market moves to the east quay") })

	// A file removed takes its article out; the selection stays.
	ch <- feed.Event{Removed: []string{"ledger/bridge.txt"}, Progress: feed.Progress{Found: 5, Done: 5, Walked: true}}
	f.waitFor("44 articles")
	f.waitGone("Bridge repairs to close the river road")
	f.waitScreen("Fish market still selected", func(s string) bool { return selectedIs(s, "Fish market moves to the east quay") })
	m := f.quit()
	if m.loading {
		t.Errorf("still loading after every file found was read")
	}
	if a := m.list.selected(); a == nil || a.ID != "a3" {
		t.Errorf("selected = %v, want a3", a)
	}
}

// storyScenes put a model into the states of stories and reading state.
var storyScenes = map[string]scene{
	"stories":  func(m *Model) {},
	"expanded": func(m *Model) { send(m, tab) },
	"articles": func(m *Model) { send(m, tea.KeyPressMsg{Code: 't', Text: "t"}) },
	"story":    func(m *Model) { send(m, enter) },
	"story-down": func(m *Model) {
		send(m, enter)
		send(m, tea.KeyPressMsg{Code: 'G', Text: "G"})
	},
	"story-article": func(m *Model) {
		send(m, enter)
		send(m, enter)
	},
	"unread": func(m *Model) {
		send(m, enter)
		send(m, enter)
		send(m, esc)
		send(m, esc)
		send(m, tea.KeyPressMsg{Code: 'u', Text: "u"})
	},
	"starred": func(m *Model) {
		send(m, tea.KeyPressMsg{Code: 's', Text: "s"})
		send(m, tea.KeyPressMsg{Code: 'S', Text: "S"})
	},
	"starred-none": func(m *Model) { send(m, tea.KeyPressMsg{Code: 'S', Text: "S"}) },
}

func TestStoryViewsFit(t *testing.T) {
	sizes := [][2]int{{160, 40}, {120, 40}, {80, 24}, {60, 15}, {40, 10}, {24, 6}, {10, 3}, {1, 1}}
	arts := storyArticles()
	// A fourth report of the bridge, from an outlet with a long name,
	// with a long headline and a long sentence of its own.
	wide := *arts[len(arts)-1]
	wide.ID, wide.Path = "b4", "b4.txt"
	wide.Outlet = strings.Repeat("Outlet With A Very Long Name ", 4)
	wide.Title = strings.Repeat("An exceedingly long headline about the Ormsby bridge ", 4)
	wide.Body += "\n\nWide text without spaces follows here: " + strings.Repeat("x", 300) + "."
	arts = append(arts, &wide)
	for name, sc := range storyScenes {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s_%dx%d", name, sz[0], sz[1]), func(t *testing.T) {
				m := loaded(t, arts, sz[0], sz[1])
				sc(m)
				checkFits(t, m.View().Content, sz[0], sz[1])
				send(m, tea.WindowSizeMsg{Width: sz[0] + 7, Height: sz[1] + 3})
				checkFits(t, m.View().Content, sz[0]+7, sz[1]+3)
			})
		}
	}
}

func TestStoryPaneShowsWhatEachOutletAdds(t *testing.T) {
	m := loaded(t, storyArticles(), 120, 40)
	if st := m.list.selectedStory(); st == nil || len(st.Articles) != 3 {
		t.Fatalf("first row is not the bridge story of 3 articles: %+v", m.list.selected())
	}
	send(m, enter)
	tests := []struct {
		name      string
		outlet    string
		only, not string
	}{
		{"newest first", "Valley Courier", bridgeCourier, bridgeLedger},
		{"then by headline", "Northern Ledger", bridgeLedger, bridgeGazette},
		{"last", "The Harbour Gazette", bridgeGazette, bridgeCourier},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if i > 0 {
				send(m, down)
			}
			view := ansi.Strip(m.View().Content)
			flat := strings.Join(strings.Fields(view), " ")
			if !strings.Contains(view, "Only in this article ("+tt.outlet+")") {
				t.Errorf("no 'only in this article' heading for %s:\n%s", tt.outlet, view)
			}
			// The chosen article's own sentences come first, before
			// the others' sections.
			own := strings.Index(flat, "Only in this article ("+tt.outlet+")")
			next := strings.Index(flat[own+1:], "Only in ") + own + 1
			if i := strings.Index(flat, tt.only); i < own || i > next {
				t.Errorf("%s's own sentence %q is not in its section:\n%s", tt.outlet, tt.only, view)
			}
			if i := strings.Index(flat, tt.not); i > own && i < next {
				t.Errorf("another outlet's sentence is shown as %s's own:\n%s", tt.outlet, view)
			}
			if strings.Contains(flat, bridgeShared) {
				t.Errorf("a sentence every outlet has is shown as one's own:\n%s", view)
			}
		})
	}
}

func TestLibraryFollowsChanges(t *testing.T) {
	arts := storyArticles()
	lib := library.New()
	group := func() []*story.Story {
		t.Helper()
		return groupStories(lib)().(storiesMsg).stories
	}
	find := func(sts []*story.Story, id string) *story.Story {
		for _, st := range sts {
			if holds(st, id) {
				return st
			}
		}
		return nil
	}
	// A watched file changed, read again with new text, and a file
	// removed: the second event removes what the first added.
	changed := *arts[6] // b2, the Ledger's report
	changed.ID, changed.Body = "b2-new", arts[6].Body+"\n\nThe ferry will run an extra sailing on Saturday."
	same := *arts[5] // b1 read again as it was: a new copy, one ID
	copied := same   // and a copy in a file that sorts first, which the store keeps
	copied.Path = "a-copy-of-b1.txt"
	steps := []struct {
		name       string
		events     []feed.Event
		added      int
		removed    int
		want       int
		storySize  int // of the story holding b1, 0 for none
		query      string
		searchHits int
	}{
		{"load", []feed.Event{{Articles: arts}}, 8, 0, 8, 3, "extra sailing", 0},
		{"file read again unchanged", []feed.Event{{Removed: []string{"b1.txt"}, Articles: []*feed.Article{&same}}}, 1, 1, 8, 3, "boats could still pass", 1},
		{"a copy in another file", []feed.Event{{Articles: []*feed.Article{&copied}}}, 1, 0, 8, 3, "boats could still pass", 1},
		{"file read again changed", []feed.Event{{Removed: []string{"b2.txt"}, Articles: []*feed.Article{&changed}}}, 1, 1, 8, 3, "extra sailing", 1},
		{"file removed", []feed.Event{{Removed: []string{"b3.txt"}}}, 0, 1, 7, 2, "extra sailing", 1},
		{"added then removed in one batch", []feed.Event{
			{Articles: []*feed.Article{{ID: "tmp", Path: "tmp.txt", Title: "Extra sailing notice", Body: "extra sailing"}}},
			{Removed: []string{"tmp.txt"}},
		}, 1, 1, 7, 2, "extra sailing", 1},
		{"story left with one", []feed.Event{{Removed: []string{"b2.txt"}}}, 0, 1, 6, 1, "extra sailing", 0},
	}
	for _, tt := range steps {
		t.Run(tt.name, func(t *testing.T) {
			msg := lib.Apply(tt.events)
			if msg.Added != tt.added || msg.Removed != tt.removed {
				t.Errorf("added %d, removed %d; want %d, %d", msg.Added, msg.Removed, tt.added, tt.removed)
			}
			if got := lib.Len(); got != tt.want {
				t.Errorf("store holds %d articles, want %d", got, tt.want)
			}
			sts := group()
			n := 0
			for _, st := range sts {
				n += len(st.Articles)
			}
			if n != tt.want {
				t.Errorf("stories hold %d articles, want %d", n, tt.want)
			}
			if st := find(sts, "b1"); st == nil || len(st.Articles) != tt.storySize {
				t.Errorf("story of b1 = %v, want %d articles", st, tt.storySize)
			}
			if got := len(lib.Search(tt.query, 10)); got != tt.searchHits {
				t.Errorf("search finds %d, want %d", got, tt.searchHits)
			}
		})
	}
}

// fakeStories groups made-up articles, in feed.Less order, three to a
// story, as a Set would hand them over, without the grouping's cost.
func fakeStories(arts []*feed.Article) []*story.Story {
	var out []*story.Story
	for i := 0; i < len(arts); i += 3 {
		group := arts[i:min(i+3, len(arts))]
		st := &story.Story{ID: fmt.Sprintf("s%07d", i), Title: group[0].Title, Date: group[0].Date, Articles: group}
		for _, a := range group {
			st.Outlets = append(st.Outlets, a.Outlet)
		}
		out = append(out, st)
	}
	return out
}

// BenchmarkStoryListKeys measures moving through story rows and
// drawing the screen: the cost must not grow with the articles.
func BenchmarkStoryListKeys(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			m := loadedByArticle(b, manyArticles(n), 120, 40)
			m.list.setByArticle(false)
			m.list.setStories(fakeStories(m.lib.Articles("")))
			keys := []tea.KeyPressMsg{down, tab, down, {Code: tea.KeyPgDown}, tab, {Code: 'G', Text: "G"}, {Code: 'g', Text: "g"}}
			runtime.GC() // the load's garbage is not the keys' cost
			b.ResetTimer()
			for i := range b.N {
				m.Update(keys[i%len(keys)])
				_ = m.View()
			}
		})
	}
}

// BenchmarkStoryRows measures making the rows again, as when a batch of
// articles or stories arrives.
func BenchmarkStoryRows(b *testing.B) {
	m := loadedByArticle(b, manyArticles(100_000), 120, 40)
	m.list.setByArticle(false)
	sts := fakeStories(m.lib.Articles(""))
	b.ResetTimer()
	for range b.N {
		m.list.setStories(sts)
	}
}

func TestStoryPaneClicks(t *testing.T) {
	m := loaded(t, storyArticles(), 80, 30)
	send(m, enter)
	if m.state != stateStory {
		t.Fatalf("enter on the story row showed %v, want the story pane", m.state)
	}
	top := lipgloss.Height(m.headerView()) + storyChrome
	// The second row of the table: the Ledger's report.
	send(m, tea.MouseClickMsg{X: 5, Y: top + 1, Button: tea.MouseLeft})
	if a := m.story.selected(); a == nil || a.ID != "b2" {
		t.Fatalf("a click on the second row selected %v, want b2", a)
	}
	send(m, tea.MouseClickMsg{X: 5, Y: top + 1, Button: tea.MouseLeft})
	if m.state != stateDetail || m.detail.article.ID != "b2" {
		t.Errorf("a second click showed %v, want b2 in the article pane", m.state)
	}
	if !m.marks.read("b2") {
		t.Errorf("the article opened by a click is not marked read")
	}
}

func TestStoryPreviewBesideList(t *testing.T) {
	m := loaded(t, storyArticles(), 120, 40)
	view := ansi.Strip(m.View().Content)
	for _, want := range []string{"Outlet", "Words", "Only in Valley Courier", "Only in Northern Ledger", "Only in The Harbour Gazette"} {
		if !strings.Contains(view, want) {
			t.Errorf("the preview of the story row lacks %q:\n%s", want, view)
		}
	}
	if strings.Contains(view, "Only in this article") {
		t.Errorf("the preview has a chosen article, but the cursor is in the list:\n%s", view)
	}
	// An article row previews the article.
	send(m, down)
	view = ansi.Strip(m.View().Content)
	if strings.Contains(view, "Only in ") || !strings.Contains(view, "Two early sailings will be added from November.") {
		t.Errorf("an article row does not preview its article:\n%s", view)
	}
}

func TestToggleReadOnStoryRow(t *testing.T) {
	m := loaded(t, storyArticles(), 80, 30)
	mKey := tea.KeyPressMsg{Code: 'm', Text: "m"}
	steps := []struct {
		name string
		read bool
	}{{"all read", true}, {"all unread again", false}}
	send(m, enter) // read one of the story's articles first
	send(m, enter)
	send(m, esc)
	send(m, esc)
	for _, tt := range steps {
		t.Run(tt.name, func(t *testing.T) {
			send(m, mKey)
			for _, id := range []string{"b1", "b2", "b3"} {
				if got := m.marks.read(id); got != tt.read {
					t.Errorf("%s read = %v, want %v", id, got, tt.read)
				}
			}
		})
	}
}

func TestPrepareOnly(t *testing.T) {
	arts := manyArticles(bigStory + 3)
	small := fakeStories(arts) // stories of three articles
	if cmd := prepareOnly(small); cmd != nil {
		t.Errorf("prepareOnly of small stories gave a command; they are worked out when drawn")
	}
	big := &story.Story{ID: "big", Title: arts[0].Title, Articles: arts[:bigStory]}
	cmd := prepareOnly(append(small, big))
	if cmd == nil {
		t.Fatalf("prepareOnly of a story of %d articles gave no command", bigStory)
	}
	if msg := cmd(); msg != (preparedMsg{}) {
		t.Errorf("the command's message = %T, want preparedMsg", msg)
	}
}

// The library is told to settle only once nothing of loading is under
// way: not the load, nor its end, nor grouping, nor preparing.
func TestSettleOnceWorkDone(t *testing.T) {
	m := &Model{lib: library.New()}
	cases := []struct {
		name                                    string
		loading, compacted, grouping, preparing bool
		want                                    bool
	}{
		{"loading", true, false, false, false, false},
		{"load done, not compacted", false, false, false, false, false},
		{"grouping", false, true, true, false, false},
		{"preparing", false, true, false, true, false},
		{"all done", false, true, false, false, true},
	}
	for _, c := range cases {
		m.loading, m.compacted, m.grouping, m.preparing = c.loading, c.compacted, c.grouping, c.preparing
		if got := m.settle() != nil; got != c.want {
			t.Errorf("%s: settle gave a command = %v, want %v", c.name, got, c.want)
		}
	}
	m.loading, m.compacted, m.grouping, m.preparing = false, false, false, false
	m.update(compactedMsg{})
	if !m.compacted {
		t.Errorf("compactedMsg did not mark the load's end handled")
	}
	m.preparing = true
	if _, cmd := m.update(preparedMsg{}); m.preparing || cmd == nil {
		t.Errorf("preparedMsg: preparing = %v, command %v; want false and a command to settle", m.preparing, cmd != nil)
	}
}
