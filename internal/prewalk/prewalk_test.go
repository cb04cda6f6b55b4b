package prewalk

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// tree makes a folder with files, empty and hidden folders, and, where
// the system allows, links to a file, to a folder and to nowhere, and a
// folder that cannot be read.
func tree(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for _, f := range []string{
		"a.txt", "b.html", "B.txt", "notes/c.md", "notes/deep/d.txt", "notes/deep/e.json",
		".hidden/f.txt", "notes/.git/config", "zz/last.txt", "empty/.keep",
	} {
		p := filepath.Join(root, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("text of "+f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(root, "bare"), 0o755); err != nil {
		t.Fatal(err)
	}
	old := time.Date(2020, 3, 4, 5, 6, 7, 8, time.UTC)
	if err := os.Chtimes(filepath.Join(root, "a.txt"), old, old); err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" {
		for link, target := range map[string]string{"link.txt": "a.txt", "linkdir": "notes", "dangling": "nowhere"} {
			if err := os.Symlink(target, filepath.Join(root, link)); err != nil {
				t.Fatal(err)
			}
		}
		locked := filepath.Join(root, "locked")
		if err := os.Mkdir(locked, 0o000); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(locked, 0o755) })
	}
	return root
}

// visits is what a walk reports: each path, its entry's type, whether
// it came with an error, and for a regular file its lstat's size,
// mode and time.
func visits(t *testing.T, walk func(root string, fn fs.WalkDirFunc) error, root string, skip func(string, fs.DirEntry) error) []string {
	t.Helper()
	var out []string
	err := walk(root, func(p string, d fs.DirEntry, err error) error {
		line := p
		if d != nil {
			line += fmt.Sprintf(" %v %v", d.Name(), d.Type())
		}
		if err != nil {
			line += " error"
		}
		if d != nil && err == nil && d.Type().IsRegular() {
			info, ierr := d.Info()
			if ierr != nil {
				t.Fatalf("%s: Info: %v", p, ierr)
			}
			line += fmt.Sprintf(" %d %v %v %v", info.Size(), info.Mode(), info.ModTime().UnixNano(), info.Name())
		}
		out = append(out, line)
		if skip != nil && d != nil {
			return skip(p, d)
		}
		return nil
	})
	out = append(out, fmt.Sprint("returned ", err))
	return out
}

// TestWalkDirAsFilepath checks that WalkDir reports what
// filepath.WalkDir does, in the same order, with and without a Tree,
// whatever the walk function answers.
func TestWalkDirAsFilepath(t *testing.T) {
	root := tree(t)
	skips := map[string]func(string, fs.DirEntry) error{
		"none": nil,
		"skip hidden": func(p string, d fs.DirEntry) error {
			if p != root && strings.HasPrefix(d.Name(), ".") && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		},
		"skip dir of a file": func(p string, d fs.DirEntry) error {
			if d.Name() == "c.md" {
				return fs.SkipDir
			}
			return nil
		},
		"skip all": func(p string, d fs.DirEntry) error {
			if d.Name() == "d.txt" {
				return fs.SkipAll
			}
			return nil
		},
		"stop": func(p string, d fs.DirEntry) error {
			if d.Name() == "deep" {
				return errors.New("stop")
			}
			return nil
		},
	}
	for _, r := range []string{root, root + string(filepath.Separator), filepath.Join(root, "notes"), filepath.Join(root, "a.txt"), filepath.Join(root, "nothing")} {
		for name, skip := range skips {
			want := visits(t, filepath.WalkDir, r, skip)
			var none *Tree
			if got := visits(t, none.WalkDir, r, skip); !slices.Equal(got, want) {
				t.Errorf("%s, %s, no tree:\n got %q\nwant %q", r, name, got, want)
			}
			tr := read(r)
			if got := visits(t, tr.WalkDir, r, skip); !slices.Equal(got, want) {
				t.Errorf("%s, %s, tree:\n got %q\nwant %q", r, name, got, want)
			}
		}
	}
	// The walk from a tree took its folders from the tree, and the
	// regular files' lstat from it too.
	tr := read(root)
	if tr.dirs[filepath.Join(root, ".hidden")] != nil || tr.dirs[filepath.Join(root, "notes", ".git")] != nil {
		t.Error("hidden folders were read")
	}
	stated := 0
	tr.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if e, ok := d.(*Entry); ok {
			if _, ok := e.Stat(); ok != d.Type().IsRegular() {
				t.Errorf("%s: stated %v", p, ok)
			}
			if ok {
				stated++
			}
		}
		return nil
	})
	if stated < 8 {
		t.Errorf("%d files came with their lstat, want 8 or more", stated)
	}
}

// TestStatAsLstat checks that an Entry's Stat says what os.Lstat says of
// the file, down to the system's own record (which the cache keys
// records by).
func TestStatAsLstat(t *testing.T) {
	root := tree(t)
	tr := read(root)
	n := 0
	for dir, entries := range tr.dirs {
		for i := range entries {
			e := &entries[i]
			info, ok := e.Stat()
			if !ok {
				continue
			}
			n++
			want, err := os.Lstat(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if info.Name() != want.Name() || info.Size() != want.Size() || info.Mode() != want.Mode() ||
				!info.ModTime().Equal(want.ModTime()) || info.IsDir() != want.IsDir() {
				t.Errorf("%s: %v %v %v %v, want %v %v %v %v", e.Name(), info.Name(), info.Size(), info.Mode(), info.ModTime(),
					want.Name(), want.Size(), want.Mode(), want.ModTime())
			}
			if fmt.Sprintf("%+v", info.Sys()) != fmt.Sprintf("%+v", want.Sys()) {
				t.Errorf("%s: Sys %+v, want %+v", e.Name(), info.Sys(), want.Sys())
			}
		}
	}
	if n < 8 {
		t.Errorf("%d files stated, want 8 or more", n)
	}
}

func TestStartTake(t *testing.T) {
	root := tree(t)
	Start(root, filepath.Join(root, "a.txt"), filepath.Join(root, "nothing"))
	tr := Take(root)
	if tr == nil || tr.dirs[filepath.Join(root, "notes", "deep")] == nil {
		t.Fatalf("Take(root) = %v, want the walk of root", tr)
	}
	if Take(root) != nil {
		t.Error("a second Take found the walk again")
	}
	if Take(filepath.Join(root, "a.txt")) != nil || Take(filepath.Join(root, "nothing")) != nil {
		t.Error("a file, or nothing, was walked")
	}
	if Take(filepath.Join(root, "notes")) != nil {
		t.Error("a folder never started was found")
	}
}

func TestRoots(t *testing.T) {
	for _, c := range []struct {
		args string
		want []string
	}{
		{"", nil},
		{"news", nil}, // the reader: not walked early
		{"show a.txt", nil},
		{"list news", []string{"news"}},
		{"list --json news more", []string{"news", "more"}},
		{"list --outlet news more", []string{"more"}},
		{"list --outlet=news more", []string{"more"}},
		{"list --config c.toml --no-cache news", []string{"news"}},
		{"search harbour news", []string{"news"}},
		{"search --json harbour news", []string{"news"}},
		{"search -- -harbour news", []string{"news"}},
		{"list -- -news", []string{"-news"}},
		{"stories news", []string{"news"}},
		{"outlets news", []string{"news"}},
		{"--no-cache list news", nil},
	} {
		if got := Roots(strings.Fields(c.args)); !slices.Equal(got, c.want) {
			t.Errorf("Roots(%q) = %q, want %q", c.args, got, c.want)
		}
	}
}
