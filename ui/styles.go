package ui

import (
	"image/color"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"

	"github.com/broadsheet/broadsheet/feed"
)

// Styles holds every style the interface draws with. All colors live
// here; the panes only pick styles by name.
//
// With NO_COLOR set every color is lipgloss.NoColor, so that not even the
// frames the model hands the renderer hold a color; bold, italics and
// reverse video still mark what colors would.
type Styles struct {
	isDark  bool
	noColor bool

	// Header and footer.
	AppName  lipgloss.Style
	AppTitle lipgloss.Style
	Header   lipgloss.Style
	Status   lipgloss.Style
	Filter   lipgloss.Style
	Problems lipgloss.Style
	Loading  lipgloss.Style
	Help     help.Styles

	ProgressFull  color.Color
	ProgressEmpty color.Color
	HelpBox       lipgloss.Style

	// The article list and the search results.
	Title         lipgloss.Style
	SelectedTitle lipgloss.Style
	Meta          lipgloss.Style
	SelectedMeta  lipgloss.Style
	Lead          lipgloss.Style
	Selected      lipgloss.Style // the bar left of the selected row
	Unselected    lipgloss.Style // the blank in its place elsewhere
	Match         lipgloss.Style // a matched word in a search snippet
	Empty         lipgloss.Style
	Prompt        lipgloss.Style
	Input         textinput.Styles

	// The article.
	Headline lipgloss.Style
	Byline   lipgloss.Style
	Rule     lipgloss.Style
	Scroll   lipgloss.Style

	// Find in the article: every match, and the one the reader is on.
	FindMatch   lipgloss.Style
	FindCurrent lipgloss.Style

	// The outlet picker.
	Count lipgloss.Style

	// Reading state: an unread article's headline and mark, a star.
	UnreadTitle lipgloss.Style
	Unread      lipgloss.Style
	Star        lipgloss.Style

	// Layout: the line between the list and the preview, a message for
	// the reader in the status bar, and the notice of a window too small.
	Divider  lipgloss.Style
	Notice   lipgloss.Style
	TooSmall lipgloss.Style

	// DateLayout is how dates are drawn, as a Go time layout; "" means
	// 2006-01-02. It rides along with the styles because every pane that
	// draws a date has them.
	DateLayout string
}

// date formats an article's date for the reader, or returns "" when it
// is unknown.
func (s *Styles) date(a *feed.Article) string {
	if a.Date.IsZero() {
		return ""
	}
	if s.DateLayout == "" {
		return a.DateString()
	}
	return cleanLine(a.Date.Format(withYear(s.DateLayout, a.Date, time.Now())))
}

// withYear returns layout, with the year added when it shows none and t
// is not in now's year: "4 Mar" this year, "4 Mar 2025" the last.
func withYear(layout string, t, now time.Time) string {
	if t.Year() == now.Year() || strings.Contains(layout, "06") {
		return layout
	}
	return layout + " 2006"
}

// newStyles returns the styles for a dark or a light background.
func newStyles(isDark bool) *Styles { return themeStyles(isDark, false) }

// themeStyles returns the styles for a dark or a light background, or,
// with noColor, the same styles without a single color.
func themeStyles(isDark, noColor bool) *Styles {
	lightDark := lipgloss.LightDark(isDark)
	if noColor {
		lightDark = func(color.Color, color.Color) color.Color { return lipgloss.NoColor{} }
	}
	var (
		accent  = lightDark(lipgloss.Color("#5A56E0"), lipgloss.Color("#8B87FF"))
		text    = lightDark(lipgloss.Color("#1A1A1A"), lipgloss.Color("#DDDDDD"))
		muted   = lightDark(lipgloss.Color("#6E6E6E"), lipgloss.Color("#9B9B9B"))
		dim     = lightDark(lipgloss.Color("#9B9B9B"), lipgloss.Color("#6C6C6C"))
		faint   = lightDark(lipgloss.Color("#DDDADA"), lipgloss.Color("#3C3C3C"))
		warn    = lightDark(lipgloss.Color("#C2410C"), lipgloss.Color("#F59E0B"))
		hiBack  = lightDark(lipgloss.Color("#FDE68A"), lipgloss.Color("#5B4A00"))
		hiFore  = lightDark(lipgloss.Color("#1A1A1A"), lipgloss.Color("#FFF7D6"))
		badgeFg = lightDark(lipgloss.Color("#FFFDF5"), lipgloss.Color("#FFFDF5"))
		findBg  = lightDark(lipgloss.Color("#BAE6FD"), lipgloss.Color("#1E4E6E"))
		// The keys stand out from what they do; both read at 4.5:1 or
		// better on a white or a black background.
		helpKey = lightDark(lipgloss.Color("#3A3A3A"), lipgloss.Color("#C8C8C8"))
		helpDsc = lightDark(lipgloss.Color("#666666"), lipgloss.Color("#9B9B9B"))
		helpSep = lightDark(lipgloss.Color("#9B9B9B"), lipgloss.Color("#6C6C6C"))
	)

	s := &Styles{isDark: isDark, noColor: noColor}
	s.AppName = lipgloss.NewStyle().Bold(true).Foreground(badgeFg).Background(accent).Padding(0, 1)
	s.AppTitle = lipgloss.NewStyle().Foreground(muted).PaddingLeft(1)
	s.Header = lipgloss.NewStyle().PaddingBottom(1)
	s.Status = lipgloss.NewStyle().Foreground(muted)
	s.Filter = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Problems = lipgloss.NewStyle().Foreground(warn)
	s.Loading = lipgloss.NewStyle().Foreground(muted)
	s.Help = help.Styles{
		ShortKey:       lipgloss.NewStyle().Foreground(helpKey),
		ShortDesc:      lipgloss.NewStyle().Foreground(helpDsc),
		ShortSeparator: lipgloss.NewStyle().Foreground(helpSep),
		Ellipsis:       lipgloss.NewStyle().Foreground(helpSep),
		FullKey:        lipgloss.NewStyle().Foreground(helpKey),
		FullDesc:       lipgloss.NewStyle().Foreground(helpDsc),
		FullSeparator:  lipgloss.NewStyle().Foreground(helpSep),
	}
	s.ProgressFull = accent
	s.ProgressEmpty = faint
	s.HelpBox = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(faint).Padding(1, 2)

	s.Title = lipgloss.NewStyle().Foreground(text)
	s.SelectedTitle = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Meta = lipgloss.NewStyle().Foreground(muted)
	s.SelectedMeta = lipgloss.NewStyle().Foreground(accent)
	s.Lead = lipgloss.NewStyle().Foreground(dim)
	s.Selected = lipgloss.NewStyle().Foreground(accent).SetString("┃ ")
	s.Unselected = lipgloss.NewStyle().SetString("  ")
	s.Match = lipgloss.NewStyle().Foreground(hiFore).Background(hiBack)
	s.Empty = lipgloss.NewStyle().Foreground(dim).Italic(true)
	s.Prompt = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Input = textinput.DefaultStyles(isDark)
	s.Input.Focused.Prompt = s.Prompt
	s.Input.Blurred.Prompt = s.Prompt
	s.Input.Focused.Placeholder = lipgloss.NewStyle().Foreground(dim)
	s.Input.Blurred.Placeholder = s.Input.Focused.Placeholder
	s.Input.Focused.Suggestion = s.Input.Focused.Placeholder
	s.Input.Blurred.Suggestion = s.Input.Focused.Placeholder
	s.Input.Blurred.Text = lipgloss.NewStyle().Foreground(muted)
	s.Input.Cursor.Color = accent
	if noColor {
		// Without colors the name is marked by reverse video instead.
		s.AppName = s.AppName.Reverse(true)
		s.Match = s.Match.Reverse(true)
	}

	s.Headline = lipgloss.NewStyle().Bold(true).Foreground(text)
	s.Byline = lipgloss.NewStyle().Foreground(muted)
	s.Rule = lipgloss.NewStyle().Foreground(faint)
	s.Scroll = lipgloss.NewStyle().Foreground(dim)

	s.FindMatch = lipgloss.NewStyle().Foreground(hiFore).Background(findBg)
	s.FindCurrent = lipgloss.NewStyle().Foreground(hiFore).Background(hiBack).Bold(true)
	if noColor {
		s.FindMatch = s.FindMatch.Underline(true)
		s.FindCurrent = s.FindCurrent.Reverse(true)
	}

	s.Count = lipgloss.NewStyle().Foreground(dim)

	s.UnreadTitle = s.Title.Bold(true)
	s.Unread = lipgloss.NewStyle().Foreground(accent)
	s.Star = lipgloss.NewStyle().Foreground(warn)

	s.Divider = lipgloss.NewStyle().Foreground(faint)
	s.Notice = lipgloss.NewStyle().Foreground(accent)
	s.TooSmall = lipgloss.NewStyle().Foreground(warn).Bold(true)
	return s
}

// glamourStyle names the Glamour style for the background: "dark" or
// "light", or "mono" when there are to be no colors.
func (s *Styles) glamourStyle() string {
	if s.noColor {
		return "mono"
	}
	if s.isDark {
		return "dark"
	}
	return "light"
}
