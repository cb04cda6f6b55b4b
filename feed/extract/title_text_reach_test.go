package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// The pages in these tests are made up.

// linkColumn returns n lines of a column of links, each its own.
func linkColumn(n int) string {
	places := []string{"Quay", "Harbour", "Mill", "Chapel", "Orchard", "Ferry", "Market", "Beacon"}
	kinds := []string{"tide tables", "walks", "notices", "events", "photos", "timetables"}
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%s %s\n\n", places[i%len(places)], kinds[(i/len(places))%len(kinds)])
	}
	return b.String()
}

// A headline and its byline stand over a column of links so long that
// the lines counted up from the article run out under the byline: the
// headline is still a candidate, and is taken.
func TestTextTitleOverBylineAboveWindow(t *testing.T) {
	page := "Home | News | Sport | Weather\n\nThe Riverside Gazette\n\n" +
		fixtureHeadline + "\n\nBy Jane Smith\n\n" + linkColumn(headerWindow+1) + fixtureBody + "\n"
	lines := segmentText(page)
	start := slices.IndexFunc(lines, func(l *textLine) bool { return strings.HasPrefix(l.text, "The town council voted") })
	head := slices.IndexFunc(lines, func(l *textLine) bool { return l.text == fixtureHeadline })
	if start < 0 || head < 0 || start-head <= headerWindow {
		t.Fatalf("fixture: headline at %d, article at %d; want more than %d lines apart", head, start, headerWindow)
	}
	arts, _ := NewExtractor().Extract(Source{Path: "page.txt", Data: []byte(page)})
	if len(arts) != 1 {
		t.Fatalf("%d articles", len(arts))
	}
	if arts[0].Title != fixtureHeadline {
		t.Errorf("title %q, want %q", arts[0].Title, fixtureHeadline)
	}
}

func TestBylineAbove(t *testing.T) {
	lines := segmentText("Quay notices\n\nHeadline over a byline here\n\nA standfirst of a few words\n\nBy Jane Smith\n\nQuay walks\n\nMill walks\n\nChapel walks\n\nFerry walks\n\nBeacon walks\n")
	// The window starts two lines under the byline (index 3): the lines
	// from four over it are candidates.
	if got := bylineAbove(lines, 5); got != 0 {
		t.Errorf("bylineAbove(5) = %d, want 0", got)
	}
	// A byline further up than bylineReach lines brings in nothing.
	if got := bylineAbove(lines, 8); got != 8 {
		t.Errorf("bylineAbove(8) = %d, want 8", got)
	}
	// Nor does a window with no byline just over it.
	if got := bylineAbove(lines, 2); got != 2 {
		t.Errorf("bylineAbove(2) = %d, want 2", got)
	}
}

// captionLine is a photo caption long enough to read as running text.
const captionLine = "Harbour master Wendel Okafor greets the ferry crew as they arrive at the east quay on Friday evening for the first crossing since the storm."

// When photo captions open the article's region and the headline with
// its date stands under them, the headline is taken and the article
// starts under it.
func TestTextTitleUnderCaptions(t *testing.T) {
	page := "Home | News | Sport | Weather\n\nThe Riverside Gazette\n\n" +
		"View larger image\n\n" + captionLine + "\n\nView larger image\n\n" +
		strings.Replace(captionLine, "Friday", "Saturday", 1) + "\n\n" +
		fixtureHeadline + "\n\nUpdated March 3, 2008 10:56 PM\n\n" + fixtureBody + "\n"
	arts, _ := NewExtractor().Extract(Source{Path: "page.txt", Data: []byte(page)})
	if len(arts) != 1 {
		t.Fatalf("%d articles", len(arts))
	}
	a := arts[0]
	if a.Title != fixtureHeadline {
		t.Errorf("title %q, want %q", a.Title, fixtureHeadline)
	}
	if !strings.HasPrefix(a.Body, "The town council voted") {
		t.Errorf("body opens %.80q, want the article's first paragraph", a.Body)
	}
}

// A post that quotes another story keeps its own headline, which stands
// over its date: the quoted headline over its byline, further into the
// post, is no candidate.
func TestTextTitleQuotedHeadlineBelow(t *testing.T) {
	const own, quoted = "Why the bridge vote matters to the east bank", "Council votes to rebuild the bridge"
	page := "The Riverside Blog\n\nNotes from the east bank of the river.\n\n" +
		own + "\n\nMarch 3rd, 2008 by Odile Fenn\n\n" +
		"I have walked the long way round to the station for a year now, and I was glad to read this morning that the council has finally agreed to put the bridge back, even if the work will take most of the summer.\n\n" +
		"Here is what the paper said, for those who missed it, with my thanks to the reporters who sat through the whole three hours of the debate on Tuesday night.\n\n" +
		quoted + "\n\nBy Jane Smith\n\n" + fixtureBody + "\n"
	cands, _ := NewExtractor().TitleCandidates(Source{Path: "page.txt", Data: []byte(page)})
	if !slices.ContainsFunc(cands, func(c TitleCandidate) bool { return c.Text == own }) {
		t.Errorf("the post's headline is no candidate")
	}
	if slices.ContainsFunc(cands, func(c TitleCandidate) bool { return c.Text == quoted }) {
		t.Errorf("the quoted headline is a candidate")
	}
}

func TestDatedHeadline(t *testing.T) {
	lines := segmentText("Quay notices\n\nCouncil votes to rebuild the bridge\n\nMarch 3, 2008\n\nA sentence that ends as one does.\n\nBy Jane Smith\n\nLock gates jammed again at the mill\n\nUpdated 10:56 PM, March 4, 2008\n")
	if got := datedHeadline(lines, 0, len(lines)); got != 1 {
		t.Errorf("datedHeadline = %d, want 1", got)
	}
	// A line ending with a full stop over a byline is running text.
	if got := datedHeadline(lines, 2, len(lines)); got != 5 {
		t.Errorf("datedHeadline from 2 = %d, want 5", got)
	}
	if got := datedHeadline(lines, 0, 1); got != -1 {
		t.Errorf("datedHeadline(0, 1) = %d, want -1", got)
	}
}

// A trail of sections and a line naming an address are no candidates.
func TestTextTitleNoTrailOrAddress(t *testing.T) {
	const trail, address = "Home » News » Council and local politics", "Visit www.riverside-gazette.com for more local news"
	page := textPage(trail+"\n\n"+address, "")
	cands, _ := NewExtractor().TitleCandidates(Source{Path: "page.txt", Data: []byte(page)})
	for _, c := range cands {
		if c.Text == trail || c.Text == address {
			t.Errorf("%q is a candidate", c.Text)
		}
	}
	if !slices.ContainsFunc(cands, func(c TitleCandidate) bool { return c.Text == fixtureHeadline }) {
		t.Errorf("the headline is no candidate")
	}
}
