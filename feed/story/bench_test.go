package story

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/extract"
)

// syntheticCorpus makes n articles about n/5 events over a year: each
// event has its own names and words, drawn with the shared vocabulary
// every story uses.
func syntheticCorpus(n int) []*feed.Article {
	rng := rand.New(rand.NewPCG(7, 7))
	word := func() string {
		const letters = "abcdefghijklmnopqrstuvwxyz"
		b := make([]byte, 4+rng.IntN(6))
		for i := range b {
			b[i] = letters[rng.IntN(len(letters))]
		}
		return string(b)
	}
	shared := make([]string, 2000)
	for i := range shared {
		shared[i] = word()
	}
	x := extract.NewExtractor()
	x.Now = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	var arts []*feed.Article
	for e := range n / 5 {
		names := []string{capital(word()), capital(word()), capital(word())}
		words := []string{word(), word(), word(), word(), word(), word()}
		day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(365))
		for a := range 5 {
			var b strings.Builder
			for range 12 {
				b.WriteString("The ")
				for range 15 {
					switch r := rng.IntN(10); {
					case r < 2:
						b.WriteString(names[rng.IntN(len(names))])
					case r < 5:
						b.WriteString(words[rng.IntN(len(words))])
					default:
						b.WriteString(shared[rng.IntN(len(shared))])
					}
					b.WriteByte(' ')
				}
				b.WriteString("end.\n\n")
			}
			text := fmt.Sprintf("%s %s %s\n\n%s", names[0], words[0], words[1], b.String())
			got, _ := x.Extract(extract.Source{Path: fmt.Sprintf("e%d/a%d.txt", e, a), Data: []byte(text), Hint: feed.Hint{Date: day.AddDate(0, 0, rng.IntN(2))}})
			arts = append(arts, got...)
		}
	}
	return arts
}

// BenchmarkAdd measures grouping a corpus, added all at once.
func BenchmarkAdd(b *testing.B) {
	for _, n := range []int{1000, 5000} {
		arts := syntheticCorpus(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				s := New(Options{})
				s.Add(arts...)
				if s.Len() == 0 {
					b.Fatal("no stories")
				}
			}
		})
	}
}

// BenchmarkAddOne measures adding one article to a grouped corpus.
func BenchmarkAddOne(b *testing.B) {
	arts := syntheticCorpus(5000)
	s := New(Options{})
	s.Add(arts[1:]...)
	for b.Loop() {
		s.Add(arts[0])
		s.Remove(arts[0].ID)
	}
}

// capital returns an ASCII word with its first letter upper-cased, as a
// name is written.
func capital(w string) string {
	if w == "" {
		return w
	}
	return strings.ToUpper(w[:1]) + w[1:]
}
