// Package ui is Broadsheet's terminal interface: a Bubble Tea model with
// list, detail and search panes over the articles a loader reports. It
// knows nothing of files.
package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/broadsheet/broadsheet/feed"
)

// Options configures the interface.
type Options struct {
	// Title names what is being read, for the header.
	Title string
}

// Model is the root model. (Skeleton: replaced by the real panes.)
type Model struct {
	events <-chan feed.Event
	store  *feed.Store
	opts   Options
}

// New returns a model that fills itself from the loader's events.
func New(events <-chan feed.Event, opts Options) *Model {
	return &Model{events: events, store: feed.NewStore(), opts: opts}
}

// Init starts reading load events.
func (m *Model) Init() tea.Cmd { return nil }

// Update handles a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		return m, tea.Quit
	}
	return m, nil
}

// View draws the interface.
func (m *Model) View() tea.View {
	v := tea.NewView("Broadsheet")
	v.AltScreen = true
	return v
}
