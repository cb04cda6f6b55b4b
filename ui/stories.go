package ui

import (
	"charm.land/bubbles/v2/key"
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/library"
	"github.com/broadsheet/broadsheet/feed/story"
)

// storiesMsg carries every story, newest first, after the articles that
// arrived or went were grouped.
type storiesMsg struct {
	stories []*story.Story
}

// groupStories returns a command that groups the articles queued in
// the library since the last time into stories and reports them all.
// Grouping can take a while on a big folder, so it runs apart from
// loading: the list shows articles meanwhile, and changes coming in the
// while are grouped together next time.
func groupStories(lib *library.Library) tea.Cmd {
	return func() tea.Msg {
		sts := lib.Regroup()
		// Order stories as their newest articles are ordered, so that
		// stories of one article come just as they do one row an
		// article (by headline when undated, not by story ID).
		slices.SortStableFunc(sts, func(a, b *story.Story) int {
			switch {
			case feed.Less(a.Articles[0], b.Articles[0]):
				return -1
			case feed.Less(b.Articles[0], a.Articles[0]):
				return 1
			}
			return 0
		})
		return storiesMsg{stories: sts}
	}
}

// startGrouping groups queued articles unless grouping is under way, in
// which case they wait for it to finish.
func (m *Model) startGrouping() tea.Cmd {
	if m.grouping || !m.lib.StoriesDue() {
		return nil
	}
	m.grouping = true
	return groupStories(m.lib)
}

// grouped takes in new stories and groups what came meanwhile.
func (m *Model) grouped(msg storiesMsg) tea.Cmd {
	m.grouping = false
	m.list.setStories(msg.stories)
	m.story.refresh(msg.stories)
	prepare := prepareOnly(msg.stories)
	m.preparing = m.preparing || prepare != nil
	return tea.Batch(m.startGrouping(), prepare, m.settle())
}

// preparedMsg says that prepareOnly's work is done.
type preparedMsg struct{}

// settle returns a command that tells the library to settle (see
// library.Library.Settle) when the work of loading is done: the load,
// its grouping, and what is prepared from the stories.
func (m *Model) settle() tea.Cmd {
	if m.loading || !m.compacted || m.grouping || m.preparing {
		return nil
	}
	lib := m.lib
	return func() tea.Msg {
		lib.Settle()
		return nil
	}
}

// bigStory is the number of articles from which a story's own sentences
// are worked out in the background: a smaller story's take a
// millisecond or two when it is first drawn, a story of 2,000 near-copies'
// about 0.15 s (BenchmarkOnlyNearDuplicates).
const bigStory = 16

// prepareOnly returns a command that works out, off the update loop,
// what each article of the big stories alone reports, so that drawing
// them never waits for it. Stories keep what they worked out until they
// change.
func prepareOnly(sts []*story.Story) tea.Cmd {
	var big []*story.Story
	for _, st := range sts {
		if len(st.Articles) >= bigStory {
			big = append(big, st)
		}
	}
	if len(big) == 0 {
		return nil
	}
	return func() tea.Msg {
		for _, st := range big {
			st.Only("")
			library.ReadScattered(st.Articles)
		}
		return preparedMsg{}
	}
}

// storyPreview draws a story for the preview beside the list: its
// outlets side by side and what each article alone reports.
func (m *Model) storyPreview(st *story.Story, w, h int) string {
	p := newStoryPane(m.styles, m.keys, m.marks)
	p.preview = true
	p.width, p.height = w, h
	p.open(st)
	return p.View()
}

// storyPane shows one story: the outlets that ran it side by side, one
// row an article (outlet, headline, date, words), and under them the
// sentences that only the chosen article has, which is what its outlet
// adds to the others. The whole pane scrolls as one page, as an article
// does, with how far in the reader is on its last line.
type storyPane struct {
	outbox
	styles *Styles
	keys   KeyMap
	marks  *marks

	story  *story.Story
	cursor int // the chosen article
	top    int // the first line on screen
	// only keeps each article's own sentences laid out at one width, so
	// that moving the cursor or scrolling does not wrap them again.
	only *onlyLines
	// preview reports whether the pane stands beside the list, where
	// it has no cursor of its own.
	preview bool

	width, height int
}

// onlyLines holds the bullets of each article's own sentences, by
// article ID, for one story at one width.
type onlyLines struct {
	story *story.Story
	width int
	byID  map[string][]string
}

func newStoryPane(st *Styles, keys KeyMap, mk *marks) storyPane {
	return storyPane{styles: st, keys: keys, marks: mk, only: &onlyLines{}}
}

// SetSize sets the pane's size in cells.
func (p *storyPane) SetSize(w, h int) {
	p.width, p.height = w, h
	p.clampTop()
}

// storyChrome is the lines above the table: headline, what it is, a
// blank line and the column names.
const storyChrome = 4

// pageLines returns how many lines of the story fit on screen: all but
// the last, which shows how far in the reader is. The preview has no
// such line.
func (p storyPane) pageLines() int {
	if p.preview {
		return max(0, p.height)
	}
	return max(0, p.height-1)
}

// open shows a story from its top with the cursor on its first article.
func (p *storyPane) open(st *story.Story) {
	p.story = st
	p.cursor, p.top = 0, 0
}

// refresh shows the latest version of the story on show, keeping the
// cursor on its article: the one whose article it holds, since a story's
// ID changes when an earlier article joins it. A story that is gone
// stays on show as it was.
func (p *storyPane) refresh(sts []*story.Story) {
	if p.story == nil {
		return
	}
	cur := p.selected()
	for _, st := range sts {
		if st.ID != p.story.ID && (cur == nil || !holds(st, cur.ID)) {
			continue
		}
		p.story = st
		p.cursor = min(p.cursor, len(st.Articles)-1)
		for j, a := range st.Articles {
			if cur != nil && a.ID == cur.ID {
				p.cursor = j
			}
		}
		p.clampTop()
		return
	}
}

// holds reports whether a story has the article with the given ID.
func holds(st *story.Story, id string) bool {
	for _, a := range st.Articles {
		if a.ID == id {
			return true
		}
	}
	return false
}

// selected returns the article under the cursor, or nil.
func (p storyPane) selected() *feed.Article {
	if p.story == nil || p.cursor < 0 || p.cursor >= len(p.story.Articles) {
		return nil
	}
	return p.story.Articles[p.cursor]
}

// perPage returns how many rows of the table fit on one screen.
func (p storyPane) perPage() int { return max(1, p.pageLines()-storyChrome) }

// update moves the cursor and scrolls. Up and down move the cursor
// through the articles, bringing it into view, and past the first or
// last article scroll a line; the page keys, top and bottom and the
// wheel scroll the page. Opening an article asks the root to show it
// (openArticleMsg); leaving asks it to go back (backMsg).
func (p storyPane) update(msg tea.Msg) (storyPane, tea.Cmd) {
	if p.story == nil {
		return p, nil
	}
	page, n := max(1, p.pageLines()), len(p.story.Articles)
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			p.scrollBy(-3)
		case tea.MouseWheelDown:
			p.scrollBy(3)
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, p.keys.Open):
			if a := p.selected(); a != nil {
				p.say(openArticleMsg{article: a})
			}
		case key.Matches(msg, p.keys.Back):
			p.say(backMsg{})
		case key.Matches(msg, p.keys.Up) && p.cursor > 0:
			p.moveTo(p.cursor - 1)
		case key.Matches(msg, p.keys.Up):
			p.scrollBy(-1)
		case key.Matches(msg, p.keys.Down) && p.cursor < n-1:
			p.moveTo(p.cursor + 1)
		case key.Matches(msg, p.keys.Down):
			p.scrollBy(1)
		case key.Matches(msg, p.keys.Top):
			p.top = 0
		case key.Matches(msg, p.keys.Bottom):
			p.scrollBy(p.lineCount())
		case key.Matches(msg, p.keys.HalfPageDown):
			p.scrollBy(max(1, page/2))
		case key.Matches(msg, p.keys.HalfPageUp):
			p.scrollBy(-max(1, page/2))
		case key.Matches(msg, p.keys.PageDown):
			p.scrollBy(page)
		case key.Matches(msg, p.keys.PageUp):
			p.scrollBy(-page)
		}
	}
	return p, nil
}

// moveTo puts the cursor on article i and scrolls its row into view:
// the first article's with the story's headline above it.
func (p *storyPane) moveTo(i int) {
	if p.story == nil {
		return
	}
	p.cursor = max(0, min(i, len(p.story.Articles)-1))
	row := storyChrome + p.cursor
	switch {
	case p.cursor == 0:
		p.top = 0
	case row < p.top:
		p.top = row
	case row >= p.top+p.pageLines():
		p.top = row - p.pageLines() + 1
	}
	p.clampTop()
}

// scrollBy scrolls the page by n lines, down for n > 0.
func (p *storyPane) scrollBy(n int) {
	p.top += n
	p.clampTop()
}

// clampTop keeps the page from scrolling past the story's last line.
func (p *storyPane) clampTop() {
	p.top = max(0, min(p.top, p.lineCount()-p.pageLines()))
}

// lineCount returns how many lines the whole story takes.
func (p *storyPane) lineCount() int {
	if p.story == nil {
		return 0
	}
	_, n := p.layout(0, 0)
	return n
}

// click selects the article at line y of the pane, or asks the root to
// open it when it was already selected.
func (p *storyPane) click(y int) {
	if p.story == nil || y < 0 || y >= p.pageLines() {
		return
	}
	i := p.top + y - storyChrome
	if i < 0 || i >= len(p.story.Articles) {
		return
	}
	if i == p.cursor {
		p.say(openArticleMsg{article: p.selected()})
		return
	}
	p.moveTo(i)
}

// View draws the story from the line scrolled to and, below it, how far
// in the reader is.
func (p storyPane) View() string {
	if p.story == nil || p.height <= 0 {
		return fit("", p.width, p.height)
	}
	h := p.pageLines()
	shown, n := p.layout(p.top, p.top+h)
	top := max(0, min(p.top, n-h))
	if top != p.top {
		// The story got shorter since it was scrolled.
		shown, _ = p.layout(top, top+h)
	}
	body := fit(strings.Join(shown, "\n"), p.width, h)
	if p.preview {
		return body
	}
	pos := ""
	if n > h {
		pos = fmt.Sprintf("%3.0f%%", 100*float64(top)/float64(n-h))
	}
	status := p.styles.Scroll.Render(pos)
	status = strings.Repeat(" ", max(0, p.width-lipgloss.Width(status))) + status
	return fit(body+"\n"+status, p.width, p.height)
}

// page gathers the lines of the story from line lo up to hi, and counts
// them all: a line is only drawn when it is on screen, so that a story
// of thousands of articles scrolls as fast as one of three.
type page struct {
	lo, hi int
	shown  []string
	n      int
}

// line adds a line drawn already.
func (pg *page) line(s string) {
	if pg.n >= pg.lo && pg.n < pg.hi {
		pg.shown = append(pg.shown, s)
	}
	pg.n++
}

// draw adds a line that draw draws when it is on screen.
func (pg *page) draw(draw func() string) {
	if pg.n >= pg.lo && pg.n < pg.hi {
		pg.shown = append(pg.shown, draw())
	}
	pg.n++
}

// layout lays the story out and returns its lines lo to hi and how many
// there are: the headline, the table and what each article alone
// reports, the chosen one's first, then the others' in the table's
// order. They stand in the column articles are read in, centered. The
// preview counts only the lines it shows.
func (p *storyPane) layout(lo, hi int) ([]string, int) {
	st, s := p.styles, p.story
	col, margin := readingColumn(p.width)
	w := max(1, col-2)
	indent := strings.Repeat(" ", margin)
	pad := indent + "  "
	pg := &page{lo: lo, hi: hi}
	pg.draw(func() string { return pad + st.Headline.Render(truncate(cleanLine(clip(s.Title, w)), w)) })
	pg.draw(func() string {
		about := plural(len(s.Outlets), "outlet") + " · " + plural(len(s.Articles), "article")
		if d := st.storyDate(s); d != "" {
			about += " · " + d
		}
		return pad + st.Byline.Render(truncate(about, w))
	})
	pg.line("")
	p.table(pg, w, indent)

	sel := p.selected()
	if p.preview {
		sel = nil
	}
	order := make([]*feed.Article, 0, len(s.Articles))
	if sel != nil {
		order = append(order, sel)
	}
	for _, a := range s.Articles {
		if a != sel {
			order = append(order, a)
		}
	}
	for _, a := range order {
		if p.preview && pg.n >= hi {
			break
		}
		pg.line("")
		if a == sel {
			pg.draw(func() string {
				heading := "Only in this article (" + cleanLine(feed.OutletName(a)) + ")"
				return pad + st.Filter.Render(truncate(heading, w))
			})
		} else {
			pg.draw(func() string {
				heading := "Only in " + cleanLine(feed.OutletName(a))
				return pad + st.Meta.Bold(true).Render(truncate(heading, w))
			})
		}
		for _, l := range p.bullets(a, w) {
			pg.draw(func() string { return pad + l })
		}
	}
	return pg.shown, pg.n
}

// bullets returns an article's own sentences wrapped to width w, a
// bullet each, kept for the next time.
func (p *storyPane) bullets(a *feed.Article, w int) []string {
	c := p.only
	if c == nil {
		c = &onlyLines{}
		p.only = c
	}
	if c.story != p.story || c.width != w {
		*c = onlyLines{story: p.story, width: w, byID: make(map[string][]string)}
	}
	if out, ok := c.byID[a.ID]; ok {
		return out
	}
	st := p.styles
	only := p.story.Only(a.ID)
	var out []string
	if len(only) == 0 {
		out = append(out, st.Empty.Render(truncate("Nothing the others do not also report.", w)))
	}
	for _, sent := range only {
		wrapped := strings.Split(ansi.Wrap(cleanLine(sent), max(1, w-2), ""), "\n")
		for i, l := range wrapped {
			bullet := "  "
			if i == 0 {
				bullet = "• "
			}
			out = append(out, st.Lead.Render(bullet)+l)
		}
	}
	c.byID[a.ID] = out
	return out
}

// table adds the story's articles side by side, a row each: outlet,
// headline, date and length, with the cursor's row marked, set in by
// indent.
func (p *storyPane) table(pg *page, w int, indent string) {
	st := p.styles
	arts := p.story.Articles
	// The columns fit every article, or in the preview, which does not
	// scroll, those it shows.
	sized := arts
	if p.preview {
		sized = arts[:max(0, min(len(arts), pg.hi-pg.n-1))]
	}
	outletW, dateW := len("Outlet"), len("Date")
	for _, a := range sized {
		outletW = max(outletW, lipgloss.Width(cleanLine(feed.OutletName(a))))
		dateW = max(dateW, lipgloss.Width(st.date(a)))
	}
	// The mark column grows by a cell when an article is both unread
	// and starred, which shows both.
	markW := markWidth
	for _, a := range sized {
		if !p.marks.read(a.ID) && p.marks.starred(a.ID) {
			markW = markWidth + 1 // "●★ "
			break
		}
	}
	const wordsW = 6
	outletW = min(outletW, max(8, w/4))
	// The mark, the gaps and the fixed columns leave the rest to the
	// headline.
	titleW := w - markW - outletW - dateW - wordsW - 3*2
	if titleW < 8 {
		// Too narrow for every column: drop the length and the date.
		dateW, titleW = 0, w-markW-outletW-2
	}
	cell := func(s string, n int) string {
		s = truncate(cleanLine(clip(s, n)), n)
		return s + strings.Repeat(" ", max(0, n-lipgloss.Width(s)))
	}
	row := func(outlet, title, date, words string) string {
		out := cell(outlet, outletW) + "  " + cell(title, max(1, titleW))
		if dateW > 0 {
			out += "  " + cell(date, dateW) + "  " + fmt.Sprintf("%*s", wordsW, words)
		}
		return out
	}
	pg.draw(func() string {
		return indent + st.Unselected.String() + strings.Repeat(" ", markW) + st.Meta.Bold(true).Render(truncate(row("Outlet", "Headline", "Date", "Words"), w-markW))
	})
	for i, a := range arts {
		if pg.n < pg.lo || pg.n >= pg.hi {
			pg.n++
			continue
		}
		bar, text := st.Unselected, st.Title
		if i == p.cursor && !p.preview {
			bar, text = st.Selected, st.SelectedTitle
		} else if !p.marks.read(a.ID) {
			text = st.UnreadTitle
		}
		mark := st.mark(!p.marks.read(a.ID), p.marks.starred(a.ID))
		mark += strings.Repeat(" ", max(0, markW-lipgloss.Width(mark)))
		date := st.date(a)
		if date == "" {
			date = "—"
		}
		pg.line(indent + bar.String() + mark + text.Render(truncate(row(feed.OutletName(a), a.Title, date, thousands(a.Words)), w-markW)))
	}
}

// selectArticle puts the cursor on one of the story's articles.
func (p *storyPane) selectArticle(id string) {
	if p.story == nil {
		return
	}
	for i, a := range p.story.Articles {
		if a.ID == id {
			p.moveTo(i)
		}
	}
}
