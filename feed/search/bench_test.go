package search

import (
	"context"
	"fmt"
	"runtime"
	"runtime/metrics"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/load"
	"github.com/broadsheet/broadsheet/internal/corpus"
	"github.com/broadsheet/broadsheet/internal/cputime"
)

// The benchmarks run over generated corpora of these sizes. Files are
// cached under os.TempDir by size and seed, so only the first run pays
// for writing them:
//
//	go test ./feed/search -run '^$' -bench . -benchmem -benchtime 3x
var benchSizes = corpus.BenchSizes(10_000, 100_000)

const benchSeed = 1

// corpusDir returns the folder holding n generated articles and their
// total size in bytes.
func corpusDir(b *testing.B, n int) (string, int64) {
	b.Helper()
	dir, total, err := corpus.Cached(n, benchSeed)
	if err != nil {
		b.Fatal(err)
	}
	return dir, total
}

// loaded caches each corpus's extracted articles between benchmarks.
var loaded sync.Map // n → []*feed.Article

func loadCorpus(b *testing.B, n int) ([]*feed.Article, int64) {
	b.Helper()
	dir, size := corpusDir(b, n)
	if v, ok := loaded.Load(n); ok {
		return v.([]*feed.Article), size
	}
	var arts []*feed.Article
	for ev := range (&load.Loader{}).Stream(context.Background(), []string{dir}) {
		arts = append(arts, ev.Articles...)
	}
	loaded.Store(n, arts)
	return arts, size
}

// buildIndex indexes arts in batches, as the reader does while loading.
func buildIndex(arts []*feed.Article) *Index {
	ix := New()
	for i := 0; i < len(arts); i += 64 {
		ix.Add(arts[i:min(i+64, len(arts))]...)
	}
	return ix
}

// reportCPURate reports throughput per second of CPU time used by the
// whole process, which a machine busy with other work does not lower:
// on an idle machine with P cores, MB/s approaches P times it when the
// work spreads over them.
func reportCPURate(b *testing.B, size int64, cpu time.Duration) {
	if cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}

func sizeName(n int) string { return fmt.Sprintf("n=%dk", n/1000) }

// BenchmarkLoadIndex measures reading, extracting and indexing a corpus:
// the reader's start-up. MB/s is of article file bytes.
func BenchmarkLoadIndex(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(sizeName(n), func(b *testing.B) {
			dir, size := corpusDir(b, n)
			b.SetBytes(size)
			b.ResetTimer()
			c0 := cputime.Process()
			defer func() { reportCPURate(b, size, cputime.Process()-c0) }()
			for range b.N {
				ix := New()
				// As many goroutines as processors take the loader's
				// events: Add analyses articles outside its write lock.
				var count atomic.Int64
				var wg sync.WaitGroup
				events := (&load.Loader{}).Stream(context.Background(), []string{dir})
				for range runtime.GOMAXPROCS(0) {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for ev := range events {
							ix.Add(ev.Articles...)
							count.Add(int64(len(ev.Articles)))
						}
					}()
				}
				wg.Wait()
				ix.Compact() // as the reader does once loaded
				if int(count.Load()) != n {
					b.Fatalf("loaded %d articles, want %d", count.Load(), n)
				}
			}
		})
	}
}

// BenchmarkIndex measures indexing alone, over articles already
// extracted. MB/s is of article file bytes.
func BenchmarkIndex(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(sizeName(n), func(b *testing.B) {
			arts, size := loadCorpus(b, n)
			b.SetBytes(size)
			b.ResetTimer()
			c0 := cputime.Process()
			for range b.N {
				buildIndex(arts)
			}
			reportCPURate(b, size, cputime.Process()-c0)
		})
	}
}

// BenchmarkIndexAtOnce measures indexing a whole corpus handed over in
// one batch, split over the cores, as the reader indexes the cached
// articles of a second start that finds no kept index: CPU, and the
// most the live heap reached above what it held before (sampled every
// millisecond), per byte of the files.
//
//	go test ./feed/search -run '^$' -bench 'IndexAtOnce/n=10k' -benchtime 2x
func BenchmarkIndexAtOnce(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(sizeName(n), func(b *testing.B) {
			arts, size := loadCorpus(b, n)
			b.SetBytes(size)
			var peak uint64
			b.ResetTimer()
			c0 := cputime.Process()
			for range b.N {
				b.StopTimer()
				runtime.GC()
				base := liveHeap()
				stop := make(chan struct{})
				sampled := make(chan uint64)
				go func() {
					top := base
					tick := time.NewTicker(time.Millisecond)
					defer tick.Stop()
					for {
						select {
						case <-stop:
							sampled <- top - base
							return
						case <-tick.C:
							top = max(top, liveHeap())
						}
					}
				}()
				b.StartTimer()
				ix := New()
				var wg sync.WaitGroup
				parts := runtime.GOMAXPROCS(0)
				for part := range slices.Chunk(arts, (len(arts)+parts-1)/parts) {
					wg.Go(func() { ix.Add(part...) })
				}
				wg.Wait()
				close(stop)
				peak = max(peak, <-sampled)
				runtime.KeepAlive(ix)
			}
			reportCPURate(b, size, cputime.Process()-c0)
			b.ReportMetric(float64(peak)/float64(size), "peak-heap/file-bytes")
		})
	}
}

// liveHeap returns the bytes of heap objects, live or not yet swept,
// without stopping the world.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// latencies runs each query once per iteration and reports the median
// and 99th percentile of single-query latency: wall-clock time, and the
// CPU time of the thread running the query, which a busy machine does
// not inflate.
func latencies(b *testing.B, ix *Index, queries []string) {
	b.Helper()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var wall, cpu []time.Duration
	b.ResetTimer()
	for range b.N {
		for _, q := range queries {
			start, c0 := time.Now(), cputime.Thread()
			ix.Search(q, 20)
			cpu = append(cpu, cputime.Thread()-c0)
			wall = append(wall, time.Since(start))
		}
	}
	b.StopTimer()
	ms := func(ds []time.Duration, p float64) float64 {
		return float64(ds[min(len(ds)-1, int(p*float64(len(ds))))].Microseconds()) / 1000
	}
	slices.Sort(wall)
	slices.Sort(cpu)
	b.ReportMetric(ms(wall, 0.50), "p50-ms")
	b.ReportMetric(ms(wall, 0.99), "p99-ms")
	b.ReportMetric(ms(cpu, 0.50), "cpu-p50-ms")
	b.ReportMetric(ms(cpu, 0.99), "cpu-p99-ms")
	b.ReportMetric(ms(cpu, 1), "cpu-max-ms")
	b.ReportMetric(float64(len(queries)), "queries/op")
}

// BenchmarkQuery measures the 50 benchmark queries, top 20 with
// snippets.
func BenchmarkQuery(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(sizeName(n), func(b *testing.B) {
			ix := cachedIndex(b, n)
			latencies(b, ix, corpus.New(n, benchSeed).Queries(50))
		})
	}
}

// BenchmarkTyping measures search as you type: every prefix of every
// benchmark query, as the reader searches on each keystroke.
func BenchmarkTyping(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(sizeName(n), func(b *testing.B) {
			ix := cachedIndex(b, n)
			var prefixes []string
			for _, q := range corpus.New(n, benchSeed).Queries(50) {
				for i := 1; i <= len(q); i++ {
					prefixes = append(prefixes, q[:i])
				}
			}
			latencies(b, ix, prefixes)
		})
	}
}

// BenchmarkMemory reports the heap retained by the articles and their
// index, per article and as a multiple of the files' size.
func BenchmarkMemory(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(sizeName(n), func(b *testing.B) {
			dir, size := corpusDir(b, n)
			var m0, m1, m2 runtime.MemStats
			for range b.N {
				runtime.GC()
				runtime.ReadMemStats(&m0)
				store := (&load.Loader{}).Load(context.Background(), []string{dir})
				runtime.GC()
				runtime.ReadMemStats(&m1)
				ix := New()
				arts := store.Articles()
				for i := 0; i < len(arts); i += 64 {
					ix.Add(arts[i:min(i+64, len(arts))]...)
				}
				ix.Compact() // as the reader does once loaded
				arts = nil
				runtime.GC()
				runtime.ReadMemStats(&m2)
				runtime.KeepAlive(store)
				runtime.KeepAlive(ix)
			}
			total := float64(m2.HeapAlloc) - float64(m0.HeapAlloc)
			index := float64(m2.HeapAlloc) - float64(m1.HeapAlloc)
			b.ReportMetric(total/float64(n), "heap-B/article")
			b.ReportMetric(index/float64(n), "index-B/article")
			b.ReportMetric(total/float64(size), "heap/filebytes")
			b.ReportMetric(index/float64(size), "index/filebytes")
		})
	}
}

// BenchmarkMatch measures the one-shot matcher alone: the 50 benchmark
// queries, each matched against every article of a 10,000-article
// corpus already extracted, then ranked, as a one-shot search does with
// the articles its prefilters let through. It reports CPU time as well,
// since the machine may be shared.
func BenchmarkMatch(b *testing.B) {
	const n = 10_000
	arts, _ := loadCorpus(b, n)
	queries := corpus.New(n, benchSeed).Queries(50)
	b.ResetTimer()
	c0 := cputime.Process()
	for range b.N {
		for _, q := range queries {
			m := NewMatcher(q)
			var hits []Hit
			for _, a := range arts {
				if h, ok := m.Match(a); ok {
					hits = append(hits, h)
				}
			}
			m.Rank(hits)
		}
	}
	b.ReportMetric(float64(cputime.Process()-c0)/1e6/float64(b.N), "cpu-ms/op")
}

// BenchmarkMatchSkimmed is BenchmarkMatch as a one-shot search from a
// cache matches: each article's length known from its sketch, so that
// the matcher skims (Matcher.matchCounted), and ranked by its hits.
func BenchmarkMatchSkimmed(b *testing.B) {
	const n = 10_000
	arts, _ := loadCorpus(b, n)
	queries := corpus.New(n, benchSeed).Queries(50)
	lengths := make([]uint32, len(arts))
	tk := newTokenizer()
	for i, a := range arts {
		lengths[i] = articleLength(tk, a)
	}
	b.ResetTimer()
	c0 := cputime.Process()
	for range b.N {
		for _, q := range append(queries, "harbour") {
			m := NewMatcher(q)
			m.hitsOnly = true
			var hits []Hit
			for i, a := range arts {
				if h, ok := m.matchCounted(a, lengths[i]); ok {
					hits = append(hits, h)
				}
			}
			m.Rank(hits)
		}
	}
	b.ReportMetric(float64(cputime.Process()-c0)/1e6/float64(b.N), "cpu-ms/op")
}
