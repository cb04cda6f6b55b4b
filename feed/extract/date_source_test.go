package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed"
)

func TestDateInURL(t *testing.T) {
	now := day(2025, 1, 1)
	tests := []struct {
		url  string
		want time.Time
	}{
		{"https://gazette.example/2024/06/19/ferry-returns/", day(2024, 6, 19)},
		{"https://gazette.example/news/2024-06-19-ferry-returns", day(2024, 6, 19)},
		{"https://gazette.example/20240619/ferry", day(2024, 6, 19)},
		{"gazette.example/2024/06/19/", day(2024, 6, 19)},
		{"https://gazette.example/2024/06/ferry-returns", time.Time{}}, // no day
		{"https://gazette.example/story/202406191234/", time.Time{}},   // an id, not a date
		{"https://gazette.example/2024/02/30/ferry", time.Time{}},      // no such day
		{"https://gazette.example/2026/06/19/ferry", time.Time{}},      // after now
		{"https://gazette.example/a?d=/2024/06/19/", time.Time{}},      // the query is no path
		{"https://2024.example/06/19/", time.Time{}},                   // the host is no path
		{"https://gazette.example/1985/06/19/ferry", time.Time{}},      // before the web
	}
	for _, tt := range tests {
		got, ok := dateInURL(tt.url, now)
		if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
			t.Errorf("dateInURL(%q) = %v, %v; want %v", tt.url, got, ok, tt.want)
		}
	}
}

func TestTextDateSource(t *testing.T) {
	tests := []struct {
		name, top, header, foot string
		want                    time.Time
		source                  string
	}{
		{"a dateline by the headline", "", "By Jane Doe\nPublished 8 May 2024\n", "", day(2024, 5, 8), feed.DateFromDateline},
		{"published beats updated by the headline", "", "Updated 13 May 2024\nPublished 8 May 2024\n", "", day(2024, 5, 8), feed.DateFromDateline},
		{"a labelled date in the chrome", "", "", "\nPosted 8 May 2024 in Harbour News\n", day(2024, 5, 8), feed.DateFromText},
		{"the page's address", "https://gazette.example/2024/05/08/ferry-returns\n", "", "", day(2024, 5, 8), feed.DateFromURL},
		{"no date", "", "", "", time.Time{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.top + "Skip to main content\nThe Daily Gazette\n" + chromeLines + "\nFerry returns to the island after a long winter\n\n" +
				tt.header + "\n" + paragraphs(8) + tt.foot
			x := NewExtractor()
			x.Now = day(2025, 1, 1)
			arts, _ := x.Extract(Source{Path: "page.txt", Data: []byte(text)})
			if len(arts) != 1 {
				t.Fatalf("got %d articles", len(arts))
			}
			if a := arts[0]; a.DateString() != (&feed.Article{Date: tt.want}).DateString() || a.DateSource != tt.source {
				t.Errorf("date = %v from %q, want %v from %q", a.Date, a.DateSource, tt.want, tt.source)
			}
		})
	}
}

func TestHTMLDateSource(t *testing.T) {
	tests := []struct {
		name, head, body string
		want             time.Time
		source           string
	}{
		{"a meta tag", `<meta property="article:published_time" content="2024-05-08T09:00:00Z">`, "", day(2024, 5, 8), feed.DateFromMeta},
		{"JSON-LD", `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-05-08"}</script>`, "", day(2024, 5, 8), feed.DateFromJSONLD},
		{"published in JSON-LD beats a modified meta tag",
			`<meta property="article:modified_time" content="2024-05-13T09:00:00Z">` +
				`<script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2024-05-13","datePublished":"2024-05-08"}</script>`,
			"", day(2024, 5, 8), feed.DateFromJSONLD},
		{"a time element", "", `<time datetime="2024-05-08">8 May</time>`, day(2024, 5, 8), feed.DateFromMarkup},
		{"the canonical address", `<link rel="canonical" href="https://gazette.example/2024/05/08/ferry">`, "", day(2024, 5, 8), feed.DateFromURL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><head><title>Ferry returns</title>" + tt.head + "</head><body><article><h1>Ferry returns</h1>" + tt.body +
				"<p>" + strings.ReplaceAll(paragraphs(6), "\n\n", "</p><p>") + "</p></article></body></html>"
			x := NewExtractor()
			x.Now = day(2025, 1, 1)
			arts, _ := x.Extract(Source{Path: "page.html", Data: []byte(page)})
			if len(arts) != 1 {
				t.Fatalf("got %d articles", len(arts))
			}
			if a := arts[0]; a.DateString() != (&feed.Article{Date: tt.want}).DateString() || a.DateSource != tt.source {
				t.Errorf("date = %v from %q, want %v from %q", a.Date, a.DateSource, tt.want, tt.source)
			}
		})
	}
}
