package ui

import (
	"fmt"
	"image/color"
	"math"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// themes are the looks the goldens cover.
var themes = []struct {
	name string
	opts Options
}{
	{"dark", Options{Title: "test", Theme: "dark"}},
	{"light", Options{Title: "test", Theme: "light"}},
	{"nocolor", Options{Title: "test", NoColor: true}},
}

// TestGoldenLayouts runs the interface in a test program at a narrow, a
// medium and a wide window in each theme, the list and then an article,
// and compares the frames, colors and all, with the goldens. The frames
// are what View hands the renderer, so they do not depend on the
// terminal the tests run in.
func TestGoldenLayouts(t *testing.T) {
	const h = 24
	for _, th := range themes {
		for _, w := range []int{60, 100, 160} {
			t.Run(fmt.Sprintf("%s_%dx%d", th.name, w, h), func(t *testing.T) {
				rec := &recorder{Model: New(eventsOf(testArticles()), th.opts)}
				tm := teatest.NewTestModel(t, rec,
					teatest.WithInitialTermSize(w, h),
					teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.TrueColor)),
				)
				f := &flow{t: t, tm: tm, rec: rec}
				f.waitFor("5 stories · ", "of 5 articles", "Harbour council approves")
				if w >= splitWidth {
					// The preview beside the list.
					f.waitFor("The lighthouse keeper welcomed the change.")
				}
				list := rec.Model.View().Content
				f.press(enter)
				f.waitFor("The lighthouse keeper welcomed the change.", "esc/h back")
				article := f.quit().View().Content
				for name, view := range map[string]string{"list": list, "article": article} {
					t.Run(name, func(t *testing.T) {
						checkFits(t, view, w, h)
						codes := colorCodes(view)
						if th.opts.NoColor && len(codes) > 0 {
							t.Errorf("with NO_COLOR the view holds colors: %q", codes)
						}
						if !th.opts.NoColor && len(codes) == 0 {
							t.Errorf("the %s theme draws no colors", th.name)
						}
						golden.RequireEqual(t, []byte(view))
					})
				}
			})
		}
	}
}

// sgr matches a Select Graphic Rendition sequence.
var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// colorCodes returns the SGR sequences in s that set a color.
func colorCodes(s string) []string {
	var found []string
	for _, m := range sgr.FindAllStringSubmatch(s, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			var n int
			fmt.Sscan(p, &n)
			if (n >= 30 && n <= 38) || (n >= 40 && n <= 48) || n == 58 || (n >= 90 && n <= 97) || (n >= 100 && n <= 107) {
				found = append(found, m[0])
				break
			}
		}
	}
	return found
}

func TestLayoutByWidth(t *testing.T) {
	tests := []struct {
		name      string
		w, h      int
		preview   bool
		tooSmall  bool
		wantShown string
	}{
		{"narrow shows the list alone", 99, 30, false, false, "Harbour council approves"},
		{"wide shows the preview beside it", 100, 30, true, false, "The lighthouse keeper welcomed the change."},
		{"very wide too", 200, 50, true, false, "The lighthouse keeper welcomed the change."},
		{"smallest window drawn", 40, 10, false, false, "Harbour council"},
		{"too narrow", 39, 20, false, true, "Broadsheet needs at least 40×10 — this window is 39×20"},
		{"too low", 120, 9, false, true, "this window is 120×9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := loaded(t, testArticles(), tt.w, tt.h)
			view := m.View().Content
			checkFits(t, view, tt.w, tt.h)
			plain := strings.Join(strings.Fields(ansi.Strip(view)), " ")
			if !strings.Contains(plain, tt.wantShown) {
				t.Errorf("view does not show %q:\n%s", tt.wantShown, ansi.Strip(view))
			}
			if got := m.split(); got != tt.preview {
				t.Errorf("split = %v, want %v", got, tt.preview)
			}
			if got := strings.Contains(plain, "Lighthouse") || strings.Contains(plain, "lighthouse keeper"); got != tt.preview {
				t.Errorf("preview shown = %v, want %v", got, tt.preview)
			}
			if got := m.tooSmall(); got != tt.tooSmall {
				t.Errorf("tooSmall = %v, want %v", got, tt.tooSmall)
			}
		})
	}
}

func TestPreviewFollowsSelection(t *testing.T) {
	m := loaded(t, testArticles(), 120, 30)
	tests := []struct {
		name string
		msg  tea.Msg
		want string
	}{
		{"down", down, "Detours will run past the old mill."},
		{"down again", tea.KeyPressMsg{Code: 'j', Text: "j"}, "The herring auction starts at dawn."},
		{"wheel over the list", tea.MouseWheelMsg{X: 5, Y: 5, Button: tea.MouseWheelDown}, "The apple queen was crowned at noon."},
		{"click on the first row", tea.MouseClickMsg{X: 5, Y: 2, Button: tea.MouseLeft}, "The lighthouse keeper welcomed the change."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			send(m, tt.msg)
			if !strings.Contains(ansi.Strip(m.View().Content), tt.want) {
				t.Errorf("preview does not show %q:\n%s", tt.want, ansi.Strip(m.View().Content))
			}
		})
	}
}

func TestPreviewRendersOneAtATime(t *testing.T) {
	m := loaded(t, testArticles(), 120, 30)
	// Three moves while the first rendering is under way: one command,
	// and the preview catches up with the last when it arrives.
	_, first := m.Update(down)
	if first == nil {
		t.Fatal("moving the selection renders nothing")
	}
	for range 2 {
		if _, cmd := m.Update(down); cmd != nil {
			t.Errorf("a move started a rendering while another was under way")
		}
	}
	var msg tea.Msg
	for cmd := first; cmd != nil; {
		msg = cmd()
		if b, ok := msg.(tea.BatchMsg); ok {
			cmd = slices.DeleteFunc(b, func(c tea.Cmd) bool { return c == nil })[0]
			continue
		}
		break
	}
	r, ok := msg.(renderedMsg)
	if !ok || r.id != "a2" {
		t.Fatalf("first rendering = %#v, want the second article's", msg)
	}
	_, next := m.Update(r)
	if next == nil {
		t.Fatal("the preview does not catch up with the selection")
	}
	if r := next().(renderedMsg); r.id != "a4" {
		t.Errorf("catching up rendered %s, want a4", r.id)
	}
}

func TestClickSelectsAndOpens(t *testing.T) {
	m := loaded(t, testArticles(), 80, 24)
	// Rows are two lines and a gap, below a header of two lines.
	send(m, tea.MouseClickMsg{X: 3, Y: 2 + 3*2, Button: tea.MouseLeft})
	if got := m.list.selected().ID; got != "a3" {
		t.Fatalf("click on the third row selected %s", got)
	}
	send(m, tea.MouseClickMsg{X: 3, Y: 2 + 3*2 + 2, Button: tea.MouseLeft}) // the gap
	if got := m.list.selected().ID; got != "a3" {
		t.Errorf("click between rows moved the selection to %s", got)
	}
	send(m, tea.MouseClickMsg{X: 3, Y: 2 + 3*2 + 1, Button: tea.MouseLeft})
	if m.state != stateDetail || m.detail.article.ID != "a3" {
		t.Errorf("click on the selected row did not open it")
	}
	send(m, esc)
	send(m, tea.KeyPressMsg{Code: 'o', Text: "o"})
	send(m, tea.MouseClickMsg{X: 3, Y: 2 + 1, Button: tea.MouseLeft})
	if name, _ := m.outlets.selected(); name != "The Harbour Gazette" {
		t.Errorf("click in the outlet picker selected %q", name)
	}
	send(m, tea.MouseClickMsg{X: 3, Y: 2 + 1, Button: tea.MouseLeft})
	if m.state != stateList || m.filter != "The Harbour Gazette" {
		t.Errorf("click on the selected outlet: state %v, filter %q", m.state, m.filter)
	}
}

func TestWheelScrollsPaneUnderPointer(t *testing.T) {
	arts := testArticles()
	arts[0].Body = strings.Repeat("A paragraph of the article that goes on.\n\n", 60)
	m := loaded(t, arts, 120, 30)
	send(m, tea.MouseWheelMsg{X: 100, Y: 10, Button: tea.MouseWheelDown})
	if m.preview.viewport.YOffset() == 0 {
		t.Errorf("the wheel over the preview did not scroll it")
	}
	if m.list.scroll.cursor != 0 {
		t.Errorf("the wheel over the preview moved the list")
	}
}

func TestFindInArticle(t *testing.T) {
	arts := testArticles()
	arts[0].Body = "Harbour talk.\n\n" + strings.Repeat("Filler paragraph.\n\n", 40) + "The harbour at last.\n\n" +
		strings.Repeat("More filler.\n\n", 40) + "HARBOUR again."
	m := loaded(t, arts, 80, 24)
	send(m, enter)
	typ := func(s string) {
		for _, r := range s {
			send(m, tea.KeyPressMsg{Code: r, Text: string(r)})
		}
	}
	typ("/harbour")
	send(m, enter)
	// The headline, the outlet, the first paragraph and two more: case
	// is ignored.
	if got := len(m.detail.find.matches); got != 5 {
		t.Fatalf("found %d matches, want 5", got)
	}
	steps := []struct {
		key  string
		want int
	}{{"n", 1}, {"n", 2}, {"n", 3}, {"n", 4}, {"n", 0}, {"N", 4}, {"N", 3}}
	for _, s := range steps {
		typ(s.key)
		if got := m.detail.find.current; got != s.want {
			t.Fatalf("after %s on match %d, want %d", s.key, got, s.want)
		}
		line := m.detail.find.matches[s.want].line
		if y := m.detail.viewport.YOffset(); line < y || line >= y+m.detail.viewport.Height() {
			t.Errorf("match %d on line %d is off screen (lines %d-%d)", s.want, line, y, y+m.detail.viewport.Height())
		}
	}
	view := m.View().Content
	if !strings.Contains(view, m.styles.FindCurrent.Render("harbour")) {
		t.Errorf("the current match is not highlighted")
	}
	if !strings.Contains(ansi.Strip(view), "/harbour: 4 of 5") {
		t.Errorf("the status does not count the matches:\n%s", ansi.Strip(view))
	}
	send(m, esc)
	if m.state != stateDetail || m.detail.finding() {
		t.Errorf("esc with a find in force: state %v, finding %v; want the find dropped first", m.state, m.detail.finding())
	}
	send(m, esc)
	if m.state != stateList {
		t.Errorf("second esc did not go back to the list")
	}
}

func TestReadingPositionKept(t *testing.T) {
	arts := testArticles()
	arts[1].Body = strings.Repeat("A paragraph of the article that goes on.\n\n", 60)
	m := loaded(t, arts, 80, 24)
	send(m, down)
	send(m, enter)
	for range 3 {
		send(m, tea.KeyPressMsg{Code: tea.KeyPgDown})
	}
	pos := m.detail.position()
	if pos == 0 {
		t.Fatal("page down did not scroll")
	}
	send(m, esc)
	send(m, up)
	send(m, enter)
	if got := m.detail.position(); got != 0 {
		t.Errorf("another article opened at line %d, want the top", got)
	}
	send(m, esc)
	send(m, down)
	send(m, enter)
	if got := m.detail.position(); got != pos {
		t.Errorf("reopened at line %d, want %d where the reader left it", got, pos)
	}
}

var up = tea.KeyPressMsg{Code: tea.KeyUp}

func TestActionsOnArticles(t *testing.T) {
	tests := []struct {
		name    string
		opts    Options
		url     string
		key     rune
		wantCmd bool
		notice  string
	}{
		{"pager on a sample", Options{Samples: true}, "", 'v', false, "bundled samples: there is no file to page through"},
		{"editor on a sample", Options{Samples: true}, "", 'e', false, "no file to edit"},
		{"browser without a link", Options{}, "", 'b', false, "no web address"},
		{"browser with an unsafe link", Options{}, "javascript:alert(1)", 'b', false, "no web address"},
		{"browser with a link", Options{}, "https://example.com/a", 'b', true, ""},
		{"copy a link", Options{}, "https://example.com/a", 'y', true, "Sent the link to the terminal's clipboard."},
		{"copy a path", Options{}, "", 'y', true, "Sent the file's path to the terminal's clipboard."},
		{"copy a sample without a link", Options{Samples: true}, "", 'y', false, "neither a link nor a file"},
	}
	saved := clipboardTools
	defer func() { clipboardTools = saved }()
	clipboardTools = nil // no clipboard program: OSC 52
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := testArticles()
			arts[0].URL = tt.url
			m := loadedWith(t, tt.opts, arts, 80, 24)
			_, cmd := m.Update(tea.KeyPressMsg{Code: tt.key, Text: string(tt.key)})
			if (cmd != nil) != tt.wantCmd {
				t.Errorf("command = %v, want one: %v", cmd != nil, tt.wantCmd)
			}
			if !strings.Contains(m.notice, tt.notice) {
				t.Errorf("notice = %q, want it to say %q", m.notice, tt.notice)
			}
			if tt.notice != "" && !strings.Contains(ansi.Strip(m.View().Content), tt.notice[:min(20, len(tt.notice))]) {
				t.Errorf("the status bar does not show the notice")
			}
			send(m, down)
			if m.notice != "" {
				t.Errorf("the notice outlived the next key")
			}
		})
	}
}

func TestShellCommandPassesPathApart(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	path := `a file; with "quotes" $HOME`
	out, err := shellCommand(`printf '%s|'`, path).Output()
	if err != nil {
		t.Fatal(err)
	}
	if got := string(out); got != path+"|" {
		t.Errorf("the program got %q, want %q", got, path+"|")
	}
}

func TestSafeURL(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"https://example.com/a?b=c#d", "https://example.com/a?b=c#d", true},
		{"http://example.com", "http://example.com", true},
		{"mailto:news@example.com", "mailto:news@example.com", true},
		{"HTTPS://Example.com/", "HTTPS://Example.com/", true},
		{"https://example.com/caf\u00e9", "https://example.com/caf%C3%A9", true},
		{"https://example.com/a\"b<c>", "https://example.com/a%22b%3Cc%3E", true},
		{"javascript:alert(1)", "", false},
		{"file:///etc/passwd", "", false},
		{"ftp://example.com", "", false},
		{"https://exa mple.com", "", false},
		{"https://example.com/\x1b]8;;x\x07", "", false},
		{"https://example.com/\u009b", "", false},
		{"/relative/path", "", false},
		{"https:///nohost", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := safeURL(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("safeURL(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestRenderedLinksAreSafe(t *testing.T) {
	md := "See [the report](https://example.com/report caf\u00e9) and [this](javascript:alert(1)) and [mail](mailto:a@example.com)."
	out, err := renderMarkdown(md, 80, "dark")
	if err != nil {
		t.Fatal(err)
	}
	var links []string
	for _, m := range hyperlink.FindAllStringSubmatch(out, -1) {
		if m[2] != "" {
			links = append(links, m[2])
		}
	}
	for _, l := range links {
		if u, ok := safeURL(l); !ok || u != l {
			t.Errorf("unsafe hyperlink %q left in the output", l)
		}
	}
	if !slices.Contains(links, "mailto:a@example.com") {
		t.Errorf("safe links were dropped: %q", links)
	}
	if strings.Contains(out, "\x1b]8;;javascript") || strings.Contains(out, "8;id") && strings.Contains(out, "javascript:alert(1)\x07") {
		t.Errorf("a javascript: link became a hyperlink")
	}
}

func TestTooSmallStillQuits(t *testing.T) {
	m := loaded(t, testArticles(), 30, 8)
	_, cmd := m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"})
	if cmd == nil {
		t.Fatal("q does nothing in a small window")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("q does not quit in a small window")
	}
}

func TestListTakesHalfTheWidthBesideThePreview(t *testing.T) {
	for _, w := range []int{100, 160, 200} {
		m := loaded(t, testArticles(), w, 30)
		if got := m.list.width; got < w/2 {
			t.Errorf("at %d columns the list is %d wide, less than half", w, got)
		}
		if got := m.listWidth() + lipgloss.Width(m.divider(1)) + m.previewWidth(); got != w {
			t.Errorf("at %d columns list, divider and preview take %d", w, got)
		}
	}
}

func TestZoomEitherPane(t *testing.T) {
	m := loaded(t, testArticles(), 120, 30)
	z := tea.KeyPressMsg{Code: 'z', Text: "z"}
	plain := func() string { return ansi.Strip(m.View().Content) }
	send(m, z)
	if s := plain(); strings.Contains(s, "│") || strings.Contains(s, "lighthouse keeper") || !strings.Contains(s, "zoom: list") {
		t.Errorf("z does not give the list the window:\n%s", s)
	}
	if m.list.width != 120 {
		t.Errorf("the zoomed list is %d wide, want 120", m.list.width)
	}
	send(m, z)
	if s := plain(); strings.Contains(s, "Bridge repairs") || !strings.Contains(s, "The lighthouse keeper welcomed the change.") || !strings.Contains(s, "zoom: preview") {
		t.Errorf("z again does not give the preview the window:\n%s", s)
	}
	// j still moves the list under a zoomed preview.
	send(m, down)
	if s := plain(); !strings.Contains(s, "Detours will run past the old mill.") {
		t.Errorf("the zoomed preview does not follow the list:\n%s", s)
	}
	send(m, z)
	if s := plain(); !strings.Contains(s, "│") || !strings.Contains(s, "Bridge repairs") || strings.Contains(s, "zoom:") {
		t.Errorf("z a third time does not share the window again:\n%s", s)
	}
	checkFits(t, m.View().Content, 120, 30)
}

// TestHelpNeverClips opens the help of every pane in a small window:
// every key's line is shown whole.
func TestHelpNeverClips(t *testing.T) {
	const w, h = 64, 24
	for _, from := range []state{stateList, stateDetail, stateStory, stateOutlets, stateProblems} {
		m := loaded(t, testArticles(), w, h)
		m.back, m.state = from, stateHelp
		view := ansi.Strip(m.View().Content)
		checkFits(t, m.View().Content, w, h)
		for _, group := range m.helpOf(from).FullHelp() {
			for _, b := range group {
				if !b.Enabled() {
					continue
				}
				if !strings.Contains(view, b.Help().Desc) {
					t.Errorf("help from state %d at %dx%d lacks %q %q:\n%s", from, w, h, b.Help().Key, b.Help().Desc, view)
				}
			}
		}
	}
}

// TestFooterReadsOnBothBackgrounds checks that the footer's keys and
// what they do stand out from a white and a black background by the
// 4.5:1 contrast WCAG asks of text.
func TestFooterReadsOnBothBackgrounds(t *testing.T) {
	for _, dark := range []bool{false, true} {
		st := newStyles(dark)
		bg := lipgloss.Color("#FFFFFF")
		if dark {
			bg = lipgloss.Color("#000000")
		}
		for name, s := range map[string]lipgloss.Style{
			"key": st.Help.ShortKey, "desc": st.Help.ShortDesc, "status": st.Status,
		} {
			if r := contrast(s.GetForeground(), bg); r < 4.5 {
				t.Errorf("dark=%v: the footer's %s reads at %.1f:1 on its background, under 4.5:1", dark, name, r)
			}
		}
	}
}

// contrast returns the WCAG contrast ratio of two colors.
func contrast(a, b color.Color) float64 {
	lum := func(c color.Color) float64 {
		r, g, bl, _ := c.RGBA()
		ch := func(v uint32) float64 {
			x := float64(v) / 0xffff
			if x <= 0.03928 {
				return x / 12.92
			}
			return math.Pow((x+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(r) + 0.7152*ch(g) + 0.0722*ch(bl)
	}
	la, lb := lum(a), lum(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}
