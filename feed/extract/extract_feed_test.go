package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/internal/safetest"
)

// TestFeedMarkupIsSanitised checks that scripts, frames, objects, meta
// refreshes and styles in a feed's text are dropped, not shown, whether
// or not the text has a block element, that titles carry no marks, and
// that the body is cleaned of furniture as a page's is.
func TestFeedMarkupIsSanitised(t *testing.T) {
	arts, probs := extractFile(t, "feed/script.rss")
	if len(probs) > 0 {
		t.Errorf("problems: %s", safetest.ProblemText(probs))
	}
	want := []want{
		{title: "Bins collected on Friday", body: []string{"Bins will be collected on Friday"}},
		{title: "Library hours change", body: []string{"The library now opens at nine"}},
		{title: "Parking permits renewed", body: []string{"Residents must renew"}},
		{title: "Footpath reopens after repairs", body: []string{"reopened on Tuesday.\n\nWalkers are asked"}},
		// Page furniture goes as it does from pages.
		{title: "Allotment plots available", body: []string{"Three plots are free"}, notBody: []string{"Apply now"}},
	}
	if len(arts) != len(want) {
		t.Fatalf("got %d articles, want %d", len(arts), len(want))
	}
	for i, w := range want {
		checkArticle(t, arts[i], w)
		for _, bad := range []string{"<", "script", "alert", "injected", "frame", "swf", "color: red", "track(x)"} {
			if strings.Contains(arts[i].Body, bad) || strings.Contains(arts[i].Title, bad) {
				t.Errorf("article %d keeps %q: title %q, body %q", i, bad, arts[i].Title, arts[i].Body)
			}
		}
	}
}

func TestFeedTitle(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Ferry  returns", "Ferry returns"},
		{"emphasis", "Ferry <em>returns</em>", "Ferry returns"},
		{"script", "<script>alert(1)</script>Ferry returns", "Ferry returns"},
		{"style", "<style>b{}</style>Ferry <b>returns</b>", "Ferry returns"},
		{"comparison", "Price a < b", "Price a < b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := feedTitle(tt.in); got != tt.want {
				t.Errorf("feedTitle(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestFeedInput checks what unusual feed input becomes: XML that is not
// a feed is a problem, and comments are never text.
func TestFeedInput(t *testing.T) {
	tests := []struct {
		file     string
		problems []string
		want     []want
	}{
		{"xml/not-a-feed.xml", []string{"not a feed: an XML document whose root is <inventory>"}, nil},
		// A comment, then a root no HTML has: XML, whatever the extension.
		{"xml/comment-first.txt", []string{"not a feed: an XML document whose root is <catalog>"}, nil},
		{"feed/prefixed.rss", nil, []want{
			{title: "Lock gates replaced", outlet: "Canal Side Herald", date: "2022-11-16", url: "https://canalside.example/lock-gates",
				format: feed.FormatFeed, body: []string{"New oak lock gates"}},
		}},
		{"feed/entry.atom", nil, []want{
			{title: "Cycle lane opens on the ring road", date: "2023-05-02", byline: "Ada Flint", url: "https://townbulletin.example/cycle-lane",
				format: feed.FormatFeed, body: []string{"The new cycle lane on the ring road opened on Tuesday."}, notBody: []string{"<p>"}},
		}},
		{"feed/atom03.xml", nil, []want{
			{title: "Blossom walk", outlet: "Orchard Diary", date: "2021-04-11", body: []string{"The orchard held its first blossom walk on Sunday."}},
			{title: "Cider pressing", date: "2021-10-02", body: []string{"Apples were pressed"}},
		}},
		{"feed/dates.rss", nil, []want{
			{title: "Heather burning season ends", date: "2022-04-01", url: "https://moorgazette.example/heather"},
			{title: "Grouse count rises", date: "2022-08-20", url: "https://moorgazette.example/grouse"},
			{title: "Stone wall rebuilt", date: "2022-09-05"},
			{title: "Marché de Noël", date: "2022-11-16"},
			{title: "Weihnachtsmarkt", date: "2022-12-16"},
		}},
		{"feed/jsonfeed11.json", nil, []want{
			{title: "Sheepdog trials return", outlet: "Dale Weekly", date: "2023-07-01", byline: "Tom Reed, Mia Stone", format: feed.FormatFeed},
		}},
		{"feed/comments.rss", nil, []want{
			{title: "Hall roof fund reaches target", outlet: "Parish Post", format: feed.FormatFeed},
			{title: "A second item with no title at all, only a comment where it should be", outlet: "Parish Post"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			for i, a := range checkFile(t, tt.file, tt.problems, tt.want) {
				if strings.Contains(a.Title+a.Body+a.Outlet, "<!--") {
					t.Errorf("article %d keeps a comment: %+v", i, a)
				}
			}
		})
	}
}

// TestPermalink checks that a guid is a link only when
// it is a permalink and a web address.
func TestPermalink(t *testing.T) {
	tests := []struct{ name, raw, want string }{
		{"default", `<item><guid>https://a.example/x</guid></item>`, "https://a.example/x"},
		{"true", `<item><guid isPermaLink="true">https://a.example/x</guid></item>`, "https://a.example/x"},
		{"false", `<item><guid isPermaLink='false'>https://a.example/x</guid></item>`, ""},
		{"not an address", `<item><guid>tag:a.example,2022:x</guid></item>`, ""},
		{"none", `<item><title>T</title></item>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := permalink([]byte(tt.raw)); got != tt.want {
				t.Errorf("permalink = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFeedDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Wed, 16 Nov 2022 10:00:00 +0100", "2022-11-16T10:00:00+01:00"},
		{"mer, 16 nov 2022 10:00:00 +0100", "2022-11-16T10:00:00+01:00"},
		{"mer., 16 nov. 2022 10:00:00 GMT", "2022-11-16T10:00:00Z"},
		{"jeu, 02 févr 2023 08:30:00 +0000", "2023-02-02T08:30:00Z"},
		{"Mi, 16 Dez 2022 10:00:00 +0100", "2022-12-16T10:00:00+01:00"},
		{"Do, 03 Mär 2022 07:00:00 +0100", "2022-03-03T07:00:00+01:00"},
		{"mié, 05 ene 2022 12:00:00 -0500", "2022-01-05T12:00:00-05:00"},
		{"gio, 07 lug 2022 09:15:00 +0200", "2022-07-07T09:15:00+02:00"},
		{"qua, 12 out 2022 18:00:00 -0300", "2022-10-12T18:00:00-03:00"},
		{"wo, 09 mrt 2022 11:00:00 +0100", "2022-03-09T11:00:00+01:00"},
		{"ср, 16 ноя 2022 10:00:00 +0300", "2022-11-16T10:00:00+03:00"},
		{"16 nov 2022", "2022-11-16T00:00:00Z"},
		{"2022-11-16T10:00:00Z", "2022-11-16T10:00:00Z"},
		{"mer, 31 nov 2022 10:00:00 +0100", ""},
		{"mer, 16 foo 2022 10:00:00 +0100", ""},
		{"not a date", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := feedDate(tt.in)
			s := ""
			if !got.IsZero() {
				s = got.Format(time.RFC3339)
			}
			if s != tt.want {
				t.Errorf("feedDate(%q) = %q, want %q", tt.in, s, tt.want)
			}
		})
	}
}
