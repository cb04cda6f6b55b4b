package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"

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

	// all are every outlet, after a first row with an empty name, "All
	// outlets"; outlets are the rows shown, those the filter keeps.
	all     []feed.OutletCount
	outlets []feed.OutletCount
	active  string // the outlet the list is filtered to, or ""
	scroll  scroller
	// filter narrows the outlets to those whose name holds what is
	// typed in it, as bubbles' list filter does: / starts it.
	filter    textinput.Model
	filtering bool

	width, height int
}

func newOutletPicker(st *Styles, keys KeyMap) outletPicker {
	in := textinput.New()
	in.Prompt = "/"
	in.Placeholder = "filter outlets"
	in.SetStyles(st.Input)
	return outletPicker{styles: st, keys: keys, scroll: scroller{lines: 1}, filter: in}
}

// SetSize sets the pane's size in cells.
func (p *outletPicker) SetSize(w, h int) {
	p.width, p.height = w, h
	p.filter.SetWidth(max(1, w-4))
	p.scroll.setHeight(p.rowsHeight())
}

// rowsHeight is the lines left for outlets under the filter, when
// there is one.
func (p *outletPicker) rowsHeight() int {
	if p.filtered() {
		return max(0, p.height-2)
	}
	return p.height
}

// filtered reports whether the filter is typed in or narrows the rows.
func (p outletPicker) filtered() bool { return p.filtering || p.filter.Value() != "" }

// typing reports whether the filter has the keys.
func (p outletPicker) typing() bool { return p.filtering }

// applyFilter shows the outlets whose names hold the filter's text,
// regardless of case, keeping the cursor on its outlet when it stays.
func (p *outletPicker) applyFilter() {
	cur, had := p.selected()
	q := strings.ToLower(strings.TrimSpace(p.filter.Value()))
	p.outlets = p.outlets[:0:0]
	for _, o := range p.all {
		name := strings.ToLower(o.Name)
		if o.Name == "" {
			name = strings.ToLower(allOutlets)
		}
		if q == "" || strings.Contains(name, q) {
			p.outlets = append(p.outlets, o)
		}
	}
	p.scroll.setHeight(p.rowsHeight())
	p.scroll.setLen(len(p.outlets))
	p.scroll.moveTo(0)
	for i, o := range p.outlets {
		if had && o.Name == cur {
			p.scroll.moveTo(i)
		}
	}
}

// clearFilter shows every outlet again.
func (p *outletPicker) clearFilter() {
	p.filtering = false
	p.filter.SetValue("")
	p.filter.Blur()
	p.applyFilter()
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
	p.all = append([]feed.OutletCount{{Name: "", Count: total}}, outlets...)
	p.applyFilter()
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
	if p.filtering {
		return p.updateFilter(msg)
	}
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(msg, p.keys.Search):
			p.filtering = true
			p.scroll.setHeight(p.rowsHeight())
			return p, p.filter.Focus()
		case key.Matches(msg, p.keys.Back) && p.filtered():
			p.clearFilter()
			return p, nil
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

// updateFilter handles a key while the filter is typed: the arrows
// move, enter chooses, esc drops the filter and every other key types.
func (p outletPicker) updateFilter(msg tea.Msg) (outletPicker, tea.Cmd) {
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(msg, p.keys.CloseSearch):
			p.clearFilter()
			return p, nil
		case key.Matches(msg, p.keys.Choose):
			p.filtering = false
			p.filter.Blur()
			if name, ok := p.selected(); ok {
				p.say(filterMsg{outlet: name})
			}
			return p, nil
		case key.Matches(msg, p.keys.ResultUp):
			p.scroll.moveTo(p.scroll.cursor - 1)
			return p, nil
		case key.Matches(msg, p.keys.ResultDown):
			p.scroll.moveTo(p.scroll.cursor + 1)
			return p, nil
		}
	}
	before := p.filter.Value()
	var cmd tea.Cmd
	p.filter, cmd = p.filter.Update(msg)
	if p.filter.Value() != before {
		p.applyFilter()
	}
	return p, cmd
}

// click selects the outlet at line y of the pane, or asks the root to
// filter the list to it when it was already selected.
func (p *outletPicker) click(y int) {
	if p.filtered() {
		y -= 2
	}
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
	if p.filtered() {
		lines = append(lines, p.filter.View(), "")
		if len(p.outlets) == 0 {
			lines = append(lines, p.styles.Empty.Render(wrap("No outlet’s name holds “"+cleanLine(p.filter.Value())+"” — esc shows them all.", p.width)))
		}
	}
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
