package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"

	"github.com/broadsheet/broadsheet/internal/keys"
)

// KeyMap is every key the interface answers to, one binding for each
// action of package keys, which declares their keys and help. Each pane
// reads the bindings that make sense for it; ctrl+c quits from anywhere.
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
	// Quit goes back one level, and quits from the list; QuitAll
	// quits from anywhere but a box being typed in.
	Quit    key.Binding
	QuitAll key.Binding

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

	// NextArticle and PrevArticle open the next and previous article of
	// the list an article was opened from; NextUnread the next unread
	// one. MarkAllRead marks every article in view read. Zoom gives the
	// window to one pane of the list and preview.
	NextArticle key.Binding
	PrevArticle key.Binding
	NextUnread  key.Binding
	MarkAllRead key.Binding
	Zoom        key.Binding

	// Edit opens the article's file in $EDITOR, Pager in $PAGER,
	// Browser its URL in the web browser; Copy puts its URL (or, without
	// one, its path) on the clipboard.
	Edit    key.Binding
	Pager   key.Binding
	Browser key.Binding
	Copy    key.Binding
}

// DefaultKeyMap returns Broadsheet's keys, as package keys declares
// them: vim keys and arrows alike.
func DefaultKeyMap() KeyMap {
	var k KeyMap
	fields := k.fields()
	for _, d := range keys.Defaults() {
		*fields[d.Action] = key.NewBinding(key.WithKeys(d.Keys...), key.WithHelp(d.Label, d.Desc))
	}
	return k
}

// fields returns the binding in k of each action.
func (k *KeyMap) fields() map[keys.Action]*key.Binding {
	return map[keys.Action]*key.Binding{
		keys.Up: &k.Up, keys.Down: &k.Down, keys.Top: &k.Top, keys.Bottom: &k.Bottom,
		keys.HalfPageDown: &k.HalfPageDown, keys.HalfPageUp: &k.HalfPageUp,
		keys.PageDown: &k.PageDown, keys.PageUp: &k.PageUp,
		keys.Open: &k.Open, keys.Back: &k.Back, keys.Search: &k.Search, keys.Outlets: &k.Outlets,
		keys.Problems: &k.Problems, keys.Help: &k.Help, keys.Quit: &k.Quit, keys.QuitAll: &k.QuitAll, keys.ForceQuit: &k.ForceQuit,
		keys.ResultUp: &k.ResultUp, keys.ResultDown: &k.ResultDown,
		keys.Choose: &k.Choose, keys.CloseSearch: &k.CloseSearch,
		keys.Stories: &k.Stories, keys.Expand: &k.Expand, keys.UnreadOnly: &k.UnreadOnly,
		keys.Star: &k.Star, keys.StarredOnly: &k.StarredOnly, keys.ToggleRead: &k.ToggleRead,
		keys.Find: &k.Find, keys.NextMatch: &k.NextMatch, keys.PrevMatch: &k.PrevMatch,
		keys.PreviewDown: &k.PreviewDown, keys.PreviewUp: &k.PreviewUp,
		keys.NextArticle: &k.NextArticle, keys.PrevArticle: &k.PrevArticle, keys.NextUnread: &k.NextUnread,
		keys.MarkAllRead: &k.MarkAllRead, keys.Zoom: &k.Zoom,
		keys.Edit: &k.Edit, keys.Pager: &k.Pager, keys.Browser: &k.Browser, keys.Copy: &k.Copy,
	}
}

// Bind sets the keys of the action named as a settings file names it
// ("up", "half_page_down", "close_search"...), keeping its help text's
// description.
func (k *KeyMap) Bind(action string, ks ...string) error {
	b, ok := k.fields()[keys.Action(action)]
	if !ok {
		return fmt.Errorf("no key action %q", action)
	}
	if len(ks) == 0 {
		return fmt.Errorf("key action %q needs at least one key", action)
	}
	if slices.Equal(b.Keys(), ks) {
		return nil // keep the hand-written help
	}
	*b = key.NewBinding(key.WithKeys(ks...), key.WithHelp(keyLabel(ks), b.Help().Desc))
	return nil
}

// keyLabel names keys for the help: the first two, arrows drawn.
func keyLabel(ks []string) string {
	arrows := strings.NewReplacer("up", "↑", "down", "↓", "left", "←", "right", "→")
	var names []string
	for _, k := range ks[:min(2, len(ks))] {
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

// as returns a binding's keys with a shorter description, for the
// footer.
func as(b key.Binding, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, desc))
}

// helpFor returns the help for the pane shown in state s. The footer
// names what can be done there, not how to move; the full help has
// every key.
func (k KeyMap) helpFor(s state) paneHelp {
	move := []key.Binding{k.Up, k.Down, k.Top, k.Bottom}
	page := []key.Binding{k.HalfPageDown, k.HalfPageUp, k.PageDown, k.PageUp}
	back, quit := as(k.Quit, "back"), as(k.QuitAll, "quit")
	switch s {
	case stateDetail:
		return paneHelp{
			short: []key.Binding{as(k.NextArticle, "next"), as(k.PrevArticle, "prev"), k.NextUnread,
				as(k.Back, "back"), k.Star, k.Find, k.Help},
			full: [][]key.Binding{move, page, {k.NextArticle, k.PrevArticle, k.NextUnread, k.Back},
				{k.Find, k.NextMatch, k.PrevMatch}, {k.Edit, k.Pager, k.Browser, k.Copy},
				{k.Star, k.ToggleRead, k.MarkAllRead, k.Outlets, k.Problems}, {back, quit, k.ForceQuit, k.Help}},
		}
	case stateStory:
		return paneHelp{
			short: []key.Binding{k.Open, k.Star, as(k.ToggleRead, "read"), as(k.MarkAllRead, "all read"), back, k.Help},
			full: [][]key.Binding{move, page, {k.Open, k.Back, k.Search}, {k.Star, k.ToggleRead, k.MarkAllRead},
				{back, quit, k.Help}},
		}
	case stateSearch:
		return paneHelp{
			short: []key.Binding{k.Choose, k.ResultDown, k.ResultUp, k.CloseSearch, k.ForceQuit},
			full:  [][]key.Binding{{k.ResultDown, k.ResultUp}, {k.Choose, k.CloseSearch, k.ForceQuit}},
		}
	case stateOutlets:
		return paneHelp{
			short: []key.Binding{as(k.Open, "show"), as(k.Search, "filter"), as(k.Back, "back"), k.Help},
			full:  [][]key.Binding{move, page, {as(k.Open, "show"), as(k.Search, "filter"), k.Back}, {back, quit, k.Help}},
		}
	case stateProblems:
		return paneHelp{
			short: []key.Binding{scrollKeys, as(k.Back, "back"), k.Help},
			full:  [][]key.Binding{move, page, {k.Back, back, quit, k.Help}},
		}
	}
	return paneHelp{
		short: []key.Binding{as(k.Expand, "unfold"), k.Star, as(k.ToggleRead, "read"), as(k.UnreadOnly, "unread"),
			k.Outlets, k.Search, k.Help, k.Quit},
		full: [][]key.Binding{move, page, {k.Open, k.Back, k.Search, k.Outlets, k.Problems},
			{k.Stories, k.Expand, k.UnreadOnly, k.StarredOnly, k.Star, k.ToggleRead, k.MarkAllRead},
			{k.Edit, k.Pager, k.Browser, k.Copy, k.PreviewDown, k.PreviewUp, k.Zoom}, {k.Help, k.Quit, quit, k.ForceQuit}},
	}
}

// A help line for what no single binding names.
var (
	scrollKeys = key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "scroll"))
)
