// Package load finds article files under folders, reads them, has each
// extracted (see feed/extract) and reports what came of it as it goes;
// it applies sidecar files' hints, consults a Cache, and can keep
// following the folders for changes.
package load

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/dustin/go-humanize"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/extract"
	"github.com/broadsheet/broadsheet/internal/prewalk"
)

// DefaultMaxFileSize is the largest file the loader reads unless told
// otherwise; larger files become problems rather than filling memory.
const DefaultMaxFileSize = 64 << 20

// DefaultFileTimeout is how long the loader waits for one file's
// extraction unless told otherwise.
const DefaultFileTimeout = 30 * time.Second

// Loader finds article files under the paths it is given and extracts
// them, several at a time. It only ever reads: it never writes, moves or
// deletes anything it is pointed at.
type Loader struct {
	// FS, when set, is read instead of the operating system's files;
	// paths are then slash-separated names within it.
	FS fs.FS
	// Workers bounds how many files are read and extracted at once.
	// Zero means a few per CPU.
	Workers int
	// MaxFileSize is the largest file read, in bytes. Zero means
	// DefaultMaxFileSize.
	MaxFileSize int64
	// Extractor reads each file. Nil means extract.NewExtractor().
	Extractor *extract.Extractor
	// FileTimeout bounds the time spent extracting one file; a file that
	// takes longer becomes a problem and the load goes on without it.
	// Zero means DefaultFileTimeout.
	FileTimeout time.Duration
	// Cache, when set, remembers what extraction made of each file, so
	// that a file unchanged since is neither read nor extracted again
	// (see loadcache.go). It is not used with FS.
	Cache Cache
	// Filter, when set, passes over the files and articles it has no
	// use for before they cost extraction. A one-shot search uses it to
	// extract only the files that can match.
	Filter Filter

	sidecars sidecarMemo
}

// A Filter passes over what a load has no use for, before it costs
// extraction. The Loader calls its methods from several goroutines at
// once.
type Filter interface {
	// Skip sees each file's bytes before extraction; a file it reports
	// true for is passed over, neither extracted nor a problem. It must
	// not keep the bytes: those of a file passed over are read over by
	// the next.
	Skip(path string, data []byte) bool
	// Recheck is asked about each file found in the Cache, which Skip
	// therefore never sees; when it reports true the file is read after
	// all, and passed over if Skip says so, as it would be uncached.
	Recheck(arts []*feed.Article, probs []feed.Problem) bool
	// Admit sees an article a Cache had for a file, and the sketch it
	// kept of it (see cache.Options.Sketch); an article it reports false
	// for is left out of the load. Only a Cache that keeps sketches
	// asks: one with an Admit method of its own, handed this one when a
	// Stream starts.
	Admit(a *feed.Article, sketch []byte) bool
}

// admitter is a Cache that can leave out, at Lookup, the articles whose
// sketches a test rules out (as cache.Cache.Admit does).
type admitter interface {
	Admit(admit func(a *feed.Article, sketch []byte) bool)
}

// A SketchFilter is a Filter that can also rule an article out by its
// sketch alone, so that a Cache need not make the article to ask Admit:
// RulesOut reports true only for a sketch Admit would report false for.
type SketchFilter interface {
	Filter
	RulesOut(sketch []byte) bool
}

// ruler is a Cache that can leave out, at Lookup, before making them,
// the articles whose sketches a test rules out (as cache.Cache.RuleOut
// does).
type ruler interface {
	RuleOut(out func(sketch []byte) bool)
}

// Stream loads paths in the background and reports each file on the
// returned channel, which is closed when all are done or ctx ends.
//
// On a second start, when the Cache is a Preloader that can vouch for
// every file under paths, the first event holds every article and
// problem it has, before any file is looked at; the files are then
// checked (Progress.Checking), and the events that follow take out what
// changed or is gone (Event.Removed) and add what is new.
func (l *Loader) Stream(ctx context.Context, paths []string) <-chan feed.Event {
	x := l.extractor()
	return l.stream(ctx, paths, x, l.preload(x, paths))
}

func (l *Loader) extractor() *extract.Extractor {
	if l.Extractor != nil {
		return l.Extractor
	}
	return extract.NewExtractor()
}

// stream is Stream with what was handed over from the Cache already, if
// anything; it sends pre's first event unless that was sent.
func (l *Loader) stream(ctx context.Context, paths []string, x *extract.Extractor, pre *preloaded) <-chan feed.Event {
	// Room for a thousand files' events: a consumer that takes them in
	// batches and is busy with the last (the reader indexing it) does
	// not hold up the workers.
	events := make(chan feed.Event, 1024)
	// The walk runs ahead of the reading, its files queued, so that
	// their number is known early: a progress display can tell the time
	// left from it.
	jobs := newJobQueue()
	if c, ok := l.Cache.(admitter); ok && l.Filter != nil && l.FS == nil {
		c.Admit(l.Filter.Admit)
		if r, ok := l.Cache.(ruler); ok {
			if f, ok := l.Filter.(SketchFilter); ok {
				r.RuleOut(f.RulesOut)
			}
		}
	}
	var (
		mu   sync.Mutex
		prog feed.Progress
		// found counts the files found apart from prog: the walk
		// counts them without waiting for the lock, which a worker
		// holds while the events wait to be taken.
		found atomic.Int64
	)
	report := func(ev feed.Event, done int, walked bool) {
		mu.Lock()
		prog.Found = int(found.Load())
		prog.Done += done
		prog.Walked = prog.Walked || walked
		ev.Progress = prog
		// Problems quote file names and contents: make them safe to print
		// here, where every problem passes.
		for i, p := range ev.Problems {
			ev.Problems[i] = p.Safe()
		}
		// Sending under the lock keeps progress in order on the channel.
		select {
		case events <- ev:
		case <-ctx.Done():
		}
		mu.Unlock()
	}

	if pre != nil {
		mu.Lock()
		prog.Checking = true
		mu.Unlock()
		if !pre.sent {
			report(pre.first, 0, false)
			pre.first = feed.Event{}
		}
	}
	go func() {
		defer jobs.close()
		l.walk(ctx, paths, func(j job) {
			found.Add(1)
			j.at, j.handed = pre.found(j.path)
			jobs.push(j)
		}, func(p feed.Problem) { report(feed.Event{Path: p.Path, Problems: []feed.Problem{p}}, 0, false) })
		var last feed.Event
		if ctx.Err() == nil {
			last.Removed = pre.gone()
		}
		report(last, 0, true)
	}()

	abandoned := make(chan struct{}, maxAbandoned)
	var wg sync.WaitGroup
	for range l.workers() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				j, ok := jobs.pop()
				if !ok {
					return
				}
				if ctx.Err() != nil {
					continue
				}
				ev := feed.Event{Path: j.path}
				if j.handed {
					if l.unchanged(j) {
						report(ev, 1, false)
						continue
					}
					ev.Removed = []string{j.path}
				}
				ev.Articles, ev.Problems = l.loadFile(x, j, abandoned)
				report(ev, 1, false)
			}
		}()
	}
	go func() {
		wg.Wait()
		if l.Cache != nil && l.FS == nil {
			l.Cache.Loaded(ctx.Err() == nil)
		}
		close(events)
	}()
	return events
}

// jobQueue holds the files the walk found for the workers to take, in
// order, as many as they have yet to take: the walk never waits for
// them. (A channel a file, passed on by a goroutine, cost a hundred
// thousand files' second start 5% of its time.) They are kept in chunks
// of a fixed size, let go of once taken: a walk far ahead of the workers
// (one taken from prewalk) neither copies them as one slice grows nor
// holds them all twice.
type jobQueue struct {
	mu     sync.Mutex
	more   sync.Cond // signalled when a job is pushed or the queue closed
	chunks [][]job   // the first from head on, then the rest whole
	head   int
	closed bool
}

// jobChunk is how many jobs a chunk of a jobQueue holds.
const jobChunk = 1024

func newJobQueue() *jobQueue {
	q := &jobQueue{}
	q.more.L = &q.mu
	return q
}

// push adds j at the end.
func (q *jobQueue) push(j job) {
	q.mu.Lock()
	if n := len(q.chunks); n == 0 || len(q.chunks[n-1]) == jobChunk {
		q.chunks = append(q.chunks, make([]job, 0, jobChunk))
	}
	last := &q.chunks[len(q.chunks)-1]
	*last = append(*last, j)
	q.mu.Unlock()
	q.more.Signal()
}

// close says no job will be pushed any more.
func (q *jobQueue) close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.more.Broadcast()
}

// pop takes the first job, waiting for one; false once the queue is
// closed and empty.
func (q *jobQueue) pop() (job, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for q.empty() && !q.closed {
		q.more.Wait()
	}
	if q.empty() {
		return job{}, false
	}
	first := q.chunks[0]
	j := first[q.head]
	first[q.head] = job{} // let the collector have it
	q.head++
	if q.head == jobChunk {
		q.chunks[0] = nil
		q.chunks, q.head = q.chunks[1:], 0
	}
	return j, true
}

// empty reports whether every job pushed was taken.
func (q *jobQueue) empty() bool {
	return len(q.chunks) == 0 || len(q.chunks) == 1 && q.head == len(q.chunks[0])
}

// Load reads paths into a new store, returning when all are read.
func (l *Loader) Load(ctx context.Context, paths []string) *feed.Store {
	s := feed.NewStore()
	// The articles are added in one batch, sorted once, rather than one
	// file at a time: 200,000 files make one sort, not 200,000 inserts.
	var arts []*feed.Article
	for ev := range l.Stream(ctx, paths) {
		if len(ev.Removed) > 0 {
			// A file the Cache handed over that changed since.
			s.Add(arts...)
			arts = nil
			ev.Apply(s)
			continue
		}
		arts = append(arts, ev.Articles...)
		s.AddProblems(ev.Problems...)
	}
	s.Add(arts...)
	return s
}

func (l *Loader) workers() int {
	if l.Workers > 0 {
		return l.Workers
	}
	return max(4, 2*runtime.GOMAXPROCS(0))
}

func (l *Loader) maxSize() int64 {
	if l.MaxFileSize > 0 {
		return l.MaxFileSize
	}
	return DefaultMaxFileSize
}

// job is one file to read.
type job struct {
	path string
	hint feed.Hint
	// handed reports whether the Cache handed the file's articles
	// over before the walk (see preload), as its at-th event.
	handed bool
	at     int
	// info is what stat said of the file when the walk found it, if
	// the walk asked (see prewalk); nil has it asked when it is read.
	info fs.FileInfo
}

// statJob returns what stat says of j's file: what the walk found, if
// it asked.
func (l *Loader) statJob(j job) (fs.FileInfo, error) {
	if j.info != nil {
		return j.info, nil
	}
	return l.stat(j.path)
}

// walk finds the files under paths, calling found for each and problem
// for what cannot be walked. Hidden files and folders are skipped, and
// symbolic links to folders are followed once each.
func (l *Loader) walk(ctx context.Context, paths []string, found func(job), problem func(feed.Problem)) {
	visited := make(map[string]bool)
	found = l.withSidecars(found, problem)
	for _, root := range paths {
		if ctx.Err() != nil {
			return
		}
		l.walkRoot(ctx, root, visited, found, problem)
	}
}

func (l *Loader) walkRoot(ctx context.Context, root string, visited map[string]bool, found func(job), problem func(feed.Problem)) {
	given := root
	info, err := l.stat(root)
	if err != nil {
		problem(feed.Problem{Path: root, Reason: describe(err)})
		return
	}
	if !info.IsDir() {
		found(job{path: root})
		return
	}
	if l.FS == nil {
		real, err := filepath.EvalSymlinks(root)
		if err == nil {
			if visited[real] {
				return
			}
			visited[real] = true
		}
		// WalkDir does not follow a root that is a symbolic link; with a
		// trailing separator the link resolves to its folder.
		if li, err := os.Lstat(root); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			root += string(filepath.Separator)
		}
	}
	croot := l.clean(root)
	var tree *prewalk.Tree
	if l.FS == nil {
		tree = prewalk.Take(given)
	}
	var (
		lastDir  string
		lastHint feed.Hint
		hinted   bool
	)
	err = l.walkDir(tree, root, func(p string, d fs.DirEntry, err error) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			problem(feed.Problem{Path: p, Reason: describe(err)})
			return nil
		}
		name := d.Name()
		if p != root && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := l.stat(p)
			if err != nil {
				problem(feed.Problem{Path: p, Reason: describe(err)})
				return nil
			}
			if target.IsDir() {
				l.walkRoot(ctx, p, visited, found, problem)
				return nil
			}
			if !target.Mode().IsRegular() {
				return nil // a link to a pipe or a device, passed over as they are
			}
		} else if !d.Type().IsRegular() {
			return nil // sockets, devices and pipes are never articles
		}
		if isSidecar(name) || notArticle(name) {
			return nil
		}
		// The files of a folder are walked together, and share its hint.
		if dir := l.dir(p); !hinted || dir != lastDir {
			lastDir, lastHint, hinted = dir, l.hintIn(croot, dir), true
		}
		j := job{path: p, hint: lastHint}
		if e, ok := d.(*prewalk.Entry); ok {
			j.info, _ = e.Stat() // the walk's lstat of a regular file is its stat
		}
		found(j)
		return nil
	})
	if err != nil && ctx.Err() == nil {
		problem(feed.Problem{Path: root, Reason: describe(err)})
	}
}

// hintIn returns what the place of a file in the folder dir says of it:
// the name of the nearest folder it is in (dir or above), below the
// root the user gave (croot, clean), that may name an outlet (see
// outletFolder): "Quay Herald/2024/a.txt" is the Quay Herald's.
func (l *Loader) hintIn(croot, dir string) feed.Hint {
	for dir != croot && dir != "." {
		if name := l.base(dir); outletFolder(name) {
			return feed.Hint{Folder: name}
		}
		up := l.dir(dir)
		if up == dir {
			break
		}
		dir = up
	}
	return feed.Hint{}
}

// formatFolders are folder names that say how files are kept, not who
// published them: a collection sorted by kind ("html/", "text/") names
// no outlet.
var formatFolders = map[string]bool{
	"html": true, "htm": true, "xhtml": true, "text": true, "txt": true, "md": true, "markdown": true,
	"json": true, "jsonl": true, "ndjson": true, "xml": true, "rss": true, "atom": true, "feeds": true,
	"raw": true, "clean": true, "pages": true, "files": true, "saved": true, "scraped": true,
	"articles": true, "downloads": true, "archive": true,
}

// outletFolder reports whether a folder's name may be an outlet's: not
// a kind of file (formatFolders), and not a date or a number ("2024",
// "2024-03", "07"), the other common way to sort a collection.
func outletFolder(name string) bool {
	if formatFolders[strings.ToLower(name)] {
		return false
	}
	return strings.ContainsFunc(name, unicode.IsLetter)
}

// isSidecar reports whether a file name is one of Broadsheet's own
// settings files rather than an article.
func isSidecar(name string) bool { return name == "broadsheet.toml" }

// notArticle reports whether a file's name says it is something other
// than an article: source code, settings, build files. Found while
// walking a folder they are passed over; named on their own they are
// still read.
func notArticle(name string) bool {
	return nonArticleExts[extract.Extension(name)]
}

var nonArticleExts = map[string]bool{
	"go": true, "mod": true, "sum": true, "py": true, "js": true, "ts": true,
	"css": true, "scss": true, "c": true, "h": true, "rs": true, "java": true,
	"rb": true, "sh": true, "toml": true, "yaml": true, "yml": true,
	"ini": true, "cfg": true, "conf": true, "lock": true, "log": true,
}

// loadFile reads and extracts one file.
func (l *Loader) loadFile(x *extract.Extractor, j job, abandoned chan struct{}) (arts []*feed.Article, probs []feed.Problem) {
	if l.Cache != nil && l.FS == nil {
		return l.loadCached(x, j, abandoned)
	}
	data, skipped, err := l.readUnlessSkipped(j.path)
	if err != nil {
		return nil, []feed.Problem{{Path: j.path, Reason: describe(err)}}
	}
	if skipped {
		return nil, nil
	}
	return l.extractRecycling(x, extract.Source{Path: j.path, Data: data, Hint: j.hint}, abandoned)
}

// readUnlessSkipped reads the file at path, into a buffer an earlier
// file left, and asks the Filter to Skip it or not. A file passed over leaves its
// buffer at once.
func (l *Loader) readUnlessSkipped(path string) (data []byte, skipped bool, err error) {
	var buf []byte
	if bp, ok := fileBufs.Get().(*[]byte); ok {
		buf = *bp
	}
	data, err = l.read(path, buf)
	if err != nil {
		recycle(buf)
		return nil, false, err
	}
	if l.Filter != nil && l.Filter.Skip(path, data) {
		recycle(data)
		return nil, true, nil
	}
	return data, false, nil
}

// extractRecycling is extract of a file read by readUnlessSkipped: once
// extraction is done, nothing it made shares the file's bytes (see
// Extractor.Extract), so they are left for the next file to be read into. A file
// given up on is still being read, and keeps them.
func (l *Loader) extractRecycling(x *extract.Extractor, src extract.Source, abandoned chan struct{}) ([]*feed.Article, []feed.Problem) {
	arts, probs, whole := l.extractFile(x, src, abandoned)
	if whole {
		recycle(src.Data)
	}
	return arts, probs
}

// fileBufs holds buffers that files were read into, for the next files
// read to reuse: a load of a hundred thousand files would otherwise have
// the collector free hundreds of megabytes of them.
var fileBufs sync.Pool // *[]byte

// recycle leaves data's memory for a file to be read into, once nothing
// reads it any more.
func recycle(data []byte) {
	if cap(data) == 0 {
		return
	}
	bp := new([]byte)
	*bp = data[:0]
	fileBufs.Put(bp)
}

// maxAbandoned bounds how many extractions given up on may still be
// running in one load: each holds its file and its parse in memory, so a
// folder of slow files must not start them all at once. When every slot
// is taken, a slow file is waited for instead.
const maxAbandoned = 2

// extract runs x.Extract on src, turning a panic into a problem and
// giving up after the file timeout. A file given up on keeps its
// goroutine until extraction ends, but no longer holds up the load.
func (l *Loader) extract(x *extract.Extractor, src extract.Source, abandoned chan struct{}) ([]*feed.Article, []feed.Problem) {
	arts, probs, _ := l.extractFile(x, src, abandoned)
	return arts, probs
}

// extractWith is how a file is extracted; tests put stand-in formats in
// front of it.
var extractWith = (*extract.Extractor).Extract

// extractFile is extract that also reports whether extraction ended by
// itself, neither panicking nor given up on: only then is its outcome
// the file's own, to be remembered by a Cache.
func (l *Loader) extractFile(x *extract.Extractor, src extract.Source, abandoned chan struct{}) ([]*feed.Article, []feed.Problem, bool) {
	type result struct {
		arts  []*feed.Article
		probs []feed.Problem
		ok    bool
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			// One malformed file must never take the others down with it.
			if r := recover(); r != nil {
				done <- result{probs: []feed.Problem{{Path: src.Path, Reason: fmt.Sprintf("extraction failed: %v", r)}}}
			}
		}()
		arts, probs := extractWith(x, src)
		done <- result{arts, probs, true}
	}()
	timeout := l.FileTimeout
	if timeout <= 0 {
		timeout = DefaultFileTimeout
	}
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case r := <-done:
		return r.arts, capProblems(r.probs), r.ok
	case <-t.C:
	}
	select {
	case abandoned <- struct{}{}:
		go func() {
			<-done
			<-abandoned
		}()
		return nil, []feed.Problem{{Path: src.Path, Reason: fmt.Sprintf("gave up: reading took over %s", timeout)}}, false
	case r := <-done:
		return r.arts, capProblems(r.probs), r.ok
	}
}

// maxFileProblems bounds the problems one file reports. Extraction keeps
// its own counts low (JSON Lines reports ten bad lines and counts the
// rest); this holds for any format, so that one file can never fill the
// problems pane, the terminal or the cache.
const maxFileProblems = 20

// capProblems keeps a file's first problems and counts the rest in one.
func capProblems(probs []feed.Problem) []feed.Problem {
	if len(probs) <= maxFileProblems {
		return probs
	}
	more := len(probs) - (maxFileProblems - 1)
	probs = append(probs[:maxFileProblems-1:maxFileProblems-1], feed.Problem{
		Path:   probs[0].Path,
		Reason: fmt.Sprintf("… and %s more problems", humanize.Comma(int64(more))),
	})
	return probs
}

// readAll reads r to its end into a buffer sized for the file, so that
// a file takes one read and one allocation rather than io.ReadAll's
// doubling from 512 bytes.
func readAll(r io.Reader, size int64) ([]byte, error) {
	data := make([]byte, 0, max(size, 0)+1)
	for {
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// errTooLarge is wrapped by the error for a file over the size limit.
var errTooLarge = errors.New("file too large")

// errIsFolder and errNotRegular are the errors for a name that leads to
// something other than a file to read: a folder, or a pipe, a terminal,
// a device or a socket, which may never end or may wait for ever.
var (
	errIsFolder   = errors.New("is a folder")
	errNotRegular = errors.New("not a regular file")
)

// checkRegular returns why a file described by info is not read, or nil
// when it is a regular file.
func checkRegular(info fs.FileInfo) error {
	switch {
	case info.Mode().IsRegular():
		return nil
	case info.IsDir():
		return errIsFolder
	}
	return errNotRegular
}

// read returns a file's bytes, refusing files over the size limit without
// reading them whole. It reads into buf when the file fits.
func (l *Loader) read(p string, buf []byte) ([]byte, error) {
	return l.readLimited(p, l.maxSize(), buf)
}

// readLimited is read with its own size limit.
func (l *Loader) readLimited(p string, limit int64, buf []byte) ([]byte, error) {
	if l.FS == nil {
		return readFile(p, limit, buf)
	}
	// As readFile, never open what is not a regular file: opening a pipe
	// may wait for ever.
	info, err := fs.Stat(l.FS, p)
	if err != nil {
		return nil, err
	}
	if err := checkRegular(info); err != nil {
		return nil, err
	}
	f, err := l.FS.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readOpen(f, limit)
}

// readOpen reads an open file, refusing one over limit bytes or not a
// regular file.
func readOpen(f fs.File, limit int64) ([]byte, error) {
	size := int64(512)
	if info, err := f.Stat(); err == nil {
		size = min(info.Size(), limit)
		if err := checkRegular(info); err != nil {
			return nil, err
		}
		if info.Size() > limit {
			return nil, fmt.Errorf("%w: %s is over the %s limit", errTooLarge, humanize.IBytes(uint64(info.Size())), humanize.IBytes(uint64(limit)))
		}
	}
	// The file may grow between Stat and reading: read one byte past the
	// limit to notice.
	data, err := readAll(io.LimitReader(f, limit+1), size)
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: over the %s limit", errTooLarge, humanize.IBytes(uint64(limit)))
	}
	return data, nil
}

func (l *Loader) stat(p string) (fs.FileInfo, error) {
	if l.FS != nil {
		return fs.Stat(l.FS, p)
	}
	return os.Stat(p)
}

// walkDir walks root as filepath.WalkDir does, taking the folders tree
// holds from it (see prewalk.Tree.WalkDir).
func (l *Loader) walkDir(tree *prewalk.Tree, root string, fn fs.WalkDirFunc) error {
	if l.FS != nil {
		return fs.WalkDir(l.FS, root, fn)
	}
	return tree.WalkDir(root, fn)
}

func (l *Loader) dir(p string) string {
	if l.FS != nil {
		return path.Dir(p)
	}
	return filepath.Dir(p)
}

func (l *Loader) base(p string) string {
	if l.FS != nil {
		return path.Base(p)
	}
	return filepath.Base(p)
}

func (l *Loader) clean(p string) string {
	if l.FS != nil {
		return path.Clean(p)
	}
	return filepath.Clean(p)
}

// describe turns a file error into a short reason a person can act on.
func describe(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or folder"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, errTooLarge):
		return err.Error()
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
