package cli

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

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

// TestColumnsAsOneAtATime checks the list's columns, made in parts on
// every core for a long list, against the same lines made one article
// at a time from each article made safe whole: outlets cut, padded and
// made safe, headlines made safe, undated articles, "(unknown outlet)".
func TestColumnsAsOneAtATime(t *testing.T) {
	outlets := []string{"", "Quayside Courier", "The Very Long Name Of A Made-Up Evening Gazette", "Gazette\x1b[31m", "Ålesund Bølge", "\x07"}
	titles := []string{"Ferry timetable approved", "Lamps \x1b]0;owned\x07 relit", "Ébène pier reopens", "tab\there"}
	for _, n := range []int{3, 9000} {
		arts := make([]*feed.Article, n)
		for i := range arts {
			arts[i] = &feed.Article{ID: fmt.Sprint(i), Outlet: outlets[i%len(outlets)], Title: titles[i%len(titles)], Lead: "\x1b[2J", Body: "body"}
			if i%3 != 0 {
				arts[i].Date = time.Date(2026, 1, 1+i%28, 9, 0, 0, 0, time.UTC)
			}
		}
		var want bytes.Buffer
		heads := safeHeads(arts)
		width := 0
		for _, a := range heads {
			width = max(width, utf8.RuneCountInString(feed.OutletName(a)))
		}
		width = min(width, 28)
		for _, a := range heads {
			date := a.DateString()
			if date == "" {
				date = strings.Repeat(" ", 10)
			}
			fmt.Fprintf(&want, "%s  %s  %s\n", date, runePad(feed.OutletName(a), width), a.Title)
		}
		var got bytes.Buffer
		if err := writeArticles(&got, arts, false, nil); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			g, w := strings.Split(got.String(), "\n"), strings.Split(want.String(), "\n")
			for i := range min(len(g), len(w)) {
				if g[i] != w[i] {
					t.Fatalf("%d articles: line %d is %q, want %q", n, i, g[i], w[i])
				}
			}
			t.Fatalf("%d articles: %d lines, want %d", n, len(g), len(w))
		}
		if strings.Contains(got.String(), "\x1b") || strings.Contains(got.String(), "\x07") {
			t.Errorf("%d articles: an escape reached the output", n)
		}
	}
}

// runePad is pad as it was written first, on runes: the reference.
func runePad(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:max(n-1, 0)]) + "…"
	}
	return s + strings.Repeat(" ", n-len(r))
}
