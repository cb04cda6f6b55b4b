package load

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed"
)

// watchPatience is how long a test waits for a change to arrive before
// it fails. It bounds a broken test, and asserts nothing about speed.
const watchPatience = 30 * time.Second

// watchFixture is a watched folder with a store kept up to date from
// the watch's events.
type watchFixture struct {
	t       *testing.T
	dir     string
	store   *feed.Store
	events  <-chan feed.Event
	batches int
}

func newWatchFixture(t *testing.T) *watchFixture {
	t.Helper()
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	events, err := (&Watcher{}).Watch(ctx, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	return &watchFixture{t: t, dir: dir, store: feed.NewStore(), events: events}
}

// write writes a small article into the watched folder.
func (f *watchFixture) write(name, title string) {
	f.t.Helper()
	p := filepath.Join(f.dir, name)
	os.MkdirAll(filepath.Dir(p), 0o755)
	text := title + "\n\nThe harbour council met on Tuesday to talk about " + title + ".\n"
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		f.t.Fatal(err)
	}
}

// until applies events to the store until ok holds of it.
func (f *watchFixture) until(what string, ok func(s *feed.Store) bool) {
	f.t.Helper()
	deadline := time.After(watchPatience)
	for !ok(f.store) {
		select {
		case ev, open := <-f.events:
			if !open {
				f.t.Fatalf("watch ended before %s", what)
			}
			ev.Apply(f.store)
			f.batches++
		case <-deadline:
			f.t.Fatalf("gave up waiting for %s; store has %d articles", what, f.store.Len())
		}
	}
}

// titles returns the titles in the store by file name.
func (f *watchFixture) titles() map[string]string {
	out := make(map[string]string)
	for _, a := range f.store.Articles() {
		rel, _ := filepath.Rel(f.dir, a.Path)
		out[rel] = a.Title
	}
	return out
}

func TestWatchBurstArrives(t *testing.T) {
	f := newWatchFixture(t)
	const n = 500
	for i := range n {
		f.write(fmt.Sprintf("burst-%03d.txt", i), fmt.Sprintf("Burst article %d", i))
	}
	f.until(fmt.Sprintf("%d articles", n), func(s *feed.Store) bool { return s.Len() == n })
	t.Logf("%d files arrived in %d batches", n, f.batches)
}

// BenchmarkWatchBurst measures how 10,000 files written at once arrive:
// how long until all are in the store, and in how many batches.
func BenchmarkWatchBurst(b *testing.B) {
	const n = 10000
	for b.Loop() {
		dir := b.TempDir()
		ctx, cancel := context.WithCancel(context.Background())
		events, err := (&Watcher{}).Watch(ctx, []string{dir})
		if err != nil {
			b.Fatal(err)
		}
		for i := range n {
			text := fmt.Sprintf("Article %d\n\nThe harbour council met on Tuesday, meeting %d.\n", i, i)
			os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%05d.txt", i)), []byte(text), 0o644)
		}
		store, batches := feed.NewStore(), 0
		for store.Len() < n {
			ev := <-events
			ev.Apply(store)
			batches++
		}
		b.ReportMetric(float64(batches), "batches")
		cancel()
	}
}

func TestWatchChangesAndRemovals(t *testing.T) {
	f := newWatchFixture(t)
	f.write("a.txt", "Ferry timetable approved")
	f.write("b.txt", "Harbour dues to rise")
	f.until("two articles", func(s *feed.Store) bool { return s.Len() == 2 })
	oldID := f.store.Articles()[0].ID

	steps := []struct {
		name   string
		change func()
		want   map[string]string
	}{
		{
			"a change replaces the article",
			func() { f.write("a.txt", "Ferry timetable withdrawn") },
			map[string]string{"a.txt": "Ferry timetable withdrawn", "b.txt": "Harbour dues to rise"},
		},
		{
			"a removal removes it",
			func() { os.Remove(filepath.Join(f.dir, "b.txt")) },
			map[string]string{"a.txt": "Ferry timetable withdrawn"},
		},
		{
			"a rename moves it",
			func() { os.Rename(filepath.Join(f.dir, "a.txt"), filepath.Join(f.dir, "c.txt")) },
			map[string]string{"c.txt": "Ferry timetable withdrawn"},
		},
		{
			"a new folder is watched, its name a hint",
			func() {
				f.write(filepath.Join("Harbour Gazette", "d.txt"), "Lifeboat station opens")
				f.write(filepath.Join("Harbour Gazette", "inner", "e.txt"), "Quay repairs begin")
			},
			map[string]string{"c.txt": "Ferry timetable withdrawn", filepath.Join("Harbour Gazette", "d.txt"): "Lifeboat station opens", filepath.Join("Harbour Gazette", "inner", "e.txt"): "Quay repairs begin"},
		},
		{
			"a file in the new folder changes",
			func() { f.write(filepath.Join("Harbour Gazette", "inner", "e.txt"), "Quay repairs delayed") },
			map[string]string{"c.txt": "Ferry timetable withdrawn", filepath.Join("Harbour Gazette", "d.txt"): "Lifeboat station opens", filepath.Join("Harbour Gazette", "inner", "e.txt"): "Quay repairs delayed"},
		},
		{
			"a removed folder takes its articles",
			func() { os.RemoveAll(filepath.Join(f.dir, "Harbour Gazette")) },
			map[string]string{"c.txt": "Ferry timetable withdrawn"},
		},
		{
			"hidden files are not articles",
			func() { f.write(".draft.txt", "Not for reading"); f.write("f.txt", "Pier reopens") },
			map[string]string{"c.txt": "Ferry timetable withdrawn", "f.txt": "Pier reopens"},
		},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			s.change()
			f.until(fmt.Sprint(s.want), func(*feed.Store) bool {
				got := f.titles()
				return len(got) == len(s.want) && fmt.Sprint(got) == fmt.Sprint(s.want)
			})
		})
	}
	if _, ok := f.store.Get(oldID); ok && oldID != "" {
		for _, a := range f.store.Articles() {
			if a.ID == oldID && a.Title == "Ferry timetable approved" {
				t.Errorf("the changed article's old version is still in the store")
			}
		}
	}
	for _, a := range f.store.Articles() {
		if filepath.Base(filepath.Dir(a.Path)) == "Harbour Gazette" && a.Outlet != "Harbour Gazette" {
			t.Errorf("%s: outlet %q, want the folder's name", a.Path, a.Outlet)
		}
	}
}

func TestWatchNeverWrites(t *testing.T) {
	f := newWatchFixture(t)
	f.write("a.txt", "Ferry timetable approved")
	f.until("one article", func(s *feed.Store) bool { return s.Len() == 1 })
	f.write("a.txt", "Ferry timetable withdrawn")
	f.until("the change", func(*feed.Store) bool { return f.titles()["a.txt"] == "Ferry timetable withdrawn" })
	entries, err := os.ReadDir(f.dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"a.txt"}) {
		t.Errorf("watched folder holds %v, want only a.txt", names)
	}
}

func TestWatchRefusesFS(t *testing.T) {
	_, err := (&Watcher{Loader: &Loader{FS: os.DirFS(t.TempDir())}}).Watch(context.Background(), []string{"."})
	if err == nil {
		t.Error("Watch on an fs.FS succeeded; want an error")
	}
}

func TestWatchEndsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	events, err := (&Watcher{}).Watch(ctx, []string{t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	select {
	case _, open := <-events:
		for open {
			_, open = <-events
		}
	case <-time.After(watchPatience):
		t.Fatal("the event channel stayed open after the context ended")
	}
}

func TestFollowLoadsThenWatches(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Ferry timetable approved\n\nThe harbour council met on Tuesday.\n"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events, err := (&Loader{}).Follow(ctx, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	store := feed.NewStore()
	wait := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.After(watchPatience)
		for !ok() {
			select {
			case ev := <-events:
				ev.Apply(store)
			case <-deadline:
				t.Fatalf("gave up waiting for %s", what)
			}
		}
	}
	wait("the initial load", func() bool { return store.Len() == 1 })
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Harbour dues to rise\n\nThe harbour board met on Wednesday.\n"), 0o644)
	wait("the new file", func() bool { return store.Len() == 2 })
}

// TestWatchRootMadeAgain checks that a watched folder removed and made
// again is followed again.
func TestWatchRootMadeAgain(t *testing.T) {
	root := filepath.Join(t.TempDir(), "news")
	if err := os.Mkdir(root, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	events, err := (&Watcher{}).Watch(ctx, []string{root})
	if err != nil {
		t.Fatal(err)
	}
	f := &watchFixture{t: t, dir: root, store: feed.NewStore(), events: events}
	f.write("a.txt", "First story")
	f.until("the first story", func(s *feed.Store) bool { return s.Len() == 1 })
	if err := os.RemoveAll(root); err != nil {
		t.Fatal(err)
	}
	f.until("the folder's removal", func(s *feed.Store) bool { return s.Len() == 0 })
	f.write("b.txt", "Second story") // makes the folder again
	f.until("the story in the folder made again", func(s *feed.Store) bool { return s.Len() == 1 })
	f.write("c/d.txt", "Third story")
	f.until("a story in a new folder below", func(s *feed.Store) bool { return s.Len() == 2 })
	// A sibling of the folder is not followed.
	os.WriteFile(filepath.Join(filepath.Dir(root), "sibling.txt"), []byte(article("Sibling")), 0o644)
	f.write("e.txt", "Fourth story")
	f.until("the fourth story", func(s *feed.Store) bool { return s.Len() == 3 })
	if _, ok := f.titles()["../sibling.txt"]; ok {
		t.Error("a file beside the watched folder was loaded")
	}
}
