package feed_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/broadsheet/broadsheet/feed"
)

// TestExtractSharesNoMemoryWithData extracts every sample and test file
// from a buffer, then overwrites the buffer: the articles must not
// change, whatever they were read from, since the caller may reuse it.
func TestExtractSharesNoMemoryWithData(t *testing.T) {
	var paths []string
	for _, root := range []string{"../data", "testdata"} {
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
	x := feed.NewExtractor()
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		arts, _ := x.Extract(feed.Source{Path: p, Data: data})
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
	}
}
