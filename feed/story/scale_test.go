package story

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestCrowdedIncrementalMatchesBatch checks that stories built a few
// articles at a time, and with articles taken out, are those of a batch
// build when buckets become crowded and near-copy anchors change hands:
// forty near-copies of one day, and corpus articles around them.
func TestCrowdedIncrementalMatchesBatch(t *testing.T) {
	corpus, _ := corpusArticles()(200)
	arts := append(nearDuplicates(40), corpus[:120]...)
	batch := New(Options{})
	batch.Add(arts...)
	want := snapshot(batch)
	if n := batch.Len(); n >= len(arts)-40 {
		t.Fatalf("%d stories of %d articles: the near-copies did not group", n, len(arts))
	}

	rng := rand.New(rand.NewPCG(5, 6))
	for round := range 3 {
		order := slices.Clone(arts)
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		s := New(Options{})
		for rest := order; len(rest) > 0; {
			n := min(1+rng.IntN(12), len(rest))
			s.Add(rest[:n]...)
			rest = rest[n:]
		}
		if got := snapshot(s); got != want {
			t.Fatalf("round %d: incremental build differs from batch", round)
		}
		// Take out a third, in a few goes, and compare with a batch
		// build of the rest.
		gone := order[:len(order)/3]
		for len(gone) > 0 {
			n := min(1+rng.IntN(9), len(gone))
			var ids []string
			for _, a := range gone[:n] {
				ids = append(ids, a.ID)
			}
			s.Remove(ids...)
			gone = gone[n:]
		}
		rest := New(Options{})
		rest.Add(order[len(order)/3:]...)
		if got, want := snapshot(s), snapshot(rest); got != want {
			t.Fatalf("round %d: removal differs from a batch build of the rest", round)
		}
	}
}

// TestNearCopiesAreOneStory checks that a crowd of near-copies, more than
// the index compares with each other, still makes one story.
func TestNearCopiesAreOneStory(t *testing.T) {
	arts := nearDuplicates(3 * crowded * anchors)
	s := New(Options{})
	s.Add(arts...)
	if s.Len() != 1 {
		t.Errorf("%d near-copies make %d stories, want 1", len(arts), s.Len())
	}
}
