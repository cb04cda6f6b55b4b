package extract

import (
	"strings"
	"testing"

	"github.com/broadsheet/broadsheet/feed"
)

// TestFeedMarkupIsSanitised checks that scripts, frames, objects, meta
// refreshes and styles in a feed's text are dropped, not shown, whether
// or not the text has a block element, and that titles carry no marks.
func TestFeedMarkupIsSanitised(t *testing.T) {
	arts, probs := extractFile(t, "feed/script.rss")
	if len(probs) > 0 {
		t.Errorf("problems: %s", problemText(probs))
	}
	want := []want{
		{title: "Bins collected on Friday", body: []string{"Bins will be collected on Friday"}},
		{title: "Library hours change", body: []string{"The library now opens at nine"}},
		{title: "Parking permits renewed", body: []string{"Residents must renew"}},
		{title: "Footpath reopens after repairs", body: []string{"reopened on Tuesday.\n\nWalkers are asked"}},
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
		{"feed/not-a-feed.xml", []string{"not a feed: an XML document whose root is <inventory>"}, nil},
		{"feed/comments.rss", nil, []want{
			{title: "Hall roof fund reaches target", outlet: "Parish Post", format: feed.FormatFeed},
			{title: "A second item with no title at all, only a comment where it should be", outlet: "Parish Post"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			arts, probs := extractFile(t, tt.file)
			got := problemText(probs)
			if len(tt.problems) == 0 && got != "" {
				t.Errorf("problems: %s", got)
			}
			for _, p := range tt.problems {
				if !strings.Contains(got, p) {
					t.Errorf("problems %q lack %q", got, p)
				}
			}
			if len(arts) != len(tt.want) {
				t.Fatalf("got %d articles, want %d", len(arts), len(tt.want))
			}
			for i, w := range tt.want {
				checkArticle(t, arts[i], w)
				if strings.Contains(arts[i].Title+arts[i].Body+arts[i].Outlet, "<!--") {
					t.Errorf("article %d keeps a comment: %+v", i, arts[i])
				}
			}
		})
	}
}
