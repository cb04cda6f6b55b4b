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

// TestLargeGroupRegroupsAroundChange checks that adding an article to a
// linked group larger than the set re-clusters whole re-clusters only the
// stories around it, and that here that gives the batch build's stories.
func TestLargeGroupRegroupsAroundChange(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts 600 articles")
	}
	arts, _ := corpusArticles()(600)
	batch := New(Options{})
	batch.Add(arts...)
	want := snapshot(batch)
	// The article of the largest linked group linked to fewest others.
	var group []*doc
	for _, a := range arts {
		if g, _ := linkedUpTo(batch.docs[a.ID], batch.opt.Threshold, len(arts), nil, &seen{at: make([]uint32, len(arts))}); len(g) > len(group) {
			group = g
		}
	}
	end := slices.MinFunc(group, func(a, b *doc) int { return len(a.near) - len(b.near) })
	at := slices.Index(arts, end.art)
	if len(group) < 30 {
		t.Fatalf("the fixture's largest linked group holds %d articles: too few to test", len(group))
	}
	rest := slices.Delete(slices.Clone(arts), at, at+1)

	s := New(Options{})
	s.exact = 8
	s.Add(rest...)
	s.Add(arts[at])
	if s.clustered >= len(group) {
		t.Errorf("adding one article re-clustered %d, its whole linked group of %d", s.clustered, len(group))
	}
	if got := snapshot(s); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	s.Remove(arts[at].ID)
	without := New(Options{})
	without.Add(rest...)
	if got, want := snapshot(s), snapshot(without); got != want {
		t.Errorf("after a removal, got:\n%s\nwant:\n%s", got, want)
	}
}
