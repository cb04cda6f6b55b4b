package ui

import (
	"fmt"
	"image/color"
	"runtime"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/library"
	"github.com/broadsheet/broadsheet/internal/keys"
)

// loaded returns a root model, sized, that has taken in every event.
// Messages go straight to Update: no program runs, so the frames are
// exactly what View returns.
func loaded(t testing.TB, arts []*feed.Article, w, h int, problems ...feed.Problem) *Model {
	t.Helper()
	return loadedWith(t, Options{Title: "test"}, arts, w, h, problems...)
}

// loadedWith is loaded with options.
func loadedWith(t testing.TB, opts Options, arts []*feed.Article, w, h int, problems ...feed.Problem) *Model {
	t.Helper()
	m := New(eventsOf(arts, problems...), opts)
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	for m.loading {
		m.Update(readEvents(m.lib, m.events)())
	}
	for m.grouping {
		m.Update(groupStories(m.lib)())
	}
	settle(m)
	return m
}

// loadedByArticle is loaded with one row an article and the stories
// left ungrouped, for benchmarks of many made-up articles: their
// headlines are all alike, which makes one story of them all.
func loadedByArticle(t testing.TB, arts []*feed.Article, w, h int) *Model {
	t.Helper()
	m := New(eventsOf(arts), Options{Title: "test"})
	m.list.setByArticle(true)
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	for m.loading {
		m.Update(readEvents(m.lib, m.events)())
	}
	settle(m)
	return m
}

// send passes msg to the model and then lets the article pane and the
// preview render, which the view depends on. Other commands (a cursor's
// blink) are left alone.
func send(m *Model, msg tea.Msg) {
	m.Update(msg)
	settle(m)
}

// settle runs the renderings the article pane and the preview wait for,
// and those their arrival asks for in turn, and makes the writes to the
// State asked for, as the program would.
func settle(m *Model) {
	m.Update(stateWrittenMsg{err: m.Flush()})
	for _, d := range []*detail{&m.detail, &m.preview} {
		cmd := d.render()
		for cmd != nil {
			msg, ok := cmd().(renderedMsg)
			if !ok {
				break
			}
			_, cmd = m.Update(msg)
		}
	}
}

// scene puts a model into one of the states the goldens show.
type scene func(m *Model)

var scenes = map[string]scene{
	"list": func(m *Model) {},
	"list-moved": func(m *Model) {
		send(m, tea.KeyPressMsg{Code: 'j', Text: "j"})
		send(m, tea.KeyPressMsg{Code: 'j', Text: "j"})
	},
	"detail": func(m *Model) { send(m, enter) },
	"search": func(m *Model) {
		send(m, tea.KeyPressMsg{Code: '/', Text: "/"})
		m.search.input.SetValue("ferry")
		searchNow(m)
	},
	"outlets": func(m *Model) { send(m, tea.KeyPressMsg{Code: 'o', Text: "o"}) },
	"filtered": func(m *Model) {
		send(m, tea.KeyPressMsg{Code: 'o', Text: "o"})
		send(m, down)
		send(m, enter)
	},
	"help":     func(m *Model) { send(m, tea.KeyPressMsg{Code: '?', Text: "?"}) },
	"problems": func(m *Model) { send(m, tea.KeyPressMsg{Code: '!', Text: "!"}) },
	"find": func(m *Model) {
		send(m, enter)
		send(m, tea.KeyPressMsg{Code: '/', Text: "/"})
		for _, r := range "the" {
			send(m, tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		send(m, enter)
		send(m, tea.KeyPressMsg{Code: 'n', Text: "n"})
	},
}

func TestGolden(t *testing.T) {
	tests := []struct {
		scene string
		w, h  int
	}{
		{"list", 80, 24},
		{"list", 120, 40},
		{"list-moved", 80, 24},
		{"detail", 80, 24},
		{"detail", 120, 40},
		{"search", 80, 24},
		{"outlets", 80, 24},
		{"filtered", 80, 24},
		{"help", 100, 30},
		{"help", 80, 24},
		{"problems", 80, 24},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s_%dx%d", tt.scene, tt.w, tt.h), func(t *testing.T) {
			m := loaded(t, testArticles(), tt.w, tt.h, feed.Problem{Path: "x.bin", Reason: "not an article"})
			scenes[tt.scene](m)
			view := m.View().Content
			checkFits(t, view, tt.w, tt.h)
			// The goldens keep the text and drop the colors, so that a
			// change of palette does not touch them and a reviewer can
			// read them.
			golden.RequireEqual(t, ansi.Strip(view))
		})
	}
}

// checkFits fails the test when view is not exactly h lines of at most w
// cells.
func checkFits(t *testing.T, view string, w, h int) {
	t.Helper()
	gw, gh := lipgloss.Size(view)
	if gw > w || gh != h {
		t.Errorf("view is %dx%d, want it to fill %dx%d without overflowing", gw, gh, w, h)
	}
	for i, line := range strings.Split(view, "\n") {
		if lw := lipgloss.Width(line); lw > w {
			t.Errorf("line %d is %d cells wide, more than %d: %q", i, lw, w, ansi.Strip(line))
		}
	}
}

func TestViewFitsWindow(t *testing.T) {
	sizes := [][2]int{{160, 50}, {120, 40}, {100, 30}, {80, 24}, {60, 15}, {50, 12}, {40, 10}, {24, 6}, {10, 3}, {1, 1}}
	arts := append(testArticles(), &feed.Article{
		ID: "long", Path: "long.txt",
		Title:  strings.Repeat("An exceedingly long headline that keeps going ", 6),
		Outlet: strings.Repeat("Outlet With A Very Long Name ", 4),
		Byline: strings.Repeat("By Someone With Many Names ", 5),
		Lead:   strings.Repeat("A lead that will not fit. ", 20),
		Body:   strings.Repeat("Wide text without spaces: "+strings.Repeat("x", 300)+"\n\n", 3),
	})
	for name, sc := range scenes {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s_%dx%d", name, sz[0], sz[1]), func(t *testing.T) {
				m := loaded(t, arts, sz[0], sz[1])
				sc(m)
				checkFits(t, m.View().Content, sz[0], sz[1])
				// A part too wide would widen every line, and the
				// frame would cut them all, the short header too.
				if head := strings.SplitN(ansi.Strip(m.View().Content), "\n", 2)[0]; sz[0] >= minWidth && strings.Contains(head, "…") {
					t.Errorf("the header is cut: %q", head)
				}
				// And again after a resize in that state.
				send(m, tea.WindowSizeMsg{Width: sz[0] + 7, Height: sz[1] + 3})
				checkFits(t, m.View().Content, sz[0]+7, sz[1]+3)
			})
		}
	}
}

func TestViewNeverDrawsControlCharacters(t *testing.T) {
	evil := &feed.Article{
		ID: "evil", Path: "evil.txt",
		Title:  "Clear \x1b[2J screen \x9b31m and \x07 bell",
		Outlet: "Bad\x1b]0;title\x07 Outlet",
		Byline: "By \x1bP evil",
		Lead:   "Lead \x1b[31m red \x7f del",
		Body:   "Body \x1b[1;1H home \x1b]8;;http://x\x1b\\ link \r overwrite \xff bad byte",
	}
	for name, sc := range scenes {
		t.Run(name, func(t *testing.T) {
			m := loaded(t, []*feed.Article{evil}, 100, 30)
			sc(m)
			if name == "search" {
				m.search.input.SetValue("home")
				searchNow(m)
			}
			// Every escape sequence left in the view is one of ours:
			// styling (SGR) only. Strip those and nothing may remain
			// that a terminal would act on.
			plain := ansi.Strip(m.View().Content)
			for _, r := range plain {
				if r != '\n' && isControl(r) {
					t.Fatalf("view holds control character %U:\n%s", r, plain)
				}
			}
		})
	}
}

func TestClean(t *testing.T) {
	// clean and cleanLine are feed's sanitizer: escape sequences go
	// whole, other controls become U+FFFD.
	tests := []struct {
		name, in, want, line string
	}{
		{"plain", "Harbour news", "Harbour news", "Harbour news"},
		{"escape", "a\x1b[31mb", "ab", "ab"},
		{"window title", "a\x1b]0;pwned\x07b", "ab", "ab"},
		{"bell and del", "a\x07b\x7fc", "a\uFFFDb\uFFFDc", "a\uFFFDb\uFFFDc"},
		{"c1 csi", "a\u009b2Jb", "ab", "ab"},
		{"bidi override", "a\u202eb", "ab", "ab"},
		{"invalid utf-8", "a\xffb", "a\uFFFDb", "a\uFFFDb"},
		{"newlines and tabs", "a\nb\tc", "a\nb c", "a b c"},
		{"carriage return", "abc\rdef", "abc\ndef", "abc def"},
		{"spaces collapse on one line", "a  \n\n  b", "a  \n\n  b", "a b"},
		{"real replacement char kept", "a\uFFFDb", "a\uFFFDb", "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := clean(tt.in); got != tt.want {
				t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := cleanLine(tt.in); got != tt.line {
				t.Errorf("cleanLine(%q) = %q, want %q", tt.in, got, tt.line)
			}
		})
	}
}

func TestListKeepsSelectionAsArticlesArrive(t *testing.T) {
	arts := manyArticles(100) // in feed.Less order: newest, the highest number, first
	store := feed.NewStore()
	store.Add(arts[:50]...)
	l := newStoryList(newStyles(true), DefaultKeyMap(), newMarks(nil))
	l.SetSize(80, 30)
	l.setByArticle(true)
	l.setArticles(store.Articles())

	tests := []struct {
		name    string
		moved   bool
		wantSel string
	}{
		{"untouched list stays at the top", false, "id0000099"},
		{"moved cursor follows its article", true, "id0000045"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := l
			if tt.moved {
				for range 4 {
					l, _ = l.update(down)
				}
			}
			row := l.scroll.cursor - l.scroll.offset
			s := feed.NewStore()
			s.Add(arts...)
			l.setArticles(s.Articles())
			if got := l.selected().ID; got != tt.wantSel {
				t.Errorf("selected %s after newer articles arrived, want %s", got, tt.wantSel)
			}
			if got := l.scroll.cursor - l.scroll.offset; tt.moved && got != row {
				t.Errorf("selected row moved on screen from %d to %d", row, got)
			}
		})
	}
}

func TestEventsAreBatched(t *testing.T) {
	arts := manyArticles(1200)
	lib := library.New()
	ch := eventsOf(arts)
	msgs := 0
	for {
		msg := readEvents(lib, ch)().(eventsMsg)
		msgs++
		if msg.done {
			break
		}
	}
	if lib.Len() != len(arts) {
		t.Errorf("loaded %d articles, want %d", lib.Len(), len(arts))
	}
	if want := len(arts)/maxBatch + 2; msgs > want {
		t.Errorf("%d events took %d messages, want at most %d", len(arts), msgs, want)
	}
}

func TestThousands(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {200000, "200,000"}, {1234567, "1,234,567"}}
	for _, tt := range tests {
		if got := thousands(tt.n); got != tt.want {
			t.Errorf("thousands(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func BenchmarkListKeys(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			m := loadedByArticle(b, manyArticles(n), 120, 40)
			keys := []tea.KeyPressMsg{down, down, {Code: tea.KeyPgDown}, {Code: 'G', Text: "G"}, {Code: 'g', Text: "g"}}
			runtime.GC() // the load's garbage is not the keys' cost
			b.ResetTimer()
			for i := range b.N {
				m.Update(keys[i%len(keys)])
				_ = m.View()
			}
		})
	}
}

func BenchmarkLoad100k(b *testing.B) {
	arts := manyArticles(100_000)
	for range b.N {
		loadedByArticle(b, arts, 120, 40)
	}
}

func TestHighlight(t *testing.T) {
	st := newStyles(true)
	tests := []struct {
		name    string
		text    string
		matches [][2]int
		marked  []string
		plain   string
	}{
		{"no matches", "the ferry sails", nil, nil, "the ferry sails"},
		{"one word", "the ferry sails", [][2]int{{4, 9}}, []string{"ferry"}, "the ferry sails"},
		{"two words", "ferry and bridge", [][2]int{{0, 5}, {10, 16}}, []string{"ferry", "bridge"}, "ferry and bridge"},
		{"range past the end", "ferry", [][2]int{{0, 50}}, []string{"ferry"}, "ferry"},
		{"overlapping ranges", "ferry", [][2]int{{0, 3}, {1, 5}}, []string{"fer", "ry"}, "ferry"},
		{"control characters around", "a\x1b[2J ferry\nb", [][2]int{{6, 11}}, []string{"ferry"}, "a ferry b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := highlight(st, tt.text, tt.matches, 80)
			if got := ansi.Strip(out); got != tt.plain {
				t.Errorf("text = %q, want %q", got, tt.plain)
			}
			for _, w := range tt.marked {
				if !strings.Contains(out, st.Match.Render(w)) {
					t.Errorf("%q is not highlighted in %q", w, out)
				}
			}
		})
	}
}

func TestSearchCursor(t *testing.T) {
	m := loaded(t, testArticles(), 100, 30)
	send(m, tea.KeyPressMsg{Code: '/', Text: "/"})
	search := func(q string) {
		m.search.input.SetValue(q)
		searchNow(m)
	}
	search("the")
	m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	chosen := m.search.selected()

	tests := []struct {
		name  string
		query string
		want  func() *feed.Article
	}{
		{"same query again keeps the chosen result", "the", func() *feed.Article { return chosen }},
		{"new query starts at the best result", "the ferry", func() *feed.Article { return m.search.results[0].Article }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			search(tt.query)
			if got, want := m.search.selected(), tt.want(); got != want {
				t.Errorf("cursor on %q, want %q", got.Title, want.Title)
			}
		})
	}
}

func TestKeyMapBind(t *testing.T) {
	tests := []struct {
		name    string
		action  string
		keys    []string
		wantErr bool
	}{
		{"rebind quit", "quit", []string{"x"}, false},
		{"several keys", "down", []string{"n", "down"}, false},
		{"unknown action", "fly", []string{"f"}, true},
		{"no keys", "up", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := DefaultKeyMap()
			err := k.Bind(tt.action, tt.keys...)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Bind(%q, %q) error = %v, want error %v", tt.action, tt.keys, err, tt.wantErr)
			}
			if err != nil {
				return
			}
			b := k.fields()[keys.Action(tt.action)]
			for _, key := range tt.keys {
				if !slices.Contains(b.Keys(), key) {
					t.Errorf("%s is not bound to %q: %q", tt.action, key, b.Keys())
				}
			}
			if b.Help().Desc == "" {
				t.Errorf("%s lost its help text", tt.action)
			}
		})
	}
}

func TestReboundQuit(t *testing.T) {
	keys := DefaultKeyMap()
	if err := keys.Bind("quit", "x"); err != nil {
		t.Fatal(err)
	}
	m := New(eventsOf(testArticles()), Options{Keys: &keys, Theme: "light", DateLayout: "2 Jan 2006"})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	for m.loading {
		m.Update(readEvents(m.lib, m.events)())
	}
	if !strings.Contains(ansi.Strip(m.View().Content), "14 Mar 2025") {
		t.Errorf("the date layout is not used:\n%s", ansi.Strip(m.View().Content))
	}
	if _, cmd := m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"}); cmd != nil {
		t.Errorf("q still does something after quit was bound to x")
	}
	_, cmd := m.Update(tea.KeyPressMsg{Code: 'x', Text: "x"})
	if cmd == nil {
		t.Fatal("x does nothing after quit was bound to it")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Errorf("x does not quit")
	}
}

func TestBackgroundColorPicksStyles(t *testing.T) {
	white := tea.BackgroundColorMsg{Color: color.White}
	tests := []struct {
		name     string
		theme    string
		wantDark bool
	}{
		{"auto follows the terminal", "", false},
		{"fixed dark stays dark", "dark", true},
		{"fixed light stays light", "light", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := New(eventsOf(testArticles()), Options{Theme: tt.theme})
			m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
			for m.loading {
				m.Update(readEvents(m.lib, m.events)())
			}
			send(m, enter)
			_, cmd := m.Update(white)
			if cmd != nil {
				m.Update(cmd())
			}
			if m.styles.isDark != tt.wantDark {
				t.Errorf("dark styles = %v, want %v", m.styles.isDark, tt.wantDark)
			}
			if !m.detail.ready() {
				t.Errorf("the article is not rendered for the %s style", m.styles.glamourStyle())
			}
		})
	}
}

// BenchmarkFilter measures choosing an outlet, or all of them again, and
// drawing the list: by article, and by story.
func BenchmarkFilter(b *testing.B) {
	for _, byArticle := range []bool{true, false} {
		name := "stories"
		if byArticle {
			name = "articles"
		}
		b.Run(name+"/100000", func(b *testing.B) {
			m := loadedByArticle(b, manyArticles(100_000), 120, 40)
			if !byArticle {
				m.list.setByArticle(false)
				m.list.setStories(fakeStories(m.lib.Articles("")))
			}
			outlets := []string{"Outlet 3", "", "Outlet 5", "Outlet 0", ""}
			runtime.GC()
			b.ResetTimer()
			for i := range b.N {
				m.setFilter(outlets[i%len(outlets)])
				_ = m.View()
			}
		})
	}
}

// BenchmarkSearchKeys measures a key typed in the search pane: the query
// box, the search it starts (which the program runs off the update
// loop), its results arriving and the screen drawn. Every article
// matches "article", so ranking sees all of them.
func BenchmarkSearchKeys(b *testing.B) {
	m := loadedByArticle(b, manyArticles(100_000), 120, 40)
	send(m, tea.KeyPressMsg{Code: '/', Text: "/"})
	query := []rune("article number 7")
	runtime.GC()
	b.ResetTimer()
	for i := range b.N {
		if i%len(query) == 0 {
			m.search.input.SetValue("")
		}
		r := query[i%len(query)]
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		searchNow(m)
		_ = m.View()
	}
}

// TestStartOnce checks that Options.Start is called once, by the
// message that follows the first window size, and not by drawing.
func TestStartOnce(t *testing.T) {
	calls := 0
	m := New(eventsOf(testArticles()), Options{Title: "test", Start: func() { calls++ }})
	// run runs a command and passes what it reports back, as the
	// program would, leaving the load's events unread.
	var run func(tea.Cmd)
	run = func(cmd tea.Cmd) {
		if cmd == nil {
			return
		}
		switch msg := cmd().(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				run(c)
			}
		case startMsg:
			_, next := m.Update(msg)
			run(next)
		}
	}
	m.View()
	if calls != 0 {
		t.Fatalf("Start was called before the window's size was known")
	}
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m.View()
	if calls != 0 {
		t.Fatalf("Start was called by the window's size or a frame, not by a message after them")
	}
	run(cmd)
	_, cmd = m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	run(cmd)
	m.View()
	if calls != 1 {
		t.Errorf("Start was called %d times, want once", calls)
	}
}

// searchNow asks for a search for the query in the search pane's box
// and hands the pane its results, as the program would.
func searchNow(m *Model) {
	_, cmd := m.Update(m.search.run()())
	m.Update(cmd())
}
