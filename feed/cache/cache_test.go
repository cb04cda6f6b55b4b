package cache

import (
	"bytes"
	"context"
	"encoding/binary"
	"io/fs"
	"math/bits"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/extract"
	"github.com/broadsheet/broadsheet/feed/load"
	"github.com/broadsheet/broadsheet/feed/search"
)

// past is an age old enough for a file's record to be kept.
const past = -time.Hour

// writeOld writes a short report at each slash-separated name under
// root, its last words naming the file, and dates it an hour back.
func writeOld(t *testing.T, root, said string, names ...string) {
	t.Helper()
	old := time.Now().Add(past)
	for _, name := range names {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("Quay report\n\nThe ferry to Welmor ran late in the fog, the harbour office "+said+" "+name+"."), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
}

// copyTree copies the files under each of srcs into a new temp folder,
// one sub-folder per source, dated an hour ago so their records are kept.
func copyTree(t *testing.T, srcs ...string) string {
	t.Helper()
	dst := t.TempDir()
	old := time.Now().Add(past)
	for _, src := range srcs {
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(filepath.Dir(src), p)
			out := filepath.Join(dst, rel)
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(out, data, 0o644); err != nil {
				return err
			}
			return os.Chtimes(out, old, old)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// counting is a feed.Cache that counts hits and stores.
type counting struct {
	*Cache
	hits, misses, stores atomic.Int64
}

func (c *counting) Lookup(p string, info fs.FileInfo, h feed.Hint) ([]*feed.Article, []feed.Problem, bool) {
	arts, probs, ok := c.Cache.Lookup(p, info, h)
	if ok {
		c.hits.Add(1)
	} else {
		c.misses.Add(1)
	}
	return arts, probs, ok
}

// Unchanged counts a file found as the cache handed it over (see
// Preload) as a hit; one that is not is then looked up.
func (c *counting) Unchanged(i int, p string, info fs.FileInfo, h feed.Hint) bool {
	ok := c.Cache.Unchanged(i, p, info, h)
	if ok {
		c.hits.Add(1)
	}
	return ok
}

func (c *counting) Store(p string, info fs.FileInfo, h feed.Hint, arts []*feed.Article, probs []feed.Problem) {
	c.stores.Add(1)
	c.Cache.Store(p, info, h, arts, probs)
}

// loadWith loads root with x through a cache in dir (none when dir is ""),
// and returns the articles as sorted JSON lines and the problems.
func loadWith(t *testing.T, dir, root string, x *extract.Extractor, o Options) (string, *counting) {
	t.Helper()
	l := &load.Loader{Extractor: x}
	var cc *counting
	if dir != "" {
		o.Dir = dir
		cc = &counting{Cache: Open([]string{root}, x, o)}
		l.Cache = cc
	}
	s := l.Load(context.Background(), []string{root})
	if cc != nil {
		cc.Close()
	}
	return lines(t, s), cc
}

// lines returns a store's articles, as JSON with their dates, and its
// problems, sorted, one a line.
func lines(t *testing.T, s *feed.Store) string {
	t.Helper()
	var lines []string
	for _, a := range s.Articles() {
		b, err := a.JSON(true)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(b)+" "+a.Date.String())
	}
	for _, p := range s.Problems() {
		lines = append(lines, "problem "+p.String())
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// samples are article files of every format the tests have.
func samples(t *testing.T) string {
	return copyTree(t, "../../data", "../extract/testdata/text", "../extract/testdata/html", "../extract/testdata/markdown",
		"../extract/testdata/json", "../extract/testdata/feed", "../extract/testdata/gz", "../extract/testdata/encoding", "../load/testdata/sidecar")
}

func TestHitEqualsExtraction(t *testing.T) {
	root := samples(t)
	dir := t.TempDir()
	x := extract.NewExtractor()
	want, _ := loadWith(t, "", root, x, Options{})
	cold, c1 := loadWith(t, dir, root, x, Options{})
	warm, c2 := loadWith(t, dir, root, x, Options{})
	if cold != want {
		t.Errorf("cold load differs from extraction:\n%s\nwant\n%s", cold, want)
	}
	if warm != want {
		t.Errorf("warm load differs from extraction:\n%s\nwant\n%s", warm, want)
	}
	if borrowed, _ := loadWith(t, dir, root, x, Options{Borrow: true}); borrowed != want {
		t.Errorf("warm load sharing the file's bytes differs from extraction:\n%s\nwant\n%s", borrowed, want)
	}
	// Records with sketches read back the same.
	sdir := t.TempDir()
	loadWith(t, sdir, root, x, Options{Sketch: search.Sketch})
	for _, borrow := range []bool{false, true} {
		if got, c := loadWith(t, sdir, root, x, Options{Sketch: search.Sketch, Borrow: borrow}); got != want || c.misses.Load() != 0 {
			t.Errorf("warm load of records with sketches (borrowing %v, %d misses) differs from extraction", borrow, c.misses.Load())
		}
	}
	if c1.stores.Load() == 0 || c1.hits.Load() != 0 {
		t.Errorf("cold load: %d stores, %d hits; want stores and no hits", c1.stores.Load(), c1.hits.Load())
	}
	if c2.hits.Load() != c1.stores.Load() || c2.stores.Load() != 0 {
		t.Errorf("warm load: %d hits, %d stores; want %d hits and no stores", c2.hits.Load(), c2.stores.Load(), c1.stores.Load())
	}
	// Relative paths name the same files, and articles carry the path
	// as given.
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	if err := os.Chdir(filepath.Dir(root)); err != nil {
		t.Fatal(err)
	}
	rel := filepath.Base(root)
	wantRel, _ := loadWith(t, "", rel, x, Options{})
	gotRel, c3 := loadWith(t, dir, rel, x, Options{})
	if gotRel != wantRel {
		t.Errorf("relative load differs:\n%s\nwant\n%s", gotRel, wantRel)
	}
	if c3.hits.Load() != c1.stores.Load() {
		t.Errorf("relative load: %d hits, want %d", c3.hits.Load(), c1.stores.Load())
	}
}

func TestRoundTrip(t *testing.T) {
	dates := map[string]time.Time{
		"zero":  {},
		"utc":   time.Date(2024, 6, 19, 10, 30, 0, 5, time.UTC),
		"local": time.Date(2024, 6, 19, 10, 30, 0, 0, time.Local),
		"fixed": time.Date(2024, 6, 19, 23, 30, 0, 0, time.FixedZone("", -7*3600)),
		"named": time.Date(2024, 6, 19, 23, 30, 0, 0, time.FixedZone("BST", 3600)),
	}
	for name, date := range dates {
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			p := filepath.Join(root, "a.txt")
			os.WriteFile(p, []byte("x"), 0o644)
			info, _ := os.Stat(p)
			a := &feed.Article{
				ID: "0123456789ab", Path: p, Format: feed.FormatHTML, Title: "Title ✓",
				TitleSynthesized: true, Outlet: "The Lantern", OutletSource: feed.OutletFromSignature,
				Date: date, DateSource: feed.DateFromJSONLD, Byline: "By A. Writer", URL: "https://example.com/a",
				Lead: "Lead.", Body: "Lead.\n\n## Sub\n\nMore \x00 text.", Words: 5,
			}
			b := &feed.Article{ID: "b", Path: p, Format: feed.FormatFeed, Title: "Second", Body: "Two."}
			hint := feed.Hint{Outlet: "Sidecar", Date: date, Folder: "folder"}
			probs := []feed.Problem{{Path: p, Reason: "line 3: invalid JSON"}}
			dir := t.TempDir()
			c := Open([]string{root}, nil, Options{Dir: dir, Identity: "test"})
			c.Store(p, info, hint, []*feed.Article{a, b}, probs)
			c.Close()
			c = Open([]string{root}, nil, Options{Dir: dir, Identity: "test"})
			arts, gotProbs, ok := c.Lookup(p, info, hint)
			if !ok {
				t.Fatal("miss")
			}
			if len(arts) != 2 || !sameArticle(arts[0], a) || !sameArticle(arts[1], b) {
				t.Errorf("articles = %+v, want %+v %+v", arts, a, b)
			}
			if !slices.Equal(gotProbs, probs) {
				t.Errorf("problems = %v, want %v", gotProbs, probs)
			}
		})
	}
}

// sameArticle reports whether two articles are alike in every field,
// their dates to the zone.
func sameArticle(a, b *feed.Article) bool {
	ad, bd := a.Date, b.Date
	an, ao := ad.Zone()
	bn, bo := bd.Zone()
	x, y := *a, *b
	x.Date, y.Date = time.Time{}, time.Time{}
	return x == y && ad.Equal(bd) && an == bn && ao == bo &&
		ad.Location().String() == bd.Location().String() && ad.IsZero() == bd.IsZero()
}

func TestStale(t *testing.T) {
	x := extract.NewExtractor()
	other := extract.NewExtractor()
	other.Signatures.Add(extract.Signature{Outlet: "Someone", Names: []string{"Someone Else"}})
	cases := []struct {
		name   string
		change func(t *testing.T, p string) // to the file
		x      *extract.Extractor
		o      Options
		hits   int64
	}{
		{name: "unchanged", x: x, hits: 1},
		{name: "size", x: x, change: func(t *testing.T, p string) {
			old, _ := os.Stat(p)
			appendTo(t, p, "\nAnd one more line for the record.\n")
			os.Chtimes(p, old.ModTime(), old.ModTime())
		}},
		{name: "mtime", x: x, change: func(t *testing.T, p string) {
			then := time.Now().Add(2 * past)
			os.Chtimes(p, then, then)
		}},
		{name: "same size and time, new content", x: x, change: func(t *testing.T, p string) {
			old, _ := os.Stat(p)
			data, _ := os.ReadFile(p)
			os.WriteFile(p, bytes.ReplaceAll(data, []byte("council"), []byte("cabinet")), 0o644)
			os.Chtimes(p, old.ModTime(), old.ModTime())
		}},
		{name: "extractor", x: x, o: Options{Identity: "another build"}},
		{name: "signatures", x: other},
		{name: "settings", x: x, o: Options{Settings: []string{"max_file_size=1"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			root := copyTree(t, "../../data")
			p := filepath.Join(root, "data", "valley-post-cheese-fair.txt")
			dir := t.TempDir()
			loadWith(t, dir, p, x, Options{Identity: "build"})
			if tc.change != nil {
				tc.change(t, p)
			}
			o := tc.o
			if o.Identity == "" {
				o.Identity = "build"
			}
			got, c := loadWith(t, dir, p, tc.x, o)
			want, _ := loadWith(t, "", p, tc.x, Options{})
			if c.hits.Load() != tc.hits {
				t.Errorf("hits = %d, want %d", c.hits.Load(), tc.hits)
			}
			if got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

func appendTo(t *testing.T, p, s string) {
	t.Helper()
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(s)
	f.Close()
}

func TestStaleHint(t *testing.T) {
	root := t.TempDir()
	p := filepath.Join(root, "a.txt")
	os.WriteFile(p, []byte("x"), 0o644)
	info, _ := os.Stat(p)
	a := &feed.Article{ID: "a", Path: p, Title: "T", Body: "B"}
	hint := feed.Hint{Outlet: "O", Folder: "f", Date: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)}
	dir := t.TempDir()
	c := Open([]string{root}, nil, Options{Dir: dir, Identity: "test"})
	c.Store(p, info, hint, []*feed.Article{a}, nil)
	c.Close()
	c = Open([]string{root}, nil, Options{Dir: dir, Identity: "test"})
	for name, h := range map[string]feed.Hint{
		"outlet": {Outlet: "P", Folder: "f", Date: hint.Date},
		"folder": {Outlet: "O", Folder: "g", Date: hint.Date},
		"date":   {Outlet: "O", Folder: "f", Date: hint.Date.AddDate(0, 0, 1)},
		"zone":   {Outlet: "O", Folder: "f", Date: hint.Date.In(time.FixedZone("X", 0))},
		"none":   {},
	} {
		if _, _, ok := c.Lookup(p, info, h); ok {
			t.Errorf("%s: a hit for another hint", name)
		}
	}
	if _, _, ok := c.Lookup(p, info, hint); !ok {
		t.Error("a miss for the same hint")
	}
}

// TestDates checks that a record made while an article's date was still
// to come gives what extraction gives at each moment.
func TestDates(t *testing.T) {
	root := t.TempDir()
	p := filepath.Join(root, "a.txt")
	os.WriteFile(p, []byte("Ferry strike ends\n\nPublished 19 June 2024\n\n"+
		"The ferry strike ended on Tuesday after the union and the operator agreed terms, and the first crossings left the harbour on time.\n"), 0o644)
	old := time.Now().Add(past)
	os.Chtimes(p, old, old)
	dir := t.TempDir()
	for _, now := range []string{"2024-06-01", "2024-07-01", "2024-06-01", "2024-06-19"} {
		x := extract.NewExtractor()
		x.Now, _ = time.Parse(time.DateOnly, now)
		want, _ := loadWith(t, "", root, x, Options{})
		got, _ := loadWith(t, dir, root, x, Options{Identity: "test"})
		if got != want {
			t.Errorf("now %s: got\n%s\nwant\n%s", now, got, want)
		}
	}
}

func TestDamagedFileIgnored(t *testing.T) {
	root := copyTree(t, "../../data")
	dir := t.TempDir()
	x := extract.NewExtractor()
	want, _ := loadWith(t, "", root, x, Options{})
	loadWith(t, dir, root, x, Options{Identity: "test"})
	files, _ := filepath.Glob(filepath.Join(dir, "*"+suffix))
	if len(files) != 1 {
		t.Fatalf("cache files: %q", files)
	}
	good, _ := os.ReadFile(files[0])
	flip := func(i int) []byte {
		b := bytes.Clone(good)
		b[i] ^= 0x55
		return b
	}
	indexAt := int(binary.LittleEndian.Uint64(good[len(good)-trailerSize:]))
	damage := map[string][]byte{
		"empty":         nil,
		"truncated":     good[:len(good)/2],
		"no trailer":    good[:len(good)-trailerSize],
		"flipped index": flip(indexAt + (len(good)-indexAt)/2),
		"flipped key":   flip(len(magic) + 6),
		"garbage":       bytes.Repeat([]byte("\xff\x00BSCACHE\n"), 1000),
		"version":       append([]byte(magic+"\x09\x00\x00\x00"), good[len(magic)+4:]...),
	}
	for name, data := range damage {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(files[0], data, 0o600); err != nil {
				t.Fatal(err)
			}
			got, c := loadWith(t, dir, root, x, Options{Identity: "test"})
			if got != want {
				t.Errorf("load differs from extraction")
			}
			if c.hits.Load() != 0 {
				t.Errorf("%d hits from a damaged file", c.hits.Load())
			}
			// It was written anew, whole.
			_, c = loadWith(t, dir, root, x, Options{Identity: "test"})
			if c.hits.Load() == 0 || c.misses.Load() != 0 {
				t.Errorf("after rewriting: %d hits, %d misses", c.hits.Load(), c.misses.Load())
			}
		})
	}
	// A damaged record costs only its own file: it is extracted again
	// and its record replaced, while every other file's is used.
	t.Run("flipped record", func(t *testing.T) {
		if err := os.WriteFile(files[0], flip(indexAt/2), 0o600); err != nil {
			t.Fatal(err)
		}
		got, c := loadWith(t, dir, root, x, Options{Identity: "test"})
		if got != want {
			t.Errorf("load differs from extraction")
		}
		if c.misses.Load() != 1 || c.hits.Load() == 0 {
			t.Errorf("%d hits, %d misses; want one miss, for the damaged record", c.hits.Load(), c.misses.Load())
		}
		_, c = loadWith(t, dir, root, x, Options{Identity: "test"})
		if c.hits.Load() == 0 || c.misses.Load() != 0 {
			t.Errorf("after rewriting: %d hits, %d misses", c.hits.Load(), c.misses.Load())
		}
	})
	// Every cut of the file is ignored, never a crash.
	for i := 0; i < len(good); i += 1 + len(good)/200 {
		os.WriteFile(files[0], good[:i], 0o600)
		c := Open([]string{root}, x, Options{Dir: dir, Identity: "test"})
		<-c.ready
		for _, s := range c.shards {
			if s.valid {
				t.Fatalf("a file cut at %d of %d bytes was taken", i, len(good))
			}
		}
	}
}

func TestConcurrentWriters(t *testing.T) {
	root := copyTree(t, "../../data")
	dir := t.TempDir()
	x := extract.NewExtractor()
	want, _ := loadWith(t, "", root, x, Options{})
	var wg sync.WaitGroup
	for range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				l := &load.Loader{Extractor: x, Cache: Open([]string{root}, x, Options{Dir: dir, Identity: "test"})}
				l.Load(context.Background(), []string{root})
				l.Cache.(*Cache).Close()
			}
		}()
	}
	wg.Wait()
	got, c := loadWith(t, dir, root, x, Options{Identity: "test"})
	if got != want {
		t.Error("load after concurrent writers differs from extraction")
	}
	if c.misses.Load() != 0 {
		t.Errorf("%d misses after concurrent writers", c.misses.Load())
	}
	if tmp, _ := filepath.Glob(filepath.Join(dir, ".tmp-*")); len(tmp) > 0 {
		t.Errorf("temporary files left: %q", tmp)
	}
}

// TestDropsUnseen checks the size bound: a complete load keeps only the
// files it saw.
func TestDropsUnseen(t *testing.T) {
	root := copyTree(t, "../../data")
	dir := t.TempDir()
	x := extract.NewExtractor()
	loadWith(t, dir, root, x, Options{Identity: "test"})
	gone := filepath.Join(root, "data", "valley-post-cheese-fair.txt")
	os.Remove(gone)
	loadWith(t, dir, root, x, Options{Identity: "test"})
	c := Open([]string{root}, x, Options{Dir: dir, Identity: "test"})
	<-c.ready
	s := c.shards[0]
	if _, ok := s.index["/data/valley-post-cheese-fair.txt"]; ok {
		t.Error("the record of a deleted file was kept")
	}
	if len(s.index) == 0 {
		t.Error("no records kept")
	}
}

func TestNothingWrittenBesideArticles(t *testing.T) {
	root := copyTree(t, "../../data")
	before := listTree(t, root)
	loadWith(t, t.TempDir(), root, extract.NewExtractor(), Options{Identity: "test"})
	if after := listTree(t, root); !slices.Equal(before, after) {
		t.Errorf("files beside the articles changed: %q, then %q", before, after)
	}
}

func listTree(t *testing.T, root string) []string {
	var out []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		out = append(out, p)
		return nil
	})
	return out
}

// TestAdmit checks that a cache keeping sketches rules out, for a search,
// articles that cannot match and never one that does, and that a cache
// kept without sketches rules out nothing.
func TestAdmit(t *testing.T) {
	root := samples(t)
	x := extract.NewExtractor()
	const query = "harbour"
	m := search.NewMatcher(query)
	matches := func(arts []*feed.Article) (n int) {
		for _, a := range arts {
			if _, ok := m.Match(a); ok {
				n++
			}
		}
		return n
	}
	// Every article of every file, the same text in two files twice.
	stream := func(l *load.Loader) (arts []*feed.Article) {
		for ev := range l.Stream(context.Background(), []string{root}) {
			arts = append(arts, ev.Articles...)
		}
		return arts
	}
	all := stream(&load.Loader{Extractor: x})
	for _, tt := range []struct {
		name   string
		sketch func(*feed.Article) []byte
	}{{"sketches", search.Sketch}, {"none", nil}} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			o := Options{Dir: dir, Identity: "test", Sketch: tt.sketch}
			// The first load stores; the second reads, with the test.
			for i := range 2 {
				c := Open([]string{root}, x, o)
				if i == 1 {
					may := search.SketchFilter(query)
					c.Admit(func(_ *feed.Article, sk []byte) bool { return may(sk) })
				}
				got := stream(&load.Loader{Extractor: x, Cache: c})
				c.Close()
				if i == 0 {
					continue
				}
				if matches(got) != matches(all) || matches(all) == 0 {
					t.Errorf("%d articles match %q, want %d", matches(got), query, matches(all))
				}
				if len(got)+c.Passed() != len(all) {
					t.Errorf("%d articles and %d left out, of %d", len(got), c.Passed(), len(all))
				}
				if tt.sketch == nil && c.Passed() != 0 || tt.sketch != nil && c.Passed() < len(all)/2 {
					t.Errorf("%d of %d articles left out", c.Passed(), len(all))
				}
			}
		})
	}
}

// sketchGate is a load.SketchFilter that passes over no file and rules
// articles out by their sketches alone, noting the files of the
// articles Admit is asked about and rules out.
type sketchGate struct {
	may func([]byte) bool
	mu  sync.Mutex
	out map[string]bool // paths
}

func (g *sketchGate) Skip(string, []byte) bool                     { return false }
func (g *sketchGate) Recheck([]*feed.Article, []feed.Problem) bool { return false }
func (g *sketchGate) RulesOut(sk []byte) bool                      { return !g.may(sk) }
func (g *sketchGate) Admit(a *feed.Article, sk []byte) bool {
	if g.may(sk) {
		return true
	}
	g.mu.Lock()
	g.out[a.Path] = true
	g.mu.Unlock()
	return false
}

// TestRuleOut checks that a cache told to rule articles out by their
// sketches alone (RuleOut) leaves out those, never makes them for the
// test of Admit, and never leaves out one that matches; and that a
// sketch damaged in the file rules nothing out, however it reads: the
// record is then checked whole, found damaged, and its file read again.
func TestRuleOut(t *testing.T) {
	root := samples(t)
	x := extract.NewExtractor()
	const query = "harbour"
	m := search.NewMatcher(query)
	matching := func(arts []*feed.Article) (ids []string) {
		for _, a := range arts {
			if _, ok := m.Match(a); ok {
				ids = append(ids, a.ID)
			}
		}
		slices.Sort(ids)
		return ids
	}
	troubled := map[string]bool{} // files with problems
	stream := func(l *load.Loader) (arts []*feed.Article) {
		for ev := range l.Stream(context.Background(), []string{root}) {
			arts = append(arts, ev.Articles...)
			for _, p := range ev.Problems {
				troubled[feed.SanitizePath(p.Path)] = true
			}
		}
		return arts
	}
	all := stream(&load.Loader{Extractor: x})
	want := matching(all)
	if len(want) == 0 {
		t.Fatalf("no sample matches %q", query)
	}
	dir := t.TempDir()
	o := Options{Dir: dir, Identity: "test", Sketch: search.Sketch}
	c := Open([]string{root}, x, o)
	stream(&load.Loader{Extractor: x, Cache: c})
	c.Close()

	find := func() (got []*feed.Article, g *sketchGate, c *counting) {
		g = &sketchGate{may: search.SketchFilter(query), out: map[string]bool{}}
		c = &counting{Cache: Open([]string{root}, x, o)}
		got = stream(&load.Loader{Extractor: x, Cache: c, Filter: g})
		c.Close()
		return got, g, c
	}
	got, g, cc := find()
	if ids := matching(got); !slices.Equal(ids, want) {
		t.Errorf("matching %q: %q, want %q", query, ids, want)
	}
	if len(got)+cc.Passed() != len(all) || cc.Passed() < len(all)/2 {
		t.Errorf("%d articles and %d left out, of %d", len(got), cc.Passed(), len(all))
	}
	// Admit sees what the sketches rule out only from files with
	// problems, which are the loader's to weigh, and so made.
	for p := range g.out {
		if !troubled[p] {
			t.Errorf("Admit asked about an article of %s, which RuleOut rules out", p)
		}
	}
	if len(g.out) == 0 {
		t.Errorf("Admit ruled out nothing, of the %d files with problems", len(troubled))
	}
	if cc.misses.Load() != 0 {
		t.Errorf("%d misses from a whole cache", cc.misses.Load())
	}

	// Zero the bitmap of a matching article's sketch, which would rule
	// it out if it were trusted.
	files, _ := filepath.Glob(filepath.Join(dir, "*"+suffix))
	if len(files) != 1 {
		t.Fatalf("cache files: %q", files)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	at, bitmap := -1, 0
	copies := map[string]int{}
	for _, a := range all {
		copies[a.ID]++
	}
	for _, a := range all {
		if slices.Contains(want, a.ID) && copies[a.ID] == 1 && !troubled[a.Path] {
			if sk := search.Sketch(a); sk != nil {
				if at = bytes.Index(data, sk); at >= 0 {
					// The bitmap: the largest power of two in it.
					bitmap = 1 << (bits.Len(uint(len(sk))) - 1)
					break
				}
			}
		}
	}
	if at < 0 {
		t.Fatal("no matching article's sketch, of a file of its own, found in the cache file")
	}
	clear(data[at : at+bitmap])
	if err := os.WriteFile(files[0], data, 0o600); err != nil {
		t.Fatal(err)
	}
	got, _, cc = find()
	if ids := matching(got); !slices.Equal(ids, want) {
		t.Errorf("after damage, matching %q: %q, want %q", query, ids, want)
	}
	if cc.misses.Load() != 1 {
		t.Errorf("after damage: %d misses, want 1", cc.misses.Load())
	}
}

func TestKeptFiles(t *testing.T) {
	// The index and the grouping kept for a set of roots are two files
	// in the cache folder, both under the cache's key, which names the
	// program: another program's are other files' business.
	dir, root := t.TempDir(), t.TempDir()
	open := func(identity string, roots ...string) *Cache {
		c := Open(roots, nil, Options{Dir: dir, Identity: identity})
		t.Cleanup(func() { c.Close() })
		return c
	}
	c := open("program 1", root)
	index, ikey := c.IndexFile()
	stories, skey := c.StoriesFile()
	if index == "" || stories == "" || index == stories {
		t.Fatalf("index %q and stories %q", index, stories)
	}
	if filepath.Dir(index) != dir || filepath.Dir(stories) != dir {
		t.Errorf("%s and %s are not in %s", index, stories, dir)
	}
	if ikey == "" || skey != ikey {
		t.Errorf("keys %q and %q", ikey, skey)
	}
	if _, other := open("program 2", root).StoriesFile(); other == skey {
		t.Error("two programs give the same key")
	}
	if again, _ := open("program 1", root, t.TempDir()).StoriesFile(); again == stories {
		t.Error("other roots name the same file")
	}
}

// TestPreloadInWalkOrder: a second start hands the files over in the
// order the walk finds them, which is not their names' byte order ("a"
// is a folder, walked before "a-b.txt", though "/" sorts after "-"),
// however the records were stored.
func TestPreloadInWalkOrder(t *testing.T) {
	root := t.TempDir()
	writeOld(t, root, "said on", "a.txt", "a-b.txt", "a/x.txt", "a/b/y.txt", "a/c.txt", "b.txt", "a b/z.txt", "A.txt")
	var walked []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			walked = append(walked, p)
		}
		return err
	})
	x := extract.NewExtractor()
	dir := t.TempDir()
	loadWith(t, dir, root, x, Options{Identity: "test"})
	c := Open([]string{root}, x, Options{Dir: dir, Identity: "test"})
	defer c.Close()
	evs, ok := c.Preload([]string{root}, time.Now())
	if !ok {
		t.Fatal("nothing handed over")
	}
	var got []string
	for _, ev := range evs {
		got = append(got, ev.Path)
	}
	if !slices.Equal(got, walked) {
		t.Errorf("handed over in the order\n%q\nwalked\n%q", got, walked)
	}
}

func TestJoinRel(t *testing.T) {
	sep := string(filepath.Separator)
	for _, name := range []string{"news", "./news", "news" + sep, ".", sep, "a" + sep + ".." + sep + "b", "..", "a" + sep + sep + "b", "/tmp/news"} {
		for _, rel := range []string{sep + "x.txt", sep + "d" + sep + "x.txt", "x.txt"} {
			if got, want := joinRel(name, plainDir(name), rel), filepath.Join(name, rel); got != want {
				t.Errorf("joinRel(%q, %q) = %q, want %q", name, rel, got, want)
			}
		}
	}
}

// TestClean checks clean against filepath.Clean.
func TestClean(t *testing.T) {
	if filepath.Separator != '/' {
		t.Skip("clean tells only paths with forward separators")
	}
	for _, p := range []string{"/", "/a", "/a/b.txt", "/a/", "/a//b", "/a/./b", "/a/../b", "/a/.", "/a/..", "/.a/b", "/a/.b/c",
		"/a/..b", "/a/b..", "/a/...", "/a/.../b", "/..", "/.", "//", "/a/b/.hidden", "/Capital Beacon/2024-01-02 x.txt"} {
		if got, want := clean(p), filepath.Clean(p) == p; got && !want {
			t.Errorf("clean(%q) = true; filepath.Clean gives %q", p, filepath.Clean(p))
		} else if got != want && p != "/" {
			t.Errorf("clean(%q) = %v, want %v", p, got, want)
		}
	}
}

// TestPreloadLeavesOutDamaged: a record whose bytes no longer give its
// checksum, though it still decodes, is not handed over by Preload
// (which checks every record it decodes), so that its file is read
// again; every other record is handed over, and found unchanged.
func TestPreloadLeavesOutDamaged(t *testing.T) {
	root := t.TempDir()
	names := []string{"a.txt", "b.txt", "c/d.txt"}
	writeOld(t, root, "said of", names...)
	x := extract.NewExtractor()
	dir := t.TempDir()
	loadWith(t, dir, root, x, Options{Identity: "test"})
	files, _ := filepath.Glob(filepath.Join(dir, "*"+suffix))
	if len(files) != 1 {
		t.Fatalf("cache files: %q", files)
	}
	data, _ := os.ReadFile(files[0])
	at := bytes.Index(data, []byte("office said of b.txt"))
	if at < 0 {
		t.Fatal("b.txt's text is not in the cache file")
	}
	data[at] ^= 0x20 // "Office": it decodes, but not to its checksum
	if err := os.WriteFile(files[0], data, 0o600); err != nil {
		t.Fatal(err)
	}
	c := Open([]string{root}, x, Options{Dir: dir, Identity: "test"})
	defer c.Close()
	evs, ok := c.Preload([]string{root}, time.Now())
	if !ok {
		t.Fatal("nothing handed over")
	}
	var got []string
	for i, ev := range evs {
		got = append(got, ev.Path)
		info, err := os.Lstat(ev.Path)
		if err != nil {
			t.Fatal(err)
		}
		var hint feed.Hint // as the loader gives it: the folder below the root
		if d := filepath.Dir(ev.Path); d != root {
			hint.Folder = filepath.Base(d)
		}
		if !c.Unchanged(i, ev.Path, info, hint) {
			t.Errorf("%s not found unchanged", ev.Path)
		}
	}
	want := []string{filepath.Join(root, "a.txt"), filepath.Join(root, "c", "d.txt")}
	if !slices.Equal(got, want) {
		t.Errorf("handed over %q, want %q", got, want)
	}
}
