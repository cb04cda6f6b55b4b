package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/search"
)

// maxResults bounds the results a search shows.
const maxResults = 200

// searchQueryMsg asks the root to search for query; the search is
// numbered seq.
type searchQueryMsg struct {
	seq   int
	query string
}

// searchResultsMsg carries the results of the search numbered seq.
type searchResultsMsg struct {
	seq     int
	query   string
	results []search.Result
}

// searchPane is the search pane: a query box over ranked results, each
// with a snippet whose matched words are highlighted. Results follow the
// query as it is typed. The pane asks for a search with a
// searchQueryMsg, the root runs it in a tea.Cmd, and a late answer to an
// older query is dropped.
type searchPane struct {
	outbox
	styles *Styles
	keys   KeyMap
	// total is the number of articles there are to search.
	total int

	input   textinput.Model
	results []search.Result
	scroll  scroller
	// seq numbers the searches started; shown is the one on screen.
	seq, shown int
	// running reports whether a search is under way; stale, whether
	// articles arrived meanwhile, so that it must run again when done.
	running, stale bool
	query          string // the query of the results shown

	width, height int
}

func newSearchPane(st *Styles, keys KeyMap) searchPane {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = "search articles"
	in.SetStyles(st.Input)
	return searchPane{styles: st, keys: keys, input: in, scroll: scroller{lines: 3, spacing: 1}}
}

// SetSize sets the pane's size in cells.
func (s *searchPane) SetSize(w, h int) {
	s.width, s.height = w, h
	s.input.SetWidth(max(1, w-4))
	s.scroll.setHeight(max(0, h-s.chromeHeight()))
}

// chromeHeight is the lines above the results: the query box, a count
// and a blank line.
func (s *searchPane) chromeHeight() int { return 3 }

// focus readies the query box for typing.
func (s *searchPane) focus() tea.Cmd {
	s.input.SetStyles(s.styles.Input)
	return s.input.Focus()
}

// setTotal sets the number of articles there are to search.
func (s *searchPane) setTotal(n int) { s.total = n }

// blur stops the query box taking keys.
func (s *searchPane) blur() { s.input.Blur() }

// restyle takes up the shared styles, which change with the background.
func (s *searchPane) restyle() { s.input.SetStyles(s.styles.Input) }

// selected returns the article of the chosen result, or nil.
func (s searchPane) selected() *feed.Article {
	if s.scroll.cursor < 0 || s.scroll.cursor >= len(s.results) {
		return nil
	}
	return s.results[s.scroll.cursor].Article
}

// run returns a command that asks for a search for the query in the
// box.
func (s *searchPane) run() tea.Cmd {
	s.seq++
	s.running = true
	msg := searchQueryMsg{seq: s.seq, query: s.input.Value()}
	return func() tea.Msg { return msg }
}

// refresh searches again because articles have arrived. When a search
// is already under way, another follows its answer.
func (s *searchPane) refresh() tea.Cmd {
	if strings.TrimSpace(s.input.Value()) == "" {
		return nil
	}
	if s.running {
		s.stale = true
		return nil
	}
	return s.run()
}

// update handles typing and moving through results. Choosing a result
// asks the root to open it (openArticleMsg); leaving asks it to go back
// (backMsg).
func (s searchPane) update(msg tea.Msg) (searchPane, tea.Cmd) {
	switch msg := msg.(type) {
	case searchResultsMsg:
		if msg.seq < s.shown {
			return s, nil
		}
		if msg.seq == s.seq {
			s.running = false
		}
		// The same query again means more articles arrived: keep the
		// cursor on its result. A new query starts at the best.
		sel, same := s.selected(), s.query == msg.query
		s.shown, s.query, s.results = msg.seq, msg.query, msg.results
		s.scroll.setLen(len(s.results))
		s.scroll.moveTo(0)
		if sel != nil && same {
			for i, r := range s.results {
				if r.Article == sel {
					s.scroll.moveTo(i)
				}
			}
		}
		if !s.running && (s.stale || msg.query != s.input.Value()) {
			s.stale = false
			return s, s.run()
		}
		return s, nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, s.keys.CloseSearch):
			s.input.Blur()
			s.say(backMsg{})
			return s, nil
		case key.Matches(msg, s.keys.Choose):
			if a := s.selected(); a != nil {
				s.input.Blur()
				s.say(openArticleMsg{article: a})
			}
			return s, nil
		case key.Matches(msg, s.keys.ResultUp):
			s.scroll.moveTo(s.scroll.cursor - 1)
			return s, nil
		case key.Matches(msg, s.keys.ResultDown):
			s.scroll.moveTo(s.scroll.cursor + 1)
			return s, nil
		}
	case tea.MouseWheelMsg:
		s.scroll.update(msg, s.keys)
		return s, nil
	}
	before := s.input.Value()
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	if s.input.Value() != before && !s.running {
		return s, tea.Batch(cmd, s.run())
	}
	return s, cmd
}

// click selects the result at line y of the pane, or asks the root to
// open it when it was already selected.
func (s *searchPane) click(y int) tea.Cmd {
	i, ok := s.scroll.at(y - s.chromeHeight())
	if !ok {
		return nil
	}
	if i == s.scroll.cursor {
		s.input.Blur()
		s.say(openArticleMsg{article: s.selected()})
		return nil
	}
	s.scroll.moveTo(i)
	return nil
}

// View draws the query box and the results.
func (s searchPane) View() string {
	var b strings.Builder
	b.WriteString(s.input.View() + "\n")
	bad := search.CheckQuery(s.input.Value())
	switch {
	case bad != nil:
		fmt.Fprintf(&b, "%s\n\n", s.styles.TooSmall.Render("  "+cleanLine(bad.Error())))
	case strings.TrimSpace(s.input.Value()) == "":
		fmt.Fprintf(&b, "%s\n\n", s.styles.Empty.Render(fmt.Sprintf("  Type to search %s.", plural(s.total, "article"))))
	case len(s.results) == 0 && !s.running:
		fmt.Fprintf(&b, "%s\n\n", s.styles.Empty.Render(fmt.Sprintf("  No matches for “%s” — backspace to widen it, %s to go back.",
			cleanLine(s.query), s.keys.CloseSearch.Help().Key)))
	case len(s.results) >= maxResults:
		fmt.Fprintf(&b, "%s\n\n", s.styles.Count.Render(fmt.Sprintf("  %d+ results, best first", maxResults)))
	default:
		fmt.Fprintf(&b, "%s\n\n", s.styles.Count.Render("  "+plural(len(s.results), "result")))
	}
	start, end := s.scroll.visible()
	for i := start; i < end; i++ {
		if i > start {
			b.WriteString("\n\n")
		}
		s.results[i].Fill() // snippets are made as results come into view
		r := s.results[i]
		selected := i == s.scroll.cursor
		lines := articleRow(s.styles, r.Article, selected, s.width, "", nil)
		bar := s.styles.Unselected.String()
		if selected {
			bar = s.styles.Selected.String()
		}
		w := max(0, s.width-lipgloss.Width(bar))
		snippet := r.Snippet
		if snippet == "" {
			snippet = r.Article.Lead
		}
		lines = append(lines, bar+truncate(highlight(s.styles, snippet, r.Matches, w), w))
		b.WriteString(strings.Join(lines, "\n"))
	}
	return fit(b.String(), s.width, s.height)
}

// plural returns "1 article" or "n articles", with n grouped by
// thousands.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return thousands(n) + " " + noun + "s"
}

// thousands formats n with commas between groups of three digits.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// articles returns the results' articles, best first.
func (s searchPane) articles() []*feed.Article {
	out := make([]*feed.Article, len(s.results))
	for i, r := range s.results {
		out[i] = r.Article
	}
	return out
}

// selectArticle puts the cursor on an article's result.
func (s *searchPane) selectArticle(id string) {
	for i, r := range s.results {
		if r.Article.ID == id {
			s.scroll.moveTo(i)
		}
	}
}
