package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed"
)

// Limits on the length of an article's fields. A file may hold a 10 MB
// headline or a 60 MB paragraph; the panes that draw them measure and
// wrap text on every frame, so each field is cut to a size no real
// article reaches, and the cut is marked with "…".
const (
	maxTitleRunes  = 300
	maxOutletRunes = 120
	maxBylineRunes = 300
	maxLeadRunes   = 1200
	maxURLBytes    = 4096
	maxBodyBytes   = 2 << 20
)

// sanitizeArticle makes every text field of a safe to print and cuts it
// to its limit. It is the one place extraction's output is cleaned,
// whatever the format.
func sanitizeArticle(a *feed.Article) {
	a.ID = clip(strings.TrimSpace(feed.Sanitize(a.ID)), 128)
	a.Path = feed.SanitizePath(a.Path)
	a.Format = feed.Format(feed.Sanitize(string(a.Format)))
	a.Title = clip(strings.TrimSpace(feed.Sanitize(a.Title)), maxTitleRunes)
	a.Outlet = clip(strings.TrimSpace(feed.Sanitize(a.Outlet)), maxOutletRunes)
	a.OutletSource = feed.Sanitize(a.OutletSource)
	a.Byline = clip(strings.TrimSpace(feed.Sanitize(a.Byline)), maxBylineRunes)
	a.URL = strings.TrimSpace(feed.Sanitize(a.URL))
	if len(a.URL) > maxURLBytes {
		a.URL = "" // no link is this long; a cut one leads nowhere
	}
	a.Lead = clip(strings.TrimSpace(feed.Sanitize(a.Lead)), maxLeadRunes)
	a.Body = clipText(strings.TrimSpace(feed.SanitizeText(a.Body)), maxBodyBytes)
}

// clip cuts s to at most n runes, at a space when one is near the end,
// and marks the cut with "…".
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	count := 0
	for i := range s {
		if count == n-1 {
			cut := s[:i]
			if j := strings.LastIndexByte(cut, ' '); j > len(cut)*3/4 {
				cut = cut[:j]
			}
			return strings.TrimRight(cut, " ") + "…"
		}
		count++
	}
	return s
}

// clipText cuts a body to at most n bytes, at a paragraph's end when one
// is near, and marks the cut with a last paragraph of "…".
func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := s[:n]
	for len(cut) > 0 && !utf8.RuneStart(s[len(cut)]) {
		cut = cut[:len(cut)-1] // never split a rune
	}
	if j := strings.LastIndex(cut, "\n\n"); j > len(cut)*3/4 {
		cut = cut[:j]
	}
	return strings.TrimSpace(cut) + "\n\n…"
}
