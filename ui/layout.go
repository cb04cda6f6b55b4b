package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// The window sizes the layout changes at.
const (
	// minWidth and minHeight are the smallest window Broadsheet draws
	// in; below it says so instead.
	minWidth, minHeight = 40, 10
	// splitWidth is the narrowest window that shows the list and a
	// preview of the selected article side by side.
	splitWidth = 100
)

// zoom is which of the list and the preview has the whole window, in a
// window wide enough for both.
type zoom int

const (
	zoomNone zoom = iota
	zoomList
	zoomPreview
)

// maxCached bounds the renderings kept: enough for a reader paging
// through the list and back, without holding a rendering of every
// article.
const maxCached = 128

// cacheKey names one rendering of one article.
type cacheKey struct {
	id string
	renderKey
}

// renderCache keeps rendered articles, shared by the article pane and
// the preview. Only the root's Update touches it, so it needs no lock.
type renderCache struct {
	m map[cacheKey]string
}

func newRenderCache() *renderCache { return &renderCache{m: make(map[cacheKey]string)} }

func (c *renderCache) get(id string, k renderKey) (string, bool) {
	out, ok := c.m[cacheKey{id, k}]
	return out, ok
}

// put keeps a rendering, dropping an arbitrary one when full.
func (c *renderCache) put(id string, k renderKey, out string) {
	if len(c.m) >= maxCached {
		for k := range c.m {
			delete(c.m, k)
			break
		}
	}
	c.m[cacheKey{id, k}] = out
}

// tooSmall reports whether the window is below the smallest Broadsheet
// draws in.
func (m *Model) tooSmall() bool { return m.width < minWidth || m.height < minHeight }

// tooSmallView says the window is too small, centered.
func (m *Model) tooSmallView() string {
	msg := fmt.Sprintf("Broadsheet needs at least %d×%d — this window is %d×%d", minWidth, minHeight, m.width, m.height)
	box := m.styles.TooSmall.Width(max(1, min(m.width, 32))).Align(lipgloss.Center).Render(msg)
	return fit(lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, box), m.width, m.height)
}

// split reports whether the list shows with a preview beside it.
func (m *Model) split() bool {
	return m.width >= splitWidth && m.state == stateList && !m.tooSmall()
}

// listWidth returns the list's width when it shares the window with the
// preview: half of it, the odd cell to the list, so that headlines are
// read whole.
func (m *Model) listWidth() int {
	if m.zoom == zoomList {
		return m.width
	}
	return (m.width + 1) / 2
}

// divider is what stands between the list and the preview.
func (m *Model) divider(h int) string {
	line := strings.Repeat(" │ \n", max(0, h-1)) + " │ "
	return m.styles.Divider.Render(line)
}

// previewWidth returns the preview's width beside the list.
func (m *Model) previewWidth() int {
	switch m.zoom {
	case zoomPreview:
		return m.width
	case zoomList:
		return 0
	}
	return max(0, m.width-m.listWidth()-lipgloss.Width(m.divider(1)))
}

// toggleZoom gives the whole window to the list, then to the preview,
// then shares it again, as lazygit's screen modes do.
func (m *Model) toggleZoom() tea.Cmd {
	if m.width < splitWidth {
		m.notice = fmt.Sprintf("Zoom needs a window of %d columns, beside the preview.", splitWidth)
		return nil
	}
	m.zoom = (m.zoom + 1) % 3
	m.layout()
	return m.syncPreview()
}

// sizePanes sizes the list and the preview for the window: side by side
// when it is wide enough, the list alone otherwise.
func (m *Model) sizeList(w, h int) {
	if m.width >= splitWidth {
		m.list.SetSize(m.listWidth(), h)
		m.preview.SetSize(m.previewWidth(), h)
		return
	}
	m.list.SetSize(w, h)
}

// splitView draws the list and the preview side by side.
func (m *Model) splitView() string {
	_, h := m.paneSize()
	if m.zoom == zoomList {
		return m.list.View()
	}
	right := m.preview.View()
	if st := m.list.selectedStory(); st != nil {
		right = m.storyPreview(st, m.previewWidth(), h)
	}
	if m.zoom == zoomPreview {
		return right
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, m.list.View(), m.divider(h), right)
}

// syncPreview shows the selected article in the preview, returning the
// command that renders it. One rendering at a time is under way: while
// one is, the selection may move on freely, and the preview catches up
// when it arrives (see previewRendered), so holding a key down costs
// one rendering, not one per row passed.
func (m *Model) syncPreview() tea.Cmd {
	if !m.split() || m.zoom == zoomList {
		return nil
	}
	a := m.list.selected()
	if a == nil {
		m.preview.close()
		return nil
	}
	if m.previewBusy {
		return nil
	}
	var cmd tea.Cmd
	if m.preview.shown() != a {
		cmd = m.preview.open(a, 0)
	} else {
		cmd = m.preview.render()
	}
	m.previewBusy = cmd != nil
	return cmd
}

// rendered takes in a rendering, for whichever pane asked for it.
func (m *Model) rendered(msg renderedMsg) tea.Cmd {
	m.cache.put(msg.id, msg.key, msg.out)
	m.detail, _ = m.detail.update(msg)
	m.preview, _ = m.preview.update(msg)
	if msg.preview {
		m.previewBusy = false
		return m.syncPreview()
	}
	return nil
}
