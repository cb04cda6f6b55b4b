package ui

import (
	"charm.land/bubbles/v2/key"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/broadsheet/broadsheet/feed"
)

// maxPickerWidth keeps counts near their outlets on a wide screen.
const maxPickerWidth = 64

// allOutlets is the picker's first row, which clears the filter.
const allOutlets = "All outlets"

// outletPicker is the outlet pane: each outlet with its article count,
// most articles first, after a row for all of them.
type outletPicker struct {
	outbox
	styles *Styles
	keys   KeyMap

	// outlets are the rows; the first, with an empty name, is "All
	// outlets".
	outlets []feed.OutletCount
	active  string // the outlet the list is filtered to, or ""
	scroll  scroller

	width, height int
}

func newOutletPicker(st *Styles, keys KeyMap) outletPicker {
	return outletPicker{styles: st, keys: keys, scroll: scroller{lines: 1}}
}

// SetSize sets the pane's size in cells.
func (p *outletPicker) SetSize(w, h int) {
	p.width, p.height = w, h
	p.scroll.setHeight(h)
}

// setOutlets fills the picker, keeping the cursor on its outlet.
func (p *outletPicker) setOutlets(total int, outlets []feed.OutletCount, active string) {
	cur := ""
	if o, ok := p.selected(); ok {
		cur = o
	} else {
		cur = active
	}
	p.active = active
	p.outlets = append([]feed.OutletCount{{Name: "", Count: total}}, outlets...)
	p.scroll.setLen(len(p.outlets))
	p.scroll.moveTo(0)
	for i, o := range p.outlets {
		if o.Name != "" && feed.SameOutlet(o.Name, cur) {
			p.scroll.moveTo(i)
		}
	}
}

// selected returns the outlet under the cursor, "" for all of them, and
// whether there is one.
func (p outletPicker) selected() (string, bool) {
	if p.scroll.cursor < 0 || p.scroll.cursor >= len(p.outlets) {
		return "", false
	}
	return p.outlets[p.scroll.cursor].Name, true
}

// update moves the cursor. Choosing an outlet asks the root to filter
// the list to it (filterMsg); leaving asks it to go back (backMsg).
func (p outletPicker) update(msg tea.Msg) (outletPicker, tea.Cmd) {
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(msg, p.keys.Open):
			if name, ok := p.selected(); ok {
				p.say(filterMsg{outlet: name})
			} else {
				p.say(backMsg{})
			}
			return p, nil
		case key.Matches(msg, p.keys.Back, p.keys.Outlets):
			p.say(backMsg{})
			return p, nil
		}
	}
	p.scroll.update(msg, p.keys)
	return p, nil
}

// click selects the outlet at line y of the pane, or asks the root to
// filter the list to it when it was already selected.
func (p *outletPicker) click(y int) {
	i, ok := p.scroll.at(y)
	if !ok {
		return
	}
	if i == p.scroll.cursor {
		name, _ := p.selected()
		p.say(filterMsg{outlet: name})
		return
	}
	p.scroll.moveTo(i)
}

// View draws the visible outlets, counts aligned on the right.
func (p outletPicker) View() string {
	var lines []string
	start, end := p.scroll.visible()
	countWidth := 0
	for _, o := range p.outlets {
		countWidth = max(countWidth, len(thousands(o.Count)))
	}
	for i := start; i < end; i++ {
		o := p.outlets[i]
		bar, name := p.styles.Unselected, p.styles.Title
		if i == p.scroll.cursor {
			bar, name = p.styles.Selected, p.styles.SelectedTitle
		}
		label := strings.TrimSpace(cleanLine(o.Name))
		if o.Name == "" {
			label = allOutlets
		}
		mark := "  "
		if (o.Name == "" && p.active == "") || (o.Name != "" && feed.SameOutlet(o.Name, p.active)) {
			mark = "✓ "
		}
		count := p.styles.Count.Render(strings.Repeat(" ", countWidth-len(thousands(o.Count))) + thousands(o.Count))
		w := min(p.width, maxPickerWidth) - lipgloss.Width(bar.String()) - lipgloss.Width(mark) - countWidth - 2
		label = truncate(label, max(0, w))
		gap := strings.Repeat(" ", max(1, w-lipgloss.Width(label)+2))
		lines = append(lines, bar.String()+p.styles.Filter.Render(mark)+name.Render(label)+gap+count)
	}
	return fit(strings.Join(lines, "\n"), p.width, p.height)
}
