package load

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/extract"
	"github.com/broadsheet/broadsheet/feed/internal/safetest"
)

// testNow is the "now" every format test runs at, so dates in fixtures
// are never in the future.
var testNow = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

func testExtractor() *extract.Extractor {
	x := extract.NewExtractor()
	x.Now = testNow
	return x
}

// loadDir loads a folder through the Loader and returns its
// articles by title (and by file name) and its problems.
func loadDir(t *testing.T, dir string) (map[string]*feed.Article, []feed.Problem) {
	t.Helper()
	l := &Loader{Extractor: testExtractor(), Workers: 2}
	s := l.Load(context.Background(), []string{dir})
	byTitle := make(map[string]*feed.Article)
	for _, a := range s.Articles() {
		byTitle[a.Title] = a
		// Files with one article are found by their name too, so that
		// tests of hints do not hang on how plain text is titled.
		byTitle[filepath.Base(a.Path)] = a
	}
	return byTitle, s.Problems()
}

func TestLoaderFormats(t *testing.T) {
	tests := []struct {
		dir      string
		titles   []string
		problems []string
	}{
		{"json", []string{"Museum reopens after flood repairs", "Allotment waiting list shrinks", "Footbridge reopens",
			"Wind farm approved", "Village fete raises record sum", "Station clock restored"},
			[]string{"line 2: invalid JSON", "bad.json: invalid JSON"}},
		{"gz", []string{"Harbour town opens floating library", "Wind farm approved", "Choir wins regional cup"},
			[]string{"truncated.md.gz: gzip: file is truncated", "bomb.txt.gz: decompressed file too large"}},
		{"feed", []string{"Snow closes mountain pass", "Seal pups counted on the sandbanks", "Fishing fleet returns early"},
			[]string{"broken.rss: feed: "}},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			arts, probs := loadDir(t, filepath.Join("..", "extract", "testdata", tt.dir))
			for _, title := range tt.titles {
				if arts[title] == nil {
					t.Errorf("no article %q", title)
				}
			}
			got := safetest.ProblemText(probs)
			for _, p := range tt.problems {
				if !strings.Contains(got, p) {
					t.Errorf("problems %q lack %q", got, p)
				}
			}
			if len(probs) != len(tt.problems) {
				t.Errorf("got %d problems, want %d:\n%s", len(probs), len(tt.problems), got)
			}
		})
	}
}
