package extract

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkExtractHTML measures extraction per page over the shared
// evaluation pages when they are present, else over the test fixtures.
func BenchmarkExtractHTML(b *testing.B) {
	paths, _ := filepath.Glob("../../../shared/eval-dev/html/*.html")
	if len(paths) == 0 {
		paths, _ = filepath.Glob("testdata/html/*.htm*")
	}
	var srcs []Source
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, Source{Path: p, Data: data})
	}
	x := NewExtractor()
	b.ResetTimer()
	for i := range b.N {
		x.Extract(srcs[i%len(srcs)])
	}
}
