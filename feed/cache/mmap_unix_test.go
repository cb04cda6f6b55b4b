//go:build unix

package cache

import (
	"context"
	"testing"
	"unsafe"

	"github.com/broadsheet/broadsheet/feed/extract"
	"github.com/broadsheet/broadsheet/feed/load"
)

// inMapping reports whether s's bytes lie in a file mapFile mapped.
func inMapping(s string) bool {
	if s == "" {
		return false
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	mappings.Lock()
	defer mappings.Unlock()
	for _, data := range mappings.m {
		start := uintptr(unsafe.Pointer(unsafe.SliceData(data)))
		if p >= start && p < start+uintptr(len(data)) {
			return true
		}
	}
	return false
}

// Articles sharing the cache file's bytes keep only their lead and body
// there: the fields read for every article are their own. Once the
// pages are let go, every article reads back as extraction made it.
func TestBorrowedArticles(t *testing.T) {
	root := samples(t)
	dir := t.TempDir()
	x := extract.NewExtractor()
	want, _ := loadWith(t, "", root, x, Options{})
	loadWith(t, dir, root, x, Options{}) // fills the cache

	l := &load.Loader{Extractor: x}
	c := Open([]string{root}, x, Options{Dir: dir, Borrow: true})
	l.Cache = c
	s := l.Load(context.Background(), []string{root})
	c.Close()
	bodies := 0
	for _, a := range s.Articles() {
		for name, f := range map[string]string{"id": a.ID, "title": a.Title, "outlet": a.Outlet, "byline": a.Byline, "url": a.URL,
			"format": string(a.Format), "outlet source": a.OutletSource, "date source": a.DateSource, "path": a.Path} {
			if inMapping(f) {
				t.Errorf("%s: its %s %q is the cache file's bytes", a.Path, name, f)
			}
		}
		if inMapping(a.Body) {
			bodies++
		}
	}
	if bodies == 0 {
		t.Errorf("no article's body shares the cache file's bytes")
	}
	LetGoOfPages()
	if got := lines(t, s); got != want {
		t.Errorf("after letting go of the pages, the articles differ from extraction:\n%s\nwant\n%s", got, want)
	}
}
