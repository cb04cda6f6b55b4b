package load

import (
	"io/fs"
	"slices"
	"time"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/extract"
)

// A Preloader is a Cache that can hand over at once everything it holds
// for the paths of a load, before any file is looked at: a second start
// then lists every article at once and checks the files after.
type Preloader interface {
	// Preload returns, one event a file, the articles and problems the
	// cache holds for the files under paths, leaving out any dated
	// after now; false when it cannot vouch for all of paths.
	Preload(paths []string, now time.Time) ([]feed.Event, bool)
	// Unchanged reports whether what Preload handed over for path, as
	// its i-th event, is still what extraction makes of the file as
	// info describes it, with hint.
	Unchanged(i int, path string, info fs.FileInfo, hint feed.Hint) bool
}

// preloaded is what a Stream handed over from a Preloader before its
// walk: the files, and whether the walk found each. A nil one handed
// over nothing. The Preloader names each file as the walk does (the
// root as given, then the file's place below it), so that paths are
// compared as they are: a file named otherwise would be read again, and
// the one handed over taken out, which costs time but changes nothing.
type preloaded struct {
	// first is the event that hands everything over, and sent
	// reports whether it was sent already (see Loader.Follow).
	first feed.Event
	sent  bool

	// names are the files handed over, and seen[i] reports whether
	// the walk found the i-th; paths numbers them, made when the walk
	// first finds a file other than the one after the last it found
	// (see found). Only the walk reads and writes them.
	paths map[string]int
	names []string
	seen  []bool
	next  int
}

// preload returns, for the first event of a Stream, every article and
// problem of the files under paths the Cache holds, when it is a
// Preloader that can vouch for them all; the Stream then checks each
// file it finds (see handed) and takes out those it does not (see gone).
// A load with a Filter, or from an FS, hands over nothing.
func (l *Loader) preload(x *extract.Extractor, paths []string) *preloaded {
	p, ok := l.Cache.(Preloader)
	if !ok || l.FS != nil || l.Filter != nil {
		return nil
	}
	now := x.Now // as extraction bounds dates
	if now.IsZero() {
		now = time.Now()
	}
	evs, ok := p.Preload(paths, now)
	if !ok {
		return nil
	}
	pre := &preloaded{names: make([]string, len(evs)), seen: make([]bool, len(evs))}
	n, m := 0, 0
	for i, ev := range evs {
		pre.names[i] = ev.Path
		n += len(ev.Articles)
		m += len(ev.Problems)
	}
	// One event, so that the reader takes them in one batch.
	all := &pre.first
	all.Articles, all.Problems = make([]*feed.Article, 0, n), make([]feed.Problem, 0, m)
	for _, ev := range evs {
		all.Articles = append(all.Articles, ev.Articles...)
		for _, p := range ev.Problems {
			all.Problems = append(all.Problems, p.Safe()) // as Stream's events
		}
	}
	return pre
}

// found notes that the walk found the file at path, and reports
// whether it was handed over, and as which event.
//
// A Preloader that hands files over in the order the walk finds them (as
// cache.Cache does) is followed along, one comparison a file; the files
// are numbered in a map only once the walk strays from that order.
func (pre *preloaded) found(path string) (int, bool) {
	if pre == nil {
		return 0, false
	}
	i, ok := pre.next, pre.next < len(pre.names) && pre.names[pre.next] == path
	if !ok {
		if pre.paths == nil {
			pre.paths = make(map[string]int, len(pre.names))
			for i, name := range pre.names {
				pre.paths[name] = i
			}
		}
		i, ok = pre.paths[path]
	}
	if ok {
		pre.seen[i] = true
		pre.next = i + 1
	}
	return i, ok
}

// gone returns the files handed over that the walk did not find, once
// it is done.
func (pre *preloaded) gone() []string {
	if pre == nil {
		return nil
	}
	var out []string
	for i, seen := range pre.seen {
		if !seen {
			out = append(out, pre.names[i])
		}
	}
	slices.Sort(out)
	return out
}

// unchanged reports whether the file of j is as the Cache handed it
// over: its articles are then in the reader already.
func (l *Loader) unchanged(j job) bool {
	info, err := l.statJob(j)
	if err != nil || !info.Mode().IsRegular() || info.Size() > l.maxSize() {
		return false
	}
	return l.Cache.(Preloader).Unchanged(j.at, j.path, info, j.hint)
}
