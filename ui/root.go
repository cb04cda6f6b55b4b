// Package ui is Broadsheet's terminal interface: a Bubble Tea model with
// list, article, search and outlet panes over the articles a loader
// reports. It knows nothing of files.
package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/library"
)

// Options configures the interface.
type Options struct {
	// Title names what is being read, for the header.
	Title string
	// Theme is "dark" or "light" to fix the colors, or "" (or "auto")
	// to ask the terminal for its background, assuming dark until it
	// answers.
	Theme string
	// DateLayout is the Go time layout dates are shown in; "" means
	// 2006-01-02.
	DateLayout string
	// Keys are the key bindings; nil means DefaultKeyMap().
	Keys *KeyMap
	// State keeps what was read and starred, and the list's place,
	// between runs. Nil keeps them for this run only.
	State State
	// NoColor draws without a single color, as NO_COLOR asks.
	NoColor bool
	// Samples reports whether the articles are the bundled samples,
	// which have no file of their own to open in an editor or pager.
	Samples bool
	// Start, when set, is called once, from a command, to begin loading:
	// on the message that follows the first window size, and so after
	// the first frame at that size was drawn. Loading a large folder on
	// two cores would otherwise hold that frame up.
	Start func()
	// Library, when set, is the library to load into (one that keeps
	// its index between runs: library.Open); nil means a new one.
	Library *library.Library
	// StoriesFile, when set, names the file that keeps the stories
	// grouped between runs, and its key (see library.KeepStories).
	StoriesFile func() (path, key string)
}

// state is which pane is showing.
type state int

const (
	stateList state = iota
	stateDetail
	stateSearch
	stateOutlets
	stateProblems
	stateHelp
	stateStory
)

// Model is the root model: it owns navigation between the panes, the
// header and the footer, and feeds load events into the library.
type Model struct {
	opts   Options
	sized  bool // whether the window's size is known
	events <-chan feed.Event
	lib    *library.Library
	keys   KeyMap
	// styles is shared by the panes; it is rewritten in place when the
	// background is known.
	styles *Styles

	state state
	// back is where the article and help panes return to.
	back   state
	list   storyList
	story  storyPane
	detail detail
	// preview shows the selected article beside the list in a wide
	// window; previewBusy reports whether it is rendering.
	preview     detail
	previewBusy bool
	cache       *renderCache
	// notice is a message for the reader in the status bar, until the
	// next key.
	notice string
	// asking is a question in the status bar that the next key answers,
	// or nil.
	asking   *question
	search   searchPane
	outlets  outletPicker
	problems problemList
	help     help.Model
	bar      progress.Model

	filter   string // the outlet the list shows, or "" for all
	marks    *marks
	grouping bool // whether stories are being grouped
	// preparing reports whether what big stories' articles alone
	// report is being worked out; compacted, whether the load's end
	// was handled (see compact). Once neither these nor loading nor
	// grouping are under way, the library is told to settle.
	preparing, compacted bool
	zoom                 zoom // which of list and preview fills the window
	loading              bool
	progress             feed.Progress
	rate                 loadRate
	problemCount         int

	width, height int
}

// New returns a model that fills itself from the loader's events.
func New(events <-chan feed.Event, opts Options) *Model {
	st := themeStyles(opts.Theme != "light", opts.NoColor)
	st.DateLayout = opts.DateLayout
	keys := DefaultKeyMap()
	if opts.Keys != nil {
		keys = *opts.Keys
	}
	lib := opts.Library
	if lib == nil {
		lib = library.New()
	}
	if opts.StoriesFile != nil {
		lib.KeepStories(opts.StoriesFile)
	}
	mk := newMarks(opts.State)
	cache := newRenderCache()
	preview := newDetail(st, keys, cache)
	preview.preview = true
	m := &Model{
		opts:     opts,
		events:   events,
		lib:      lib,
		keys:     keys,
		styles:   st,
		list:     newStoryList(st, keys, mk),
		story:    newStoryPane(st, keys, mk),
		marks:    mk,
		detail:   newDetail(st, keys, cache),
		preview:  preview,
		cache:    cache,
		search:   newSearchPane(st, keys),
		outlets:  newOutletPicker(st, keys),
		problems: newProblemList(st, keys),
		help:     help.New(),
		bar:      progress.New(progress.WithWidth(16), progress.WithoutPercentage()),
		loading:  true,
		width:    80,
		height:   24,
	}
	m.applyStyles()
	m.list.setEmpty("Loading articles…")
	m.list.setPlace(mk.place(placeKey("")))
	m.layout()
	return m
}

// Init starts reading load events and, unless the theme is fixed, asks
// the terminal its background.
func (m *Model) Init() tea.Cmd {
	if m.fixedTheme() {
		return readEvents(m.lib, m.events)
	}
	return tea.Batch(readEvents(m.lib, m.events), tea.RequestBackgroundColor)
}

// fixedTheme reports whether the options chose the colors, so that the
// terminal's background does not.
func (m *Model) fixedTheme() bool {
	return m.opts.Theme == "dark" || m.opts.Theme == "light" || m.opts.NoColor
}

// Update handles a message. Writes to the State it asked for are made
// by a command.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := m.update(msg)
	if w := m.writeState(); w != nil {
		return m, tea.Batch(cmd, w)
	}
	return m, cmd
}

// update handles a message for Update.
func (m *Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case stateWrittenMsg:
		m.marks.keep(msg.err)
		return m, nil
	case tea.WindowSizeMsg:
		first := !m.sized
		m.width, m.height, m.sized = msg.Width, msg.Height, true
		m.layout()
		cmd := tea.Batch(m.detail.render(), m.syncPreview())
		if first {
			// The program draws the frame at this size before it
			// takes the next message: startMsg comes after it.
			cmd = tea.Batch(cmd, func() tea.Msg { return startMsg{} })
		}
		return m, cmd
	case startMsg:
		return m, m.start()
	case tea.BackgroundColorMsg:
		if m.fixedTheme() {
			return m, nil
		}
		*m.styles = *themeStyles(msg.IsDark(), m.opts.NoColor)
		m.styles.DateLayout = m.opts.DateLayout
		m.applyStyles()
		return m, tea.Batch(m.detail.render(), m.syncPreview())
	case eventsMsg:
		return m, m.loaded(msg)
	case storiesMsg:
		return m, m.grouped(msg)
	case preparedMsg:
		m.preparing = false
		return m, m.settle()
	case compactedMsg:
		m.compacted = true
		return m, m.settle()
	case renderedMsg:
		return m, m.rendered(msg)
	case noticeMsg:
		m.notice = string(msg)
		return m, nil
	case tea.MouseClickMsg, tea.MouseWheelMsg:
		return m, m.mouse(msg.(tea.MouseMsg))
	case openArticleMsg:
		if msg.article == nil {
			return m, nil
		}
		return m, m.openArticle(msg.article, m.state)
	case openStoryMsg:
		m.story.open(msg.story)
		m.state = stateStory
		return m, nil
	case backMsg:
		return m, m.goBack()
	case filterMsg:
		m.setFilter(msg.outlet)
		m.state = stateList
		return m, m.syncPreview()
	case searchQueryMsg:
		return m, m.runSearch(msg)
	case searchResultsMsg:
		var cmd tea.Cmd
		m.search, cmd = m.search.update(msg)
		return m, cmd
	case tea.KeyPressMsg:
		if key.Matches(msg, m.keys.ForceQuit) {
			return m, m.quit()
		}
		m.notice = ""
		if m.asking != nil {
			return m, m.answer(msg)
		}
		cmd := m.handleKey(msg)
		return m, tea.Batch(cmd, m.syncPreview())
	}
	return m, m.updatePane(msg)
}

// startMsg says that the first frame at the window's size has been
// drawn, and loading may begin.
type startMsg struct{}

// start returns a command that begins loading, if the options say how.
func (m *Model) start() tea.Cmd {
	if m.opts.Start == nil {
		return nil
	}
	return func() tea.Msg {
		m.opts.Start()
		return nil
	}
}

// loaded takes in a batch of load events and asks for the next.
func (m *Model) loaded(msg eventsMsg) tea.Cmd {
	if msg.Seen {
		m.progress = msg.Progress
		if m.loading && !msg.at.IsZero() {
			m.rate.observe(msg.at, msg.Progress.Done)
		}
	}
	m.problemCount += msg.Problems
	if msg.Problems != 0 && m.state == stateProblems {
		m.problems.setProblems(m.lib.Problems())
	}
	var cmds []tea.Cmd
	if msg.Added > 0 || msg.Removed > 0 {
		m.list.setArticles(m.lib.Articles(m.filter))
		m.search.setTotal(m.lib.Len())
		cmds = append(cmds, m.syncPreview())
		if m.state == stateOutlets {
			m.outlets.setOutlets(m.lib.Len(), m.lib.Outlets(), m.filter)
		}
		cmds = append(cmds, m.search.refresh())
		// Stories are grouped once the load is done: grouping while
		// it runs would take the cores the load needs, and group
		// again with every batch.
		if !m.loading {
			cmds = append(cmds, m.startGrouping())
		}
	}
	if msg.finished() && m.loading {
		m.loading = false
		cmds = append(cmds, m.startGrouping(), compact(m.lib))
		m.list.setEmpty("No articles.")
		if m.filter != "" {
			m.list.setEmpty("No articles from " + cleanLine(m.filter) + ".")
		}
	}
	if !msg.done {
		// Following a folder, events keep coming after the load.
		cmds = append(cmds, readEvents(m.lib, m.events))
	}
	return tea.Batch(cmds...)
}

// runSearch returns a command that searches the library as the search
// pane asked and hands it the results.
func (m *Model) runSearch(q searchQueryMsg) tea.Cmd {
	lib := m.lib
	return func() tea.Msg {
		return searchResultsMsg{seq: q.seq, query: q.query, results: lib.Search(q.query, maxResults)}
	}
}

// handleKey handles a key press in the pane that is showing.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if m.tooSmall() {
		if key.Matches(msg, k.Quit, k.QuitAll) {
			return m.quit()
		}
		return nil
	}
	if m.state == stateDetail && m.detail.typing() || m.state == stateOutlets && m.outlets.typing() {
		return m.updatePane(msg)
	}
	switch m.state {
	case stateSearch:
		return m.updatePane(msg)
	case stateHelp:
		switch {
		case key.Matches(msg, k.QuitAll):
			return m.quit()
		case key.Matches(msg, k.Help, k.Back, k.Quit):
			m.state = m.back
		}
		return nil
	}

	switch {
	case key.Matches(msg, k.QuitAll), m.state == stateList && key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Quit):
		// q goes back one level, as in newsboat.
		return m.goBack()
	case m.state == stateDetail && key.Matches(msg, k.NextArticle):
		return m.step(1)
	case m.state == stateDetail && key.Matches(msg, k.PrevArticle):
		return m.step(-1)
	case m.state == stateDetail && key.Matches(msg, k.NextUnread):
		return m.nextUnread()
	case (m.state == stateList || m.state == stateStory || m.state == stateDetail) && key.Matches(msg, k.MarkAllRead):
		return m.markAllRead()
	case key.Matches(msg, k.Help):
		m.back, m.state = m.state, stateHelp
		return nil
	case (m.state == stateDetail || m.state == stateOutlets) && key.Matches(msg, k.Find, k.Search):
		// In an article, / finds in it; among outlets it filters them.
		// The list's search is a step back.
		return m.updatePane(msg)
	case (m.state == stateList || m.state == stateDetail) && key.Matches(msg, k.Edit, k.Pager, k.Browser, k.Copy):
		return m.act(msg)
	case key.Matches(msg, k.Search):
		return m.openSearch()
	case key.Matches(msg, k.Problems) && m.state != stateProblems:
		m.problems.setProblems(m.lib.Problems())
		m.state = stateProblems
		return nil
	case key.Matches(msg, k.Outlets) && m.state != stateOutlets:
		m.outlets.clearFilter()
		m.outlets.setOutlets(m.lib.Len(), m.lib.Outlets(), m.filter)
		m.state = stateOutlets
		return nil
	}
	if cmd, ok := m.handleStateKey(msg); ok {
		return cmd
	}

	switch m.state {
	case stateList:
		switch {
		case key.Matches(msg, k.Open, k.Back):
			// The list's own, even when bound to a preview key too.
		case key.Matches(msg, k.Zoom):
			return m.toggleZoom()
		case m.split() && key.Matches(msg, k.PreviewDown):
			m.preview.scroll(3)
			return nil
		case m.split() && key.Matches(msg, k.PreviewUp):
			m.preview.scroll(-3)
			return nil
		}
	}
	return m.updatePane(msg)
}

// updatePane passes a message to the pane that is showing.
func (m *Model) updatePane(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch m.state {
	case stateList:
		m.list, cmd = m.list.update(msg)
		cmd = m.heard(cmd, m.list.take())
	case stateDetail:
		m.detail, cmd = m.detail.update(msg)
		cmd = m.heard(cmd, m.detail.take())
	case stateSearch:
		m.search, cmd = m.search.update(msg)
		cmd = m.heard(cmd, m.search.take())
	case stateOutlets:
		m.outlets, cmd = m.outlets.update(msg)
		cmd = m.heard(cmd, m.outlets.take())
	case stateProblems:
		m.problems, cmd = m.problems.update(msg)
		cmd = m.heard(cmd, m.problems.take())
	case stateStory:
		m.story, cmd = m.story.update(msg)
		cmd = m.heard(cmd, m.story.take())
	}
	return cmd
}

// openArticle shows an article, returning to from when the reader goes
// back.
func (m *Model) openArticle(a *feed.Article, from state) tea.Cmd {
	m.search.blur()
	m.back, m.state = from, stateDetail
	m.markOpened(a)
	return m.detail.open(a, m.marks.position(a.ID))
}

// keepPosition remembers where the reader is in the article on show.
func (m *Model) keepPosition() {
	if a := m.detail.shown(); a != nil {
		m.marks.setPosition(a.ID, m.detail.position())
	}
}

// goBack leaves the pane that is showing for the one it came from.
func (m *Model) goBack() tea.Cmd {
	switch m.state {
	case stateSearch, stateOutlets, stateProblems, stateStory:
		m.state = stateList
	case stateDetail:
		m.keepPosition()
		m.state = m.back
		if m.state == stateSearch {
			return m.search.focus()
		}
	}
	return nil
}

// openSearch shows the search pane with its query box ready for typing.
func (m *Model) openSearch() tea.Cmd {
	m.state = stateSearch
	return m.search.focus()
}

// setFilter shows only one outlet's articles in the list, or all of them
// for "".
func (m *Model) setFilter(outlet string) {
	m.savePlace()
	m.filter = outlet
	m.list = m.list.forOutlet(outlet, m.marks.place(placeKey(outlet)))
	m.sizeList(m.paneSize())
	m.list.setEmpty("Loading articles…")
	if !m.loading {
		m.list.setEmpty("No articles.")
	}
	m.list.setArticles(m.lib.Articles(outlet))
}

// applyStyles hands the current styles to the parts that copy them.
func (m *Model) applyStyles() {
	m.help.Styles = m.styles.Help
	m.search.restyle()
	m.bar.FullColor = m.styles.ProgressFull
	m.bar.EmptyColor = m.styles.ProgressEmpty
}

// layout sizes the panes to what the header and footer leave.
func (m *Model) layout() {
	m.help.SetWidth(m.width)
	w, h := m.paneSize()
	m.sizeList(w, h)
	m.detail.SetSize(w, h)
	m.search.SetSize(w, h)
	m.outlets.SetSize(w, h)
	m.problems.SetSize(w, h)
	m.story.SetSize(w, h)
}

// paneSize returns the room the header and footer leave for a pane.
func (m *Model) paneSize() (int, int) {
	h := m.height - lipgloss.Height(m.headerView()) - lipgloss.Height(m.footerView())
	return m.width, max(0, h)
}

// View draws the interface.
func (m *Model) View() tea.View {
	if m.tooSmall() {
		return m.view(m.tooSmallView())
	}
	var pane string
	switch m.state {
	case stateList:
		pane = m.list.View()
		if m.split() {
			pane = m.splitView()
		}
	case stateDetail:
		pane = m.detail.View()
	case stateSearch:
		pane = m.search.View()
	case stateOutlets:
		pane = m.outlets.View()
	case stateProblems:
		pane = m.problems.View()
	case stateStory:
		pane = m.story.View()
	case stateHelp:
		pane = m.helpView()
	}
	return m.view(fit(lipgloss.JoinVertical(lipgloss.Left, m.headerView(), pane, m.footerView()), m.width, m.height))
}

// view wraps a frame for the program.
func (m *Model) view(content string) tea.View {
	v := tea.NewView(content)
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "Broadsheet"
	return v
}

// headerView draws the name of the program and what is being read.
func (m *Model) headerView() string {
	title := m.styles.AppName.Render("Broadsheet")
	if m.opts.Title != "" {
		title += m.styles.AppTitle.Render(cleanLine(m.opts.Title))
	}
	return m.styles.Header.Render(truncate(title, m.width))
}

// footerView draws the status bar and the short help.
func (m *Model) footerView() string {
	keys := m.helpOf(m.state)
	if m.state == stateHelp {
		keys = paneHelp{short: []key.Binding{as(m.keys.Help, "close"), as(m.keys.Quit, "back"), m.keys.QuitAll}}
	}
	// The help may run a cell past its width when it adds its ellipsis.
	return m.statusView() + "\n" + truncate(m.help.View(keys), m.width)
}

// statusView draws the status bar: the article count, the outlet filter,
// problems met and, while loading, how far it has got.
func (m *Model) statusView() string {
	st := m.styles
	sep := st.Status.Render(" · ")
	parts := []string{st.Status.Render(m.list.summary())}
	if m.filter != "" {
		parts = append(parts, st.Filter.Render("outlet: "+cleanLine(m.filter)))
	}
	parts = append(parts, m.viewParts()...)
	if m.problemCount > 0 {
		parts = append(parts, st.Problems.Render(plural(m.problemCount, "problem"))+
			st.Status.Render(" ("+m.keys.Problems.Help().Key+")"))
	}
	left := strings.Join(parts, sep)
	if m.notice != "" {
		left = m.styles.Notice.Render(cleanLine(m.notice))
	}
	if m.asking != nil {
		left = m.styles.Notice.Render(m.asking.ask)
	}
	// Loading progress takes the room the rest leaves, losing parts
	// as the window narrows; with no room at all it gives way.
	var rights []string
	if m.loading {
		rights = m.loadingViews()
	}
	for _, right := range append(rights, "") {
		if gap := m.width - lipgloss.Width(left) - lipgloss.Width(right); gap >= 2 {
			return left + strings.Repeat(" ", gap) + right
		}
	}
	return truncate(left, m.width)
}

// loadingViews draws loading progress in ways from the fullest to the
// shortest, for the status bar to take the first that fits: until every
// file has been found a count of files read, then a bar; the rate of
// reading once it can be told, and the time left once the number of
// files is final.
func (m *Model) loadingViews() []string {
	p := m.progress
	st := m.styles.Loading
	// A second start lists the cached articles at once, then checks
	// the files.
	verb, read := "loading", " files read"
	if p.Checking {
		verb, read = "checking", " files checked"
	}
	rate, hasRate := m.rate.perSecond()
	left, hasLeft := m.rate.left(p)
	var ways []string
	if !p.Walked || p.Found == 0 {
		done := thousands(p.Done) + read
		if hasRate {
			ways = append(ways, st.Render(verb+"… "+done+" · "+humanRate(rate)))
		}
		return append(ways, st.Render(verb+"… "+done), st.Render(done))
	}
	count := thousands(p.Done) + "/" + thousands(p.Found)
	label := st.Render(verb + " " + count + " ")
	bar := func(w int) string {
		b := m.bar
		b.SetWidth(w)
		return b.ViewAs(float64(p.Done) / float64(p.Found))
	}
	eta := ""
	if hasLeft {
		eta = humanLeft(left)
	}
	switch {
	case hasRate && hasLeft:
		ways = append(ways,
			label+bar(16)+st.Render(" "+humanRate(rate)+" · "+eta),
			label+bar(8)+st.Render(" "+humanRate(rate)+" · "+eta),
			label+bar(8)+st.Render(" "+eta),
			st.Render(verb+" "+count+" · "+eta),
			st.Render(count+" · "+eta))
	case hasRate:
		ways = append(ways,
			label+bar(16)+st.Render(" "+humanRate(rate)),
			label+bar(8)+st.Render(" "+humanRate(rate)))
	}
	return append(ways, label+bar(16), label+bar(8), st.Render(verb+" "+count), st.Render(count))
}

// helpView draws every key of the pane help was opened from. The
// groups of keys are set side by side as far as the width allows, then
// in rows; in a small window the box loses its padding, then its
// border, before any key is cut.
func (m *Model) helpView() string {
	w, h := m.paneSize()
	groups := m.helpOf(m.back).FullHelp()
	full := m.help
	full.SetWidth(0)
	box := m.styles.HelpBox
	var out string
	for _, b := range []lipgloss.Style{box, box.Padding(0, 1), lipgloss.NewStyle().Align(lipgloss.Left)} {
		room := max(1, w-b.GetHorizontalFrameSize())
		out = b.Render(packHelp(full, groups, room))
		if ow, oh := lipgloss.Size(out); ow <= w && oh <= h {
			break
		}
	}
	return fit(lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, out), w, h)
}

// packHelp sets groups of keys side by side, as many as fit in width,
// and starts a new row of them when the next would not fit.
func packHelp(full help.Model, groups [][]key.Binding, width int) string {
	var rows []string
	var row [][]key.Binding
	for _, g := range groups {
		next := append(slices.Clone(row), g)
		if len(row) > 0 && lipgloss.Width(full.FullHelpView(next)) > width {
			rows = append(rows, full.FullHelpView(row))
			next = [][]key.Binding{g}
		}
		row = next
	}
	if len(row) > 0 {
		rows = append(rows, full.FullHelpView(row))
	}
	return strings.Join(rows, "\n\n")
}
