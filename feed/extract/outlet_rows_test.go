package extract

import "testing"

// TestChromeRowOutlets: the rows of a scraped page's chrome that name
// the site with no link or logo: the domain it sells advertising on,
// the domain stamped with the story's date, and a network bar of home
// pages. Each beats an owner's notice; lookalikes name nothing.
func TestChromeRowOutlets(t *testing.T) {
	const owner = "© 2008 Harbour Holdings Limited. All Rights Reserved.\n"
	tests := []struct{ name, top, foot, want string }{
		{"advertise with a domain", "", "Privacy | Contact Us | Careers | Advertise with quayherald.example\n\n" + owner, "quayherald.example"},
		{"the printed name of the advertised domain", "", "Advertise with quayherald.example\n\n© 2008 Quay Herald. All rights reserved.\n", "Quay Herald"},
		{"advertise with us", "", "Privacy | Contact Us | Careers | Advertise with us\n\n" + owner, "Harbour Holdings"},
		{"an e-mail address is no domain", "", "Advertise with sales@quayherald.example today\n\n" + owner, "Harbour Holdings"},
		{"a domain stamped with the date", "www.quayherald.example 2008-01-02 10:30:00\n\n", owner, "quayherald.example"},
		{"a domain with words after it", "www.quayherald.example news for the island\n\n", owner, "Harbour Holdings"},
		{"a network bar of home pages", "More Blogs | Quay Herald Home | Quay Business Home | News | Sport\n\n", owner, "Quay Herald"},
		{"a section's home page alone", "Blogs | Quay Herald Home | News | Sport\n\n", owner, "Harbour Holdings"},
		{"one-word sections' home pages", "Sport Home | Racing Home | News\n\n", owner, "Harbour Holdings"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.top + "News\nSport\nWeather\nSign in\n\nFerry returns to the island after a long winter\n\n" + paragraphs(8) + tt.foot
			wantOutlet(t, NewExtractor(), "page.txt", text, tt.want)
		})
	}
}
