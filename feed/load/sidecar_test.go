package load

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/internal/safetest"
)

func TestSidecar(t *testing.T) {
	arts, probs := loadDir(t, filepath.Join("testdata", "sidecar"))
	tests := []struct {
		title, outlet, source, date string
	}{
		{"lantern-rowing.txt", "The Lantern Gazette", feed.OutletFromSidecar, "2024-06-19"},
		{"courier-fair.txt", "Valley Courier", feed.OutletFromSidecar, ""},
		{"other.txt", "", "", ""},
		{"story.txt", "broken", feed.OutletFromFolder, ""},
		{"a-one.txt", "Alpha Times", feed.OutletFromSidecar, ""},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			a := arts[tt.title]
			if a == nil {
				t.Fatalf("no article %q", tt.title)
			}
			if a.Outlet != tt.outlet || a.OutletSource != tt.source || a.DateString() != tt.date {
				t.Errorf("outlet, source, date = %q, %q, %q; want %q, %q, %q",
					a.Outlet, a.OutletSource, a.DateString(), tt.outlet, tt.source, tt.date)
			}
		})
	}
	got := safetest.ProblemText(probs)
	for _, p := range []string{
		"broken/broadsheet.toml: sidecar line 3: ",
		`baddate/broadsheet.toml: sidecar line 5: date "last Tuesday" is not YYYY-MM-DD`,
	} {
		if !strings.Contains(got, p) {
			t.Errorf("problems %q lack %q", got, p)
		}
	}
	if len(probs) != 2 {
		t.Errorf("got %d problems, want 2 (each sidecar reported once):\n%s", len(probs), got)
	}
}

// TestSidecarOwnMetadataWins checks that a file's own outlet is trusted
// over the sidecar's.
func TestSidecarOwnMetadataWins(t *testing.T) {
	fsys := fstest.MapFS{
		"news/broadsheet.toml": {Data: []byte("[[files]]\nglob = \"*\"\noutlet = \"Sidecar Outlet\"\ndate = 2020-01-02\n")},
		"news/own.md":          {Data: []byte("---\ntitle: Own outlet\noutlet: File Outlet\ndate: 2021-03-04\n---\nText of the article.\n")},
		"news/plain.txt":       {Data: []byte("Plain text article\n\nText with no outlet of its own, which the sidecar gives it.\n")},
		"news/guessed.txt":     {Data: []byte("Guessed outlet\n\nhttps://www.theguardian.com/world/2020/jan/02/guessed\n\nText whose outlet is only guessed from an address in it, so the sidecar wins.\n")},
	}
	l := &Loader{FS: fsys, Extractor: testExtractor()}
	s := l.Load(context.Background(), []string{"news"})
	if ps := s.Problems(); len(ps) > 0 {
		t.Fatalf("problems: %s", safetest.ProblemText(ps))
	}
	tests := []struct{ title, outlet, date string }{
		{"own.md", "File Outlet", "2021-03-04"},
		{"plain.txt", "Sidecar Outlet", "2020-01-02"},
		{"guessed.txt", "Sidecar Outlet", "2020-01-02"},
	}
	byTitle := make(map[string]*feed.Article)
	for _, a := range s.Articles() {
		byTitle[path.Base(a.Path)] = a
	}
	for _, tt := range tests {
		a := byTitle[tt.title]
		if a == nil {
			t.Fatalf("no article %q", tt.title)
		}
		if a.Outlet != tt.outlet || a.DateString() != tt.date {
			t.Errorf("%s: outlet, date = %q, %q; want %q, %q", tt.title, a.Outlet, a.DateString(), tt.outlet, tt.date)
		}
	}
}

// TestSidecarHostile checks that a sidecar built to overflow the TOML
// decoder's stack is one problem, and the folder's articles still load.
func TestSidecarHostile(t *testing.T) {
	tests := []struct {
		name, sidecar, want string
	}{
		{"nested arrays", "a = " + strings.Repeat("[", 1<<20-8), "sidecar: nested over 16 deep"},
		{"nested tables", "a = " + strings.Repeat("{b=", 300_000), "sidecar: nested over 16 deep"},
		{"over the size", strings.Repeat("#", maxSidecarSize+1), "file too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"news/broadsheet.toml": {Data: []byte(tt.sidecar)},
				"news/story.txt":       {Data: []byte("Headline\n\nText of the article, which loads all the same.\n")},
			}
			s := (&Loader{FS: fsys, Extractor: testExtractor()}).Load(context.Background(), []string{"news"})
			if ps := s.Problems(); len(ps) != 1 || !strings.Contains(ps[0].Reason, tt.want) {
				t.Errorf("problems %s, want one: %q", safetest.ProblemText(ps), tt.want)
			}
			if n := len(s.Articles()); n != 1 {
				t.Errorf("%d articles, want 1", n)
			}
		})
	}
}

// countingFS counts the times each file is opened.
type countingFS struct {
	fstest.MapFS
	mu    sync.Mutex
	opens map[string]int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.opens[name]++
	c.mu.Unlock()
	return c.MapFS.Open(name)
}

// TestSidecarLarge checks a sidecar of many entries: each entry's
// problem names its line, the first matching entry wins whether its glob
// is a pattern or a name, and a walk parses the sidecar again only when
// it has changed.
func TestSidecarLarge(t *testing.T) {
	const n = 15_000
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "[[files]]\nglob = \"file-%d.txt\"\noutlet = \"Outlet %d\"\n\n", i, i)
	}
	b.WriteString("[[files]]\nglob = \"late-*.txt\"\noutlet = \"Late\"\n\n")
	b.WriteString("[[files]]\nglob = \"[bad\"\n")
	fsys := &countingFS{MapFS: fstest.MapFS{
		"news/broadsheet.toml": {Data: []byte(b.String()), ModTime: time.Unix(1, 0)},
		"news/file-7.txt":      {Data: []byte(article("Seventh"))},
		"news/file-14999.txt":  {Data: []byte(article("Last"))},
		"news/late-1.txt":      {Data: []byte(article("Late one"))},
		"news/other.txt":       {Data: []byte(article("Other"))},
	}, opens: make(map[string]int)}
	l := &Loader{FS: fsys, Extractor: testExtractor()}
	for walk := range 2 {
		s := l.Load(context.Background(), []string{"news"})
		want := fmt.Sprintf("news/broadsheet.toml: sidecar line %d: bad glob", 4*n+5)
		if got := safetest.ProblemText(s.Problems()); !strings.Contains(got, want) {
			t.Errorf("walk %d: problems %q lack %q", walk, got, want)
		}
		outlets := make(map[string]string)
		for _, a := range s.Articles() {
			outlets[path.Base(a.Path)] = a.Outlet
		}
		for name, want := range map[string]string{"file-7.txt": "Outlet 7", "file-14999.txt": "Outlet 14999", "late-1.txt": "Late", "other.txt": ""} {
			if outlets[name] != want {
				t.Errorf("walk %d: %s outlet %q, want %q", walk, name, outlets[name], want)
			}
		}
	}
	if got := fsys.opens["news/broadsheet.toml"]; got != 1 {
		t.Errorf("sidecar read %d times over two walks, want once", got)
	}
	fsys.MapFS["news/broadsheet.toml"] = &fstest.MapFile{Data: []byte("[[files]]\nglob = \"*\"\noutlet = \"New\"\n"), ModTime: time.Unix(2, 0)}
	s := l.Load(context.Background(), []string{"news"})
	if got := fsys.opens["news/broadsheet.toml"]; got != 2 {
		t.Errorf("changed sidecar read %d times in all, want twice", got)
	}
	for _, a := range s.Articles() {
		if a.Outlet != "New" {
			t.Errorf("%s outlet %q after the sidecar changed, want New", a.Path, a.Outlet)
		}
	}
}
