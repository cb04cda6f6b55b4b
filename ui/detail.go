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
}

// detail is the article pane: the article rendered with Glamour, in a
// viewport. Renderings are kept per width and style, so resizing back and
// forth or redrawing costs nothing.
type detail struct {
	styles *Styles
	keys   KeyMap

	article  *feed.Article
	md       string // the body as Markdown, made safe to draw
	rendered map[renderKey]string
	viewport viewport.Model

	width, height int
}

func newDetail(st *Styles, keys KeyMap) detail {
	vp := viewport.New()
	vp.MouseWheelEnabled = false // the pane handles the wheel with its keys
	return detail{styles: st, keys: keys, viewport: vp}
}

// SetSize sets the pane's size in cells. The article may then need
// rendering again: see render.
func (d *detail) SetSize(w, h int) {
	d.width, d.height = w, h
	d.viewport.SetWidth(w)
	d.viewport.SetHeight(max(0, h-1)) // the last line shows how far in we are
	d.show()
}

// open shows an article, returning the command that renders it.
func (d *detail) open(a *feed.Article) tea.Cmd {
	d.article = a
	d.md = clean(a.Body)
	d.rendered = make(map[renderKey]string)
	d.viewport.SetContent("")
	d.viewport.GotoTop()
	return d.render()
}

// key returns the rendering the pane needs at its size.
func (d *detail) key() renderKey {
	return renderKey{width: min(d.width, maxReadingWidth), style: d.styles.glamourStyle()}
}

// render returns a command rendering the article for the pane's size and
// background, or nil when that rendering is at hand.
func (d *detail) render() tea.Cmd {
	if d.article == nil || d.width <= 0 {
		return nil
	}
	k := d.key()
	if _, ok := d.rendered[k]; ok {
		d.show()
		return nil
	}
	id, md, header := d.article.ID, d.md, d.header(k.width)
	return func() tea.Msg {
		body, err := renderMarkdown(md, k.width, k.style)
		if err != nil {
			body = clean(md) // still readable, only unstyled
		}
		return renderedMsg{id: id, key: k, out: header + "\n" + strings.TrimRight(body, "\n") + "\n"}
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
// the viewport, centered.
func (d *detail) show() {
	out, ok := d.rendered[d.key()]
	if !ok {
		return
	}
	margin := strings.Repeat(" ", max(0, (d.width-d.key().width)/2))
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		lines[i] = truncate(margin+l, d.width)
	}
	y := d.viewport.YOffset()
	d.viewport.SetContentLines(lines)
	d.viewport.SetYOffset(y)
}

// update scrolls the article and takes in renderings.
func (d detail) update(msg tea.Msg) (detail, tea.Cmd) {
	switch msg := msg.(type) {
	case renderedMsg:
		if d.article != nil && msg.id == d.article.ID {
			d.rendered[msg.key] = msg.out
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
		switch {
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
		}
	}
	return d, nil
}

// View draws the article and, below it, how far in the reader is.
func (d detail) View() string {
	if d.height <= 0 {
		return ""
	}
	body := d.viewport.View()
	if _, ok := d.rendered[d.key()]; !ok {
		body = fit(d.styles.Empty.Render("  Rendering…"), d.width, d.height-1)
	}
	pos := fmt.Sprintf("%3.0f%%", d.viewport.ScrollPercent()*100)
	if d.viewport.TotalLineCount() <= d.viewport.Height() {
		pos = ""
	}
	status := lipgloss.PlaceHorizontal(d.width, lipgloss.Right, d.styles.Scroll.Render(pos))
	return fit(body+"\n"+status, d.width, d.height)
}
