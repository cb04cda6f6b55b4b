package extract

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzExtractFormats feeds mangled versions of the format fixtures to
// extraction: whatever the bytes, it must return without panicking, and
// every article it returns must have a title.
func FuzzExtractFormats(f *testing.F) {
	for _, dir := range []string{"html", "markdown", "feed", "json", "gz", "encoding"} {
		paths, _ := filepath.Glob(filepath.Join("testdata", dir, "*"))
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil || len(data) > 64<<10 {
				continue
			}
			f.Add(filepath.Base(p), data)
		}
	}
	x := testExtractor()
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		arts, _ := x.Extract(Source{Path: name, Data: data})
		for _, a := range arts {
			if a.Title == "" {
				t.Errorf("article without a title from %q", name)
			}
		}
	})
}
