package story

import (
	"slices"
	"testing"
)

// briefs are one-line reports of capsizings on the day of the Saint
// Brenna's (see ferry): of her master's rescue, in the words of the
// second report; and of another ferry's master, in the same words with
// other names.
var briefs = []invented{
	{"capsize", "Sound Wire", 3, `Captain Ilse Marrow of the Saint Brenna was taken to hospital with hypothermia, the coastguard said.`},
	{"another", "Sound Wire", 3, `Captain Joss Treleven of the Cormorant was taken to hospital with hypothermia, the coastguard said.`},
}

// loneLinked returns the capsizing's four reports and a brief, read as a
// Set reads them, linked by hand: the reports to each other well over
// Threshold, and the brief to the second report alone, at share times
// Threshold.
func loneLinked(t *testing.T, brief invented, share float64) ([]*doc, map[string]string) {
	t.Helper()
	arts, events := fixture(t, append(slices.Clone(ferry[:4]), brief))
	ds := make([]*doc, len(arts))
	for i, a := range arts {
		ds[i] = &doc{art: a}
	}
	vectorize(ds)
	link := func(a, b *doc, v float64) {
		a.near = append(a.near, like{b, v})
		b.near = append(b.near, like{a, v})
	}
	for i := range 4 {
		for j := i + 1; j < 4; j++ {
			link(ds[i], ds[j], 0.4)
		}
	}
	link(ds[4], ds[1], DefaultThreshold*share)
	return ds, events
}

// TestLoneBriefJoinsItsStory: a one-line brief as alike to one report of
// a story as linking asks twice over joins the story, though the
// story's other reports, of other moments, keep its likeness to the
// story's centroid under storyLike; at less, naming other people and
// places, or read as commentary, it stays out.
func TestLoneBriefJoinsItsStory(t *testing.T) {
	s := New(Options{})
	ds, events := loneLinked(t, briefs[0], 2.5)
	cen := centroid(ds[:4])
	if all, words := cen.dot(ds[4].vec); alikeBy(all, words) >= storyLike || namesLike(cen, ds[4].vec) < storyNames {
		t.Fatalf("the fixture does not test the rule: the brief's likeness to the story's centroid is %.3f, in names %.3f",
			alikeBy(all, words), namesLike(cen, ds[4].vec))
	}
	if v := alike(ds[4], ds[1]); v < DefaultThreshold*2.5 {
		t.Fatalf("the fixture is not what it claims: the brief and the report it is linked to are %.3f alike", v)
	}
	slices.SortFunc(ds, byID)
	if got, want := clustered(s.cluster(ds), events), []string{"capsize capsize capsize capsize capsize"}; !slices.Equal(got, want) {
		t.Errorf("brief linked at 2.5 times Threshold: got %q, want %q", got, want)
	}
	ds, events = loneLinked(t, briefs[0], 1.5)
	slices.SortFunc(ds, byID)
	if got, want := clustered(s.cluster(ds), events), []string{"capsize", "capsize capsize capsize capsize"}; !slices.Equal(got, want) {
		t.Errorf("brief linked at 1.5 times Threshold: got %q, want %q", got, want)
	}
	ds, events = loneLinked(t, briefs[0], 2.5)
	ds[4].comment = true
	slices.SortFunc(ds, byID)
	if got, want := clustered(s.cluster(ds), events), []string{"capsize", "capsize capsize capsize capsize"}; !slices.Equal(got, want) {
		t.Errorf("brief read as commentary: got %q, want %q", got, want)
	}
	ds, events = loneLinked(t, briefs[1], 2.5)
	slices.SortFunc(ds, byID)
	if got, want := clustered(s.cluster(ds), events), []string{"another", "capsize capsize capsize capsize"}; !slices.Equal(got, want) {
		t.Errorf("another ferry's brief: got %q, want %q", got, want)
	}
}
