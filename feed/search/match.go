package search

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/words"
)

// Matcher tests single articles against a query without an index, for
// a one-shot search that reads each file once: it follows the same
// syntax and rules as Index.Search, except that the last word is never a
// prefix. A Matcher is for one goroutine at a time.
type Matcher struct {
	q    query
	pos  []mword // words every match holds
	neg  []mword // words no match holds
	only [256]bool
	// begins marks the bytes that may begin a word only marks (see
	// beginsOf), for matching an article without reading every word.
	begins beginSet
	stems  map[string]string // folded word → stem, as met
	t      *tokenizer
	seen   int // articles offered to Match

	// What the index's ranking counts over every article, gathered from
	// the articles Match measured (see Rank): their number, their
	// lengths, and for each positive word the sum over its forms of the
	// articles holding the form.
	measured int
	totalLen uint64
	df       []uint32
	hitsOnly bool // rank by the hits alone; see Scan
	forms    [][]formCount
}

// formCount is one form of a positive word met in an article.
type formCount struct {
	text   string
	weight float32
	count  uint32
	flags  uint8
}

// mword is one query word as the matcher looks for it.
type mword struct {
	qword
	stem   string
	needle string // what every word with the same stem begins with
	clause int
	title  bool
}

// Hit is an article that matched, with what ranking needs of it.
type Hit struct {
	Article *feed.Article
	tf      []float32 // weighted count of each positive word
	length  uint32
}

// NewMatcher compiles query for Match.
func NewMatcher(query string) *Matcher {
	m := &Matcher{q: parseQuery(query + " "), stems: make(map[string]string), t: newTokenizer()}
	for ci, c := range m.q.clauses {
		for _, w := range c.words {
			mw := mword{qword: w, stem: words.Stem(w.text), needle: needle(w.text), clause: ci, title: c.title}
			mw.prefix = false
			if c.negate {
				m.neg = append(m.neg, mw)
			} else {
				m.pos = append(m.pos, mw)
			}
			// Words whose first byte is not a needle's can be skipped
			// unfolded; any non-ASCII first byte may fold to one.
			m.only[mw.needle[0]] = true
		}
	}
	m.df = make([]uint32, len(m.pos))
	m.forms = make([][]formCount, len(m.pos))
	for c := 0x80; c < 0x100; c++ {
		m.only[c] = true
	}
	m.begins = beginsOf(&m.only)
	m.begins.setSecond(secondsOf(append(slices.Clone(m.pos), m.neg...)))
	return m
}

// secondsOf returns the bytes that may come second in a word that
// folds to one beginning with a needle of ws: the needles' second
// letters in either case, an apostrophe (dropped by folding) and any
// byte past ASCII; nil when a needle is shorter than two letters.
// A word of one letter, or whose second byte is another, cannot stand
// for any of ws, so a matcher that knows the article's length need not
// look at it.
func secondsOf(ws []mword) *[256]bool {
	var second [256]bool
	for _, w := range ws {
		if len(w.needle) < 2 {
			return nil
		}
		c := w.needle[1]
		second[c] = true
		if 'a' <= c && c <= 'z' {
			second[c-'a'+'A'] = true
		}
	}
	second['\''] = true
	for c := utf8.RuneSelf; c < len(second); c++ {
		second[c] = true
	}
	return &second
}

// Seen counts an article that was ruled out before it was extracted, so
// that word rarity is measured against every article.
func (m *Matcher) Seen(n int) { m.seen += n }

// weight returns how well a folded word stands for w: 1 for the exact
// form, otherForm for another form of its stem, 0 for none.
func (m *Matcher) weight(w *mword, f []byte) float32 {
	if string(f) == w.text {
		return 1
	}
	if !strings.HasPrefix(string(f), w.needle) {
		return 0
	}
	st, ok := m.stems[string(f)]
	if !ok {
		st = words.Stem(string(f))
		m.stems[string(f)] = st
	}
	if st == w.stem {
		return otherForm
	}
	return 0
}

// Match reports whether article a matches, and what ranking needs: the
// article's words counted as the index counts them, and the forms of
// each positive word it holds.
func (m *Matcher) Match(a *feed.Article) (Hit, bool) { return m.match(a, -1) }

// matchCounted is Match for an article whose length is known (see
// articleLength, and Sketch, which keeps it): the words it passes over
// are then not told from stop words, which is most of what Match costs
// beside finding words.
func (m *Matcher) matchCounted(a *feed.Article, length uint32) (Hit, bool) {
	return m.match(a, int64(length))
}

// match is Match, with the article's length when known (else -1).
func (m *Matcher) match(a *feed.Article, known int64) (Hit, bool) {
	m.seen++
	if m.q.empty {
		return Hit{}, false
	}
	measure := len(m.pos) > 0 && !m.hitsOnly
	kept := m.keep(a)
	if !kept && !measure {
		return Hit{}, false
	}
	for i := range m.forms {
		m.forms[i] = m.forms[i][:0]
	}
	var positions [][]uint32
	for _, c := range m.q.clauses {
		if c.phrase {
			positions = make([][]uint32, len(m.pos)+len(m.neg))
			break
		}
	}
	excluded := false
	pos, leadEnd, titleLen := uint32(0), uint32(0), uint32(0)
	counted := known >= 0
	var length uint32
	visit := func(f []byte, inTitleNow bool) {
		p := pos
		pos++
		if f == nil {
			if !counted {
				length++ // passed over unfolded: no stop word (see each)
			}
			return
		}
		if len(f) == 0 || words.IsStop(string(f)) {
			return // a stop word, passed over or not
		}
		if !counted {
			length++
		}
		for i := range m.pos {
			w := &m.pos[i]
			wt := m.weight(w, f)
			if wt == 0 {
				continue
			}
			fl := uint8(0)
			if inTitleNow {
				fl = inTitle
			} else if p < leadEnd {
				fl = inLead
			}
			fs := m.forms[i]
			j := 0
			for j < len(fs) && fs[j].text != string(f) {
				j++
			}
			if j == len(fs) {
				m.forms[i] = append(fs, formCount{text: string(f), weight: wt})
			}
			m.forms[i][j].count++
			m.forms[i][j].flags |= fl
			if positions != nil && (!w.title || inTitleNow) {
				positions[i] = append(positions[i], p)
			}
		}
		for i := range m.neg {
			w := &m.neg[i]
			if m.weight(w, f) == 0 {
				continue
			}
			if m.q.clauses[w.clause].phrase {
				if !w.title || inTitleNow {
					positions[len(m.pos)+i] = append(positions[len(m.pos)+i], p)
				}
			} else {
				excluded = true // as the index: anywhere in the article
			}
		}
	}
	t := m.t
	t.only, t.blind = &m.only, counted
	defer func() { t.only, t.blind = nil, false }()
	// With the length known and no phrase, no word's place matters but
	// whether it is in the lead: past the lead, the words that cannot
	// be the query's are passed over unread.
	skim := counted && positions == nil
	if skim {
		t.marked(a.Title, &m.begins, func(_ int, f []byte) { visit(f, true) })
	} else {
		t.each(a.Title, func(_, _ int, f []byte) { visit(f, true) })
	}
	titleLen = pos
	pos += titleGap
	lead := func() uint32 {
		n := uint32(0)
		t.only = nil
		t.each(a.Lead, func(int, int, []byte) { n++ })
		t.only = &m.only
		return n
	}
	switch n := len(a.Lead); {
	case skim && strings.HasPrefix(a.Body, a.Lead) && cutBetweenWords(a.Body, n):
		// The lead is the body's first words, ending where it ends:
		// its words are in the lead, those after not, and no word's
		// place matters but that.
		leadEnd = ^uint32(0)
		t.marked(a.Body[:n], &m.begins, func(_ int, f []byte) { visit(f, false) })
		leadEnd = 0
		t.marked(a.Body[n:], &m.begins, func(_ int, f []byte) { visit(f, false) })
	case skim:
		leadEnd = pos + lead()
		rest := t.eachN(a.Body, int(leadEnd-pos), func(_, _ int, f []byte) { visit(f, false) })
		pos = max(pos, leadEnd)
		t.marked(a.Body[rest:], &m.begins, func(_ int, f []byte) { visit(f, false) })
	default:
		leadEnd = pos + lead()
		t.each(a.Body, func(_, _ int, f []byte) { visit(f, false) })
	}
	if counted {
		length = uint32(known)
	}
	if measure {
		m.measured++
		m.totalLen += uint64(length)
		for i := range m.pos {
			m.df[i] += uint32(len(m.forms[i]))
		}
	}
	if excluded || !kept {
		return Hit{}, false
	}
	tf := make([]float32, len(m.pos))
	for i := range m.pos {
		// As the index weighs a posting: each form's count plus its
		// boosts, times the form's weight; a title: word counts the
		// forms that stand in the title.
		for _, fc := range m.forms[i] {
			if m.pos[i].title && fc.flags&inTitle == 0 {
				continue
			}
			v := fc.count<<2 | uint32(fc.flags)
			tf[i] += fc.weight * weighted(v)
		}
		if tf[i] == 0 {
			return Hit{}, false
		}
	}
	for ci, c := range m.q.clauses {
		if !c.phrase {
			continue
		}
		var ps [][]uint32
		var offs []uint32
		for i, w := range m.pos {
			if w.clause == ci {
				ps, offs = append(ps, positions[i]), append(offs, w.offset)
			}
		}
		for i, w := range m.neg {
			if w.clause == ci {
				ps, offs = append(ps, positions[len(m.pos)+i]), append(offs, w.offset)
			}
		}
		if together(ps, offs, c.title, titleLen) == c.negate {
			return Hit{}, false
		}
	}
	return Hit{Article: a, tf: tf, length: length}, true
}

// cutBetweenWords reports whether s splits at i between two words, or
// after its last: no word of s spans byte i.
func cutBetweenWords(s string, i int) bool {
	if i == len(s) {
		return true
	}
	if i == 0 {
		return false
	}
	c := s[i]
	return c < utf8.RuneSelf && !wordByte[c] && c != '\''
}

// articleLength returns an article's length as the index counts it for
// ranking, and Match as it goes: the words of its headline and text but
// stop words. Words of ASCII letters and digits are told from stop words
// as they are, unfolded; any other word is read as the index reads it
// (see nextWord).
func articleLength(t *tokenizer, a *feed.Article) uint32 {
	var n uint32
	for _, s := range [...]string{a.Title, a.Body} {
		for i := 0; i < len(s); {
			c := s[i]
			if c < utf8.RuneSelf && !wordByte[c] {
				i++
				continue
			}
			start := i
			ended := false
			for i+8 <= len(s) {
				_, word := wordBytes(load8(s, i))
				if word != highBits {
					// The word ends at the first byte of the eight
					// that is no ASCII letter or digit.
					i += bits.TrailingZeros64(^word&highBits) / 8
					ended = true
					break
				}
				i += 8
			}
			for !ended && i < len(s) && s[i] < utf8.RuneSelf && wordByte[s[i]] {
				i++
			}
			if c < utf8.RuneSelf && (i == len(s) || s[i] < utf8.RuneSelf && s[i] != '\'') {
				// As stopKind tells a word of ASCII letters and digits.
				w := s[start:i]
				m := len(w)
				if m > maxStop || stopShape[w[0]|0x20]&stopShape[256+int(w[m-1]|0x20)]&(1<<m) == 0 || !stopTable.hasAt(s, start, i) {
					n++
				}
				continue
			}
			// A character past ASCII or an apostrophe in or after
			// the word: the general way.
			f, end := t.nextWord(s, start)
			if f == nil {
				break
			}
			i = end
			if !isStopFolded(f) {
				n++
			}
		}
	}
	return n
}

// isStopFolded reports whether a folded word is a stop word, telling
// most words from them by their length and first and last letters.
func isStopFolded(f []byte) bool {
	n := len(f)
	if n == 0 || n > maxStop || stopShape[f[0]]&stopShape[256+int(f[n-1])]&(1<<n) == 0 {
		return false
	}
	return stopTable.has(string(f))
}

// together reports whether the words with positions ps stand at the
// relative offsets offs somewhere (within the title when title is set).
func together(ps [][]uint32, offs []uint32, title bool, titleLen uint32) bool {
	if len(ps) == 0 {
		return false
	}
	for _, p0 := range ps[0] {
		if title && p0 >= titleLen {
			break
		}
		all := true
		for i := 1; i < len(ps); i++ {
			want := p0 + offs[i] - offs[0]
			if _, ok := slices.BinarySearch(ps[i], want); !ok || title && want >= titleLen {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// keep reports whether a passes the query's filters.
func (m *Matcher) keep(a *feed.Article) bool {
	if m.q.dated {
		d := days(a.Date)
		if d == noDate || m.q.after != noDate && d < m.q.after || m.q.before != noDate && d >= m.q.before {
			return false
		}
	}
	if len(m.q.outlets) > 0 {
		name := foldName(feed.OutletName(a))
		for _, o := range m.q.outlets {
			if outletMatch(name, o) {
				return true
			}
		}
		return false
	}
	return true
}

// Rank orders hits best first by BM25, as the index ranks them: when
// Match measured every article it was offered, a word's rarity and the
// average length are counted over them all, and the scores are the
// index's. Otherwise (see Scan) they are counted over the hits: every
// hit holds every positive word, so each word counts as many articles as
// there are hits. Ties are broken by date and then path.
func (m *Matcher) Rank(hits []Hit) []Result {
	n := float32(max(m.seen, 1))
	df := make([]float32, len(m.pos))
	var avgdl float32
	if m.measured == m.seen && m.measured > 0 && !m.hitsOnly {
		avgdl = float32(m.totalLen) / n
		for i := range df {
			df[i] = float32(min(m.df[i], uint32(m.seen)))
		}
	} else {
		var total uint64
		for _, h := range hits {
			total += uint64(h.length)
		}
		avgdl = float32(total) / float32(max(len(hits), 1))
		for i := range df {
			df[i] = float32(len(hits))
		}
	}
	idf := make([]float32, len(m.pos))
	for i := range idf {
		idf[i] = float32(math.Log(1 + float64((n-df[i]+0.5)/(df[i]+0.5))))
	}
	// The rarest word first, as the index adds them up.
	order := make([]int, len(m.pos))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(df[x], df[y]) })
	// Best first, then newest, then by path: sorted as small keys, which
	// move and compare faster than Results (a third of the time it took
	// to sort 32,000 of them), and whose last tie is the order hits came in.
	type key struct {
		score float64
		sec   int64
		nsec  int32
		hit   int32
	}
	keys := make([]key, len(hits))
	for j, h := range hits {
		norm := float32(k1 * (1 - b + b*float32(h.length)/avgdl))
		var score float32
		for _, i := range order {
			t := h.tf[i]
			score += idf[i] * t * (k1 + 1) / (t + norm)
		}
		d := h.Article.Date
		keys[j] = key{score: float64(score), sec: d.Unix(), nsec: int32(d.Nanosecond()), hit: int32(j)}
	}
	slices.SortFunc(keys, func(x, y key) int {
		return cmp.Or(
			cmp.Compare(y.score, x.score),
			cmp.Compare(y.sec, x.sec),
			cmp.Compare(y.nsec, x.nsec),
			strings.Compare(hits[x.hit].Article.Path, hits[y.hit].Article.Path),
			cmp.Compare(x.hit, y.hit),
		)
	})
	out := make([]Result, len(hits))
	for j, k := range keys {
		out[j] = Result{Article: hits[k.hit].Article, Score: k.score}
	}
	return out
}

// OutletMatches reports whether an outlet's name is the one typed as
// outlet:NAME or --outlet NAME: its words, case and accents aside, or
// the start of its words from any one of them ("lantern" and "the lan"
// both name The Lantern).
func OutletMatches(outlet, typed string) bool {
	o := foldName(typed)
	return o != "" && outletMatch(foldName(outlet), o)
}

// FoldOutlet returns an outlet's name as OutletMatches compares it:
// folded words, one space apart.
func FoldOutlet(name string) string { return foldName(name) }

// outletMatch is OutletMatches on folded names.
func outletMatch(name, o string) bool {
	return name == o || strings.Contains(" "+name+" ", " "+o)
}
