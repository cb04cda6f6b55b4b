package ui

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/broadsheet/broadsheet/feed"
)

// sequence returns the articles of the pane s, in its order: those J
// and K step through from an article opened there.
func (m *Model) sequence(s state) []*feed.Article {
	switch s {
	case stateStory:
		return m.story.articles()
	case stateSearch:
		return m.search.articles()
	}
	return m.list.sequence()
}

// indexOf returns where an article is in arts, or -1.
func indexOf(arts []*feed.Article, a *feed.Article) int {
	if a == nil {
		return -1
	}
	return slices.IndexFunc(arts, func(b *feed.Article) bool { return b.ID == a.ID })
}

// step opens the article n places on (back for n < 0) from the one
// being read, in the order of the pane it was opened from.
func (m *Model) step(n int) tea.Cmd {
	seq := m.sequence(m.back)
	i := indexOf(seq, m.detail.shown())
	switch j := i + n; {
	case i < 0:
		m.notice = "This article is no longer in the list."
	case j < 0:
		m.notice = "This is the first article."
	case j >= len(seq):
		m.notice = "This is the last article."
	default:
		return m.readOn(seq[j], m.back)
	}
	return nil
}

// nextUnread opens the next unread article after the one being read,
// across stories: in the list's order, or the search results' when it
// was opened from them, starting again from the top at the end.
func (m *Model) nextUnread() tea.Cmd {
	from := m.back
	if from != stateSearch {
		from = stateList
	}
	seq := m.sequence(from)
	i := indexOf(seq, m.detail.shown())
	for k := 1; k <= len(seq); k++ {
		a := seq[(i+k+len(seq))%len(seq)]
		if !m.marks.read(a.ID) {
			return m.readOn(a, from)
		}
	}
	m.notice = "No unread articles left."
	return nil
}

// readOn leaves the article being read for a, which the pane from
// lists, and puts that pane's cursor on it, so that going back finds
// the reader's place.
func (m *Model) readOn(a *feed.Article, from state) tea.Cmd {
	m.keepPosition()
	switch from {
	case stateStory:
		m.story.selectArticle(a.ID)
	case stateSearch:
		m.search.selectArticle(a.ID)
	default:
		m.list.selectArticle(a.ID)
	}
	return m.openArticle(a, from)
}

// question is what the status bar asks the reader, answered by the next
// key: y does it, any other key leaves it.
type question struct {
	ask string
	yes func() tea.Cmd
}

// answer takes the key that answers the question asked.
func (m *Model) answer(msg tea.KeyPressMsg) tea.Cmd {
	q := m.asking
	m.asking = nil
	if msg.String() != "y" && msg.String() != "Y" {
		m.notice = "Left as it was."
		return nil
	}
	return q.yes()
}

// markAllRead marks every article in view read: the list's, as its
// outlet, unread or starred view and stories show them, or the story's;
// from an article, those of the list, story or search results it was
// opened from. When they fill more than a screen, it asks first.
func (m *Model) markAllRead() tea.Cmd {
	from := m.state
	if from == stateDetail {
		from = m.back
	}
	arts := m.sequence(from)
	unread := 0
	for _, a := range arts {
		if !m.marks.read(a.ID) {
			unread++
		}
	}
	if unread == 0 {
		m.notice = "Nothing unread here."
		return nil
	}
	mark := func() tea.Cmd {
		for _, a := range arts {
			m.setRead(a.ID, true)
		}
		m.notice = "Marked " + plural(unread, "article") + " read."
		return nil
	}
	rows, page := m.list.rowCount(), m.list.perPage()
	switch from {
	case stateStory:
		rows, page = len(arts), m.story.perPage()
	case stateSearch:
		rows, page = len(arts), m.search.perPage()
	}
	if rows <= page {
		return mark()
	}
	m.asking = &question{ask: "Mark " + plural(unread, "article") + " read? (y/n)", yes: mark}
	return nil
}
