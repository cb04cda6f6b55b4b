package search

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/broadsheet/broadsheet/feed"
)

// A Filter passes over, during a load, the files and articles a search
// cannot match, before they cost extraction. It has the methods of the
// loader's filter (load.Filter), which a Filter can be given as.
type Filter interface {
	// Skip reports whether a file's bytes cannot hold a match.
	Skip(path string, data []byte) bool
	// Recheck is told the articles and problems a cache had for a file,
	// and reports whether the file must be read after all.
	Recheck(arts []*feed.Article, probs []feed.Problem) bool
	// Admit reports whether article a, with this sketch (see Sketch),
	// may match.
	Admit(a *feed.Article, sketch []byte) bool
}

// Scan is a one-shot search: it matches query against the articles of
// one load, as they come, and ranks the matches. load starts the load
// with f as its filter, which is nil when the query gives no way to pass
// anything over, and returns its events. Files passed over are never
// extracted; the ranking is what matching every article would give.
//
// The same text in several files counts once, under the path that sorts
// first, as in a store. Scan returns the ranked results, the load's
// problems sorted by path, and whether the load found anything at all:
// an article, or a file or article passed over.
func Scan(query string, load func(f Filter) <-chan feed.Event) (results []Result, probs []feed.Problem, found bool) {
	s := newScanFilter(query)
	var f Filter
	if s != nil {
		f = s
	}
	m := NewMatcher(query)
	// Files passed over unread have no lengths or words to count: a
	// search that may pass some over ranks by its hits alone, whatever
	// was passed over this time.
	m.hitsOnly = s != nil
	var (
		hits []Hit
		byID = make(map[string]int) // article ID → index in hits, or -1
	)
	for ev := range load(f) {
		probs = append(probs, ev.Problems...)
		for _, a := range ev.Articles {
			// The same text in several files counts once, under the
			// path that sorts first, as in the store.
			if i, ok := byID[a.ID]; ok {
				if i >= 0 && a.Path < hits[i].Article.Path {
					hits[i].Article = a
				}
				continue
			}
			byID[a.ID] = -1
			if r, known := s.matched(a); known {
				m.Seen(1) // as Match counts every article it tests
				if r.ok {
					byID[a.ID] = len(hits)
					hits = append(hits, r.hit)
				}
				continue
			}
			if h, ok := m.Match(a); ok {
				byID[a.ID] = len(hits)
				hits = append(hits, h)
			}
		}
	}
	slices.SortStableFunc(probs, func(a, b feed.Problem) int { return strings.Compare(a.Path, b.Path) })
	passed := s.passedOver()
	if len(byID) == 0 && passed == 0 {
		return nil, probs, false
	}
	m.Seen(passed)
	return m.Rank(hits), probs, true
}

// scanFilter is Scan's Filter: the prefilter on file bytes, the sketch
// test on cached articles, and the matching of cached articles, done as
// they are looked up, on every core, rather than one at a time by Scan.
type scanFilter struct {
	may      func(data []byte) bool       // Prefilter
	mayMatch func(a *feed.Article) bool   // TextPrefilter
	admit    func(sketch []byte) bool     // SketchFilter, or nil
	matchers sync.Pool                    // *Matcher
	skipped  atomic.Int64                 // files passed over
	passed   atomic.Int64                 // cached articles ruled out by sketch
	mu       sync.Mutex                   // guards done
	done     map[*feed.Article]scanResult // what Match made of cached articles
}

// scanResult is what Match made of an article: a Hit, or ok false for no
// match.
type scanResult struct {
	hit Hit
	ok  bool
}

// newScanFilter returns the filter for query, or nil when its prefilter
// would pass nothing over.
func newScanFilter(query string) *scanFilter {
	may := Prefilter(query)
	if may == nil {
		return nil
	}
	s := &scanFilter{
		may:      may,
		mayMatch: TextPrefilter(query),
		admit:    SketchFilter(query),
		done:     make(map[*feed.Article]scanResult),
	}
	s.matchers.New = func() any {
		m := NewMatcher(query)
		m.hitsOnly = true
		return m
	}
	return s
}

// Skip passes over a file whose bytes the prefilter rules out.
func (s *scanFilter) Skip(_ string, data []byte) bool {
	if s.may(data) {
		return false
	}
	s.skipped.Add(1)
	return true
}

// Recheck matches the articles a cache had for a file, which is not
// read, so the prefilter never sees it. A file with problems is read
// after all, since they are printed only for files not passed over.
// Articles are matched as they are: the prefilter never passes over a
// file whose article matches, so reading it could only count the file
// as passed over, and ranking does not depend on how many were: a word's
// rarity is counted over the same articles for every query word, so it
// scales every score alike.
func (s *scanFilter) Recheck(arts []*feed.Article, probs []feed.Problem) bool {
	results := make([]scanResult, len(arts))
	todo := make([]bool, len(arts))
	s.mu.Lock()
	for i, a := range arts {
		_, matched := s.done[a] // by Admit
		todo[i] = !matched
	}
	s.mu.Unlock()
	for i, a := range arts {
		if todo[i] {
			results[i] = s.match(a, 0, false)
		}
	}
	s.mu.Lock()
	for i, a := range arts {
		if todo[i] {
			s.done[a] = results[i]
		}
	}
	s.mu.Unlock()
	return len(probs) > 0
}

// match matches a cached article, whose length is known when counted
// is set.
func (s *scanFilter) match(a *feed.Article, length uint32, counted bool) (r scanResult) {
	// Whether a cached article may match is the prefilter's test on its
	// headline and text: far cheaper than matching all its words, but
	// not than matching with the length known, which reads only the
	// words that may be the query's (see Matcher.matchCounted).
	if !counted && !s.mayMatch(a) {
		return r
	}
	m := s.matchers.Get().(*Matcher)
	if counted {
		r.hit, r.ok = m.matchCounted(a, length)
	} else {
		r.hit, r.ok = m.Match(a)
	}
	s.matchers.Put(m)
	return r
}

// Admit rules out, cheaper still, a cached article by its sketch; one it
// lets through is matched now, when the sketch gives its length, so
// that its words need not be told from stop words (see Recheck).
func (s *scanFilter) Admit(a *feed.Article, sketch []byte) bool {
	if s.admit != nil && !s.admit(sketch) {
		s.passed.Add(1)
		return false
	}
	if _, length, ok := sketchParts(sketch); ok {
		r := s.match(a, length, true)
		s.mu.Lock()
		s.done[a] = r
		s.mu.Unlock()
	}
	return true
}

// RulesOut rules out, by its sketch alone, an article Admit would rule
// out, before a cache has made it (see load.SketchFilter).
func (s *scanFilter) RulesOut(sketch []byte) bool {
	if s.admit == nil || s.admit(sketch) {
		return false
	}
	s.passed.Add(1)
	return true
}

// matched returns what Recheck made of a, if it saw it.
func (s *scanFilter) matched(a *feed.Article) (scanResult, bool) {
	if s == nil {
		return scanResult{}, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.done[a]
	return r, ok
}

// passedOver returns how many files and cached articles were passed
// over unread.
func (s *scanFilter) passedOver() int {
	if s == nil {
		return 0
	}
	return int(s.skipped.Load() + s.passed.Load())
}
