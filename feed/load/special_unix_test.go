//go:build unix

package load

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/internal/safetest"
)

// loadWithin loads paths, failing the test when the load hangs: a load
// that opens a pipe with no writer never ends. The wait bounds a broken
// test and asserts nothing about speed.
func loadWithin(t *testing.T, paths ...string) *feed.Store {
	t.Helper()
	done := make(chan *feed.Store, 1)
	go func() {
		done <- (&Loader{Extractor: testExtractor()}).Load(context.Background(), paths)
	}()
	select {
	case s := <-done:
		return s
	case <-time.After(watchPatience):
		t.Fatal("the load hangs")
		return nil
	}
}

// TestSpecialFiles checks that only regular files are opened: a link to
// a pipe, a terminal or a device is passed over in a folder, and is one
// problem when named itself; a sidecar that is a pipe is a problem too.
func TestSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	news := filepath.Join(dir, "news")
	os.MkdirAll(news, 0o755)
	os.WriteFile(filepath.Join(news, "story.txt"), []byte(article("Harbour story")), 0o644)
	safetySymlink(t, fifo, filepath.Join(news, "pipe.txt"))
	safetySymlink(t, "/dev/null", filepath.Join(news, "null.txt"))
	if _, err := os.Stat("/dev/tty"); err == nil {
		safetySymlink(t, "/dev/tty", filepath.Join(news, "tty.txt"))
	}
	os.MkdirAll(filepath.Join(dir, "sidecar"), 0o755)
	if err := syscall.Mkfifo(filepath.Join(dir, "sidecar", "broadsheet.toml"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "sidecar", "story.txt"), []byte(article("Sidecar story")), 0o644)

	t.Run("in a folder", func(t *testing.T) {
		s := loadWithin(t, news)
		if ps := s.Problems(); len(ps) > 0 {
			t.Errorf("problems: %s", safetest.ProblemText(ps))
		}
		if s.Len() != 1 {
			t.Errorf("%d articles, want 1", s.Len())
		}
	})
	for _, name := range []string{"pipe.txt", "null.txt"} {
		t.Run("named "+name, func(t *testing.T) {
			s := loadWithin(t, filepath.Join(news, name))
			if ps := s.Problems(); len(ps) != 1 || ps[0].Reason != "not a regular file" {
				t.Errorf("problems %s, want one: not a regular file", safetest.ProblemText(ps))
			}
		})
	}
	t.Run("sidecar", func(t *testing.T) {
		s := loadWithin(t, filepath.Join(dir, "sidecar"))
		if ps := s.Problems(); len(ps) != 1 || !strings.Contains(ps[0].Reason, "not a regular file") {
			t.Errorf("problems %s, want one: not a regular file", safetest.ProblemText(ps))
		}
		if s.Len() != 1 {
			t.Errorf("%d articles, want 1", s.Len())
		}
	})
}

// TestWatchPassesOverPipes checks that a link to a pipe made in a
// watched folder does not stop the watch: later changes still arrive.
func TestWatchPassesOverPipes(t *testing.T) {
	f := newWatchFixture(t)
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	safetySymlink(t, fifo, filepath.Join(f.dir, "pipe.txt"))
	f.write("a.txt", "First story")
	f.until("the first story", func(s *feed.Store) bool { return s.Len() == 1 })
	f.write("b.txt", "Second story")
	f.until("the second story", func(s *feed.Store) bool { return s.Len() == 2 })
}
