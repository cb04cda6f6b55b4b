package search

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed"
)

// randomIndex indexes n articles of random words from a small
// vocabulary, some common and some rare, so that many postings lists are
// long enough for skip tables.
func randomIndex(t *testing.T, n int, seed uint64) (*Index, []string) {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 1))
	vocab := []string{"alpha", "beta", "gamma", "delta", "harbour", "harbours", "harboured", "bridge", "bridges", "storm", "stormy", "strike", "street", "strong", "stress", "rare", "rarer", "zeta"}
	outlets := []string{"North Post", "South Wire", "East Herald"}
	ix := New()
	for i := range n {
		var title, body []string
		for range 1 + rng.IntN(4) {
			title = append(title, vocab[rng.IntN(len(vocab))])
		}
		words := 1 + rng.IntN(60)
		for range words {
			// Zipf-like: low indexes are more common.
			j := int(float64(len(vocab)) * rng.Float64() * rng.Float64())
			body = append(body, vocab[j])
		}
		if rng.IntN(100) == 0 {
			body = append(body, "kappa") // rare: a few candidates
		}
		date := fmt.Sprintf("2024-%02d-%02d", 1+rng.IntN(12), 1+rng.IntN(28))
		if rng.IntN(20) == 0 {
			date = ""
		}
		ix.Add(art(fmt.Sprint("a", i), outlets[rng.IntN(len(outlets))], date, strings.Join(title, " "), strings.Join(body, " ")))
	}
	for i := range n / 10 {
		ix.Remove(fmt.Sprint("a", i*7))
	}
	return ix, vocab
}

// TestSeek checks that seeking through a skip table finds exactly the
// candidates a full read of the postings finds.
func TestSeek(t *testing.T) {
	ix, _ := randomIndex(t, 3000, 1)
	rng := rand.New(rand.NewPCG(2, 2))
	tables := 0
	for id := range ix.terms {
		sk := ix.skips[uint32(id)]
		if len(sk) == 0 {
			continue
		}
		tables++
		// The table is every block's start after the first.
		var all []uint32
		var want []skip
		p := postings{b: ix.terms[id].post}
		for i := 0; ; i++ {
			if i > 0 && i%skipEvery == 0 {
				want = append(want, skip{prev: p.doc, off: uint32(p.off)})
			}
			if !p.next() {
				break
			}
			all = append(all, p.doc)
		}
		if len(want) > 0 && want[len(want)-1].off == uint32(len(p.b)) {
			want = want[:len(want)-1] // the block not yet begun
		}
		if !slices.Equal(sk, want) {
			t.Fatalf("term %q: skip table %v, want %v", ix.terms[id].text, sk, want)
		}
		for trial := range 20 {
			var cands []uint32
			for range rng.IntN(50) + trial*10 {
				cands = append(cands, uint32(rng.IntN(len(ix.docs))))
			}
			slices.Sort(cands)
			cands = slices.Compact(cands)
			var got, want []uint32
			for _, d := range cands {
				if _, ok := slices.BinarySearch(all, d); ok {
					want = append(want, d)
				}
			}
			p := postings{b: ix.terms[id].post}
			if p.next() {
				for _, d := range cands {
					if !p.seek(d, sk) {
						break
					}
					if p.doc == d {
						got = append(got, d)
					}
				}
			}
			if !slices.Equal(got, want) {
				t.Fatalf("term %q trial %d: seek found %v, want %v", ix.terms[id].text, trial, got, want)
			}
		}
	}
	if tables == 0 {
		t.Fatal("no skip tables built")
	}
}

// TestSkipsSameResults checks that searches give the same results,
// scores and order with skip tables and topBounded as when every list
// is read in full.
func TestSkipsSameResults(t *testing.T) {
	ix, vocab := randomIndex(t, 3000, 3)
	queries := []string{"rare", "rare harbour", "zeta alpha", "zeta str", "rarer -alpha", "zeta -alpha", "rare bridge storm",
		"title:zeta alpha", `"rare alpha"`, "outlet:north zeta alpha", "after:2024-06-01 rare beta", "zeta s", "zeta st", "rare harbo",
		"kappa alpha", "kappa str", "kappa alpha beta gamma", "kappa -alpha", "kappa -zeta", "kappa harbour", "kappa harbo", "alpha kappa s",
		`kappa "alpha beta"`, "title:alpha kappa", "outlet:south kappa alpha", "kappa",
		"kappa alpha -beta", "kappa alpha -beta -gamma", "zeta alpha -beta", "rare alpha beta -gamma", "kappa alpha -rare", "kappa alpha be"}
	for i, w := range vocab {
		queries = append(queries, vocab[len(vocab)-1-i]+" "+w, vocab[len(vocab)-1-i]+" "+w[:3])
	}
	kappa, _ := ix.termOf("kappa")
	alpha, _ := ix.termOf("alpha")
	if ix.terms[kappa].df*seekCost >= ix.terms[alpha].df {
		t.Fatal("kappa too common to exercise seeking")
	}
	defer func() { useSkips, useBounds = true, true }()
	for _, q := range queries {
		useSkips, useBounds = true, true
		got := ix.Search(q, 0)
		got20 := ix.Search(q, 20)
		useSkips, useBounds = false, false
		want := ix.Search(q, 0)
		want20 := ix.Search(q, 20)
		same := func(a, b []Result) bool {
			return slices.EqualFunc(a, b, func(x, y Result) bool { return x.Article == y.Article && x.Score == y.Score })
		}
		if !same(got, want) || !same(got20, want20) {
			t.Errorf("%q: with skips %v, without %v", q, ids(got20), ids(want20))
		}
	}
}

// TestHitStarts checks the snippet's scan for matching words against
// the tokenizer's walk over every word, on random text full of the
// tokenizer's edge cases: apostrophes, accents, combining marks, digits
// and broken UTF-8.
func TestHitStarts(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	pieces := []string{"a", "s", "S", "st", "str", "e", "é", "É", "ø", "1", "9", "'", "’", "ʼ", " ", "  ", "-", ".", "\n",
		"\u0301", "ß", "straße", "Zürich", "don't", "'s", "’s", "\xff", "\xc3", "中", "x", "café", "strike", "Strikes"}
	tk := newTokenizer()
	for trial := range 3000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		h := &highlighter{}
		switch trial % 4 {
		case 0:
			h.forms = []string{"strike", "s"}
		case 1:
			h.prefix = []string{"st"}
		case 2:
			h.forms = []string{"cafe", "zurich", "dont"}
			h.prefix = []string{"e"}
		default:
			h.forms = []string{"1", "strasse", "a"}
		}
		h.index()
		var want []int
		tk.only = &h.first
		tk.each(text, func(s, _ int, f []byte) {
			if h.match(f) {
				want = append(want, s)
			}
		})
		tk.only = nil
		got := hitStarts(tk, h, text, nil)
		if !slices.Equal(got, want) {
			t.Fatalf("%q with %v %v: got %v, want %v", text, h.forms, h.prefix, got, want)
		}
	}
}

// TestCompletions checks a prefix's completions against every term, as
// terms arrive and are merged into the sorted list.
func TestCompletions(t *testing.T) {
	ix := New()
	rng := rand.New(rand.NewPCG(5, 5))
	syll := []string{"str", "st", "ra", "ike", "o", "ng", "ee", "t", "s"}
	word := func() string {
		var b strings.Builder
		for range 1 + rng.IntN(4) {
			b.WriteString(syll[rng.IntN(len(syll))])
		}
		return b.String()
	}
	for i := range 6000 {
		body := fmt.Sprintf("%s %s %s uniq%d", word(), word(), word(), i)
		ix.Add(art(fmt.Sprint("c", i), "", "", word(), body))
		if i%500 != 499 {
			continue
		}
		for _, p := range []string{"str", "stra", "ike", "uniq1", "uniq", "sto", "zzz"} {
			ix.mu.RLock()
			var want []completed
			for id, tm := range ix.terms {
				if strings.HasPrefix(tm.text, p) {
					want = append(want, completed{tm.df, uint32(id)})
				}
			}
			slices.SortFunc(want, func(a, b completed) int {
				if a.df != b.df {
					return int(b.df) - int(a.df)
				}
				return int(a.id) - int(b.id)
			})
			got := ix.completions(p, len(ix.terms))
			got5 := ix.completions(p, 5)
			ix.mu.RUnlock()
			if !slices.Equal(got, want) {
				t.Fatalf("after %d articles, %q: got %d completions, want %d", i+1, p, len(got), len(want))
			}
			if !slices.Equal(got5, want[:min(5, len(want))]) {
				t.Fatalf("after %d articles, %q: got %v for the first 5, want %v", i+1, p, got5, want[:min(5, len(want))])
			}
		}
	}
}

// TestFilters checks outlet and date filters against every article,
// with deleted and undated articles among them.
func TestFilters(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 6))
	outlets := []string{"North Post", "South Wire", ""}
	ix := New()
	var arts []*feed.Article
	for i := range 400 {
		date := ""
		if rng.IntN(5) > 0 {
			date = fmt.Sprintf("2024-%02d-%02d", 1+rng.IntN(12), 1+rng.IntN(28))
		}
		a := art(fmt.Sprint("f", i), outlets[rng.IntN(len(outlets))], date, "title", "body words")
		arts = append(arts, a)
		ix.Add(a)
	}
	deleted := map[string]bool{}
	for i := range 40 {
		id := fmt.Sprint("f", i*9)
		ix.Remove(id)
		deleted[id] = true
	}
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	tests := []struct {
		query string
		keep  func(a *feed.Article) bool
	}{
		{"outlet:north", func(a *feed.Article) bool { return a.Outlet == "North Post" }},
		{"outlet:south body", func(a *feed.Article) bool { return a.Outlet == "South Wire" }},
		{"after:2024-06-01", func(a *feed.Article) bool { return !a.Date.IsZero() && !a.Date.Before(day("2024-06-01")) }},
		{"before:2024-06-01 title", func(a *feed.Article) bool { return !a.Date.IsZero() && a.Date.Before(day("2024-06-01")) }},
		{"outlet:north after:2024-03-01 before:2024-09-01", func(a *feed.Article) bool {
			return a.Outlet == "North Post" && !a.Date.Before(day("2024-03-01")) && a.Date.Before(day("2024-09-01"))
		}},
		{"body", func(*feed.Article) bool { return true }},
		{"before:2024-02-01", func(a *feed.Article) bool { return !a.Date.IsZero() && a.Date.Before(day("2024-02-01")) }},
		{"after:2024-03-01 before:2024-03-15", func(a *feed.Article) bool {
			return !a.Date.Before(day("2024-03-01")) && a.Date.Before(day("2024-03-15"))
		}},
		{"after:2024-09-01 before:2024-03-01", func(*feed.Article) bool { return false }},
	}
	for _, tt := range tests {
		var want []string
		for _, a := range arts {
			if !deleted[a.ID] && tt.keep(a) {
				want = append(want, a.ID)
			}
		}
		got := ids(ix.Search(tt.query, 0))
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%q: got %d articles, want %d", tt.query, len(got), len(want))
		}
	}
}
