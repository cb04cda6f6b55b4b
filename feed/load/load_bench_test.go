package load

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/extract"
	"github.com/broadsheet/broadsheet/internal/corpus"
	"github.com/broadsheet/broadsheet/internal/cputime"
)

// reportCPU reports throughput per second of the process's CPU time,
// which a machine busy with other work does not lower as it does MB/s.
func reportCPU(b *testing.B, size int64, start time.Duration) {
	if cpu := cputime.Process() - start; cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkExtractFiles measures Extract, everything loading does to a
// file's bytes, over 2,000 synthetic text files of the loader
// benchmarks' corpus (seed 1), on one goroutine.
func BenchmarkExtractFiles(b *testing.B) {
	const n = 2000
	c := corpus.New(n, 1)
	srcs := make([]extract.Source, n)
	var size int64
	for i := range n {
		name, data := c.File(i)
		srcs[i] = extract.Source{Path: name, Data: data, Hint: feed.Hint{Folder: filepath.Dir(name)}}
		size += int64(len(data))
	}
	x := extract.NewExtractor()
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	start := cputime.Process()
	for range b.N {
		for _, src := range srcs {
			if arts, _ := x.Extract(src); len(arts) != 1 {
				b.Fatalf("%s: %d articles", src.Path, len(arts))
			}
		}
	}
	reportCPU(b, size, start)
}

// BenchmarkLoadCorpus measures the loader over the 10,000 files of the
// search benchmarks' corpus (written once under os.TempDir): walking,
// reading and extracting, without indexing.
func BenchmarkLoadCorpus(b *testing.B) {
	dir, size, err := corpus.Cached(10_000, 1)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	start := cputime.Process()
	for range b.N {
		if s := (&Loader{}).Load(context.Background(), []string{dir}); s.Len() != 10_000 {
			b.Fatalf("loaded %d articles, want 10000", s.Len())
		}
	}
	reportCPU(b, size, start)
}

// BenchmarkLoadTinyRows measures the memory a load holds for many tiny
// articles: one JSON Lines file of 1.2 million rows of about 40 bytes
// (written under the benchmark's temp folder), the case where the cost
// of each article, not of its text, decides. heap-MB is the heap in use
// with the store loaded, after a collection; file-MB the file's size.
func BenchmarkLoadTinyRows(b *testing.B) {
	const rows = 1_200_000
	p := filepath.Join(b.TempDir(), "rows.jsonl")
	var buf bytes.Buffer
	for i := range rows {
		fmt.Fprintf(&buf, `{"title":"Headline %d","text":"Body %d"}`+"\n", i, i)
	}
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	size := buf.Len()
	buf = bytes.Buffer{}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		s := (&Loader{}).Load(context.Background(), []string{p})
		if s.Len() != rows {
			b.Fatalf("loaded %d articles, want %d", s.Len(), rows)
		}
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		b.ReportMetric(float64(m.HeapAlloc)/1e6, "heap-MB")
		b.ReportMetric(float64(size)/1e6, "file-MB")
		runtime.KeepAlive(s)
	}
}
