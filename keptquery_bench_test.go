package main

import (
	"os"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/internal/corpus"
	"github.com/broadsheet/broadsheet/internal/cputime"
)

// BenchmarkKeptQuery measures the 50 benchmark queries of
// feed/search's BenchmarkQuery (top 20, their snippets made) on the
// library of a second start, as the reader searches it: the index
// opened from the file an earlier start kept, its postings mapped, the
// articles' text borrowed from the mapped cache. It reports the median
// and 99th percentile of one query's wall time and of the CPU time of
// the thread running it, which a busy machine does not inflate:
//
//	BROADSHEET_BENCH_N=1m BROADSHEET_BENCH_CACHE=/tmp/kq-cache-1m \
//	  go test -run '^$' -bench KeptQuery -benchtime 3x -timeout 3h
//
// The starts before the timer (one that fills the cache and the kept
// index, unless BROADSHEET_BENCH_CACHE holds them from an earlier run,
// and the second start) are as BenchmarkSecondStart's. The size is
// read as corpus.BenchSizes reads it (10k unless set; the first size
// listed).
func BenchmarkKeptQuery(b *testing.B) {
	n := corpus.BenchSizes(10_000)[0]
	dir, _, err := corpus.Cached(n, 1)
	if err != nil {
		b.Fatal(err)
	}
	b.Run(corpusName(n), func(b *testing.B) {
		cacheDir := b.TempDir()
		if d := os.Getenv("BROADSHEET_BENCH_CACHE"); d != "" {
			cacheDir = d
		}
		b.StopTimer()
		startOnce(b, dir, cacheDir, func() {}) // fills the cache and the kept index
		lib := startOnce(b, dir, cacheDir, func() {})
		if !lib.Opened() {
			b.Fatal("the second start did not open the kept index")
		}
		queries := corpus.New(n, 1).Queries(50)
		runtime.GC()
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		var wall, cpu []time.Duration
		found := 0
		b.StartTimer()
		for range b.N {
			for _, q := range queries {
				start, c0 := time.Now(), cputime.Thread()
				rs := lib.Search(q, 20)
				for i := range rs {
					rs[i].Fill()
				}
				cpu = append(cpu, cputime.Thread()-c0)
				wall = append(wall, time.Since(start))
				found += len(rs)
			}
		}
		b.StopTimer()
		if found == 0 {
			b.Fatal("no query found anything")
		}
		ms := func(ds []time.Duration, p float64) float64 {
			slices.Sort(ds)
			return float64(ds[min(len(ds)-1, int(p*float64(len(ds))))].Microseconds()) / 1000
		}
		b.ReportMetric(ms(wall, 0.50), "p50-ms")
		b.ReportMetric(ms(wall, 0.99), "p99-ms")
		b.ReportMetric(ms(cpu, 0.50), "cpu-p50-ms")
		b.ReportMetric(ms(cpu, 0.99), "cpu-p99-ms")
		b.ReportMetric(ms(cpu, 1), "cpu-max-ms")
		b.ReportMetric(float64(lib.Len()), "articles")
	})
}
