package ui

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"

	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"

	"github.com/broadsheet/broadsheet/feed"
)

// ArticleMarkdown returns the article as one Markdown document: headline,
// a line of outlet, date and byline, then the body.
func ArticleMarkdown(a *feed.Article) string {
	var b strings.Builder
	b.WriteString("# " + cleanLine(a.Title) + "\n\n")
	b.WriteString("*" + strings.Join(metaParts(a, a.DateString()), " · ") + "*\n\n")
	b.WriteString(clean(a.Body))
	b.WriteString("\n")
	return b.String()
}

// metaParts returns what is known of an article beside its title: its
// outlet, its date (as given) when known and its byline when there is
// one, each made safe to draw.
func metaParts(a *feed.Article, date string) []string {
	meta := []string{cleanLine(feed.OutletName(a))}
	if d := date; d != "" {
		meta = append(meta, d)
	}
	if b := strings.TrimSpace(cleanLine(a.Byline)); b != "" {
		meta = append(meta, b)
	}
	return meta
}

// RenderArticle renders an article for a terminal of the given width.
// style is "dark", "light" or "notty" (plain text for pipes).
func RenderArticle(a *feed.Article, width int, style string) (string, error) {
	return renderMarkdown(ArticleMarkdown(a), width, style)
}

// renderBudget is how long a rendering may take before the page is
// shown as plain text instead. normalizeMarkdown bounds Glamour's work;
// the budget is the backstop for what it misses.
var renderBudget = 3 * time.Second

// glamourRender is Glamour itself; tests put a slow stand-in here.
var glamourRender = func(md string, width int, style string) (string, error) {
	r, err := glamour.NewTermRenderer(glamour.WithStyles(glamourStyles(style)), glamour.WithWordWrap(width))
	if err != nil {
		return "", err
	}
	return r.Render(md)
}

// tooSlowNote heads a page shown as plain text for want of time.
const tooSlowNote = "(This page could not be formatted in time; it is shown as plain text.)"

// renderMarkdown renders Markdown with Glamour in the named style,
// wrapped at width, once made safe for Glamour (normalizeMarkdown). A
// rendering that takes longer than renderBudget is left to finish
// unseen, and the page comes back as plain wrapped text with a note.
// The reader and the show command both render through here.
func renderMarkdown(md string, width int, style string) (string, error) {
	type result struct {
		out string
		err error
	}
	done := make(chan result, 1)
	// The goroutine may outlive this call: it keeps the renderer it was
	// started with, whatever glamourRender is set to later.
	render := glamourRender
	go func() {
		out, err := render(normalizeMarkdown(md), width, style)
		done <- result{out, err}
	}()
	timer := time.NewTimer(renderBudget)
	defer timer.Stop()
	select {
	case r := <-done:
		if r.err != nil {
			return "", r.err
		}
		margin := 0
		if m := glamourStyles(style).Document.Margin; m != nil {
			margin = int(*m)
		}
		// Glamour turns character references into the characters they
		// name: only its own styles may reach the terminal.
		return feed.SanitizeStyled(safeLinks(hangItems(restoreURLs(r.out, md), width, margin+listHang))), nil
	case <-timer.C:
		return plainPage(md, width), nil
	}
}

// plainPage returns Markdown as plain text wrapped at width, under
// tooSlowNote.
func plainPage(md string, width int) string {
	w := max(width, 20)
	body := ansi.Wrap(clean(md), w, "")
	return ansi.Wrap(tooSlowNote, w, "") + "\n\n" + body + "\n"
}

// hyperlink matches an OSC 8 hyperlink sequence as Glamour writes it:
// parameters, then the address, ended by BEL or ST.
var hyperlink = regexp.MustCompile(`\x1b\]8;([^;\x07\x1b]*);([^\x07\x1b]*)(?:\x07|\x1b\\)`)

// safeLinks keeps the terminal hyperlinks in Glamour's output whose
// address is safe (see safeURL), rewritten to its safe form, and drops
// the others, leaving their text.
func safeLinks(s string) string {
	if !strings.Contains(s, "\x1b]8;") {
		return s
	}
	return hyperlink.ReplaceAllStringFunc(s, func(seq string) string {
		m := hyperlink.FindStringSubmatch(seq)
		if m[2] == "" {
			return "\x1b]8;;\x07" // the end of a link
		}
		u, ok := safeURL(m[2])
		if !ok {
			return ""
		}
		params := ""
		if strings.HasPrefix(m[1], "id=") && strings.Trim(m[1][3:], "0123456789") == "" {
			params = m[1]
		}
		return "\x1b]8;" + params + ";" + u + "\x07"
	})
}

// safeURL returns a web or mail address fit to hand to a browser or to
// the terminal as a hyperlink, and whether it is: http, https or mailto
// only, with no control characters or spaces, and every byte outside
// printable ASCII (or that some terminals mistake) percent-encoded.
func safeURL(raw string) (string, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > 4096 {
		return "", false
	}
	for _, r := range raw {
		if isControl(r) || unicode.IsSpace(r) || r == replacement {
			return "", false
		}
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return "", false
		}
	case "mailto":
		if u.Opaque == "" && u.Path == "" {
			return "", false
		}
	default:
		return "", false
	}
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte("\"<>\\^`{|}", c) >= 0 {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String(), true
}

// glamourStyles returns the Glamour style config for "dark", "light",
// "mono" (no colors, as NO_COLOR asks: emphasis in bold and italic) or
// "notty" (plain text for pipes: emphasis dropped), amended where Glamour's own would draw wrongly (see
// quoteBar).
func glamourStyles(style string) gansi.StyleConfig {
	var c gansi.StyleConfig
	switch style {
	case "light":
		c = styles.LightStyleConfig
	case "notty", "mono":
		c = styles.NoTTYStyleConfig
		// Emphasis is never shown as the marks that make it.
		c.Emph.BlockPrefix, c.Emph.BlockSuffix = "", ""
		c.Strong.BlockPrefix, c.Strong.BlockSuffix = "", ""
		if style == "mono" {
			yes := true
			c.Emph.Italic, c.Strong.Bold = &yes, &yes
		}
	default:
		c = styles.DarkStyleConfig
	}
	quoteBar(&c.BlockQuote)
	hangingLists(&c)
	return c
}

// quoteBar makes a block quote take from the width what its bar takes.
// Glamour counts a quote's indent in bars but its bar ("│ ") is two
// columns wide, so it wraps each quoted line one column too wide and
// the document's margin pushes the last word of each onto a line of its
// own, without the bar. As a margin the bar counts in columns: Glamour
// draws it once on the left and keeps as many columns free on the
// right.
func quoteBar(q *gansi.StyleBlock) {
	if q.IndentToken == nil {
		return
	}
	if q.Indent == nil || *q.Indent != 1 || ansi.StringWidth(*q.IndentToken) != 2 || q.Margin != nil {
		return
	}
	zero, one := uint(0), uint(1)
	q.Indent, q.Margin = &zero, &one
}
