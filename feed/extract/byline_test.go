package extract

import "testing"

func TestBylineOf(t *testing.T) {
	tests := []struct {
		name, in, want string // want "" means not a byline
	}{
		{"by", "By Jane Doe", "Jane Doe"},
		{"lower case by", "by Lewis White", "Lewis White"},
		{"several in capitals", "By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER", "LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER"},
		{"with date", "By Tess Bonn - 11/19/19 06:56 AM EST", "Tess Bonn"},
		{"with timestamp", "By Mike Wall 2019-11-18T20:51:19Z Science & Astronomy", "Mike Wall"},
		{"words by", "Words by Haruto Bellweather", "Haruto Bellweather"},
		{"reporter label", "Reporter: Nadia Fairclough", "Nadia Fairclough"},
		{"sentence", "By the end of the day the road was closed.", ""},
		{"not a byline", "Bylaws were changed on Monday", ""},
		{"a date before the label", "11/19/2019 by Jane Doe", "Jane Doe"},
		{"an ISO date before the label", "2019-11-19 by Jane Doe", "Jane Doe"},
		{"a number is no date", "2019 by the numbers", ""},
		{"the outlet glued to the name", "By Jane DoeGAZETTEWire", "Jane Doe"},
		{"a name with inner capitals", "By Jane McDonald", "Jane McDonald"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := bylineOf(tt.in)
			if !ok {
				got = ""
			}
			if got != tt.want {
				t.Errorf("bylineOf(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNameLine(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Martin Belam (now) and Helen Livingstone (earlier)", true},
		{"Anna Menin", true},
		{"Sean O'Brien and Mary McDonald", true},
		{"CFA Institute Talk", false},
		{"Edit ProfileSign Out", false},
		{"Log in", false},
		{"The Plain Dealer", false},
		{"Council votes to close the road", false},
		{"Mr Kim welcomed the Russian leader with a hug.", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := nameLine(tt.in); got != tt.want {
				t.Errorf("nameLine(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
