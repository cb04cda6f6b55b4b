package load

import (
	"io/fs"
	"time"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/extract"
)

// Cache remembers what extraction made of files, so that a file that has
// not changed since is neither read nor extracted again. A Loader calls
// its methods from several goroutines at once.
//
// A Cache must answer only for the file as stat saw it (info) and with
// the same hint; everything else extraction depends on (the extractor's
// code, its signature table, the settings) is the Cache's to check.
type Cache interface {
	// Lookup returns what extraction made of the file at path before,
	// and false when it has no record for the file as info describes
	// it, with hint.
	Lookup(path string, info fs.FileInfo, hint feed.Hint) ([]*feed.Article, []feed.Problem, bool)
	// Store records what extraction made of the file at path, as info
	// describes it, with hint.
	Store(path string, info fs.FileInfo, hint feed.Hint, arts []*feed.Article, probs []feed.Problem)
	// Loaded is told when a Stream has read every file it found; complete
	// is false when the load was cut short, so that files not seen may
	// still be there.
	Loaded(complete bool)
}

// noDateBound stands for no bound at all on dates (see loadCached).
var noDateBound = time.Date(9999, time.January, 1, 0, 0, 0, 0, time.UTC)

// settleTime is how long a file must have gone unmodified before its
// extraction is remembered: a file written twice within one tick of the
// file system's clock, at the same size, would otherwise keep the first
// version's record.
const settleTime = 2 * time.Second

// loadCached is loadFile with a Cache: a file found there, unchanged, is
// neither read nor extracted.
//
// Extraction depends on the time in one way: a date after extract.Extractor.Now
// is never taken. A record made today would then be wrong once that date
// has passed. So what the cache keeps is extracted with no bound on
// dates; a record whose dates have all passed is what extraction with
// the bound gives too, since the bound only rules candidates out, and a
// record with a date still to come is not used.
func (l *Loader) loadCached(x *extract.Extractor, j job, abandoned chan struct{}) ([]*feed.Article, []feed.Problem) {
	now := x.Now // as extraction bounds dates
	if now.IsZero() {
		now = time.Now()
	}
	info, err := l.statJob(j)
	if err != nil || !info.Mode().IsRegular() || info.Size() > l.maxSize() {
		info = nil // read says why, as without a cache
	}
	if info != nil {
		if arts, probs, ok := l.Cache.Lookup(j.path, info, j.hint); ok && !datedAfter(arts, now) {
			if l.Filter == nil || !l.Filter.Recheck(arts, probs) {
				return arts, probs
			}
			_, skipped, err := l.readUnlessSkipped(j.path)
			if err != nil {
				return nil, []feed.Problem{{Path: j.path, Reason: describe(err)}}
			}
			if skipped {
				return nil, nil
			}
			return arts, probs
		}
	}
	data, skipped, err := l.readUnlessSkipped(j.path)
	if err != nil {
		return nil, []feed.Problem{{Path: j.path, Reason: describe(err)}}
	}
	if skipped {
		return nil, nil
	}
	src := extract.Source{Path: j.path, Data: data, Hint: j.hint}
	if info == nil || now.Sub(info.ModTime()) < settleTime {
		return l.extractRecycling(x, src, abandoned)
	}
	unbounded := *x
	unbounded.Now = noDateBound
	arts, probs, whole := l.extractFile(&unbounded, src, abandoned)
	if !whole {
		return arts, probs
	}
	if datedAfter(arts, now) {
		// Rare: a date still to come. Extract as usual, and keep the
		// unbounded record for when its date has passed.
		l.Cache.Store(j.path, info, j.hint, arts, probs)
		return l.extractRecycling(x, src, abandoned)
	}
	recycle(data)
	l.Cache.Store(j.path, info, j.hint, arts, probs)
	return arts, probs
}

// datedAfter reports whether any article is dated after t.
func datedAfter(arts []*feed.Article, t time.Time) bool {
	for _, a := range arts {
		if a.Date.After(t) {
			return true
		}
	}
	return false
}
