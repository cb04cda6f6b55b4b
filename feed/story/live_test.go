package story

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/load"
)

// TestStoriesFollowAWatchedFolder wires a watch to a store and a set of
// stories as the reader should: each event is applied to the store, and
// what it took out and added is passed on to the stories.
func TestStoriesFollowAWatchedFolder(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events, err := (&load.Watcher{}).Watch(ctx, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	store, stories := feed.NewStore(), New(Options{})
	until := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.After(30 * time.Second)
		for !ok() {
			select {
			case ev := <-events:
				added, removed := ev.Apply(store)
				ids := make([]string, len(removed))
				for i, a := range removed {
					ids[i] = a.ID
				}
				stories.Remove(ids...)
				stories.Add(added...)
			case <-deadline:
				t.Fatalf("gave up waiting for %s", what)
			}
		}
	}
	write := func(name string, in invented) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(in.text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("herald.txt", lookAlikes[0])
	write("courier.txt", lookAlikes[1])
	write("rovers.txt", lookAlikes[7])
	until("two stories of three articles", func() bool { return store.Len() == 3 && stories.Len() == 2 })

	os.Remove(filepath.Join(dir, "courier.txt"))
	until("the story to lose an article", func() bool {
		return store.Len() == 2 && stories.Len() == 2 && len(stories.Stories()[0].Articles) == 1
	})
}
