package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/broadsheet/broadsheet/feed"
)

// maxReadingWidth caps the article's width: long lines are hard to read,
// so on a wide terminal the text sits in a centered column.
const maxReadingWidth = 88

// readingColumn returns the width of the column text is set in on a pane
// w cells wide, at most maxReadingWidth, and the margin left of it that
// centers it.
func readingColumn(w int) (width, margin int) {
	width = min(w, maxReadingWidth)
	return width, max(0, (w-width)/2)
}

// renderKey names one rendering of an article: Glamour output depends on
// the width and the background.
type renderKey struct {
	width int
	style string
}

// renderedMsg carries an article rendered by renderArticle.
type renderedMsg struct {
	id  string
	key renderKey
	out string
	// preview reports whether the preview beside the list asked for it.
	preview bool
}

// detail is the article pane: the article rendered with Glamour, in a
// viewport. The same pane, narrower, is the preview beside the list.
// Renderings are kept in a cache shared by both, per article, width and
// style, so resizing back and forth or reopening costs nothing.
type detail struct {
	outbox
	styles *Styles
	keys   KeyMap
	cache  *renderCache
	// preview reports whether this is the preview beside the list.
	preview bool

	article *feed.Article
	md      string   // the body as Markdown, made safe to draw
	lines   []string // the rendering shown, laid out for the pane
	// restore is the line to scroll to when the rendering arrives, or
	// -1.
	restore  int
	viewport viewport.Model
	find     finder

	width, height int
}

func newDetail(st *Styles, keys KeyMap, cache *renderCache) detail {
	vp := viewport.New()
	vp.MouseWheelEnabled = false // the pane handles the wheel with its keys
	return detail{styles: st, keys: keys, cache: cache, viewport: vp, restore: -1, find: newFinder(st)}
}

// SetSize sets the pane's size in cells. The article may then need
// rendering again: see render.
func (d *detail) SetSize(w, h int) {
	d.width, d.height = w, h
	d.viewport.SetWidth(w)
	d.viewport.SetHeight(max(0, h-1)) // the last line shows how far in we are
	d.find.input.SetWidth(max(1, w-12))
	d.show()
}

// open shows an article from line pos of its rendering, returning the
// command that renders it.
func (d *detail) open(a *feed.Article, pos int) tea.Cmd {
	d.article = a
	d.md = clean(a.Body)
	d.restore = pos
	d.find.reset()
	if !d.preview {
		// The preview keeps the article it showed until the next is
		// rendered, rather than blink "Rendering…" at each move.
		d.lines = nil
		d.viewport.SetContent("")
		d.viewport.GotoTop()
	}
	return d.render()
}

// close empties the pane.
func (d *detail) close() {
	d.article, d.md, d.lines = nil, "", nil
	d.find.reset()
	d.viewport.SetContent("")
}

// position returns the first line on screen, to reopen the article
// where the reader left it.
func (d *detail) position() int {
	if d.restore >= 0 {
		// Not drawn yet: where it was to open.
		return d.restore
	}
	return d.viewport.YOffset()
}

// key returns the rendering the pane needs at its size.
func (d *detail) key() renderKey {
	w, _ := readingColumn(d.width)
	return renderKey{width: w, style: d.styles.glamourStyle()}
}

// ready reports whether the article is rendered for the pane's size.
func (d *detail) ready() bool {
	if d.article == nil {
		return false
	}
	_, ok := d.cache.get(d.article.ID, d.key())
	return ok
}

// render returns a command rendering the article for the pane's size and
// background, or nil when that rendering is at hand.
func (d *detail) render() tea.Cmd {
	if d.article == nil || d.width <= 0 {
		return nil
	}
	k := d.key()
	if d.ready() {
		d.show()
		return nil
	}
	id, md, header, preview := d.article.ID, d.md, d.header(k.width), d.preview
	return func() tea.Msg {
		body, err := renderMarkdown(md, k.width, k.style)
		if err != nil {
			body = clean(md) // still readable, only unstyled
		}
		return renderedMsg{id: id, key: k, out: header + "\n" + strings.TrimRight(body, "\n") + "\n", preview: preview}
	}
}

// header draws the title and the line of outlet, date and byline, set in
// from the edge as far as Glamour sets the body.
func (d *detail) header(width int) string {
	margin := 0
	if m := glamourStyles(d.styles.glamourStyle()).Document.Margin; m != nil {
		margin = int(*m)
	}
	w := max(1, width-2*margin)
	box := lipgloss.NewStyle().Width(w).MarginLeft(margin)
	title := box.Render(d.styles.Headline.Render(strings.TrimSpace(cleanLine(d.article.Title))))
	meta := box.Render(d.styles.Byline.Render(strings.Join(metaParts(d.article, d.styles.date(d.article)), " · ")))
	rule := lipgloss.NewStyle().MarginLeft(margin).Render(d.styles.Rule.Render(strings.Repeat("─", w)))
	return title + "\n" + meta + "\n" + rule
}

// show puts the rendering for the pane's size, when there is one, into
// the viewport, centered, with what find found marked.
func (d *detail) show() {
	if d.article == nil {
		return
	}
	out, ok := d.cache.get(d.article.ID, d.key())
	if !ok {
		return
	}
	_, n := readingColumn(d.width)
	margin := strings.Repeat(" ", n)
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		lines[i] = truncate(margin+l, d.width)
	}
	d.lines = lines
	d.find.search(lines)
	y := d.viewport.YOffset()
	if d.restore >= 0 {
		y, d.restore = d.restore, -1
	}
	d.viewport.SetContentLines(d.find.mark(lines))
	d.viewport.SetYOffset(y)
}

// typing reports whether a find's query is being typed, so that every
// key goes to it.
func (d detail) typing() bool { return d.find.typing() }

// scroll moves the article by n lines, down for n > 0.
func (d *detail) scroll(n int) {
	if n > 0 {
		d.viewport.ScrollDown(n)
	} else {
		d.viewport.ScrollUp(-n)
	}
}

// update scrolls the article and takes in renderings. Back drops a find
// in force, or else asks the root to go back (backMsg).
func (d detail) update(msg tea.Msg) (detail, tea.Cmd) {
	switch msg := msg.(type) {
	case renderedMsg:
		if d.article != nil && msg.id == d.article.ID && msg.key == d.key() {
			d.show()
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			d.viewport.ScrollUp(3)
		case tea.MouseWheelDown:
			d.viewport.ScrollDown(3)
		}
	case tea.KeyPressMsg:
		if d.find.typing() {
			return d.updateFind(msg)
		}
		switch {
		case key.Matches(msg, d.keys.Back) && d.finding():
			d.clearFind()
		case key.Matches(msg, d.keys.Back):
			d.say(backMsg{})
		case key.Matches(msg, d.keys.Up):
			d.viewport.ScrollUp(1)
		case key.Matches(msg, d.keys.Down):
			d.viewport.ScrollDown(1)
		case key.Matches(msg, d.keys.Top):
			d.viewport.GotoTop()
		case key.Matches(msg, d.keys.Bottom):
			d.viewport.GotoBottom()
		case key.Matches(msg, d.keys.HalfPageDown):
			d.viewport.HalfPageDown()
		case key.Matches(msg, d.keys.HalfPageUp):
			d.viewport.HalfPageUp()
		case key.Matches(msg, d.keys.PageDown):
			d.viewport.PageDown()
		case key.Matches(msg, d.keys.PageUp):
			d.viewport.PageUp()
		case key.Matches(msg, d.keys.Find):
			return d, d.find.start()
		case key.Matches(msg, d.keys.NextMatch):
			d.jump(1)
		case key.Matches(msg, d.keys.PrevMatch):
			d.jump(-1)
		}
	default:
		if d.find.typing() {
			var cmd tea.Cmd
			d.find.input, cmd = d.find.input.Update(msg)
			return d, cmd
		}
	}
	return d, nil
}

// View draws the article and, below it, how far in the reader is, or
// the find box while a search is typed.
func (d detail) View() string {
	if d.height <= 0 {
		return ""
	}
	body := d.viewport.View()
	if !d.ready() && (!d.preview || d.lines == nil) {
		body = fit(d.styles.Empty.Render("  Rendering…"), d.width, d.height-1)
	}
	pos := fmt.Sprintf("%3.0f%%", d.viewport.ScrollPercent()*100)
	if d.viewport.TotalLineCount() <= d.viewport.Height() {
		pos = ""
	}
	left := d.find.status()
	right := d.styles.Scroll.Render(pos)
	gap := d.width - lipgloss.Width(left) - lipgloss.Width(right)
	status := truncate(left, d.width)
	if gap >= 1 {
		status = left + strings.Repeat(" ", gap) + right
	}
	return fit(body+"\n"+status, d.width, d.height)
}

// shown returns the article the pane shows, or nil.
func (d detail) shown() *feed.Article { return d.article }
