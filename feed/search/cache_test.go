package search

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/internal/corpus"
	"github.com/broadsheet/broadsheet/internal/cputime"
)

// indexes caches each corpus's index between the query benchmarks of one
// run, so that -bench 'Query|Typing|Slowest' builds it once.
var indexes sync.Map // n → *Index

func cachedIndex(b *testing.B, n int) *Index {
	b.Helper()
	if v, ok := indexes.Load(n); ok {
		return v.(*Index)
	}
	if memCorpus() {
		ix := memIndex(b, n)
		indexes.Store(n, ix)
		return ix
	}
	arts, _ := loadCorpus(b, n)
	// In a fixed order, so that articles tied on score rank the same in
	// every run: the loader's order depends on its goroutines.
	arts = slices.Clone(arts)
	slices.SortFunc(arts, func(a, b *feed.Article) int { return strings.Compare(a.ID, b.ID) })
	ix := buildIndex(arts)
	ix.Compact() // as the reader does once a load is done
	indexes.Store(n, ix)
	return ix
}

// BenchmarkDump writes the top 20 results of every benchmark query and
// every prefix of one, with scores and snippets, to the file named by
// $BROADSHEET_DUMP: for checking that a change to searching leaves
// rankings alone. It measures nothing.
func BenchmarkDump(b *testing.B) {
	path := os.Getenv("BROADSHEET_DUMP")
	if path == "" {
		b.Skip("BROADSHEET_DUMP not set")
	}
	for _, n := range benchSizes {
		b.Run(sizeName(n), func(b *testing.B) {
			ix := cachedIndex(b, n)
			f, err := os.Create(fmt.Sprintf("%s.%d", path, n))
			if err != nil {
				b.Fatal(err)
			}
			defer f.Close()
			w := bufio.NewWriter(f)
			defer w.Flush()
			for _, q := range corpus.New(n, benchSeed).Queries(50) {
				for i := 1; i <= len(q); i++ {
					fmt.Fprintf(w, "## %q\n", q[:i])
					for _, r := range ix.Search(q[:i], 20) {
						fmt.Fprintf(w, "%s %v %q %v\n", r.Article.ID, r.Score, r.Snippet, r.Matches)
					}
				}
			}
		})
	}
}

// countMatches returns how many articles match query, without building
// results or snippets.
func (ix *Index) countMatches(query string) int {
	q := parseQuery(query)
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	hits, _ := ix.eval(&q, 0)
	return len(hits)
}

// BenchmarkSlow logs the CPU time of the slowest kinds of search at the
// largest size, best and median of 15 runs each, for working on them.
func BenchmarkSlow(b *testing.B) {
	ix := cachedIndex(b, benchSizes[len(benchSizes)-1])
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	for _, q := range []string{"str", "cou", "after:2024-01-01 str", "weather forecast war", "weather forecast warning",
		"Bani Dor", "title:election cou", `outlet:"The Daily Courier" flood`, "election -budget", `"prime minister"`,
		"council budget", "Boni Inba", "election", "s", "th"} {
		var ds []time.Duration
		for range 15 {
			c0 := cputime.Thread()
			ix.Search(q, 20)
			ds = append(ds, cputime.Thread()-c0)
		}
		slices.Sort(ds)
		b.Logf("%-34q best %8s median %8s", q, ds[0], ds[len(ds)/2])
	}
}

// BenchmarkOne runs the search in $BROADSHEET_Q at the largest size, for
// profiling one query.
func BenchmarkOne(b *testing.B) {
	q := os.Getenv("BROADSHEET_Q")
	if q == "" {
		b.Skip("BROADSHEET_Q not set")
	}
	ix := cachedIndex(b, benchSizes[len(benchSizes)-1])
	b.ResetTimer()
	for range b.N {
		ix.Search(q, 20)
	}
}
