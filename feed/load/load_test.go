package load

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/broadsheet/broadsheet/feed"
)

// article is a small plain-text article file.
func article(title string) string {
	return title + "\n\nThe council met on Tuesday to discuss " + strings.ToLower(title) + " and agreed to meet again.\n"
}

// writeTree writes files (path -> content) under a new temp dir.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadWalksFoldersRecursively(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"top.txt":                 article("Top story"),
		"lantern/one.txt":         article("Lantern one"),
		"lantern/deep/two.txt":    article("Lantern two"),
		".hidden/secret.txt":      article("Hidden folder"),
		"lantern/.draft.txt":      article("Hidden file"),
		"lantern/broadsheet.toml": "[[files]]\n",
		"lantern/notes.toml":      "title = \"settings, not news\"\n",
		"tools/fetch.py":          "# Fetch the day's articles.\nprint('hello')\n",
	})
	s := (&Loader{}).Load(context.Background(), []string{dir})
	got := titles(s.Articles())
	slices.Sort(got)
	want := []string{"Lantern one", "Lantern two", "Top story"}
	if !slices.Equal(got, want) {
		t.Errorf("titles = %q, want %q", got, want)
	}
	if ps := s.Problems(); len(ps) != 0 {
		t.Errorf("problems = %v, want none", ps)
	}
}

func TestLoadFolderHint(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"loose.txt":           article("Loose"),
		"Meridian Wire/a.txt": article("Filed by folder"),
	})
	s := (&Loader{}).Load(context.Background(), []string{dir})
	for _, a := range s.Articles() {
		switch a.Title {
		case "Loose":
			if a.Outlet != "" {
				t.Errorf("file in the given folder got outlet %q from the folder name", a.Outlet)
			}
		case "Filed by folder":
			if a.Outlet != "Meridian Wire" || a.OutletSource != feed.OutletFromFolder {
				t.Errorf("outlet = %q (%s), want Meridian Wire from folder", a.Outlet, a.OutletSource)
			}
		}
	}
}

// TestLoadFolderHintNotKinds: a collection sorted by kind of file or by
// date has folders that name no outlet.
func TestLoadFolderHintNotKinds(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"html/a.txt":             article("Sorted by kind"),
		"Text/b.txt":             article("Sorted by kind, in capitals"),
		"2024-03/c.txt":          article("Sorted by month"),
		"articles/f.txt":         article("Kept as articles"),
		"Quay Herald/d.txt":      article("Sorted by outlet"),
		"Quay Herald/2024/e.txt": article("Sorted by outlet, then year"),
	})
	s := (&Loader{}).Load(context.Background(), []string{dir})
	want := map[string]string{
		"Sorted by kind": "", "Sorted by kind, in capitals": "", "Sorted by month": "", "Kept as articles": "",
		"Sorted by outlet": "Quay Herald", "Sorted by outlet, then year": "Quay Herald",
	}
	if n := len(s.Articles()); n != len(want) {
		t.Fatalf("%d articles, want %d", n, len(want))
	}
	for _, a := range s.Articles() {
		if w, ok := want[a.Title]; !ok || a.Outlet != w {
			t.Errorf("%q: outlet %q (%s), want %q", a.Title, a.Outlet, a.OutletSource, w)
		}
	}
}

func TestLoadProblemsKeepTheRest(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"good.txt":  article("Good one"),
		"empty.txt": "",
		"big.txt":   strings.Repeat("word ", 400),
	})
	missing := filepath.Join(dir, "missing.txt")
	s := (&Loader{MaxFileSize: 1000}).Load(context.Background(), []string{dir, missing})
	if got := titles(s.Articles()); !slices.Equal(got, []string{"Good one"}) {
		t.Errorf("titles = %q, want only the good article", got)
	}
	reasons := map[string]string{}
	for _, p := range s.Problems() {
		reasons[filepath.Base(p.Path)] = p.Reason
	}
	for name, want := range map[string]string{
		"missing.txt": "no such file",
		"empty.txt":   "empty",
		"big.txt":     "limit",
	} {
		if !strings.Contains(reasons[name], want) {
			t.Errorf("problem for %s = %q, want it to mention %q", name, reasons[name], want)
		}
	}
}

func TestLoadSymlinkLoopEnds(t *testing.T) {
	dir := writeTree(t, map[string]string{"a/story.txt": article("Looped")})
	if err := os.Symlink(dir, filepath.Join(dir, "a", "back")); err != nil {
		t.Skip("symlinks not supported:", err)
	}
	s := (&Loader{}).Load(context.Background(), []string{dir})
	if got := titles(s.Articles()); !slices.Equal(got, []string{"Looped"}) {
		t.Errorf("titles = %q, want the one article once", got)
	}
}

func TestLoadFS(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt":     {Data: []byte(article("From FS"))},
		"sub/b.txt": {Data: []byte(article("From sub"))},
	}
	s := (&Loader{FS: fsys}).Load(context.Background(), []string{"."})
	got := titles(s.Articles())
	slices.Sort(got)
	if !slices.Equal(got, []string{"From FS", "From sub"}) {
		t.Errorf("titles = %q", got)
	}
	for _, a := range s.Articles() {
		if a.Title == "From sub" && a.Outlet != "sub" {
			t.Errorf("sub-folder hint in FS: outlet = %q", a.Outlet)
		}
	}
}

func TestStreamProgress(t *testing.T) {
	files := map[string]string{}
	for _, n := range []string{"a", "b", "c", "d", "e"} {
		files[n+".txt"] = article("Story " + n)
	}
	dir := writeTree(t, files)
	var last feed.Progress
	articles := 0
	for ev := range (&Loader{Workers: 2}).Stream(context.Background(), []string{dir}) {
		if ev.Progress.Done < last.Done || ev.Progress.Found < last.Found {
			t.Errorf("progress went backwards: %+v after %+v", ev.Progress, last)
		}
		last = ev.Progress
		articles += len(ev.Articles)
	}
	if want := (feed.Progress{Found: 5, Done: 5, Walked: true}); last != want {
		t.Errorf("final progress = %+v, want %+v", last, want)
	}
	if articles != 5 {
		t.Errorf("articles = %d, want 5", articles)
	}
}

func TestLoadSameResultWhateverTheWorkers(t *testing.T) {
	files := map[string]string{}
	for i := range 40 {
		files[filepath.Join("d", string(rune('a'+i%26))+strings.Repeat("x", i/26)+".txt")] = article("Story number " + string(rune('A'+i%26)) + strings.Repeat("x", i/26))
	}
	dir := writeTree(t, files)
	one := (&Loader{Workers: 1}).Load(context.Background(), []string{dir})
	many := (&Loader{Workers: 8}).Load(context.Background(), []string{dir})
	if !slices.Equal(titles(one.Articles()), titles(many.Articles())) {
		t.Error("article order depends on the number of workers")
	}
}

func TestLoadCancelled(t *testing.T) {
	dir := writeTree(t, map[string]string{"a.txt": article("A"), "b.txt": article("B")})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for range (&Loader{}).Stream(ctx, []string{dir}) {
	}
	// Reaching here means the stream closed rather than hanging.
}

// TestReadFile checks the loader's reading of a file from disk: every
// byte at every size up to the limit, a file over it by one byte, a
// folder and a missing file.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	const limit = 5000
	for _, n := range []int{0, 1, 511, 512, 513, 4096, limit - 1, limit, limit + 1, 3 * limit} {
		p := filepath.Join(dir, fmt.Sprint(n))
		want := make([]byte, n)
		for i := range want {
			want[i] = byte('a' + i%26)
		}
		os.WriteFile(p, want, 0o644)
		got, err := readFile(p, limit, nil)
		switch {
		case n > limit:
			if !errors.Is(err, errTooLarge) {
				t.Errorf("%d bytes: err = %v, want too large", n, err)
			}
		case err != nil || !bytes.Equal(got, want):
			t.Errorf("%d bytes: read %d bytes, err %v", n, len(got), err)
		}
	}
	if _, err := readFile(dir, limit, nil); err == nil || err.Error() != "is a folder" {
		t.Errorf("a folder: err = %v", err)
	}
	if _, err := readFile(filepath.Join(dir, "missing"), limit, nil); !errors.Is(err, fs.ErrNotExist) || describe(err) != "no such file or folder" {
		t.Errorf("a missing file: err = %v", err)
	}
}

// TestReusedBuffersKeepArticles checks that files read into the buffers
// of files read before, passed over or extracted, leave every article as
// it is when each file has a buffer of its own.
func TestReusedBuffersKeepArticles(t *testing.T) {
	files := map[string]string{}
	for i := range 60 {
		title := fmt.Sprintf("Story number %d", i)
		files[fmt.Sprintf("%02d.txt", i)] = article(title) + strings.Repeat("More words about the council and the harbour. ", 10*(i%7))
	}
	dir := writeTree(t, files)
	want := map[string]string{}
	for _, a := range (&Loader{}).Load(context.Background(), []string{dir}).Articles() {
		want[a.Title] = a.Body
	}
	l := &Loader{Workers: 3, Filter: skipFilter(func(path string, data []byte) bool {
		return strings.Contains(filepath.Base(path), "3") || strings.Contains(filepath.Base(path), "7")
	})}
	got := l.Load(context.Background(), []string{dir}).Articles()
	if len(got) == 0 || len(got) == len(want) {
		t.Fatalf("%d of %d articles kept", len(got), len(want))
	}
	for _, a := range got {
		if a.Body != want[a.Title] {
			t.Errorf("%s: body changed after other files were read", a.Title)
		}
	}
	// A buffer too small grows; one big enough is reused.
	small, big := filepath.Join(dir, "00.txt"), filepath.Join(dir, "06.txt")
	buf := make([]byte, 0, 8)
	if data, err := readFile(big, 1<<20, buf); err != nil || string(data) != files["06.txt"] {
		t.Errorf("read into a small buffer: %q, %v", data, err)
	}
	buf = make([]byte, 0, 1<<16)
	if data, err := readFile(small, 1<<20, buf); err != nil || string(data) != files["00.txt"] || &data[:1][0] != &buf[:1][0] {
		t.Errorf("read into a big buffer: %q, %v, reused %v", data, err, &data[:1][0] == &buf[:1][0])
	}
}

func titles(arts []*feed.Article) []string {
	var out []string
	for _, a := range arts {
		out = append(out, a.Title)
	}
	return out
}

// skipFilter is a Filter that only passes over files.
type skipFilter func(path string, data []byte) bool

func (f skipFilter) Skip(path string, data []byte) bool         { return f(path, data) }
func (skipFilter) Recheck([]*feed.Article, []feed.Problem) bool { return false }
func (skipFilter) Admit(*feed.Article, []byte) bool             { return true }
