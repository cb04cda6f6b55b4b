package search

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/words"
)

// Matcher tests single articles against a query without an index, for
// a one-shot search that reads each file once: it follows the same
// syntax and rules as Index.Search, except that the last word is never a
// prefix. A Matcher is for one goroutine at a time.
type Matcher struct {
	q     query
	pos   []mword // words every match holds
	neg   []mword // words no match holds
	only  [256]bool
	stems map[string]string // folded word → stem, as met
	t     *tokenizer
	seen  int // articles offered to Match
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
	for c := 0x80; c < 0x100; c++ {
		m.only[c] = true
	}
	return m
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

// Match reports whether article a matches, and what ranking needs.
func (m *Matcher) Match(a *feed.Article) (Hit, bool) {
	m.seen++
	if m.q.empty || !m.keep(a) {
		return Hit{}, false
	}
	tf := make([]float32, len(m.pos))
	flags := make([]uint8, len(m.pos))
	var positions [][]uint32
	for _, c := range m.q.clauses {
		if c.phrase {
			positions = make([][]uint32, len(m.pos)+len(m.neg))
			break
		}
	}
	excluded := false
	pos, leadEnd, titleLen := uint32(0), uint32(0), uint32(0)
	var length uint32
	visit := func(f []byte, inTitleNow bool) {
		p := pos
		pos++
		if f == nil {
			length++ // skipped unfolded: not a stop word we can tell, count it
			return
		}
		if words.IsStop(string(f)) {
			return
		}
		length++
		for i := range m.pos {
			w := &m.pos[i]
			wt := m.weight(w, f)
			if wt == 0 {
				continue
			}
			if w.title && !inTitleNow {
				continue
			}
			tf[i] += wt
			if inTitleNow {
				flags[i] |= inTitle
			} else if p < leadEnd {
				flags[i] |= inLead
			}
			if positions != nil {
				positions[i] = append(positions[i], p)
			}
		}
		for i := range m.neg {
			w := &m.neg[i]
			if m.weight(w, f) == 0 || w.title && !inTitleNow {
				continue
			}
			if m.q.clauses[w.clause].phrase {
				positions[len(m.pos)+i] = append(positions[len(m.pos)+i], p)
			} else {
				excluded = true
			}
		}
	}
	t := m.t
	t.only = &m.only
	defer func() { t.only = nil }()
	t.each(a.Title, func(_, _ int, f []byte) { visit(f, true) })
	titleLen = pos
	pos += titleGap
	lead := uint32(0)
	t.only = nil
	t.each(a.Lead, func(int, int, []byte) { lead++ })
	t.only = &m.only
	leadEnd = pos + lead
	t.each(a.Body, func(_, _ int, f []byte) { visit(f, false) })
	if excluded {
		return Hit{}, false
	}
	for i := range m.pos {
		if tf[i] == 0 {
			return Hit{}, false
		}
		if flags[i]&inTitle != 0 {
			tf[i] += titleBoost
		}
		if flags[i]&inLead != 0 {
			tf[i] += leadBoost
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

// Rank orders hits best first by BM25, counting word rarity over every
// article Match saw, and breaks ties by date and then path.
func (m *Matcher) Rank(hits []Hit) []Result {
	n := float64(max(m.seen, 1))
	idf := make([]float64, len(m.pos))
	var total float64
	for _, h := range hits {
		total += float64(h.length)
	}
	avgdl := total / float64(max(len(hits), 1))
	for i := range m.pos {
		// Only hits are known to hold the word: every hit holds every
		// positive word, so its article count is the number of hits.
		df := float64(len(hits))
		idf[i] = math.Log(1 + (n-df+0.5)/(df+0.5))
	}
	out := make([]Result, len(hits))
	for j, h := range hits {
		score := 0.0
		for i, tf := range h.tf {
			t := float64(tf)
			score += idf[i] * t * (k1 + 1) / (t + k1*(1-b+b*float64(h.length)/avgdl))
		}
		out[j] = Result{Article: h.Article, Score: score}
	}
	slices.SortFunc(out, func(x, y Result) int {
		return cmp.Or(
			cmp.Compare(y.Score, x.Score),
			y.Article.Date.Compare(x.Article.Date),
			cmp.Compare(x.Article.Path, y.Article.Path),
		)
	})
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
