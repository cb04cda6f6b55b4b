package search

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/broadsheet/broadsheet/internal/corpus"
)

// blockQueries returns the benchmark queries, every prefix of them as
// typed, and more exclusions, phrases and filters.
func blockQueries(n int) []string {
	var qs []string
	for _, q := range corpus.New(n, 5).Queries(50) {
		for i := 1; i <= len(q); i++ {
			qs = append(qs, q[:i])
		}
		qs = append(qs, q+" ")
	}
	return append(qs, "flood -storm", "election -council -budget", `"prime minister" -election`, "council -\"city council\"",
		`police "police investigation"`, "title:flood election", "after:2024-03-01 before:2024-09-01 budget", "harbour ferr",
		"strike -striking", "energy prices inflation budget", "election elect")
}

// sameHits compares two lists of results, article for article and
// score for score.
func sameHits(a, b []Result) bool {
	return slices.EqualFunc(a, b, func(x, y Result) bool { return x.Article == y.Article && x.Score == y.Score })
}

// setImpacts sets the tables' tuning for a test, and returns a
// function that puts it back.
func setImpacts(from uint32, bits uint, share int) func() {
	f, bs, sh, ts := impactFrom, impactBits, impactShare, tierSizes
	impactFrom, impactBits, impactShare = from, bits, share
	tierSizes = []int{4, 16, 64, 256}
	useBoundsUncovered, useBoundsAlways, tiersAlways = true, true, true
	return func() {
		tiersAlways = false
		impactFrom, impactBits, impactShare, tierSizes = f, bs, sh, ts
		useTiers = true
		useBoundsUncovered, useBoundsAlways = false, false
		useBounds, countBlocks = true, nil
		sweepBlocks, firstSegments = true, 0
	}
}

// compareSplit checks that ix's searches give the same results split
// into segments (evalBlocks) as reading every posting, and returns what
// the split searches read.
func compareSplit(t *testing.T, ix *Index, stage string, queries []string, limits ...int) *blockStats {
	t.Helper()
	st := &blockStats{}
	for _, q := range queries {
		for _, limit := range limits {
			useBounds, countBlocks = true, st
			got := ix.Search(q, limit)
			useBounds, countBlocks = false, nil
			want := ix.Search(q, limit)
			useBounds = true
			if !sameHits(got, want) {
				t.Errorf("%s, %q, top %d: got %v, want %v", stage, q, limit, ids(got), ids(want))
			}
		}
	}
	return st
}

// TestBlocksSameResults checks that searches split into segments and
// bounded by the impact tables give the same results, scores and order
// as reading every posting, on a generated corpus with segments small
// enough that many are skipped, and that they skip some: with tables,
// without them (every word bounded by reading it), and with articles
// added after the tables were made.
func TestBlocksSameResults(t *testing.T) {
	arts := referenceArticles(t, 3000)
	for _, bits := range []uint{3, 6} {
		defer setImpacts(1, bits, 1<<20)()
		half := len(arts) * 3 / 4
		ix := buildIndex(arts[:half])
		for i := range len(arts) / 20 {
			ix.Remove(arts[i*13].ID) // deleted articles keep their postings
		}
		queries := blockQueries(3000)
		st := compareSplit(t, ix, fmt.Sprint("no tables, 2^", bits), queries, 20)
		ix.Compact()
		if ix.impacts.covered == 0 || len(ix.impacts.groups) == 0 {
			t.Fatalf("2^%d: no tables made", bits)
		}
		if len(ix.impacts.tiers) == 0 {
			t.Fatalf("2^%d: no tiers made", bits)
		}
		if len(ix.impacts.prefixes) == 0 {
			t.Fatalf("2^%d: no prefix has tiers", bits)
		}
		// A lone word by its tiers, settled or not; a prefix by its own.
		if st := compareSplit(t, ix, fmt.Sprint("tiers, 2^", bits), queries, 1, 20); st.tiered == 0 || st.tierFailed == 0 || st.prefixTiered == 0 {
			t.Errorf("2^%d: %d searches settled by tiers (%d of them a prefix's own), %d not", bits, st.tiered, st.prefixTiered, st.tierFailed)
		} else {
			t.Logf("2^%d: %d prefixes with tiers; %d searches settled by tiers (%d of them a prefix's own), %d not", bits, len(ix.impacts.prefixes), st.tiered, st.prefixTiered, st.tierFailed)
		}
		// As searches are: of several words, only pairs try, and
		// only their first tiers.
		tiersAlways = false
		if st := compareSplit(t, ix, fmt.Sprint("tiers of pairs, 2^", bits), queries, 1, 5, 20); st.pairTiered == 0 || st.tierFailed == 0 {
			t.Errorf("2^%d: %d searches of two words settled by their first tiers, %d searches not settled", bits, st.pairTiered, st.tierFailed)
		} else {
			t.Logf("2^%d: %d searches of two words settled by their first tiers, %d searches not settled", bits, st.pairTiered, st.tierFailed)
		}
		tiersAlways = true
		useTiers = false
		st2 := compareSplit(t, ix, fmt.Sprint("tables, 2^", bits), queries, 1, 5, 20)
		// After the segments with the highest bounds, the rest in
		// article order, in runs, articles pruned between words.
		for _, few := range []int{1, 3} {
			firstSegments = few
			if st := compareSplit(t, ix, fmt.Sprint("tables, the rest in order after ", few, ", 2^", bits), queries, 1, 5, 20); st.pruned == 0 || st.runs == 0 {
				t.Errorf("2^%d, %d first: %d articles pruned, %d runs read", bits, few, st.pruned, st.runs)
			}
			firstSegments = 0
		}
		// As before sweepBlocks: split searches that find they read
		// too much start again and read every posting.
		useBoundsAlways, sweepBlocks = false, false
		if st := compareSplit(t, ix, fmt.Sprint("tables, some abandoned, 2^", bits), queries, 1); st.abandoned == 0 && bits == 3 {
			t.Errorf("2^%d: no split search abandoned", bits)
		}
		useBoundsAlways, sweepBlocks = true, true
		useTiers = true
		ix.Add(arts[half:]...)
		st3 := compareSplit(t, ix, fmt.Sprint("articles added after the tables, 2^", bits), queries, 20)
		// The tiers extended to them, more deleted.
		ix.Compact()
		for i := range len(arts) / 20 {
			ix.Remove(arts[half+i*7%(len(arts)-half)].ID)
		}
		if st := compareSplit(t, ix, fmt.Sprint("tiers extended, 2^", bits), queries, 5); st.tiered == 0 || st.prefixTiered == 0 {
			t.Errorf("2^%d: %d searches settled by tiers extended, %d of them a prefix's own", bits, st.tiered, st.prefixTiered)
		}
		for i, s := range []*blockStats{st, st2, st3} {
			if s.split == 0 || i == 1 && s.articles >= s.total/2 {
				t.Errorf("segments of 2^%d, case %d: %d searches split, reading %d of %d articles", bits, i, s.split, s.articles, s.total)
			}
			t.Logf("segments of 2^%d, case %d: %d searches split, reading %d of %d articles", bits, i, s.split, s.articles, s.total)
		}
	}
}

// TestBlocksGrowing checks the bounds stay bounds while articles are
// added after the tables were made, some with a word many times, and
// when the average length moves: long articles first, then short ones.
func TestBlocksGrowing(t *testing.T) {
	defer setImpacts(1, 4, 1<<20)()
	ix := New()
	queries := []string{"tide", "tide harbour", "harbour -tide", "tid", "tides", "title:tide", `"high tide"`, "tidal harbour quay"}
	words := []string{"tide", "tides", "harbour", "high", "tidal", "boat", "quay"}
	n := 0
	add := func(count, length int) {
		var body []string
		for j := range length {
			body = append(body, words[(n*7+j*3)%len(words)])
		}
		for range count {
			body = append(body, "tide")
		}
		title := "Quay report"
		if n%17 == 0 {
			title = "High tide at the quay"
		}
		ix.Add(art(fmt.Sprint("g", n), "Tide Post", "2024-05-06", title, strings.Join(body, " ")))
		n++
	}
	for i := range 3000 {
		add(i%5, 200+i%50)
	}
	ix.Compact()
	compareSplit(t, ix, "long articles", queries, 10)
	for i := range 3000 {
		add(i%3, 3+i%4)
		if i%1000 == 0 {
			compareSplit(t, ix, fmt.Sprint("short articles, ", i), queries, 10)
			ix.Compact()
		}
	}
	add(70000, 1) // one word many times in a short article
	compareSplit(t, ix, "short articles", queries, 10)
	ix.Compact()
	compareSplit(t, ix, "short articles, tables extended", queries, 10)

	// The other way: tables made over short articles, then long ones
	// added, so that the average length grows past the tables'.
	ix, n = New(), 0
	for i := range 2000 {
		add(1+i%3, 3+i%4)
	}
	ix.Compact()
	for i := range 4000 {
		add(i%5, 200+i%50)
	}
	compareSplit(t, ix, "long articles after short ones", queries, 10)
	ix.Compact()
	compareSplit(t, ix, "long articles after short ones, tables extended", queries, 10)
}

// TestBlocksKept checks that an index read back from its file keeps the
// tables and gives the same results as the one written.
func TestBlocksKept(t *testing.T) {
	defer setImpacts(1, 3, 1<<20)()
	arts := referenceArticles(t, 1500)
	ix := buildIndex(arts)
	ix.Compact()
	var buf bytes.Buffer
	if err := ix.Encode(&buf, "k"); err != nil {
		t.Fatal(err)
	}
	back, err := Decode(buf.Bytes(), "k")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		back.Attach(a, Fingerprint(a))
	}
	if back.impacts.covered != ix.impacts.covered || back.impacts.eRef != ix.impacts.eRef || !maps.Equal(back.impacts.groups, ix.impacts.groups) {
		t.Fatal("tables not read back")
	}
	if len(ix.impacts.tiers) == 0 || !maps.EqualFunc(back.impacts.tiers, ix.impacts.tiers, slices.Equal) {
		t.Fatal("tiers not read back")
	}
	if len(ix.impacts.prefixes) == 0 || !maps.EqualFunc(back.impacts.prefixes, ix.impacts.prefixes, func(a, b prefixTiers) bool {
		return a.terms == b.terms && slices.Equal(a.tiers, b.tiers)
	}) {
		t.Fatal("prefixes' tiers not read back")
	}
	for _, q := range blockQueries(1500) {
		if got, want := back.Search(q, 20), ix.Search(q, 20); !slices.EqualFunc(got, want, func(x, y Result) bool {
			return x.Article.ID == y.Article.ID && x.Score == y.Score
		}) {
			t.Errorf("%q: read back %v, written %v", q, ids(got), ids(want))
		}
	}
}
