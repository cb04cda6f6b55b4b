package story

import (
	"cmp"
	"io/fs"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/data"
	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/extract"
	"github.com/broadsheet/broadsheet/feed/words"
)

// countedText is a term's counts, by its text, for comparing readers.
type countedText struct {
	f           float64
	seen, names int32
}

// referenceCounts counts an article's terms the way counter.count did
// before it read each paragraph in one pass: sentences split by
// appendSentences, then words by nextWord, in maps keyed by text.
func referenceCounts(a *feed.Article) map[string]countedText {
	out := make(map[string]countedText)
	var tz tokenizer
	kinds := make(map[string]float64)
	n := 0
	add := func(text string, weight float64, limit int) bool {
		for _, sent := range sentences(text) {
			prev, first := "", true
			for i := 0; ; {
				w, next := nextWord(sent, i)
				if w == "" {
					break
				}
				i = next
				term, kind := tz.term(w)
				if kind == skipped {
					continue
				}
				if limit > 0 && n >= limit {
					return false
				}
				n++
				mid := !first
				first = false
				if kind == stopWord {
					prev = ""
					continue
				}
				s := string(term)
				if _, ok := kinds[s]; !ok {
					k := wordWeight
					switch {
					case isNumberText(s):
						k = numberWeight
					case commonSet.has(term):
						k = commonWeight
					}
					kinds[s] = k
				}
				t := out[s]
				t.seen++
				if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && mid {
					t.names++
				}
				t.f += weight * kinds[s]
				out[s] = t
				if prev != "" {
					p := out[prev+" "+s]
					p.f += weight * pairWeight * min(kinds[prev], kinds[s])
					out[prev+" "+s] = p
				}
				prev = s
			}
		}
		return true
	}
	if !a.TitleSynthesized {
		n = 0
		add(a.Title, titleWeight, 0)
	}
	n = 0
	add(a.Lead, leadWeight, 0)
	n = 0
	eachParagraph(a.Body, true, func(p string) bool { return add(p, bodyWeight, bodyWords) })
	return out
}

func isNumberText(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

// checkCounts reports where counter.count differs from referenceCounts.
func checkCounts(t *testing.T, c *counter, a *feed.Article) {
	t.Helper()
	want := referenceCounts(a)
	c.count(a)
	got := make(map[string]countedText)
	for i := range c.terms {
		tm := &c.terms[i]
		got[string(c.textOf(nil, tm))] = countedText{tm.f, tm.seen, tm.names}
		if tm.a >= 0 && c.hashOf(tm) != words.Hash(c.textOf(nil, tm)) {
			t.Errorf("pair %q: hash differs from its text's", c.textOf(nil, tm))
		}
		if k := keyOf(c.textOf(nil, tm)); k != tm.key {
			t.Errorf("term %q: key %x, want %x", c.textOf(nil, tm), tm.key, k)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%q: %d terms, want %d", a.Title, len(got), len(want))
	}
	for s, w := range want {
		if g := got[s]; g != w {
			t.Errorf("%q: term %q counted %+v, want %+v", a.Title, s, g, w)
		}
	}
}

// TestOnePassMatchesSentencesThenWords checks that reading a paragraph
// once, finding sentences as it finds words, counts what splitting it
// into sentences and then words counts: on the samples and on random
// text full of sentence ends, titles, initials, quotes, line breaks and
// odd spaces.
func TestOnePassMatchesSentencesThenWords(t *testing.T) {
	var c counter
	files, _ := fs.Glob(data.FS, "*.txt")
	x := extract.NewExtractor()
	for _, f := range files {
		b, _ := fs.ReadFile(data.FS, f)
		arts, _ := x.Extract(extract.Source{Path: f, Data: b})
		for _, a := range arts {
			checkCounts(t, &c, a)
		}
	}
	for _, text := range []string{"\tJ. Harbour ferry", "\tǄ. Harbour ferry", "Ferry\n\u00a0J. Harbour ferry", "Ferry. \tJ. Harbour", "Mr. Harbour. Dr. Ferry"} {
		checkCounts(t, &c, &feed.Article{Title: text})
	}
	pieces := []string{"Mr", "Dr", "U.S", "J", "x", "Harbour", "ferry", "the", "of", "Zoë", "ÉCLAIR", "2024", "3",
		".", ". ", "! ", "? ", "...", ". \"", ".\" ", ".” ", ".’ ", ".) ", "] ", "(", "“", "‘", "'", "\"",
		" ", "  ", "\t", "\n", " \n ", "\u00a0", "\u2003", "-", "’s", "\xff", "日本", "٣", "Ж"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(pieces[r.IntN(len(pieces))])
			if r.IntN(3) == 0 {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		a := &feed.Article{Title: text, Lead: strings.ToUpper(text), Body: text + "\n\n" + text}
		checkCounts(t, &c, a)
		if t.Failed() {
			t.Fatalf("text %q", text)
		}
	}
}

// TestTermIndexDotMatchesMerge checks that comparing through a table of
// one vector's terms gives the merge's sums to the last bit, names'
// too, and with vectors of thousands of terms, as stories' centroids
// are, for which the filter grows.
func TestTermIndexDotMatchesMerge(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	wide := false // hashes from the whole range, which the filter's bits come from
	vec := func(n int) vector {
		type term struct {
			hash uint32
			w    weight
		}
		seen := make(map[uint32]bool)
		var ts []term
		for len(ts) < n {
			h := uint32(r.IntN(400)) // few hashes: many shared, hash 0 too
			if wide {
				h = r.Uint32()>>(r.IntN(2)*16)<<(r.IntN(2)*16) | h
			}
			if !seen[h] {
				seen[h] = true
				ts = append(ts, term{h, weight{all: r.Float32(), words: r.Float32() * float32(r.IntN(2))}})
			}
		}
		slices.SortFunc(ts, func(a, b term) int { return cmp.Compare(a.hash, b.hash) })
		var v vector
		for _, t := range ts {
			v.add(t.hash, t.w)
		}
		return v
	}
	var ti termIndex
	ti.load(vector{}) // nothing loaded: nothing alike
	if all, words := ti.dot(vec(50)); all != 0 || words != 0 {
		t.Fatalf("an empty table's dot = %v, %v", all, words)
	}
	for i := range 4000 {
		wide = i%2 == 1
		a, b := vec(r.IntN(170)), vec(r.IntN(170))
		if i%8 == 7 {
			a, b = vec(r.IntN(3000)), vec(r.IntN(3000))
		}
		ti.load(a)
		all, words := ti.dot(b)
		wantAll, wantWords := a.dot(b)
		if all != wantAll || words != wantWords {
			t.Fatalf("table dot = %v, %v; merge %v, %v", all, words, wantAll, wantWords)
		}
		if got, want := ti.namesDot(b), namesDot(a, b); got != want {
			t.Fatalf("table names = %v; merge %v", got, want)
		}
	}
}

// TestSortHigh32MatchesSort checks the radix sort that orders a vector's
// terms by hash against slices.Sort, on numbers made as weigh makes
// them: a hash above (some shared, some alike in their low or high
// bytes), the number's place below.
func TestSortHigh32MatchesSort(t *testing.T) {
	r := rand.New(rand.NewPCG(10, 11))
	var scratch []uint64
	for range 2000 {
		n := r.IntN(200)
		xs := make([]uint64, n)
		for i := range xs {
			h := r.Uint32()
			switch r.IntN(4) {
			case 0:
				h &= 0xff
			case 1:
				h &= 0xff00ff00
			case 2:
				h = uint32(r.IntN(4))
			}
			xs[i] = uint64(h)<<32 | uint64(i)
		}
		want := slices.Clone(xs)
		slices.Sort(want)
		var got []uint64
		got, scratch = sortHigh32(xs, scratch)
		if !slices.Equal(got, want) {
			t.Fatalf("sortHigh32 of %d numbers differs from slices.Sort", n)
		}
	}
}

// TestYears checks the years an article's words name: four digits from
// 1900 to 2099, each once, sorted, in the title, lead or body, and none
// from pairs, longer numbers or other centuries.
func TestYears(t *testing.T) {
	var c counter
	for _, tc := range []struct {
		title, body string
		want        []int16
	}{
		{"Quay reopens after 2031 storm", "The quay, built in 1998, shut in 2031.\n\nIn 1899 and 2100 nothing; 20311 and 199 neither. 2031 again.", []int16{1998, 2031}},
		{"Tram fares rise", "No year here, only 42 stops.", nil},
	} {
		c.count(&feed.Article{Title: tc.title, Body: tc.body})
		if got := c.years(); !slices.Equal(got, tc.want) {
			t.Errorf("years of %q = %v, want %v", tc.title, got, tc.want)
		}
	}
}

// TestAbbreviatedPlaceNames: a place one outlet writes "Mt Corrin" and
// another "Mount Corrin" reads as one name; "mt" in lower case, a
// measure, is left as it is.
func TestAbbreviatedPlaceNames(t *testing.T) {
	read := func(lead string) vector {
		d := &doc{art: &feed.Article{ID: "x", Title: "Climbers lifted off ledge", Lead: lead}}
		vectorize([]*doc{d})
		return d.vec
	}
	full := read("Two climbers were lifted from a ledge on Mount Corrin, above Fort Aldery, on Tuesday.")
	short := read("Two climbers were lifted from a ledge on Mt Corrin, above Ft Aldery, on Tuesday.")
	if all, words := full.dot(short); all < 0.9999 || words < 0.9999 {
		t.Errorf("Mt and Mount: cosines %.4f and %.4f, want 1", all, words)
	}
	tonnes := read("The barge carried 40 mt of grain to Aldery.")
	mount := read("The barge carried 40 mount of grain to Aldery.")
	if all, _ := tonnes.dot(mount); all > 0.99 {
		t.Errorf("40 mt read as 40 mount: cosine %.4f", all)
	}
}
