package state

import (
	"database/sql"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// shortBusy makes a locked database give up at once, for the length of
// the test.
func shortBusy(t *testing.T) {
	t.Helper()
	old := busyTimeout
	busyTimeout = 20 * time.Millisecond
	t.Cleanup(func() { busyTimeout = old })
}

// starredDB makes a database at path with article a1 starred.
func starredDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "state.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetStarred("a1", true); err != nil {
		t.Fatal(err)
	}
	db.Close()
	return path
}

// hold opens path from another connection, as another process would,
// and runs stmts on it, keeping what they lock until the test ends.
func hold(t *testing.T, path string, stmts ...string) {
	t.Helper()
	other, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	other.SetMaxOpenConns(1) // one connection, so the lock stays on it
	t.Cleanup(func() { other.Close() })
	for _, s := range stmts {
		if _, err := other.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// assertNotMoved fails t when a database at path was moved aside.
func assertNotMoved(t *testing.T, path string) {
	t.Helper()
	if matches, _ := filepath.Glob(path + ".corrupt-*"); len(matches) > 0 {
		t.Errorf("a sound database was moved aside: %v", matches)
	}
}

// A database another process holds locked for writing is sound: it is
// opened to read, its marks show, and writes say why they are not kept.
func TestLockedDatabaseOpensReadOnly(t *testing.T) {
	shortBusy(t)
	path := starredDB(t)
	hold(t, path, "BEGIN IMMEDIATE", "INSERT INTO marks (article, read, changed) VALUES ('other', 1, 0)")
	db, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer db.Close()
	assertNotMoved(t, path)
	if db.MovedAside != "" {
		t.Errorf("MovedAside = %q", db.MovedAside)
	}
	if db.ReadOnly() == nil {
		t.Fatal("a locked database was opened to write")
	}
	if !db.IsStarred("a1") {
		t.Error("the star was lost")
	}
	for name, err := range map[string]error{
		"MarkRead": db.MarkRead("a2", true), "SetStarred": db.SetStarred("a2", true), "SetPlace": db.SetPlace("all", "a2"),
	} {
		if err == nil || !strings.Contains(err.Error(), "not kept") {
			t.Errorf("%s on a read-only database = %v, want an error that says the mark is not kept", name, err)
		}
	}
}

// A database another process holds with an exclusive lock cannot even be
// read: Open says so, and leaves it where it is.
func TestExclusivelyLockedDatabaseIsLeftAlone(t *testing.T) {
	shortBusy(t)
	path := starredDB(t)
	hold(t, path, "PRAGMA locking_mode = EXCLUSIVE", "BEGIN EXCLUSIVE", "INSERT INTO marks (article, read, changed) VALUES ('other', 1, 0)")
	db, err := Open(path)
	if err == nil {
		defer db.Close()
		if db.MovedAside != "" {
			t.Fatalf("a locked database was moved aside to %s", db.MovedAside)
		}
		if db.ReadOnly() == nil {
			t.Fatal("an exclusively locked database was opened to write")
		}
	}
	assertNotMoved(t, path)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the database is gone: %v", err)
	}
}

// A file the process may not write (here mode=ro, as root may write any
// file) is opened to read, not moved aside.
func TestReadOnlyDatabaseOpensReadOnly(t *testing.T) {
	path := starredDB(t)
	testWriteDSN = url.Values{"mode": {"ro"}}
	t.Cleanup(func() { testWriteDSN = nil })
	db, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer db.Close()
	assertNotMoved(t, path)
	if db.ReadOnly() == nil {
		t.Fatal("a read-only database was opened to write")
	}
	if !db.IsStarred("a1") {
		t.Error("the star was lost")
	}
	if err := db.MarkRead("a2", true); err == nil {
		t.Error("a mark on a read-only database was dropped without an error")
	}
}

// classify is judged on the errors SQLite really gives.
func TestClassify(t *testing.T) {
	shortBusy(t)
	dir := t.TempDir()

	garbage := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(garbage, []byte(strings.Repeat("not a database ", 512)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, notADB := open(garbage, false)

	path := starredDB(t)
	ro, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	_, readOnly := ro.Exec("INSERT INTO marks (article, read, changed) VALUES ('x', 1, 0)")

	hold(t, path, "BEGIN IMMEDIATE", "INSERT INTO marks (article, read, changed) VALUES ('other', 1, 0)")
	_, busy := open(path, false)

	tests := []struct {
		name string
		err  error
		want int
	}{
		{"not a database", notADB, damaged},
		{"integrity check failed", errors.Join(errors.New("open"), errDamaged), damaged},
		{"read-only", readOnly, unavailable},
		{"busy", busy, unavailable},
		{"not SQLite's", os.ErrPermission, failed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err == nil {
				t.Fatal("no error to classify")
			}
			if got := classify(tt.err); got != tt.want {
				t.Errorf("classify(%v) = %d, want %d", tt.err, got, tt.want)
			}
		})
	}
}
