package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/cache"
	"github.com/broadsheet/broadsheet/feed/library"
	"github.com/broadsheet/broadsheet/feed/load"
)

// TestSecondStartListsFirst starts on a folder as the reader does, with
// its cache and kept index: the second start's first event hands over
// every article at once, before any file is checked; after files are
// changed, removed and added between runs, the list once the check is
// done is a fresh load's, problems too, and a vanished file's article
// is gone from the list and from search.
func TestSecondStartListsFirst(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	past := time.Now().Add(-time.Hour)
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		// Settled: the cache keeps only files not written just now.
		past = past.Add(time.Second)
		if err := os.Chtimes(p, past, past); err != nil {
			t.Fatal(err)
		}
	}
	article := func(w string, day int) string {
		return fmt.Sprintf("News of the %s\n\nThe %s was in the news on day %d. Residents gathered to talk about the %s and what comes next for it.\n", w, w, day, w)
	}
	topics := []string{"harbour", "orchard", "glacier", "lighthouse", "vineyard", "quarry"}
	for i, w := range topics {
		write(fmt.Sprintf("desk%d/a%d.txt", i%2, i), article(w, i+1))
	}
	write("empty.txt", "") // a problem, kept in the cache too

	// run starts as the reader does, applying each event in its turn,
	// and returns the first event and the library once loaded.
	run := func() (feed.Event, *library.Library) {
		t.Helper()
		l := &load.Loader{}
		c := cache.Open([]string{dir}, l.Extractor, cache.Options{Dir: cacheDir, Identity: "list-first-test", Borrow: true})
		l.Cache = c
		lib := library.Open(library.Options{Index: c.IndexFile})
		var first feed.Event
		i := 0
		for ev := range l.Stream(context.Background(), []string{dir}) {
			if i == 0 {
				first = ev
			}
			i++
			lib.Apply([]feed.Event{ev})
		}
		lib.Compact()
		lib.Close()
		c.Close()
		return first, lib
	}
	fresh := func() *feed.Store { return (&load.Loader{}).Load(context.Background(), []string{dir}) }
	listed := func(arts []*feed.Article) string {
		var lines []string
		for _, a := range arts {
			lines = append(lines, a.Path+" "+a.ID+" "+a.Title+" "+a.Body)
		}
		return strings.Join(lines, "\n")
	}
	same := func(lib *library.Library) {
		t.Helper()
		want := fresh()
		if got, w := listed(lib.Articles("")), listed(want.Articles()); got != w {
			t.Errorf("list after the check:\n%s\nwant a fresh load's:\n%s", got, w)
		}
		if got, w := fmt.Sprint(lib.Problems()), fmt.Sprint(want.Problems()); got != w {
			t.Errorf("problems after the check: %s, want %s", got, w)
		}
	}

	first, lib := run()
	if first.Progress.Checking {
		t.Error("first start: nothing was cached, yet its first event says checking")
	}
	same(lib)

	first, lib = run()
	if !first.Progress.Checking || len(first.Articles) != len(topics) || len(first.Problems) != 1 {
		t.Fatalf("second start's first event: %d articles, %d problems, checking %v; want all %d, the one problem, checking",
			len(first.Articles), len(first.Problems), first.Progress.Checking, len(topics))
	}
	same(lib)

	// Between runs: one file changed, one removed, one added, and the
	// empty file given text.
	write("desk1/a1.txt", article("windmill", 12))
	if err := os.Remove(filepath.Join(dir, "desk0/a2.txt")); err != nil {
		t.Fatal(err)
	}
	write("desk0/new.txt", article("causeway", 20))
	write("empty.txt", article("reservoir", 21))
	first, lib = run()
	if !first.Progress.Checking || len(first.Articles) != len(topics) {
		t.Fatalf("third start's first event: %d articles, checking %v; want the %d cached, checking", len(first.Articles), first.Progress.Checking, len(topics))
	}
	if !slices.ContainsFunc(first.Articles, func(a *feed.Article) bool { return strings.Contains(a.Title, "glacier") }) {
		t.Error("the removed file's article was not among those handed over first")
	}
	same(lib)
	for q, want := range map[string]int{"glacier": 0, "orchard": 0, "windmill": 1, "causeway": 1, "reservoir": 1, "harbour": 1} {
		if got := len(lib.Search(q, 10)); got != want {
			t.Errorf("search %q after the check: %d results, want %d", q, got, want)
		}
	}
	// And the next start hands over what the check found.
	first, lib = run()
	if got, want := listed(first.Articles), listed(fresh().Articles()); len(first.Articles) != lib.Len() || lib.Len() != len(topics)+1 {
		t.Errorf("fourth start handed over %d articles, has %d; want %d\n%s\nwant\n%s", len(first.Articles), lib.Len(), len(topics)+1, got, want)
	}
	same(lib)
}

// TestFollowListsFirst follows a folder read before, as the reader does:
// the first event hands over every cached article, and the folder is
// still followed once the files are checked.
func TestFollowListsFirst(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	past := time.Now().Add(-time.Hour)
	for i, w := range []string{"harbour", "orchard", "glacier"} {
		p := filepath.Join(dir, fmt.Sprintf("a%d.txt", i))
		text := fmt.Sprintf("News of the %s\n\nThe %s was in the news today. Residents gathered to talk about the %s and what comes next.\n", w, w, w)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, past, past); err != nil {
			t.Fatal(err)
		}
	}
	for run := range 2 {
		ctx, cancel := context.WithCancel(context.Background())
		l := &load.Loader{}
		c := cache.Open([]string{dir}, l.Extractor, cache.Options{Dir: cacheDir, Identity: "follow-first-test"})
		l.Cache = c
		events, err := l.Follow(ctx, []string{dir})
		if err != nil {
			t.Fatal(err)
		}
		first := <-events
		if run == 1 && (!first.Progress.Checking || len(first.Articles) != 3) {
			t.Fatalf("second start's first event: %d articles, checking %v; want 3, checking", len(first.Articles), first.Progress.Checking)
		}
		s := feed.NewStore()
		first.Apply(s)
		for s.Len() < 3 {
			ev := <-events
			ev.Apply(s)
		}
		if run == 1 {
			// Followed: a file added now shows up.
			p := filepath.Join(dir, "new.txt")
			if err := os.WriteFile(p, []byte("Causeway opens\n\nThe causeway opened to traffic this morning after two years of work on it.\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			timeout := time.After(30 * time.Second)
			for s.Len() < 4 {
				select {
				case ev := <-events:
					ev.Apply(s)
				case <-timeout:
					t.Fatalf("the file added was not reported; %d articles", s.Len())
				}
			}
		}
		cancel()
		for range events {
		}
		c.Close()
	}
}
