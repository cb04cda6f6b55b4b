package extract

import (
	"strings"
	"testing"
	"time"
)

func TestPublishedDateBeatsUpdated(t *testing.T) {
	tests := []struct {
		name, header string
		want         time.Time
	}{
		{"updated line above the published one", "By Jane Doe\nUpdated 13 May 2024\nPublished 8 May 2024\n", day(2024, 5, 8)},
		{"updated line above a plain dateline", "Last updated: May 13, 2024\nMay 8, 2024\n", day(2024, 5, 8)},
		{"both on one line, update first", "Updated 13 May 2024, first published 8 May 2024\n", day(2024, 5, 8)},
		{"modified line above the posted one", "Modified 2024-05-13\nPosted 2024-05-08\n", day(2024, 5, 8)},
		{"only an update: it is the date", "Updated 13 May 2024\n", day(2024, 5, 13)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := "Skip to main content\nThe Daily Gazette\n" + chromeLines + "\nFerry returns to the island after a long winter\n\n" + tt.header + "\n" + paragraphs(8)
			x := NewExtractor()
			x.Now = day(2025, 1, 1)
			arts, _ := x.Extract(Source{Path: "page.txt", Data: []byte(text)})
			if len(arts) != 1 {
				t.Fatalf("got %d articles", len(arts))
			}
			if !arts[0].Date.Equal(tt.want) {
				t.Errorf("date = %v, want %v", arts[0].Date, tt.want)
			}
		})
	}
}

const chromeLines = "News  Sport  Culture  Weather\nSign in\nPolitics\n"

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestHTMLPublishedDateBeatsUpdated: on a page without date metadata,
// the date read from its elements (a <time>, the main-text reader) is
// replaced by the published day printed beside it when the page labels
// it as an update only.
func TestHTMLPublishedDateBeatsUpdated(t *testing.T) {
	tests := []struct {
		name, header string
		want         time.Time
	}{
		{"two <time> elements, the update first",
			`<p class="meta">Updated <time datetime="2024-05-13T10:00:00Z">13 May 2024</time></p><p>Published <time datetime="2024-05-08T10:00:00Z">8 May 2024</time></p>`,
			day(2024, 5, 8)},
		{"labelled lines, the update first", `<p class="meta">Last updated: May 13, 2024</p><p class="date">Published: May 8, 2024</p>`, day(2024, 5, 8)},
		{"an update above a plain dateline", `<p class="meta">Updated May 13, 2024</p><p>May 8, 2024</p>`, day(2024, 5, 8)},
		{"only an update: it is the date", `<p class="meta">Updated May 13, 2024</p>`, day(2024, 5, 13)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><head><title>Ferry returns</title></head><body><nav><a>News</a></nav><article>" +
				"<h1>Ferry returns to the island after a long winter</h1>" + tt.header + "<p>" +
				strings.ReplaceAll(paragraphs(6), "\n\n", "</p><p>") + "</p></article></body></html>"
			x := NewExtractor()
			x.Now = day(2025, 1, 1)
			arts, _ := x.Extract(Source{Path: "page.html", Data: []byte(page)})
			if len(arts) != 1 {
				t.Fatalf("got %d articles", len(arts))
			}
			if !arts[0].Date.Equal(tt.want) {
				t.Errorf("date = %v, want %v", arts[0].Date, tt.want)
			}
		})
	}
}
