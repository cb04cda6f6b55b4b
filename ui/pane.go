package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/story"
)

// pane is what every pane offers the root, in the spirit of soft-serve's
// common.Component: it takes messages, draws itself at the size it is
// given and names its keys for the help. P is the pane's own type, which
// update returns, changed. A pane speaks to the root by messages
// (openArticleMsg, backMsg) left in its outbox; the root never reaches
// into its fields.
type pane[P any] interface {
	update(msg tea.Msg) (P, tea.Cmd)
	View() string
	SetSize(width, height int)
	help() help.KeyMap
}

// Every pane keeps the contract.
var (
	_ pane[storyList]    = (*storyList)(nil)
	_ pane[storyPane]    = (*storyPane)(nil)
	_ pane[detail]       = (*detail)(nil)
	_ pane[searchPane]   = (*searchPane)(nil)
	_ pane[outletPicker] = (*outletPicker)(nil)
	_ pane[problemList]  = (*problemList)(nil)
)

// openArticleMsg asks the root to show an article, coming back to the
// pane that asked.
type openArticleMsg struct{ article *feed.Article }

// openStoryMsg asks the root to show a story of several articles.
type openStoryMsg struct{ story *story.Story }

// backMsg asks the root to leave the pane that sent it.
type backMsg struct{}

// filterMsg asks the root to show only an outlet's articles in the
// list, or all of them for "".
type filterMsg struct{ outlet string }

// outbox holds a message a pane has for the root. The root takes it in
// the Update that made it, rather than from a command, so that keys
// typed ahead (enter, then esc at once) reach the pane it leads to, as
// they would if the root had handled the key itself.
type outbox struct{ said tea.Msg }

// say leaves a message for the root.
func (o *outbox) say(msg tea.Msg) { o.said = msg }

// take returns the message left for the root, if any, and empties the
// outbox.
func (o *outbox) take() tea.Msg {
	msg := o.said
	o.said = nil
	return msg
}

func (l storyList) help() help.KeyMap { return l.keys.helpFor(stateList) }
func (p storyPane) help() help.KeyMap { return p.keys.helpFor(stateStory) }
func (d detail) help() help.KeyMap {
	h := d.keys.helpFor(stateDetail)
	if d.finding() {
		// After a find, the footer leads with moving between matches.
		nn := key.NewBinding(key.WithKeys(append(d.keys.NextMatch.Keys(), d.keys.PrevMatch.Keys()...)...),
			key.WithHelp(d.keys.NextMatch.Help().Key+"/"+d.keys.PrevMatch.Help().Key, "next/previous match"))
		h.short = append([]key.Binding{nn}, h.short...)
	}
	return h
}
func (s searchPane) help() help.KeyMap { return s.keys.helpFor(stateSearch) }
func (p outletPicker) help() help.KeyMap {
	h := p.keys.helpFor(stateOutlets)
	if p.typing() {
		k := p.keys
		h.short = []key.Binding{as(k.Choose, "show"), as(k.ResultDown, "down"), as(k.ResultUp, "up"), as(k.CloseSearch, "clear"), k.ForceQuit}
	}
	return h
}
func (p problemList) help() help.KeyMap { return p.keys.helpFor(stateProblems) }

// helpOf returns the keys of the pane shown in state s.
func (m *Model) helpOf(s state) help.KeyMap {
	switch s {
	case stateDetail:
		return m.detail.help()
	case stateSearch:
		return m.search.help()
	case stateOutlets:
		return m.outlets.help()
	case stateProblems:
		return m.problems.help()
	case stateStory:
		return m.story.help()
	}
	return m.list.help()
}

// heard handles the message a pane left for the root, if any, and
// returns the commands of the pane and of the root together.
func (m *Model) heard(cmd tea.Cmd, said tea.Msg) tea.Cmd {
	if said == nil {
		return cmd
	}
	_, next := m.update(said)
	return tea.Batch(cmd, next)
}

// articles returns the story's articles, in the pane's order, or nil.
func (p storyPane) articles() []*feed.Article {
	if p.story == nil {
		return nil
	}
	return p.story.Articles
}

// perPage returns how many rows fit on one screen of the story pane.

// perPage returns how many results fit on one screen of the search pane.
func (s searchPane) perPage() int { return s.scroll.perPage() }

// rowCount returns how many rows the list has.
func (l storyList) rowCount() int { return len(l.rows) }

// perPage returns how many rows fit on one screen of the list.
func (l storyList) perPage() int { return l.scroll.perPage() }
