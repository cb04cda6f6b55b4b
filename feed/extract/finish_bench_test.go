package extract

import (
	"testing"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/internal/corpus"
)

// corpusArticle returns the article of a synthetic corpus file (seed 1),
// as extraction leaves it before finish.
func corpusArticle(b *testing.B) *feed.Article {
	b.Helper()
	_, data := corpus.New(1, 1).File(0)
	arts, _ := NewExtractor().Extract(Source{Path: "a.txt", Data: data})
	if len(arts) != 1 {
		b.Fatal("no article")
	}
	a := *arts[0]
	a.ID, a.Lead, a.Words = "", "", 0
	return &a
}

// BenchmarkFinish measures what every format's articles go through
// after extraction: sanitizing, the lead, the word count and the ID.
func BenchmarkFinish(b *testing.B) {
	a := corpusArticle(b)
	x := NewExtractor()
	b.SetBytes(int64(len(a.Body)))
	b.ReportAllocs()
	for b.Loop() {
		c := *a
		x.finish(&c, feed.Hint{}, nil)
	}
}

// BenchmarkSanitizeClean measures SanitizeText on a clean body with
// accented names and typographic quotes, the common case.
func BenchmarkSanitizeClean(b *testing.B) {
	body := corpusArticle(b).Body
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		feed.SanitizeText(body)
	}
}

// BenchmarkReadable measures telling a text file from binary data and
// decoding it, before any format reads it.
func BenchmarkReadable(b *testing.B) {
	_, data := corpus.New(1, 1).File(0)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		readable(data)
	}
}
