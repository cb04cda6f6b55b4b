package search

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/words"
	"github.com/broadsheet/broadsheet/internal/corpus"
)

// matchAll runs a Matcher over every article, as a one-shot search that
// passes nothing over does, and ranks the hits.
func matchAll(q string, arts []*feed.Article) []Result {
	m := NewMatcher(q)
	var hits []Hit
	seen := make(map[string]bool)
	for _, a := range arts {
		if seen[a.ID] {
			continue // the index keeps the first of the same text
		}
		seen[a.ID] = true
		if h, ok := m.Match(a); ok {
			hits = append(hits, h)
		}
	}
	return m.Rank(hits)
}

// sameRanking returns what differs between the matcher's results and the
// index's: the articles, their order or their scores. Articles whose
// scores are equal within rounding may come in either order.
func sameRanking(got, want []Result) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d results, index %d", len(got), len(want))
	}
	close := func(x, y float64) bool { return math.Abs(x-y) <= 1e-4*math.Max(1, math.Abs(y)) }
	for i := 0; i < len(got); {
		// Articles whose scores tie within rounding, as a set.
		j := i + 1
		for j < len(want) && close(want[j].Score, want[i].Score) {
			j++
		}
		ids := map[string]bool{}
		for _, r := range want[i:j] {
			ids[r.Article.ID] = true
		}
		for k := i; k < j; k++ {
			if !ids[got[k].Article.ID] || !close(got[k].Score, want[k].Score) {
				return fmt.Sprintf("at %d: %s (%g), index %s (%g)", k, got[k].Article.ID, got[k].Score, want[k].Article.ID, want[k].Score)
			}
		}
		i = j
	}
	return ""
}

// TestMatcherRanksAsIndex checks that a one-shot search over every
// article finds and ranks what the index does, score for score, on a
// generated corpus: the benchmark queries, exclusions, and last words
// that the index would complete were they typed without a space.
func TestMatcherRanksAsIndex(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a corpus")
	}
	arts := referenceArticles(t, 3000)
	ix := buildIndex(arts)
	queries := corpus.New(3000, 5).Queries(50)
	queries = append(queries, "harbour -strike", "election -striking", "flood -storms", "strike", "striking", "strikes",
		"elect", "harb", "tides", "presid", "council -budgets", `"prime minister" -elections`)
	disagree := 0
	for _, q := range queries {
		// The matcher takes the last word as complete, as the index does
		// when the query ends in a space.
		want := ix.Search(q+" ", 0)
		got := matchAll(q, arts)
		if d := sameRanking(got, want); d != "" {
			disagree++
			t.Errorf("%q: %s", q, d)
		}
	}
	t.Logf("%d of %d queries agree", len(queries)-disagree, len(queries))
}

// TestMatcherLengthAsIndex: an article's length for ranking is its
// words but stop words, whatever the query.
func TestMatcherLengthAsIndex(t *testing.T) {
	a := &feed.Article{ID: "a", Path: "a.txt", Title: "Quay news",
		Body: "The harbour of Welmor was quiet and the tides were low, as they often are in the winter months at Welmor."}
	ix := New()
	ix.Add(a)
	want := ix.docs[0].length
	for _, q := range []string{"harbour", "tides", "welmor", "quay", "winter"} {
		m := NewMatcher(q)
		h, ok := m.Match(a)
		if !ok {
			t.Fatalf("%q: no match", q)
		}
		if h.length != want {
			t.Errorf("%q: length %d, index %d", q, h.length, want)
		}
	}
}

// TestMatcherWordForms: a word whose stem is the query word's is a form
// of it, even when it does not begin with the query word ("striking",
// "strike"), for finding and for excluding.
func TestMatcherWordForms(t *testing.T) {
	arts := []*feed.Article{
		{ID: "s", Path: "s.txt", Title: "Dockers out", Body: "The harbour staff are striking over pay at Welmor."},
		{ID: "h", Path: "h.txt", Title: "Quiet day", Body: "The harbour at Welmor was calm."},
		{ID: "d", Path: "d.txt", Title: "Tying up", Body: "Boats tied and tying at the harbour."},
	}
	ix := New()
	ix.Add(arts...)
	for _, q := range []string{"strike", "harbour -strike", "harbour -strikes", "tie", "harbour -tie", "striking"} {
		want := ix.Search(q+" ", 0)
		got := matchAll(q, arts)
		if d := sameRanking(got, want); d != "" {
			t.Errorf("%q: %s (matcher %q, index %q)", q, d, ids(got), ids(want))
		}
	}
	// And the prefilters let such files through.
	for _, q := range []string{"strike", "tie", "use"} {
		for _, text := range []string{"they were striking", "boats tying up", "using it"} {
			m := NewMatcher(q)
			a := &feed.Article{ID: "x", Path: "x.txt", Title: "T", Body: text}
			if _, ok := m.Match(a); !ok {
				continue
			}
			if f := Prefilter(q); f != nil && !f([]byte(text)) {
				t.Errorf("Prefilter(%q) passes over %q, which matches", q, text)
			}
			if f := TextPrefilter(q); f != nil && !f(a) {
				t.Errorf("TextPrefilter(%q) passes over %q, which matches", q, text)
			}
			if f := SketchFilter(q); f != nil && !f(Sketch(a)) {
				t.Errorf("SketchFilter(%q) passes over %q, which matches", q, text)
			}
		}
	}
}

// TestStopTable checks the stop-word table stopKind asks against
// words.IsStop, in either case.
func TestStopTable(t *testing.T) {
	for _, w := range append(words.StopWords(), "harbour", "tides", "thee", "yourselve", "ourselvesx", "x", "1", "z9", "abcdefghij") {
		for _, v := range []string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w)} {
			if got := stopTable.has(v); got != words.IsStop(w) {
				t.Errorf("stopTable.has(%q) = %v, want %v", v, got, words.IsStop(w))
			}
		}
	}
}

// TestSketchKeepsLength: the length a sketch keeps is the index's, and
// matching an article with it finds and weighs what Match does, for the
// benchmark queries, exclusions, phrases and words that are stop words
// or begin like them.
func TestSketchKeepsLength(t *testing.T) {
	arts := referenceArticles(t, 200)
	queries := corpus.New(200, 5).Queries(40)
	queries = append(queries, "harbour -strike", "striking", `"prime minister"`, "the", "thesis", "these harbour",
		"café", "obrien", "strasse", "zurich", "don't", "ærø", "intitle:harbour", "outlet:lantern harbour")
	checked := 0
	for _, a := range arts {
		ix := New()
		ix.Add(a)
		_, length, ok := sketchParts(Sketch(a))
		if !ok {
			continue // a text whose words the folded text cannot tell
		}
		if want := ix.docs[0].length; length != want {
			t.Errorf("article %s: the sketch keeps length %d, the index %d", a.ID, length, want)
		}
		for _, q := range queries {
			want, wantOK := NewMatcher(q).Match(a)
			got, gotOK := NewMatcher(q).matchCounted(a, length)
			if gotOK != wantOK || fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("article %s, %q: counted %v %v, Match %v %v", a.ID, q, gotOK, got, wantOK, want)
			}
			checked += btoi(wantOK)
		}
	}
	if checked < 100 {
		t.Fatalf("only %d matches compared", checked)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestMatchCountedEdges: matching with a known length, which reads only
// the words that may be the query's past the lead, finds and weighs
// what Match does where a word's start is hard to tell: after an
// apostrophe inside or outside a word, after accented letters, marks and
// digits, at the start and end of a text and at the lead's end.
func TestMatchCountedEdges(t *testing.T) {
	body := "Harbour news. O'harbour and o’harbour are one word each; 'harbour' and ’harbour stand alone. " +
		"x'9harbour, 9harbour, ÉHarbour, éharbour, e\u0301harbour, Ærø harbours; harbouring—harboured, «harbour». " +
		"The HARBOUR’s master said the harbour's dues rose. h'arbour, h’arbour, HArbour, hÁrbour, h\u0301arbour, h a r, h, " +
		"ha har harb. harbour"
	a := &feed.Article{ID: "e", Path: "e.txt", Title: "Harbour’s dues: o'harbour", Lead: "Harbour news. O'harbour and", Body: body}
	b := &feed.Article{ID: "f", Path: "f.txt", Title: "Quay", Lead: "", Body: "harbour"}
	tk := newTokenizer()
	for _, art := range []*feed.Article{a, b} {
		length := articleLength(tk, art)
		for _, q := range []string{"harbour", "harbours", "oharbour", "9harbour", "eharbour", "aerø", "ærø harbour", "harbour -oharbour", "quay", "dues", "master -harbour", "h", "ha", "har", "dues -h"} {
			want, wantOK := NewMatcher(q).Match(art)
			got, gotOK := NewMatcher(q).matchCounted(art, length)
			if gotOK != wantOK || fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("article %s, %q: counted %v %v, Match %v %v", art.ID, q, gotOK, got, wantOK, want)
			}
		}
	}
	if h, ok := NewMatcher("harbour").Match(a); !ok || h.tf[0] == 0 {
		t.Fatalf("no match to compare")
	}
}

// TestMarkedEightAtATime checks that finding the bytes that may begin a
// word eight at a time (beginSet.next), and 32 at a time where the
// machine can (nextWide), gives marked the words that one byte at a time
// gives, for sets of one to five letters and digits, on generated
// articles, on text where words are hard to tell apart, and on random
// runs of such bytes, long and short, that put words at every place in a
// block.
func TestMarkedEightAtATime(t *testing.T) {
	texts := []string{"", "h", "H", "hh", "ah", "Harbour harbour HARBOUR", "x'harbour o'Hara don’t harbour's",
		"héllo Ĥarbour ÉTÉ ḧ h\u0301arbour 12h 1h h1 9 19 a9", "aaaaaaah hhhhhhhh ahahahahah h.h.h.h.h.h.h.h",
		"\xff\xfe\xc3 h\xc3\xa9 h\xe2\x80\x99h \x80h \tH\nh"}
	for _, a := range referenceArticles(t, 60) {
		texts = append(texts, a.Title, a.Lead, a.Body)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"h", "H", "a", "z", "Z", "1", "9", "0", "e", "é", "É", "Ĥ", "\u0301", " ", " ", ".", "'", "’", "@", "[", "`", "{", "/", ":", "\x80", "\xbf", "\xc0", "\xff", "\x00", "\x7f", "\x11", "\x48"}
	for n := range 300 {
		var b strings.Builder
		for b.Len() < n%140 {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	sets := []string{"h", "hz", "1", "harbour 9lives", "a e i o", "a e i o u", "é", "harbour hzbour", "ha he hi ho hu", "harbour hzone h9x hello", "h9 1a"}
	tk := newTokenizer()
	type word struct {
		at   int
		text string
	}
	for _, set := range sets {
		var only [256]bool
		for _, f := range strings.Fields(set) {
			only[f[0]] = true
		}
		for c := 0x80; c < 0x100; c++ {
			only[c] = true
		}
		// The set alone, and as a Matcher has it, with the bytes that
		// may come second.
		for _, b := range []beginSet{beginsOf(&only), NewMatcher(set).begins} {
			one := b
			one.eight = nil
			for _, w := range []bool{false, wide} {
				wide = w
				for _, s := range texts {
					var got, want []word
					tk.marked(s, &b, func(i int, f []byte) { got = append(got, word{i, string(f)}) })
					tk.marked(s, &one, func(i int, f []byte) { want = append(want, word{i, string(f)}) })
					if !slices.Equal(got, want) {
						t.Errorf("%q in %.60q (second: %v, 32 at a time: %v): %v, one at a time %v", set, s, b.second != nil, w, got, want)
					}
				}
			}
		}
	}
}

// TestLatinFirst checks the table marked passes words over by: a
// character's first folded byte, when ASCII, is the first byte of the
// folded form of every word that begins with it, whether the word folds
// a letter at a time (all Latin) or as a whole (with a character past
// the Latin table), with marks after it or not; and marked reports such
// words exactly when their first folded byte may begin the query's.
func TestLatinFirst(t *testing.T) {
	tk := newTokenizer()
	var only [256]bool
	only['h'] = true
	for c := 0x80; c < 0x100; c++ {
		only[c] = true
	}
	b := beginsOf(&only)
	for r := rune(0x80); r < words.LatinEnd; r++ {
		f := latinFirst[r]
		if (f == 0) != !isWordRune(r) {
			t.Errorf("%U: first %#x, a word's: %v", r, f, isWordRune(r))
		}
		if f == 0 || f == 0xFF {
			continue
		}
		for _, w := range []string{string(r) + "arbour", string(r) + "\u0301arbour", string(r) + "arbourア", string(r) + "ア"} {
			folded := words.Fold(w)
			if folded == "" || folded[0] != f {
				t.Errorf("%U: first %q, but %q folds to %q", r, f, w, folded)
			}
			var got []string
			tk.marked(" "+w+" ", &b, func(_ int, fw []byte) { got = append(got, string(fw)) })
			if want := f == 'h'; (len(got) > 0) != want {
				t.Errorf("%q (folded %q): marked gave %q", w, folded, got)
			}
		}
	}
}

// TestArticleLengthAsTokenizer checks that articleLength, which reads
// plain ASCII words eight bytes at a time and tells stop words from
// eight bytes of the text read at once (stopSet.hasAt), counts the
// words the tokenizer finds but stop words, on generated articles and
// on random runs of stop words in mixed case, other words, apostrophes,
// digits and characters past ASCII, so that words end at every place of
// a block of eight and at the text's end.
func TestArticleLengthAsTokenizer(t *testing.T) {
	arts := referenceArticles(t, 40)
	pieces := []string{"the", "The", "THE", "a", "an", "And", "of", "into", "between", "themselves", "because",
		"harbour", "quay", "x", "9", "a1", "don't", "o’clock", "it's", "café", "ÉTÉ", "’", "'", " ", "  ", ", ", ".\n", "—", "ß"}
	r := rand.New(rand.NewPCG(3, 15))
	for range 3000 {
		var b strings.Builder
		for range r.IntN(24) {
			b.WriteString(pieces[r.IntN(len(pieces))])
			if r.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		arts = append(arts, &feed.Article{ID: "r", Title: pieces[r.IntN(len(pieces))], Body: b.String()})
	}
	tk := newTokenizer()
	for _, a := range arts {
		var want uint32
		for _, s := range []string{a.Title, a.Body} {
			tk.each(s, func(_, _ int, f []byte) {
				if !isStopFolded(f) {
					want++
				}
			})
		}
		if got := articleLength(tk, a); got != want {
			t.Fatalf("%q / %.80q: length %d, the tokenizer's %d", a.Title, a.Body, got, want)
		}
	}
}
