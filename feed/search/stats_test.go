package search

import (
	"context"
	"fmt"
	"maps"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/internal/corpus"
	"github.com/broadsheet/broadsheet/internal/cputime"
)

// BenchmarkStats logs the index's make-up at 10k articles: terms, stem
// groups, posting bytes and their capacity, indexed words. It measures
// nothing; it is for working out where the memory goes.
func BenchmarkStats(b *testing.B) {
	for _, n := range benchSizes[:1] {
		arts, size := loadCorpus(b, n)
		ix := buildIndex(arts)
		var postLen, postCap, positions int
		for _, t := range ix.terms {
			postLen += len(t.post)
			postCap += cap(t.post)
		}
		for _, d := range ix.docs {
			positions += int(d.length)
		}
		bodies := 0
		for _, a := range arts {
			bodies += len(a.Body)
		}
		b.Logf("n=%d files=%d bodies=%d terms=%d groups=%d postLen=%d postCap=%d positions=%d", n, size, bodies, len(ix.terms), len(ix.groups), postLen, postCap, positions)
	}
}

// BenchmarkSlowest logs the 15 slowest searches of BenchmarkTyping at
// the largest size by CPU time (best of three), with their result counts:
// for finding what to fix, not for recording.
func BenchmarkSlowest(b *testing.B) {
	ix := cachedIndex(b, benchSizes[len(benchSizes)-1])
	type qt struct {
		q string
		d time.Duration
		n int
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var all []qt
	for _, q := range corpus.New(benchSizes[len(benchSizes)-1], benchSeed).Queries(50) {
		for i := 1; i <= len(q); i++ {
			best := time.Hour
			for range 3 {
				c0 := cputime.Thread()
				ix.Search(q[:i], 20)
				best = min(best, cputime.Thread()-c0)
			}
			all = append(all, qt{q[:i], best, ix.countMatches(q[:i])})
		}
	}
	slices.SortFunc(all, func(a, b qt) int { return int(b.d - a.d) })
	for _, x := range all[:15] {
		b.Logf("%-30q %8s %d", x.q, x.d, x.n)
	}
}

// BenchmarkPerQuery prints each of the 50 benchmark queries' CPU time
// at the largest size (best of three), slowest first, with its result
// count and the share of the articles its segments held when it was
// split (see evalBlocks): for finding which queries set the p99.
func BenchmarkPerQuery(b *testing.B) {
	n := benchSizes[len(benchSizes)-1]
	ix := cachedIndex(b, n)
	type qt struct {
		q    string
		d    time.Duration
		n    int
		read float64
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var all []qt
	for _, q := range corpus.New(n, benchSeed).Queries(50) {
		best := time.Hour
		for range 3 {
			c0 := cputime.Thread()
			ix.Search(q, 20)
			best = min(best, cputime.Thread()-c0)
		}
		st := &blockStats{}
		countBlocks = st
		ix.Search(q, 20)
		countBlocks = nil
		read := 1.0
		if st.split > 0 {
			read = float64(st.articles) / float64(st.total)
		}
		all = append(all, qt{q, best, ix.countMatches(q), read})
	}
	slices.SortFunc(all, func(a, b qt) int { return int(b.d - a.d) })
	for _, x := range all {
		fmt.Fprintf(os.Stderr, "%-36q %9s %7d matches, segments read %5.1f%%\n", x.q, x.d, x.n, 100*x.read)
	}
}

// BenchmarkImpacts measures making the impact tables anew over the
// largest corpus, as Compact does once a first load is done, and
// reports their size.
func BenchmarkImpacts(b *testing.B) {
	ix := cachedIndex(b, benchSizes[len(benchSizes)-1])
	var bytes int
	// Without the prefixes' tiers, then with them (the tables as kept).
	var cpu, cpuNoPrefixes time.Duration
	for _, prefixes := range []bool{false, true} {
		makePrefixTiers = prefixes
		c0 := cputime.Process()
		for range b.N {
			ix.mu.Lock()
			ix.impacts = impactTables{}
			ix.mu.Unlock()
			ix.refreshImpacts()
		}
		if prefixes {
			cpu = cputime.Process() - c0
		} else {
			cpuNoPrefixes = cputime.Process() - c0
		}
	}
	var prefixBytes, prefixListed int
	for _, pt := range ix.impacts.prefixes {
		for _, t := range pt.tiers {
			prefixBytes += len(t.docs)
			prefixListed += int(t.n)
		}
	}
	b.ReportMetric(float64(len(ix.impacts.prefixes)), "prefixes")
	b.ReportMetric(float64(prefixBytes)/1e6, "prefix-tier-MB")
	b.ReportMetric(float64(prefixListed), "prefix-tier-articles")
	b.ReportMetric(cpuNoPrefixes.Seconds()/float64(b.N), "cpu-s/op-without-prefixes")
	if testing.Verbose() {
		ps := slices.Sorted(maps.Keys(ix.impacts.prefixes))
		b.Logf("prefixes with tiers: %q", ps)
	}
	for _, t := range ix.impacts.groups {
		bytes += len(t)
	}
	var tierBytes, listed int
	for _, ts := range ix.impacts.tiers {
		for _, t := range ts {
			tierBytes += len(t.docs)
			listed += int(t.n)
		}
	}
	b.ReportMetric(float64(tierBytes)/1e6, "tier-MB")
	b.ReportMetric(float64(listed), "tier-articles")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(len(ix.impacts.groups)), "tables")
	b.ReportMetric(float64(bytes)/1e6, "MB")
	b.ReportMetric(float64(len(ix.groups)), "groups")
}

// BenchmarkLabelled runs each of the 50 benchmark queries at the
// largest size, b.N times, under a profiler label naming it: with
// -cpuprofile, `go tool pprof -tagfocus query=NAME` shows where one
// query's time goes.
func BenchmarkLabelled(b *testing.B) {
	n := benchSizes[len(benchSizes)-1]
	ix := cachedIndex(b, n)
	b.ResetTimer()
	for _, q := range corpus.New(n, benchSeed).Queries(50) {
		pprof.Do(context.Background(), pprof.Labels("query", q), func(context.Context) {
			for range b.N {
				ix.Search(q, 20)
			}
		})
	}
}

// BenchmarkSweep measures the 50 benchmark queries (top 20 with
// snippets, CPU time of the querying thread) at the largest size with
// split searches as before sweepBlocks and with it, alternated in
// rounds on one index: the p50 and p99 of each way, and with -v each
// query's best time both ways, slowest first.
//
//	BROADSHEET_BENCH_MEM=/tmp/idx BROADSHEET_BENCH_N=1m go test ./feed/search -run '^$' -bench Sweep -benchtime 3x -timeout 2h
func BenchmarkSweep(b *testing.B) {
	defer func() { sweepBlocks, firstSegments = true, 0 }()
	if v := os.Getenv("BROADSHEET_FIRST_SEGMENTS"); v != "" {
		firstSegments, _ = strconv.Atoi(v) // for tuning: see evalBlocks
	}
	compareWays(b, []string{"before", "sweep"}, func(w int) { sweepBlocks = w == 1 })
}

// BenchmarkTiers is BenchmarkSweep for a lone word's tiers (see
// tiers.go): without them and with them, alternated.
//
//	BROADSHEET_BENCH_MEM=/tmp/idx BROADSHEET_BENCH_N=1m go test ./feed/search -run '^$' -bench Tiers -benchtime 3x -timeout 2h
func BenchmarkTiers(b *testing.B) {
	defer func() { useTiers, tiersMulti, tiersFrom = true, false, 2 }()
	compareWays(b, []string{"before", "lone", "lone-all", "multi"}, func(w int) {
		// "lone": as searches are (one positive word, in half the
		// articles or filtered); "lone-all": any common word alone
		// too; "multi": and searches of several words.
		useTiers, tiersMulti, tiersFrom = w > 0, w == 3, map[bool]uint64{true: 64, false: 2}[w == 2]
	})
}

// BenchmarkPrefixTiers is BenchmarkSweep for a prefix's own tiers (see
// prefixtiers.go): without them and with them, alternated.
//
//	BROADSHEET_BENCH_MEM=/tmp/idx BROADSHEET_BENCH_N=1m go test ./feed/search -run '^$' -bench PrefixTiers -benchtime 3x -timeout 2h
func BenchmarkPrefixTiers(b *testing.B) {
	defer func() { usePrefixTiers = true }()
	compareWays(b, []string{"before", "prefix"}, func(w int) { usePrefixTiers = w == 1 })
}

// BenchmarkPairTiers is BenchmarkSweep for two words' first tiers (see
// tiersPairs): without them and with them, alternated.
//
//	BROADSHEET_BENCH_MEM=/tmp/idx BROADSHEET_BENCH_N=100k go test ./feed/search -run '^$' -bench PairTiers -benchtime 3x -timeout 2h
func BenchmarkPairTiers(b *testing.B) {
	defer func() { tiersPairs = true }()
	compareWays(b, []string{"before", "pairs"}, func(w int) { tiersPairs = w == 1 })
}

// BenchmarkPairTiersTyped is BenchmarkPairTiers over every prefix of the
// 50 benchmark queries as typed, logging the 20 slowest.
func BenchmarkPairTiersTyped(b *testing.B) {
	defer func() { tiersPairs = true }()
	var typed []string
	for _, q := range corpus.New(benchSizes[len(benchSizes)-1], benchSeed).Queries(50) {
		for i := 1; i <= len(q); i++ {
			typed = append(typed, q[:i])
		}
	}
	compareWaysOn(b, typed, 20, []string{"before", "pairs"}, func(w int) { tiersPairs = w == 1 })
}

// compareWays measures the 50 benchmark queries at the largest size
// each of the ways set(w) chooses, alternated in rounds on one index,
// and reports each way's p50, p99 and max CPU time; with -v it logs
// each query's best time each way, slowest the last way first, and
// what the last way read.
func compareWays(b *testing.B, names []string, set func(w int)) {
	n := benchSizes[len(benchSizes)-1]
	compareWaysOn(b, corpus.New(n, benchSeed).Queries(50), 0, names, set)
}

// BenchmarkPrefixTiersTyped is BenchmarkPrefixTiers over every prefix of
// the 50 benchmark queries as typed, as BenchmarkSlowest searches them,
// logging the 20 slowest.
func BenchmarkPrefixTiersTyped(b *testing.B) {
	defer func() { usePrefixTiers = true }()
	var typed []string
	for _, q := range corpus.New(benchSizes[len(benchSizes)-1], benchSeed).Queries(50) {
		for i := 1; i <= len(q); i++ {
			typed = append(typed, q[:i])
		}
	}
	compareWaysOn(b, typed, 20, []string{"before", "prefix"}, func(w int) { usePrefixTiers = w == 1 })
}

// compareWaysOn is compareWays over the queries given, logging the
// slowest show of them (all when show is 0), and reporting too each
// way's best times summed.
func compareWaysOn(b *testing.B, queries []string, show int, names []string, set func(w int)) {
	n := benchSizes[len(benchSizes)-1]
	ix := cachedIndex(b, n)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu := make([][]time.Duration, len(names))
	best := make([][]time.Duration, len(names))
	for w := range names {
		best[w] = make([]time.Duration, len(queries))
		for i := range best[w] {
			best[w][i] = time.Hour
		}
	}
	b.ResetTimer()
	for range b.N {
		for w := range names {
			set(w)
			for i, q := range queries {
				c0 := cputime.Thread()
				ix.Search(q, 20)
				d := cputime.Thread() - c0
				cpu[w] = append(cpu[w], d)
				best[w][i] = min(best[w][i], d)
			}
		}
	}
	b.StopTimer()
	ms := func(ds []time.Duration, p float64) float64 {
		ds = slices.Clone(ds)
		slices.Sort(ds)
		return float64(ds[min(len(ds)-1, int(p*float64(len(ds))))].Microseconds()) / 1000
	}
	for w, name := range names {
		b.ReportMetric(ms(cpu[w], 0.5), name+"-cpu-p50-ms")
		b.ReportMetric(ms(cpu[w], 0.99), name+"-cpu-p99-ms")
		b.ReportMetric(ms(cpu[w], 1), name+"-cpu-max-ms")
		var sum time.Duration
		for _, d := range best[w] {
			sum += d
		}
		b.ReportMetric(float64(sum.Microseconds())/1000, name+"-best-sum-ms")
	}
	last := len(names) - 1
	order := make([]int, len(queries))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int { return int(best[last][j] - best[last][i]) })
	if show > 0 {
		order = order[:min(show, len(order))]
	}
	for _, i := range order {
		st := &blockStats{}
		countBlocks = st
		ix.Search(queries[i], 20)
		countBlocks = nil
		times := ""
		for w, name := range names {
			times += fmt.Sprintf(" %s %9s", name, best[w][i])
		}
		b.Logf("%-36q%s; segments read %5.1f%%, %d runs, %d articles pruned, %d read whole after all; tiers: %d settled (%d articles, %d by a prefix's), %d not", queries[i], times,
			100*float64(st.articles)/float64(max(st.total, 1)), st.runs, st.pruned, st.abandoned, st.tiered, st.tierArticles, st.prefixTiered, st.tierFailed)
	}
}
