package main

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/cache"
	"github.com/broadsheet/broadsheet/feed/library"
	"github.com/broadsheet/broadsheet/feed/load"
	"github.com/broadsheet/broadsheet/feed/search"
	"github.com/broadsheet/broadsheet/internal/corpus"
	"github.com/broadsheet/broadsheet/internal/cputime"
)

// BenchmarkSecondStart measures a start of the reader on a folder it has
// read before: from nothing to every article in the library and
// searchable, with the cache of an earlier run (filled before the
// timer starts), as the reader loads (the loader's events applied in
// batches of up to 2,000, the index compacted once the load is done):
//
//	go test -run '^$' -bench SecondStart -benchtime 1x
//	BROADSHEET_BENCH_N=100000 go test -run '^$' -bench SecondStart -benchtime 1x
//
// Stories are not grouped. BROADSHEET_BENCH_CACHE=DIR keeps the cache in
// DIR between runs, so that the start that fills it (untimed, but in
// the process's own time) is a second start too from the next run on.
// BROADSHEET_NO_INDEX_FILE=1 builds the index
// anew each time, as before issue 15. scripts/start-bench.sh runs it beside cat and
// rg over the same files.
func BenchmarkSecondStart(b *testing.B) {
	n := 10_000
	if s := os.Getenv("BROADSHEET_BENCH_N"); s != "" {
		n = atoi(s)
	}
	dir, _, err := corpus.Cached(n, 1)
	if err != nil {
		b.Fatal(err)
	}
	b.Run(corpusName(n), func(b *testing.B) {
		cacheDir := b.TempDir()
		if d := os.Getenv("BROADSHEET_BENCH_CACHE"); d != "" {
			// Kept between runs: a run on a cache filled before
			// makes no first start of its own.
			cacheDir = d
		}
		size := folderBytes(b, dir)
		b.StopTimer()
		firstLen := startOnce(b, dir, cacheDir, func() {}).Len() // fills the cache
		b.StartTimer()
		var cpu time.Duration
		var lib *library.Library
		if p := os.Getenv("BROADSHEET_PROFILE"); p != "" {
			// The second starts alone, without the first.
			f, err := os.Create(p)
			if err != nil {
				b.Fatal(err)
			}
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
		var listCPU, listWall time.Duration
		for b.Loop() {
			before, start := cputime.Process(), time.Now()
			lib = startOnce(b, dir, cacheDir, func() {
				listCPU += cputime.Process() - before
				listWall += time.Since(start)
			})
			cpu += cputime.Process() - before
		}
		if lib.Len() != firstLen || lib.Len() == 0 {
			b.Fatalf("second start has %d articles, the first %d", lib.Len(), firstLen)
		}
		if len(lib.Search("election", 10)) == 0 {
			b.Fatal("nothing found after a second start")
		}
		b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s")
		// Until every article is listed: on a second start, before the
		// files are checked.
		b.ReportMetric(listCPU.Seconds()/float64(b.N), "list-cpu-s")
		b.ReportMetric(listWall.Seconds()/float64(b.N), "list-s")
		b.ReportMetric(float64(size)/1e6/(cpu.Seconds()/float64(b.N)), "MB/cpu-s")
		b.ReportMetric(float64(lib.Len()), "articles")
		// What the library keeps on the heap, its text and postings
		// being the mapped files' pages.
		runtime.GC()
		runtime.GC() // and what pools kept from the first start
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(ms.HeapAlloc)/float64(size), "heap/file-bytes")
		if p := os.Getenv("BROADSHEET_HEAP_PROFILE"); p != "" {
			f, err := os.Create(p)
			if err != nil {
				b.Fatal(err)
			}
			pprof.WriteHeapProfile(f)
			f.Close()
		}
		runtime.KeepAlive(lib)
	})
}

// startOnce loads dir into a new library as the reader does, with the
// cache in cacheDir, and returns the library once every article is in
// it and its index compacted. It calls listed once every article is in
// the library, before the files are checked on a second start, or
// once the load is done.
func startOnce(b *testing.B, dir, cacheDir string, listed func()) *library.Library {
	l := &load.Loader{}
	c := cache.Open([]string{dir}, l.Extractor, cache.Options{Dir: cacheDir, Identity: "second-start-bench", Sketch: search.Sketch, Borrow: true})
	l.Cache = c
	lib := library.New()
	if os.Getenv("BROADSHEET_NO_INDEX_FILE") == "" {
		lib = library.Open(library.Options{Index: c.IndexFile})
	}
	events := l.Stream(context.Background(), []string{dir})
	batch := make([]feed.Event, 0, 2000)
	first := true
	for ev := range events {
		if first && ev.Progress.Checking {
			// Every cached article, handed over at once: the reader
			// shows them before it takes the next events.
			lib.Apply([]feed.Event{ev})
			listed()
			listed = func() {}
			first = false
			continue
		}
		first = false
		batch = append(batch, ev)
		if len(batch) == cap(batch) {
			lib.Apply(batch)
			batch = batch[:0]
		}
	}
	lib.Apply(batch)
	listed()
	lib.Compact()
	lib.Close()
	if err := c.Close(); err != nil {
		b.Fatal(err)
	}
	return lib
}

func folderBytes(b *testing.B, dir string) int64 {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return n
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}
