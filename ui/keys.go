package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
)

// KeyMap is every key the interface answers to. Each pane reads the
// bindings that make sense for it; ctrl+c quits from anywhere.
type KeyMap struct {
	Up           key.Binding
	Down         key.Binding
	Top          key.Binding
	Bottom       key.Binding
	HalfPageDown key.Binding
	HalfPageUp   key.Binding
	PageDown     key.Binding
	PageUp       key.Binding

	Open    key.Binding
	Back    key.Binding
	Search  key.Binding
	Outlets key.Binding
	// Problems lists the files that could not be read.
	Problems key.Binding
	Help     key.Binding
	Quit     key.Binding

	// ForceQuit quits even while typing a search.
	ForceQuit key.Binding

	// ResultUp and ResultDown move through search results while the
	// query is being typed, so they avoid letter keys.
	ResultUp   key.Binding
	ResultDown key.Binding
	// Choose opens the chosen search result; letters type.
	Choose key.Binding
	// CloseSearch leaves the search box; letters and backspace type.
	CloseSearch key.Binding

	// Reading state and stories: see stories.go and state.go.
	Stories     key.Binding // one row a story, or one an article
	Expand      key.Binding // a story's articles shown under it, or not
	UnreadOnly  key.Binding
	Star        key.Binding
	StarredOnly key.Binding
	ToggleRead  key.Binding

	// Find looks for text in the article being read; NextMatch and
	// PrevMatch move between what it found.
	Find      key.Binding
	NextMatch key.Binding
	PrevMatch key.Binding

	// PreviewDown and PreviewUp scroll the preview beside the list.
	PreviewDown key.Binding
	PreviewUp   key.Binding

	// Edit opens the article's file in $EDITOR, Pager in $PAGER,
	// Browser its URL in the web browser; Copy puts its URL (or, without
	// one, its path) on the clipboard.
	Edit    key.Binding
	Pager   key.Binding
	Browser key.Binding
	Copy    key.Binding
}

// DefaultKeyMap returns Broadsheet's keys: vim keys and arrows alike.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up: key.NewBinding(
			key.WithKeys("up", "k"),
			key.WithHelp("↑/k", "up"),
		),
		Down: key.NewBinding(
			key.WithKeys("down", "j"),
			key.WithHelp("↓/j", "down"),
		),
		Top: key.NewBinding(
			key.WithKeys("home", "g"),
			key.WithHelp("g/home", "top"),
		),
		Bottom: key.NewBinding(
			key.WithKeys("end", "G"),
			key.WithHelp("G/end", "bottom"),
		),
		HalfPageDown: key.NewBinding(
			key.WithKeys("ctrl+d"),
			key.WithHelp("ctrl+d", "half page down"),
		),
		HalfPageUp: key.NewBinding(
			key.WithKeys("ctrl+u"),
			key.WithHelp("ctrl+u", "half page up"),
		),
		PageDown: key.NewBinding(
			key.WithKeys("pgdown", "space", "f", "ctrl+f"),
			key.WithHelp("pgdn/f", "page down"),
		),
		PageUp: key.NewBinding(
			key.WithKeys("pgup", "ctrl+b"),
			key.WithHelp("pgup/ctrl+b", "page up"),
		),
		Open: key.NewBinding(
			key.WithKeys("enter", "l", "right"),
			key.WithHelp("enter/l", "open"),
		),
		Back: key.NewBinding(
			key.WithKeys("esc", "h", "backspace", "left"),
			key.WithHelp("esc/h", "back"),
		),
		Search: key.NewBinding(
			key.WithKeys("/"),
			key.WithHelp("/", "search"),
		),
		Outlets: key.NewBinding(
			key.WithKeys("o"),
			key.WithHelp("o", "outlets"),
		),
		Problems: key.NewBinding(
			key.WithKeys("!", "p"),
			key.WithHelp("!", "problems"),
		),
		Help: key.NewBinding(
			key.WithKeys("?"),
			key.WithHelp("?", "help"),
		),
		Quit: key.NewBinding(
			key.WithKeys("q"),
			key.WithHelp("q", "quit"),
		),
		ForceQuit: key.NewBinding(
			key.WithKeys("ctrl+c"),
			key.WithHelp("ctrl+c", "quit"),
		),
		ResultUp: key.NewBinding(
			key.WithKeys("up", "ctrl+p", "ctrl+k"),
			key.WithHelp("↑/ctrl+p", "up"),
		),
		ResultDown: key.NewBinding(
			key.WithKeys("down", "ctrl+n", "ctrl+j"),
			key.WithHelp("↓/ctrl+n", "down"),
		),
		Choose: key.NewBinding(
			key.WithKeys("enter"),
			key.WithHelp("enter", "open"),
		),
		CloseSearch: key.NewBinding(
			key.WithKeys("esc"),
			key.WithHelp("esc", "back"),
		),
		Stories: key.NewBinding(
			key.WithKeys("t"),
			key.WithHelp("t", "stories"),
		),
		Expand: key.NewBinding(
			key.WithKeys("tab"),
			key.WithHelp("tab", "expand story"),
		),
		UnreadOnly: key.NewBinding(
			key.WithKeys("u"),
			key.WithHelp("u", "unread only"),
		),
		Star: key.NewBinding(
			key.WithKeys("s"),
			key.WithHelp("s", "star"),
		),
		StarredOnly: key.NewBinding(
			key.WithKeys("S"),
			key.WithHelp("S", "starred only"),
		),
		ToggleRead: key.NewBinding(
			key.WithKeys("m"),
			key.WithHelp("m", "mark read/unread"),
		),
		Find: key.NewBinding(
			key.WithKeys("/"),
			key.WithHelp("/", "find"),
		),
		NextMatch: key.NewBinding(
			key.WithKeys("n"),
			key.WithHelp("n", "next match"),
		),
		PrevMatch: key.NewBinding(
			key.WithKeys("N"),
			key.WithHelp("N", "previous match"),
		),
		PreviewDown: key.NewBinding(
			key.WithKeys("J", "shift+down"),
			key.WithHelp("J", "scroll preview down"),
		),
		PreviewUp: key.NewBinding(
			key.WithKeys("K", "shift+up"),
			key.WithHelp("K", "scroll preview up"),
		),
		Edit: key.NewBinding(
			key.WithKeys("e"),
			key.WithHelp("e", "edit file"),
		),
		Pager: key.NewBinding(
			key.WithKeys("v"),
			key.WithHelp("v", "view in pager"),
		),
		Browser: key.NewBinding(
			key.WithKeys("b"),
			key.WithHelp("b", "open in browser"),
		),
		Copy: key.NewBinding(
			key.WithKeys("y"),
			key.WithHelp("y", "copy link"),
		),
	}
}

// actions names each binding for configuration, as a settings file
// spells it.
func (k *KeyMap) actions() map[string]*key.Binding {
	return map[string]*key.Binding{
		"up": &k.Up, "down": &k.Down, "top": &k.Top, "bottom": &k.Bottom,
		"half_page_down": &k.HalfPageDown, "half_page_up": &k.HalfPageUp,
		"page_down": &k.PageDown, "page_up": &k.PageUp,
		"open": &k.Open, "back": &k.Back, "search": &k.Search, "outlets": &k.Outlets, "problems": &k.Problems,
		"help": &k.Help, "quit": &k.Quit, "force_quit": &k.ForceQuit,
		"result_up": &k.ResultUp, "result_down": &k.ResultDown,
		"choose": &k.Choose, "close_search": &k.CloseSearch,
		"stories": &k.Stories, "expand": &k.Expand, "unread_only": &k.UnreadOnly,
		"star": &k.Star, "starred_only": &k.StarredOnly, "toggle_read": &k.ToggleRead,
		"find": &k.Find, "next_match": &k.NextMatch, "prev_match": &k.PrevMatch,
		"preview_down": &k.PreviewDown, "preview_up": &k.PreviewUp,
		"edit": &k.Edit, "pager": &k.Pager, "browser": &k.Browser, "copy": &k.Copy,
	}
}

// Bind sets the keys of the action named as a settings file names it
// ("up", "half_page_down", "close_search"...), keeping its help text's
// description.
func (k *KeyMap) Bind(action string, keys ...string) error {
	b, ok := k.actions()[action]
	if !ok {
		return fmt.Errorf("no key action %q", action)
	}
	if len(keys) == 0 {
		return fmt.Errorf("key action %q needs at least one key", action)
	}
	if slices.Equal(b.Keys(), keys) {
		return nil // keep the hand-written help
	}
	*b = key.NewBinding(key.WithKeys(keys...), key.WithHelp(keyLabel(keys), b.Help().Desc))
	return nil
}

// keyLabel names keys for the help: the first two, arrows drawn.
func keyLabel(keys []string) string {
	arrows := strings.NewReplacer("up", "↑", "down", "↓", "left", "←", "right", "→")
	var names []string
	for _, k := range keys[:min(2, len(keys))] {
		if k == "up" || k == "down" || k == "left" || k == "right" {
			k = arrows.Replace(k)
		}
		names = append(names, k)
	}
	return strings.Join(names, "/")
}

// paneHelp is the help for one pane: a few keys for the footer and all
// of them for the full help. It satisfies help.KeyMap.
type paneHelp struct {
	short []key.Binding
	full  [][]key.Binding
}

// ShortHelp returns the keys shown in the footer.
func (p paneHelp) ShortHelp() []key.Binding { return p.short }

// FullHelp returns the keys shown by "?", in columns.
func (p paneHelp) FullHelp() [][]key.Binding { return p.full }

// helpFor returns the help for the pane shown in state s.
func (k KeyMap) helpFor(s state) paneHelp {
	move := []key.Binding{k.Up, k.Down, k.Top, k.Bottom}
	page := []key.Binding{k.HalfPageDown, k.HalfPageUp, k.PageDown, k.PageUp}
	switch s {
	case stateDetail:
		return paneHelp{
			short: []key.Binding{k.Down, k.Up, k.PageDown, k.Back, k.Find, k.Help, k.Quit},
			full: [][]key.Binding{move, page, {k.Find, k.NextMatch, k.PrevMatch, k.Back},
				{k.Edit, k.Pager, k.Browser, k.Copy}, {k.Star, k.ToggleRead}, {k.Outlets, k.Problems, k.Help, k.Quit}},
		}
	case stateStory:
		return paneHelp{
			short: []key.Binding{k.Down, k.Up, k.Open, k.Back, k.Star, k.Help, k.Quit},
			full:  [][]key.Binding{move, page, {k.Open, k.Back, k.Search}, {k.Star, k.ToggleRead}, {k.Help, k.Quit}},
		}
	case stateSearch:
		return paneHelp{
			short: []key.Binding{k.ResultDown, k.ResultUp, k.Choose, k.CloseSearch, k.ForceQuit},
			full:  [][]key.Binding{{k.ResultDown, k.ResultUp}, {k.Choose, k.CloseSearch, k.ForceQuit}},
		}
	case stateOutlets, stateProblems:
		return paneHelp{
			short: []key.Binding{k.Down, k.Up, k.Open, k.Back, k.Quit},
			full:  [][]key.Binding{move, page, {k.Open, k.Back}, {k.Help, k.Quit}},
		}
	}
	return paneHelp{
		short: []key.Binding{k.Down, k.Up, k.Open, k.Stories, k.Search, k.Help, k.Quit},
		full: [][]key.Binding{move, page, {k.Open, k.Back, k.Search, k.Outlets, k.Problems},
			{k.Stories, k.Expand, k.UnreadOnly, k.StarredOnly, k.Star, k.ToggleRead},
			{k.Edit, k.Pager, k.Browser, k.Copy, k.PreviewDown, k.PreviewUp}, {k.Help, k.Quit, k.ForceQuit}},
	}
}
