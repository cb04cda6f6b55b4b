// Package keys declares, once, every action a key can do in the reader:
// the name a settings file gives it, the keys it has by default, and how
// the help shows it. The reader's key map and the settings file's
// defaults and checks are both made from this table. It knows nothing of
// terminals or of settings files.
package keys

import "slices"

// Action names a thing a key can do, as the [keys] table of a settings
// file spells it.
type Action string

// The actions, in the order a settings file lists them.
const (
	Up           Action = "up"
	Down         Action = "down"
	Top          Action = "top"
	Bottom       Action = "bottom"
	HalfPageDown Action = "half_page_down"
	HalfPageUp   Action = "half_page_up"
	PageDown     Action = "page_down"
	PageUp       Action = "page_up"
	Open         Action = "open"
	Back         Action = "back"
	Search       Action = "search"
	Outlets      Action = "outlets"
	Problems     Action = "problems"
	Help         Action = "help"
	Quit         Action = "quit"
	QuitAll      Action = "quit_all"
	ForceQuit    Action = "force_quit"
	ResultUp     Action = "result_up"
	ResultDown   Action = "result_down"
	Choose       Action = "choose"
	CloseSearch  Action = "close_search"
	Stories      Action = "stories"
	Expand       Action = "expand"
	UnreadOnly   Action = "unread_only"
	Star         Action = "star"
	StarredOnly  Action = "starred_only"
	ToggleRead   Action = "toggle_read"
	Find         Action = "find"
	NextMatch    Action = "next_match"
	PrevMatch    Action = "prev_match"
	PreviewDown  Action = "preview_down"
	PreviewUp    Action = "preview_up"
	NextArticle  Action = "next_article"
	PrevArticle  Action = "prev_article"
	NextUnread   Action = "next_unread"
	MarkAllRead  Action = "mark_all_read"
	Zoom         Action = "zoom"
	Edit         Action = "edit"
	Pager        Action = "pager"
	Browser      Action = "browser"
	Copy         Action = "copy"
)

// Binding is an action's default keys and its line in the help.
type Binding struct {
	Action Action
	// Keys are the keys, as Bubble Tea names them ("ctrl+d", "space").
	Keys []string
	// Label is how the help shows the keys ("↑/k"); Desc says what the
	// action does ("up").
	Label, Desc string
}

// defaults is the table: vim keys and arrows alike.
var defaults = []Binding{
	{Up, []string{"up", "k"}, "↑/k", "up"},
	{Down, []string{"down", "j"}, "↓/j", "down"},
	{Top, []string{"home", "g"}, "g/home", "top"},
	{Bottom, []string{"end", "G"}, "G/end", "bottom"},
	{HalfPageDown, []string{"ctrl+d"}, "ctrl+d", "half page down"},
	{HalfPageUp, []string{"ctrl+u"}, "ctrl+u", "half page up"},
	{PageDown, []string{"pgdown", "space", "f", "ctrl+f"}, "pgdn/f", "page down"},
	{PageUp, []string{"pgup", "ctrl+b"}, "pgup/ctrl+b", "page up"},
	{Open, []string{"enter", "l", "right"}, "enter/l", "open"},
	{Back, []string{"esc", "h", "backspace", "left"}, "esc/h", "back"},
	{Search, []string{"/"}, "/", "search"},
	{Outlets, []string{"o"}, "o", "outlets"},
	{Problems, []string{"!", "p"}, "!", "problems"},
	{Help, []string{"?"}, "?", "help"},
	// Goes back one level, as in newsboat; quits from the list.
	{Quit, []string{"q"}, "q", "quit"},
	{QuitAll, []string{"Q"}, "Q", "quit"},
	// Quits even while a search is being typed.
	{ForceQuit, []string{"ctrl+c"}, "ctrl+c", "quit"},
	// Move through search results while the query is typed, so no letters.
	{ResultUp, []string{"up", "ctrl+p", "ctrl+k"}, "↑/ctrl+p", "up"},
	{ResultDown, []string{"down", "ctrl+n", "ctrl+j"}, "↓/ctrl+n", "down"},
	{Choose, []string{"enter"}, "enter", "open"},
	{CloseSearch, []string{"esc"}, "esc", "back"},
	{Stories, []string{"t"}, "t", "stories"},
	{Expand, []string{"tab"}, "tab", "expand story"},
	{UnreadOnly, []string{"u"}, "u", "unread only"},
	{Star, []string{"s"}, "s", "star"},
	{StarredOnly, []string{"S"}, "S", "starred only"},
	{ToggleRead, []string{"m"}, "m", "mark read/unread"},
	{Find, []string{"/"}, "/", "find"},
	{NextMatch, []string{"n"}, "n", "next match"},
	{PrevMatch, []string{"N"}, "N", "previous match"},
	{PreviewDown, []string{"shift+down"}, "shift+↓", "scroll preview down"},
	{PreviewUp, []string{"shift+up"}, "shift+↑", "scroll preview up"},
	// In an article: the next or previous article of the list it was
	// opened from, and the next unread one, across stories.
	{NextArticle, []string{"J"}, "J", "next article"},
	{PrevArticle, []string{"K"}, "K", "previous article"},
	{NextUnread, []string{"]"}, "]", "next unread"},
	{MarkAllRead, []string{"A"}, "A", "mark all read"},
	// Gives the whole window to the list, or to the preview, and back.
	{Zoom, []string{"z"}, "z", "zoom pane"},
	{Edit, []string{"e"}, "e", "edit file"},
	{Pager, []string{"v"}, "v", "view in pager"},
	{Browser, []string{"b"}, "b", "open in browser"},
	{Copy, []string{"y"}, "y", "copy link"},
}

// Defaults returns every action with its default keys, in the order a
// settings file lists them. The result is the caller's to change.
func Defaults() []Binding {
	out := slices.Clone(defaults)
	for i := range out {
		out[i].Keys = slices.Clone(out[i].Keys)
	}
	return out
}

// Names returns every action's name, in the order a settings file lists
// them.
func Names() []string {
	out := make([]string, len(defaults))
	for i, d := range defaults {
		out[i] = string(d.Action)
	}
	return out
}

// Lookup returns the default binding of the action a settings file names
// name, and whether there is one.
func Lookup(name string) (Binding, bool) {
	i := slices.IndexFunc(defaults, func(d Binding) bool { return string(d.Action) == name })
	if i < 0 {
		return Binding{}, false
	}
	b := defaults[i]
	b.Keys = slices.Clone(b.Keys)
	return b, true
}

// MayShare reports whether actions a and b may be bound to one key: when
// their default keys share one, they work in different places (search
// in the list, find in an article; the arrows while a query is typed and
// while not) and never both see a key press.
func MayShare(a, b Action) bool {
	da, oka := Lookup(string(a))
	db, okb := Lookup(string(b))
	if !oka || !okb {
		return false
	}
	for _, k := range da.Keys {
		if slices.Contains(db.Keys, k) {
			return true
		}
	}
	return false
}
