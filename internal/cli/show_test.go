package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPipedShowIsPlain: show into a pipe pads no line with trailing
// spaces and shows no emphasis marks.
func TestPipedShowIsPlain(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "story.md")
	body := "# A headline\n\nA paragraph with **strong** and *light* words, long enough to wrap across the width of a terminal once or twice over.\n\n> A quoted line.\n"
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if err := run([]string{"show", path}, &stdout, &stderr); err != nil {
		t.Fatalf("run: %v\nstderr: %s", err, stderr.String())
	}
	out := stdout.String()
	for _, l := range strings.Split(out, "\n") {
		if strings.TrimRight(l, " \t") != l {
			t.Errorf("line ends in spaces: %q", l)
		}
	}
	if strings.Contains(out, "*") || !strings.Contains(out, "strong and light words") {
		t.Errorf("emphasis shown as marks, or words lost:\n%s", out)
	}
}
