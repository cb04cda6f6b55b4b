package search

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/internal/corpus"
)

// persistArticles are n generated articles, enough for skip tables and
// the short-prefix buckets.
func persistArticles(n int) ([]*feed.Article, []string) {
	c := corpus.New(n, 7)
	arts := make([]*feed.Article, n)
	for i := range arts {
		_, data := c.File(i)
		title, body, _ := strings.Cut(strings.TrimSpace(string(data)), "\n")
		arts[i] = &feed.Article{ID: fmt.Sprint("a", i), Outlet: c.Outlets()[i%len(c.Outlets())],
			Title: title, Body: body, Lead: feed.LeadOf(body)}
	}
	qs := append(c.Queries(50), "t", "el", "elect", "presid", `"the people"`)
	return arts, qs
}

func encoded(t *testing.T, ix *Index, key string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := ix.Encode(&b, key); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// sameResults checks that two indexes answer every query alike, article
// for article and score for score.
func sameResults(t *testing.T, want, got *Index, queries []string) {
	t.Helper()
	for _, q := range queries {
		w, g := want.Results(q, 50), got.Results(q, 50)
		if len(w) != len(g) {
			t.Errorf("%q: %d results read back, %d built", q, len(g), len(w))
			continue
		}
		for i := range w {
			if w[i].Article != g[i].Article || w[i].Score != g[i].Score {
				t.Errorf("%q #%d: %s %.4f read back, %s %.4f built", q, i, g[i].Article.ID, g[i].Score, w[i].Article.ID, w[i].Score)
				break
			}
		}
	}
}

func TestEncodeDecode(t *testing.T) {
	arts, queries := persistArticles(1500)
	built := New()
	built.Add(arts[:700]...)
	built.Add(arts[700:]...)
	built.Remove(arts[3].ID)
	built.Compact()
	data := encoded(t, built, "k")

	got, err := Decode(data, "k")
	if err != nil {
		t.Fatal(err)
	}
	if got.Len() != 0 || got.Pending() != len(arts)-1 {
		t.Fatalf("read back: %d live, %d pending; want 0 and %d", got.Len(), got.Pending(), len(arts)-1)
	}
	if rs := got.Results("election", 10); len(rs) != 0 {
		t.Fatalf("a pending article was found: %v", ids(rs))
	}
	for _, a := range arts {
		if a == arts[3] {
			continue
		}
		if !got.Attach(a, Fingerprint(a)) {
			t.Fatalf("%s not attached", a.ID)
		}
	}
	if got.Attach(arts[3], Fingerprint(arts[3])) {
		t.Error("a removed article was attached")
	}
	sameResults(t, built, got, queries)

	// Growing the index read back: its lists move out of the mapped
	// bytes, which stay as they were.
	before := bytes.Clone(data)
	extra := art("extra", "The Lantern", "2024-05-01", "Election results", "The election was won by the people of the harbour.")
	got.Add(extra)
	built.Add(extra)
	got.Compact()
	if !bytes.Equal(before, data) {
		t.Fatal("adding to an index read back wrote to its bytes")
	}
	sameResults(t, built, got, queries)
}

func TestAttachChanged(t *testing.T) {
	arts, _ := persistArticles(50)
	built := New()
	built.Add(arts...)
	got, err := Decode(encoded(t, built, "k"), "k")
	if err != nil {
		t.Fatal(err)
	}
	changed := *arts[0]
	changed.Body += " A new paragraph about volcanoes."
	if got.Attach(&changed, Fingerprint(&changed)) {
		t.Fatal("a changed article was attached")
	}
	got.Add(&changed)
	if rs := got.Results("volcanoes", 5); len(rs) != 1 || rs[0].Article != &changed {
		t.Fatalf("volcanoes: %v", ids(rs))
	}
	if n := got.DropPending(); n != len(arts)-1 {
		t.Fatalf("dropped %d, want %d", n, len(arts)-1)
	}
	if got.Len() != 1 {
		t.Fatalf("%d live after dropping", got.Len())
	}
}

func TestDecodeRejects(t *testing.T) {
	arts, _ := persistArticles(200)
	ix := New()
	ix.Add(arts...)
	data := encoded(t, ix, "key")
	flipped := bytes.Clone(data)
	flipped[len(flipped)/2] ^= 0x10
	older := bytes.Clone(data)
	binary.LittleEndian.PutUint32(older[len(indexMagic):], indexVersion-1+100)
	tests := []struct {
		name  string
		data  []byte
		key   string
		stale bool
	}{
		{"empty", nil, "key", false},
		{"not an index", []byte("BSCACHE\nsomething else entirely"), "key", false},
		{"another program", data, "other", true},
		{"another version", older, "key", true},
		{"truncated", data[:len(data)-100], "key", false},
		{"half written", data[:len(data)/2], "key", false},
		{"header only", data[:20], "key", false},
		{"a byte changed", flipped, "key", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix, err := Decode(tt.data, tt.key)
			if err == nil || ix != nil {
				t.Fatal("accepted")
			}
			if errors.Is(err, ErrStale) != tt.stale {
				t.Errorf("error %v, stale %v", err, tt.stale)
			}
		})
	}
}
