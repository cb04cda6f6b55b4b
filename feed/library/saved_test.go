package library

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	"github.com/broadsheet/broadsheet/feed"
)

// run loads arts into a library that keeps its stories in file, groups
// them, and returns each article's story ID.
func run(file string, arts []*feed.Article) map[string]string {
	return runKeyed(file, "program 1", arts)
}

// keptAndFresh keeps a grouping of every article but the first in file,
// and returns its stories and those of every article grouped afresh
// (see freshOf).
func keptAndFresh(t *testing.T, file string, arts []*feed.Article) (first, fresh map[string]string) {
	t.Helper()
	first = run(file, arts[1:])
	return first, freshOf(t, first, arts)
}

// freshOf groups arts afresh, with no kept grouping, and fails the test
// unless that tells apart a grouping taken up from first's: m1's story
// afresh must not be the one m2 was in when first was kept.
func freshOf(t *testing.T, first map[string]string, arts []*feed.Article) map[string]string {
	t.Helper()
	fresh := run(filepath.Join(t.TempDir(), "none.bin"), arts)
	if fresh["m1"] == first["m2"] {
		t.Fatal("the test cannot tell a kept grouping from a fresh one")
	}
	return fresh
}

// runKeyed is run with the key the grouping is kept under.
func runKeyed(file, key string, arts []*feed.Article) map[string]string {
	lib := New()
	lib.KeepStories(kept(file, key))
	lib.Apply([]feed.Event{{Articles: arts}})
	lib.Regroup()
	ids := make(map[string]string)
	for _, a := range arts {
		ids[a.ID] = lib.StoryOf(a.ID)
	}
	return ids
}

func TestKeepStories(t *testing.T) {
	arts := fixtures() // m1, m2, m3 are one flood; m1 is the earliest by ID
	file := filepath.Join(t.TempDir(), "cache", "stories.bin")
	first := run(file, arts[1:])
	if _, err := os.Stat(file); err != nil {
		t.Fatalf("grouping was not saved: %v", err)
	}
	// The next start finds m1 too. Grouped afresh, the flood's story
	// would be named by m1; taken up from the saved grouping, m1 joins
	// the story under the name it had.
	second := run(file, arts)
	if second["m1"] != first["m2"] || second["m2"] != first["m2"] || second["m3"] != first["m3"] {
		t.Errorf("m1 did not join the saved flood story: first %v, second %v", first, second)
	}
	for _, id := range []string{"c1", "g1"} {
		if second[id] != first[id] {
			t.Errorf("%s moved from story %s to %s", id, first[id], second[id])
		}
	}
	fresh := freshOf(t, first, arts)

	// A damaged file is ignored: the stories are grouped afresh, and
	// the file written anew.
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, data[:len(data)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	third := run(file, arts)
	for id, want := range fresh {
		if third[id] != want {
			t.Errorf("with a damaged file, %s is in %s, want %s as grouped afresh", id, third[id], want)
		}
	}
	if again := run(file, arts); again["m1"] != third["m1"] {
		t.Errorf("the damaged file was not replaced: %v then %v", third, again)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(file), ".tmp-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// kept names file as the one a grouping is kept in, under key.
func kept(file, key string) func() (string, string) {
	return func() (string, string) { return file, key }
}

func TestKeepStoriesOtherProgram(t *testing.T) {
	// A grouping saved by another program (or the same with other
	// settings) may follow other rules: it is not taken up.
	arts := fixtures()
	file := filepath.Join(t.TempDir(), "stories.bin")
	_, fresh := keptAndFresh(t, file, arts)
	other := runKeyed(file, "program 2", arts)
	for id, want := range fresh {
		if other[id] != want {
			t.Errorf("under another key, %s is in %s, want %s as grouped afresh", id, other[id], want)
		}
	}
	// and the file now holds the grouping under the new key.
	if again := runKeyed(file, "program 2", arts); again["m1"] != other["m1"] {
		t.Errorf("the file was not written under the new key: %v then %v", other, again)
	}
}

func TestKeepStoriesSavesSeldom(t *testing.T) {
	// A watched folder may change every few seconds: the grouping is
	// saved once, not again at every change, and a start from the file
	// groups what it lacks.
	arts := fixtures()
	file := filepath.Join(t.TempDir(), "stories.bin")
	lib := New()
	lib.KeepStories(kept(file, "program 1"))
	lib.Apply([]feed.Event{{Articles: arts[:3]}})
	lib.Regroup()
	first, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lib.Apply([]feed.Event{{Articles: arts[3:]}})
	lib.Regroup()
	if now, _ := os.ReadFile(file); string(now) != string(first) {
		t.Error("the grouping was saved again straight away")
	}
	next := run(file, arts)
	for _, a := range arts {
		if next[a.ID] != lib.StoryOf(a.ID) {
			t.Errorf("%s: story %s from the file, %s in the library", a.ID, next[a.ID], lib.StoryOf(a.ID))
		}
	}
}

func TestKeepStoriesOlderLayout(t *testing.T) {
	// A grouping kept before the key's header was padded to 8 bytes (so
	// that the vectors lie aligned in the mapping) is not taken up: the
	// stories are grouped afresh and the file written anew.
	arts := fixtures()
	file := filepath.Join(t.TempDir(), "stories.bin")
	_, fresh := keptAndFresh(t, file, arts)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	header := keyHeader("program 1")
	if len(header)%8 != 0 || !bytes.HasPrefix(data, header) {
		t.Fatalf("the file does not open with a padded header: %q", data[:min(len(data), 16)])
	}
	old := append(binary.AppendUvarint(nil, uint64(len("program 1"))), "program 1"...)
	if err := os.WriteFile(file, append(old, data[len(header):]...), 0o600); err != nil {
		t.Fatal(err)
	}
	older := run(file, arts)
	for id, want := range fresh {
		if older[id] != want {
			t.Errorf("from the older layout, %s is in %s, want %s as grouped afresh", id, older[id], want)
		}
	}
	if again := run(file, arts); again["m1"] != older["m1"] {
		t.Errorf("the older file was not replaced: %v then %v", older, again)
	}
}
