package library

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/story"
)

// report makes an article of a few paragraphs, dated in March 2025.
func report(id, outlet, title string, day int, paras ...string) *feed.Article {
	body := ""
	for i, p := range paras {
		if i > 0 {
			body += "\n\n"
		}
		body += p
	}
	return &feed.Article{
		ID: id, Path: id + ".txt", Title: title, Outlet: outlet,
		Date: time.Date(2025, 3, day, 9, 0, 0, 0, time.UTC), Lead: paras[0], Body: body, Words: 40,
	}
}

// Made-up reports: three outlets on one flood at a mill, and two
// articles on other things.
const (
	millLead   = "Floodwater reached the ground floor of the Tanner Street mill on Monday after the river Wend burst its banks overnight."
	millShared = "Firefighters pumped water from the cellars for six hours, and the mill's owners said the looms on the upper floors were unharmed."
)

func fixtures() []*feed.Article {
	return []*feed.Article{
		report("m1", "Wend Valley Post", "Tanner Street mill flooded as river Wend bursts banks", 10,
			millLead, millShared, "The Post understands the insurers will visit on Wednesday."),
		report("m2", "County Herald", "River Wend floods Tanner Street mill", 10,
			"The river Wend burst its banks overnight and floodwater reached the ground floor of the Tanner Street mill on Monday.",
			millShared, "A county engineer said the flood defences had been due for repair since the autumn."),
		report("m3", "Evening Lantern", "Mill on Tanner Street flooded after river bursts banks", 11,
			"Floodwater reached the Tanner Street mill's ground floor on Monday when the river Wend burst its banks.",
			millShared),
		report("c1", "County Herald", "Cricket club elects its first woman captain", 12,
			"The Wend Valley cricket club has elected Priya Oduya as captain, the first woman to lead it in its ninety years."),
		report("g1", "Evening Lantern", "Allotment society opens a seed library", 9,
			"Gardeners at the Brook Lane allotments can now borrow seeds and bring back seeds of their own at the end of the season."),
	}
}

// storyOf returns the story holding an article, or nil.
func storyOf(sts []*story.Story, id string) *story.Story {
	for _, st := range sts {
		for _, a := range st.Articles {
			if a.ID == id {
				return st
			}
		}
	}
	return nil
}

func TestApply(t *testing.T) {
	arts := fixtures()
	changed := *arts[1] // m2 read again with new text: a new ID
	changed.ID = "m2-new"
	changed.Body += "\n\nThe mill will reopen to visitors on Saturday."
	again := *arts[0] // m1 read again unchanged: a new copy, one ID
	copied := again   // and a copy in a file that sorts first, which the store keeps
	copied.Path = "a-copy-of-m1.txt"

	lib := New()
	steps := []struct {
		name             string
		events           []feed.Event
		added, removed   int
		problems         int
		articles         int
		storySize        int // of the story holding m1
		query            string
		hits             int
		wantFirstHitPath string // "" for any
	}{
		{"load", []feed.Event{{Articles: arts, Problems: []feed.Problem{{Path: "bad.txt"}}}}, 5, 0, 1, 5, 3, "reopen to visitors", 0, ""},
		{"file read again unchanged", []feed.Event{{Removed: []string{"m1.txt"}, Articles: []*feed.Article{&again}}}, 1, 1, 0, 5, 3, "insurers", 1, "m1.txt"},
		{"a copy in another file", []feed.Event{{Articles: []*feed.Article{&copied}}}, 1, 0, 0, 5, 3, "insurers", 1, "a-copy-of-m1.txt"},
		{"file replaced", []feed.Event{{Removed: []string{"m2.txt"}, Articles: []*feed.Article{&changed}}}, 1, 1, 0, 5, 3, "reopen to visitors", 1, "m2.txt"},
		{"file removed", []feed.Event{{Removed: []string{"m3.txt"}}}, 0, 1, 0, 4, 2, "cricket captain", 1, "c1.txt"},
		{"added then removed in one batch", []feed.Event{
			{Articles: []*feed.Article{report("tmp", "Evening Lantern", "Reopen to visitors", 13, "The mill will reopen to visitors.")}},
			{Removed: []string{"tmp.txt"}},
		}, 1, 1, 0, 4, 2, "reopen to visitors", 1, "m2.txt"},
		{"story left with one", []feed.Event{{Removed: []string{"m2.txt"}}}, 0, 1, 0, 3, 1, "reopen to visitors", 0, ""},
	}
	for _, tt := range steps {
		t.Run(tt.name, func(t *testing.T) {
			d := lib.Apply(tt.events)
			if d.Added != tt.added || d.Removed != tt.removed || d.Problems != tt.problems || !d.Seen {
				t.Errorf("delta = %+v, want added %d, removed %d, problems %d, seen", d, tt.added, tt.removed, tt.problems)
			}
			if got := lib.Len(); got != tt.articles {
				t.Errorf("library holds %d articles, want %d", got, tt.articles)
			}
			if !lib.StoriesDue() {
				t.Errorf("no stories due after a change")
			}
			sts := lib.Regroup()
			if lib.StoriesDue() {
				t.Errorf("stories still due after Regroup")
			}
			n := 0
			for _, st := range sts {
				n += len(st.Articles)
			}
			if n != tt.articles {
				t.Errorf("stories hold %d articles, want %d", n, tt.articles)
			}
			if st := storyOf(sts, "m1"); st == nil || len(st.Articles) != tt.storySize {
				t.Errorf("story of m1 = %v, want %d articles", st, tt.storySize)
			} else if got := lib.StoryOf("m1"); got != st.ID {
				t.Errorf("StoryOf(m1) = %q, want %q", got, st.ID)
			}
			hits := lib.Search(tt.query, 10)
			if len(hits) != tt.hits {
				t.Fatalf("search %q finds %d, want %d", tt.query, len(hits), tt.hits)
			}
			if tt.wantFirstHitPath != "" && hits[0].Article.Path != tt.wantFirstHitPath {
				t.Errorf("search %q finds %s, want %s", tt.query, hits[0].Article.Path, tt.wantFirstHitPath)
			}
		})
	}
	if got := len(lib.Problems()); got != 1 {
		t.Errorf("%d problems kept, want 1", got)
	}
}

func TestSnapshots(t *testing.T) {
	lib := New()
	lib.Apply([]feed.Event{{Articles: fixtures()}})
	tests := []struct {
		outlet string
		want   []string
	}{
		{"", []string{"c1", "m3", "m2", "m1", "g1"}}, // m2 before m1: same day, by headline
		{"County Herald", []string{"c1", "m2"}},
		{"county herald", []string{"c1", "m2"}},
		{"Nobody's Paper", nil},
	}
	for _, tt := range tests {
		t.Run(tt.outlet, func(t *testing.T) {
			var got []string
			for _, a := range lib.Articles(tt.outlet) {
				got = append(got, a.ID)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Articles(%q) = %v, want %v", tt.outlet, got, tt.want)
			}
		})
	}
	// A snapshot is the caller's: later changes do not reach it.
	all := lib.Articles("")
	lib.Apply([]feed.Event{{Removed: []string{"c1.txt"}}})
	if len(all) != 5 || all[0].ID != "c1" {
		t.Errorf("a snapshot changed under its reader: %d articles", len(all))
	}
	if got := len(lib.Outlets()); got != 3 {
		t.Errorf("%d outlets, want 3", got)
	}
}

func TestRegroup(t *testing.T) {
	arts := fixtures()
	tests := []struct {
		name    string
		batches [][]*feed.Article
		stories int
	}{
		{"nothing", nil, 0},
		{"all at once", [][]*feed.Article{arts}, 3},
		{"one at a time", [][]*feed.Article{{arts[0]}, {arts[1]}, {arts[2]}, {arts[3]}, {arts[4]}}, 3},
		{"singles only", [][]*feed.Article{{arts[3], arts[4]}}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib := New()
			var sts []*story.Story
			for _, b := range tt.batches {
				lib.Apply([]feed.Event{{Articles: b}})
				sts = lib.Regroup()
			}
			if len(sts) != tt.stories {
				t.Errorf("%d stories, want %d", len(sts), tt.stories)
			}
		})
	}
}

// TestFromStore checks that a library made from a loaded store groups
// and searches its articles, and that its stories are those of a Set
// given the store's articles in order.
func TestFromStore(t *testing.T) {
	s := feed.NewStore()
	s.Add(fixtures()...)
	lib := FromStore(s)
	got := lib.Regroup()
	set := story.New(story.Options{})
	set.Add(s.Articles()...)
	want := set.Stories()
	if len(got) != len(want) {
		t.Fatalf("%d stories, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i].ID != want[i].ID || len(got[i].Articles) != len(want[i].Articles) {
			t.Errorf("story %d = %s (%d articles), want %s (%d)", i, got[i].ID, len(got[i].Articles), want[i].ID, len(want[i].Articles))
		}
	}
	if hits := lib.Search("seed library", 10); len(hits) != 1 || hits[0].Article.ID != "g1" {
		t.Errorf("search of a library from a store found %v, want g1", hits)
	}
	lib.Compact()
}

// TestConcurrent applies batches while searching, regrouping and taking
// snapshots; run with -race.
func TestConcurrent(t *testing.T) {
	lib := New()
	var wg sync.WaitGroup
	stop := make(chan struct{})
	reader := func(f func()) {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
					f()
				}
			}
		})
	}
	reader(func() { lib.Search("mill flood", 10) })
	reader(func() { lib.Articles(""); lib.Outlets(); lib.Len() })
	reader(func() { lib.Regroup() })
	for i := range 50 {
		var arts []*feed.Article
		for _, a := range fixtures() {
			c := *a
			c.ID, c.Path = fmt.Sprintf("%s-%d", a.ID, i), fmt.Sprintf("%d/%s", i, a.Path)
			arts = append(arts, &c)
		}
		lib.Apply([]feed.Event{{Articles: arts}})
		if i%5 == 0 {
			lib.Apply([]feed.Event{{Removed: []string{fmt.Sprintf("%d/g1.txt", i)}}})
		}
	}
	lib.Compact()
	close(stop)
	wg.Wait()
	if got, want := lib.Len(), 50*5-10; got != want {
		t.Errorf("library holds %d articles, want %d", got, want)
	}
	if got := len(lib.Search("seed library", 100)); got != 40 {
		t.Errorf("search finds %d, want 40", got)
	}
}
