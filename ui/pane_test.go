package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestSearchPaneSpeaks checks that the search pane asks the root, by a
// message in its outbox, to open a result or to go back, and that the
// root does in the same Update.
func TestSearchPaneSpeaks(t *testing.T) {
	tests := []struct {
		name      string
		key       tea.KeyPressMsg
		want      tea.Msg
		wantState state
	}{
		{"enter opens the chosen result", enter, openArticleMsg{}, stateDetail},
		{"esc goes back to the list", esc, backMsg{}, stateList},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := loaded(t, testArticles(), 80, 24)
			send(m, tea.KeyPressMsg{Code: '/', Text: "/"})
			m.search.input.SetValue("ferry")
			searchNow(m)
			chosen := m.search.selected()
			pane, _ := m.search.update(tt.key)
			msg := pane.take()
			switch want := tt.want.(type) {
			case openArticleMsg:
				got, ok := msg.(openArticleMsg)
				if !ok || got.article != chosen || chosen == nil {
					t.Fatalf("the pane said %#v, want to open %v", msg, chosen)
				}
			case backMsg:
				if _, ok := msg.(backMsg); !ok {
					t.Fatalf("the pane said %#v, want %#v", msg, want)
				}
			}
			if m.state != stateSearch {
				t.Errorf("the pane changed the root's state to %v", m.state)
			}
			if pane.take() != nil {
				t.Errorf("the outbox is not emptied by take")
			}
			send(m, tt.key)
			if m.state != tt.wantState {
				t.Errorf("state after %T = %v, want %v", msg, m.state, tt.wantState)
			}
			if tt.wantState == stateDetail && m.detail.article != chosen {
				t.Errorf("opened %v, want %v", m.detail.article, chosen)
			}
		})
	}
}
