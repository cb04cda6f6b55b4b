package load

import (
	"context"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/extract"
)

// How long a watch waits for a burst of changes to end before reading
// them, and the longest it lets one burst run before reading what it has.
const (
	DefaultQuiet   = 150 * time.Millisecond
	DefaultMaxWait = time.Second
)

// Watcher reports changes to the article files under some folders as
// they happen: files added, changed, moved or removed, and folders made
// (watched from then on) or removed. Each batch of changes is read
// through the Loader's Extractor and reported as one Event whose
// Removed lists the files to take out and whose Articles are their new
// contents. Like the Loader, it only ever reads.
type Watcher struct {
	// Loader reads the changed files. Nil means &Loader{}. Its FS must be
	// nil: only the operating system's files can be watched.
	Loader *Loader
	// Quiet is how long the folders must be still before a batch is read,
	// so that a burst of writes (10,000 files copied in) is read in a few
	// batches and a file written in pieces is read once. Zero means
	// DefaultQuiet.
	Quiet time.Duration
	// MaxWait bounds how long a steady stream of changes is held back.
	// Zero means DefaultMaxWait.
	MaxWait time.Duration
}

// Follow loads paths and then keeps following them: it reports the
// initial load as Stream does, then every change as a Watcher does, on
// one channel, which is closed when ctx ends. The watch starts before
// the load, so no change falls between the two; a file changed during
// the load may be reported twice, which Event.Apply takes in its stride.
// Change events carry the load's final Progress, so a progress display
// stays full.
//
// On a second start (see Stream), the articles handed over from the
// Cache come first, before the watch is set up, which walks every
// folder: the check that follows, after it, sees what changed
// meanwhile. Should the watch then fail, the folders are only loaded.
func (l *Loader) Follow(ctx context.Context, paths []string) (<-chan feed.Event, error) {
	x := l.extractor()
	pre := l.preload(x, paths)
	var (
		changes <-chan feed.Event
		err     error
	)
	if pre == nil {
		if changes, err = (&Watcher{Loader: l}).Watch(ctx, paths); err != nil {
			return nil, err
		}
	} else {
		for _, p := range paths {
			if _, err := os.Stat(p); err != nil {
				return nil, err // as Watch would
			}
		}
	}
	out := make(chan feed.Event, 64)
	go func() {
		defer close(out)
		if pre != nil {
			first := pre.first
			first.Progress = feed.Progress{Checking: true}
			pre.first, pre.sent = feed.Event{}, true
			select {
			case out <- first:
			case <-ctx.Done():
				return
			}
			changes, _ = (&Watcher{Loader: l}).Watch(ctx, paths)
		}
		var last feed.Progress
		for ev := range l.stream(ctx, paths, x, pre) {
			last = ev.Progress
			select {
			case out <- ev:
			case <-ctx.Done():
				return
			}
		}
		if changes == nil {
			return // the watch failed: loaded only
		}
		for ev := range changes {
			ev.Progress = last
			select {
			case out <- ev:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out, nil
}

// Watch watches paths (folders, recursively, and single files) until ctx
// ends, then closes the returned channel. Start it before loading the
// same paths with Stream, so that no change falls between the two.
func (w *Watcher) Watch(ctx context.Context, paths []string) (<-chan feed.Event, error) {
	l := w.Loader
	if l == nil {
		l = &Loader{}
	}
	if l.FS != nil {
		return nil, errors.New("watch: only the operating system's files can be watched")
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	r := &watchRun{
		l: l, fsw: fsw, quiet: w.Quiet, maxWait: w.MaxWait,
		roots:   make([]string, 0, len(paths)),
		files:   make(map[string]bool),
		known:   make(map[string]fileStamp),
		pending: make(map[string]bool),
		events:  make(chan feed.Event, 16),
	}
	if r.quiet <= 0 {
		r.quiet = DefaultQuiet
	}
	if r.maxWait <= 0 {
		r.maxWait = DefaultMaxWait
	}
	for _, p := range paths {
		p = filepath.Clean(p)
		info, err := os.Stat(p)
		if err != nil {
			fsw.Close()
			return nil, err
		}
		r.roots = append(r.roots, p)
		if info.IsDir() {
			for _, f := range r.addTree(p) {
				r.known[f] = stampOf(f)
			}
			// A folder's watch ends when the folder is removed; watching
			// the folder it is in too sees it made again (note then
			// watches it anew). Failing that, the folder is followed as
			// long as it lives.
			if parent := filepath.Dir(p); parent != p {
				fsw.Add(parent)
			}
		} else {
			r.files[p] = true
			r.known[p] = stampOf(p)
			if err := fsw.Add(filepath.Dir(p)); err != nil {
				fsw.Close()
				return nil, err
			}
		}
	}
	go r.loop(ctx)
	return r.events, nil
}

// watchRun is one running watch.
type watchRun struct {
	l              *Loader
	fsw            *fsnotify.Watcher
	quiet, maxWait time.Duration
	roots          []string
	files          map[string]bool      // roots that are single files
	known          map[string]fileStamp // article files under the roots
	pending        map[string]bool      // paths changed since the last batch
	events         chan feed.Event
}

// addTree watches a folder and the folders below it, skipping hidden
// ones as the loader does, and notes the files in them. It returns the
// files found.
func (r *watchRun) addTree(dir string) []string {
	var found []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			r.fsw.Add(p)
			return nil
		}
		found = append(found, p)
		return nil
	})
	return found
}

func (r *watchRun) loop(ctx context.Context) {
	// Batches are read by another goroutine, so that events are drained
	// while files are read and the kernel's queue does not overflow.
	batches := make(chan map[string]bool)
	idle := make(chan struct{})
	go func() {
		defer close(r.events)
		for b := range batches {
			r.flush(ctx, b)
			select {
			case idle <- struct{}{}:
			case <-ctx.Done():
			}
		}
	}()
	defer close(batches)
	defer r.fsw.Close()

	quiet := time.NewTimer(time.Hour)
	quiet.Stop()
	maxWait := time.NewTimer(time.Hour)
	maxWait.Stop()
	waiting, busy, due := false, false, false
	hand := func() {
		waiting = false
		quiet.Stop()
		maxWait.Stop()
		if busy {
			due = true
			return
		}
		busy, due = true, false
		batches <- r.pending
		r.pending = make(map[string]bool)
	}
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-r.fsw.Events:
			if !ok {
				return
			}
			if !r.note(ev) {
				continue
			}
			quiet.Reset(r.quiet)
			if !waiting {
				maxWait.Reset(r.maxWait)
				waiting = true
			}
		case _, ok := <-r.fsw.Errors:
			if !ok {
				return
			}
			// The kernel's queue overflowed or a watch failed: changes may
			// have been lost, so look at everything again. Files whose
			// size and time are unchanged are not read again.
			for _, root := range r.roots {
				r.pending[root] = true
			}
			quiet.Reset(r.quiet)
			if !waiting {
				maxWait.Reset(r.maxWait)
				waiting = true
			}
		case <-quiet.C:
			hand()
		case <-maxWait.C:
			hand()
		case <-idle:
			busy = false
			if due && len(r.pending) > 0 {
				hand()
			}
		}
	}
}

// note records one change, reporting whether it matters. A new folder is
// watched at once, so that files made in it straight away are seen.
func (r *watchRun) note(ev fsnotify.Event) bool {
	p := filepath.Clean(ev.Name)
	if ev.Op == fsnotify.Chmod || !r.inScope(p) {
		return false
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Lstat(p); err == nil && info.IsDir() {
			r.addTree(p)
		}
	}
	r.pending[p] = true
	return true
}

// inScope reports whether a path is under a watched root and not hidden.
func (r *watchRun) inScope(p string) bool {
	for _, root := range r.roots {
		if r.files[root] {
			if p == root {
				return true
			}
			continue
		}
		rel, err := filepath.Rel(root, p)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		for _, part := range strings.Split(rel, string(filepath.Separator)) {
			if strings.HasPrefix(part, ".") && part != "." {
				return false
			}
		}
		return !notArticle(filepath.Base(p))
	}
	return false
}

// flush reads a batch of changed paths and sends them as one event.
func (r *watchRun) flush(ctx context.Context, changed map[string]bool) {
	if len(changed) == 0 {
		return
	}
	// Files in a changed folder are read when new or their size or time
	// changed; a changed sidecar changes the hints of every file beside
	// it, so those are all read again.
	var scan, force []string
	for p := range changed {
		if isSidecar(filepath.Base(p)) {
			force = append(force, filepath.Dir(p))
		} else if r.isFolder(p) {
			scan = append(scan, p)
		}
	}
	inAny := func(p string, dirs []string) bool {
		for _, d := range dirs {
			if p == d || strings.HasPrefix(p, d+string(filepath.Separator)) {
				return true
			}
		}
		return false
	}

	// Walk the roots as the loader does, so that each file gets the same
	// hints it would in a full load, and keep the files to read.
	var jobs []job
	var probs []feed.Problem
	now := make(map[string]fileStamp)
	for _, root := range r.roots {
		r.l.walk(ctx, []string{root}, func(j job) {
			p := filepath.Clean(j.path)
			direct, scanned, forced := changed[p], inAny(p, scan), inAny(p, force)
			if !direct && !scanned && !forced {
				if old, ok := r.known[p]; ok {
					now[p] = old
				}
				return
			}
			st := stampOf(p)
			now[p] = st
			if direct || forced || r.known[p] != st {
				jobs = append(jobs, j)
			}
		}, func(pr feed.Problem) {
			if changed[filepath.Clean(pr.Path)] {
				probs = append(probs, pr)
			}
		})
	}

	// The old articles of every file read again, and of every file that
	// is gone, are taken out.
	removed := make(map[string]bool)
	for p := range changed {
		if _, there := now[p]; !there && !r.isFolder(p) {
			removed[p] = true
		}
	}
	for _, j := range jobs {
		removed[filepath.Clean(j.path)] = true
	}
	for p := range r.known {
		if _, there := now[p]; !there {
			removed[p] = true
		}
	}
	r.known = now

	arts, more := r.read(jobs)
	probs = append(probs, more...)
	for i, p := range probs {
		probs[i] = p.Safe() // as Stream reports them
	}
	if len(removed) == 0 && len(arts) == 0 && len(probs) == 0 {
		return
	}
	ev := feed.Event{
		Removed:  slices.Sorted(maps.Keys(removed)),
		Articles: arts,
		Problems: probs,
		Progress: feed.Progress{Found: len(jobs), Done: len(jobs), Walked: true},
	}
	if len(ev.Removed) == 1 && len(jobs) <= 1 {
		ev.Path = ev.Removed[0]
	}
	r.send(ctx, ev)
}

// fileStamp is what tells that a file changed without reading it.
type fileStamp struct {
	size int64
	mod  time.Time
}

func stampOf(p string) fileStamp {
	info, err := os.Stat(p)
	if err != nil {
		return fileStamp{}
	}
	return fileStamp{info.Size(), info.ModTime()}
}

// isFolder reports whether p is a folder now.
func (r *watchRun) isFolder(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// read extracts the jobs' files, several at a time, keeping the order of
// jobs so that a batch is the same however the work was shared out.
func (r *watchRun) read(jobs []job) ([]*feed.Article, []feed.Problem) {
	x := r.l.Extractor
	if x == nil {
		x = extract.NewExtractor()
	}
	type result struct {
		arts  []*feed.Article
		probs []feed.Problem
	}
	results := make([]result, len(jobs))
	next := make(chan int)
	abandoned := make(chan struct{}, maxAbandoned)
	var wg sync.WaitGroup
	for range min(r.l.workers(), max(len(jobs), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				a, p := r.l.loadFile(x, jobs[i], abandoned)
				results[i] = result{a, p}
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	var arts []*feed.Article
	var probs []feed.Problem
	for _, res := range results {
		arts = append(arts, res.arts...)
		probs = append(probs, res.probs...)
	}
	return arts, probs
}

func (r *watchRun) send(ctx context.Context, ev feed.Event) {
	select {
	case r.events <- ev:
	case <-ctx.Done():
	}
}
