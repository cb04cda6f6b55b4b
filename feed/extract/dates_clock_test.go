package extract

import (
	"testing"
	"time"
)

// TestDateWithClockInside: a clock between the month and the year does
// not hide the date.
func TestDateWithClockInside(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Harbour Sport - Sat, 29 Dec 15:58:00 2007", "2007-12-29"},
		{"Sat Dec 29 15:58:00 2007", "2007-12-29"},
		{"Sat Dec 29 5:58 2007", "2007-12-29"},
		{"29 December 2007 15:58", "2007-12-29"},
		{"Score 15:58 in 2007", ""},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in, time.Time{})
		if s := got.Format("2006-01-02"); ok != (tt.want != "") || ok && s != tt.want {
			t.Errorf("parseDate(%q) = %s, %v; want %q", tt.in, s, ok, tt.want)
		}
	}
	if got := withoutClock("at 15:58:00 and 9:05, not 123:45 or 12:345"); got != "at          and     , not 123:45 or 12:345" {
		t.Errorf("withoutClock = %q", got)
	}
}

// TestLineDateOrder: the clock and zone on a date's line tell the order
// of its figures.
func TestLineDateOrder(t *testing.T) {
	tests := []struct {
		line string
		want int
	}{
		{"Last updated at 13:44pm on 07.01.08", 1},
		{"07/01/2008 20:12:00 Quay Wire", 1},
		{"Updated: 7:08am GMT 10/01/2008", 1},
		{"Posted 10/01/2008 11:25 AEST", 1},
		{"Article Launched: 01/11/2008 03:06:28 PM PST", -1},
		{"1/18/2008, 2:06 p.m. EST", -1},
		{"01/11/2008 - 2:35:41 PM", 0},
		{"01/11/2008 18:30 EST", 0}, // both: nothing tells
		{"Harbour Report 01/11/2008", 0},
	}
	for _, tt := range tests {
		if got := lineDateOrder(tt.line); got != tt.want {
			t.Errorf("lineDateOrder(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
}

// TestTextDateDayFirstByClock: a page whose only date is in figures that
// read both ways, printed with a 24-hour clock, is read day first; with a
// US zone, month first.
func TestTextDateDayFirstByClock(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{"Last updated at 13:44 on 07.01.08", "2008-01-07"},
		{"Last updated at 1:44 PM EST on 07.01.08", "2008-07-01"},
	} {
		page := "Quay Daily\nHome | Sport\n\nFerry timetable changes again\n\n" + tt.line + "\n\n" + paragraphs(6)
		arts, _ := NewExtractor().Extract(Source{Path: "page.txt", Data: []byte(page)})
		if len(arts) != 1 || arts[0].Date.Format("2006-01-02") != tt.want {
			t.Errorf("%q: date = %v, want %s", tt.line, arts, tt.want)
		}
	}
}

// TestTextDateNearestAboveHeadline: with no date under the headline, the
// day printed just above it is the article's, not the masthead's day at
// the top of the page.
func TestTextDateNearestAboveHeadline(t *testing.T) {
	if got := headerOrder(0, 6, 3); len(got) != 6 || got[3] != 2 || got[5] != 0 {
		t.Errorf("headerOrder = %v, want [3 4 5 2 1 0]", got)
	}
	page := "Home | Archives | Contact Us | Tuesday, March 10, 2009\nQuay Daily\nWednesday 11 March 2009\n\n" +
		"Harbour\n\nMonday, March 9, 2009\n\nShare this story!\n\nFerry timetable changes again\n\n" + paragraphs(6)
	x := NewExtractor()
	x.Now = time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)
	arts, _ := x.Extract(Source{Path: "page.txt", Data: []byte(page)})
	if len(arts) != 1 || arts[0].Date.Format("2006-01-02") != "2009-03-09" {
		t.Errorf("date = %v, want 2009-03-09", arts)
	}
}
