// Package library keeps what the reader has loaded: the store of
// articles, their search index and their stories, with one owner that
// applies load events to all three and answers readers from snapshots.
// It knows nothing of terminals.
package library

import (
	"runtime"
	"runtime/debug"
	"slices"
	"sync"
	"time"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/cache"
	"github.com/broadsheet/broadsheet/feed/search"
	"github.com/broadsheet/broadsheet/feed/story"
)

// Library is the articles loaded so far, their search index and their
// stories. Loading applies batches of events to it while readers search
// it and take snapshots; every method is safe for concurrent use.
//
// Grouping into stories is costly, so it is not done as articles come:
// Apply queues them, and Regroup groups what was queued since the last
// time.
type Library struct {
	store *feed.Store

	// mu guards the index. indexed reports whether the index holds the
	// store's articles: a library made from a loaded store indexes them
	// at its first search, which a command line that only groups never
	// makes.
	mu      sync.Mutex
	index   *search.Index
	indexed bool

	// The index kept between runs (see Open): its file and key, and
	// ready, closed once it is opened. dirty reports whether the index
	// differs from the file's; changes counts the batches that changed
	// it, under mu. smu lets one save run at a time, and closed ends
	// them.
	file, key string
	ready     chan struct{}
	opened    bool
	notice    string
	dirty     bool
	changes   uint64
	smu       sync.Mutex
	closed    bool
	settled   bool // under smu: see Settle
	// analysed counts the articles indexed anew rather than taken as
	// the kept index held them, for tests.
	analysed int

	stories *story.Set
	// qmu guards the articles waiting to join the stories or leave
	// them. toAdd is by ID; order keeps the order they came in, so that
	// grouping them does not depend on a map's order.
	qmu      sync.Mutex
	toAdd    map[string]*feed.Article
	order    []string
	toRemove []string
	// gmu lets one Regroup run at a time, so that the stories one
	// returns are never older than those of the one before. It guards
	// the fields of a kept grouping too (see KeepStories).
	gmu           sync.Mutex
	storiesFileOf func() (path, key string) // until asked, then nil
	storiesFile   string
	storiesKey    string
	triedRestore  bool
	savedChanges  uint64
	savedAt       time.Time
}

// New returns an empty library.
func New() *Library {
	return &Library{
		store: feed.NewStore(), index: search.New(), indexed: true,
		stories: story.New(story.Options{}), toAdd: make(map[string]*feed.Article),
	}
}

// FromStore returns a library that owns a store already loaded. Its
// articles wait to be grouped into stories at the next Regroup, and are
// indexed at the first Search.
func FromStore(s *feed.Store) *Library {
	lib := &Library{
		store: s, index: search.New(),
		stories: story.New(story.Options{}), toAdd: make(map[string]*feed.Article),
	}
	lib.queue(s.Articles(), nil)
	return lib
}

// Delta reports what a batch of events changed.
type Delta struct {
	Added    int // articles put into the store
	Removed  int // articles taken out of it
	Problems int // problems the batch added, less those it took out
	// Progress is the loader's progress as of the batch's last event.
	Progress feed.Progress
	// Seen reports whether the batch held any event, and so Progress.
	Seen bool
}

// Apply puts a batch of load events into the library: their articles
// into the store and the index, and into the queue of articles to group.
// The articles of the load's events go into the store in one go; an
// event of a watched folder, which may take out what an earlier one put
// in, is applied in its turn.
func (lib *Library) Apply(batch []feed.Event) Delta {
	var (
		d              Delta
		arts           []*feed.Article
		added, removed []*feed.Article
	)
	problems := lib.store.ProblemCount()
	if probs := lib.notices(); len(probs) > 0 {
		lib.store.AddProblems(probs...)
	}
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
		d.Progress = ev.Progress
		d.Seen = true
	}
	flush()
	d.Added, d.Removed = len(added), len(removed)
	// Problems of a file read again replace its old ones.
	d.Problems = lib.store.ProblemCount() - problems
	// An article added by one event of the batch and taken out by a
	// later one is no news for the index or the stories.
	added = slices.DeleteFunc(added, func(a *feed.Article) bool {
		cur, ok := lib.store.Get(a.ID)
		return !ok || cur != a
	})
	fps := fingerprints(added)
	lib.mu.Lock()
	if lib.indexed {
		lib.reindex(added, removed, fps)
	}
	lib.mu.Unlock()
	lib.queue(added, removed)
	return d
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

// Compact is told that a load is done. It trims the room the index
// keeps for articles to come (see search.Index.Compact): a search
// meanwhile does not wait for all of it, as the index takes its own lock
// a few thousand terms at a time. A library made by Open then drops the
// articles of its kept index that the load did not hand over again, and
// writes the index back when it changed. The pages of the mapped files
// that the load read through are then left for the system to take
// back (see cache.LetGoOfPages).
func (lib *Library) Compact() {
	lib.wait()
	lib.mu.Lock()
	ix, indexed := lib.index, lib.indexed
	if indexed && ix.DropPending() > 0 {
		lib.dirty = true
		lib.changes++
	}
	lib.mu.Unlock()
	if indexed {
		ix.Compact()
		lib.save()
	}
	cache.LetGoOfPages()
}

// Settle is told that the work of loading is done for now: the load,
// the grouping, and whatever the caller worked out from them. The pages
// of the mapped files read meanwhile are left for the system to take
// back (see cache.LetGoOfPages), and, the first time, the memory the
// start used and no longer does is given back to the system: a start
// makes several times as much garbage as it keeps.
func (lib *Library) Settle() {
	cache.LetGoOfPages()
	lib.smu.Lock()
	first := !lib.settled
	lib.settled = true
	lib.smu.Unlock()
	if first {
		debug.FreeOSMemory()
	}
}

// Search returns up to limit articles matching query, best first, their
// snippets left to be made when shown (see search.Result.Fill). An
// article the store has since replaced by a copy from another file is
// left out.
func (lib *Library) Search(query string, limit int) []search.Result {
	lib.wait()
	lib.mu.Lock()
	if !lib.indexed {
		addParallel(lib.index, lib.store.Articles())
		lib.indexed = true
	}
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

// queue notes articles to group into stories, or to take out of them,
// at the next Regroup. An article added and removed before then is never
// grouped.
func (lib *Library) queue(added, removed []*feed.Article) {
	lib.qmu.Lock()
	defer lib.qmu.Unlock()
	for _, a := range removed {
		delete(lib.toAdd, a.ID)
		lib.toRemove = append(lib.toRemove, a.ID)
	}
	for _, a := range added {
		if _, ok := lib.toAdd[a.ID]; !ok {
			lib.order = append(lib.order, a.ID)
		}
		lib.toAdd[a.ID] = a
	}
}

// StoriesDue reports whether articles wait to be grouped into stories.
func (lib *Library) StoriesDue() bool {
	lib.qmu.Lock()
	defer lib.qmu.Unlock()
	return len(lib.toAdd) > 0 || len(lib.toRemove) > 0
}

// Regroup groups the articles queued since the last time into stories
// and returns every story, newest first, in the order of story.Set's
// Stories. It can take a while on a big folder; articles applied
// meanwhile are grouped the next time.
func (lib *Library) Regroup() []*story.Story {
	lib.gmu.Lock()
	defer lib.gmu.Unlock()
	lib.qmu.Lock()
	add := make([]*feed.Article, 0, len(lib.toAdd))
	for _, id := range lib.order {
		if a, ok := lib.toAdd[id]; ok {
			add = append(add, a)
			delete(lib.toAdd, id) // an ID queued twice is added once
		}
	}
	remove := lib.toRemove
	lib.toAdd, lib.order, lib.toRemove = make(map[string]*feed.Article), nil, nil
	lib.qmu.Unlock()
	lib.restoreStories(add)
	// Removing first lets an article read again replace itself.
	lib.stories.Remove(remove...)
	lib.stories.Add(add...)
	lib.saveStories()
	// Grouping read the new articles' text, and restoring a kept
	// grouping every article's: the system may take back those pages.
	cache.LetGoOfPages()
	return lib.stories.Stories()
}

// StoryOf returns the ID of the story an article was in at the last
// Regroup, or "" when it is in none.
func (lib *Library) StoryOf(articleID string) string {
	return lib.stories.Of(articleID)
}

// Len returns the number of articles.
func (lib *Library) Len() int { return lib.store.Len() }

// Articles returns the articles of an outlet, newest first, or all of
// them for "". The slice is the caller's.
func (lib *Library) Articles(outlet string) []*feed.Article {
	if outlet == "" {
		return lib.store.Articles()
	}
	return lib.store.ByOutlet(outlet)
}

// Outlets returns every outlet and its number of articles.
func (lib *Library) Outlets() []feed.OutletCount { return lib.store.Outlets() }

// Problems returns the problems met while loading.
func (lib *Library) Problems() []feed.Problem { return lib.store.Problems() }

// ReadScattered notes that the text of arts was read, in an order of
// the caller's (a story's articles, say): on a second start it is the
// cache file's, whose pages are let go of as it is read (see
// cache.ReadScattered), not all kept until the library settles.
func ReadScattered(arts []*feed.Article) {
	n := 0
	for _, a := range arts {
		n += textBytes(a)
	}
	cache.ReadScattered(n)
}
