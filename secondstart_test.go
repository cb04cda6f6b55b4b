package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/cache"
	"github.com/broadsheet/broadsheet/feed/library"
	"github.com/broadsheet/broadsheet/feed/load"
)

// countingCache counts the files extracted: the loader stores what it
// extracted, and only that.
type countingCache struct {
	*cache.Cache
	stored atomic.Int64
}

func (c *countingCache) Store(path string, info fs.FileInfo, hint feed.Hint, arts []*feed.Article, probs []feed.Problem) {
	c.stored.Add(1)
	c.Cache.Store(path, info, hint, arts, probs)
}

// TestSecondStartReadsChangedFilesOnly starts on a folder three times,
// as the reader does, with its cache and kept index: the second start
// extracts nothing; after files are changed, added and removed, the
// third extracts exactly those changed and added, and searching finds
// what they now say.
func TestSecondStartReadsChangedFilesOnly(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	past := time.Now().Add(-time.Hour)
	write := func(name, title, body string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(title+"\n\n"+body+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		// Settled: the cache keeps only files not written just now.
		past = past.Add(time.Second)
		if err := os.Chtimes(p, past, past); err != nil {
			t.Fatal(err)
		}
	}
	topics := []string{"harbour", "orchard", "glacier", "lighthouse", "vineyard", "quarry"}
	for i, w := range topics {
		write(fmt.Sprintf("a%d.txt", i), "News of the "+w,
			fmt.Sprintf("The %s was in the news on day %d. Residents gathered to talk about the %s and what comes next for it.", w, i+1, w))
	}
	run := func() (*library.Library, int) {
		t.Helper()
		l := &load.Loader{}
		cc := &countingCache{Cache: cache.Open([]string{dir}, l.Extractor, cache.Options{Dir: cacheDir, Identity: "second-start-test"})}
		l.Cache = cc
		lib := library.Open(library.Options{Index: cc.IndexFile})
		var batch []feed.Event
		for ev := range l.Stream(context.Background(), []string{dir}) {
			batch = append(batch, ev)
		}
		lib.Apply(batch)
		lib.Compact()
		lib.Close()
		cc.Close()
		return lib, int(cc.stored.Load())
	}
	found := func(lib *library.Library, q string) int { return len(lib.Search(q, 10)) }

	lib, n := run()
	if n != len(topics) || lib.Len() != len(topics) || lib.Opened() {
		t.Fatalf("first start: %d extracted, %d articles, index opened %v", n, lib.Len(), lib.Opened())
	}
	lib, n = run()
	if n != 0 || lib.Len() != len(topics) || !lib.Opened() {
		t.Fatalf("second start: %d extracted, %d articles, index opened %v", n, lib.Len(), lib.Opened())
	}
	if found(lib, "glacier") != 1 {
		t.Fatal("glacier not found after a second start")
	}

	write("a1.txt", "News of the observatory", "The observatory reopened today after the storm, and astronomers returned to it.")
	write("a6.txt", "News of the ferry", "The ferry to the islands runs again from Monday, the operator said in a notice.")
	if err := os.Remove(filepath.Join(dir, "a2.txt")); err != nil {
		t.Fatal(err)
	}
	lib, n = run()
	if n != 2 || lib.Len() != len(topics) || !lib.Opened() {
		t.Fatalf("after changes: %d extracted (want 2), %d articles, index opened %v", n, lib.Len(), lib.Opened())
	}
	for q, want := range map[string]int{"observatory": 1, "ferry": 1, "orchard": 0, "glacier": 0, "harbour": 1} {
		if got := found(lib, q); got != want {
			t.Errorf("%s: %d found, want %d", q, got, want)
		}
	}
}
