package load

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/internal/safetest"
)

// invariantTree writes a folder of good, hostile and broken files, with a
// read-only folder and links among them, and returns its path.
func invariantTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	safetyWrite(t, dir, hostileFiles())
	safetyWrite(t, dir, map[string][]byte{
		"good.txt":              safetyGoodFile,
		"Outlet/one.txt":        []byte("One headline\n\nThe first story's paragraph."),
		"Outlet/two.md":         []byte("# Two headline\n\nThe second story's paragraph.\n"),
		"broken/empty.txt":      nil,
		"broken/noise.bin":      safetest.Noise(2048),
		"broken/crlf.txt":       []byte("CR headline\r\rA paragraph.\r\n"),
		"readonly/locked.txt":   []byte("Locked headline\n\nIn a read-only folder."),
		"readonly/sub/deep.txt": []byte("Deep headline\n\nFurther down."),
		".hidden/secret.txt":    []byte("Hidden\n\nNever read."),
	})
	os.Symlink(filepath.Join(dir, "good.txt"), filepath.Join(dir, "link.txt"))
	os.Symlink(filepath.Join(dir, "Outlet"), filepath.Join(dir, "linked-folder"))
	os.Symlink("loop", filepath.Join(dir, "loop"))
	os.Chmod(filepath.Join(dir, "readonly", "locked.txt"), 0o444)
	os.Chmod(filepath.Join(dir, "readonly", "sub"), 0o555)
	os.Chmod(filepath.Join(dir, "readonly"), 0o555)
	t.Cleanup(func() {
		os.Chmod(filepath.Join(dir, "readonly"), 0o755)
		os.Chmod(filepath.Join(dir, "readonly", "sub"), 0o755)
	})
	return dir
}

// treeState records every entry under dir: its mode, size, modification
// time, and a hash of its content or link target. Lstat is used, so
// links are recorded as links.
func treeState(t *testing.T, dir string) map[string]string {
	t.Helper()
	state := make(map[string]string)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		sum := ""
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			sum = "-> " + target
		case info.Mode().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			h := sha256.Sum256(data)
			sum = hex.EncodeToString(h[:])
		}
		state[p] = fmt.Sprintf("%v %d %d %s", info.Mode(), info.Size(), info.ModTime().UnixNano(), sum)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return state
}

func TestLoaderOnlyReads(t *testing.T) {
	dir := invariantTree(t)
	before := treeState(t, dir)
	store := safetyLoad(t, dir)
	if store.Len() == 0 {
		t.Fatalf("nothing loaded; problems %v", store.Problems())
	}
	after := treeState(t, dir)
	if !reflect.DeepEqual(before, after) {
		for p, s := range after {
			if before[p] != s {
				t.Errorf("%s changed: %q -> %q", p, before[p], s)
			}
		}
		for p := range before {
			if _, ok := after[p]; !ok {
				t.Errorf("%s was removed", p)
			}
		}
	}
}

// loadSnapshot is what a load gives, in a form to compare.
type loadSnapshot struct {
	Articles []feed.Article
	Problems []feed.Problem
}

func takeLoadSnapshot(s *feed.Store) loadSnapshot {
	var snap loadSnapshot
	for _, a := range s.Articles() {
		snap.Articles = append(snap.Articles, *a)
	}
	snap.Problems = s.Problems()
	slices.SortFunc(snap.Problems, func(a, b feed.Problem) int {
		if a.Path != b.Path {
			return cmp.Compare(a.Path, b.Path)
		}
		return cmp.Compare(a.Reason, b.Reason)
	})
	return snap
}

func TestLoadIsDeterministic(t *testing.T) {
	dir := invariantTree(t)
	first := takeLoadSnapshot(safetyLoad(t, dir))
	for _, workers := range []int{1, 3, 16} {
		t.Run(fmt.Sprint(workers, " workers"), func(t *testing.T) {
			l := &Loader{Workers: workers, Extractor: safetyExtractor()}
			again := takeLoadSnapshot(l.Load(context.Background(), []string{dir}))
			if !reflect.DeepEqual(first, again) {
				t.Errorf("a second load differs:\n%+v\n%+v", first, again)
			}
		})
	}
}

func TestEveryArticleHasTitleAndID(t *testing.T) {
	paths := []string{invariantTree(t)}
	// Our sample seeds, when present, are read too; never copied.
	if _, err := os.Stat("../../../shared/seeds"); err == nil {
		paths = append(paths, "../../../shared/seeds")
	}
	store := safetyLoad(t, paths...)
	safetest.CheckArticles(t, store.Articles())
	for _, p := range store.Problems() {
		safetest.AssertPrintable(t, p.String(), false)
	}
}
