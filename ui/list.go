package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/broadsheet/broadsheet/feed"
)

// rowSpacing is the blank lines between two articles in a list.
const rowSpacing = 1

// articleRow draws an article as two lines: its title, then its outlet,
// date and a line of text (the lead, or a search snippet with matches
// highlighted).
func articleRow(st *Styles, a *feed.Article, selected bool, width int, text string, matches [][2]int) []string {
	bar, title, meta := st.Unselected, st.Title, st.Meta
	if selected {
		bar, title, meta = st.Selected, st.SelectedTitle, st.SelectedMeta
	}
	w := width - lipgloss.Width(bar.String())
	if w <= 0 {
		return []string{"", ""}
	}
	first := bar.String() + title.Render(truncate(strings.TrimSpace(cleanLine(clip(a.Title, w))), w))

	date := st.date(a)
	if date == "" {
		date = "—"
	}
	info := truncate(cleanLine(clip(feed.OutletName(a), w))+" · "+date, w)
	second := bar.String() + meta.Render(info)
	const sep = " · "
	if room := w - lipgloss.Width(info) - len(sep); room > 1 && text != "" {
		second += meta.Render(sep) + truncate(highlight(st, text, matches, room), room)
	}
	return []string{first, second}
}

// highlight draws text dimmed, with the byte ranges in matches marked, on
// one line. It draws no more of text than fits in width cells.
func highlight(st *Styles, text string, matches [][2]int, width int) string {
	var b strings.Builder
	at := 0
	for _, m := range matches {
		lo, hi := max(m[0], at), min(m[1], len(text))
		if lo >= hi {
			continue
		}
		b.WriteString(st.Lead.Render(cleanLine(text[at:lo])))
		b.WriteString(st.Match.Render(cleanLine(text[lo:hi])))
		at = hi
		if lipgloss.Width(b.String()) > width {
			return b.String()
		}
	}
	b.WriteString(st.Lead.Render(cleanLine(clip(text[at:], width))))
	return b.String()
}

// scroller keeps a cursor over n items and the first item on screen, for
// panes that show as many items as fit.
type scroller struct {
	cursor, offset, n int
	// lines is the lines one item takes, spacing the blank lines between
	// two, and height the lines there are for them all.
	lines, spacing, height int
}

// perPage returns how many items fit on screen.
func (s scroller) perPage() int {
	return max(1, (s.height+s.spacing)/max(1, s.lines+s.spacing))
}

func (s *scroller) setHeight(h int) {
	s.height = h
	s.clamp()
}

// setLen sets the number of items, keeping the cursor in range.
func (s *scroller) setLen(n int) {
	s.n = n
	s.clamp()
}

// follow sets the number of items and puts the cursor on item i, at the
// same place on screen as before when it can be. A negative i keeps the
// cursor's index.
func (s *scroller) follow(n, i int) {
	if i < 0 {
		s.setLen(n)
		return
	}
	row := s.cursor - s.offset
	s.n, s.cursor, s.offset = n, i, i-row
	s.clamp()
}

// moveTo puts the cursor on item i and scrolls it into view.
func (s *scroller) moveTo(i int) {
	s.cursor = i
	s.clamp()
}

func (s *scroller) clamp() {
	s.cursor = max(0, min(s.cursor, s.n-1))
	page := s.perPage()
	s.offset = max(0, min(s.offset, s.n-page))
	if s.cursor < s.offset {
		s.offset = s.cursor
	}
	if s.cursor >= s.offset+page {
		s.offset = s.cursor - page + 1
	}
}

// draw draws the visible rows, spaced apart, and fits them to the pane;
// row draws row i as its lines.
func (s scroller) draw(width, height int, row func(i int, selected bool) []string) string {
	var lines []string
	start, end := s.visible()
	for i := start; i < end; i++ {
		if i > start {
			for range rowSpacing {
				lines = append(lines, "")
			}
		}
		lines = append(lines, row(i, i == s.cursor)...)
	}
	return fit(strings.Join(lines, "\n"), width, height)
}

// visible returns the range of items on screen.
func (s scroller) visible() (start, end int) {
	return s.offset, min(s.n, s.offset+s.perPage())
}

// update moves the cursor for a movement key or the mouse wheel, and
// reports whether it was one.
func (s *scroller) update(msg tea.Msg, k KeyMap) bool {
	page := s.perPage()
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			s.moveTo(s.cursor - 1)
		case tea.MouseWheelDown:
			s.moveTo(s.cursor + 1)
		default:
			return false
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Up):
			s.moveTo(s.cursor - 1)
		case key.Matches(msg, k.Down):
			s.moveTo(s.cursor + 1)
		case key.Matches(msg, k.Top):
			s.moveTo(0)
		case key.Matches(msg, k.Bottom):
			s.moveTo(s.n - 1)
		case key.Matches(msg, k.HalfPageDown):
			s.offset += max(1, page/2)
			s.moveTo(s.cursor + max(1, page/2))
		case key.Matches(msg, k.HalfPageUp):
			s.offset -= max(1, page/2)
			s.moveTo(s.cursor - max(1, page/2))
		case key.Matches(msg, k.PageDown):
			s.offset += page
			s.moveTo(s.cursor + page)
		case key.Matches(msg, k.PageUp):
			s.offset -= page
			s.moveTo(s.cursor - page)
		default:
			return false
		}
	default:
		return false
	}
	return true
}

// fit cuts or pads s to exactly h lines of at most w cells.
func fit(s string, w, h int) string {
	if h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			lines[i] = truncate(l, w)
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
