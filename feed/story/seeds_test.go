package story

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/broadsheet/broadsheet/feed/load"
)

// seedsDir holds five real articles, from several outlets, about one
// event. They live outside the repository and are never copied into it.
var seedsDir = filepath.Join("..", "..", "..", "shared", "seeds")

func TestSeedsAreOneStory(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	if len(files) == 0 {
		t.Skip("no seed articles at " + seedsDir)
	}
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			t.Skip(err)
		}
	}
	store := (&load.Loader{}).Load(context.Background(), files)
	if store.Len() != len(files) {
		t.Fatalf("loaded %d articles from %d files: %v", store.Len(), len(files), store.Problems())
	}
	s := New(Options{})
	s.Add(store.Articles()...)
	if s.Len() != 1 {
		for _, st := range s.Stories() {
			t.Logf("story %s %q: %d articles", st.ID, st.Title, len(st.Articles))
		}
		t.Fatalf("seeds make %d stories, want 1", s.Len())
	}
	st := s.Stories()[0]
	for _, a := range st.Articles {
		if len(st.Only(a.ID)) == 0 {
			t.Errorf("%s: no sentence only in this article", filepath.Base(a.Path))
		}
	}
}
