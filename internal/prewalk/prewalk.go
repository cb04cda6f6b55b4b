// Package prewalk lists the folders a command names, and what lstat says
// of each file in them, while the program is still starting.
//
// Before main runs, Go initialises every package the program imports,
// one at a time on one core; Broadsheet's take about 0.2 s, nearly all
// of it one dependency's tables (go-dateparser, through go-trafilatura).
// A second start of `broadsheet list` or `search` then spends most of
// what is left walking the folders and asking the file system about each
// file, which needs none of those packages. Package start (imported
// only by the program's main package) calls Start from its init, which
// Go runs early, as the package imports nothing that waits on the slow
// ones; the walk then runs on the other core while initialisation goes
// on, and the loader takes its result (Take) instead of walking again.
//
// This package imports only the standard library and x/sys, so that it
// can run before the rest of the program is initialised; it must stay so.
//
// A walk taken is as a walk made a moment earlier: a file changed since
// is found changed by the next start, as one changed just after a walk.
package prewalk

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// A Tree is what a walk found under one folder: the entries of each
// folder it read, in the order os.ReadDir gives them, with what lstat
// said of each regular file. Folders whose names begin with a dot below
// the root are not read (the loader passes over them), nor those behind
// symbolic links; WalkDir reads them from the disk if asked.
type Tree struct {
	dirs map[string][]Entry
}

// An Entry is one name in a folder, as os.ReadDir reports it, and for a
// regular file what lstat said of it then (Stat).
type Entry struct {
	name string
	typ  fs.FileMode
	dir  string // the folder's name, as WalkDir names it
	lstat
}

func (e *Entry) Name() string      { return e.name }
func (e *Entry) IsDir() bool       { return e.typ.IsDir() }
func (e *Entry) Type() fs.FileMode { return e.typ }
func (e *Entry) String() string    { return fs.FormatDirEntry(e) }

// Info is what lstat says of the file: what it said when the walk found
// it, for a regular file, and what it says now for the others.
func (e *Entry) Info() (fs.FileInfo, error) {
	if info, ok := e.Stat(); ok {
		return info, nil
	}
	return os.Lstat(join(e.dir, plainDir(e.dir), e.name))
}

// walks are the walks Start began and no one has taken yet, by root.
var walks struct {
	sync.Mutex
	m map[string]*walk
}

type walk struct {
	done chan struct{}
	tree *Tree
}

// Start walks each folder of roots in the background, for Take; a root
// that is not a folder is passed over.
func Start(roots ...string) {
	walks.Lock()
	defer walks.Unlock()
	for _, root := range roots {
		if walks.m[root] != nil {
			continue
		}
		if walks.m == nil {
			walks.m = make(map[string]*walk)
		}
		w := &walk{done: make(chan struct{})}
		walks.m[root] = w
		go func() {
			defer close(w.done)
			if info, err := os.Stat(root); err == nil && info.IsDir() {
				w.tree = read(root)
			}
		}()
	}
}

// Take returns the walk Start began of root, once it is done, and
// forgets it: a second Take of root, or one of a root never started,
// returns nil.
func Take(root string) *Tree {
	walks.Lock()
	w := walks.m[root]
	delete(walks.m, root)
	walks.Unlock()
	if w == nil {
		return nil
	}
	<-w.done
	return w.tree
}

// read walks the folder root: every folder below it but those named
// with a leading dot, and the lstat of every regular file.
func read(root string) *Tree {
	t := &Tree{dirs: make(map[string][]Entry)}
	var visit func(dir string)
	visit = func(dir string) {
		entries, ok := readDir(dir)
		if !ok {
			return
		}
		t.dirs[dir] = entries
		plain := plainDir(dir)
		for i := range entries {
			e := &entries[i]
			if e.typ.IsDir() && !strings.HasPrefix(e.name, ".") {
				visit(join(dir, plain, e.name))
			}
		}
	}
	visit(root)
	return t
}

// WalkDir is filepath.WalkDir, reading the folders t holds from t and
// the others from the disk; the entries of those read from t are
// Entries, whose Stat holds what lstat said. A nil t reads every folder
// from the disk.
func (t *Tree) WalkDir(root string, fn fs.WalkDirFunc) error {
	info, err := os.Lstat(root)
	if err != nil {
		err = fn(root, nil, err)
	} else {
		err = t.walkDir(root, fs.FileInfoToDirEntry(info), fn)
	}
	if err == filepath.SkipDir || err == filepath.SkipAll {
		return nil
	}
	return err
}

// walkDir is filepath's walkDir, with the folders' entries from t.
func (t *Tree) walkDir(path string, d fs.DirEntry, fn fs.WalkDirFunc) error {
	if err := fn(path, d, nil); err != nil || !d.IsDir() {
		if err == filepath.SkipDir && d.IsDir() {
			err = nil
		}
		return err
	}
	var entries []Entry
	if t != nil {
		entries = t.dirs[path]
	}
	var dirs []fs.DirEntry
	if entries == nil {
		var err error
		dirs, err = os.ReadDir(path)
		if err != nil {
			// Second call, to report the error.
			if err = fn(path, d, err); err != nil {
				if err == filepath.SkipDir && d.IsDir() {
					err = nil
				}
				return err
			}
		}
	}
	plain := plainDir(path)
	for i := range len(dirs) + len(entries) {
		var d1 fs.DirEntry
		if entries != nil {
			d1 = &entries[i]
		} else {
			d1 = dirs[i]
		}
		path1 := join(path, plain, d1.Name())
		if err := t.walkDir(path1, d1, fn); err != nil {
			if err == filepath.SkipDir {
				break
			}
			return err
		}
	}
	return nil
}

// plainDir reports whether a folder's name is clean, and neither "."
// nor one that ends in a separator: a name in the folder can then be put
// after it and a separator as it is (see join).
func plainDir(dir string) bool {
	return dir != "" && dir != "." && !strings.HasSuffix(dir, string(filepath.Separator)) && filepath.Clean(dir) == dir
}

// join is filepath.Join(dir, name) for a name the folder dir listed
// (never empty, "." or "..", nor holding a separator), where plain is
// plainDir(dir): without cleaning the result again.
func join(dir string, plain bool, name string) string {
	if plain {
		return dir + string(filepath.Separator) + name
	}
	return filepath.Join(dir, name)
}
