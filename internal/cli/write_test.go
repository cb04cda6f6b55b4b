package cli

import (
	"bytes"
	"errors"
	"testing"

	"github.com/broadsheet/broadsheet/feed"
)

// errFull is what failingWriter returns: a full disk, or a closed pipe.
var errFull = errors.New("no space left on device")

// failingWriter takes n bytes, then fails every write.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) <= w.n {
		w.n -= len(p)
		return len(p), nil
	}
	n := w.n
	w.n = 0
	return n, errFull
}

// TestWriteErrorsAreReported checks that output that could not be
// written fails the command, whether the write fails at once, at the
// last flush, or midway through.
func TestWriteErrorsAreReported(t *testing.T) {
	dir := t.TempDir()
	one := writeArticle(t, dir, "a.txt", "Ferry timetable approved")
	commands := [][]string{
		{"list", dir}, {"list", "--json"}, {"show", one}, {"show", "--json", one},
		{"search", "ferry", dir}, {"search", "--json", "lifeboat"}, {"outlets"}, {"outlets", "--json"},
		{"stories", dir}, {"stories", "--json"}, {"config"}, {"config", "--path"}, {"version"}, {"--version"},
	}
	for _, args := range commands {
		for _, n := range []int{0, 10, 5000} {
			var errOut bytes.Buffer
			err := run(args, &failingWriter{n: n}, &errOut)
			if !errors.Is(err, errFull) || ExitCode(err) != 1 {
				if n > 0 && err == nil {
					// Output shorter than n was written whole.
					continue
				}
				t.Errorf("run(%q) writing to a writer full after %d bytes = %v, want %v", args, n, err, errFull)
			}
		}
	}
}

func TestWriteArticlesReportsWriteErrors(t *testing.T) {
	arts := []*feed.Article{{ID: "1", Title: "Ferry timetable approved"}}
	for _, asJSON := range []bool{false, true} {
		if err := writeArticles(&failingWriter{}, arts, asJSON, nil); !errors.Is(err, errFull) {
			t.Errorf("writeArticles(json=%v) to a full disk = %v, want %v", asJSON, err, errFull)
		}
	}
}
