package extract

import "testing"

func TestTidyByline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Jane Doe", "Jane Doe"},
		{"By Jane Doe", "Jane Doe"},
		{"Por Ana de Souza", "Ana de Souza"},
		{"Von Karl Beispiel", "Karl Beispiel"},
		{"Par Jeanne Exemple", "Jeanne Exemple"},
		{"JANE DOE and JOHN ROE", "JANE DOE and JOHN ROE"},
		{"Jane Doe, Gazette.example", "Jane Doe"},
		{"Jane Doe Jane Doe", "Jane Doe"},
		{"Troy L. Roe", "Troy L. Roe"},
		{"Jane Doe (now) and John Roe (earlier)", "Jane Doe (now) and John Roe (earlier)"},
		// Junk: empty beats it.
		{"Username", ""},
		{"May", ""},
		{"Por", ""},
		{"作者", ""},
		{"作者：王小明", "王小明"},
		{"Desk Writer Jane Doe SHARE SHARE TWEET", ""},
		{"Share on Facebook", ""},
		{"Monday", ""},
		{"Jane DoeGAZETTEWire", ""},
		{"Jane Jane", ""},
		{"The Northern, Southern ministries", ""},
		{"jdoe", ""},
		{"Gazette", ""},
	}
	for _, tt := range tests {
		if got := tidyByline(tt.in); got != tt.want {
			t.Errorf("tidyByline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTidyBylineKeepsInitialsAndDropsPlaces(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Jane A. Doe", "Jane A. Doe"},
		{"Jane Doe in Lisbon", "Jane Doe"},
		{"JANE DOE -- Gazette Media", "JANE DOE"},
		{"Next Article in Sport", ""},
		{"JANE-ANN DOE, Gazette Staff Writer", "JANE-ANN DOE"},
	}
	for _, tt := range tests {
		if got := tidyByline(tt.in); got != tt.want {
			t.Errorf("tidyByline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
