package search

import (
	"slices"
	"testing"

	"github.com/broadsheet/broadsheet/feed"
)

// scanFile is one file of a pretend load: its bytes and the article
// extraction makes of them, or a problem; cached files are not read.
type scanFile struct {
	path, text string
	id         string // the article's ID; "" for a file with a problem
	cached     bool
}

// pretendLoad returns a Scan load over files that uses the filter as a
// loader does: a file Skip rules out is not extracted, and a cached file
// is not read unless Recheck says so. It reports through skipped and
// rechecked what the filter was asked.
func pretendLoad(files []scanFile, skipped, rechecked *int) func(f Filter) <-chan feed.Event {
	return func(f Filter) <-chan feed.Event {
		events := make(chan feed.Event, len(files))
		for _, file := range files {
			var ev feed.Event
			if file.id == "" {
				ev.Problems = []feed.Problem{{Path: file.path, Reason: "broken"}}
			} else {
				a := &feed.Article{ID: file.id, Path: file.path, Title: "Report", Body: file.text}
				ev.Articles = []*feed.Article{a}
			}
			switch {
			case f == nil:
			case file.cached:
				*rechecked++
				if !f.Recheck(ev.Articles, ev.Problems) {
					break
				}
				fallthrough
			default:
				if f.Skip(file.path, []byte("Report\n\n"+file.text)) {
					*skipped++
					continue
				}
			}
			events <- ev
		}
		close(events)
		return events
	}
}

func TestScan(t *testing.T) {
	files := []scanFile{
		{path: "c.txt", text: "The harbour wall was mended after the storm.", id: "wall"},
		{path: "d.txt", text: "Council budget set for the coming year.", id: "budget"},
		{path: "b.txt", text: "The harbour wall was mended after the storm.", id: "wall"}, // the same text again
		{path: "e.txt", text: "Harbour fees rise; the harbour master explains the harbour plan.", id: "fees", cached: true},
		{path: "f.txt", text: "A choir sang in the square.", id: "choir", cached: true},
		{path: "h.txt", text: "<html>harbour", id: ""}, // broken, but may match
		{path: "a.txt", text: "<html>harbour", id: ""},
		{path: "g.txt", text: "Storm damage to the harbour road.", id: "road"},
	}
	var skipped, rechecked int
	results, probs, found := Scan("harbour", pretendLoad(files, &skipped, &rechecked))
	if !found {
		t.Fatal("found nothing")
	}
	var got []string
	for _, r := range results {
		got = append(got, r.Article.Path)
	}
	// What matching every article, one at a time, gives.
	m := NewMatcher("harbour")
	var hits []Hit
	for _, path := range []string{"b.txt", "d.txt", "e.txt", "f.txt", "g.txt"} {
		i := slices.IndexFunc(files, func(f scanFile) bool { return f.path == path })
		a := &feed.Article{ID: files[i].id, Path: path, Title: "Report", Body: files[i].text}
		if h, ok := m.Match(a); ok {
			hits = append(hits, h)
		}
	}
	var want []string
	for _, r := range m.Rank(hits) {
		want = append(want, r.Article.Path)
	}
	if !slices.Equal(got, want) || len(got) != 3 {
		t.Errorf("results %q, want %q", got, want)
	}
	if skipped != 1 || rechecked != 2 {
		t.Errorf("%d files passed over and %d rechecked, want 1 (d.txt) and 2", skipped, rechecked)
	}
	if len(probs) != 2 || probs[0].Path != "a.txt" || probs[1].Path != "h.txt" {
		t.Errorf("problems %v, want a.txt's then h.txt's", probs)
	}

	// A load that finds nothing, and one whose every file is passed over.
	if _, _, found := Scan("harbour", pretendLoad(nil, &skipped, &rechecked)); found {
		t.Error("an empty load found something")
	}
	if results, _, found := Scan("harbour", pretendLoad(files[1:2], &skipped, &rechecked)); !found || len(results) != 0 {
		t.Errorf("a load of one file passed over: found %v, %d results; want found, none", found, len(results))
	}
}
