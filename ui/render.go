package ui

import (
	"strings"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"

	"github.com/broadsheet/broadsheet/feed"
)

// ArticleMarkdown returns the article as one Markdown document: headline,
// a line of outlet, date and byline, then the body.
func ArticleMarkdown(a *feed.Article) string {
	var b strings.Builder
	b.WriteString("# " + a.Title + "\n\n")
	meta := []string{feed.OutletName(a)}
	if d := a.DateString(); d != "" {
		meta = append(meta, d)
	}
	if a.Byline != "" {
		meta = append(meta, a.Byline)
	}
	b.WriteString("*" + strings.Join(meta, " · ") + "*\n\n")
	b.WriteString(a.Body)
	b.WriteString("\n")
	return b.String()
}

// RenderArticle renders an article for a terminal of the given width.
// style is "dark", "light" or "notty" (plain text for pipes).
func RenderArticle(a *feed.Article, width int, style string) (string, error) {
	cfg := styles.DarkStyleConfig
	switch style {
	case "light":
		cfg = styles.LightStyleConfig
	case "notty":
		cfg = styles.NoTTYStyleConfig
	}
	r, err := glamour.NewTermRenderer(glamour.WithStyles(cfg), glamour.WithWordWrap(width))
	if err != nil {
		return "", err
	}
	return r.Render(ArticleMarkdown(a))
}
