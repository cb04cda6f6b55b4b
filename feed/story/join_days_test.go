package story

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// ferryDays returns the ferry fixture (see ferry) with its capsizing on
// day 3 and its master's arrest on day 7, and the engine fire on day 6
// (a day of its own, so that stories sort the same whatever their IDs).
func ferryDays() []invented {
	src := slices.Clone(ferry)
	src[0].day, src[1].day = 3, 3
	src[2].day, src[3].day, src[4].day = 7, 7, 6
	return src
}

// TestStagesDaysApartJoin: two stages of one event four days apart, too
// far apart for any report of one to link to a report of the other, are
// one story: their stories are weighed as wholes (see likeness).
func TestStagesDaysApartJoin(t *testing.T) {
	arts, events := fixture(t, ferryDays())
	s := New(Options{})
	s.Add(arts...)
	for _, d := range s.docs {
		for _, l := range d.near {
			if events[d.art.ID] == "capsize" && events[l.o.art.ID] == "capsize" && !d.art.Date.Equal(l.o.art.Date) && l.v >= s.opt.Threshold {
				t.Fatalf("the fixture is too close to test: %q and %q link at %.3f", d.art.Title, l.o.art.Title, l.v)
			}
		}
	}
	if got, want := grouping(s, events), []string{"capsize capsize capsize capsize", "fire"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestStagesDaysApartNeedTheirNames: another capsizing four days on,
// told in the same words with other names, stays apart.
func TestStagesDaysApartNeedTheirNames(t *testing.T) {
	other := strings.NewReplacer("Saint Brenna", "Cormorant", "Harlow Point", "Fennick Head",
		"Kettering Quay", "Sallow Bay", "Ilse Marrow", "Joss Treleven", "Tamsin Lines", "Heron Ferries")
	src := ferryDays()[:4]
	for i := 2; i < 4; i++ {
		src[i].event, src[i].text = "another", other.Replace(src[i].text)
	}
	arts, events := fixture(t, src)
	s := New(Options{})
	s.Add(arts...)
	if got, want := grouping(s, events), []string{"another another", "capsize capsize"}; !slices.Equal(got, want) {
		t.Errorf("another capsizing: got %q, want %q", got, want)
	}
}

// TestStagesDaysApartIncrementalMatchesBatch: stories joined as wholes
// come out the same however the articles arrive or leave, and after a
// restore.
func TestStagesDaysApartIncrementalMatchesBatch(t *testing.T) {
	arts, _ := fixture(t, ferryDays())
	batch := New(Options{})
	batch.Add(arts...)
	want := snapshot(batch)
	if batch.Len() != 2 {
		t.Fatalf("batch: %d stories, want 2", batch.Len())
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for round := range 10 {
		order := slices.Clone(arts)
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		s := New(Options{})
		for _, a := range order {
			s.Add(a)
		}
		if got := snapshot(s); got != want {
			t.Fatalf("round %d: incremental build differs from batch:\n got:\n%s\nwant:\n%s", round, got, want)
		}
	}
	for i, gone := range arts {
		s := New(Options{})
		s.Add(arts...)
		s.Remove(gone.ID)
		rest := New(Options{})
		rest.Add(slices.Delete(slices.Clone(arts), i, i+1)...)
		if got, want := snapshot(s), snapshot(rest); got != want {
			t.Errorf("removing %d:\n got:\n%s\nwant:\n%s", i, got, want)
		}
		r := New(Options{})
		if err := r.Restore(rest.Marshal(), lookup(arts)); err != nil {
			t.Fatal(err)
		}
		r.Add(gone)
		if got := snapshot(r); got != want {
			t.Errorf("restoring without %d, then adding it:\n got:\n%s\nwant:\n%s", i, got, want)
		}
	}
}

// TestColumnDaysOnStaysOut: a column four days after an event, naming
// its ferry, port and operator, is alike enough to the event's reports
// for their stories to be weighed as wholes, but it shares the event's
// names, not its other words: it stays out.
func TestColumnDaysOnStaysOut(t *testing.T) {
	// No label on it, and little of its writer's voice: it does not
	// read as commentary (see TestColumnSameDayStaysOut for one that
	// does), and stays out by the stories' bars alone.
	column := invented{"column", "Kettering Evening Post", 7, `The Orrin Sound deserves safer ferries

The capsizing of the Saint Brenna off Harlow Point should shame everyone who has crossed the Orrin Sound and shrugged at the state of its boats.

I have taken the crossing from Kettering Quay for twenty years. The ferries are old, the crews are tired and the timetables are set by accountants at Tamsin Lines, not by sailors.

Regulators must stop waiting for the next disaster. Every ferry on the sound should be inspected this winter, and operators who cut corners should lose their licences.`}
	arts, events := fixture(t, append(ferryDays()[:2], column))
	s := New(Options{})
	s.Add(arts...)
	kept := false
	for _, l := range s.docs[arts[2].ID].near {
		kept = kept || l.v < 0
	}
	if !kept {
		t.Fatal("the fixture is too weak to test: the column and the reports are not weighed as stories")
	}
	if got, want := grouping(s, events), []string{"capsize capsize", "column"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
