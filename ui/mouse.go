package ui

import (
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// mouse handles the wheel, which scrolls the pane under the pointer, and
// clicks, which select a row (and open it, clicked again).
func (m *Model) mouse(msg tea.MouseMsg) tea.Cmd {
	if m.tooSmall() {
		return nil
	}
	at := msg.Mouse()
	y := at.Y - lipgloss.Height(m.headerView())
	if _, h := m.paneSize(); y < 0 || y >= h {
		return nil
	}
	inPreview := m.split() && m.zoom != zoomList && at.X >= m.width-m.previewWidth()
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		if inPreview {
			m.preview, _ = m.preview.update(msg)
			return nil
		}
		return tea.Batch(m.updatePane(msg), m.syncPreview())
	case tea.MouseClickMsg:
		if msg.Button != tea.MouseLeft || inPreview {
			return nil
		}
		return m.click(y)
	}
	return nil
}

// click selects the row at line y of the pane, or acts on it when it
// was already selected.
func (m *Model) click(y int) tea.Cmd {
	switch m.state {
	case stateList:
		moved := m.list.click(y)
		if said := m.list.take(); said != nil {
			return m.heard(nil, said)
		}
		if moved {
			return m.syncPreview()
		}
		return nil
	case stateSearch:
		cmd := m.search.click(y)
		return m.heard(cmd, m.search.take())
	case stateOutlets:
		m.outlets.click(y)
		return m.heard(nil, m.outlets.take())
	case stateProblems:
		m.problems.click(y)
	case stateStory:
		m.story.click(y)
		return m.heard(nil, m.story.take())
	}
	return nil
}

// at returns the item drawn at line y of the pane, and whether there is
// one there rather than a gap or nothing.
func (s scroller) at(y int) (int, bool) {
	if y < 0 {
		return 0, false
	}
	step := max(1, s.lines+s.spacing)
	if y%step >= s.lines {
		return 0, false
	}
	i := s.offset + y/step
	start, end := s.visible()
	return i, i >= start && i < end
}
