package ui

import (
	"charm.land/bubbles/v2/key"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/broadsheet/broadsheet/feed"
)

// problemList is the problems pane: the files the loader could not read
// as articles, and why, one a line.
type problemList struct {
	outbox
	styles *Styles
	keys   KeyMap

	problems []feed.Problem
	scroll   scroller

	width, height int
}

func newProblemList(st *Styles, keys KeyMap) problemList {
	return problemList{styles: st, keys: keys, scroll: scroller{lines: 1}}
}

// SetSize sets the pane's size in cells.
func (p *problemList) SetSize(w, h int) {
	p.width, p.height = w, h
	p.scroll.setHeight(p.listHeight())
}

// listHeight is the lines for the list of files; under it, the chosen
// problem is shown whole.
func (p *problemList) listHeight() int { return max(1, p.height/2) }

// setProblems fills the pane.
func (p *problemList) setProblems(ps []feed.Problem) {
	p.problems = ps
	p.scroll.setLen(len(ps))
}

// update moves the cursor; leaving asks the root to go back (backMsg).
func (p problemList) update(msg tea.Msg) (problemList, tea.Cmd) {
	if msg, ok := msg.(tea.KeyPressMsg); ok && key.Matches(msg, p.keys.Back, p.keys.Problems) {
		p.say(backMsg{})
		return p, nil
	}
	p.scroll.update(msg, p.keys)
	return p, nil
}

// click selects the problem at line y of the pane.
func (p *problemList) click(y int) {
	if i, ok := p.scroll.at(y); ok {
		p.scroll.moveTo(i)
	}
}

// View draws the visible problems: the path, then the reason dimmed.
func (p problemList) View() string {
	if len(p.problems) == 0 {
		return fit(p.styles.Empty.Render("  No problems."), p.width, p.height)
	}
	var lines []string
	start, end := p.scroll.visible()
	for i := start; i < end; i++ {
		pr := p.problems[i]
		bar, path := p.styles.Unselected, p.styles.Title
		if i == p.scroll.cursor {
			bar, path = p.styles.Selected, p.styles.SelectedTitle
		}
		line := path.Render(cleanLine(clip(pr.Path, p.width))) + p.styles.Meta.Render(": ") +
			p.styles.Problems.Render(cleanLine(clip(pr.Reason, p.width)))
		lines = append(lines, truncate(bar.String()+line, p.width))
	}
	for len(lines) < p.listHeight() {
		lines = append(lines, "")
	}
	// The chosen problem whole: its path and its reason, wrapped.
	if p.scroll.cursor >= 0 && p.scroll.cursor < len(p.problems) {
		pr := p.problems[p.scroll.cursor]
		rule := p.styles.Rule.Render(strings.Repeat("─", max(0, p.width)))
		lines = append(lines, rule,
			p.styles.Title.Render(wrap(cleanLine(pr.Path), p.width)),
			p.styles.Problems.Render(wrap(cleanLine(pr.Reason), p.width)))
	}
	return fit(strings.Join(lines, "\n"), p.width, p.height)
}
