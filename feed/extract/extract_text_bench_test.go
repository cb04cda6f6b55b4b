package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/internal/corpus"
	"github.com/broadsheet/broadsheet/internal/cputime"
)

// benchTextSources returns the plain-text pages the extraction
// benchmarks read: a fixed synthetic corpus (seed 1) and the bundled
// samples, with the samples' signatures appended as the reader does.
func benchTextSources(b *testing.B, n int) (*Extractor, []Source, int64) {
	b.Helper()
	c := corpus.New(n, 1)
	var srcs []Source
	var total int64
	for i := range n {
		name, data := c.File(i)
		srcs = append(srcs, Source{Path: name, Data: data, Hint: feed.Hint{Folder: filepath.Dir(name)}})
		total += int64(len(data))
	}
	paths, _ := filepath.Glob("../../data/*.txt")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, Source{Path: p, Data: data})
		total += int64(len(data))
	}
	x := NewExtractor()
	if data, err := os.ReadFile("../../data/signatures.toml"); err == nil {
		sigs, err := ParseSignatures(data)
		if err != nil {
			b.Fatal(err)
		}
		x.Signatures.Append(sigs...)
	}
	return x, srcs, total
}

// BenchmarkExtractTextCorpus measures plain-text extraction over 300 synthetic
// pages and the bundled samples; one op reads them all. MB/s is wall
// time on one goroutine; MB/cpu-s counts the CPU time of the whole process
// (garbage collection included), which a busy machine does not lower.
func BenchmarkExtractTextCorpus(b *testing.B) {
	x, srcs, total := benchTextSources(b, 300)
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Process()
	for range b.N {
		for _, src := range srcs {
			if arts, _ := x.Extract(src); len(arts) == 0 {
				b.Fatalf("%s: no article", src.Path)
			}
		}
	}
	if cpu := cputime.Process() - cpu; cpu > 0 {
		b.ReportMetric(float64(total)*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkExtractTextFile measures the plain-text reader alone, without
// what Extract does around it (decoding, sniffing, sanitizing, finish),
// over the same pages as BenchmarkExtractTextCorpus.
func BenchmarkExtractTextFile(b *testing.B) {
	x, srcs, total := benchTextSources(b, 300)
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Process()
	for range b.N {
		for _, src := range srcs {
			if arts, _ := extractTextFile(x, src); len(arts) == 0 {
				b.Fatalf("%s: no article", src.Path)
			}
		}
	}
	if cpu := cputime.Process() - cpu; cpu > 0 {
		b.ReportMetric(float64(total)*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkScanLine measures the one pass over each line that lowers it
// and finds its words, over the lines of the synthetic pages.
func BenchmarkScanLine(b *testing.B) {
	_, srcs, _ := benchTextSources(b, 100)
	var lines []string
	var total int64
	for _, src := range srcs {
		for _, l := range segmentText(string(src.Data)) {
			lines = append(lines, l.text)
			total += int64(len(l.text))
		}
	}
	b.SetBytes(total)
	b.ResetTimer()
	var buf []byte
	var spans []wordSpan
	cpu := cputime.Process()
	for range b.N {
		for _, l := range lines {
			buf, spans, _, _ = scanLine(buf[:0], spans[:0], l)
		}
	}
	if cpu := cputime.Process() - cpu; cpu > 0 {
		b.ReportMetric(float64(total)*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}
