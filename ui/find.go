package ui

import (
	"fmt"
	"regexp"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// match is one place find found its text: a line of the rendered article
// and the cells [start, end) of it.
type match struct{ line, start, end int }

// finder finds text in the article being read: a query box at the foot
// of the pane, the matches marked in the text, and the one the reader is
// on.
type finder struct {
	styles *Styles
	input  textinput.Model
	// active reports whether the query is being typed.
	active  bool
	query   string
	matches []match
	current int
}

func newFinder(st *Styles) finder {
	in := textinput.New()
	in.Prompt = "/"
	in.Placeholder = "find in article"
	in.SetStyles(st.Input)
	return finder{styles: st, input: in}
}

// reset forgets the query, for another article.
func (f *finder) reset() {
	f.active, f.query, f.matches, f.current = false, "", nil, 0
	f.input.SetValue("")
	f.input.Blur()
}

// typing reports whether the query box has the keys.
func (f finder) typing() bool { return f.active }

// start opens the query box.
func (f *finder) start() tea.Cmd {
	f.active = true
	f.input.SetStyles(f.styles.Input)
	f.input.SetValue(f.query)
	f.input.CursorEnd()
	return f.input.Focus()
}

// search finds the query in lines, which may be styled: matches are in
// cells of the text as drawn, regardless of case.
func (f *finder) search(lines []string) {
	f.matches = nil
	if strings.TrimSpace(f.query) == "" {
		return
	}
	re := regexp.MustCompile("(?i)" + regexp.QuoteMeta(f.query))
	for i, l := range lines {
		plain := ansi.Strip(l)
		for _, loc := range re.FindAllStringIndex(plain, -1) {
			start := ansi.StringWidth(plain[:loc[0]])
			f.matches = append(f.matches, match{line: i, start: start, end: start + ansi.StringWidth(plain[loc[0]:loc[1]])})
		}
	}
	f.current = min(f.current, max(0, len(f.matches)-1))
}

// mark returns lines with every match highlighted and the current one
// highlighted more.
func (f finder) mark(lines []string) []string {
	if len(f.matches) == 0 {
		return lines
	}
	out := make([]string, len(lines))
	copy(out, lines)
	for i := 0; i < len(f.matches); {
		// The matches of one line, in order.
		j := i
		for j < len(f.matches) && f.matches[j].line == f.matches[i].line {
			j++
		}
		n := f.matches[i].line
		line, plain := lines[n], ansi.Strip(lines[n])
		var b strings.Builder
		at := 0
		for k := i; k < j; k++ {
			m := f.matches[k]
			st := f.styles.FindMatch
			if k == f.current {
				st = f.styles.FindCurrent
			}
			b.WriteString(ansi.Cut(line, at, m.start))
			b.WriteString(ansi.ResetStyle)
			b.WriteString(st.Render(ansi.Cut(plain, m.start, m.end)))
			at = m.end
		}
		b.WriteString(ansi.Cut(line, at, ansi.StringWidth(line)))
		out[n] = b.String()
		i = j
	}
	return out
}

// nearest returns the first match at or after line y, or the last one.
func (f finder) nearest(y int) int {
	for i, m := range f.matches {
		if m.line >= y {
			return i
		}
	}
	return len(f.matches) - 1
}

// status draws the query box while typing, then what was found.
func (f finder) status() string {
	if f.active {
		return f.input.View()
	}
	if f.query == "" {
		return ""
	}
	q := cleanLine(f.query)
	if len(f.matches) == 0 {
		return f.styles.Problems.Render(fmt.Sprintf("/%s: not found", q))
	}
	return f.styles.Scroll.Render(fmt.Sprintf("/%s: %d of %d", q, f.current+1, len(f.matches)))
}

// updateFind handles a key while the query is typed: the matches follow
// each key, enter keeps them and esc drops the box (and the query, when
// it is empty).
func (d detail) updateFind(msg tea.KeyPressMsg) (detail, tea.Cmd) {
	f := &d.find
	switch {
	case key.Matches(msg, d.keys.Choose):
		f.active = false
		f.input.Blur()
		return d, nil
	case key.Matches(msg, d.keys.CloseSearch):
		f.active = false
		f.input.Blur()
		if f.input.Value() == "" {
			f.query = ""
			d.refind()
		}
		return d, nil
	}
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	if v := f.input.Value(); v != f.query {
		f.query = v
		f.current = 0
		d.refind()
		if len(f.matches) > 0 {
			f.current = f.nearest(d.viewport.YOffset())
			d.reveal()
		}
	}
	return d, cmd
}

// clearFind drops the query and its marks.
func (d *detail) clearFind() {
	d.find.reset()
	d.refind()
}

// finding reports whether find has a query in force.
func (d *detail) finding() bool { return d.find.query != "" }

// refind searches the lines shown again and redraws the marks.
func (d *detail) refind() {
	if d.lines == nil {
		return
	}
	d.find.search(d.lines)
	y := d.viewport.YOffset()
	d.viewport.SetContentLines(d.find.mark(d.lines))
	d.viewport.SetYOffset(y)
}

// jump moves to the next match (dir 1) or the previous one (-1),
// wrapping around, and scrolls it into view.
func (d *detail) jump(dir int) {
	n := len(d.find.matches)
	if n == 0 {
		return
	}
	d.find.current = (d.find.current + dir + n) % n
	y := d.viewport.YOffset()
	d.viewport.SetContentLines(d.find.mark(d.lines))
	d.viewport.SetYOffset(y)
	d.reveal()
}

// reveal scrolls the current match into view, a third of the way down
// when it has to move.
func (d *detail) reveal() {
	line := d.find.matches[d.find.current].line
	y, h := d.viewport.YOffset(), d.viewport.Height()
	if line < y || line >= y+h {
		d.viewport.SetYOffset(max(0, line-h/3))
	}
	y = d.viewport.YOffset()
	d.viewport.SetContentLines(d.find.mark(d.lines))
	d.viewport.SetYOffset(y)
}
