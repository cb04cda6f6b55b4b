// Package story groups articles about the same event, from any number of
// outlets, into stories, and finds what each article alone reports.
//
// Articles are compared by their text: title, lead and the opening of
// the body, folded and stemmed, each term weighted by where it stands
// (headline over lead over body) and what it is (names, words written
// capitalised mid-sentence, count double; word pairs count; words every
// news story uses count little). Likeness is the geometric mean of the
// cosine of the whole vectors and of the vectors without names, so that
// two events in one town with one mayor are not one story for sharing
// names. Dated articles a day apart are fully comparable; further apart
// their likeness eases to nothing at the window's edge (four days). An
// undated article may be about an event of any year, so it must bring
// stronger evidence: see undatedLikeness and yearsShared.
//
// Articles are not all compared with each other: that is quadratic, and
// at a hundred thousand articles it never ends. Two articles are
// compared when they share one of their strongest terms on days where
// few articles use it (a term that many articles of one day share says
// little about which event each reports), or when they are near-copies
// of one another, in which case a crowd of copies is compared only with
// its first few members (see index.go).
//
// Stories are the clusters of group-average (UPGMA) agglomerative
// clustering, cut at a threshold, over the likeness of the compared
// pairs; pairs never compared count as not alike, and near-copies start
// out as one cluster. Clusters of one linked group that tell of one
// event as a whole (their centroids alike, in names too, and close
// enough in time) are then joined (see joinStories); two dated articles
// strongly alike but days apart bind their stories into one linked
// group for that, though they do not link (see likeness). The grouping is a function of the set of articles
// alone: term weights are fixed rather than learnt from the corpus (no
// IDF), every tie is broken by article ID, whether two articles are
// compared depends only on the two and on how crowded their own days'
// terms are, and adding or removing articles compares afresh only the
// articles whose comparisons changed and re-clusters only the groups of
// articles linked to them. So adding articles one at a time, in any
// order, gives exactly the stories a batch build gives (IDs aside: a
// story keeps the ID it was first given, see regroup), as long as the
// linked groups are of at most exactGroup articles. Links chain, and in
// a large library one group may hold most articles: a change there
// re-clusters only the stories around it, so that adding an article
// costs about the same at any size, and the stories may then differ from
// a batch build's where a change would have rippled further.
package story

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/broadsheet/broadsheet/feed"
)

// Defaults for Options.
const (
	DefaultWindow    = 4 * 24 * time.Hour
	DefaultThreshold = 0.11
)

// Options tune the grouping. The zero value means the defaults.
type Options struct {
	// Window is how far apart two dated articles may be and still be
	// about one event.
	Window time.Duration
	// Threshold is the least average likeness at which two groups of
	// articles are one story, between 0 and 1. It was chosen on the
	// bundled samples, the look-alike tests and the seed articles: the
	// samples group exactly from 0.10 to 0.12.
	Threshold float64
}

// Story is a group of articles about one event. Stories a Set returns
// are shared: read them, do not change them.
type Story struct {
	// ID identifies the story. It is derived from the story's earliest
	// article when the story first forms, and the story keeps it, within
	// one Set, as articles join it (earlier ones too) or leave it; when
	// a story splits, the part holding most of its articles keeps it.
	ID string
	// Title is the headline of the article most like the others in the
	// story (the one nearest its centre), which is neither a live blog's
	// sprawl nor one outlet's angle. Real headlines are preferred to
	// ones made from the lead.
	Title string
	// Date is the newest article's date; zero when none is dated.
	Date time.Time
	// Outlets are the outlets that ran the story, by name.
	Outlets []string
	// Articles are the story's articles, newest first.
	Articles []*feed.Article

	// only holds, by article ID, what Only returns, found the first
	// time it is asked for: reading every sentence of every story
	// costs more than grouping them, and a reader looks at few.
	onlyOnce sync.Once
	only     map[string][]string
}

// Only returns the sentences of the article with the given ID that no
// other article in the story has, in the article's order. Sentences that
// another outlet printed nearly the same count as shared. It returns nil
// for a story of one article and for an article not in the story.
//
// The sentences of all the story's articles are read the first time
// Only is called, for any article, and kept with the story: that first
// call costs about a tenth of a millisecond an article (0.15 s of CPU
// for a story of 2,000 near-copies), so a caller that must not wait can
// make it in the background. Only is safe for concurrent use.
func (s *Story) Only(articleID string) []string {
	s.onlyOnce.Do(func() {
		if len(s.Articles) > 1 {
			s.only = only(s.Articles)
		}
	})
	return s.only[articleID]
}

// Set keeps articles grouped into stories as they come and go. It is safe
// for concurrent use.
type Set struct {
	opt Options

	mu    sync.Mutex
	docs  map[string]*doc // by article ID
	index *index
	// story maps an article ID to its story's key: the ID of the
	// story's first article in cluster order.
	story   map[string]string
	members map[string][]*doc // by story key
	cache   map[string]*Story // built stories by key, dropped when they change
	// ids holds each story's ID by key, and keys each ID's key: an ID
	// outlives the members it was first derived from (see regroup).
	ids  map[string]string
	keys map[string]string

	// serial is the number of articles ever added: each has its own,
	// by which seen marks the articles a search met.
	serial int32
	seen   []*seen // one for each worker comparing articles
	// changes counts the articles added and taken out (see Changes).
	changes uint64
	// exact is exactGroup, but in tests; clustered counts the articles
	// the last regroup re-clustered.
	exact     int
	clustered int
}

// doc is one article as the Set knows it.
type doc struct {
	art *feed.Article
	vec vector
	// near holds the compared articles at least weakly alike (a
	// quarter of Threshold), with their likeness; those at least
	// Threshold alike link. Each pair is in both articles' near.
	near []like
	// keys are the article's strongest terms, sorted; copyKeys name
	// twos of its very strongest, which near-copies share; day is its
	// date's day.
	keys     []uint64
	copyKeys []uint64
	day      int32
	// sec and nsec are its date's time, or undatedSec.
	sec  int64
	nsec int32
	// years are the years the article names in the text it is compared
	// by, and its date's year, sorted.
	years []int16
	// comment marks an article that reads as commentary, not a report
	// (see commentShare).
	comment bool
	// id is the first eight bytes of the article's ID, by which most
	// articles are put in ID order without reading the ID (see byID).
	id uint64
	// serial numbers the article in its Set (see seen); fresh marks it
	// while it is being compared afresh: its place in ID order among the
	// articles being compared, from 1 (0 when it is not).
	serial int32
	fresh  int32
}

// New returns an empty Set.
func New(opt Options) *Set {
	if opt.Window <= 0 {
		opt.Window = DefaultWindow
	}
	if opt.Threshold <= 0 {
		opt.Threshold = DefaultThreshold
	}
	return &Set{
		opt:     opt,
		docs:    make(map[string]*doc),
		index:   newIndex(opt.Window),
		story:   make(map[string]string),
		members: make(map[string][]*doc),
		cache:   make(map[string]*Story),
		ids:     make(map[string]string),
		keys:    make(map[string]string),
		exact:   exactGroup,
	}
}

// Add puts articles into stories, joining them to the stories they
// belong to and regrouping only those. An article already in the set (by
// ID) is replaced by the new copy.
func (s *Set) Add(arts ...*feed.Article) {
	fresh := make([]*doc, 0, len(arts))
	seen := make(map[string]bool, len(arts))
	s.mu.Lock()
	for _, a := range arts {
		if a == nil || seen[a.ID] {
			continue
		}
		seen[a.ID] = true
		if _, ok := s.docs[a.ID]; !ok {
			fresh = append(fresh, &doc{art: a})
		}
	}
	s.mu.Unlock()
	// Reading articles is most of the work and needs no lock.
	vectorize(fresh)
	s.file(arts, fresh)
}

// file puts articles read by vectorize into stories: the new ones, fresh,
// and the others of arts, which replace the copies the set holds.
func (s *Set) file(arts []*feed.Article, fresh []*doc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range arts {
		if old, ok := s.docs[a.ID]; ok && a != nil {
			old.art = a
			delete(s.cache, s.story[a.ID])
		}
	}
	changed := make(map[*doc]bool)
	// Filed in ID order, most articles go last in their buckets; what
	// is filed, and marked changed, is the same in any order.
	slices.SortFunc(fresh, byID)
	for _, d := range fresh {
		if _, ok := s.docs[d.art.ID]; ok {
			continue // added meanwhile
		}
		s.docs[d.art.ID] = d
		d.serial = s.serial
		s.serial++
		s.changes++
		s.index.insert(d, changed)
		changed[d] = true
	}
	dirty := make(map[*doc]bool)
	s.relink(changed, dirty)
	s.regroup(dirty, nil)
}

// vectorize reads the articles' vectors and keys, several at a time.
func vectorize(ds []*doc) {
	// Read a day at a time, so that each worker's vectors lie in memory
	// by day, as relink reads them (see relink).
	order := make([]int32, len(ds))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(i, j int32) int {
		return cmp.Compare(dayOf(ds[i].art.Date), dayOf(ds[j].art.Date))
	})
	workers := min(runtime.GOMAXPROCS(0), len(ds)/64+1)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			var c counter
			for k := w; k < len(ds); k += workers {
				d := ds[order[k]]
				d.id = idPrefix(d.art.ID)
				c.count(d.art)
				d.years = c.years()
				d.vec, d.keys, d.copyKeys = c.weigh()
				d.day = dayOf(d.art.Date)
				d.comment = commentary(d.art)
				d.sec, d.nsec = undatedSec, 0
				if !d.art.Date.IsZero() {
					d.sec, d.nsec = d.art.Date.Unix(), int32(d.art.Date.Nanosecond())
					if y := d.art.Date.Year(); y >= 1900 && y < 2100 && !slices.Contains(d.years, int16(y)) {
						d.years = append(d.years, int16(y))
						slices.Sort(d.years)
					}
				}
			}
		})
	}
	wg.Wait()
}

// like is another article and how alike it is to one. A pair that does
// not link but whose stories are to be weighed for joining (see
// likeness) holds its likeness negated.
type like struct {
	o *doc
	v float64
}

// links reports whether the pair links at threshold or its stories are
// to be weighed for joining: whether it binds a linked group.
func (l like) links(threshold float64) bool { return l.v >= threshold || l.v < 0 }

// unlink takes o out of d's near.
func (d *doc) unlink(o *doc) {
	for i, l := range d.near {
		if l.o == o {
			last := len(d.near) - 1
			d.near[i] = d.near[last]
			d.near[last] = like{}
			d.near = d.near[:last]
			return
		}
	}
}

// relink compares the changed articles afresh with their candidates,
// marking every article whose links changed dirty.
func (s *Set) relink(changed, dirty map[*doc]bool) {
	ds := make([]*doc, 0, len(changed))
	for d := range changed {
		ds = append(ds, d)
	}
	slices.SortFunc(ds, byID)
	// Comparing only reads the articles and the index: compare several
	// at a time, then link.
	found := make([][]like, len(ds))
	floor := s.opt.Threshold * weakShare
	for i, d := range ds {
		d.fresh = int32(i) + 1
	}
	// They are compared a day at a time: articles of nearby days are
	// one another's candidates, so the vectors and buckets one
	// comparison reads are still in the cache for the next. Which of
	// two compares them, and the order of what each finds, are the
	// same in any order.
	order := make([]int32, len(ds))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(i, j int32) int { return cmp.Compare(ds[i].day, ds[j].day) })
	workers := min(runtime.GOMAXPROCS(0), len(ds)/16+1)
	for len(s.seen) < workers {
		s.seen = append(s.seen, &seen{})
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			seen := s.seen[w]
			seen.grow(s.serial)
			var ta termIndex
			for k := w; k < len(ds); k += workers {
				i := order[k]
				d := ds[i]
				ta.load(d.vec)
				s.index.candidates(d, seen, func(o *doc) {
					// Likeness is symmetric: of two changed articles,
					// the first by ID compares them.
					if o.fresh != 0 && o.fresh < d.fresh {
						return
					}
					if v := s.likeness(d, o, &ta); v >= floor || v < 0 {
						found[i] = append(found[i], like{o, v})
					}
				})
			}
		})
	}
	wg.Wait()
	for _, d := range ds {
		d.fresh = 0
	}
	for _, d := range ds {
		for _, l := range d.near {
			l.o.unlink(d)
			dirty[l.o] = true
		}
		d.near = nil
		dirty[d] = true
	}
	for i, d := range ds {
		for _, l := range found[i] {
			d.near = append(d.near, l)
			l.o.near = append(l.o.near, like{d, l.v})
			dirty[l.o] = true
		}
	}
}

// Remove takes articles out by ID and regroups the stories they were in.
func (s *Set) Remove(ids ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	dirty := make(map[*doc]bool)
	changed := make(map[*doc]bool)
	prev := make(map[*doc]string)
	for _, id := range ids {
		d, ok := s.docs[id]
		if !ok {
			continue
		}
		delete(s.docs, id)
		s.changes++
		s.index.remove(d, changed)
		for _, l := range d.near {
			l.o.unlink(d)
			dirty[l.o] = true
		}
		key := s.story[id]
		delete(s.story, id)
		for _, m := range s.members[key] {
			if m != d {
				dirty[m] = true
				prev[m] = s.ids[key]
			}
		}
		s.dropStory(key)
	}
	for d := range changed {
		if s.docs[d.art.ID] != d {
			delete(changed, d)
		}
	}
	for d := range dirty {
		if s.docs[d.art.ID] != d {
			delete(dirty, d)
		}
	}
	s.relink(changed, dirty)
	s.regroup(dirty, prev)
}

// apart returns how far apart in time two articles are, and whether
// they are close enough to be about one event; undated articles are
// close to every other.
func (s *Set) apart(a, b *doc) (time.Duration, bool) {
	if a.sec == undatedSec || b.sec == undatedSec {
		return 0, true
	}
	// Seconds first: the difference in nanoseconds of dates centuries
	// apart does not fit a Duration.
	sec := a.sec - b.sec
	if limit := int64(s.opt.Window/time.Second) + 1; sec > limit || sec < -limit {
		return 0, false
	}
	d := time.Duration(sec)*time.Second + time.Duration(a.nsec-b.nsec)
	return d.Abs(), d <= s.opt.Window && d >= -s.opt.Window
}

// undatedSec marks an undated article's time.
const undatedSec = math.MinInt64

// sim returns the similarity of two articles: their cosine within the
// window, nothing outside it.
func (s *Set) sim(a, b *doc) float64 { return s.simWith(a, b, nil) }

// simWith is sim, reading a's terms from ta when it is not nil (see
// termIndex): comparing one article with many, that is quicker.
func (s *Set) simWith(a, b *doc, ta *termIndex) float64 {
	d, ok := s.apart(a, b)
	if !ok {
		return 0
	}
	var all, words float64
	if ta != nil {
		all, words = ta.dot(b.vec)
	} else {
		all, words = a.vec.dot(b.vec)
	}
	if a.sec == undatedSec || b.sec == undatedSec {
		ys := yearsShared(a.years, b.years)
		if ys < 0 {
			return 0
		}
		if ys == 0 && (a.sec == undatedSec) != (b.sec == undatedSec) {
			// Nothing places the undated one in the dated one's time.
			return undatedLikeness(all, words) * unplacedShare
		}
		return undatedLikeness(all, words)
	}
	return alikeBy(all, words) * s.nearness(d)
}

// yearsShared returns 1 when two articles name a year in common, -1
// when both name years but none in common (they tell of different
// times, whatever their words share), and 0 when either names none.
func yearsShared(a, b []int16) int {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	for _, y := range a {
		if _, ok := slices.BinarySearch(b, y); ok {
			return 1
		}
	}
	return -1
}

// undatedLikeness returns the likeness of two articles one or both of
// which have no date. With no date to place it, an article may tell of
// an event of another year in the same words (another storm, another
// recall, another arrest): it must bring more evidence to join, not
// less. So the likeness is the cosine of the whole vectors, where the
// names, numbers and places the two share count double, rather than
// leaning on the subject's words; and below undatedLike it counts for
// undatedShare of itself, so that it must be about twice as alike as
// a dated pair to link. Near-copies keep their likeness.
// Its arguments are the two articles' cosines (see vector.dot).
func undatedLikeness(all, words float64) float64 {
	if all <= 0 || words <= 0 {
		return 0
	}
	if all >= undatedLike {
		return all
	}
	return all * undatedShare
}

// nearness weighs likeness by how far apart in time two articles are: 1
// for a day or less (one news cycle) or undated, easing to nothing at
// the window's edge. Follow-ups a few days on often tell of a new event
// in the same names and words.
func (s *Set) nearness(d time.Duration) float64 {
	cycle := 24 * time.Hour
	if d <= cycle {
		return 1
	}
	if s.opt.Window <= cycle {
		return 0
	}
	c := math.Cos(math.Pi / 2 * float64(d-cycle) / float64(s.opt.Window-cycle))
	return c * c
}

// namesShare is how much of two articles' likeness comes from their
// vectors as a whole, names included; the rest comes from their other
// words alone. Articles about different events in one place share
// names, so likeness in names alone must not be enough.
var namesShare = 0.55

// See undatedLikeness.
const (
	undatedLike  = copyLike
	undatedShare = 0.5
	// unplacedShare is how much more an undated article must bring to
	// join a dated one when neither names a year (nothing places the
	// undated one in the other's time: an older event in the same words
	// reads just as close): its likeness counts for this share of
	// itself, near-copies' too, which still join (0.6 × 0.6 is three
	// times Threshold).
	unplacedShare = 0.6
)

// alike returns how alike two articles' texts are, between 0 and 1: a
// weighted geometric mean of the cosine of their whole vectors and of
// their vectors without names.
func alike(a, b *doc) float64 { return alikeBy(a.vec.dot(b.vec)) }

// alikeBy is alike from the two articles' cosines.
func alikeBy(all, words float64) float64 {
	if all <= 0 || words <= 0 {
		return 0
	}
	return math.Pow(all, namesShare) * math.Pow(words, 1-namesShare)
}

// regroup re-clusters the linked groups holding the dirty articles.
// Group-average clusters never straddle two such groups: merging needs
// an average of at least Threshold, so at least one pair that alike.
// prev holds the story IDs of articles whose stories were dropped
// before the call.
//
// A story keeps its ID as articles join or leave it, earlier ones too:
// each new story takes the ID of the old story most of its articles
// were in, each old ID going to one new story at most (the one holding
// most of its articles; ties go to the story whose first article has
// the lowest ID). A story with no old ID to take gets one from its
// earliest article (see storyID), so a batch build names every story
// by its earliest article, and a story built piece by piece keeps the
// name it was first given.
func (s *Set) regroup(dirty map[*doc]bool, prev map[*doc]string) {
	// Visit in ID order so the work, not only its result, is repeatable.
	starts := make([]*doc, 0, len(dirty))
	for d := range dirty {
		starts = append(starts, d)
	}
	slices.SortFunc(starts, byID)
	done := make(map[*doc]bool)
	big := make(map[*doc]bool) // articles of linked groups over exactGroup
	if len(s.seen) == 0 {
		s.seen = append(s.seen, &seen{})
	}
	met := s.seen[0]
	met.grow(s.serial)
	var groups [][]*doc
	var local []*doc // the dirty articles of such groups
	for _, d := range starts {
		if done[d] {
			continue
		}
		if big[d] {
			local = append(local, d)
			continue
		}
		group, whole := linkedUpTo(d, s.opt.Threshold, s.exact, big, met)
		if !whole {
			for _, m := range group {
				big[m] = true
			}
			local = append(local, d)
			continue
		}
		for _, m := range group {
			done[m] = true
		}
		groups = append(groups, group)
	}
	if len(local) > 0 {
		groups = append(groups, s.around(local))
	}
	s.clustered = 0
	for _, g := range groups {
		s.clustered += len(g)
	}
	// Drop every old story first: one that a removal split may reach
	// into several groups, and its key may be reused by a new story.
	old := make(map[*doc]string)
	for _, g := range groups {
		for _, m := range g {
			if id, ok := prev[m]; ok {
				old[m] = id
			}
			if key, ok := s.story[m.art.ID]; ok {
				if id, ok := s.ids[key]; ok {
					old[m] = id
				}
				s.dropStory(key)
			}
		}
	}
	// Clustering a group reads only its own articles: cluster several
	// groups at a time.
	clusters := make([][][]*doc, len(groups))
	workers := min(runtime.GOMAXPROCS(0), len(groups)/16+1)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(groups); i += workers {
				clusters[i] = s.cluster(groups[i])
			}
		})
	}
	wg.Wait()
	type vote struct {
		key, id string
		n       int
	}
	var votes []vote
	for _, cs := range clusters {
		for _, c := range cs {
			key := c[0].art.ID
			s.members[key] = c
			n := make(map[string]int)
			for _, m := range c {
				s.story[m.art.ID] = key
				if id := old[m]; id != "" {
					n[id]++
				}
			}
			for id, k := range n {
				votes = append(votes, vote{key, id, k})
			}
		}
	}
	slices.SortFunc(votes, func(a, b vote) int {
		if a.n != b.n {
			return b.n - a.n
		}
		if c := cmp.Compare(a.key, b.key); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	for _, v := range votes {
		if _, named := s.ids[v.key]; named {
			continue
		}
		if _, taken := s.keys[v.id]; taken {
			continue
		}
		s.name(v.key, v.id)
	}
	for _, cs := range clusters {
		for _, c := range cs {
			key := c[0].art.ID
			if _, named := s.ids[key]; named {
				continue
			}
			arts := make([]*feed.Article, len(c))
			for i, m := range c {
				arts[i] = m.art
			}
			first := earliest(arts).ID
			id := storyID(first, 0)
			for n := 1; s.keys[id] != ""; n++ {
				id = storyID(first, n) // the first's ID names another story
			}
			s.name(key, id)
		}
	}
}

// name gives the story under key its ID.
func (s *Set) name(key, id string) {
	s.ids[key] = id
	s.keys[id] = key
}

func (s *Set) dropStory(key string) {
	delete(s.members, key)
	delete(s.cache, key)
	if id, ok := s.ids[key]; ok {
		delete(s.ids, key)
		delete(s.keys, id)
	}
}

// exactGroup is the most articles a linked group may hold for a change
// in it to re-cluster it whole. Links chain: in a large library most
// articles may be linked to most others through a few shared words, and
// re-clustering a hundred thousand articles for every one added takes
// seconds. In a larger group only the stories around the change are
// re-clustered (see around).
const exactGroup = 2000

// linkedUpTo returns the articles reachable from d through links of at
// least threshold or pairs kept for joining stories (see like.links),
// sorted by ID, and true; or, once it meets more than
// limit of them or one of big, those it met and false.
// It marks what it meets in seen, which it clears first.
func linkedUpTo(d *doc, threshold float64, limit int, big map[*doc]bool, seen *seen) ([]*doc, bool) {
	seen.clear()
	seen.add(d)
	queue := []*doc{d}
	for i := 0; i < len(queue); i++ {
		for _, l := range queue[i].near {
			if l.links(threshold) && !seen.has(l.o) {
				if big[l.o] || len(queue) >= limit {
					return queue, false
				}
				seen.add(l.o)
				queue = append(queue, l.o)
			}
		}
	}
	slices.SortFunc(queue, byID)
	return queue, true
}

// around returns the articles to re-cluster for changed articles of
// large linked groups, sorted by ID: the changed articles, the stories
// they are in and the stories of the articles they link to, each story
// whole. Links to articles outside count as none, and other stories stay
// as they are: a new article joins or splits the stories it is linked
// to, and a story beyond them seldom changes for it.
func (s *Set) around(changed []*doc) []*doc {
	in := make(map[*doc]bool)
	add := func(d *doc) {
		in[d] = true
		if key, ok := s.story[d.art.ID]; ok {
			for _, m := range s.members[key] {
				in[m] = true
			}
		}
	}
	for _, d := range changed {
		add(d)
		for _, l := range d.near {
			if l.links(s.opt.Threshold) {
				add(l.o)
			}
		}
	}
	out := make([]*doc, 0, len(in))
	for d := range in {
		out = append(out, d)
	}
	slices.SortFunc(out, byID)
	return out
}

// byID orders articles by ID: by the IDs' first eight bytes, and when
// those are the same, by the whole IDs. Comparing two numbers held in
// the docs saves fetching both articles and both IDs' text, a cache
// miss each in a large set.
func byID(a, b *doc) int {
	if a.id != b.id {
		return cmp.Compare(a.id, b.id)
	}
	return cmp.Compare(a.art.ID, b.art.ID)
}

// idPrefix returns the first eight bytes of an ID, big-endian, padded
// with zeros: two IDs whose prefixes differ are in the order of their
// prefixes (a shorter ID that the other begins with pads with zeros,
// below the other's next byte, or equal to it, when the IDs are
// compared whole).
func idPrefix(id string) uint64 {
	var k uint64
	for i := range 8 {
		k <<= 8
		if i < len(id) {
			k |= uint64(id[i])
		}
	}
	return k
}

// Of returns the ID of the story an article is in, or "" when the
// article is not in the set.
func (s *Set) Of(articleID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	key, ok := s.story[articleID]
	if !ok {
		return ""
	}
	return s.idOf(key)
}

// idOf returns the ID of the story under key.
func (s *Set) idOf(key string) string { return s.ids[key] }

// Len returns the number of stories.
func (s *Set) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.members)
}

// Stories returns every story, newest first; undated stories go last,
// and ties are broken by ID. A story may hold a single article.
func (s *Set) Stories() []*Story {
	s.mu.Lock()
	defer s.mu.Unlock()
	// Make the stories that changed several at a time: the first
	// call makes every story.
	var stale []string
	for key := range s.members {
		if _, ok := s.cache[key]; !ok {
			stale = append(stale, key)
		}
	}
	made := make([]*Story, len(stale))
	workers := min(runtime.GOMAXPROCS(0), len(stale)/16+1)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(stale); i += workers {
				made[i] = makeStory(s.members[stale[i]], s.ids[stale[i]])
			}
		})
	}
	wg.Wait()
	for i, key := range stale {
		s.cache[key] = made[i]
	}
	out := make([]*Story, 0, len(s.members))
	for key := range s.members {
		out = append(out, s.build(key))
	}
	slices.SortFunc(out, func(a, b *Story) int {
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return out
}

// Story returns the story with the given ID.
func (s *Set) Story(id string) (*Story, bool) {
	for _, st := range s.Stories() {
		if st.ID == id {
			return st, true
		}
	}
	return nil, false
}

// build returns the story under key, making it when it changed.
func (s *Set) build(key string) *Story {
	if st, ok := s.cache[key]; ok {
		return st
	}
	st := makeStory(s.members[key], s.ids[key])
	s.cache[key] = st
	return st
}

// makeStory makes the story of its members, with its ID.
func makeStory(ms []*doc, id string) *Story {
	st := &Story{}
	arts := make([]*feed.Article, len(ms))
	for i, m := range ms {
		arts[i] = m.art
	}
	slices.SortFunc(arts, func(a, b *feed.Article) int {
		if feed.Less(a, b) {
			return -1
		}
		if feed.Less(b, a) {
			return 1
		}
		return 0
	})
	st.Articles = arts
	st.ID = id
	for _, a := range arts {
		if a.Date.After(st.Date) {
			st.Date = a.Date
		}
	}
	st.Outlets = outletsOf(arts)
	st.Title = headline(ms).Title
	return st
}

// earliest returns the story's first article: the earliest dated one,
// or with no dates, the first by ID.
func earliest(arts []*feed.Article) *feed.Article {
	return slices.MinFunc(arts, func(a, b *feed.Article) int {
		switch {
		case a.Date.IsZero() != b.Date.IsZero():
			if a.Date.IsZero() {
				return 1
			}
			return -1
		case !a.Date.Equal(b.Date):
			return a.Date.Compare(b.Date)
		}
		return cmp.Compare(a.ID, b.ID)
	})
}

// storyID derives a story's ID from its first article's ID and, when
// that names another story already, a count of the tries.
func storyID(first string, try int) string {
	text := "story\x00" + first
	if try > 0 {
		text += "\x00" + strconv.Itoa(try)
	}
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:])[:12]
}

// headline returns the article whose title heads the story: the one with
// the highest total similarity to the others (to the first maxCentre of
// them by ID, in a big story), preferring real headlines to ones made
// from the lead; ties go to the earliest article by ID.
func headline(ms []*doc) *feed.Article {
	const maxCentre = 64
	var best *doc
	bestScore := -1.0
	var tm termIndex
	// The cosine of two articles is the same either way round, to the
	// last bit (the same products, summed in hash order), so that of
	// two of the first k is worked out once, kept in alike, and summed
	// in the same order as the others.
	k := min(len(ms), maxCentre)
	alike := make([]float64, k*k)
	for i, m := range ms {
		score := 0.0
		if len(ms) > 2 && (i >= k || i < k-1) {
			tm.load(m.vec)
		}
		for j, o := range ms[:k] {
			if o != m {
				var all float64
				switch {
				case i < k && j < i:
					all = alike[j*k+i]
				case len(ms) > 2:
					all, _ = tm.dot(o.vec)
				default:
					all, _ = m.vec.dot(o.vec)
				}
				if i < k && j > i {
					alike[i*k+j] = all
				}
				score += all
			}
		}
		if !m.art.TitleSynthesized {
			score += float64(len(ms)) // any real headline beats a made-up one
		}
		if score > bestScore {
			best, bestScore = m, score
		}
	}
	return best.art
}

// outletsOf returns the distinct outlets of arts, sorted by name.
func outletsOf(arts []*feed.Article) []string {
	var out []string
	for _, a := range arts {
		name := feed.OutletName(a)
		if !slices.ContainsFunc(out, func(o string) bool { return feed.SameOutlet(o, name) }) {
			out = append(out, name)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Compare(strings.ToLower(a), strings.ToLower(b)) })
	return out
}
