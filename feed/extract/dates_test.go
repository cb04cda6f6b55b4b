package extract

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, in, want string // want "" means no date
	}{
		{"iso", "date 2024-06-19", "2024-06-19"},
		{"iso with time", "By Ann Lee 2019-11-18T20:51:19Z Science", "2019-11-18"},
		{"day month year", "Published 19 June 2024", "2024-06-19"},
		{"month day year", "June 19, 2024 10:00 BST", "2024-06-19"},
		{"abbreviated month with stop", "Nov. 20, 2019 5:52 AM EST", "2019-11-20"},
		{"ordinal", "November 19th, 2019 at 8:40 AM", "2019-11-19"},
		{"weekday first", "Wednesday 20 November 2019 9:22 am", "2019-11-20"},
		{"portuguese", "sexta-feira, 22 de outubro de 2010 às 20:13", "2010-10-22"},
		{"day first numeric", "21/06/2014 Tony Carter", "2014-06-21"},
		{"month first numeric", "By Tess Bonn - 11/19/19 06:56 AM EST", "2019-11-19"},
		{"impossible day", "31 June 2024", ""},
		{"future is skipped", "Published 3 March 2031", ""},
		{"no year", "Updated Nov 19, 6:55 AM", ""},
		{"no digits", "Published yesterday", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseDate(tt.in, now)
			switch {
			case tt.want == "" && ok:
				t.Errorf("parseDate(%q) = %s, want none", tt.in, got.Format(time.DateOnly))
			case tt.want != "" && !ok:
				t.Errorf("parseDate(%q) found none, want %s", tt.in, tt.want)
			case ok && got.Format(time.DateOnly) != tt.want:
				t.Errorf("parseDate(%q) = %s, want %s", tt.in, got.Format(time.DateOnly), tt.want)
			}
		})
	}
}

func TestIsDateLine(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Published 19 June 2024", true},
		{"Nov. 20, 2019 5:52 AM EST", true},
		{"Updated 17:40 GMT", true},
		{"Opening Bell 11.18.19", false},
		{"Associated Press November 19, 2019, 9:02 AM", false},
		{"Kim said the two nations signed on 19 June 2024 a pact", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			l := lineOf(tt.in)
			if got := isDateLine(l); got != tt.want {
				t.Errorf("isDateLine(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// lineOf returns one classified line of text, as extraction sees it.
func lineOf(s string) *textLine {
	lines := segmentText(s)
	classifyLines(lines)
	return lines[0]
}

func TestDateWithoutYear(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Updated Nov 19, 6:55 AM", "2019-11-19"},
		{"Posted 19 November at noon", "2019-11-19"},
		{"Updated at noon", ""},
	}
	for _, tt := range tests {
		got, ok := dateWithoutYear(tt.in, 2019)
		if s := got.Format(time.DateOnly); ok && s != tt.want || !ok && tt.want != "" {
			t.Errorf("dateWithoutYear(%q) = %s, %v; want %q", tt.in, s, ok, tt.want)
		}
	}
}
