package ui

import (
	"sync"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/broadsheet/broadsheet/feed"
	readstate "github.com/broadsheet/broadsheet/internal/state"
)

// State keeps what the reader has done with articles between runs:
// which were read, which starred, and where each list was left. A
// *state.DB is one.
type State interface {
	MarkRead(id string, read bool) error
	SetStarred(id string, starred bool) error
	// Snapshot returns every article's marks that has any, by ID.
	Snapshot() (map[string]readstate.Mark, error)
	SetPlace(key, articleID string) error
	// Place returns the article a list was left at, or "".
	Place(key string) (string, error)
	// SetPosition keeps the line the reader was at in an article;
	// Positions returns every article's, by ID.
	SetPosition(id string, line int) error
	Positions() (map[string]int, error)
}

// marks is the reading state of this session: it is kept in memory, so
// that read and starred work without a State and show at once, and
// written through to the State when there is one. The writes wait in a
// stateWriter for a command to make them (see Model.writeState), so that
// Update never waits on the disk. marks is only used from the root's
// Update.
type marks struct {
	store  State
	writer *stateWriter
	by     map[string]readstate.Mark
	// gen counts the changes to read marks.
	gen int
	// positions are the lines the reader was at in articles, by ID.
	positions map[string]int
	// err is the last error the State gave, shown in the status bar;
	// reading goes on without it.
	err error
}

func newMarks(s State) *marks {
	mk := &marks{store: s, by: make(map[string]readstate.Mark)}
	if s == nil {
		return mk
	}
	mk.writer = &stateWriter{store: s}
	by, err := s.Snapshot()
	if err != nil {
		mk.err = err
		return mk
	}
	if by != nil {
		mk.by = by
	}
	pos, err := s.Positions()
	mk.keep(err)
	mk.positions = pos
	// A State that could only be opened to read says so from the start,
	// not at the first mark it drops.
	if ro, ok := s.(interface{ ReadOnly() error }); ok {
		if err := ro.ReadOnly(); err != nil {
			mk.err = err
		}
	}
	return mk
}

// position returns the line the reader was at in an article, as the
// State kept it when the run began.
func (mk *marks) position(id string) int { return mk.positions[id] }

// setPosition keeps the line the reader was at in an article.
func (mk *marks) setPosition(id string, line int) {
	if mk.positions[id] == line {
		return
	}
	if mk.positions == nil {
		mk.positions = make(map[string]int)
	}
	mk.positions[id] = line
	mk.writer.add(func(s State) error { return s.SetPosition(id, line) })
}

// read reports whether an article has been read.
func (mk *marks) read(id string) bool { return mk.by[id].Read }

// starred reports whether an article is starred.
func (mk *marks) starred(id string) bool { return mk.by[id].Starred }

// setRead marks an article read or unread.
func (mk *marks) setRead(id string, read bool) {
	m := mk.by[id]
	if m.Read == read {
		return
	}
	m.Read = read
	mk.by[id] = m
	mk.gen++
	mk.writer.add(func(s State) error { return s.MarkRead(id, read) })
}

// setStarred stars or unstars an article.
func (mk *marks) setStarred(id string, on bool) {
	m := mk.by[id]
	m.Starred = on
	mk.by[id] = m
	mk.writer.add(func(s State) error { return s.SetStarred(id, on) })
}

// place returns the article the list named key was left at, or "".
func (mk *marks) place(key string) string {
	if mk.store == nil {
		return ""
	}
	id, err := mk.store.Place(key)
	mk.keep(err)
	return id
}

// setPlace remembers the article the list named key is at.
func (mk *marks) setPlace(key, id string) {
	if id != "" {
		mk.writer.add(func(s State) error { return s.SetPlace(key, id) })
	}
}

func (mk *marks) keep(err error) {
	if err != nil {
		mk.err = err
	}
}

// stateWriter holds the writes to a State that are still to be made,
// in the order they were asked for. A nil *stateWriter, for a session
// without a State, drops them.
type stateWriter struct {
	store State
	// mu is held while writing, so that writes made by commands running
	// at once still reach the State in order.
	mu sync.Mutex
	// qmu guards queue, which Update adds to while a command writes.
	qmu   sync.Mutex
	queue []func(State) error
	// due reports whether writes were added since the last command was
	// made for them; only Update uses it.
	due bool
}

// add queues a write.
func (w *stateWriter) add(write func(State) error) {
	if w == nil {
		return
	}
	w.qmu.Lock()
	w.queue = append(w.queue, write)
	w.qmu.Unlock()
	w.due = true
}

// flush makes every write queued so far, in order, and returns the last
// error met. It waits for a flush under way, so that when it returns,
// every write asked for before it was called has been made.
func (w *stateWriter) flush() error {
	if w == nil {
		return nil
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.qmu.Lock()
	queue := w.queue
	w.queue = nil
	w.qmu.Unlock()
	var last error
	for _, write := range queue {
		if err := write(w.store); err != nil {
			last = err
		}
	}
	return last
}

// stateWrittenMsg reports that queued writes to the State were made,
// and the last error one gave.
type stateWrittenMsg struct{ err error }

// writeState returns a command that makes the writes queued since the
// last one, or nil when there are none.
func (m *Model) writeState() tea.Cmd {
	w := m.marks.writer
	if w == nil || !w.due {
		return nil
	}
	w.due = false
	return func() tea.Msg { return stateWrittenMsg{err: w.flush()} }
}

// quit saves the list's place and ends the program once every write to
// the State asked for has been made: read marks are never lost.
func (m *Model) quit() tea.Cmd {
	m.savePlace()
	if m.state == stateDetail {
		m.keepPosition()
	}
	return tea.Sequence(m.writeState(), tea.Quit)
}

// Flush makes the writes to the State that are still to be made, and
// waits for those under way. Quitting flushes; call Flush after the
// program ends otherwise (a signal, an error), before closing the State.
func (m *Model) Flush() error {
	return m.marks.writer.flush()
}

// StateErr returns the last error the State gave in this session, or
// nil: a mark that was not kept, or why none will be. The status bar
// shows it while the reader is open; the caller says it again after.
func (m *Model) StateErr() error { return m.marks.err }

// view is which articles the list shows: an outlet's or all, and of
// those all, the unread or the starred.
type view struct {
	outlet  string // "" for every outlet
	unread  bool
	starred bool
}

// keeps reports whether the view shows an article.
func (v view) keeps(a *feed.Article, mk *marks) bool {
	if v.outlet != "" && !feed.SameOutlet(feed.OutletName(a), v.outlet) {
		return false
	}
	if v.unread && mk.read(a.ID) {
		return false
	}
	return !v.starred || mk.starred(a.ID)
}

// placeKey names the list whose place is kept: each outlet's list has
// its own.
func placeKey(outlet string) string {
	if outlet == "" {
		return "all"
	}
	return "outlet:" + outlet
}

// savePlace remembers where the list is, for the next run.
func (m *Model) savePlace() {
	if a := m.list.selected(); a != nil && m.list.cursorMoved() {
		m.marks.setPlace(placeKey(m.filter), a.ID)
	}
}

// currentArticle returns the article the reader is on in the pane that
// is showing, or nil.
func (m *Model) currentArticle() *feed.Article {
	switch m.state {
	case stateList:
		return m.list.selected()
	case stateDetail:
		return m.detail.shown()
	case stateStory:
		return m.story.selected()
	case stateSearch:
		return m.search.selected()
	}
	return nil
}

// handleStateKey handles the keys of reading state and stories in the
// list, article and story panes, and reports whether the key was one.
func (m *Model) handleStateKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.keys
	inList := m.state == stateList
	switch {
	case key.Matches(msg, k.Star):
		if a := m.currentArticle(); a != nil {
			on := !m.marks.starred(a.ID)
			m.marks.setStarred(a.ID, on)
			m.notice = "★ Starred."
			if !on {
				m.notice = "Star taken off."
			}
		}
	case inList && key.Matches(msg, k.ToggleRead) && m.list.selectedStory() != nil:
		// On a story row, the whole story: read when any of it is
		// unread, else unread again.
		st := m.list.selectedStory()
		read := false
		for _, a := range st.Articles {
			read = read || !m.marks.read(a.ID)
		}
		for _, a := range st.Articles {
			m.setRead(a.ID, read)
		}
		m.notice = "Story marked read."
		if !read {
			m.notice = "Story marked unread."
		}
	case key.Matches(msg, k.ToggleRead):
		if a := m.currentArticle(); a != nil {
			read := !m.marks.read(a.ID)
			m.setRead(a.ID, read)
			m.notice = "Marked read."
			if !read {
				m.notice = "Marked unread."
			}
		}
	case inList && key.Matches(msg, k.UnreadOnly):
		v := m.list.currentView()
		v.unread = !v.unread
		m.list.setView(v)
	case inList && key.Matches(msg, k.StarredOnly):
		v := m.list.currentView()
		v.starred = !v.starred
		m.list.setView(v)
	case inList && key.Matches(msg, k.Stories):
		m.list.setByArticle(!m.list.oneRowPerArticle())
	case inList && key.Matches(msg, k.Expand):
		m.list.toggleExpand()
	default:
		return nil, false
	}
	return nil, true
}

// markOpened marks an article read as it is opened.
func (m *Model) markOpened(a *feed.Article) {
	m.setRead(a.ID, true)
}

// setRead marks an article read or unread; a list of unread articles
// only keeps showing it until its view changes.
func (m *Model) setRead(id string, read bool) {
	m.marks.setRead(id, read)
	if read {
		m.list.read(id)
	}
}

// viewParts returns the status bar's notes on what the list shows
// beyond the outlet.
func (m *Model) viewParts() []string {
	var parts []string
	if m.list.currentView().unread {
		parts = append(parts, m.styles.Filter.Render("unread only"))
	}
	if m.list.currentView().starred {
		parts = append(parts, m.styles.Filter.Render("starred only"))
	}
	if m.split() && m.zoom != zoomNone {
		parts = append(parts, m.styles.Filter.Render([]string{"", "zoom: list", "zoom: preview"}[m.zoom]))
	}
	if m.grouping && !m.list.oneRowPerArticle() {
		parts = append(parts, m.styles.Loading.Render("grouping stories…"))
	}
	if m.marks.err != nil {
		parts = append(parts, m.styles.Problems.Render("state: "+cleanLine(m.marks.err.Error())))
	}
	return parts
}
