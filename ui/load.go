package ui

import (
	"runtime"
	"slices"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/search"
	"github.com/broadsheet/broadsheet/feed/story"
)

// Loading hands the root a batch of events at a time, so that a folder of
// many thousand files means a few dozen redraws rather than one per file,
// and a few dozen merges into the store's sorted list.
const (
	maxBatch  = 2000
	batchWait = 50 * time.Millisecond
)

// library is what has been loaded so far: the articles and their search
// index. Loading adds to it in a tea.Cmd while the panes read it; the
// store guards itself, and the index sits behind mu.
type library struct {
	store *feed.Store

	mu    sync.Mutex
	index *search.Index

	// stories groups the articles; the articles waiting to join or
	// leave it sit behind smu (see stories.go).
	stories  *story.Set
	smu      sync.Mutex
	toAdd    map[string]*feed.Article
	toRemove []string
}

func newLibrary() *library {
	return &library{
		store: feed.NewStore(), index: search.New(),
		stories: story.New(story.Options{}), toAdd: make(map[string]*feed.Article),
	}
}

// eventsMsg reports a batch of load events, after their articles were
// added to the library.
type eventsMsg struct {
	added    int
	removed  int
	problems int
	progress feed.Progress
	// done reports whether the channel of events has closed. Following
	// a folder it never does: loading has finished once every file
	// found has been read (see finished).
	done bool
	// seen reports whether the batch held any event, and so progress.
	seen bool
}

// readEvents returns a command that waits for the next load events, adds
// their articles to the library and reports them: as many events as
// arrive within batchWait of the first, up to maxBatch.
func (lib *library) readEvents(events <-chan feed.Event) tea.Cmd {
	return func() tea.Msg {
		if events == nil {
			return eventsMsg{done: true}
		}
		ev, ok := <-events
		if !ok {
			return eventsMsg{done: true}
		}
		batch := []feed.Event{ev}
		deadline := time.NewTimer(batchWait)
		defer deadline.Stop()
		done := false
	drain:
		for len(batch) < maxBatch {
			select {
			case ev, ok := <-events:
				if !ok {
					done = true
					break drain
				}
				batch = append(batch, ev)
			case <-deadline.C:
				break drain
			}
		}
		msg := lib.add(batch)
		msg.done = done
		return msg
	}
}

// add puts a batch of events into the library. The articles of the
// load's events go into the store in one go; an event of a watched
// folder, which may take out what an earlier one put in, is applied in
// its turn.
func (lib *library) add(batch []feed.Event) eventsMsg {
	var (
		msg            eventsMsg
		arts           []*feed.Article
		added, removed []*feed.Article
	)
	flush := func() {
		added = append(added, lib.store.Add(arts...)...)
		arts = nil
	}
	for _, ev := range batch {
		if len(ev.Removed) > 0 {
			flush()
			a, r := ev.Apply(lib.store)
			added, removed = append(added, a...), append(removed, r...)
		} else {
			arts = append(arts, ev.Articles...)
			lib.store.AddProblems(ev.Problems...)
		}
		msg.problems += len(ev.Problems)
		msg.progress = ev.Progress
		msg.seen = true
	}
	flush()
	msg.added, msg.removed = len(added), len(removed)
	// An article added by one event of the batch and taken out by a
	// later one is no news for the index or the stories.
	added = slices.DeleteFunc(added, func(a *feed.Article) bool {
		cur, ok := lib.store.Get(a.ID)
		return !ok || cur != a
	})
	lib.mu.Lock()
	for _, a := range removed {
		lib.index.Remove(a.ID)
	}
	// The index skips an ID it holds, so a file read again, or a copy of
	// an article that the store now keeps from another file, replaces
	// the old entry.
	for _, a := range added {
		lib.index.Remove(a.ID)
	}
	addParallel(lib.index, added)
	lib.mu.Unlock()
	lib.queueStories(added, removed)
	return msg
}

// addParallel indexes arts on every core: the index analyses articles
// added at the same time in parallel, so a big batch of a large load
// costs a fraction of one Add.
func addParallel(ix *search.Index, arts []*feed.Article) {
	n := min(runtime.GOMAXPROCS(0), len(arts)/64)
	if n <= 1 {
		ix.Add(arts...)
		return
	}
	var wg sync.WaitGroup
	size := (len(arts) + n - 1) / n
	for part := range slices.Chunk(arts, size) {
		wg.Go(func() { ix.Add(part...) })
	}
	wg.Wait()
}

// compact trims the room the index keeps for articles to come, in the
// background, once a load is done (see search.Index.Compact). It runs
// outside mu, which a search would otherwise wait on for all of it: the
// index takes its own lock a few thousand terms at a time.
func (lib *library) compact() tea.Cmd {
	ix := lib.index
	return func() tea.Msg {
		ix.Compact()
		return nil
	}
}

// finished reports whether a batch ends the load: the channel closed,
// or every file found has been read.
func (msg eventsMsg) finished() bool {
	p := msg.progress
	return msg.done || (msg.seen && p.Walked && p.Done >= p.Found)
}

// search returns up to limit articles matching query, best first, their
// snippets left to be made when shown (see search.Result.Fill). An
// article the store has since replaced by a copy from another file is
// left out.
func (lib *library) search(query string, limit int) []search.Result {
	lib.mu.Lock()
	results := lib.index.Results(query, limit)
	lib.mu.Unlock()
	kept := results[:0]
	for _, r := range results {
		if a, ok := lib.store.Get(r.Article.ID); ok && a == r.Article {
			kept = append(kept, r)
		}
	}
	return kept
}

// articles returns the articles of an outlet, or all of them for "".
func (lib *library) articles(outlet string) []*feed.Article {
	if outlet == "" {
		return lib.store.Articles()
	}
	return lib.store.ByOutlet(outlet)
}
