package ui

import (
	"strings"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"

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

// renderMarkdown renders Markdown with Glamour in the named style,
// wrapped at width.
func renderMarkdown(md string, width int, style string) (string, error) {
	r, err := glamour.NewTermRenderer(glamour.WithStyles(glamourStyles(style)), glamour.WithWordWrap(width))
	if err != nil {
		return "", err
	}
	return r.Render(md)
}

// glamourStyles returns the Glamour style config for "dark", "light" or
// "notty".
func glamourStyles(style string) ansi.StyleConfig {
	switch style {
	case "light":
		return styles.LightStyleConfig
	case "notty":
		return styles.NoTTYStyleConfig
	}
	return styles.DarkStyleConfig
}
