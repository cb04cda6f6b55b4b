// Package state remembers what a reader has done with articles between
// runs: which were read, which starred, and where in a list they were.
//
// It is kept in a small SQLite database, keyed by article ID. IDs are
// content hashes, so renaming or moving an article's file keeps its
// state. The database is written in WAL mode with a busy timeout, so two
// copies of Broadsheet open at once take turns rather than corrupt it.
// Marks are never given up lightly: only a database SQLite itself
// reports damaged (SQLITE_CORRUPT, SQLITE_NOTADB, or a failed integrity
// check) is moved aside and a fresh one made. One that is busy (another
// process holds it locked for longer than the busy timeout) or
// read-only is opened to read: the marks show, and each write fails with
// an error that says why, never silently. The articles themselves are never touched.
package state

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/adrg/xdg"
	"modernc.org/sqlite" // registers the "sqlite" driver; pure Go, no cgo
	sqlite3 "modernc.org/sqlite/lib"
)

// busyTimeout is how long a write waits for another copy of Broadsheet
// to finish its own. A variable so that tests of a locked database need
// not wait as long.
var busyTimeout = 5 * time.Second

// schema creates the tables; it is safe to run on every open.
const schema = `
CREATE TABLE IF NOT EXISTS marks (
	article TEXT PRIMARY KEY,
	read    INTEGER NOT NULL DEFAULT 0,
	starred INTEGER NOT NULL DEFAULT 0,
	changed INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS places (
	key     TEXT PRIMARY KEY,
	article TEXT NOT NULL,
	changed INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS positions (
	article TEXT PRIMARY KEY,
	line    INTEGER NOT NULL,
	changed INTEGER NOT NULL
);
PRAGMA user_version = 1;
`

// DB is an open state database. It is safe for concurrent use.
type DB struct {
	db   *sql.DB
	path string
	// MovedAside is where a damaged database found at the path was
	// moved before a fresh one was made, or "" when none was.
	MovedAside string
	// readOnly is why the database could only be opened to read, or nil
	// when it is open to write.
	readOnly error
}

// Mark is what the reader has done with one article.
type Mark struct {
	Read    bool
	Starred bool
}

// DefaultPath returns where the state database lives unless told
// otherwise: broadsheet/state.db under the XDG state folder
// ($XDG_STATE_HOME, or ~/.local/state). The folder is made if need be.
func DefaultPath() (string, error) {
	p, err := xdg.StateFile(filepath.Join("broadsheet", "state.db"))
	if err != nil {
		return "", fmt.Errorf("state folder: %w", err)
	}
	return p, nil
}

// Open opens the state database at path, making it when it does not
// exist. A file there that SQLite reports damaged is renamed to
// path.corrupt-<timestamp> (MovedAside says where) and a fresh database
// made in its place. One that stays busy for busyTimeout, or is
// read-only, is opened to read only (see ReadOnly); one that cannot be
// opened at all gives an error, and is left as it is.
func Open(path string) (*DB, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("state folder: %w", err)
	}
	db, err := open(path, false)
	if err == nil {
		return db, nil
	}
	switch classify(err) {
	case damaged:
		aside, merr := moveAside(path)
		if merr != nil {
			return nil, fmt.Errorf("state %s is damaged (%v) and could not be moved aside: %w", path, err, merr)
		}
		db, err = open(path, false)
		if err != nil {
			return nil, fmt.Errorf("state %s: %w", path, err)
		}
		db.MovedAside = aside
		return db, nil
	case unavailable:
		// A busy database has been tried again and again for
		// busyTimeout already (SQLite's busy handler does it), and a
		// read-only one will not change: settle for reading.
		ro, rerr := open(path, true)
		if rerr != nil {
			return nil, fmt.Errorf("state %s cannot be written (%v) nor read: %w", path, err, rerr)
		}
		ro.readOnly = err
		return ro, nil
	}
	return nil, fmt.Errorf("state %s: %w", path, err)
}

// How Open treats an error met opening a database.
const (
	failed      = iota // anything else: reported, the file left alone
	damaged            // SQLite reports the file damaged or not a database
	unavailable        // busy, locked or read-only: the file is sound
)

// errDamaged is the error of a database whose integrity check fails.
var errDamaged = errors.New("damaged")

// classify says how Open treats err, from the result code SQLite gave.
// Only damage moves a database aside: a busy lock or a read-only file
// says nothing of the marks in it.
func classify(err error) int {
	if errors.Is(err, errDamaged) {
		return damaged
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return failed
	}
	switch se.Code() & 0xff { // the primary code, without its extension
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return damaged
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN:
		return unavailable
	}
	return failed
}

// open opens and checks the database, making its tables; with readOnly
// it opens it to read only, and writes nothing.
func open(path string, readOnly bool) (*DB, error) {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	if readOnly {
		q.Set("mode", "ro")
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(NORMAL)")
		q.Set("_txlock", "immediate")
		for k, v := range testWriteDSN {
			q[k] = v
		}
	}
	sqldb, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	if err := check(sqldb, readOnly); err != nil {
		sqldb.Close()
		return nil, err
	}
	return &DB{db: sqldb, path: path}, nil
}

// testWriteDSN holds query parameters tests add when a database is
// opened to write, such as mode=ro to stand for a file the process may
// not write (which root always may).
var testWriteDSN url.Values

// check runs SQLite's quick check on a newly opened database and, unless
// readOnly, makes its tables, so that a database that cannot be written
// is found when it is opened, not at the first mark.
func check(sqldb *sql.DB, readOnly bool) error {
	var res string
	if err := sqldb.QueryRow("PRAGMA quick_check").Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return fmt.Errorf("%w: %s", errDamaged, res)
	}
	if readOnly {
		return nil
	}
	_, err := sqldb.Exec(schema)
	return err
}

// moveAside renames an unreadable database, with its WAL and shared
// memory files, out of the way, and returns its new name.
func moveAside(path string) (string, error) {
	aside := path + ".corrupt-" + time.Now().UTC().Format("20060102T150405Z")
	if err := os.Rename(path, aside); err != nil {
		return "", err
	}
	for _, ext := range []string{"-wal", "-shm"} {
		if err := os.Rename(path+ext, aside+ext); err != nil && !errors.Is(err, os.ErrNotExist) {
			return aside, err
		}
	}
	return aside, nil
}

// Path returns the database's file.
func (d *DB) Path() string { return d.path }

// Close closes the database.
func (d *DB) Close() error { return d.db.Close() }

// MarkRead marks an article read or unread.
func (d *DB) MarkRead(id string, read bool) error {
	return d.setMark(id, "read", read)
}

// SetStarred stars or unstars an article.
func (d *DB) SetStarred(id string, starred bool) error {
	return d.setMark(id, "starred", starred)
}

// ReadOnly returns why the database could only be opened to read, or
// nil when it is open to write. While it is read-only every write fails
// with this reason.
func (d *DB) ReadOnly() error {
	if d.readOnly == nil {
		return nil
	}
	return fmt.Errorf("open to read only, marks made now are not kept (%w)", d.readOnly)
}

func (d *DB) setMark(id, column string, on bool) error {
	if err := d.ReadOnly(); err != nil {
		return err
	}
	// column is one of two constants, never user input.
	_, err := d.db.Exec(`INSERT INTO marks (article, `+column+`, changed) VALUES (?, ?, ?)
		ON CONFLICT (article) DO UPDATE SET `+column+` = excluded.`+column+`, changed = excluded.changed`,
		id, on, time.Now().Unix())
	if err != nil {
		return fmt.Errorf("mark %s %s: %w", id, column, err)
	}
	return nil
}

// Mark returns what the reader has done with an article; the zero Mark
// for one never touched.
func (d *DB) Mark(id string) (Mark, error) {
	var m Mark
	err := d.db.QueryRow(`SELECT read, starred FROM marks WHERE article = ?`, id).Scan(&m.Read, &m.Starred)
	if errors.Is(err, sql.ErrNoRows) {
		return Mark{}, nil
	}
	if err != nil {
		return Mark{}, fmt.Errorf("mark %s: %w", id, err)
	}
	return m, nil
}

// IsRead reports whether an article has been read. Errors read as unread.
func (d *DB) IsRead(id string) bool {
	m, _ := d.Mark(id)
	return m.Read
}

// IsStarred reports whether an article is starred. Errors read as not.
func (d *DB) IsStarred(id string) bool {
	m, _ := d.Mark(id)
	return m.Starred
}

// Snapshot returns the marks of every article that has any, by ID: one
// query for a whole list rather than one an article.
func (d *DB) Snapshot() (map[string]Mark, error) {
	rows, err := d.db.Query(`SELECT article, read, starred FROM marks WHERE read OR starred`)
	if err != nil {
		return nil, fmt.Errorf("marks: %w", err)
	}
	defer rows.Close()
	out := make(map[string]Mark)
	for rows.Next() {
		var id string
		var m Mark
		if err := rows.Scan(&id, &m.Read, &m.Starred); err != nil {
			return nil, fmt.Errorf("marks: %w", err)
		}
		out[id] = m
	}
	return out, rows.Err()
}

// SetPlace remembers the article a list was last at. key names the list
// (say, "all" or "outlet:The Harbour Gazette").
func (d *DB) SetPlace(key, articleID string) error {
	if err := d.ReadOnly(); err != nil {
		return err
	}
	_, err := d.db.Exec(`INSERT INTO places (key, article, changed) VALUES (?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET article = excluded.article, changed = excluded.changed`,
		key, articleID, time.Now().Unix())
	if err != nil {
		return fmt.Errorf("place %s: %w", key, err)
	}
	return nil
}

// Place returns the article a list was last at, or "" when none is kept.
func (d *DB) Place(key string) (string, error) {
	var id string
	err := d.db.QueryRow(`SELECT article FROM places WHERE key = ?`, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("place %s: %w", key, err)
	}
	return id, nil
}

// SetPosition remembers the line the reader was at in an article.
func (d *DB) SetPosition(articleID string, line int) error {
	_, err := d.db.Exec(`INSERT INTO positions (article, line, changed) VALUES (?, ?, ?)
		ON CONFLICT (article) DO UPDATE SET line = excluded.line, changed = excluded.changed`,
		articleID, line, time.Now().Unix())
	if err != nil {
		return fmt.Errorf("position %s: %w", articleID, err)
	}
	return nil
}

// Positions returns the line the reader was at in every article that
// has one kept, by ID.
func (d *DB) Positions() (map[string]int, error) {
	rows, err := d.db.Query(`SELECT article, line FROM positions`)
	if err != nil {
		return nil, fmt.Errorf("positions: %w", err)
	}
	defer rows.Close()
	out := make(map[string]int)
	for rows.Next() {
		var id string
		var line int
		if err := rows.Scan(&id, &line); err != nil {
			return nil, fmt.Errorf("positions: %w", err)
		}
		out[id] = line
	}
	return out, rows.Err()
}

// Check runs SQLite's full integrity check and returns an error unless
// the database is sound.
func (d *DB) Check() error {
	var res string
	if err := d.db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return fmt.Errorf("integrity check: %s", res)
	}
	return nil
}
