package extract_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/extract"
)

// TestExtractSharesNoMemoryWithData extracts every sample and test file
// from a buffer, then overwrites the buffer: the articles must not
// change, whatever they were read from, since the caller may reuse it.
// Nor may they change as later files are extracted, which reuses the
// extractor's own working memory.
func TestExtractSharesNoMemoryWithData(t *testing.T) {
	var paths []string
	for _, root := range []string{"../../data", "testdata"} {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() && filepath.Base(filepath.Dir(p)) != "fuzz" {
				paths = append(paths, p)
			}
			return nil
		})
	}
	if len(paths) < 20 {
		t.Fatalf("found only %d files to read", len(paths))
	}
	x := extract.NewExtractor()
	type extracted struct {
		path   string
		arts   []*feed.Article
		before [][]byte
	}
	var all []extracted
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		arts, _ := x.Extract(extract.Source{Path: p, Data: data})
		before := make([][]byte, len(arts))
		for i, a := range arts {
			before[i], _ = a.JSON(true)
		}
		for i := range data {
			data[i] = 'x'
		}
		for i, a := range arts {
			if after, _ := a.JSON(true); !bytes.Equal(after, before[i]) {
				t.Errorf("%s: article %d changed when its file's buffer was overwritten", p, i)
			}
		}
		all = append(all, extracted{p, arts, before})
	}
	for _, e := range all {
		for i, a := range e.arts {
			if after, _ := a.JSON(true); !bytes.Equal(after, e.before[i]) {
				t.Errorf("%s: article %d changed as later files were extracted", e.path, i)
			}
		}
	}
}
