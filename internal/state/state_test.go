package state

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/adrg/xdg"
)

func openTemp(t *testing.T) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "state.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

func TestMarks(t *testing.T) {
	db, _ := openTemp(t)
	steps := []struct {
		name    string
		do      func() error
		id      string
		want    Mark
		isRead  bool
		starred bool
	}{
		{"untouched", func() error { return nil }, "a1", Mark{}, false, false},
		{"read", func() error { return db.MarkRead("a1", true) }, "a1", Mark{Read: true}, true, false},
		{"starred too", func() error { return db.SetStarred("a1", true) }, "a1", Mark{Read: true, Starred: true}, true, true},
		{"unread keeps the star", func() error { return db.MarkRead("a1", false) }, "a1", Mark{Starred: true}, false, true},
		{"others untouched", func() error { return nil }, "b2", Mark{}, false, false},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			if err := s.do(); err != nil {
				t.Fatal(err)
			}
			got, err := db.Mark(s.id)
			if err != nil {
				t.Fatal(err)
			}
			if got != s.want {
				t.Errorf("Mark(%s) = %+v, want %+v", s.id, got, s.want)
			}
			if db.IsRead(s.id) != s.isRead || db.IsStarred(s.id) != s.starred {
				t.Errorf("IsRead, IsStarred = %v, %v; want %v, %v", db.IsRead(s.id), db.IsStarred(s.id), s.isRead, s.starred)
			}
		})
	}
}

func TestStateLastsAcrossOpens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nested", "state.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	db.MarkRead("a1", true)
	db.SetStarred("b2", true)
	db.SetPlace("all", "b2")
	db.Close()

	db, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	snap, err := db.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Mark{"a1": {Read: true}, "b2": {Starred: true}}
	if fmt.Sprint(snap) != fmt.Sprint(want) {
		t.Errorf("Snapshot() = %v, want %v", snap, want)
	}
	if place, _ := db.Place("all"); place != "b2" {
		t.Errorf("Place(all) = %q, want b2", place)
	}
	if place, _ := db.Place("outlet:none"); place != "" {
		t.Errorf("Place of an unknown list = %q, want none", place)
	}
}

func TestPlaceMoves(t *testing.T) {
	db, _ := openTemp(t)
	for _, id := range []string{"a", "b", "c"} {
		if err := db.SetPlace("all", id); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := db.Place("all"); got != "c" {
		t.Errorf("Place = %q, want the last set, c", got)
	}
}

// TestTwoCopiesWriteAtOnce is two copies of Broadsheet open on one
// database, each writing from several goroutines at once.
func TestTwoCopiesWriteAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	var dbs []*DB
	for range 2 {
		db, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		dbs = append(dbs, db)
	}
	const perWriter = 100
	var wg sync.WaitGroup
	errs := make(chan error, 8*perWriter)
	for c, db := range dbs {
		for g := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range perWriter {
					id := fmt.Sprintf("copy%d-g%d-%d", c, g, i)
					if err := db.MarkRead(id, true); err != nil {
						errs <- err
					}
					if err := db.SetStarred("shared", i%2 == 0); err != nil {
						errs <- err
					}
					if err := db.SetPlace("all", id); err != nil {
						errs <- err
					}
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for _, db := range dbs {
		if err := db.Check(); err != nil {
			t.Fatal(err)
		}
	}
	snap, err := dbs[0].Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	read := 0
	for id, m := range snap {
		if m.Read && strings.HasPrefix(id, "copy") {
			read++
		}
	}
	if want := 2 * 4 * perWriter; read != want {
		t.Errorf("%d articles marked read, want %d", read, want)
	}
}

func TestUnreadableDatabaseIsMovedAside(t *testing.T) {
	tests := []struct {
		name    string
		content []byte
	}{
		{"garbage", bytes.Repeat([]byte("not a database "), 512)},
		{"damaged header", append([]byte("SQLite format 3\x00"), bytes.Repeat([]byte{0xff}, 4096)...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "state.db")
			if err := os.WriteFile(path, tt.content, 0o644); err != nil {
				t.Fatal(err)
			}
			db, err := Open(path)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer db.Close()
			if db.MovedAside == "" || !strings.HasPrefix(filepath.Base(db.MovedAside), "state.db.corrupt-") {
				t.Fatalf("MovedAside = %q, want state.db.corrupt-<timestamp>", db.MovedAside)
			}
			kept, err := os.ReadFile(db.MovedAside)
			if err != nil || !bytes.Equal(kept, tt.content) {
				t.Errorf("the unreadable file was not kept as it was: %v", err)
			}
			if err := db.MarkRead("a1", true); err != nil {
				t.Fatalf("fresh database: %v", err)
			}
			if !db.IsRead("a1") {
				t.Error("fresh database does not keep marks")
			}
		})
	}
}

func TestGoodDatabaseIsNotMoved(t *testing.T) {
	db, path := openTemp(t)
	db.MarkRead("a1", true)
	db.Close()
	again, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if again.MovedAside != "" {
		t.Errorf("a sound database was moved aside to %s", again.MovedAside)
	}
	matches, _ := filepath.Glob(path + ".corrupt-*")
	if len(matches) > 0 {
		t.Errorf("corrupt copies made: %v", matches)
	}
}

func TestDefaultPathFollowsXDG(t *testing.T) {
	// Cleanups run last first: reload once the environment is restored.
	t.Cleanup(xdg.Reload)
	home := t.TempDir()
	t.Setenv("XDG_STATE_HOME", home)
	xdg.Reload()
	p, err := DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(home, "broadsheet", "state.db"); p != want {
		t.Errorf("DefaultPath() = %s, want %s", p, want)
	}
}

func TestPositionsLastAcrossOpens(t *testing.T) {
	db, path := openTemp(t)
	for _, line := range []int{4, 17} {
		if err := db.SetPosition("a", line); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got, err := db.Positions()
	if err != nil || got["a"] != 17 || len(got) != 1 {
		t.Errorf("Positions() = %v, %v; want a at line 17", got, err)
	}
}
