package search

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/load"
	"github.com/broadsheet/broadsheet/feed/words"
	"github.com/broadsheet/broadsheet/internal/corpus"
)

// The index is built by a tokenizer and an analyser tuned for speed.
// This file keeps the plain versions they replaced, as references: the
// fast ones must produce exactly the same words and the same postings.

// refEach is the plain tokenizer: each word of s with its byte range and
// its folded form.
func refEach(s string, fn func(start, end int, folded []byte)) {
	t := newTokenizer()
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !wordByte[c] {
				i++
				continue
			}
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isWordRune(r) {
				i += n
				continue
			}
		}
		start, ascii := i, true
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				if wordByte[c] {
					i++
					continue
				}
				if c == '\'' && i+1 < len(s) && nextIsLetter(s[i+1:]) {
					i++
					continue
				}
				break
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				ascii = false
				i += n
				continue
			}
			if words.IsApostrophe(r) && i+n < len(s) && nextIsLetter(s[i+n:]) {
				ascii = false
				i += n
				continue
			}
			break
		}
		if f := refFoldWord(t, s[start:i], ascii); len(f) > 0 {
			fn(start, i, f)
		}
	}
}

func refFoldWord(t *tokenizer, w string, ascii bool) []byte {
	var b []byte
	apostrophe := false
	if ascii {
		for i := 0; i < len(w); i++ {
			c := w[i]
			apostrophe = apostrophe || c == '\''
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
	} else {
		b = refFoldRunes(t, nil, w)
		apostrophe = true
	}
	if !apostrophe {
		return b
	}
	if n := len(b); n > 2 && b[n-1] == 's' && b[n-2] == '\'' {
		b = b[:n-2]
	}
	out := b[:0]
	for _, c := range b {
		if c != '\'' {
			out = append(out, c)
		}
	}
	return out
}

func refFoldRunes(_ *tokenizer, b []byte, w string) []byte {
	return words.AppendFold(b, w)
}

type refToken struct {
	start, end int
	folded     string
}

func tokens(s string, each func(string, func(int, int, []byte))) []refToken {
	var out []refToken
	each(s, func(start, end int, f []byte) { out = append(out, refToken{start, end, string(f)}) })
	return out
}

// tokenizerTexts returns texts for comparing tokenizers: the sample
// articles, generated files, and random strings mixing ASCII, accents,
// combining marks, apostrophes, other scripts and broken UTF-8.
func tokenizerTexts(t *testing.T) []string {
	var texts []string
	for _, a := range testArticles() {
		texts = append(texts, a.Title, a.Body)
	}
	store := (&load.Loader{}).Load(context.Background(), []string{filepath.Join("..", "..", "data")})
	for _, a := range store.Articles() {
		texts = append(texts, a.Title, a.Body)
	}
	c := corpus.New(200, 3)
	for i := range 200 {
		_, b := c.File(i)
		texts = append(texts, string(b))
	}
	pieces := []string{
		"a", "Z", "q", "0", "9", " ", "  ", "\n", ".", ",", "-", "'", "'s", "’", "’s", "ʼ", "`", "\"", "\t",
		"é", "É", "ö", "Ö", "ø", "Ø", "ß", "ẞ", "ç", "æ", "Œ", "ı", "İ", "ł", "þ", "ð",
		"e\u0301", "\u0301", "\u0308", "ﬁ", "Ⅻ", "½", "²", "٣", "中文", "Ωμέγα", "Привет", "ǅ", "ǈ",
		"\xff", "\xc3", "\xe2\x80", "\x00", "\x7f", "\u00a0", "\u2019\u2019", "O'Brien", "don't", "DON’T",
		"abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "the", "THE", "Yourselves",
		"“", "”", "—", "…", "ŉ", "×", "÷", "ĸ", "Ǆ", "ª", "\u2000", "\u203f", "\u2040", "\u02bc", "\xe2\x80", "\xc3(",
		"Zéström", "tonutalü", "ÆRØ", "strömremarna", "nønibi", "kukeça", "“Tonu", "said,”", "ŉa", "aŉ",
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var b strings.Builder
		for range 1 + r.IntN(20) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

func TestTokenizerMatchesReference(t *testing.T) {
	tk := newTokenizer()
	// nextWord gives no start: compare its words and ends.
	nextWord := func(s string, fn func(int, int, []byte)) {
		for i := 0; ; {
			f, end := tk.nextWord(s, i)
			if f == nil {
				return
			}
			fn(-1, end, f)
			i = end
		}
	}
	for i, s := range tokenizerTexts(t) {
		want := tokens(s, refEach)
		got := tokens(s, tk.each)
		if !slices.Equal(got, want) {
			t.Fatalf("each, text %d %q:\n got %v\nwant %v", i, s, got, want)
		}
		for j := range want {
			want[j].start = -1
		}
		got = tokens(s, nextWord)
		if !slices.Equal(got, want) {
			t.Fatalf("nextWord, text %d %q:\n got %v\nwant %v", i, s, got, want)
		}
	}
}

func TestWordBytes(t *testing.T) {
	for c := range 256 {
		x := uint64(c) | uint64(255-c)<<8 | uint64(c^0x20)<<16 | 'Q'<<24 | uint64(c)<<56
		lowered, word := wordBytes(x)
		for k, b := range []byte{byte(c), byte(255 - c), byte(c ^ 0x20), 'Q', 0, 0, 0, byte(c)} {
			isWord := word>>(8*k+7)&1 == 1
			if isWord != (foldByte[b] != 0) {
				t.Fatalf("byte %#x: word %v", b, isWord)
			}
			if got := byte(lowered >> (8 * k)); isWord && got != foldByte[b] {
				t.Fatalf("byte %#x lowered to %#x, want %#x", b, got, foldByte[b])
			}
		}
	}
}

// refPosting is one article's entry in a term's postings.
type refPosting struct {
	flags     uint8
	positions []uint32
}

// refIndex is what the index must hold, built the plain way: for each
// term, its postings by article ID.
type refIndex struct {
	post    map[string]map[string]refPosting
	lengths map[string]uint32 // article ID → indexed words
	titles  map[string]uint16 // article ID → words in the title
	buckets map[uint32]map[string]bool
}

func buildReference(arts []*feed.Article) *refIndex {
	ri := &refIndex{
		post:    make(map[string]map[string]refPosting),
		lengths: make(map[string]uint32),
		titles:  make(map[string]uint16),
		buckets: make(map[uint32]map[string]bool),
	}
	for _, a := range arts {
		if _, ok := ri.lengths[a.ID]; ok {
			continue
		}
		pos := uint32(0)
		leadEnd := uint32(0)
		length := uint32(0)
		add := func(f []byte, flags uint8) {
			p := pos
			pos++
			w := string(f)
			if words.IsStop(w) {
				return
			}
			length++
			if flags == 0 && p < leadEnd {
				flags = inLead
			}
			m := ri.post[w]
			if m == nil {
				m = make(map[string]refPosting)
				ri.post[w] = m
			}
			rp := m[a.ID]
			rp.flags |= flags
			rp.positions = append(rp.positions, p)
			m[a.ID] = rp
			for _, k := range []string{w[:1], w[:min(2, len(w))]} {
				bk := bucketKey(k)
				if ri.buckets[bk] == nil {
					ri.buckets[bk] = make(map[string]bool)
				}
				ri.buckets[bk][a.ID] = true
			}
		}
		refEach(a.Title, func(_, _ int, f []byte) { add(f, inTitle) })
		ri.titles[a.ID] = uint16(min(pos, 1<<16-1))
		pos += titleGap
		lead := uint32(0)
		refEach(a.Lead, func(int, int, []byte) { lead++ })
		leadEnd = pos + lead
		refEach(a.Body, func(_, _ int, f []byte) { add(f, 0) })
		ri.lengths[a.ID] = length
	}
	return ri
}

// checkAgainstReference compares every term's postings, every bucket,
// the stem groups and the sorted term list with the reference.
func checkAgainstReference(t *testing.T, ix *Index, ri *refIndex) {
	t.Helper()
	if len(ix.terms) != len(ri.post) || ix.termIDs.n != len(ri.post) {
		t.Fatalf("%d terms (%d in the table), want %d", len(ix.terms), ix.termIDs.n, len(ri.post))
	}
	for id, tm := range ix.terms {
		if got, ok := ix.termOf(tm.text); !ok || got != uint32(id) {
			t.Fatalf("term %q has ID %d, the map says %d", tm.text, id, got)
		}
		want := ri.post[tm.text]
		if want == nil {
			t.Fatalf("term %q is not in the reference", tm.text)
		}
		if int(tm.df) != len(want) {
			t.Errorf("term %q: df %d, want %d", tm.text, tm.df, len(want))
		}
		p := postings{b: tm.post}
		n, last := 0, uint32(0)
		for p.next() {
			a := ix.docs[p.doc].art.ID
			if n > 0 && p.doc <= last {
				t.Fatalf("term %q: article %d after %d", tm.text, p.doc, last)
			}
			n, last = n+1, p.doc
			rp, ok := want[a]
			if !ok {
				t.Fatalf("term %q: article %s not in the reference", tm.text, a)
			}
			got := refPosting{flags: p.flags, positions: p.positions(nil)}
			if got.flags != rp.flags || !slices.Equal(got.positions, rp.positions) || int(p.count) != len(rp.positions) {
				t.Fatalf("term %q, article %s: got %+v (count %d), want %+v", tm.text, a, got, p.count, rp)
			}
		}
		if tm.last != last {
			t.Errorf("term %q: last %d, want %d", tm.text, tm.last, last)
		}
		if n != len(want) {
			t.Fatalf("term %q: %d articles, want %d", tm.text, n, len(want))
		}
		g := ix.groups[tm.group]
		if !slices.Contains(g, uint32(id)) {
			t.Fatalf("term %q not in its group", tm.text)
		}
		if gid := ix.groupIDs[words.Stem(tm.text)]; gid != tm.group {
			t.Fatalf("term %q: group %d, stem's group %d", tm.text, tm.group, gid)
		}
	}
	members := 0
	for _, g := range ix.groups {
		members += len(g)
	}
	if members != len(ix.terms) || len(ix.groups) != len(ix.groupIDs) {
		t.Fatalf("%d group members for %d terms; %d groups, %d stems", members, len(ix.terms), len(ix.groups), len(ix.groupIDs))
	}
	for _, d := range ix.docs {
		a := d.art.ID
		if d.length != ri.lengths[a] || d.titleLen != ri.titles[a] {
			t.Fatalf("article %s: length %d title %d, want %d %d", a, d.length, d.titleLen, ri.lengths[a], ri.titles[a])
		}
	}
	if len(ix.buckets) != len(ri.buckets) {
		t.Fatalf("%d buckets, want %d", len(ix.buckets), len(ri.buckets))
	}
	for k, bk := range ix.buckets {
		var got []string
		p, doc := bk.post, uint32(0)
		for len(p) > 0 {
			v, n := uvarint(p)
			p = p[n:]
			doc += v
			got = append(got, ix.docs[doc].art.ID)
		}
		if len(got) != len(ri.buckets[k]) || int(bk.df) != len(got) || bk.last != doc {
			t.Fatalf("bucket %x: %d articles (df %d), want %d", k, len(got), bk.df, len(ri.buckets[k]))
		}
		for _, a := range got {
			if !ri.buckets[k][a] {
				t.Fatalf("bucket %x: article %s not in the reference", k, a)
			}
		}
	}
	var texts []string
	for _, id := range ix.sorted {
		texts = append(texts, ix.terms[id].text)
	}
	if !slices.IsSorted(texts) {
		t.Fatalf("sorted terms are not in order")
	}
	if len(ix.sorted)+len(ix.recent) != len(ix.terms) {
		t.Fatalf("%d sorted + %d recent terms, want %d", len(ix.sorted), len(ix.recent), len(ix.terms))
	}
	all := append(slices.Clone(ix.sorted), ix.recent...)
	slices.Sort(all)
	for i, id := range all {
		if id != uint32(i) {
			t.Fatalf("term %d missing from the sorted and recent terms", i)
		}
	}
	if len(ix.sorted) == 0 {
		t.Fatalf("no sorted terms")
	}
}

func uvarint(b []byte) (uint32, int) {
	var x uint32
	var s uint
	for i, c := range b {
		if c < 0x80 {
			return x | uint32(c)<<s, i + 1
		}
		x |= uint32(c&0x7f) << s
		s += 7
	}
	return 0, 0
}

// referenceArticles returns generated articles, extracted as the reader
// does, plus the samples and the test articles.
func referenceArticles(t testing.TB, n int) []*feed.Article {
	t.Helper()
	dir := t.TempDir()
	if _, err := corpus.Generate(dir, n, 5); err != nil {
		t.Fatal(err)
	}
	store := (&load.Loader{}).Load(context.Background(), []string{dir, filepath.Join("..", "..", "data")})
	arts := store.Articles()
	arts = append(arts, testArticles()...)
	// Odd ones: a duplicate ID, words with accents and apostrophes.
	arts = append(arts, arts[3],
		art("odd", "Ünïcode Outlet", "2024-01-02", "Ærø’s ﬁne café — O'Brien's",
			"Straße STRASSE Zürich zurich naïve İstanbul ı ǅemal don't can’t 'quoted' x'y ½ ²\n\nΩμέγα Привет 中文 "+
				"abcdefghijklmnop abcdefghijklmnopq abcdefghijklmnopqr abcdefghijklmnopqs abcdefgh abcdefghi "+
				"Antidisestablishmentarianism antidisestablishmentarianisms"))
	return arts
}

func TestIndexMatchesReference(t *testing.T) {
	arts := referenceArticles(t, 600)
	ri := buildReference(arts)
	t.Run("batches", func(t *testing.T) {
		checkAgainstReference(t, buildIndex(arts), ri)
	})
	t.Run("one at a time", func(t *testing.T) {
		ix := New()
		for _, a := range arts {
			ix.Add(a)
		}
		checkAgainstReference(t, ix, ri)
	})
	t.Run("concurrent", func(t *testing.T) {
		ix := New()
		var wg sync.WaitGroup
		for g := range 4 {
			wg.Go(func() {
				for i := g * 7; i < len(arts); i += 4 * 7 {
					ix.Add(arts[i:min(i+7, len(arts))]...)
				}
			})
		}
		wg.Wait()
		checkAgainstReference(t, ix, ri)
	})
	t.Run("compacted, then added to", func(t *testing.T) {
		// Lists packed into shared blocks must read the same, and grow
		// out of their blocks without touching their neighbours.
		half := len(arts) / 2
		ix := buildIndex(arts[:half])
		ix.Compact()
		for _, tm := range ix.terms {
			if cap(tm.post) != len(tm.post) {
				t.Fatalf("term %q: %d bytes of room left after Compact", tm.text, cap(tm.post)-len(tm.post))
			}
		}
		checkAgainstReference(t, ix, buildReference(arts[:half]))
		for i := half; i < len(arts); i += 7 {
			ix.Add(arts[i:min(i+7, len(arts))]...)
		}
		checkAgainstReference(t, ix, ri)
		ix.Compact()
		checkAgainstReference(t, ix, ri)
	})
	t.Run("two indexes", func(t *testing.T) {
		// Pooled working memory must not carry one index's term IDs
		// into another.
		a, b := New(), New()
		for i := 0; i < len(arts); i += 5 {
			a.Add(arts[i:min(i+5, len(arts))]...)
			b.Add(arts[len(arts)-1-i])
		}
		checkAgainstReference(t, a, ri)
		var rev []*feed.Article
		for i := len(arts) - 1; i >= 0; i -= 5 {
			rev = append(rev, arts[i])
		}
		checkAgainstReference(t, b, buildReference(rev))
	})
}

// TestQueriesOnCorpus checks the benchmark queries over a generated
// corpus give the same articles whatever the order of indexing, and
// that every result holds its words.
func TestQueriesOnCorpus(t *testing.T) {
	arts := referenceArticles(t, 400)
	fwd := buildIndex(arts)
	var rev []*feed.Article
	for i := len(arts) - 1; i >= 0; i-- {
		rev = append(rev, arts[i])
	}
	bwd := buildIndex(rev)
	for _, q := range corpus.New(400, 5).Queries(50) {
		a, b := ids(fwd.Search(q, 1000)), ids(bwd.Search(q, 1000))
		slices.Sort(a)
		slices.Sort(b)
		if !slices.Equal(a, b) {
			t.Errorf("%q: %d results one way, %d the other", q, len(a), len(b))
		}
	}
}

func TestTermTable(t *testing.T) {
	ix := New()
	var ws []string
	for i := range 5000 {
		w := strings.Repeat("ab", i%13) + string(rune('a'+i%26)) + strings.Repeat("z", i/26%11)
		if _, ok := ix.termOf(w); !ok {
			ix.termID(&newWord{text: w, stem: words.Stem(w), key: keyOfString(w)}, false)
			ws = append(ws, w)
		}
	}
	if ix.termIDs.n != len(ws) || len(ix.terms) != len(ws) {
		t.Fatalf("%d terms in the table, want %d", ix.termIDs.n, len(ws))
	}
	for i, w := range ws {
		if id, ok := ix.termOf(w); !ok || id != uint32(i) {
			t.Errorf("termOf(%q) = %d, %v; want %d", w, id, ok, i)
		}
		for _, other := range []string{w + "x", w[:len(w)-1], "q" + w} {
			if id, ok := ix.termOf(other); ok && ix.terms[id].text != other {
				t.Errorf("termOf(%q) found %q", other, ix.terms[id].text)
			}
		}
	}
}
