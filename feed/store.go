package feed

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Store holds the loaded articles in memory, newest first, and the
// problems met while loading them. It is safe for concurrent use.
type Store struct {
	mu       sync.RWMutex
	articles []*Article // sorted by Less
	byID     map[string]*Article
	problems []Problem
}

// OutletCount is an outlet and how many articles it has in a store.
type OutletCount struct {
	Name  string
	Count int
	// Sources says where its articles' outlet was read from: the
	// OutletFrom values met, most trusted first, joined by ", ".
	Sources string
}

// outletSources lists the OutletFrom values in order of trust.
var outletSources = []string{OutletFromMetadata, OutletFromSidecar, OutletFromURL, OutletFromSignature, OutletFromFolder}

// UnknownOutlet is how an article with no outlet is listed.
const UnknownOutlet = "Unknown outlet"

// NewStore returns an empty store.
func NewStore() *Store {
	return &Store{byID: make(map[string]*Article)}
}

// Less orders articles newest first; undated ones go last, and ties are
// broken by title and then path so the order never depends on load order.
func Less(a, b *Article) bool { return compareArticles(a, b) < 0 }

func compareArticles(a, b *Article) int {
	if c := b.Date.Compare(a.Date); c != 0 {
		return c // zero dates compare earliest, so they sort last
	}
	if c := compareLower(a.Title, b.Title); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Path, b.Path); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// compareLower compares strings.ToLower(a) with strings.ToLower(b)
// without making either: sorting a load compares titles hundreds of
// thousands of times. UTF-8 orders as the code points it encodes, so
// comparing lower-cased runes orders as comparing the lower-cased bytes.
func compareLower(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		ca, cb := a[i], b[j]
		if ca < utf8.RuneSelf && cb < utf8.RuneSelf {
			if 'A' <= ca && ca <= 'Z' {
				ca += 'a' - 'A'
			}
			if 'A' <= cb && cb <= 'Z' {
				cb += 'a' - 'A'
			}
			if ca != cb {
				return cmp.Compare(ca, cb)
			}
			i++
			j++
			continue
		}
		// strings.ToLower turns each byte of invalid UTF-8 into U+FFFD,
		// which is what decoding it gives.
		ra, na := utf8.DecodeRuneInString(a[i:])
		rb, nb := utf8.DecodeRuneInString(b[j:])
		if ra, rb = unicode.ToLower(ra), unicode.ToLower(rb); ra != rb {
			return cmp.Compare(ra, rb)
		}
		i += na
		j += nb
	}
	return cmp.Compare(len(a)-i, len(b)-j)
}

// Add puts articles into the store and reports which were new. An
// article whose ID is already stored (the same text in another file)
// is kept once, under the path that sorts first. Adding a batch costs one
// merge of the sorted list, so loading in batches stays fast at any size.
func (s *Store) Add(arts ...*Article) []*Article {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.byID) == 0 && len(arts) > smallBatch {
		s.byID = make(map[string]*Article, len(arts)) // one map, not one grown
	}
	added := make([]*Article, 0, len(arts))
	for _, a := range arts {
		if old, ok := s.byID[a.ID]; ok {
			if a.Path >= old.Path {
				continue
			}
			s.removeLocked(old)
			added = slices.DeleteFunc(added, func(b *Article) bool { return b == old })
		}
		s.byID[a.ID] = a
		added = append(added, a)
	}
	if len(added) == 0 {
		return nil
	}
	if len(added) <= smallBatch {
		// A merge walks the whole store; a few articles, as a load
		// reports them one file at a time, are cheaper put in place.
		for _, a := range added {
			i, _ := slices.BinarySearchFunc(s.articles, a, compareArticles)
			s.articles = slices.Insert(s.articles, i, a)
		}
		return added
	}
	batch := slices.Clone(added)
	slices.SortFunc(batch, compareArticles)
	s.articles = mergeSorted(s.articles, batch)
	return added
}

// smallBatch is the most articles Add puts in place one by one rather
// than merging.
const smallBatch = 16

// mergeSorted merges two slices sorted by compareArticles.
func mergeSorted(a, b []*Article) []*Article {
	if len(a) == 0 {
		return b
	}
	out := make([]*Article, 0, len(a)+len(b))
	if len(b) < len(a)/16 {
		// A batch small beside the store: each of its articles finds
		// its place by binary search, and the store's articles between
		// are copied without a comparison. Comparing reads both
		// articles, and their titles on a date they share, so a load
		// of many batches costs the comparisons of the batches rather
		// than of the whole store each time.
		i := 0
		for _, x := range b {
			k, _ := slices.BinarySearchFunc(a[i:], x, func(e, t *Article) int {
				if compareArticles(e, t) <= 0 {
					return -1 // equal ones of a first, as below
				}
				return 1
			})
			out = append(out, a[i:i+k]...)
			out = append(out, x)
			i += k
		}
		return append(out, a[i:]...)
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if compareArticles(b[j], a[i]) < 0 {
			out = append(out, b[j])
			j++
		} else {
			out = append(out, a[i])
			i++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// Remove takes the articles read from the files at paths out of the
// store and returns them; the problems met reading those files go too,
// as reading them again reports its own. It walks the store once,
// however many paths.
func (s *Store) Remove(paths ...string) []*Article {
	if len(paths) == 0 {
		return nil
	}
	gone := make(map[string]bool, len(paths))
	for _, p := range paths {
		gone[p] = true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*Article
	s.articles = slices.DeleteFunc(s.articles, func(a *Article) bool {
		if !gone[a.Path] {
			return false
		}
		out = append(out, a)
		delete(s.byID, a.ID)
		return true
	})
	s.problems = slices.DeleteFunc(s.problems, func(p Problem) bool { return gone[p.Path] })
	return out
}

// ProblemCount returns the number of problems.
func (s *Store) ProblemCount() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.problems)
}

func (s *Store) removeLocked(a *Article) {
	delete(s.byID, a.ID)
	if i, ok := slices.BinarySearchFunc(s.articles, a, compareArticles); ok {
		s.articles = slices.Delete(s.articles, i, i+1)
	}
}

// AddProblems records files that could not be read as articles.
func (s *Store) AddProblems(ps ...Problem) {
	s.mu.Lock()
	s.problems = append(s.problems, ps...)
	s.mu.Unlock()
}

// Len returns the number of articles.
func (s *Store) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.articles)
}

// Articles returns the articles newest first. The slice is the caller's.
func (s *Store) Articles() []*Article {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return slices.Clone(s.articles)
}

// ByOutlet returns the articles of one outlet, newest first. The name is
// matched as SameOutlet matches names (without regard to case, or by
// initials); UnknownOutlet matches articles with no outlet.
func (s *Store) ByOutlet(name string) []*Article {
	s.mu.RLock()
	defer s.mu.RUnlock()
	// Articles share a few dozen outlet names: compare each distinct
	// name once.
	name = strings.TrimSpace(name)
	same := make(map[string]bool)
	var out []*Article
	for _, a := range s.articles {
		o := OutletName(a)
		ok, seen := same[o]
		if !seen {
			ok = SameOutlet(o, name)
			same[o] = ok
		}
		if ok {
			out = append(out, a)
		}
	}
	return out
}

// Get returns the article with the given ID.
func (s *Store) Get(id string) (*Article, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	a, ok := s.byID[id]
	return a, ok
}

// Outlets returns each outlet with its article count, most articles
// first and then by name.
func (s *Store) Outlets() []OutletCount {
	s.mu.RLock()
	counts := make(map[string]int)
	sources := make(map[string]map[string]bool)
	for _, a := range s.articles {
		name := OutletName(a)
		counts[name]++
		if a.OutletSource != "" {
			if sources[name] == nil {
				sources[name] = make(map[string]bool)
			}
			sources[name][a.OutletSource] = true
		}
	}
	s.mu.RUnlock()
	foldNames(counts, sources)
	foldInitials(counts, sources)
	out := make([]OutletCount, 0, len(counts))
	for name, n := range counts {
		var from []string
		for _, src := range outletSources {
			if sources[name][src] {
				from = append(from, src)
			}
		}
		out = append(out, OutletCount{Name: name, Count: n, Sources: strings.Join(from, ", ")})
	}
	slices.SortFunc(out, func(a, b OutletCount) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
	return out
}

// foldNames counts the names of one outlet that differ in case, in a
// leading "The" or as a bare domain (see outletKey) under one of them:
// a name before a domain, then the name of more articles, then the
// longer. One outlet, one name.
func foldNames(counts map[string]int, sources map[string]map[string]bool) {
	groups := make(map[string][]string)
	for name := range counts {
		if k := outletKey(name); k != "" && name != UnknownOutlet {
			groups[k] = append(groups[k], name)
		}
	}
	for _, names := range groups {
		if len(names) < 2 {
			continue
		}
		slices.SortFunc(names, func(a, b string) int {
			if da, db := isBareDomain(a), isBareDomain(b); da != db {
				if da {
					return 1
				}
				return -1
			}
			if c := cmp.Compare(counts[b], counts[a]); c != 0 {
				return c
			}
			if c := cmp.Compare(len(b), len(a)); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
		for _, other := range names[1:] {
			mergeOutlet(counts, sources, names[0], other)
		}
	}
}

// foldInitials counts an outlet named by its initials ("WSJ") under its
// full name ("The Wall Street Journal") when exactly one name in counts
// spells them: one outlet, one name.
func foldInitials(counts map[string]int, sources map[string]map[string]bool) {
	for short := range counts {
		var full string
		matches := 0
		for name := range counts {
			if name != short && initialsOf(short, name) {
				full = name
				matches++
			}
		}
		if matches != 1 {
			continue
		}
		mergeOutlet(counts, sources, full, short)
	}
}

// mergeOutlet counts the outlet name from under into, with its sources.
func mergeOutlet(counts map[string]int, sources map[string]map[string]bool, into, from string) {
	counts[into] += counts[from]
	delete(counts, from)
	for src := range sources[from] {
		if sources[into] == nil {
			sources[into] = make(map[string]bool)
		}
		sources[into][src] = true
	}
	delete(sources, from)
}

// Problems returns the problems met so far, ordered by path so that the
// order never depends on which file was read first.
func (s *Store) Problems() []Problem {
	s.mu.RLock()
	ps := slices.Clone(s.problems)
	s.mu.RUnlock()
	slices.SortStableFunc(ps, func(a, b Problem) int { return cmp.Compare(a.Path, b.Path) })
	return ps
}

// OutletName returns the article's outlet, or UnknownOutlet.
func OutletName(a *Article) string {
	if a.Outlet == "" {
		return UnknownOutlet
	}
	return a.Outlet
}

// SameOutlet reports whether two outlet names name one outlet: the same
// name in any case, with or without "The" ("the Lantern" and "Lantern"),
// a name and its bare domain ("Quay Herald" and quayherald.example,
// "QBN" and qbn.example), or a name and its initials ("WSJ" and "The
// Wall Street Journal", "A.P." and "Associated Press").
func SameOutlet(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if strings.EqualFold(a, b) || initialsOf(a, b) || initialsOf(b, a) {
		return true
	}
	return sameKey(a, b)
}

// outletKey is what SameOutlet compares of a name beside its initials:
// its letters and digits in lower case without a leading "the", or for
// a bare domain its name part ("quayherald" for www.quayherald.example,
// "harbour" for theharbour.example).
func outletKey(name string) string {
	var b []byte
	s := keyPart(name)
	for r, i := nextKeyRune(s, 0); r >= 0; r, i = nextKeyRune(s, i) {
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

// sameKey reports whether two names have one outletKey, not empty,
// without making either: the filter asks this of every article it
// shows, and most names differ in their first letters.
func sameKey(a, b string) bool {
	a, b = keyPart(a), keyPart(b)
	ra, i := nextKeyRune(a, 0)
	if ra < 0 {
		return false
	}
	rb, j := nextKeyRune(b, 0)
	for ra == rb {
		if ra < 0 {
			return true
		}
		ra, i = nextKeyRune(a, i)
		rb, j = nextKeyRune(b, j)
	}
	return false
}

// keyPart is the part of a name its outletKey reads: for a bare domain
// its name part, else the name without a leading "the ".
func keyPart(name string) string {
	s := strings.TrimSpace(name)
	if !isBareDomain(s) {
		return trimPrefixFold(s, "the ")
	}
	s = trimPrefixFold(s, "www.")
	s = s[:strings.IndexByte(s, '.')]
	if len(s) >= 6 && strings.EqualFold(s[:3], "the") {
		s = s[3:]
	}
	return s
}

// nextKeyRune returns the next letter or digit of s from byte i, in
// lower case, and the byte after it; -1 at the end.
func nextKeyRune(s string, i int) (rune, int) {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r), i
		}
	}
	return -1, i
}

// trimPrefixFold returns s without prefix, an ASCII word in lower case,
// written in any case.
func trimPrefixFold(s, prefix string) string {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):]
	}
	return s
}

// isBareDomain reports whether a name is a domain alone
// ("quayherald.example", "www.QBN.co.uk"): no space, labels of two or
// more letters, digits and hyphens, the last of letters only.
func isBareDomain(s string) bool {
	s = trimPrefixFold(s, "www.")
	labels, n, letters := 0, 0, true
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '.' {
			if n < 2 {
				return false
			}
			labels++
			if i < len(s) {
				n, letters = 0, true
			}
			continue
		}
		switch c := s[i]; {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case c >= '0' && c <= '9' || c == '-':
			letters = false
		default:
			return false
		}
		n++
	}
	return labels >= 2 && letters
}

// initialsOf reports whether short is written in capitals, two to six
// letters (dots between them allowed), and spells the initials of name's
// words, leaving out "The", "of", "and" and "&" ("WSJ" of "The Wall
// Street Journal", "NYT" of "The New York Times").
func initialsOf(short, name string) bool {
	letters := strings.ReplaceAll(short, ".", "")
	if len(letters) < 2 || len(letters) > 6 {
		return false
	}
	for _, r := range letters {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	var initials []byte
	for _, w := range strings.Fields(name) {
		switch strings.ToLower(w) {
		case "the", "of", "and", "&":
			continue
		}
		c := w[0]
		if c < 'A' || c > 'Z' {
			return false
		}
		initials = append(initials, c)
	}
	return len(initials) >= 2 && string(initials) == letters
}
