package story

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"unsafe"

	"github.com/broadsheet/broadsheet/feed"
)

// withIDs is a snapshot of a set that names each story by its ID.
func withIDs(s *Set) string {
	out := ""
	for _, st := range s.Stories() {
		out += st.ID + " " + snapshotOne(st)
	}
	return out
}

func snapshotOne(st *Story) string {
	out := fmt.Sprintf("%q %v\n", st.Title, st.Outlets)
	for _, a := range st.Articles {
		out += "  " + a.ID + "\n"
	}
	return out
}

// lookup returns a get for Restore over arts.
func lookup(arts []*feed.Article) func(string) *feed.Article {
	by := make(map[string]*feed.Article)
	for _, a := range arts {
		by[a.ID] = a
	}
	return func(id string) *feed.Article { return by[id] }
}

func savedFixture(t *testing.T) []*feed.Article {
	arts, _ := fixture(t, lookAlikes)
	more, _ := fixture(t, warehouseFires)
	return append(arts, more...)
}

func TestRestoreRoundTrip(t *testing.T) {
	arts := savedFixture(t)
	s := New(Options{})
	s.Add(arts...)
	data := s.Marshal()
	r := New(Options{})
	if err := r.Restore(data, lookup(arts)); err != nil {
		t.Fatal(err)
	}
	if got, want := withIDs(r), withIDs(s); got != want {
		t.Fatalf("restored set differs:\n got:\n%s\nwant:\n%s", got, want)
	}
	if r.Changes() != 0 {
		t.Errorf("restoring every article unchanged made %d changes", r.Changes())
	}
	// Encoding is repeatable.
	if !slices.Equal(r.Marshal(), data) {
		t.Error("the restored set encodes differently")
	}
	// Adding to the restored set gives what adding to a fresh one does.
	for _, a := range arts {
		r.Add(a) // already there: only the copy is replaced
	}
	if r.Changes() != 0 {
		t.Errorf("re-adding known articles made %d changes", r.Changes())
	}
}

func TestRestoreRefusesDamage(t *testing.T) {
	arts := savedFixture(t)
	s := New(Options{})
	s.Add(arts...)
	data := s.Marshal()
	cases := map[string][]byte{
		"empty":     nil,
		"truncated": data[:len(data)/2],
		"cut tail":  data[:len(data)-1],
		"flipped":   func() []byte { d := slices.Clone(data); d[len(d)/3] ^= 0x40; return d }(),
		"version":   func() []byte { d := slices.Clone(data); d[len(savedMagic)-1]++; return d }(),
	}
	for name, d := range cases {
		if err := New(Options{}).Restore(d, lookup(arts)); !errors.Is(err, ErrSaved) {
			t.Errorf("%s: got %v, want ErrSaved", name, err)
		}
	}
	// Other options are other rules.
	if err := New(Options{Threshold: 0.3}).Restore(data, lookup(arts)); !errors.Is(err, ErrSaved) {
		t.Errorf("other threshold: got %v, want ErrSaved", err)
	}
	// A set in use is left alone.
	busy := New(Options{})
	busy.Add(arts[0])
	if err := busy.Restore(data, lookup(arts)); err == nil || busy.Len() != 1 {
		t.Errorf("restoring into a set in use: %v, %d stories", err, busy.Len())
	}
}

func TestRestoreThenAddMatchesBatch(t *testing.T) {
	arts := savedFixture(t)
	for i := range arts {
		rest := slices.Delete(slices.Clone(arts), i, i+1)
		s := New(Options{})
		s.Add(rest...)
		before := make(map[string]string)
		for _, a := range rest {
			before[a.ID] = s.Of(a.ID)
		}
		r := New(Options{})
		if err := r.Restore(s.Marshal(), lookup(arts)); err != nil {
			t.Fatal(err)
		}
		r.Add(arts...)
		batch := New(Options{})
		batch.Add(arts...)
		if got, want := snapshot(r), snapshot(batch); got != want {
			t.Fatalf("adding article %d after restoring:\n got:\n%s\nwant:\n%s", i, got, want)
		}
		// Stories the new article did not join keep their IDs.
		joined := r.Of(arts[i].ID)
		for _, a := range rest {
			if id := r.Of(a.ID); id != before[a.ID] && id != joined {
				t.Errorf("adding article %d: %s moved from story %s to %s", i, a.ID, before[a.ID], id)
			}
		}
	}
}

func TestRestoreDropsChangedArticles(t *testing.T) {
	arts := savedFixture(t)
	s := New(Options{})
	s.Add(arts...)
	data := s.Marshal()
	// The first article was edited since, and the last deleted.
	edited := *arts[0]
	edited.Body += "\n\nA correction was added."
	now := append([]*feed.Article{&edited}, arts[1:len(arts)-1]...)
	r := New(Options{})
	if err := r.Restore(data, lookup(now)); err != nil {
		t.Fatal(err)
	}
	if r.Of(arts[len(arts)-1].ID) != "" {
		t.Error("a deleted article is still in a story")
	}
	if r.Of(edited.ID) != "" {
		t.Error("an edited article kept its old reading")
	}
	r.Add(now...)
	batch := New(Options{})
	batch.Add(now...)
	if got, want := snapshot(r), snapshot(batch); got != want {
		t.Fatalf("after restoring and adding:\n got:\n%s\nwant:\n%s", got, want)
	}
}

// TestRestoreKnown: RestoreKnown compares the fingerprints its caller
// gives, not the articles' text. Given each article's own, it restores
// what Restore does; given another for one article, that article is
// taken as changed (out of the saved grouping, and a change counted),
// though its text is the same.
func TestRestoreKnown(t *testing.T) {
	arts := savedFixture(t)
	s := New(Options{})
	s.Add(arts...)
	data := s.Marshal()
	by := make(map[string]*feed.Article)
	for _, a := range arts {
		by[a.ID] = a
	}
	known := func(wrong string) func(string) (*feed.Article, uint64) {
		return func(id string) (*feed.Article, uint64) {
			a := by[id]
			if a == nil {
				return nil, 0
			}
			if id == wrong {
				return a, Fingerprint(a) + 1
			}
			return a, Fingerprint(a)
		}
	}
	r := New(Options{})
	if err := r.RestoreKnown(data, known("")); err != nil {
		t.Fatal(err)
	}
	if got, want := withIDs(r), withIDs(s); got != want || r.Changes() != 0 {
		t.Fatalf("restored with the right fingerprints differs (%d changes):\n got:\n%s\nwant:\n%s", r.Changes(), got, want)
	}
	w := New(Options{})
	if err := w.RestoreKnown(data, known(arts[0].ID)); err != nil {
		t.Fatal(err)
	}
	if w.Changes() == 0 || w.Of(arts[0].ID) != "" {
		t.Errorf("an article given another fingerprint was restored as it was (%d changes, in story %q)", w.Changes(), w.Of(arts[0].ID))
	}
}

// TestRestoreVectorsInPlace: from data aligned to 4 bytes, the restored
// articles' vectors are data's own bytes (no copy on the heap); from
// data that is not, they are copies; either way the set is the one
// saved, and adding to it gives what adding to a fresh one does.
func TestRestoreVectorsInPlace(t *testing.T) {
	arts := savedFixture(t)
	s := New(Options{})
	s.Add(arts[1:]...)
	data := s.Marshal()
	within := func(v vector, buf []byte) bool {
		p := uintptr(unsafe.Pointer(unsafe.SliceData(v.hash)))
		start := uintptr(unsafe.Pointer(unsafe.SliceData(buf)))
		return p >= start && p < start+uintptr(len(buf))
	}
	odd := make([]byte, len(data)+1)
	copy(odd[1:], data)
	if uintptr(unsafe.Pointer(&odd[1]))%4 == 0 {
		t.Fatal("the test needs a copy not aligned to 4 bytes")
	}
	batch := New(Options{})
	batch.Add(arts...)
	for _, c := range []struct {
		name    string
		data    []byte
		inPlace bool
	}{{"aligned", data, littleEndian}, {"not aligned", odd[1:], false}} {
		r := New(Options{})
		if err := r.Restore(c.data, lookup(arts)); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got, want := withIDs(r), withIDs(s); got != want {
			t.Fatalf("%s: restored set differs:\n got:\n%s\nwant:\n%s", c.name, got, want)
		}
		if !slices.Equal(r.Marshal(), data) {
			t.Errorf("%s: the restored set encodes differently", c.name)
		}
		vectors := 0
		for _, d := range r.docs {
			if d.vec.len() == 0 {
				continue
			}
			vectors++
			if within(d.vec, c.data) != c.inPlace {
				t.Errorf("%s: %s's vector in data: %v, want %v", c.name, d.art.ID, !c.inPlace, c.inPlace)
			}
		}
		if vectors == 0 {
			t.Fatalf("%s: no article has a vector", c.name)
		}
		r.Add(arts[0])
		if got, want := snapshot(r), snapshot(batch); got != want {
			t.Errorf("%s: adding after restoring:\n got:\n%s\nwant:\n%s", c.name, got, want)
		}
	}
}
