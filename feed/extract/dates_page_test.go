package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed"
)

// textDate extracts a text page and returns its date and date source.
func textDate(t *testing.T, text string) (time.Time, string) {
	t.Helper()
	x := NewExtractor()
	x.Now = day(2025, 1, 1)
	arts, _ := x.Extract(Source{Path: "page.txt", Data: []byte(text)})
	if len(arts) != 1 {
		t.Fatalf("got %d articles", len(arts))
	}
	return arts[0].Date, arts[0].DateSource
}

// TestDateInFiguresReadAsThePageWrites: a date in figures that reads
// both ways ("06/03/2019": 3 June or 6 March) is read as the rest of
// the page writes its dates.
func TestDateInFiguresReadAsThePageWrites(t *testing.T) {
	tests := []struct {
		name, top, dateline, foot string
		want                      time.Time
	}{
		{"nothing else tells: month first", "", "Last updated: 9:15am 06/03/2019", "", day(2019, 6, 3)},
		{"month first would be after the page's own day", "Monday 11 March 2019\n", "Last updated: 9:15am 06/03/2019", "", day(2019, 3, 6)},
		{"the page's other dates in figures are day first", "", "Posted 06/03/2019",
			"\nMore from the harbour\nTide tables return 14/02/2019\nNew berth for the ferry 21/01/2019\n", day(2019, 3, 6)},
		{"the page's other dates in figures are month first", "", "Posted 06/03/2019",
			"\nMore from the harbour\nTide tables return 02/14/2019\nNew berth for the ferry 01/21/2019\n", day(2019, 6, 3)},
		{"the page spells its dates day first", "Saturday 20 July 2019\n", "Posted 06/03/2019",
			"\nMore from the harbour\nTide tables return, 14 February 2019\n", day(2019, 3, 6)},
		{"the page spells its dates month first", "Saturday, July 20, 2019\n", "Posted 06/03/2019",
			"\nMore from the harbour\nTide tables return, February 14, 2019\n", day(2019, 6, 3)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.top + "Skip to main content\nThe Quayside Courier\n" + chromeLines +
				"\nFerry returns to the island after a long winter\n\nBy Nora Vell\n" + tt.dateline + "\n\n" + paragraphs(8) + tt.foot
			got, _ := textDate(t, text)
			if !got.Equal(tt.want) {
				t.Errorf("date = %s, want %s", got.Format(time.DateOnly), tt.want.Format(time.DateOnly))
			}
		})
	}
}

// TestParseDateReadings: the second reading of a date in figures is
// given only when the figures read both ways.
func TestParseDateReadings(t *testing.T) {
	now := day(2025, 1, 1)
	tests := []struct {
		in          string
		want, other time.Time
	}{
		{"06/03/2019", day(2019, 6, 3), day(2019, 3, 6)},
		{"21/06/2019", day(2019, 6, 21), time.Time{}},
		{"06/21/2019", day(2019, 6, 21), time.Time{}},
		{"05/05/2019", day(2019, 5, 5), time.Time{}},
		{"6 March 2019", day(2019, 3, 6), time.Time{}},
		{"11/12/2024", day(2024, 11, 12), day(2024, 12, 11)},
		{"11/12/2025", time.Time{}, time.Time{}},                     // both readings after now
		{"03/12/2024 and 2024-03-12", day(2024, 3, 12), time.Time{}}, // an ISO date is read first
	}
	for _, tt := range tests {
		got, other, ok := parseDateReadings(tt.in, now)
		if ok != !tt.want.IsZero() || !got.Equal(tt.want) || !other.Equal(tt.other) {
			t.Errorf("parseDateReadings(%q) = %v, %v, %v; want %v, %v", tt.in, got, other, ok, tt.want, tt.other)
		}
	}
}

// TestDateUnderTheHeadlineFirst: a page printing the day it was
// printed above its headline ("Monday 11 March 2019", a masthead's)
// and the article's own date under it takes the article's.
func TestDateUnderTheHeadlineFirst(t *testing.T) {
	for _, dateline := range []string{"By Nora Vell on Wednesday, March 6, 2019", "By Nora Vell\nMarch 6, 2019 5:40 PM"} {
		t.Run(dateline, func(t *testing.T) {
			text := "Skip to main content\nThe Quayside Courier\nMonday, March 11, 2019\nSign in\n" +
				"\nFerry returns to the island after a long winter\n\n" + dateline + "\n\n" + paragraphs(8)
			got, source := textDate(t, text)
			if !got.Equal(day(2019, 3, 6)) || source != feed.DateFromDateline {
				t.Errorf("date = %s from %q, want 2019-03-06 from the dateline", got.Format(time.DateOnly), source)
			}
		})
	}
}

// TestHTMLDatelineOverMarkup: on a page without a date in its metadata,
// the day its visible text prints by the headline wins over the date
// trafilatura finds in the markup, and stands in when it finds none; a
// date from the page's metadata stays.
func TestHTMLDatelineOverMarkup(t *testing.T) {
	reading := &feed.Article{Date: day(2019, 3, 6), DateSource: feed.DateFromDateline}
	elsewhere := &feed.Article{Date: day(2019, 3, 6), DateSource: feed.DateFromText}
	tests := []struct {
		name   string
		date   time.Time
		source string
		r      *feed.Article
		want   time.Time
		wantSr string
	}{
		{"the dateline over the markup's", day(2019, 3, 11), feed.DateFromMarkup, reading, day(2019, 3, 6), feed.DateFromDateline},
		{"the dateline where the markup has none", time.Time{}, "", reading, day(2019, 3, 6), feed.DateFromDateline},
		{"a labelled date elsewhere where the markup has none", time.Time{}, "", elsewhere, day(2019, 3, 6), feed.DateFromText},
		{"a labelled date elsewhere does not beat the markup's", day(2019, 3, 11), feed.DateFromMarkup, elsewhere, day(2019, 3, 11), feed.DateFromMarkup},
		{"metadata stays", day(2019, 3, 5), feed.DateFromMeta, reading, day(2019, 3, 5), feed.DateFromMeta},
		{"no text reading", day(2019, 3, 11), feed.DateFromMarkup, nil, day(2019, 3, 11), feed.DateFromMarkup},
	}
	for _, tt := range tests {
		got, src := datelineOverMarkup(tt.date, tt.source, tt.r)
		if !got.Equal(tt.want) || src != tt.wantSr {
			t.Errorf("%s: got %v from %q, want %v from %q", tt.name, got, src, tt.want, tt.wantSr)
		}
	}
	// The whole page: a masthead's day above the headline, the article's
	// date in figures under the byline, no date in the metadata.
	page := `<html><head><title>Ferry returns | The Quayside Courier</title></head><body>` +
		`<div class="top">Monday 11 March 2019</div><ul><li>News</li><li>Sport</li></ul>` +
		`<article><h1>Ferry returns to the island after a long winter</h1><p>By Nora Vell</p><p>Published 06/03/2019 9:15</p><p>` +
		strings.ReplaceAll(paragraphs(8), "\n\n", "</p><p>") + `</p></article></body></html>`
	x := NewExtractor()
	x.Now = day(2025, 1, 1)
	arts, _ := x.Extract(Source{Path: "page.html", Data: []byte(page)})
	if len(arts) != 1 {
		t.Fatalf("got %d articles", len(arts))
	}
	if a := arts[0]; !a.Date.Equal(day(2019, 3, 6)) || a.DateSource != feed.DateFromDateline {
		t.Errorf("page date = %s from %q, want 2019-03-06 from the dateline", a.Date.Format(time.DateOnly), a.DateSource)
	}
}

// TestDateOnAShortLineOverOneInAParagraph: a date inside the
// standfirst under the headline gives way to the dateline below it.
func TestDateOnAShortLineOverOneInAParagraph(t *testing.T) {
	text := "Skip to main content\nThe Quayside Courier\nSign in\n" +
		"\nFerry returns to the island after a long winter\n\n" +
		"Out of service from June 14, 2016 for a refit, the old ferry sails again this summer.\n\n" +
		"Nora Vell | Transport Writer\n\nMarch 6, 2019\n\n" + paragraphs(8)
	got, source := textDate(t, text)
	if !got.Equal(day(2019, 3, 6)) || source != feed.DateFromDateline {
		t.Errorf("date = %s from %q, want 2019-03-06 from the dateline", got.Format(time.DateOnly), source)
	}
}
