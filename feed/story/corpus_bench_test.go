package story

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/extract"
	"github.com/broadsheet/broadsheet/internal/corpus"
	"github.com/broadsheet/broadsheet/internal/cputime"
)

// corpusArticles extracts n articles of the synthetic corpus (seed 1) in
// memory, as the loader would, and returns them with the corpus story
// each was drawn from, by article ID. It is kept between benchmarks.
var corpusArticles = sync.OnceValue(func() func(n int) ([]*feed.Article, map[string]int) {
	type made struct {
		arts  []*feed.Article
		truth map[string]int
	}
	cache := make(map[int]made)
	var mu sync.Mutex
	return func(n int) ([]*feed.Article, map[string]int) {
		mu.Lock()
		defer mu.Unlock()
		if m, ok := cache[n]; ok {
			return m.arts, m.truth
		}
		c := corpus.New(n, 1)
		outlets, stories := len(c.Outlets()), max(1, n/8)
		arts := make([]*feed.Article, n)
		var wg sync.WaitGroup
		next := make(chan int)
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				x := extract.NewExtractor()
				x.Now = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
				for i := range next {
					path, data := c.File(i)
					got, _ := x.Extract(extract.Source{Path: path, Data: data})
					if len(got) == 1 {
						arts[i] = got[0]
					}
				}
			})
		}
		for i := range n {
			next <- i
		}
		close(next)
		wg.Wait()
		truth := make(map[string]int)
		kept := arts[:0]
		for i, a := range arts {
			if a == nil {
				continue
			}
			kept = append(kept, a)
			// The story corpus.File draws article i from, drawn again
			// the same way.
			r := rand.New(rand.NewPCG(1, uint64(i)+1))
			r.IntN(outlets)
			si := r.IntN(stories)
			if r.IntN(3) == 0 {
				si = i % stories
			}
			truth[a.ID] = si
		}
		cache[n] = made{kept, truth}
		return kept, truth
	}
})

// nearDuplicates makes n light edits of one article, all on one day:
// each changes a few of its words.
func nearDuplicates(n int) []*feed.Article {
	arts, _ := corpusArticles()(200)
	base := strings.Fields(arts[0].Title + "\n\n" + arts[0].Body)
	rng := rand.New(rand.NewPCG(3, 3))
	x := extract.NewExtractor()
	x.Now = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	var out []*feed.Article
	for i := range n {
		words := append([]string(nil), base...)
		for range 1 + rng.IntN(8) {
			words[rng.IntN(len(words))] = words[rng.IntN(len(words))]
		}
		text := strings.Join(words[:12], " ") + "\n\n" + strings.Join(words[12:], " ")
		got, _ := x.Extract(extract.Source{Path: fmt.Sprintf("dup/%05d.txt", i), Data: []byte(text), Hint: feed.Hint{Date: day}})
		out = append(out, got...)
	}
	return out
}

// quality returns how well stories recover the corpus's own: purity (the
// share of articles in their story's commonest corpus story) and recall
// (the share of pairs of articles from one corpus story that share a
// story).
func quality(s *Set, truth map[string]int) (purity, recall float64) {
	pure, total := 0, 0
	together := make(map[int]map[string]int) // corpus story -> story ID -> articles
	for _, st := range s.Stories() {
		count := make(map[int]int)
		best := 0
		for _, a := range st.Articles {
			si := truth[a.ID]
			count[si]++
			best = max(best, count[si])
			if together[si] == nil {
				together[si] = make(map[string]int)
			}
			together[si][st.ID]++
		}
		pure += best
		total += len(st.Articles)
	}
	var same, pairs float64
	for _, byStory := range together {
		n := 0
		for _, k := range byStory {
			same += float64(k * (k - 1) / 2)
			n += k
		}
		pairs += float64(n * (n - 1) / 2)
	}
	return float64(pure) / float64(total), same / pairs
}

func benchmarkCorpus(b *testing.B, n int) {
	arts, truth := corpusArticles()(n)
	var s *Set
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Process()
	for b.Loop() {
		s = New(Options{})
		s.Add(arts...)
		s.Stories()
	}
	cpu = cputime.Process() - cpu
	b.StopTimer()
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	// What the set keeps beyond the articles themselves.
	b.ReportMetric(float64(m.HeapAlloc-before.HeapAlloc)/1e6, "MB-retained")
	purity, recall := quality(s, truth)
	b.ReportMetric(float64(s.Len()), "stories")
	b.ReportMetric(purity, "purity")
	b.ReportMetric(recall, "recall")
	runtime.KeepAlive(s)
}

// BenchmarkGroup10k groups 10,000 corpus articles and makes every story
// (headline, outlets); what each article alone reports is read only when
// asked for (see BenchmarkOnly10k).
func BenchmarkGroup10k(b *testing.B) { benchmarkCorpus(b, 10000) }

// BenchmarkOnly10k finds what each article alone reports in every story
// of 10,000 corpus articles, as listing them all with their own
// sentences does.
func BenchmarkOnly10k(b *testing.B) {
	arts, _ := corpusArticles()(10000)
	s := New(Options{})
	s.Add(arts...)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Process()
	sentences := 0
	for b.Loop() {
		sentences = 0
		for _, st := range s.Stories() {
			fresh := &Story{Articles: st.Articles}
			for _, a := range st.Articles {
				sentences += len(fresh.Only(a.ID))
			}
		}
	}
	b.ReportMetric((cputime.Process()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(sentences), "sentences")
}

// BenchmarkOnlyNearDuplicates finds what each article alone reports in
// one story of 2,000 light edits of one article: every sentence is
// printed by most of the others, so each is compared with the most
// (maxSharers) other copies.
func BenchmarkOnlyNearDuplicates(b *testing.B) {
	arts := nearDuplicates(2000)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Process()
	sentences := 0
	for b.Loop() {
		sentences = 0
		for _, own := range only(arts) {
			sentences += len(own)
		}
	}
	b.ReportMetric((cputime.Process()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(sentences), "sentences")
}

// BenchmarkGroup100k groups 100,000 corpus articles and makes every
// story.
func BenchmarkGroup100k(b *testing.B) { benchmarkCorpus(b, 100000) }

// benchmarkFiling groups n corpus articles already read: what grouping
// costs beyond reading the articles' words (see BenchmarkRead10k), as
// when their vectors are at hand.
func benchmarkFiling(b *testing.B, n int) {
	arts, truth := corpusArticles()(n)
	read := make([]*doc, len(arts))
	for i, a := range arts {
		read[i] = &doc{art: a}
	}
	vectorize(read)
	var s *Set
	b.ReportAllocs()
	b.ResetTimer()
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		fresh := make([]*doc, len(read))
		for i, d := range read {
			c := *d
			fresh[i] = &c
		}
		runtime.GC()
		b.StartTimer()
		start := cputime.Process()
		s = New(Options{})
		s.file(arts, fresh)
		s.Stories()
		cpu += cputime.Process() - start
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	purity, recall := quality(s, truth)
	b.ReportMetric(float64(s.Len()), "stories")
	b.ReportMetric(purity, "purity")
	b.ReportMetric(recall, "recall")
}

// BenchmarkFiling10k groups 10,000 corpus articles already read.
func BenchmarkFiling10k(b *testing.B) { benchmarkFiling(b, 10000) }

// BenchmarkFiling100k groups 100,000 corpus articles already read.
func BenchmarkFiling100k(b *testing.B) { benchmarkFiling(b, 100000) }

// BenchmarkNearDuplicates groups 5,000 light edits of one article.
func BenchmarkNearDuplicates(b *testing.B) {
	arts := nearDuplicates(5000)
	var s *Set
	b.ReportAllocs()
	cpu := cputime.Process()
	for b.Loop() {
		s = New(Options{})
		s.Add(arts...)
		s.Stories()
	}
	b.ReportMetric((cputime.Process()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(s.Len()), "stories")
}

// benchmarkAddOne measures adding one article to n-1 grouped corpus
// articles: only the article's own candidates are compared and only the
// stories it links to are regrouped, so the cost should not grow with n.
// Each op adds the article and takes it out again; only the adding is
// timed.
func benchmarkAddOne(b *testing.B, n int) {
	arts, _ := corpusArticles()(n)
	s := New(Options{})
	s.Add(arts[1:]...)
	one := arts[0]
	var cpu time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		start := cputime.Process()
		s.Add(one)
		cpu += cputime.Process() - start
		b.StopTimer()
		s.Remove(one.ID)
		b.StartTimer()
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkAddOne10k adds one article to 9,999 grouped ones.
func BenchmarkAddOne10k(b *testing.B) { benchmarkAddOne(b, 10000) }

// BenchmarkAddOne100k adds one article to 99,999 grouped ones.
func BenchmarkAddOne100k(b *testing.B) { benchmarkAddOne(b, 100000) }

// BenchmarkRead10k reads the vectors of 10,000 corpus articles in one
// goroutine: the reading of words that grouping starts with, apart from
// comparing.
func BenchmarkRead10k(b *testing.B) {
	arts, _ := corpusArticles()(10000)
	var c counter
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Process()
	for b.Loop() {
		for _, a := range arts {
			c.count(a)
			c.years()
			c.weigh()
		}
	}
	b.ReportMetric((cputime.Process()-cpu).Seconds()/float64(b.N), "cpu-s/op")
}
