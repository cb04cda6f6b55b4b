package ui

import (
	"charm.land/bubbles/v2/key"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/story"
)

// row is one row of the list: a story of several articles, or an
// article, on its own or under its expanded story.
type row struct {
	// story is the story of a story row, nil for an article row.
	story *story.Story
	// art is the article of an article row; for a story row, the
	// article whose headline heads the story.
	art *feed.Article
	// shown counts a story row's articles in the view.
	shown int
	// under reports whether an article row sits under its story.
	under bool
}

// storyList is the list pane: one row a story, newest first, or one an
// article. A story row expands in place into its articles. Rows are
// built when articles or stories arrive, or the view changes, never as
// the cursor moves; only the rows on screen are drawn.
type storyList struct {
	outbox
	styles *Styles
	keys   KeyMap
	marks  *marks

	// arts are the articles of the view's outlet, newest first.
	arts []*feed.Article
	// stories are every story, newest first; grouped reports whether
	// they have been made at all. Until then stories show as articles.
	stories []*story.Story
	grouped bool

	view view
	// stay holds the articles read while the view shows unread ones
	// only: they stay, shown as read, until the view changes.
	stay map[string]bool
	// gen counts the times the rows were made, for count.
	gen       int
	count     *unreadCount
	byArticle bool
	expanded  map[string]bool // story IDs
	rows      []row
	articles  int // articles in the rows, expanded or not
	storyRows int // rows that are not under a story
	scroll    scroller
	// moved reports whether the reader has moved the cursor. Until then
	// the cursor stays on the first row as newer articles arrive; after,
	// it follows its row.
	moved bool
	// place is the ID of an article to put the cursor on when it
	// arrives, the place kept from the last run, or "".
	place string
	// empty is shown when there are no rows.
	empty string

	width, height int
}

func newStoryList(st *Styles, keys KeyMap, mk *marks) storyList {
	return storyList{
		styles: st, keys: keys, marks: mk,
		expanded: make(map[string]bool),
		stay:     make(map[string]bool),
		count:    &unreadCount{rows: -1},
		scroll:   scroller{lines: 2, spacing: rowSpacing},
	}
}

// SetSize sets the pane's size in cells.
func (l *storyList) SetSize(w, h int) {
	l.width, l.height = w, h
	l.scroll.setHeight(h)
}

// forOutlet returns an empty list of one outlet's articles, or all for
// "", shown as this one shows them, that puts its cursor on the article
// place when it arrives.
func (l storyList) forOutlet(outlet, place string) storyList {
	n := newStoryList(l.styles, l.keys, l.marks)
	n.stories, n.grouped = l.stories, l.grouped
	n.byArticle, n.expanded = l.byArticle, l.expanded
	n.view = l.view
	n.view.outlet = outlet
	n.place = place
	n.rebuild()
	return n
}

// setArticles replaces the articles, which are the view outlet's, newest
// first.
func (l *storyList) setArticles(arts []*feed.Article) {
	l.arts = arts
	if l.byArticle || !l.grouped {
		l.rebuild()
	}
}

// setStories replaces the stories.
func (l *storyList) setStories(sts []*story.Story) {
	l.stories, l.grouped = sts, true
	if !l.byArticle {
		l.rebuild()
	}
}

// setView changes which articles are shown.
func (l *storyList) setView(v view) {
	l.view = v
	clear(l.stay)
	l.rebuild()
}

// keeps reports whether the list shows an article: the view does, or
// it was read while the list showed unread articles only.
func (l storyList) keeps(a *feed.Article) bool {
	if l.view.keeps(a, l.marks) {
		return true
	}
	all := l.view
	all.unread = false
	return l.stay[a.ID] && all.keeps(a, l.marks)
}

// read notes that an article was read, so that a list of unread
// articles only keeps showing it until the view changes.
func (l *storyList) read(id string) {
	if l.view.unread {
		l.stay[id] = true
	}
}

// sequence returns the articles the list shows, in its order: a folded
// story's in its place, an unfolded story's as its rows.
func (l storyList) sequence() []*feed.Article {
	var out []*feed.Article
	for _, r := range l.rows {
		switch {
		case r.story == nil:
			out = append(out, r.art)
		case l.expanded[r.story.ID]:
			// Its articles follow as rows of their own.
		default:
			for _, a := range r.story.Articles {
				if l.keeps(a) {
					out = append(out, a)
				}
			}
		}
	}
	return out
}

// selectArticle puts the cursor on an article's row, or on the row of
// the story that holds it.
func (l *storyList) selectArticle(id string) {
	if i := l.find(id, true); i >= 0 {
		l.scroll.moveTo(i)
		l.moved = true
	}
}

// setByArticle shows one row an article, or one a story.
func (l *storyList) setByArticle(on bool) {
	l.byArticle = on
	l.rebuild()
}

// setEmpty sets what the list says when it has no rows.
func (l *storyList) setEmpty(s string) { l.empty = s }

// setPlace puts the cursor on the article place when it arrives.
func (l *storyList) setPlace(place string) { l.place = place }

// cursorMoved reports whether the reader has moved the cursor.
func (l storyList) cursorMoved() bool { return l.moved }

// currentView returns which articles the list shows.
func (l storyList) currentView() view { return l.view }

// oneRowPerArticle reports whether the list shows a row an article
// rather than one a story.
func (l storyList) oneRowPerArticle() bool { return l.byArticle }

// summary counts what is listed, and how much of it is unread, for the
// status bar.
func (l storyList) summary() string {
	n := thousands(l.unread()) + " unread of " + plural(l.articles, "article")
	if l.byArticle || !l.grouped {
		return n
	}
	noun := "stories"
	if l.storyRows == 1 {
		noun = "story"
	}
	return thousands(l.storyRows) + " " + noun + " · " + n
}

// unreadCount caches the count of unread articles listed, which
// changes only when the rows or the marks do.
type unreadCount struct {
	rows, marks, n int
}

// unread counts the unread articles listed.
func (l storyList) unread() int {
	c := l.count
	if c.rows == l.gen && c.marks == l.marks.gen {
		return c.n
	}
	c.rows, c.marks, c.n = l.gen, l.marks.gen, 0
	for _, a := range l.sequence() {
		if !l.marks.read(a.ID) {
			c.n++
		}
	}
	return c.n
}

// selected returns the article of the row under the cursor (for a story,
// its headline's), or nil.
func (l storyList) selected() *feed.Article {
	if r, ok := l.current(); ok {
		return r.art
	}
	return nil
}

// selectedStory returns the story of the row under the cursor when it is
// a story of several articles, or nil.
func (l storyList) selectedStory() *story.Story {
	if r, ok := l.current(); ok {
		return r.story
	}
	return nil
}

func (l storyList) current() (row, bool) {
	if l.scroll.cursor < 0 || l.scroll.cursor >= len(l.rows) {
		return row{}, false
	}
	return l.rows[l.scroll.cursor], true
}

// rebuild makes the rows again from the articles or stories, keeping the
// cursor on the row it was on and that row where it was on screen.
func (l *storyList) rebuild() {
	prev, had := l.current()
	l.gen++
	l.articles = 0
	if l.byArticle || !l.grouped {
		l.rows = make([]row, 0, len(l.arts))
		for _, a := range l.arts {
			if l.keeps(a) {
				l.rows = append(l.rows, row{art: a})
			}
		}
		l.articles = len(l.rows)
	} else {
		l.rows = make([]row, 0, len(l.stories))
		for _, st := range l.stories {
			l.rows = l.appendStory(l.rows, st)
		}
	}
	l.storyRows = 0
	for _, r := range l.rows {
		if !r.under {
			l.storyRows++
		}
	}
	switch {
	case l.place != "" && !l.moved:
		if i := l.find(l.place, false); i >= 0 {
			l.place, l.moved = "", true
			l.scroll.setLen(len(l.rows))
			l.scroll.moveTo(i)
			// Show the kept place in the middle of the screen, with
			// what comes before it in sight.
			l.scroll.offset = max(0, i-l.scroll.perPage()/2)
			l.scroll.clamp()
			return
		}
	case had && l.moved:
		l.scroll.follow(len(l.rows), l.find(prev.art.ID, prev.under))
		return
	}
	l.scroll.setLen(len(l.rows))
}

// appendStory appends a story's rows: a story row, and its articles when
// it is expanded, or an article row for a story of one. Only the
// articles the view shows count; a story with none is left out.
func (l *storyList) appendStory(rows []row, st *story.Story) []row {
	var shown []*feed.Article
	for _, a := range st.Articles {
		if l.keeps(a) {
			shown = append(shown, a)
		}
	}
	if len(shown) == 0 {
		return rows
	}
	l.articles += len(shown)
	if len(st.Articles) == 1 {
		return append(rows, row{art: shown[0]})
	}
	rows = append(rows, row{story: st, art: headArticle(st, shown), shown: len(shown)})
	if l.expanded[st.ID] {
		for _, a := range shown {
			rows = append(rows, row{art: a, under: true})
		}
	}
	return rows
}

// headArticle returns the article whose headline heads a story, or the
// newest shown when that one is not.
func headArticle(st *story.Story, shown []*feed.Article) *feed.Article {
	for _, a := range shown {
		if a.Title == st.Title {
			return a
		}
	}
	return shown[0]
}

// find returns the row of an article: the row of the article itself
// when under is set and it has one, else the row holding it, or -1.
func (l storyList) find(id string, under bool) int {
	holder := -1
	for i, r := range l.rows {
		switch {
		case r.story == nil && r.art.ID == id && (under || !r.under):
			return i
		case r.story != nil && holder < 0 && slices.ContainsFunc(r.story.Articles, func(a *feed.Article) bool { return a.ID == id }):
			holder = i
			if !under {
				return i
			}
		}
	}
	return holder
}

// toggleExpand shows or hides the articles of the story under the
// cursor, in place. On an article under a story it folds that story.
func (l *storyList) toggleExpand() {
	i := l.scroll.cursor
	if i < 0 || i >= len(l.rows) {
		return
	}
	for l.rows[i].under && i > 0 {
		i--
	}
	r := l.rows[i]
	if r.story == nil {
		return
	}
	l.moved = true
	n := 0
	for j := i + 1; j < len(l.rows) && l.rows[j].under; j++ {
		n++
	}
	if l.expanded[r.story.ID] {
		delete(l.expanded, r.story.ID)
		l.rows = slices.Delete(l.rows, i+1, i+1+n)
		l.scroll.setLen(len(l.rows))
		l.scroll.moveTo(i)
		return
	}
	l.expanded[r.story.ID] = true
	var under []row
	for _, a := range r.story.Articles {
		if l.keeps(a) {
			under = append(under, row{art: a, under: true})
		}
	}
	l.rows = slices.Insert(l.rows, i+1, under...)
	l.scroll.setLen(len(l.rows))
	// Bring the story's articles into sight, the story row first.
	l.scroll.moveTo(min(i+len(under), len(l.rows)-1))
	l.scroll.moveTo(i)
}

// update moves the cursor. Opening a row asks the root to show it
// (openStoryMsg, openArticleMsg); going back from an outlet's list asks
// for every outlet's (filterMsg). The other keys are the root's
// business.
func (l storyList) update(msg tea.Msg) (storyList, tea.Cmd) {
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(msg, l.keys.Open):
			l.open()
			return l, nil
		case key.Matches(msg, l.keys.Back):
			if l.view.outlet != "" {
				l.say(filterMsg{outlet: ""})
			}
			return l, nil
		}
	}
	if l.scroll.update(msg, l.keys) {
		// The reader has gone elsewhere: a kept place arriving late
		// must not pull the cursor back.
		l.moved, l.place = true, ""
	}
	return l, nil
}

// open asks the root to show the selected row: the story pane for a
// story of several articles, the article pane for an article.
func (l *storyList) open() {
	// Come back to this row even if newer articles arrive meanwhile.
	l.moved = true
	if st := l.selectedStory(); st != nil {
		l.say(openStoryMsg{story: st})
		return
	}
	if a := l.selected(); a != nil {
		l.say(openArticleMsg{article: a})
	}
}

// click selects the row at line y of the pane, or asks the root to open
// it when it was already selected, and reports whether the selection
// moved.
func (l *storyList) click(y int) bool {
	i, ok := l.scroll.at(y)
	if !ok {
		return false
	}
	if i == l.scroll.cursor {
		l.open()
		return false
	}
	l.scroll.moveTo(i)
	l.moved = true
	return true
}

// View draws the visible rows.
func (l storyList) View() string {
	if len(l.rows) == 0 {
		return fit(l.styles.Empty.Render(wrap(l.emptyText(), l.width)), l.width, l.height)
	}
	return l.scroll.draw(l.width, l.height, func(i int, selected bool) []string {
		return l.drawRow(l.rows[i], selected)
	})
}

// emptyText says why the list is empty and which key brings articles
// back.
func (l storyList) emptyText() string {
	if len(l.arts) == 0 && l.view.outlet == "" {
		return l.empty // loading, or no articles at all
	}
	from := ""
	if l.view.outlet != "" {
		from = " from " + cleanLine(l.view.outlet)
	}
	switch {
	case l.view.starred:
		return "No starred articles" + from + " — " + l.keys.StarredOnly.Help().Key + " shows all."
	case l.view.unread:
		return "Nothing unread" + from + " — " + l.keys.UnreadOnly.Help().Key + " shows all."
	case l.view.outlet != "":
		return "No articles" + from + " — " + l.keys.Back.Help().Key + " shows every outlet."
	}
	return l.empty
}

// drawRow draws a row as two lines: the headline, then a mark (unread
// ●, starred ★, or both) and what it is: a story's outlets and date, an
// article's outlet, date and lead.
func (l storyList) drawRow(r row, selected bool) []string {
	st := l.styles
	bar, title, meta := st.Unselected, st.Title, st.Meta
	if selected {
		bar, title, meta = st.Selected, st.SelectedTitle, st.SelectedMeta
	}
	indent := ""
	if r.under {
		indent = "  "
	}
	lead := bar.String() + indent
	w := l.width - lipgloss.Width(lead)
	if w <= markWidth {
		return []string{truncate(lead, l.width), truncate(lead, l.width)}
	}

	var unread, starred bool
	var headline, info, text string
	if r.story != nil {
		for _, a := range r.story.Articles {
			if l.keeps(a) {
				unread = unread || !l.marks.read(a.ID)
				starred = starred || l.marks.starred(a.ID)
			}
		}
		headline = r.story.Title
		arrow := "▸ "
		if l.expanded[r.story.ID] {
			arrow = "▾ "
		}
		info = arrow + plural(len(r.story.Outlets), "outlet")
		if d := st.storyDate(r.story); d != "" {
			info += " · " + d
		}
		if r.shown < len(r.story.Articles) {
			info += " · " + thousands(r.shown) + " of " + plural(len(r.story.Articles), "article")
		}
		text = strings.Join(r.story.Outlets, ", ")
	} else {
		a := r.art
		unread, starred = !l.marks.read(a.ID), l.marks.starred(a.ID)
		headline = a.Title
		date := st.date(a)
		if date == "" {
			date = "—"
		}
		info = feed.OutletName(a) + " · " + date
		text = a.Lead
	}
	if unread && !selected {
		title = st.UnreadTitle
	}
	// The mark leads the second line, so that the headline has the
	// whole width.
	mark := st.mark(unread, starred)
	first := lead + title.Render(truncate(strings.TrimSpace(cleanLine(clip(headline, w))), w))
	iw := w - lipgloss.Width(mark)
	info = truncate(cleanLine(clip(info, iw)), iw)
	second := lead + mark + meta.Render(info)
	const sep = " · "
	if room := iw - lipgloss.Width(info) - len(sep); room > 1 && text != "" {
		second += meta.Render(sep) + st.Lead.Render(truncate(cleanLine(clip(text, room)), room))
	}
	return []string{first, second}
}

// markWidth is the cells of the mark before a headline.
const markWidth = 2

// mark draws what an article or a story is to the reader: ● when unread,
// ★ when starred, both side by side when it is both, so that a star never
// hides what is left to read. It is followed by a space, or is "" when
// there is nothing to mark.
func (s *Styles) mark(unread, starred bool) string {
	var m string
	if unread {
		m += s.Unread.Render("●")
	}
	if starred {
		m += s.Star.Render("★")
	}
	if m == "" {
		return ""
	}
	return m + " "
}

// storyDate formats a story's date, its newest article's, or returns ""
// when none is dated.
func (s *Styles) storyDate(st *story.Story) string {
	if st.Date.IsZero() {
		return ""
	}
	return s.date(&feed.Article{Date: st.Date})
}
