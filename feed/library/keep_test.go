package library

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/broadsheet/broadsheet/feed"
)

// keptAt returns the options of a library that keeps its index in file,
// with key.
func keptAt(file, key string) Options {
	return Options{Index: func() (string, string) { return file, key }}
}

// copies returns new articles equal to arts, as a second start reads
// them from the cache.
func copies(arts []*feed.Article) []*feed.Article {
	out := make([]*feed.Article, len(arts))
	for i, a := range arts {
		c := *a
		c.Body = strings.Clone(a.Body)
		out[i] = &c
	}
	return out
}

// start opens a library on file, applies arts as one load and ends it.
func start(t *testing.T, file, key string, arts []*feed.Article) *Library {
	t.Helper()
	lib := Open(keptAt(file, key))
	lib.Apply([]feed.Event{{Articles: arts}})
	lib.Compact()
	lib.Close()
	return lib
}

func searchIDs(lib *Library, q string) []string {
	var out []string
	for _, r := range lib.Search(q, 10) {
		out = append(out, r.Article.ID)
	}
	return out
}

func TestKeptIndexBetweenRuns(t *testing.T) {
	file := filepath.Join(t.TempDir(), "x.bsi")
	first := start(t, file, "k", fixtures())
	if first.Opened() || first.analysed != len(fixtures()) {
		t.Fatalf("first run: opened %v, %d indexed", first.Opened(), first.analysed)
	}
	if _, err := os.Stat(file); err != nil {
		t.Fatal(err)
	}

	// Unchanged: nothing is indexed again.
	same := start(t, file, "k", copies(fixtures()))
	if !same.Opened() || same.analysed != 0 {
		t.Fatalf("unchanged: opened %v, %d indexed", same.Opened(), same.analysed)
	}
	if got := searchIDs(same, "cricket captain"); len(got) != 1 || got[0] != "c1" {
		t.Fatalf("cricket captain: %v", got)
	}

	// One changed, one added, one gone: exactly two indexed.
	arts := copies(fixtures())
	arts[3].Body += "\n\nThe club's new pavilion was opened by the mayor."
	arts = append(arts[:4], report("n1", "County Herald", "Library extends its hours", 13,
		"The county library will open on Sundays from April, the council said."))
	changed := start(t, file, "k", arts)
	if !changed.Opened() || changed.analysed != 2 {
		t.Fatalf("changed: opened %v, %d indexed, want 2", changed.Opened(), changed.analysed)
	}
	for q, want := range map[string]string{"pavilion": "c1", "sundays library": "n1", "seed library": ""} {
		got := searchIDs(changed, q)
		if want == "" && len(got) > 0 || want != "" && (len(got) != 1 || got[0] != want) {
			t.Errorf("%s: %v, want %q", q, got, want)
		}
	}
	if changed.Len() != 5 {
		t.Errorf("%d articles", changed.Len())
	}

	// And the next run has all of that, indexing nothing.
	again := start(t, file, "k", copies(arts))
	if !again.Opened() || again.analysed != 0 {
		t.Fatalf("after the change: opened %v, %d indexed", again.Opened(), again.analysed)
	}
	if got := searchIDs(again, "pavilion"); len(got) != 1 {
		t.Errorf("pavilion after the change: %v", got)
	}
	if got := searchIDs(again, "allotment"); len(got) != 0 {
		t.Errorf("a removed article is found: %v", got)
	}
}

func TestKeptIndexRebuilt(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.bsi")
	start(t, good, "k", fixtures())
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	older := bytes.Clone(data)
	binary.LittleEndian.PutUint32(older[8:], 0) // the version after the magic
	flipped := bytes.Clone(data)
	flipped[len(flipped)-10] ^= 1
	tests := []struct {
		name    string
		data    []byte
		key     string
		problem bool
	}{
		{"an older version", older, "k", false},
		{"another program", data, "other", false},
		{"truncated", data[:len(data)-1], "k", true},
		{"half written by a killed process", data[:len(data)/2], "k", true},
		{"empty", []byte{}, "k", true},
		{"a byte changed", flipped, "k", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "x.bsi")
			if err := os.WriteFile(file, tt.data, 0o600); err != nil {
				t.Fatal(err)
			}
			lib := Open(keptAt(file, tt.key))
			d := lib.Apply([]feed.Event{{Articles: copies(fixtures())}})
			if lib.Opened() || lib.analysed != len(fixtures()) {
				t.Fatalf("opened %v, %d indexed", lib.Opened(), lib.analysed)
			}
			if got := (d.Problems == 1 && len(lib.Problems()) == 1); got != tt.problem {
				t.Errorf("a problem said: %v (%d), want %v", got, d.Problems, tt.problem)
			}
			lib.Compact()
			lib.Close()
			if got := searchIDs(lib, "cricket"); len(got) != 1 {
				t.Errorf("cricket: %v", got)
			}
			// Rebuilt and written back: the next run opens it.
			next := start(t, file, tt.key, copies(fixtures()))
			if !next.Opened() || next.analysed != 0 {
				t.Errorf("next run: opened %v, %d indexed", next.Opened(), next.analysed)
			}
		})
	}
}

func TestKeptIndexTwoReaders(t *testing.T) {
	file := filepath.Join(t.TempDir(), "x.bsi")
	start(t, file, "k", fixtures())
	// Two readers on one folder: one sees a changed article, the other
	// the old one; both write back at once.
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Go(func() {
			arts := copies(fixtures())
			if i == 1 {
				arts[4].Body += " Tomatoes were the favourite."
			}
			for range 5 {
				start(t, file, "k", arts)
			}
		})
	}
	wg.Wait()
	// Whichever wrote last, the file is whole, and it serves a third.
	lib := start(t, file, "k", copies(fixtures()))
	if !lib.Opened() {
		t.Fatal("the index two readers wrote is not opened")
	}
	if lib.analysed > 1 {
		t.Errorf("%d indexed, want at most the one that changed", lib.analysed)
	}
	if got := searchIDs(lib, "seed library"); len(got) != 1 || got[0] != "g1" {
		t.Errorf("seed library: %v", got)
	}
	if got := searchIDs(lib, "tomatoes"); len(got) != 0 {
		t.Errorf("tomatoes: %v", got)
	}
}
