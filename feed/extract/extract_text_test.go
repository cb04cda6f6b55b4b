package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed"
)

// TestExtractTextFixtures reads invented pages under testdata/text and
// checks what extraction makes of them.
func TestExtractTextFixtures(t *testing.T) {
	tests := []struct {
		file        string
		title       string // "" with synthesized: made from the lead
		synthesized bool
		outlet      string
		source      string
		date        string
		byline      string
		url         string
		contains    []string // Markdown lines or phrases the body holds
		lacks       []string
		once        []string
	}{
		{
			file:   "liveblog.txt",
			title:  "Orchard council votes to close the old quarry road – as it happened",
			outlet: "The Daily Lamp", source: feed.OutletFromSignature,
			byline: "Ada Quill (now) and Ben Marsh (earlier)",
			contains: []string{
				"- The council voted by nine to four",
				"*Updated 17:40 GMT*",
				"> We have listened for two years.",
				"The debate opened with a report from the council's highways officer",
			},
			lacks: []string{"Skip to main content", "Sign in", "Related stories", "Orchard school wins county chess title",
				"Lamp Letter", "valid email", "All rights reserved", "\n\nUpdated\n\n"},
			once: []string{"Councillors leave the chamber after the vote."},
		},
		{
			file:     "bare.txt",
			title:    "Lantern festival returns to the harbour",
			contains: []string{"The lantern festival will return", "closed to traffic from five o'clock."},
			lacks:    []string{"Lantern festival returns to the harbour"},
		},
		{
			file:        "notitle.txt",
			synthesized: true,
			date:        "2025-03-14",
			contains:    []string{"The river authority said on Friday", "would believe it when the diggers arrived."},
			lacks:       []string{"newsletter", "valid email", "privacy policy", "SIGN UP"},
		},
		{
			file:   "standard.txt",
			title:  "Ferry company cuts winter crossings to save fuel",
			outlet: "Northgate Herald", source: feed.OutletFromURL,
			date:   "2025-05-02",
			byline: "Tom Reyes",
			url:    "https://www.northgate-herald.example/news/2025/05/02/ferry-timetable",
			contains: []string{
				"The operator of the island ferry said on Thursday",
				"The operator said it would review the timetable in February.",
			},
			lacks: []string{"four times a day instead of six", "Ferry fares frozen", "Most read", "Gull numbers fall",
				"Share on Facebook", "Published", "Privacy policy"},
		},
		{
			// A calendar: no running text in the article, teasers in a sidebar.
			file:   "calendar.txt",
			title:  "Harbour karting calendar 2025",
			outlet: "Harbour Karting", source: feed.OutletFromSignature,
			date:     "2025-01-13",
			contains: []string{"Round 1: 8 March – Kittle Quay circuit", "Round 5: 5 July – Drennan Point"},
			lacks:    []string{"Click the picture", "Columnist corner", "karting, calendar", "WhatsApp"},
		},
		{
			// A flattened table after the text: its cells kept in order.
			file:   "results.txt",
			title:  "Gig racing: final standings on the Sound",
			outlet: "The Sound Sport", source: feed.OutletFromSignature,
			date:     "2025-09-06",
			contains: []string{"Twelve crews raced the full course", "Final standings after four races:", "1 · Port Ellery · 40 · 2 · Skerran Mór"},
			lacks:    []string{"Rowing club opens new boathouse", "Related"},
		},
	}
	x := NewExtractor()
	x.Now = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(strings.TrimSuffix(tt.file, ".txt"), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "text", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			arts, probs := x.Extract(Source{Path: tt.file, Data: data})
			if len(arts) != 1 || len(probs) != 0 {
				t.Fatalf("got %d articles, problems %v", len(arts), probs)
			}
			a := arts[0]
			if tt.synthesized {
				if !a.TitleSynthesized || a.Title == "" {
					t.Errorf("title %q synthesized=%v, want a synthesized title", a.Title, a.TitleSynthesized)
				}
			} else if a.Title != tt.title || a.TitleSynthesized {
				t.Errorf("title = %q (synthesized %v), want %q", a.Title, a.TitleSynthesized, tt.title)
			}
			if a.Outlet != tt.outlet || a.OutletSource != tt.source {
				t.Errorf("outlet = %q from %q, want %q from %q", a.Outlet, a.OutletSource, tt.outlet, tt.source)
			}
			if a.DateString() != tt.date {
				t.Errorf("date = %q, want %q", a.DateString(), tt.date)
			}
			if a.Byline != tt.byline {
				t.Errorf("byline = %q, want %q", a.Byline, tt.byline)
			}
			if a.URL != tt.url {
				t.Errorf("url = %q, want %q", a.URL, tt.url)
			}
			for _, w := range tt.contains {
				if !strings.Contains(a.Body, w) {
					t.Errorf("body lacks %q:\n%s", w, a.Body)
				}
			}
			for _, w := range tt.lacks {
				if strings.Contains(a.Body, w) {
					t.Errorf("body holds %q", w)
				}
			}
			for _, w := range tt.once {
				if n := strings.Count(a.Body, w); n > 1 {
					t.Errorf("body holds %q %d times", w, n)
				}
			}
		})
	}
}

// TestExtractTextEmpty checks that a file of blank lines is a problem,
// not an article.
func TestExtractTextEmpty(t *testing.T) {
	arts, probs := NewExtractor().Extract(Source{Path: "blank.txt", Data: []byte("\n \n\t\n")})
	if len(arts) != 0 || len(probs) != 1 {
		t.Errorf("got %d articles and %d problems, want 0 and 1", len(arts), len(probs))
	}
}

// TestExtractTextShortLines checks a bare file of short paragraphs: no
// running text, but a headline and a body all the same.
func TestExtractTextShortLines(t *testing.T) {
	data := "Notes from the quay\n\nBoats out early.\n\nFog by nine.\n\nHome by noon.\n"
	arts, _ := NewExtractor().Extract(Source{Path: "notes.txt", Data: []byte(data)})
	if len(arts) != 1 {
		t.Fatalf("got %d articles", len(arts))
	}
	if a := arts[0]; a.Title != "Notes from the quay" || a.Body != "Boats out early.\n\nFog by nine.\n\nHome by noon." {
		t.Errorf("title %q, body %q", a.Title, a.Body)
	}
}

// TestExtractTextBinary checks that binary data is a problem, not an
// article of mojibake.
func TestExtractTextBinary(t *testing.T) {
	data := make([]byte, 4096)
	for i := range data {
		data[i] = byte(i * 7)
	}
	arts, probs := NewExtractor().Extract(Source{Path: "blob.txt", Data: data})
	if len(arts) != 0 || len(probs) != 1 {
		t.Errorf("got %d articles and %d problems, want 0 and 1", len(arts), len(probs))
	}
}

// BenchmarkExtractText measures extraction of the invented pages.
func BenchmarkExtractText(b *testing.B) {
	var srcs []Source
	for _, f := range []string{"liveblog.txt", "standard.txt", "notitle.txt", "bare.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", "text", f))
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, Source{Path: f, Data: data})
	}
	x := NewExtractor()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range srcs {
			x.Extract(s)
		}
	}
}

// TestExtractTextAgencyNote checks that a story's last paragraph stays
// when an agency's note in brackets closes it, and that a caption with
// a photo's credit there still goes.
func TestExtractTextAgencyNote(t *testing.T) {
	last := "The regatta resumes on Saturday, weather permitting. (Reporting by Ann Lee; Editing by Tom Hale)"
	page := "Home | News | Sport | Weather\n\nRegatta halted as fog rolls in\n\n" +
		"A skipper waits on the quay in the fog. (Photo by Jo Marsh)\n\n" +
		strings.Join(articleParas, "\n\n") + "\n\n" + last + "\n\n© Quay Wire 2031\n\nShare:\n\nFacebook\n\nMore Sport News\n\nFerry fares rise\n\nPier reopens\n"
	arts, _ := NewExtractor().Extract(Source{Path: "regatta.txt", Data: []byte(page)})
	if len(arts) != 1 {
		t.Fatalf("got %d articles", len(arts))
	}
	body := arts[0].Body
	if !strings.Contains(body, "(Reporting by Ann Lee; Editing by Tom Hale)") {
		t.Errorf("the closing paragraph with its note went:\n%s", body)
	}
	if strings.Contains(body, "Photo by") || strings.Contains(body, "Pier reopens") {
		t.Errorf("a caption or a teaser stayed:\n%s", body)
	}
}

func TestNoteAfterSentence(t *testing.T) {
	for text, want := range map[string]bool{
		"The regatta resumes on Saturday. (Reporting by Ann Lee; Editing by Tom Hale)": true,
		"The regatta resumes on Saturday. (Additional reporting by Jo Marsh)":          true,
		"Harbour at Quayside, 4 p.m. (Radio)":                                          false,
		"Fog rolls in (Reporting by Ann Lee)":                                          false,
		"Resumes. (Reporting by Ann Lee)":                                              false,
		"The regatta resumes on Saturday.":                                             false,
	} {
		if got := noteAfterSentence(text); got != want {
			t.Errorf("noteAfterSentence(%q) = %v, want %v", text, got, want)
		}
	}
}
