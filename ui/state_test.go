package ui

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	readstate "github.com/broadsheet/broadsheet/internal/state"
)

// brokenState is a State whose every write fails.
type brokenState struct{ *fakeState }

func (brokenState) MarkRead(string, bool) error   { return errors.New("disk full") }
func (brokenState) SetStarred(string, bool) error { return errors.New("disk full") }

func TestMarks(t *testing.T) {
	tests := []struct {
		name    string
		state   State
		wantErr bool
	}{
		{"no state keeps marks for the run", nil, false},
		{"a state keeps them too", newFakeState(), false},
		{"a failing state is reported, marks still kept", brokenState{newFakeState()}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mk := newMarks(tt.state)
			mk.setRead("a1", true)
			mk.setStarred("a2", true)
			if !mk.read("a1") || mk.read("a2") || !mk.starred("a2") || mk.starred("a1") {
				t.Errorf("marks = %v", mk.by)
			}
			mk.setRead("a1", false)
			if mk.read("a1") {
				t.Errorf("a1 still read after marking it unread")
			}
			mk.keep(mk.writer.flush()) // as the root's command would
			if got := mk.err != nil; got != tt.wantErr {
				t.Errorf("error = %v, want one: %v", mk.err, tt.wantErr)
			}
		})
	}
}

func TestViewKeeps(t *testing.T) {
	arts := testArticles()
	mk := newMarks(nil)
	mk.setRead("a1", true)
	mk.setStarred("a3", true)
	tests := []struct {
		name string
		v    view
		want string
	}{
		{"everything", view{}, "a1 a2 a3 a4 a5"},
		{"unread", view{unread: true}, "a2 a3 a4 a5"},
		{"starred", view{starred: true}, "a3"},
		{"one outlet", view{outlet: "the harbour gazette"}, "a1 a3"},
		{"one outlet, unread", view{outlet: "The Harbour Gazette", unread: true}, "a3"},
		{"no outlet", view{outlet: "Unknown outlet"}, "a5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, a := range arts {
				if tt.v.keeps(a, mk) {
					got = append(got, a.ID)
				}
			}
			if s := strings.Join(got, " "); s != tt.want {
				t.Errorf("kept %q, want %q", s, tt.want)
			}
		})
	}
}

func TestStateErrorShown(t *testing.T) {
	m := loadedWith(t, Options{Title: "test", State: brokenState{newFakeState()}}, testArticles(), 80, 24)
	send(m, enter)
	send(m, esc)
	view := ansi.Strip(m.View().Content)
	if !strings.Contains(view, "state: disk full") {
		t.Errorf("a failing state is not shown:\n%s", view)
	}
	if m.marks.read("a1") != true {
		t.Errorf("the opened article is not read for the run")
	}
}

func TestRealStateDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	db, err := readstate.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	m := loadedWith(t, Options{Title: "test", State: db}, testArticles(), 80, 24)
	send(m, enter) // a1
	send(m, esc)
	send(m, down)
	send(m, tea.KeyPressMsg{Code: 's', Text: "s"}) // a2
	send(m, tea.KeyPressMsg{Code: 'q', Text: "q"})
	db.Close()

	// The next run finds it all where it was left.
	db, err = readstate.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if !db.IsRead("a1") || !db.IsStarred("a2") || db.IsRead("a2") {
		t.Errorf("database: a1 read %v, a2 starred %v, a2 read %v; want true, true, false",
			db.IsRead("a1"), db.IsStarred("a2"), db.IsRead("a2"))
	}
	m = loadedWith(t, Options{Title: "test", State: db}, testArticles(), 80, 24)
	if a := m.list.selected(); a == nil || a.ID != "a2" {
		t.Errorf("place at start = %v, want a2", a)
	}
	if !m.marks.read("a1") || !m.marks.starred("a2") {
		t.Errorf("marks at start = %v", m.marks.by)
	}
}

// readOnlyState is a State that could only be opened to read.
type readOnlyState struct{ *fakeState }

func (readOnlyState) ReadOnly() error {
	return errors.New("open to read only, marks made now are not kept")
}

func TestReadOnlyStateShownAtStart(t *testing.T) {
	m := loadedWith(t, Options{Title: "test", State: readOnlyState{newFakeState()}}, testArticles(), 100, 24)
	view := ansi.Strip(m.View().Content)
	if !strings.Contains(view, "read only") {
		t.Errorf("a read-only state is not shown:\n%s", view)
	}
}

// A mark that could not be written is still known when the reader has
// closed, for the caller to say so.
func TestStateErrKept(t *testing.T) {
	m := loadedWith(t, Options{Title: "test", State: brokenState{newFakeState()}}, testArticles(), 80, 24)
	send(m, tea.KeyPressMsg{Code: 's', Text: "s"})
	send(m, tea.KeyPressMsg{Code: 'q', Text: "q"})
	if err := errors.Join(m.Flush(), m.StateErr()); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("StateErr after a failed write = %v", err)
	}
}
